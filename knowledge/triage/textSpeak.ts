import path from 'node:path';
import { z } from 'zod';
import { checkedOnce, readCheckedJson, type PackIssue } from '../loader';
import { projectPath } from '../paths';

// How people type to a chat box, as data a reviewer can read and extend:
// knowledge/triage/rules/text-speak.json (typed words to plain words, spellings of two words,
// and where a lone "2" means "to"), read and checked like the rules file.

const word = z.string().regex(/^[a-z0-9]+$/, 'a typed word is lower-case letters and digits only');
const words = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'plain words in lower case, one space between them');

const textSpeakFileSchema = z
  .object({
    about: z.record(z.string(), z.string()).optional(),
    tokens: z.array(z.object({ note: z.string().trim().min(1), rewrites: z.record(word, words) }).strict()).min(1),
    // The normaliser joins pairs of words: a "from" of one or three words would never apply.
    phrases: z.array(z.object({ from: z.string().regex(/^[a-z0-9]+ [a-z0-9]+$/, 'two words, one space between them'), to: words }).strict()),
    twoMeansTo: z.object({ after: z.array(word).min(1), before: z.array(word).min(1) }).strict(),
    emoji: z.record(z.string().regex(/^\p{Extended_Pictographic}$/u, 'one emoji, without a skin tone or variation selector'), words).default({}),
  })
  .strict();

export interface TextSpeak {
  /**
   * One typed word to plain words. Looked up with words people typed, so it has no prototype:
   * "constructor" or "toString" in a message must find nothing here, not Object.prototype's
   * functions (which crashed the turn).
   */
  tokens: Readonly<Record<string, string>>;
  /** Two words, as split, to their plain spelling ("step dad" to "stepdad"). */
  phrases: ReadonlyArray<readonly [string, string]>;
  /** A lone "2" after these words means "to" ("want 2 die"). */
  twoMeansTo: RegExp;
  /** A lone "2" before these verbs means "to" ("talk 2 someone"). */
  twoBeforeVerb: RegExp;
  /** An emoji that stands for a thing, to its word ("👶" to "baby"); undefined when the file lists none. */
  emoji?: { pattern: RegExp; words: ReadonlyMap<string, string> };
}

export function defaultTextSpeakPath(): string {
  return projectPath('knowledge', 'triage', 'rules', 'text-speak.json');
}

/** Reads and checks a text-speak file; a typed word in two sections is a problem. */
export function readTextSpeak(file: string = defaultTextSpeakPath()): { textSpeak?: TextSpeak; issues: PackIssue[] } {
  const label = path.basename(file);
  const { data, issues } = readCheckedJson(file, label, textSpeakFileSchema);
  if (!data) return { issues };
  const problems: PackIssue[] = [];
  const tokens = Object.create(null) as Record<string, string>;
  const firstAt = new Map<string, number>();
  data.tokens.forEach((section, i) => {
    for (const [from, to] of Object.entries(section.rewrites)) {
      const first = firstAt.get(from);
      if (first !== undefined) problems.push({ file: label, path: `tokens[${i}].rewrites.${from}`, message: `"${from}" is already rewritten in tokens[${first}]` });
      firstAt.set(from, i);
      tokens[from] = to;
    }
  });
  const phraseAt = new Map<string, number>();
  data.phrases.forEach(({ from }, i) => {
    const first = phraseAt.get(from);
    if (first !== undefined) problems.push({ file: label, path: `phrases[${i}].from`, message: `"${from}" is already phrases[${first}]` });
    phraseAt.set(from, i);
  });
  if (problems.length > 0) return { issues: problems };
  const alternation = (list: readonly string[]) => list.join('|');
  return {
    textSpeak: {
      tokens: Object.freeze(tokens),
      phrases: data.phrases.map(({ from, to }) => [from, to] as const),
      twoMeansTo: new RegExp(`\\b(${alternation(data.twoMeansTo.after)})\\s+2\\b`, 'g'),
      twoBeforeVerb: new RegExp(`\\b2\\s+(${alternation(data.twoMeansTo.before)})\\b`, 'g'),
      ...emojiRewrites(data.emoji),
    },
    issues: [],
  };
}

/** One pass over the text finds every listed emoji (a skin tone or variation selector after one is part of it). */
function emojiRewrites(emoji: Record<string, string>): Pick<TextSpeak, 'emoji'> {
  const keys = Object.keys(emoji);
  if (keys.length === 0) return {};
  return {
    emoji: {
      pattern: new RegExp(`(${keys.join('|')})[\\u{1F3FB}-\\u{1F3FF}\\uFE0F]?`, 'gu'),
      words: new Map(Object.entries(emoji)),
    },
  };
}

/** The project's text speak, read and checked on first use (see checkedOnce). */
export const textSpeak = checkedOnce('The text-speak rewrites', () => readTextSpeak(), (r) => r.textSpeak);
