// npm run eval: the triage engine against the labelled evaluation set in
// test/eval (and the hold-out set, reported separately). Exits non-zero when
// the main set falls below the floors in knowledge/triage/evaluation.ts.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPack } from '../knowledge/loader';
import { createTriageEngine } from '../knowledge/triage';
import { evaluate, floorFailures, formatReport, holdoutSchema, riskSetSchema, worrySetSchema } from '../knowledge/triage/evaluation';

const root = resolve(__dirname, '..', '..');
const evalDir = join(root, 'test', 'eval');
const packName = process.argv[2] ?? 'bathnes';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(evalDir, file), 'utf8'));
}

const pack = loadPack(packName, { packsDir: join(root, 'knowledge', 'packs') });
const engine = createTriageEngine(pack);
const risk = riskSetSchema.parse(readJson('risk.json')).items;
const worries = worrySetSchema.parse(readJson('worries.json')).items;

// The same messages sent mid-conversation, as the reply to one of the bot's questions: a short
// reply is read differently there (see ANSWER_WORDS in model/decision.ts). One line per set, and
// the risk messages missed only there.
const asReply = (text: string) => engine.triage(text, { answering: true });
function replyLine(set: { risk: typeof risk; worries: typeof worries }, first: ReturnType<typeof evaluate>): string {
  const reply = evaluate(asReply, set.risk, set.worries);
  const missedFirst = new Set(first.misses.filter((m) => m.kind === 'risk-missed').map((m) => m.text));
  const onlyHere = reply.misses.filter((m) => m.kind === 'risk-missed' && !missedFirst.has(m.text));
  const w = reply.worries;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `as a reply to the bot's question: risk recall ${pct(reply.rates.riskRecall)}, false escalation, all worries ${pct(reply.rates.falseEscalationAll)} (${w.falselyEscalated + w.riskTopicsEscalated}/${w.total})`,
    ...onlyHere.map((m) => `  missed only as a reply: "${m.text}"`),
  ].join('\n');
}

const main = evaluate(engine.triage, risk, worries);
console.log(formatReport(`main evaluation set (pack ${packName})`, main));
console.log(replyLine({ risk, worries }, main));
console.log('');
// Hold-out sets still apart from training. Their first-run numbers (the honest ones) are in
// docs/triage.md; v1 to v11 were merged into the corpus after theirs were recorded
// (npm run corpus:merge-holdout), so they are training data now and not evaluated here.
for (const [file, title] of [
  ['holdout-v12.json', 'hold-out set v12 (first run recorded in docs/triage.md)'],
  ['holdout-v13.json', 'hold-out set v13 (first run recorded in docs/triage.md)'],
  ['holdout-v14.json', 'hold-out set v14 (first run recorded in docs/triage.md)'],
  ['holdout-v15.json', 'hold-out set v15 (first run recorded in docs/triage.md)'],
  ['holdout-v16.json', 'hold-out set v16 (first run recorded in docs/triage.md)'],
  ['holdout-v17.json', 'hold-out set v17 (first run recorded in docs/triage.md)'],
  ['holdout-v18.json', 'hold-out set v18 (first run recorded in docs/triage.md)'],
  ['holdout-v19.json', 'hold-out set v19 (first run recorded in docs/triage.md)'],
] as const) {
  if (!existsSync(join(evalDir, file))) continue;
  const holdout = holdoutSchema.parse(readJson(file));
  const held = evaluate(engine.triage, holdout.risk, holdout.worries);
  console.log(formatReport(title, held));
  console.log(replyLine(holdout, held));
  console.log('');
}
console.log(`start-up (rules compiled, model loaded, classifier trained): ${engine.startupMs.toFixed(0)} ms`);

const failures = floorFailures(main);
if (failures.length > 0) {
  console.error(`\nFLOORS NOT MET on the main set:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nall floors met on the main set');
