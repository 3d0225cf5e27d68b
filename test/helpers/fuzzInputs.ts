// Input generators for the fuzz test (test/hosting/fuzz.test.ts): strings and JSON a client
// may send, from ordinary to hostile. Everything is drawn from an Rng, so a seed reproduces it.
import type { Rng } from './prng';

/** Characters and short strings that have broken text handling somewhere. */
export const UNICODE_EDGES: readonly string[] = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\udc00\ud800', // a pair the wrong way round
  '\ufffd', // replacement character
  '\u0000', // NUL
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u2066\u2067\u2068\u2069', // bidi isolates
  '\u200b\u200c\u200d', // zero-width space, non-joiner, joiner
  '\ufeff', // byte order mark
  '\u2028\u2029', // line and paragraph separators (break JavaScript string literals)
  '\u0085', // next line
  '\u00a0\u3000', // no-break and ideographic spaces
  '\u000b\f\r\n\t',
  '👨‍👩‍👧‍👦', // emoji ZWJ sequence
  '🏳️‍🌈',
  '👍🏽',
  '🇬🇧',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  'Z\u0351\u0360\u0361\u0362\u0489\u0337\u0338', // "zalgo"
  'İ', // lower-cases to two code units
  'ß', // upper-cases to two letters
  'ﬃ', // NFKD expands it
  '\u1e9e',
  '한국어',
  'العربية',
  'עברית',
  '\ud83d', // half an emoji
  '\uffff\ufffe', // non-characters
  '\u{10ffff}',
  '\u{e0001}\u{e0067}', // tag characters
];

/** Strings with meaning to some parser, template or lookup along the way. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '<script>alert(1)</script>',
  '<at>Early Help</at>',
  '<at<at<at',
  '<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1))',
  '{{7*7}}',
  '${7*7}',
  "'; DROP TABLE users; --",
  '%s%s%s%n',
  '%',
  '%%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  '../../../../etc/passwd',
  '..\\..\\windows',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '0x10',
  '00000001',
  '9'.repeat(400),
  'true',
  '[]',
  '{}',
  'http://169.254.169.254/latest/meta-data',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'help',
  'I am scared of him',
  'i have taken all my tablets',
  'money worries',
  'restart',
  'start again',
  'quick exit',
];

const PLAIN_WORDS = ['help', 'money', 'school', 'housing', 'rent', 'scared', 'child', 'baby', 'worried', 'bullying', 'debt', 'carer', 'the', 'and', 'I', 'my', 'we', 'please'];

/** A string: plain words, edge characters, hostile strings, or a mix, up to about `maxLength` code units. */
export function fuzzString(rng: Rng, maxLength = 200): string {
  const kind = rng.weighted<'plain' | 'edge' | 'hostile' | 'mix' | 'repeat' | 'random'>([
    [3, 'plain'],
    [3, 'edge'],
    [3, 'hostile'],
    [4, 'mix'],
    [1, 'repeat'],
    [2, 'random'],
  ]);
  switch (kind) {
    case 'plain':
      return Array.from({ length: rng.int(1, 12) }, () => rng.pick(PLAIN_WORDS)).join(' ').slice(0, maxLength);
    case 'edge':
      return rng.pick(UNICODE_EDGES);
    case 'hostile':
      return rng.pick(HOSTILE_STRINGS).slice(0, maxLength);
    case 'mix': {
      let text = '';
      const parts = rng.int(1, 10);
      for (let i = 0; i < parts && text.length < maxLength; i++) {
        text += rng.pick([rng.pick(PLAIN_WORDS), rng.pick(UNICODE_EDGES), rng.pick(HOSTILE_STRINGS), ' ']);
      }
      return text.slice(0, maxLength);
    }
    case 'repeat':
      return rng.pick([...UNICODE_EDGES, ...HOSTILE_STRINGS, 'a', '<at', ' ']).repeat(rng.size(maxLength)).slice(0, maxLength);
    case 'random':
      return randomCodeUnits(rng, rng.size(Math.min(maxLength, 64)));
  }
}

/** Arbitrary UTF-16 code units, surrogates and controls included. */
export function randomCodeUnits(rng: Rng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const range = rng.weighted<[number, number]>([
      [4, [0x20, 0x7e]],
      [1, [0x00, 0x1f]],
      [1, [0x80, 0x7ff]],
      [1, [0x800, 0xffff]],
      [1, [0xd800, 0xdfff]],
    ]);
    text += String.fromCharCode(rng.int(range[0], range[1]));
  }
  return text;
}

/** A huge string, built by repetition so it costs little to make: about `maxBytes` at most once sent as JSON. */
export function hugeString(rng: Rng, maxBytes: number): string {
  const unit = rng.pick(['a', 'é', '😭', '\ud800', '<at', 'help ', '\u0000', 'e\u0301', '\\"', '%']);
  // Bytes each UTF-16 unit takes in JSON text: escapes and UTF-8 make some of them 2 to 6.
  const perUnit = Math.max(1, (Buffer.byteLength(JSON.stringify(unit)) - 2) / unit.length);
  const length = Math.floor(rng.int(Math.floor(maxBytes / 8), maxBytes) / perUnit);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Any JSON value, at most `depth` levels of objects and arrays below this one. */
export function fuzzJson(rng: Rng, depth = 3): unknown {
  const kind = rng.weighted<'null' | 'bool' | 'number' | 'string' | 'array' | 'object'>([
    [1, 'null'],
    [1, 'bool'],
    [2, 'number'],
    [4, 'string'],
    [depth > 0 ? 2 : 0, 'array'],
    [depth > 0 ? 3 : 0, 'object'],
  ]);
  switch (kind) {
    case 'null':
      return null;
    case 'bool':
      return rng.chance(0.5);
    case 'number':
      return rng.pick([0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, rng.int(-1e9, 1e9)]);
    case 'string':
      return fuzzString(rng, 100);
    case 'array':
      return Array.from({ length: rng.size(8) }, () => fuzzJson(rng, depth - 1));
    case 'object': {
      const value: Record<string, unknown> = {};
      for (let i = rng.size(6); i > 0; i--) Object.defineProperty(value, fuzzKey(rng), { value: fuzzJson(rng, depth - 1), enumerable: true, writable: true, configurable: true });
      return value;
    }
  }
}

/** A property name: ordinary, prototype-ish, unicode, empty or long. */
export function fuzzKey(rng: Rng): string {
  return rng.weighted<string>([
    [4, rng.pick(['type', 'text', 'value', 'id', 'name', 'action', 'group', 'locale', 'channelData', 'tenant', 'from', 'conversation', 'data', 'verb'])],
    [2, rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])],
    [2, fuzzString(rng, 40)],
    [1, 'k'.repeat(rng.pick([255, 256, 257, 1000]))],
  ]);
}

/** JSON text nested `depth` deep, built as text (JSON.stringify would overflow the stack on it). */
export function deepJsonText(rng: Rng, depth: number): string {
  return rng.pick([
    () => `${'['.repeat(depth)}${']'.repeat(depth)}`,
    () => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    () => `${'[{"a":'.repeat(Math.ceil(depth / 2))}null${'}]'.repeat(Math.ceil(depth / 2))}`,
    // Unbalanced: opened and never closed.
    () => '['.repeat(depth),
  ])();
}

/** Replaces the string `"DEEP"` in JSON text with `deep` (JSON text). */
export function withDeep(json: string, deep: string): string {
  return json.replace('"DEEP"', () => deep);
}

/** Ways to spoil JSON text a parser would otherwise accept. */
export function malformJson(rng: Rng, text: string): string {
  return rng.pick([
    () => text.slice(0, rng.int(0, Math.max(0, text.length - 1))), // truncated
    () => `${text}${rng.pick(['}', ']', ',', 'x', '\u0000', ' trailing', '{}'])}`,
    () => `\ufeff${text}`, // byte order mark first
    () => text.replace(/"/g, "'"),
    () => text.replace(/:/, ''),
    () => `${text.slice(0, Math.floor(text.length / 2))}\\${text.slice(Math.floor(text.length / 2))}`,
    () => rng.pick(['NaN', 'Infinity', '-', '{', '[', '"', '{"a":1,}', '[1,]', '{a:1}', '/* c */ {}', '{"a":01}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"a":"\u0001"}', "{'a':1}", '{"__proto__":{"polluted":1}}']),
  ])();
}
