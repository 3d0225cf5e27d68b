import { compileSparse, createSparseBayes, trainSparse, type SparseScorer } from './sparseBayes';
import { PRIORITY_GROUP_IDS, type AgeBand, type Audience, type PriorityGroupId } from '../vocabulary';
import { groupCues } from './groupCues';
import type { NormalisedText } from './normalise';
import { neededWordsPresent, PatternCompiler, type NeededWords, type Stemmer } from './pattern';
import { riskSlots } from './riskSlots';
import type { GroupScore } from './types';

// Function words carry no topic; "not" and "no" stay because they do ("not in
// work", "no friends").
const STOP = new Set(
  `a an the and or but to of in on at for with is are was were be been being am i my me we our us you your he she it
  they them his her hers its this that these those so do does did have has had just really very can could would will
  should there here what when where how who which if then than as by from about up out also any some get got im its
  been into over too all please help thanks thank hi hello know think want need like one bit quite lot lots`
    .split(/\s+/)
    .filter(Boolean),
);

/** A clause longer than this is read in windows, so the classifier's probabilities stay in range. */
const WINDOW = 14;

export interface GroupExamples {
  id: PriorityGroupId;
  examples: readonly string[];
}

interface CompiledCue {
  re: RegExp;
  weight: number;
  /** Stems a message needs before the regex can match (most cues are skipped on most messages). */
  needs: NeededWords;
}

/**
 * Maps free text to priority groups by combining natural's naive Bayes
 * classifier (stems and stem bigrams, trained on the pack's example phrases)
 * with high-precision cue phrases per group. Long messages are split into
 * clauses so one message can name several groups.
 */
export class GroupClassifier {
  private readonly bayes = createSparseBayes();
  private readonly scorer: SparseScorer;
  private readonly cues = new Map<PriorityGroupId, CompiledCue[]>();
  private readonly groups: PriorityGroupId[];
  readonly vocabulary = new Set<string>();

  constructor(groups: readonly GroupExamples[], stem: Stemmer, normalise: (text: string) => NormalisedText) {
    this.groups = groups.filter((g) => g.examples.length > 0).map((g) => g.id);
    for (const g of groups) {
      for (const example of g.examples) {
        const n = normalise(example);
        for (const t of n.tokens) this.vocabulary.add(t);
        const features = featuresOf(n.stems);
        if (features.length > 0) this.bayes.addDocument(features, g.id);
      }
    }
    if (this.groups.length > 0) trainSparse(this.bayes);
    this.scorer = compileSparse(this.bayes);

    const compiler = new PatternCompiler(riskSlots(), stem);
    for (const id of PRIORITY_GROUP_IDS) {
      this.cues.set(
        id,
        (groupCues().groups[id] ?? []).map(([pattern, weight]) => ({ re: compiler.compile([pattern]), weight, needs: compiler.neededWords([pattern]) })),
      );
    }
  }

  /** Scores for every group, 0..1, best first. */
  score(n: NormalisedText, context: { audience?: Audience; ageBand?: AgeBand } = {}): GroupScore[] {
    const scores = new Map<PriorityGroupId, number>(PRIORITY_GROUP_IDS.map((id) => [id, 0]));
    if (n.stems.length === 0) return [];

    // Cue phrases, anywhere in the message: the strongest cue per group, plus a little for each further cue.
    const cueScore = new Map<PriorityGroupId, number>();
    const stems = new Set(n.stems);
    for (const [id, cues] of this.cues) {
      let best = 0;
      let extra = 0;
      for (const cue of cues) {
        if (!neededWordsPresent(cue.needs, stems)) continue;
        cue.re.lastIndex = 0;
        if (cue.re.test(n.stemText)) {
          extra += Math.min(best, cue.weight) * 0.25;
          best = Math.max(best, cue.weight);
        }
      }
      if (best > 0) cueScore.set(id, Math.min(1, best + extra));
    }

    // The classifier on each clause (and window), keeping each group's best posterior.
    const bayesBest = new Map<PriorityGroupId, number>();
    const bayesSum = new Map<PriorityGroupId, number>();
    let windows = 0;
    if (this.groups.length > 0) {
      for (const clause of clausesOf(n)) {
        for (let i = 0; i < clause.length; i += WINDOW) {
          const features = featuresOf(clause.slice(Math.max(0, i - 2), i + WINDOW));
          if (features.length === 0) continue;
          const posterior = this.posterior(features);
          if (posterior === undefined) continue;
          windows++;
          for (const [id, p] of posterior) {
            bayesBest.set(id, Math.max(bayesBest.get(id) ?? 0, p));
            bayesSum.set(id, (bayesSum.get(id) ?? 0) + p);
          }
        }
      }
    }

    for (const id of PRIORITY_GROUP_IDS) {
      const cue = cueScore.get(id) ?? 0;
      const best = bayesBest.get(id) ?? 0;
      const mean = windows > 0 ? (bayesSum.get(id) ?? 0) / windows : 0;
      scores.set(id, 0.5 * cue + 0.3 * best + 0.2 * mean);
    }
    applyContext(scores, context);

    const top = Math.max(...scores.values());
    const scale = top > 1 ? 1 / top : 1;
    return [...scores.entries()]
      .map(([id, s]) => ({ id, score: round(s * scale) }))
      .filter((g) => g.score > 0)
      .sort((a, b) => b.score - a.score);
  }

  /** True when some cue phrase of a group is in the text. */
  hasCue(n: NormalisedText): boolean {
    const stems = new Set(n.stems);
    for (const cues of this.cues.values()) {
      for (const cue of cues) {
        if (cue.weight < 0.6 || !neededWordsPresent(cue.needs, stems)) continue;
        cue.re.lastIndex = 0;
        if (cue.re.test(n.stemText)) return true;
      }
    }
    return false;
  }

  private posterior(features: string[]): Map<PriorityGroupId, number> | undefined {
    // Unknown features say nothing about any group; leaving them out keeps clauses comparable.
    const known = features.filter((f) => this.scorer.knows(f));
    if (known.length === 0) return undefined;
    const raw = this.scorer.classify(known);
    const total = raw.reduce((sum, c) => sum + c.value, 0);
    if (!(total > 0)) return undefined;
    return new Map(raw.map((c) => [c.label as PriorityGroupId, c.value / total]));
  }
}

/** Content stems and the bigrams of neighbouring stems. */
export function featuresOf(stems: readonly string[]): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const s of stems) {
    if (STOP.has(s) || s.length < 2) {
      previous = undefined;
      continue;
    }
    out.push(s);
    if (previous !== undefined) out.push(previous + '_' + s);
    previous = s;
  }
  return out;
}

const CLAUSE_BREAK = new Set(['and', 'but', 'also', 'plus', 'because', 'cos', 'so', 'then', 'while', 'whereas', 'although', 'though']);

/** Stems split into clauses at conjunctions; the whole text is one more clause when it was split. */
export function clausesOf(n: NormalisedText): string[][] {
  const clauses: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < n.tokens.length; i++) {
    if (CLAUSE_BREAK.has(n.tokens[i]) && current.length >= 2) {
      clauses.push(current);
      current = [];
      continue;
    }
    current.push(n.stems[i]);
  }
  if (current.length > 0) clauses.push(current);
  if (clauses.length > 1 && n.stems.length <= WINDOW * 2) clauses.push([...n.stems]);
  return clauses;
}

function applyContext(scores: Map<PriorityGroupId, number>, { audience, ageBand }: { audience?: Audience; ageBand?: AgeBand }): void {
  const scale = (id: PriorityGroupId, by: number) => scores.set(id, (scores.get(id) ?? 0) * by);
  if (ageBand !== undefined) {
    const youngChild = ageBand === 'pre-birth-5';
    scale('early-years-funding', youngChild ? 1.2 : ageBand === '5-11' ? 0.9 : 0.5);
    scale('new-parents', youngChild ? 1.2 : ageBand === '11-19' || ageBand === 'adult' ? 0.8 : 0.5);
    scale('neet', ageBand === '11-19' ? 1.2 : ageBand === 'adult' ? 0.8 : 0.4);
    scale('school-attendance', ageBand === '5-11' || ageBand === '11-19' ? 1.1 : ageBand === 'older' ? 0.4 : 0.8);
    if (ageBand === 'older') {
      scale('social-isolation', 1.2);
      scale('carers', 1.15);
      scale('bereavement', 1.1);
      scale('physical-health-disability', 1.1);
    }
  }
  if (audience === 'young-person') {
    scale('bullying', 1.1);
    scale('neet', 1.1);
    scale('mental-health', 1.05);
    scale('early-years-funding', 0.8);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
