import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../paths';
import { PRIORITY_GROUP_IDS, RISK_ROUTES, type PriorityGroupId, type RiskRoute } from '../../vocabulary';
import type { CorpusLine } from '../corpus';
import type { NormalisedText } from '../normalise';
import { DEFAULT_FEATURES, featuresOf, type FeatureOptions, type FeatureVector } from './features';
import { DEFAULT_TRAIN, trainLinear, type Example, type TrainOptions } from './linearModel';
import { decodeModel, encodeModel, type StoredModel } from './modelFile';

// The learned part of triage: one model for the risk route (or none) and one for priority
// groups, both over the same hashed features, trained from knowledge/triage/corpus by
// `npm run triage:train` and stored beside it in knowledge/triage/model/trained.

export const RISK_CLASSES = ['none', ...RISK_ROUTES] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export interface ModelScores {
  /** Probability of each route and of "none"; they sum to one. */
  risk: Record<RiskClass, number>;
  /** Probability of each priority group, independently. */
  groups: Array<{ id: PriorityGroupId; score: number }>;
}

export const defaultModelDir = (): string => projectPath('knowledge', 'triage', 'model', 'trained');

/** The three stored models: is there any risk, which route if so, which priority groups. */
export interface TriageModels {
  risk: StoredModel;
  route: StoredModel;
  groups: StoredModel;
}

const FILES = { risk: 'risk.model', route: 'route.model', groups: 'groups.model' } as const;

export class TriageModel {
  constructor(private readonly models: TriageModels) {}

  static load(dir: string = defaultModelDir()): TriageModel {
    const read = (file: string) => decodeModel(fs.readFileSync(path.join(dir, file)));
    return new TriageModel({ risk: read(FILES.risk), route: read(FILES.route), groups: read(FILES.groups) });
  }

  save(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    for (const key of ['risk', 'route', 'groups'] as const) {
      fs.writeFileSync(path.join(dir, FILES[key]), encodeModel(this.models[key].model, this.models[key].features));
    }
  }

  features(n: Pick<NormalisedText, 'tokens' | 'stems'>): FeatureVector {
    return featuresOf(n, this.models.risk.features);
  }

  score(n: Pick<NormalisedText, 'tokens' | 'stems'>): ModelScores {
    const x = this.features(n);
    const { risk } = this.riskOfFeatures(x);
    const g = this.models.groups.model.predict(x);
    const groups = this.models.groups.model.classes
      .map((id, i) => ({ id: id as PriorityGroupId, score: g[i] }))
      .sort((a, b) => b.score - a.score);
    return { risk, groups };
  }

  /** Only the risk and route models (no groups): the risk decision's share of the work. */
  scoreRisk(n: Pick<NormalisedText, 'tokens' | 'stems'>): ModelScores {
    return this.riskOfFeatures(this.features(n));
  }

  /** P(route) = P(any risk) × P(route | risk); "none" is the rest. */
  private riskOfFeatures(x: FeatureVector): ModelScores {
    const any = this.models.risk.model.predict(x)[1];
    const routes = this.models.route.model.predict(x);
    const risk = { none: 1 - any } as Record<RiskClass, number>;
    this.models.route.model.classes.forEach((route, i) => (risk[route as RiskRoute] = any * routes[i]));
    return { risk, groups: [] };
  }

  /** The features of `n` that pushed hardest toward risk, by bucket (see explain for their names). */
  riskContributions(n: Pick<NormalisedText, 'tokens' | 'stems'>): Array<{ bucket: number; weight: number }> {
    return this.models.risk.model.contributions(this.features(n), 1);
  }

  /** Bytes on disk of the two model files. */
  static sizeOnDisk(dir: string = defaultModelDir()): number {
    return Object.values(FILES).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  }
}

export interface ModelTrainOptions {
  features: FeatureOptions;
  risk: TrainOptions;
  route: TrainOptions;
  groups: TrainOptions;
}

// Chosen by 5-fold cross-validation on the corpus (docs/triage.md): a smaller step than the
// default settles better on 8,000 short messages, and a separate "any risk" model beats a
// six-way softmax at telling risk from hard negatives.
const SETTLED: TrainOptions = { ...DEFAULT_TRAIN, epochs: 8, learningRate: 0.05 };
export const DEFAULT_MODEL_TRAIN: ModelTrainOptions = {
  features: DEFAULT_FEATURES,
  risk: SETTLED,
  route: SETTLED,
  groups: { ...SETTLED, learningRate: 0.1 },
};

/** Trains the three models from corpus lines; deterministic for the same lines and options. */
export function trainTriageModel(
  lines: readonly Pick<CorpusLine, 'text' | 'route' | 'groups'>[],
  normalise: (text: string) => Pick<NormalisedText, 'tokens' | 'stems'>,
  options: ModelTrainOptions = DEFAULT_MODEL_TRAIN,
): TriageModel {
  const buckets = options.features.buckets;
  const xs = lines.map((line) => featuresOf(normalise(line.text), options.features));
  const riskExamples: Example[] = lines.map((line, i) => ({ x: xs[i], y: [line.route === 'none' ? 0 : 1] }));
  const routeExamples: Example[] = [];
  lines.forEach((line, i) => {
    if (line.route !== 'none') routeExamples.push({ x: xs[i], y: [RISK_ROUTES.indexOf(line.route)] });
  });
  // A risk message with no groups had them left unlabelled, not "about no group": left out here.
  const groupExamples: Example[] = [];
  lines.forEach((line, i) => {
    if (line.route !== 'none' && line.groups.length === 0) return;
    groupExamples.push({ x: xs[i], y: line.groups.map((g) => PRIORITY_GROUP_IDS.indexOf(g)) });
  });
  const stored = (model: ReturnType<typeof trainLinear>): StoredModel => ({ model, features: options.features });
  return new TriageModel({
    risk: stored(trainLinear('softmax', ['none', 'risk'], buckets, riskExamples, options.risk)),
    route: stored(trainLinear('softmax', RISK_ROUTES, buckets, routeExamples, options.route)),
    groups: stored(trainLinear('one-vs-rest', PRIORITY_GROUP_IDS, buckets, groupExamples, options.groups)),
  });
}

/** The most likely route and the probability that the message carries any risk at all. */
export function riskOf(scores: ModelScores): { route: RiskRoute; any: number } {
  let route: RiskRoute = RISK_ROUTES[0];
  for (const r of RISK_ROUTES) if (scores.risk[r] > scores.risk[route]) route = r;
  return { route, any: 1 - scores.risk.none };
}
