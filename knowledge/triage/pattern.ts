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
