// npm run eval: the triage engine against the labelled evaluation set in
// test/eval (and the hold-out set, reported separately). Exits non-zero when
// the main set falls below the floors in knowledge/triage/evaluation.ts.

import { readdirSync, readFileSync } from 'node:fs';
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
// Hold-out sets still apart from training, every test/eval/holdout-vN.json in number order.
// Their first-run numbers (the honest ones) are in docs/triage.md; v1 to v18 were merged into the
// corpus after theirs were recorded (npm run corpus:merge-holdout), so they are training data now.
const holdouts = readdirSync(evalDir)
  .map((f) => /^holdout-v(\d+)\.json$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .sort((a, b) => Number(a[1]) - Number(b[1]));
for (const [file, n] of holdouts) {
  const holdout = holdoutSchema.parse(readJson(file));
  const held = evaluate(engine.triage, holdout.risk, holdout.worries);
  console.log(formatReport(`hold-out set v${n} (first run recorded in docs/triage.md)`, held));
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
