import { RISK_ROUTES, type RiskRoute } from '../vocabulary';
import { groupCues } from './groupCues';
import { Normaliser, stem, type NormalisedText } from './normalise';
import { neededWordsPresent, PatternCompiler, type NeededWords } from './pattern';
import { projectRiskRules, type RiskRule, type RiskRuleSet } from './riskRules';
import { riskSlots } from './riskSlots';
import type { RiskMatch } from './types';

/** Most urgent first: the order the issue sets for routes. */
const PRECEDENCE: readonly RiskRoute[] = ['emergency', 'crisis', 'safeguarding-child', 'domestic-abuse', 'safeguarding-adult'];
const RANK = new Map(PRECEDENCE.map((r, i) => [r, i]));
if (PRECEDENCE.length !== RISK_ROUTES.length) throw new Error('risk precedence must list every risk route');

/** Misspellings of these are corrected before the rules run ("suicidle", "kil", "neigbours"). */
export const RISK_LEXICON: readonly string[] = [
  'kill', 'killing', 'killed', 'myself', 'herself', 'himself', 'themselves', 'yourself', 'suicide', 'suicidal',
  'overdose', 'overdosed', 'overdosing', 'tablets', 'paracetamol', 'pills', 'knife', 'knives', 'weapon', 'strangled',
  'strangle', 'strangling', 'choked', 'choking', 'punched', 'punching', 'kicked', 'slapped', 'beaten', 'beating',
  'hitting', 'abuse', 'abused', 'abusing', 'abusive', 'abuser', 'neighbours', 'neighbour', 'hurting', 'harming',
  'threatened', 'threatening', 'threatens', 'frightened', 'scared', 'terrified', 'grooming', 'groomed', 'nudes',
  'naked', 'exploited', 'exploiting', 'exploitation', 'trafficked', 'slavery', 'passport', 'molested', 'raped',
  'bruises', 'bruised', 'violent', 'violence', 'cutting', 'hanging', 'dying', 'eggshells', 'controlling', 'coercive',
  'cuckooing', 'marriage', 'forced', 'missing', 'alone', 'harm', 'self', 'safe', 'unsafe', 'wrists', 'razor',
  'blades', 'noose', 'worthless', 'disappear', 'anymore', 'living', 'alive', 'neglect', 'neglected', 'stepdad',
  'boyfriend', 'girlfriend', 'husband', 'partner', 'daughter', 'toddler', 'children', 'county', 'drugs', 'dealing',
  'pension', 'savings', 'attacked', 'assaulted', 'stabbed', 'touched', 'touching', 'inappropriately', 'sexually',
  'mutilation', 'genital', 'circumcised', 'threaten', 'scared', 'afraid', 'danger', 'dangerous', 'breathing',
  'unconscious', 'jumping', 'bridge', 'throttled', 'smothered', 'hopeless', 'goodbye', 'burden', 'pointless',
];

interface CompiledRule {
  rule: RiskRule;
  stem?: RegExp;
  surface?: RegExp;
  /** Words the stem and surface patterns need: with none of them in a message, the regex is not run. */
  stemNeeds?: NeededWords;
  surfaceNeeds?: NeededWords;
  requires?: RegExp;
  excludes?: RegExp;
  /** For a harm of any age: the words that show a child, or an adult, is the one at risk. */
  child?: RegExp;
  adult?: RegExp;
}

/** Who the conversation says is at risk, when the message itself does not say. */
export type PersonAtRisk = 'child' | 'adult';

/** The rule id of the second route given when the age is unknown ("<rule>:age-unknown"). */
export const AGE_UNKNOWN_SUFFIX = ':age-unknown';

export interface Span {
  start: number;
  end: number;
}

function wordsOf(patterns: Iterable<string>): string[] {
  const out: string[] = [];
  for (const p of patterns) for (const w of p.match(/[a-z]+/g) ?? []) if (w.length >= 3 && !/^[A-Z]/.test(w)) out.push(w);
  return out;
}

/** Token index of a character offset in a " a b c " stream. */
function tokenAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class RiskDetector {
  readonly normaliser: Normaliser;
  private readonly rules: CompiledRule[];
  private readonly figurative: RegExp;
  private readonly historic: RegExp;
  private readonly negated: RegExp;
  private readonly everyday: RegExp;
  /** Ids of the rules marked `firm`: the model's doubt does not hold them back. */
  readonly firmRules: ReadonlySet<string>;

  /**
   * `prefilter: false` runs every rule's regex on every message (for the equivalence test);
   * `ruleSet` defaults to knowledge/triage/rules/risk-rules.json.
   */
  constructor(
    extraKnownWords: Iterable<string> = [],
    private readonly prefilter = true,
    ruleSet: RiskRuleSet = projectRiskRules(),
  ) {
    const patternWords = new Set<string>();
    for (const rule of ruleSet.rules) for (const w of wordsOf([...rule.patterns, ...(rule.surface ?? [])])) patternWords.add(w);
    for (const list of Object.values(riskSlots())) for (const w of wordsOf(list)) patternWords.add(w);
    // Only key risk words are fuzzy targets; every other word a rule or cue uses is just "known",
    // so "chucked" is never "corrected" to "checked".
    const cues = groupCues();
    for (const list of Object.values(cues.groups)) for (const w of wordsOf(list.map(([p]) => p))) patternWords.add(w);
    for (const w of wordsOf([...cues.worry, ...cues.complexity, ...cues.statutory, ...cues.topic, ...cues.childPresent, ...cues.childSpeaker])) patternWords.add(w);
    this.normaliser = new Normaliser(RISK_LEXICON, [...patternWords, ...extraKnownWords]);

    const stemmed = new PatternCompiler(riskSlots(), stem);
    const plain = new PatternCompiler(riskSlots(), (w) => w);
    // Rules share context lists (a child is mentioned, an older person is): compile each list once.
    const contexts = new Map<string, RegExp>();
    const context = (patterns: readonly string[]): RegExp => {
      const key = patterns.join('\n');
      let re = contexts.get(key);
      if (re === undefined) {
        re = stemmed.compile(patterns);
        contexts.set(key, re);
      }
      return re;
    };
    this.rules = ruleSet.rules.map((rule) => ({
      rule,
      stem: rule.patterns.length > 0 ? stemmed.compile(rule.patterns) : undefined,
      surface: rule.surface && rule.surface.length > 0 ? plain.compile(rule.surface) : undefined,
      stemNeeds: rule.patterns.length > 0 ? stemmed.neededWords(rule.patterns) : undefined,
      surfaceNeeds: rule.surface && rule.surface.length > 0 ? plain.neededWords(rule.surface) : undefined,
      requires: rule.requires ? context(rule.requires) : undefined,
      excludes: rule.excludes ? context(rule.excludes) : undefined,
      child: rule.whoIsAtRisk ? context(rule.whoIsAtRisk.child.when) : undefined,
      adult: rule.whoIsAtRisk ? context(rule.whoIsAtRisk.adult.when) : undefined,
    }));
    this.figurative = stemmed.compile(ruleSet.figurativeFrames);
    this.historic = stemmed.compile(ruleSet.historicFrames);
    this.negated = stemmed.compile(ruleSet.negatedFrames);
    this.everyday = stemmed.compile(ruleSet.everydayFrames);
    this.firmRules = new Set(ruleSet.rules.filter((r) => r.firm).map((r) => r.id));
  }

  detect(text: string): RiskMatch[] {
    if (typeof text !== 'string' || text.trim() === '') return [];
    return this.detectNormalised(this.normaliser.normalise(text));
  }

  /**
   * `past`, when given, collects the rules whose every match lay inside a "when I was a child"
   * or "years ago" frame, or a denial ("I'm not suicidal"): not a risk now, but what the message
   * is about. `atRisk` is who the conversation says is at risk (an age given earlier), for rules
   * whose route depends on it.
   */
  detectNormalised(n: NormalisedText, past?: RiskMatch[], atRisk?: PersonAtRisk): RiskMatch[] {
    if (n.tokens.length === 0) return [];
    const matches: RiskMatch[] = [];
    // The second route of a harm whose age is unknown: listed after the routes the words name,
    // so the rule's own lead route leads.
    const alsoForAge: RiskMatch[] = [];
    // Frames are found once per message, and only if some rule needs them.
    let figurative: Span[] | undefined;
    let historic: Span[] | undefined;
    let negated: Span[] | undefined;
    const contextSeen = new Map<RegExp, boolean>();
    const has = (re: RegExp): boolean => {
      let found = contextSeen.get(re);
      if (found === undefined) {
        found = test(re, n.stemText);
        contextSeen.set(re, found);
      }
      return found;
    };
    const stems = new Set(n.stems);
    const words = new Set(n.tokens);
    for (const c of this.rules) {
      // Most rules cannot match a given message at all: none of the words they need is in it.
      const stemMay = c.stem !== undefined && (!this.prefilter || neededWordsPresent(c.stemNeeds!, stems));
      const surfaceMay = c.surface !== undefined && (!this.prefilter || neededWordsPresent(c.surfaceNeeds!, words));
      if (!stemMay && !surfaceMay) continue;
      if (c.requires && !has(c.requires)) continue;
      if (c.excludes && has(c.excludes)) continue;
      let found: Span | undefined;
      let inThePast: Span | undefined;
      const accept = (span: Span): boolean => {
        // A harm the message itself denies ("I'm not suicidal", "no one hits me"): for every rule.
        negated ??= this.spans(this.negated, n.stemText, n.stemStarts);
        if (inside(span, negated)) {
          inThePast ??= span;
          return false;
        }
        if (c.rule.figurative) {
          figurative ??= this.spans(this.figurative, n.stemText, n.stemStarts);
          if (inside(span, figurative)) return false;
        }
        if (c.rule.historic) {
          historic ??= this.spans(this.historic, n.stemText, n.stemStarts);
          if (inside(span, historic)) {
            inThePast ??= span;
            return false;
          }
        }
        return true;
      };
      if (stemMay) found = this.first(c.stem!, n.stemText, n.stemStarts, accept);
      if (!found && surfaceMay) found = this.first(c.surface!, n.surfaceText, n.surfaceStarts, accept);
      const at = found ?? inThePast;
      if (at) {
        const matched = n.tokens.slice(at.start, at.end).join(' ');
        const who = c.rule.whoIsAtRisk;
        // The message's own words decide first ("my 15 year old", "my nan"), then what the
        // conversation knows. Words naming both ("my daughter, 19") or neither leave it open:
        // then both routes' contacts are given.
        const person: PersonAtRisk | undefined = who && personNamed(has(c.child!), has(c.adult!), atRisk);
        const route = who && person ? who[person].route : c.rule.route;
        const match = { route, rule: c.rule.id, matched };
        if (found) {
          matches.push(match);
          if (who && !person) {
            const other = who.child.route === c.rule.route ? who.adult.route : who.child.route;
            alsoForAge.push({ route: other, rule: `${c.rule.id}${AGE_UNKNOWN_SUFFIX}`, matched });
          }
        } else past?.push(match);
      }
    }
    if (past) past.splice(0, past.length, ...sortByUrgency(past));
    const sorted = sortByUrgency(matches);
    const named = new Set(sorted.map((m) => m.route));
    return [...sorted, ...sortByUrgency(alsoForAge.filter((m) => !named.has(m.route)))];
  }

  /** The figurative, historic, negated and everyday frames in a message, as words, for explaining a decision. */
  frames(n: NormalisedText): { figurative: string[]; historic: string[]; negated: string[]; everyday: string[] } {
    const words = (spans: Span[]) => spans.map((s) => n.tokens.slice(s.start, s.end).join(' '));
    return {
      figurative: words(this.spans(this.figurative, n.stemText, n.stemStarts)),
      historic: words(this.spans(this.historic, n.stemText, n.stemStarts)),
      negated: words(this.spans(this.negated, n.stemText, n.stemStarts)),
      everyday: words(this.spans(this.everyday, n.stemText, n.stemStarts)),
    };
  }

  /**
   * The spans of a message its own frames explain (a denial, harm told as past, a figure of
   * speech), merged and in order: the words the model should not read as a case told now.
   */
  framedSpans(n: NormalisedText, kinds: ReadonlyArray<'negated' | 'historic' | 'figurative' | 'everyday'> = ['negated', 'historic', 'figurative']): Span[] {
    if (n.tokens.length === 0) return [];
    const all = kinds.flatMap((k) => this.spans(this[k], n.stemText, n.stemStarts)).sort((a, b) => a.start - b.start);
    const merged: Span[] = [];
    for (const s of all) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    return merged;
  }

  private first(re: RegExp, text: string, starts: readonly number[], accept: (s: Span) => boolean): Span | undefined {
    for (const span of this.matches(re, text, starts)) if (accept(span)) return span;
    return undefined;
  }

  private spans(re: RegExp, text: string, starts: readonly number[]): Span[] {
    return [...this.matches(re, text, starts)];
  }

  /** Every match as a token span, each search starting again from the word after the last match's first word. */
  private *matches(re: RegExp, text: string, starts: readonly number[]): Generator<Span> {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A match starts at the space before its first word and ends with the space after its last.
      const start = tokenAt(starts, m.index + 1);
      const span = { start, end: tokenAt(starts, m.index + m[0].length - 2) + 1 };
      // Set before yielding: a later, non-figurative occurrence still counts.
      re.lastIndex = (starts[start + 1] ?? text.length) - 1;
      yield span;
    }
  }
}

function personNamed(child: boolean, adult: boolean, known: PersonAtRisk | undefined): PersonAtRisk | undefined {
  if (child !== adult) return child ? 'child' : 'adult';
  return known;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * A match is explained by a frame when the frame covers its last word: the
 * frame names what the scary word is about ("die | my hair", "stabbed | last
 * year", "bills are | killing me"). A frame elsewhere in the message changes nothing.
 */
function inside(span: Span, frames: readonly Span[]): boolean {
  return frames.some((f) => f.start < span.end && span.end <= f.end);
}

/** Most urgent route first; within a route, the order rules are listed. Deduplicated by rule. */
export function sortByUrgency(matches: readonly RiskMatch[]): RiskMatch[] {
  const seen = new Set<string>();
  const unique = matches.filter((m) => (seen.has(m.rule) ? false : (seen.add(m.rule), true)));
  return unique
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (RANK.get(a.m.route)! - RANK.get(b.m.route)!) || a.i - b.i)
    .map((x) => x.m);
}
