import type { KnowledgePack } from '../schema/pack';
import type { NeedLevelId, PriorityGroupId } from '../vocabulary';
import { GroupClassifier } from './groupClassifier';
import { COMPLEXITY_CUES, QUESTION_START, SMALL_TALK, STATUTORY_CUES, WORRY_CUES } from './groupCues';
import { stem, type NormalisedText } from './normalise';
import { PatternCompiler } from './pattern';
import { RiskDetector } from './risk';
import { RISK_SLOTS } from './riskSlots';
import { attachSafetyNet } from './safetyNet';
import { offerSharedDetector } from './sharedDetector';
import type { GroupScore, RiskMatch, TriageContext, TriageFn, TriageResult } from './types';

/** Groups below this share of the best score are left out (after the first three). */
const RELATIVE_THRESHOLD = 0.35;
/** Groups below this absolute score are left out (after the first three). */
const ABSOLUTE_THRESHOLD = 0.12;
const MIN_GROUPS = 3;
/** Longest message read, in characters; more is cut so one message cannot stall the bot. */
export const MAX_TEXT_LENGTH = 5000;

/** Groups a risk rule speaks for, so the groups agree with the route. */
const RULE_GROUPS: ReadonlyArray<readonly [RegExp, PriorityGroupId]> = [
  [/^crisis\./, 'mental-health'],
  [/^emergency\.overdose/, 'mental-health'],
  [/^domestic-abuse\./, 'domestic-abuse'],
  [/^emergency\.threat-to-kill/, 'domestic-abuse'],
  [/^safeguarding-child\.(grooming|criminal-exploitation|county-lines)/, 'exploitation'],
  [/^safeguarding-adult\.(cuckooing|modern-slavery|financial-abuse|exploitation)/, 'exploitation'],
  [/^safeguarding-child\.(missing)/, 'exploitation'],
  [/^safeguarding-child\.(neglect|physical-abuse|sexual-abuse)/, 'adverse-childhood-experiences'],
  [/^safeguarding-adult\.care-neglect/, 'carers'],
];

export interface TriageEngine {
  triage: TriageFn;
  detector: RiskDetector;
  classifier: GroupClassifier;
  /** Milliseconds spent building the engine (compiling rules, training the classifier). */
  startupMs: number;
}

/** Builds the engine: compiles the risk rules and trains the classifier on the pack's example phrases. */
export function createTriageEngine(
  pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>,
  options: { detector?: RiskDetector } = {},
): TriageEngine {
  const started = performance.now();
  const vocabulary = new Set<string>();
  for (const g of pack.priorityGroups) for (const e of g.examples) for (const w of e.toLowerCase().split(/[^a-z]+/)) if (w) vocabulary.add(w);
  const detector = options.detector ?? new RiskDetector(vocabulary);
  if (!options.detector) {
    attachSafetyNet(detector, pack.priorityGroups);
    offerSharedDetector(detector);
  }
  const normalise = (text: string) => detector.normaliser.normalise(text);
  const classifier = new GroupClassifier(pack.priorityGroups, stem, normalise);

  const compiler = new PatternCompiler(RISK_SLOTS, stem);
  const worry = compiler.compile(WORRY_CUES);
  const complexity = compiler.compile(COMPLEXITY_CUES);
  const statutory = compiler.compile(STATUTORY_CUES);
  const levels = new Set(pack.needLevels.map((l) => l.id));
  const level = (wanted: NeedLevelId): NeedLevelId => pickLevel(wanted, levels);

  const triage: TriageFn = (text: string, context: TriageContext = {}): TriageResult => {
    const input = typeof text === 'string' ? text.slice(0, MAX_TEXT_LENGTH) : '';
    const n = normalise(input);
    const riskMatches = detector.detectNormalised(n);
    let priorityGroups = classifier.score(n, context);
    priorityGroups = withRiskGroups(priorityGroups, riskMatches);
    priorityGroups = selectGroups(priorityGroups);

    if (riskMatches.length > 0) {
      return { route: riskMatches[0].route, riskMatches, priorityGroups, needLevel: level('specialist') };
    }
    const smallTalk = SMALL_TALK.test(input) || n.tokens.length === 0;
    const isWorry = !smallTalk && (test(worry, n) || (!QUESTION_START.test(input) && classifier.hasCue(n)));
    if (!isWorry) {
      return { route: 'information', riskMatches, priorityGroups: smallTalk ? [] : priorityGroups, needLevel: level('universal') };
    }
    const strongGroups = priorityGroups.filter((g) => g.score >= 0.45).length;
    let needLevel: NeedLevelId = 'targeted';
    if (test(statutory, n)) needLevel = 'specialist';
    else if (!test(complexity, n) && strongGroups <= 1 && QUESTION_START.test(input)) needLevel = 'universal';
    return { route: 'early-help', riskMatches, priorityGroups, needLevel: level(needLevel) };
  };

  return { triage, detector, classifier, startupMs: performance.now() - started };
}

/** The single entry point the rest of the bot uses. */
export function createTriage(pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>): TriageFn {
  return createTriageEngine(pack).triage;
}

function test(re: RegExp, n: NormalisedText): boolean {
  re.lastIndex = 0;
  return re.test(n.stemText);
}

function withRiskGroups(groups: GroupScore[], matches: readonly RiskMatch[]): GroupScore[] {
  if (matches.length === 0) return groups;
  const byId = new Map(groups.map((g) => [g.id, g.score]));
  const top = groups[0]?.score ?? 1;
  for (const m of matches) {
    for (const [re, id] of RULE_GROUPS) {
      if (re.test(m.rule)) byId.set(id, Math.max(byId.get(id) ?? 0, Math.min(1, top * 0.9 + 0.1)));
    }
  }
  return [...byId.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** Everything above the thresholds, and never fewer than three (when there are three). */
function selectGroups(groups: GroupScore[]): GroupScore[] {
  if (groups.length === 0) return groups;
  const best = groups[0].score;
  return groups.filter((g, i) => i < MIN_GROUPS || (g.score >= ABSOLUTE_THRESHOLD && g.score >= best * RELATIVE_THRESHOLD));
}

/** The wanted level, or the nearest more intensive one the pack defines. */
function pickLevel(wanted: NeedLevelId, available: ReadonlySet<NeedLevelId>): NeedLevelId {
  const order: NeedLevelId[] = ['universal', 'targeted', 'specialist'];
  if (available.size === 0 || available.has(wanted)) return wanted;
  for (let i = order.indexOf(wanted); i < order.length; i++) if (available.has(order[i])) return order[i];
  return [...available][0];
}
