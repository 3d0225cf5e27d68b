import JaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance');
import { BoundedCache } from './boundedCache';
import { damerauLevenshtein } from './editDistance';

/**
 * Corrects a misspelt word to a risk word ("suicidle" -> "suicide", "kil" -> "kill").
 * Only words that are not already known reach it, and only risk words of four or
 * more letters sharing the first letter are candidates, so it stays cheap and
 * cannot turn "bills" into "kills". The risk rules still need their context
 * ("kill myself"), so a stray correction rarely changes an outcome.
 */
export class FuzzyCorrector {
  private readonly byFirstLetter = new Map<string, string[]>();
  /** Answers for tokens seen lately (null: no correction), bounded by entries and by bytes. */
  private readonly cache = new BoundedCache<string | null>({ maxEntries: 10_000, maxBytes: 1024 * 1024, maxKeyLength: 40 });

  constructor(lexicon: readonly string[]) {
    for (const word of new Set(lexicon)) {
      if (word.length < 4 || !/^[a-z]+$/.test(word)) continue;
      const list = this.byFirstLetter.get(word[0]) ?? [];
      list.push(word);
      this.byFirstLetter.set(word[0], list);
    }
  }

  /** The risk word `token` is most likely a misspelling of, or undefined. */
  correct(token: string): string | undefined {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.search(token);
    this.cache.set(token, result ?? null);
    return result;
  }

  private search(token: string): string | undefined {
    if (token.length < 3) return undefined;
    const candidates = this.byFirstLetter.get(token[0]);
    if (candidates === undefined) return undefined;
    const maxDistance = token.length <= 6 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = Infinity;
    let bestSimilarity = 0;
    for (const word of candidates) {
      if (Math.abs(word.length - token.length) > maxDistance) continue;
      // A three-letter token only counts as a dropped letter: "kil" -> "kill".
      if (token.length === 3 && !(word.length === 4 && isSubsequence(token, word))) continue;
      const distance = damerauLevenshtein(token, word);
      if (distance > maxDistance) continue;
      const similarity = JaroWinklerDistance(token, word);
      // Two edits are allowed only for long words that still look alike.
      if (distance === 2 && similarity < 0.9) continue;
      if (distance < bestDistance || (distance === bestDistance && similarity > bestSimilarity)) {
        best = word;
        bestDistance = distance;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}
