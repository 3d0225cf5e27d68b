// npm run triage:train: trains the risk and priority-group models from knowledge/triage/corpus,
// reports 5-fold cross-validated recall and precision per route, and writes the models and a
// manifest (corpus hash, parameters, metrics) to knowledge/triage/model/trained.
//   --no-cv     skip cross-validation (faster; the manifest keeps no metrics)
//   --out DIR   write somewhere else
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharedExamples from '../knowledge/packs/shared/priority-group-examples.json';
import { RISK_ROUTES, type PriorityGroupId, type RiskRoute } from '../knowledge/vocabulary';
import { readCorpus, type CorpusItem } from '../knowledge/triage/corpus';
import { RiskDetector } from '../knowledge/triage/risk';
import { seededRandom } from '../knowledge/triage/model/hashing';
import { DEFAULT_MODEL_TRAIN, defaultModelDir, trainTriageModel, TriageModel } from '../knowledge/triage/model/triageModel';
import { loadPack } from '../knowledge/loader';
import { createTriageEngine } from '../knowledge/triage';
import { RISK_THRESHOLDS } from '../knowledge/triage/model/decision';

const args = process.argv.slice(2);
const cv = !args.includes('--no-cv');
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]) : defaultModelDir();

const corpus = readCorpus();
if (corpus.issues.length > 0) {
  console.error(`The corpus has ${corpus.issues.length} problem(s); run npm run knowledge:check.`);
  process.exit(1);
}
// The same normaliser the engine reads messages with (text speak, spelling, stems).
const detector = new RiskDetector();
const normaliser = detector.normaliser;

// The packs' everyday example phrases are short, plain worries ("someone keeps keying our
// car"), a shape the corpus has few of: without them the model took short mentions of the
// police or drink for risk. Only groups that are not about harm itself, and only phrases no
// risk rule flags, are read as "no risk".
const HARM_GROUPS = new Set(['domestic-abuse', 'exploitation']);
const packSource = { file: 'knowledge/packs/shared/priority-group-examples.json', brief: 'pack example phrases', author: 'pack authors', date: '2026-11-01' };
const packLines: CorpusItem[] = Object.entries(sharedExamples as Record<string, string[]>)
  .filter(([group]) => !HARM_GROUPS.has(group))
  .flatMap(([group, texts]) =>
    texts
      .filter((text) => detector.detect(text).length === 0)
      .map((text, i) => ({
        text,
        route: 'none' as const,
        groups: [group as PriorityGroupId],
        voice: 'resident' as const,
        kind: 'ordinary' as const,
        where: `${packSource.file}:${group}[${i}]`,
        source: packSource,
      })),
  );
const items: CorpusItem[] = [...corpus.items, ...packLines];
const normalise = (text: string) => normaliser.normalise(text);

const corpusHash = createHash('sha256');
for (const item of items) corpusHash.update(JSON.stringify([item.text, item.route, item.groups]) + '\n');

interface Fold {
  risk: { total: number; caught: number; routeRight: number };
  byRoute: Record<string, { total: number; caught: number; predicted: number; predictedRight: number }>;
  negatives: { total: number; escalated: number; hard: number; hardEscalated: number };
  groups: { total: number; top1: number; top3: number };
}

/** Out-of-fold "any risk" probabilities, for the threshold table. */
const sweep: Array<{ any: number; risk: boolean }> = [];

const pack = loadPack('bathnes');

/** Scores a fold with the whole engine (model, rules, decision, group blend) built on the fold's model. */
function score(model: TriageModel, test: readonly CorpusItem[]): Fold {
  const engine = createTriageEngine(pack, { model, detector });
  const fold: Fold = {
    risk: { total: 0, caught: 0, routeRight: 0 },
    byRoute: Object.fromEntries(RISK_ROUTES.map((r) => [r, { total: 0, caught: 0, predicted: 0, predictedRight: 0 }])),
    negatives: { total: 0, escalated: 0, hard: 0, hardEscalated: 0 },
    groups: { total: 0, top1: 0, top3: 0 },
  };
  for (const item of test) {
    const result = engine.triage(item.text);
    const escalated = result.confidence !== undefined;
    const predicted = result.route as RiskRoute;
    sweep.push({ any: result.riskScore ?? 0, risk: item.route !== 'none' });
    if (escalated) {
      const s = fold.byRoute[predicted];
      s.predicted++;
      if (predicted === item.route || item.alsoRoutes?.includes(predicted)) s.predictedRight++;
    }
    if (item.route !== 'none') {
      const s = fold.byRoute[item.route];
      s.total++;
      fold.risk.total++;
      if (escalated) {
        fold.risk.caught++;
        s.caught++;
        const routes = new Set(result.riskMatches.map((m) => m.route));
        if (routes.has(item.route) || item.alsoRoutes?.some((r) => routes.has(r))) fold.risk.routeRight++;
      }
    } else {
      fold.negatives.total++;
      if (escalated) fold.negatives.escalated++;
      if (item.kind === 'hard-negative') {
        fold.negatives.hard++;
        if (escalated) fold.negatives.hardEscalated++;
      }
      const ranked = result.priorityGroups.map((g) => g.id);
      fold.groups.total++;
      if (item.groups.includes(ranked[0])) fold.groups.top1++;
      if (ranked.slice(0, 3).some((g) => item.groups.includes(g))) fold.groups.top3++;
    }
  }
  return fold;
}

function addInto(total: Fold, fold: Fold): void {
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const k of Object.keys(b)) a[k] = (a[k] ?? 0) + b[k];
  };
  add(total.risk, fold.risk);
  add(total.negatives, fold.negatives);
  add(total.groups, fold.groups);
  for (const r of RISK_ROUTES) add(total.byRoute[r], fold.byRoute[r]);
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

let metrics: Record<string, unknown> | undefined;
if (cv) {
  const k = 5;
  const random = seededRandom(7);
  const foldOf = items.map(() => Math.floor(random() * k));
  const total = score(trainTriageModel([], normalise), []);
  for (let f = 0; f < k; f++) {
    const train = items.filter((_, i) => foldOf[i] !== f);
    const test = items.filter((_, i) => foldOf[i] === f);
    addInto(total, score(trainTriageModel(train, normalise), test));
    process.stderr.write(`fold ${f + 1}/${k} done\n`);
  }
  console.log(`5-fold cross-validation on ${items.length} lines (${corpus.items.length} corpus, ${packLines.length} pack phrases); the engine's decision (thresholds ${JSON.stringify(RISK_THRESHOLDS)})`);
  console.log(`risk recall ${pct(total.risk.caught, total.risk.total)}  right route ${pct(total.risk.routeRight, total.risk.total)}`);
  console.log('route                 n    recall   precision');
  for (const r of RISK_ROUTES) {
    const s = total.byRoute[r];
    console.log(`${r.padEnd(20)} ${String(s.total).padStart(4)}   ${pct(s.caught, s.total).padStart(6)}   ${pct(s.predictedRight, s.predicted).padStart(6)}`);
  }
  console.log(`false escalation ${pct(total.negatives.escalated, total.negatives.total)} (hard negatives ${pct(total.negatives.hardEscalated, total.negatives.hard)})`);
  console.log('the model alone, by threshold on "any risk": recall / false escalation');
  const thresholdTable: Record<string, { recall: number; falseEscalation: number }> = {};
  for (const t of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
    const risky = sweep.filter((s) => s.risk);
    const safe = sweep.filter((s) => !s.risk);
    const recall = risky.filter((s) => s.any >= t).length / risky.length;
    const falseEscalation = safe.filter((s) => s.any >= t).length / safe.length;
    thresholdTable[String(t)] = { recall, falseEscalation };
    console.log(`  ${t.toFixed(1)}  ${pct(recall, 1)} / ${pct(falseEscalation, 1)}`);
  }
  console.log(`groups (no-risk lines): top-1 ${pct(total.groups.top1, total.groups.total)}  top-3 ${pct(total.groups.top3, total.groups.total)}`);
  metrics = {
    folds: k,
    riskRecall: total.risk.caught / total.risk.total,
    rightRoute: total.risk.routeRight / total.risk.total,
    byRoute: Object.fromEntries(
      RISK_ROUTES.map((r) => {
        const s = total.byRoute[r];
        return [r, { n: s.total, recall: s.caught / s.total, precision: s.predicted === 0 ? null : s.predictedRight / s.predicted }];
      }),
    ),
    falseEscalation: total.negatives.escalated / total.negatives.total,
    hardNegativeEscalation: total.negatives.hardEscalated / total.negatives.hard,
    groupTop1: total.groups.top1 / total.groups.total,
    groupTop3: total.groups.top3 / total.groups.total,
    modelAloneByThreshold: thresholdTable,
  };
}

const started = Date.now();
const model = trainTriageModel(items, normalise);
const trainMs = Date.now() - started;
model.save(outDir);
const manifest = {
  trainedOn: { corpusLines: corpus.items.length, packPhrases: packLines.length },
  corpusSha256: corpusHash.digest('hex'),
  parameters: DEFAULT_MODEL_TRAIN,
  thresholds: RISK_THRESHOLDS,
  trainMs,
  bytesOnDisk: TriageModel.sizeOnDisk(outDir),
  crossValidation: metrics ?? null,
};
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`trained on ${items.length} lines in ${trainMs} ms; wrote ${outDir}`);
