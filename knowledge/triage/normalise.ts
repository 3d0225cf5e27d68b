import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import { BoundedCache } from './boundedCache';
import { COMMON_WORDS } from './commonWords';
import { FuzzyCorrector } from './fuzzy';
import { textSpeak, type TextSpeak } from './textSpeak';

/**
 * A message as the risk rules and the classifier see it. Rules match on the
 * stem stream (" want to kill myself " -> " want to kill myself "), so one
 * rule covers "kill", "kills", "killing" and "killed".
 */
export interface NormalisedText {
  /** Plain lower-case words after rewrites and spelling fixes. */
  tokens: string[];
  /** Porter stems of `tokens`, one for one. */
  stems: string[];
  /** " " + tokens joined by single spaces + " ". */
  surfaceText: string;
  /** " " + stems joined by single spaces + " ". */
  stemText: string;
  /** Where each token starts in surfaceText. */
  surfaceStarts: number[];
  /** Where each stem starts in stemText. */
  stemStarts: number[];
}

/**
 * Stems of the words seen lately. Bounded by entries and by bytes (about 2 MB at most), and words
 * longer than any real one (a run of letters someone pasted) are stemmed but never kept.
 */
export const stemCache = new BoundedCache<string>({ maxEntries: 20_000, maxBytes: 2 * 1024 * 1024, maxKeyLength: 40 });

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : PorterStemmer.stem(word);
    stemCache.set(word, s);
  }
  return s;
}

// Apostrophes carry meaning before they are stripped: "od'd", "can't", "she'll".
const PRE_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201b\u02bc\u0060\u00b4\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/\bo\.?d'd\b/g, ' overdosed '],
  [/\bod'ed\b/g, ' overdosed '],
  // "w/o" and "w/" typed for without / with
  [/\bw\/o\b/g, ' without '],
  [/\bw\/(?=\s)/g, ' with '],
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\bain'?t\b/g, 'is not'],
  [/([a-z])n't\b/g, '$1 not'],
  [/\b(i|you|he|she|it|we|they|that|there|who)'ll\b/g, '$1 will'],
  [/\b(i|you|he|she|it|we|they|who)'d\b/g, '$1 would'],
  [/\b(you|we|they|who)'re\b/g, '$1 are'],
  [/\b(i|you|we|they|who|could|should|would|might|must)'ve\b/g, '$1 have'],
  [/\bi'm\b/g, 'i am'],
  [/\b(he|she|it|that|there|what|who|where|here|how)'s\b/g, '$1 is'],
  [/\blet's\b/g, 'let us'],
  // "baby's blue", "mum's grey", "he's floppy": 's before a word for how someone looks, with
  // nothing after it, is "is" (not a possessive: "the baby's blue blanket" keeps its noun).
  [/([a-z])'s (blue|grey|gray|floppy|limp|unconscious|unresponsive)(?=\s*(?:[.!?,]|$))/g, '$1 is $2'],
  // possessive: "daughter's" -> "daughter" so "my daughter's boyfriend" reads "my daughter boyfriend"
  [/([a-z])'s\b/g, '$1'],
  [/([a-z])s'(\s|$)/g, '$1s$2'],
  [/'/g, ''],
  // "5yo", "3yr", "14yrs" -> "5 year old"
  [/\b(\d{1,2}) ?(?:yo|y\/o|yr old|yrs old|yrold)\b/g, '$1 year old'],
  [/\b(\d{1,2})(yrs?|years?|months?)\b/g, '$1 $2'],
  // words jammed together in a hurry
  [/\b(kill|hurt|harm|cut|hang|kil)(my|him|her|them|your)(self|selves|slef|sel)\b/g, '$1 $2$3'],
  [/\bselfharm/g, 'self harm'],
];

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

export class Normaliser {
  private readonly known = new Set<string>();
  private readonly knownStems = new Set<string>();
  private readonly fuzzy: FuzzyCorrector;
  private readonly tokens: TextSpeak['tokens'];
  private readonly twoWordRewrites = new Map<string, string[]>();

  /** `speak` defaults to knowledge/triage/rules/text-speak.json. */
  constructor(riskLexicon: readonly string[], extraKnown: Iterable<string> = [], private readonly speak: TextSpeak = textSpeak()) {
    this.tokens = speak.tokens;
    for (const [from, to] of speak.phrases) this.twoWordRewrites.set(from, to.split(' '));
    for (const w of COMMON_WORDS.split(/\s+/)) if (w) this.addKnown(w);
    for (const [from, to] of Object.entries(this.tokens)) {
      this.addKnown(from);
      for (const w of to.split(' ')) this.addKnown(w);
    }
    for (const w of riskLexicon) this.addKnown(w);
    for (const w of extraKnown) this.addKnown(w);
    this.fuzzy = new FuzzyCorrector(riskLexicon);
  }

  addKnown(word: string): void {
    const w = word.toLowerCase();
    if (!/^[a-z]+$/.test(w)) return;
    this.known.add(w);
    this.knownStems.add(stem(w));
  }

  isKnown(word: string): boolean {
    return this.known.has(word) || this.knownStems.has(stem(word));
  }

  normalise(input: string): NormalisedText {
    let text = input.normalize('NFKC').toLowerCase();
    // An emoji in place of a word ("👶 choking help") is read as the word; other emoji drop out
    // with the punctuation below.
    const emoji = this.speak.emoji;
    if (emoji && /[^\x00-\x7f]/.test(text)) text = text.replace(emoji.pattern, (_, e: string) => ` ${emoji.words.get(e) ?? ''} `);
    for (const [re, to] of PRE_REWRITES) text = text.replace(re, to);
    text = text.replace(this.speak.twoMeansTo, '$1 to').replace(this.speak.twoBeforeVerb, 'to $1');
    // leet inside words that mix letters and digits: "k1ll", "su1c1de"
    // (One run of word characters, then a test for a letter: "[a-z0-9@$]*[a-z][a-z0-9@$]*" is
    // quadratic on a long run of digits.)
    text = text.replace(/[a-z0-9@$]+/g, (w) =>
      /[a-z]/.test(w) && /[0-9@$]/.test(w) && !/^\d+(st|nd|rd|th|s|am|pm|k|m|mg|ml)$/.test(w) && !(w in this.tokens)
        ? w.replace(/[0134579@$]/g, (c) => LEET[c] ?? c)
        : w,
    );
    const raw = text.split(/[^a-z0-9]+/).filter(Boolean);

    const words: string[] = [];
    for (let token of raw) {
      // "pleeeease" -> "pleease": three or more of a letter become two
      token = token.replace(/([a-z])\1{2,}/g, '$1$1');
      const rewrite = this.tokens[token];
      if (rewrite !== undefined) {
        for (const w of rewrite.split(' ')) words.push(w);
        continue;
      }
      if (!this.isKnown(token) && /^[a-z]{3,}$/.test(token)) {
        // A dropped g ("endin it all", "thinkin bout it", "cryin"): the word with it, when known.
        if (token.length >= 4 && token.endsWith('in') && this.isKnown(token + 'g')) {
          words.push(token + 'g');
          continue;
        }
        const single = token.replace(/([a-z])\1+/g, '$1');
        if (single !== token && this.isKnown(single)) {
          words.push(single);
          continue;
        }
        const corrected = this.fuzzy.correct(token) ?? (single !== token ? this.fuzzy.correct(single) : undefined);
        if (corrected !== undefined) {
          const again = this.tokens[corrected];
          for (const w of (again ?? corrected).split(' ')) words.push(w);
          continue;
        }
      }
      words.push(token);
    }

    const tokens: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (i + 1 < words.length) {
        const joined = this.twoWordRewrites.get(words[i] + ' ' + words[i + 1]);
        if (joined !== undefined) {
          tokens.push(...joined);
          i++;
          continue;
        }
      }
      tokens.push(words[i]);
    }

    const stems = tokens.map(stem);
    const surfaceStarts: number[] = [];
    const stemStarts: number[] = [];
    let s = 1;
    let t = 1;
    for (let i = 0; i < tokens.length; i++) {
      surfaceStarts.push(s);
      stemStarts.push(t);
      s += tokens[i].length + 1;
      t += stems[i].length + 1;
    }
    return {
      tokens,
      stems,
      surfaceText: ' ' + tokens.join(' ') + ' ',
      stemText: ' ' + stems.join(' ') + ' ',
      surfaceStarts,
      stemStarts,
    };
  }
}
