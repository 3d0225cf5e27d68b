import { evaluate, floorFailures, FLOORS, HOLDOUT_FLOORS, holdoutSchema, riskSetSchema, worrySetSchema } from '../../knowledge/triage/evaluation';
import { PRIORITY_GROUP_IDS, RISK_ROUTES } from '../../knowledge/vocabulary';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir } from '../../knowledge/triage/corpus';
import { bathnesEngine, EVAL_DIR, readEval, sharedExamples } from './helpers';

const CORPUS_DIR = defaultCorpusDir();

// The same evaluation `npm run eval` prints, held as floors so a regression fails CI.

const risk = riskSetSchema.parse(readEval('risk.json')).items;
const worries = worrySetSchema.parse(readEval('worries.json')).items;

describe('labelled evaluation set', () => {
  it('is big enough and covers every route and every group', () => {
    expect(risk.length).toBeGreaterThanOrEqual(200);
    expect(worries.length).toBeGreaterThanOrEqual(200);
    for (const route of RISK_ROUTES) expect(risk.filter((r) => r.route === route).length).toBeGreaterThanOrEqual(20);
    for (const id of PRIORITY_GROUP_IDS) expect({ id, n: worries.filter((w) => w.groups.includes(id)).length >= 8 }).toEqual({ id, n: true });
  });

  it('shares no message with the training phrases', () => {
    const training = new Set(Object.values(sharedExamples()).flat().map((t) => t.toLowerCase().trim()));
    const overlap = [...risk, ...worries].map((i) => i.text.toLowerCase().trim()).filter((t) => training.has(t));
    expect(overlap).toEqual([]);
  });

  it(`holds the floors: risk recall ${FLOORS.riskRecall * 100}%, false escalation under ${FLOORS.falseEscalation * 100}%, group top-3 at least ${FLOORS.groupTop3 * 100}%`, () => {
    const report = evaluate(bathnesEngine().triage, risk, worries);
    const missed = report.misses.filter((m) => m.kind === 'risk-missed').map((m) => m.text);
    expect(missed).toEqual([]);
    expect(floorFailures(report)).toEqual([]);
  });
});

// The single-message hold-outs still apart from training (v19 on): every one holds the floors.
const HOLDOUTS = readdirSync(EVAL_DIR).filter((f) => /^holdout-v\d+\.json$/.test(f));

describe('hold-out sets', () => {
  it.each(HOLDOUTS)(
    `%s holds the hold-out floors: risk recall ${HOLDOUT_FLOORS.riskRecall * 100}%, false escalation under ${HOLDOUT_FLOORS.falseEscalation * 100}%`,
    (file) => {
      const holdout = holdoutSchema.parse(readEval(file));
      expect(floorFailures(evaluate(bathnesEngine().triage, holdout.risk, holdout.worries), HOLDOUT_FLOORS)).toEqual([]);
    },
  );

  it('v1 to v18 were merged into training after their first runs: none is evaluated any more', () => {
    const sources = JSON.parse(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8')) as Array<{ file: string }>;
    for (const name of ['holdout', ...Array.from({ length: 17 }, (_, i) => `holdout-v${i + 2}`)]) {
      expect({ name, evaluated: existsSync(join(EVAL_DIR, `${name}.json`)) }).toEqual({ name, evaluated: false });
      expect(sources.some((s) => s.file === `${name}.jsonl`)).toBe(true);
    }
  });

  it('at least one single-message hold-out is still apart from training', () => {
    expect(HOLDOUTS.length).toBeGreaterThan(0);
  });
});
