import type { NormalisedText } from '../normalise';
import { fnv1a } from './hashing';

// What the model sees of a message: words, pairs of words, stems, and the letter sequences
// inside each word. Letter sequences are what let a linear model read "suicdal", "kms" and
// "cuckoo'd" near their neighbours without a rule for each spelling; word pairs carry a
// little order ("not safe" is not "safe").

export interface FeatureOptions {
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** Shortest and longest letter sequence taken inside a word. */
  minChars: number;
  maxChars: number;
  /** How much a letter sequence counts beside a whole word. */
  charWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { buckets: 1 << 18, minChars: 3, maxChars: 5, charWeight: 0.25 };

/** Hashed features of one message, each bucket once, with its weight. */
export interface FeatureVector {
  index: Uint32Array;
  value: Float32Array;
}

/**
 * `extra` are named signals from outside the words, such as the risk rules that fired
 * ("rule:crisis.self-harm"): the model learns how far to trust each one.
 */
export function featuresOf(
  n: Pick<NormalisedText, 'tokens' | 'stems'>,
  options: FeatureOptions = DEFAULT_FEATURES,
  extra: readonly string[] = [],
): FeatureVector {
  const mask = options.buckets - 1;
  const weights = new Map<number, number>();
  const add = (feature: string, weight: number) => {
    const bucket = fnv1a(feature) & mask;
    weights.set(bucket, Math.max(weights.get(bucket) ?? 0, weight));
  };
  const { tokens, stems } = n;
  add('^bias', 1);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    add(`w:${word}`, 1);
    if (stems[i] !== word) add(`s:${stems[i]}`, 1);
    add(`b:${i === 0 ? '^' : stems[i - 1]}_${stems[i]}`, 1);
    if (i + 1 < tokens.length && i > 0) add(`k:${stems[i - 1]}_${stems[i + 1]}`, 0.5);
    if (word.length >= options.minChars) {
      const padded = `<${word}>`;
      for (let len = options.minChars; len <= options.maxChars; len++) {
        for (let at = 0; at + len <= padded.length; at++) add(`c:${padded.slice(at, at + len)}`, options.charWeight);
      }
    }
  }
  if (tokens.length > 0) add(`b:${stems[stems.length - 1]}_$`, 1);
  for (const signal of extra) add(`x:${signal}`, 1);
  const index = new Uint32Array(weights.size);
  const value = new Float32Array(weights.size);
  let k = 0;
  for (const [bucket, weight] of weights) {
    index[k] = bucket;
    value[k] = weight;
    k++;
  }
  return { index, value };
}

/**
 * The words behind the strongest features, for the audit trail: "overdose", "took all",
 * "tablets". Letter sequences are shown as the word they came from.
 */
export function explainFeatures(
  n: Pick<NormalisedText, 'tokens' | 'stems'>,
  contributions: ReadonlyArray<{ bucket: number; weight: number }>,
  count: number,
  options: FeatureOptions = DEFAULT_FEATURES,
): string[] {
  const mask = options.buckets - 1;
  const source = new Map<number, string>();
  const name = (feature: string, shown: string) => {
    const bucket = fnv1a(feature) & mask;
    if (!source.has(bucket)) source.set(bucket, shown);
  };
  const { tokens, stems } = n;
  for (let i = 0; i < tokens.length; i++) {
    name(`w:${tokens[i]}`, tokens[i]);
    name(`s:${stems[i]}`, tokens[i]);
    if (i > 0) name(`b:${stems[i - 1]}_${stems[i]}`, `${tokens[i - 1]} ${tokens[i]}`);
    const padded = `<${tokens[i]}>`;
    for (let len = options.minChars; len <= options.maxChars; len++) {
      for (let at = 0; at + len <= padded.length; at++) name(`c:${padded.slice(at, at + len)}`, tokens[i]);
    }
  }
  const out: string[] = [];
  for (const c of contributions) {
    if (c.weight <= 0 || out.length >= count) break;
    const shown = source.get(c.bucket);
    if (shown !== undefined && !out.includes(shown)) out.push(shown);
  }
  return out;
}
