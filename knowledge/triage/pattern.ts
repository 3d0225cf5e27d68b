/**
 * A tiny phrase language for risk rules, compiled once to a RegExp over the
 * stem stream (" word word word "). Rules stay readable by reviewers:
 *
 *   want to ~2 (die | be dead | not be here)     words, groups and alternatives
 *   {REFLEX}                                      a named slot (a list of phrases)
 *   ~3                                            up to three words of any kind
 *   kill?                                         optional item
 *   !(with | between)                             the next words must NOT be these
 *   suicid*                                       a raw prefix (not stemmed)
 *   <1[0-2]|[0-9]>                                one word matching a regular expression
 *   =was                                          an exact word, not stemmed
 *
 * Literal words are stemmed with the same stemmer as the text, so a rule written
 * "he hits me" also matches "he hit me" and "he's hitting me".
 */

export type Stemmer = (word: string) => string;

type Token =
  | { kind: 'open' }
  | { kind: 'notOpen' }
  | { kind: 'close' }
  | { kind: 'bar' }
  | { kind: 'optional' }
  | { kind: 'gap'; n: number }
  | { kind: 'slot'; name: string }
  | { kind: 'regex'; source: string }
  | { kind: 'word'; text: string };

const TOKEN_RE = /\s*(!\(|\(|\)|\||\?|~\d+|\{[A-Z_]+\}|<[^>]+>|=?[a-z0-9]+\*?)/y;

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(source);
    if (m === null) throw new Error(`risk pattern "${source}": cannot read at "${source.slice(pos)}"`);
    pos = TOKEN_RE.lastIndex;
    const t = m[1];
    if (t === '(') tokens.push({ kind: 'open' });
    else if (t === '!(') tokens.push({ kind: 'notOpen' });
    else if (t === ')') tokens.push({ kind: 'close' });
    else if (t === '|') tokens.push({ kind: 'bar' });
    else if (t === '?') tokens.push({ kind: 'optional' });
    else if (t.startsWith('~')) tokens.push({ kind: 'gap', n: Number(t.slice(1)) });
    else if (t.startsWith('{')) tokens.push({ kind: 'slot', name: t.slice(1, -1) });
    else if (t.startsWith('<')) tokens.push({ kind: 'regex', source: t.slice(1, -1) });
    else tokens.push({ kind: 'word', text: t });
  }
  return tokens;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Words a message must contain for a pattern to match it: at least one of `exact` (a stem),
 * or a word starting with one of `prefixes`. A cheap test that skips a rule's regex on most
 * messages. `any` means no such word is known (the pattern is all gaps or regex words), so
 * it must always run.
 */
export interface NeededWords {
  exact: Set<string>;
  prefixes: Set<string>;
  any: boolean;
}

export function neededWordsPresent(needed: NeededWords, words: ReadonlySet<string>): boolean {
  if (needed.any) return true;
  for (const w of needed.exact) if (words.has(w)) return true;
  if (needed.prefixes.size > 0) {
    for (const w of words) for (const p of needed.prefixes) if (w.startsWith(p)) return true;
  }
  return false;
}

/** Words so common that a set holding one says little: a set without them is preferred. */
const COMMON = new Set(['i', 'me', 'my', 'he', 'she', 'him', 'her', 'hi', 'his', 'it', 'is', 'am', 'are', 'be', 'the', 'a', 'to', 'and', 'of', 'in', 'you', 'they', 'we', 'them', 'have', 'has', 'get', 'got', 'on', 'at', 'for', 'with', 'that', 'thi', 'this', 'so', 'do', 'not', 'no', 'can', 'will', 'just', 'our', 'your', 'their', 'was', 'been', 'go', 'mum', 'dad']);

const ANY: NeededWords = { exact: new Set(), prefixes: new Set(), any: true };

function union(sets: NeededWords[]): NeededWords {
  if (sets.some((x) => x.any)) return ANY;
  return { exact: new Set(sets.flatMap((x) => [...x.exact])), prefixes: new Set(sets.flatMap((x) => [...x.prefixes])), any: false };
}

function cost(set: NeededWords): number {
  if (set.any) return Infinity;
  let common = 0;
  for (const w of set.exact) if (COMMON.has(w)) common++;
  return common * 1000 + set.exact.size + set.prefixes.size * 3;
}

export class PatternCompiler {
  private readonly slotCache = new Map<string, string>();

  constructor(
    private readonly slots: Readonly<Record<string, readonly string[]>>,
    private readonly stem: Stemmer,
  ) {}

  /** Regex source for one pattern; every word it consumes is followed by one space. */
  toSource(pattern: string): string {
    const tokens = lex(pattern);
    let i = 0;
    const parseAlternatives = (): string => {
      const alts = [parseSequence()];
      while (tokens[i]?.kind === 'bar') {
        i++;
        alts.push(parseSequence());
      }
      return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    };
    const parseSequence = (): string => {
      let out = '';
      while (i < tokens.length && tokens[i].kind !== 'bar' && tokens[i].kind !== 'close') {
        let atom = parseAtom();
        if (tokens[i]?.kind === 'optional') {
          i++;
          atom = `(?:${atom})?`;
        }
        out += atom;
      }
      return out;
    };
    const parseAtom = (): string => {
      const t = tokens[i++];
      switch (t.kind) {
        case 'open':
        case 'notOpen': {
          const inner = parseAlternatives();
          if (tokens[i]?.kind !== 'close') throw new Error(`risk pattern "${pattern}": missing ")"`);
          i++;
          return t.kind === 'open' ? `(?:${inner})` : `(?!${inner})`;
        }
        case 'gap':
          return `(?:[a-z0-9]+ ){0,${t.n}}`;
        case 'slot':
          return this.slotSource(t.name);
        case 'regex':
          return `(?:${t.source}) `;
        case 'word':
          if (t.text.endsWith('*')) {
            // A prefix matches the raw word and its stem: "separat*" must find "separ" (from "separated").
            const raw = t.text.slice(0, -1);
            const stemmed = this.stem(raw);
            const forms = stemmed !== raw && stemmed.length >= 4 && stemmed.length >= raw.length - 3 ? [raw, stemmed] : [raw];
            return `(?:${forms.map(escape).join('|')})[a-z0-9]* `;
          }
          if (t.text.startsWith('=')) return `${escape(t.text.slice(1))} `;
          return `${escape(this.stem(t.text))} `;
        default:
          throw new Error(`risk pattern "${pattern}": unexpected "${t.kind}"`);
      }
    };
    const source = parseAlternatives();
    if (i !== tokens.length) throw new Error(`risk pattern "${pattern}": unexpected ")" or "|"`);
    return source;
  }

  /**
   * A global RegExp that finds the pattern at word boundaries of a stem stream.
   * It consumes the space before the first word (a match starts one character
   * before its first word): a literal start lets V8 scan faster than a lookbehind.
   */
  compile(patterns: readonly string[]): RegExp {
    const body = patterns.map((p) => this.toSource(p)).join('|');
    return new RegExp(` (?:${body})`, 'g');
  }

  /** Words a message must hold for any of `patterns` to match (see NeededWords). */
  neededWords(patterns: readonly string[]): NeededWords {
    return union(patterns.map((p) => this.neededOf(p).need));
  }

  private neededOf(pattern: string): { empty: boolean; need: NeededWords } {
    const tokens = lex(pattern);
    let i = 0;
    type Part = { empty: boolean; need: NeededWords };
    const alternatives = (): Part => {
      const alts = [sequence()];
      while (tokens[i]?.kind === 'bar') {
        i++;
        alts.push(sequence());
      }
      const empty = alts.some((a) => a.empty);
      return { empty, need: empty ? ANY : union(alts.map((a) => a.need)) };
    };
    // A sequence matches only if every part that cannot be empty does: the cheapest such
    // part's words are enough to require.
    const sequence = (): Part => {
      let best: NeededWords = ANY;
      let empty = true;
      while (i < tokens.length && tokens[i].kind !== 'bar' && tokens[i].kind !== 'close') {
        const part = atom();
        if (tokens[i]?.kind === 'optional') {
          i++;
          continue;
        }
        if (part.empty) continue;
        empty = false;
        if (cost(part.need) < cost(best)) best = part.need;
      }
      return { empty, need: best };
    };
    const atom = (): Part => {
      const t = tokens[i++];
      switch (t.kind) {
        case 'open': {
          const inner = alternatives();
          i++;
          return inner;
        }
        case 'notOpen':
          alternatives();
          i++;
          return { empty: true, need: ANY };
        case 'gap':
          return { empty: true, need: ANY };
        case 'regex':
          return { empty: false, need: ANY };
        case 'slot': {
          const parts = (this.slots[t.name] ?? []).map((phrase) => this.neededOf(phrase));
          const empty = parts.length === 0 || parts.some((x) => x.empty);
          return { empty, need: empty ? ANY : union(parts.map((x) => x.need)) };
        }
        case 'word': {
          if (t.text.endsWith('*')) {
            const raw = t.text.slice(0, -1);
            const stemmed = this.stem(raw);
            return { empty: false, need: { exact: new Set(), prefixes: new Set(stemmed !== raw ? [raw, stemmed] : [raw]), any: false } };
          }
          const word = t.text.startsWith('=') ? t.text.slice(1) : this.stem(t.text);
          return { empty: false, need: { exact: new Set([word]), prefixes: new Set(), any: false } };
        }
        default:
          return { empty: false, need: ANY };
      }
    };
    return alternatives();
  }

  private slotSource(name: string): string {
    const cached = this.slotCache.get(name);
    if (cached !== undefined) return cached;
    const phrases = this.slots[name];
    if (phrases === undefined) throw new Error(`risk pattern: unknown slot {${name}}`);
    const source = `(?:${phrases.map((p) => this.toSource(p)).join('|')})`;
    this.slotCache.set(name, source);
    return source;
  }
}
