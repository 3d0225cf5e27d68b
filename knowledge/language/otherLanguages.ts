import path from 'node:path';
import { z } from 'zod';
import { checkedOnce, readCheckedJson, type PackIssue } from '../loader';
import { projectPath } from '../paths';
import { RISK_ROUTES, type RiskRoute } from '../vocabulary';

// The languages the bot answers with a notice, and the risk phrases it recognises in them:
// knowledge/language/other-languages.json, data for a fluent speaker to check, read and checked
// like the rules files (every problem as file, path, message).

const text = z.string().trim().min(1, 'cannot be empty');

const languageSchema = z
  .object({
    code: z.string().regex(/^[a-z]{2,3}$/, 'a two- or three-letter ISO 639 code, like "pl"'),
    englishName: text,
    name: text,
    checkedByFluentSpeaker: z.boolean(),
    notice: text.refine((t) => t.includes('999'), 'must tell the reader to call 999 in an emergency'),
    contactsLead: text,
    risk: z.array(z.object({ route: z.enum(RISK_ROUTES), phrases: z.array(text).min(1) }).strict()).min(1),
  })
  .strict();

const fileSchema = z.object({ about: z.record(z.string(), z.string()).optional(), languages: z.array(languageSchema).min(1) }).strict();

export type OtherLanguage = z.output<typeof languageSchema>;

/** A risk phrase found in a message in another language. */
export interface OtherLanguageRisk {
  code: string;
  route: RiskRoute;
  /** The phrase as written in the file. */
  phrase: string;
}

/** Scripts written without spaces between words: a phrase is found anywhere in the text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Letters only, lower case, accents set aside ("Chcę się" and "chce sie" read the same), one
 * space between words. Letters that do not decompose into a base and an accent are mapped by hand.
 */
export function foldText(raw: string): string {
  // Most messages are plain ASCII: then only case, apostrophes and the spaces change (the same
  // result as below, without the Unicode passes that every English message paid for).
  if (!/[^\x00-\x7f]/.test(raw)) return raw.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[đ]/g, 'd')
    .replace(/[ø]/g, 'o')
    .replace(/[’‘']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class OtherLanguages {
  readonly languages: readonly OtherLanguage[];
  private readonly byCode: ReadonlyMap<string, OtherLanguage>;
  private readonly phrases: ReadonlyArray<{ code: string; route: RiskRoute; phrase: string; folded: string; unspaced: boolean }>;

  constructor(languages: readonly OtherLanguage[]) {
    this.languages = languages;
    this.byCode = new Map(languages.map((l) => [l.code, l]));
    this.phrases = languages.flatMap((l) =>
      l.risk.flatMap((r) => r.phrases.map((phrase) => ({ code: l.code, route: r.route, phrase, folded: foldText(phrase), unspaced: UNSPACED.test(phrase) }))),
    );
  }

  language(code: string | undefined): OtherLanguage | undefined {
    return code === undefined ? undefined : this.byCode.get(code);
  }

  /** Every risk phrase in the message, in the order of the file (one per language and route). */
  riskIn(message: string): OtherLanguageRisk[] {
    // Folded once per message; each phrase is then a plain substring search (about 150 of them).
    const folded = ` ${foldText(message)} `;
    if (folded.trim() === '') return [];
    const found: OtherLanguageRisk[] = [];
    const seen = new Set<string>();
    for (const p of this.phrases) {
      const key = `${p.code} ${p.route}`;
      if (seen.has(key)) continue;
      if (p.unspaced ? folded.includes(p.folded) : folded.includes(` ${p.folded} `)) {
        seen.add(key);
        found.push({ code: p.code, route: p.route, phrase: p.phrase });
      }
    }
    return found;
  }
}

export const OTHER_LANGUAGES_FILE = 'other-languages.json';

export function defaultOtherLanguagesPath(): string {
  return projectPath('knowledge', 'language', OTHER_LANGUAGES_FILE);
}

/** Reads and checks the file; a language listed twice, or a phrase under two routes, is a problem. */
export function readOtherLanguages(file: string = defaultOtherLanguagesPath()): { languages?: OtherLanguages; issues: PackIssue[] } {
  const label = path.basename(file);
  const { data, issues } = readCheckedJson(file, label, fileSchema);
  if (!data) return { issues };
  const problems: PackIssue[] = [];
  const codes = new Map<string, number>();
  data.languages.forEach((l, i) => {
    const first = codes.get(l.code);
    if (first !== undefined) problems.push({ file: label, path: `languages[${i}].code`, message: `"${l.code}" is already languages[${first}]` });
    codes.set(l.code, i);
    const phrases = new Map<string, string>();
    l.risk.forEach((r, j) =>
      r.phrases.forEach((phrase, k) => {
        const folded = foldText(phrase);
        const where = `languages[${i}].risk[${j}].phrases[${k}]`;
        if (folded === '') return void problems.push({ file: label, path: where, message: 'has no letters once punctuation is set aside' });
        const first = phrases.get(folded);
        if (first !== undefined) problems.push({ file: label, path: where, message: `reads the same as ${first} once accents and case are set aside` });
        else phrases.set(folded, where);
      }),
    );
  });
  if (problems.length > 0) return { issues: problems };
  return { languages: new OtherLanguages(data.languages), issues: [] };
}

/** The project's file, read and checked on first use (see checkedOnce). */
export const otherLanguages = checkedOnce('The other-language notices and risk phrases', () => readOtherLanguages(), (r) => r.languages);
