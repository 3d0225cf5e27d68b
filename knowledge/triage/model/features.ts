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
  const scratch = scratchFor(options.buckets);
  const touched: number[] = [];
  const put = (bucket: number, weight: number) => {
    const was = scratch[bucket];
    if (was === 0) touched.push(bucket);
    if (weight > was) scratch[bucket] = weight;
  };
  const add = (feature: string, weight: number) => put(fnv1a(feature) & mask, weight);
  const { tokens, stems } = n;
  add('^bias', 1);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    add(`w:${word}`, 1);
    if (stems[i] !== word) add(`s:${stems[i]}`, 1);
    add(`b:${i === 0 ? '^' : stems[i - 1]}_${stems[i]}`, 1);
    if (i + 1 < tokens.length && i > 0) add(`k:${stems[i - 1]}_${stems[i + 1]}`, 0.5);
    if (word.length >= options.minChars) addLetterSequences(word, options, mask, put);
  }
  if (tokens.length > 0) add(`b:${stems[stems.length - 1]}_$`, 1);
  for (const signal of extra) add(`x:${signal}`, 1);
  const index = Uint32Array.from(touched);
  const value = new Float32Array(touched.length);
  for (let k = 0; k < touched.length; k++) {
    value[k] = scratch[touched[k]];
    scratch[touched[k]] = 0;
  }
  return { index, value };
}

// The letter sequences of "<word>" are hashed as the strings "c:" + sequence would be, without
// making those strings: FNV-1a reads left to right, so one pass from each starting letter gives
// the hashes of the sequences of every length there. Building and hashing each string was the
// largest part of reading a message. They are added shortest first, as the strings were, so the
// vector (and a model trained on it) is the same to the last bit.
const LETTERS_SEED = fnv1aContinue(0x811c9dc5, 'c:');
const LT = 60; // '<'
const GT = 62; // '>'
let sequenceHashes = new Uint32Array(256);

function addLetterSequences(word: string, options: FeatureOptions, mask: number, put: (bucket: number, weight: number) => void): void {
  const { minChars, maxChars, charWeight } = options;
  const length = word.length + 2;
  const lengths = maxChars - minChars + 1;
  if (sequenceHashes.length < length * lengths) sequenceHashes = new Uint32Array(length * lengths * 2);
  const at = (k: number) => (k === 0 ? LT : k === length - 1 ? GT : word.charCodeAt(k - 1));
  for (let start = 0; start + minChars <= length; start++) {
    let hash = LETTERS_SEED;
    for (let len = 1; len <= maxChars && start + len <= length; len++) {
      hash = Math.imul(hash ^ at(start + len - 1), 0x01000193);
      if (len >= minChars) sequenceHashes[(len - minChars) * length + start] = hash >>> 0;
    }
  }
  for (let len = minChars; len <= maxChars; len++) {
    for (let start = 0; start + len <= length; start++) put(sequenceHashes[(len - minChars) * length + start] & mask, charWeight);
  }
}

function fnv1aContinue(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** One zeroed array per bucket count, reused: each call clears only the buckets it set. */
const scratches = new Map<number, Float32Array>();
function scratchFor(buckets: number): Float32Array {
  let scratch = scratches.get(buckets);
  if (!scratch) {
    scratch = new Float32Array(buckets);
    scratches.set(buckets, scratch);
  }
  return scratch;
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
