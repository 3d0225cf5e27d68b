import { z } from 'zod';
import { RISK_ROUTES } from '../vocabulary';
import type { TriageFn } from '../triage/types';
import { LANGUAGE_CONFIDENCE, type LanguageIdentifier } from './identify';
import type { OtherLanguages } from './otherLanguages';

// How the bot does on messages in other languages (test/eval/holdout-languages-*.json), read the
// way the bot reads them: the language model first; when it is sure of a language with a notice,
// the English model does not judge the message (the rules and that language's phrases do).
// `npm run eval:languages` prints it; a test holds floors on it.

export const languageSetSchema = z.object({
  description: z.string(),
  messages: z.array(z.object({ language: z.string(), route: z.enum(RISK_ROUTES).nullable(), text: z.string().min(1), english: z.string() })),
});
export type LanguageSet = z.output<typeof languageSetSchema>;

export interface LanguageRow {
  n: number;
  /** Given the notice in its own language. */
  notice: number;
  risk: number;
  /** Risk messages given a risk reply. */
  riskCaught: number;
  riskRight: number;
  /** Risk messages with the danger contacts in front of the person (a risk reply, or the notice). */
  contacts: number;
  ordinary: number;
  /** Ordinary messages given a risk route. */
  falseRisk: number;
}

export interface LanguageReport {
  byLanguage: Map<string, LanguageRow>;
  /** English messages given a notice. */
  englishNotices: number;
  misses: string[];
}

export async function evaluateLanguages(set: LanguageSet, triage: TriageFn, identifier: LanguageIdentifier, languages: OtherLanguages): Promise<LanguageReport> {
  const byLanguage = new Map<string, LanguageRow>();
  const misses: string[] = [];
  let englishNotices = 0;
  for (const m of set.messages) {
    const row = byLanguage.get(m.language) ?? { n: 0, notice: 0, risk: 0, riskCaught: 0, riskRight: 0, contacts: 0, ordinary: 0, falseRisk: 0 };
    byLanguage.set(m.language, row);
    row.n++;
    const guess = await identifier.identify(m.text);
    const identified = guess.confidence >= LANGUAGE_CONFIDENCE && languages.language(guess.code) ? guess.code : undefined;
    const result = triage(m.text, identified ? { language: identified } : {});
    const risky = (RISK_ROUTES as readonly string[]).includes(result.route);
    // A risk phrase names its language even when the model was unsure.
    const noticeIn = result.language ?? identified;
    const noticeGiven = noticeIn !== undefined && languages.language(noticeIn) !== undefined;
    // Without a risk reply, the notice itself lists the contacts for anyone in danger.
    const contactsShown = risky || noticeGiven;
    if (m.language === 'en') {
      if (noticeGiven) {
        englishNotices++;
        misses.push(`  notice for English (${noticeIn}): ${m.text}`);
      }
    } else if (noticeIn === m.language && noticeGiven) row.notice++;
    else misses.push(`  no ${m.language} notice (${guess.code} ${guess.confidence.toFixed(2)}): ${m.text.slice(0, 80)}`);
    if (m.route) {
      row.risk++;
      if (risky) row.riskCaught++;
      if (result.route === m.route) row.riskRight++;
      if (contactsShown) row.contacts++;
      if (!risky) misses.push(`  risk missed ${m.language} ${m.route}${contactsShown ? ' (danger contacts in the notice)' : ' (NO CONTACTS)'}: ${m.text.slice(0, 80)} (${m.english.slice(0, 60)})`);
    } else {
      row.ordinary++;
      if (risky) {
        row.falseRisk++;
        misses.push(`  false risk ${m.language} (${result.route}): ${m.text.slice(0, 80)}`);
      }
    }
  }
  return { byLanguage, englishNotices, misses };
}

/** The rows of every language but English, added up. */
export function otherLanguageTotals(report: LanguageReport): LanguageRow {
  const total: LanguageRow = { n: 0, notice: 0, risk: 0, riskCaught: 0, riskRight: 0, contacts: 0, ordinary: 0, falseRisk: 0 };
  for (const [code, row] of report.byLanguage) {
    if (code === 'en') continue;
    for (const k of Object.keys(total) as (keyof LanguageRow)[]) total[k] += row[k];
  }
  return total;
}
