// npm run triage:explain -- "some text" [--pack bathnes] [--prior 0.4] [--answer]
// Shows a safeguarding lead why the engine decided what it did: the normalised text, the
// model's scores per route and group, the rules that fired with the words they matched, the
// frames, and the decision. Nothing is logged or kept.
import { loadPack } from '../knowledge/loader';
import { createTriageEngine } from '../knowledge/triage';
import { RISK_THRESHOLDS } from '../knowledge/triage/model/decision';
import { explainFeatures } from '../knowledge/triage/model/features';
import { RISK_CLASSES } from '../knowledge/triage/model/triageModel';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const packName = option('--pack') ?? 'bathnes';
const prior = Number(option('--prior') ?? '0');
// --answer: read the text as a reply to one of the bot's questions (see ANSWER_WORDS).
const answerAt = args.indexOf('--answer');
if (answerAt >= 0) args.splice(answerAt, 1);
const context = { priorRisk: prior, ...(answerAt >= 0 ? { answering: true } : {}) };
const text = args.join(' ').trim();
if (text === '') {
  console.error('Usage: npm run triage:explain -- "a message" [--pack bathnes] [--prior 0.4] [--answer]');
  process.exit(2);
}

const engine = createTriageEngine(loadPack(packName));
const n = engine.detector.normaliser.normalise(text.slice(0, 5000));
const scores = engine.model.score(n);
const rules = engine.detector.detectNormalised(n);
const frames = engine.detector.frames(n);
const result = engine.triage(text, context);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

console.log(`normalised: ${n.tokens.join(' ')}`);
console.log(`\nmodel, any risk: ${pct(1 - scores.risk.none)}   (high >= ${pct(RISK_THRESHOLDS.high)}, possible >= ${pct(RISK_THRESHOLDS.possible)}; rules count from ${pct(RISK_THRESHOLDS.ruleFloor)})`);
for (const c of RISK_CLASSES) console.log(`  ${c.padEnd(20)} ${pct(scores.risk[c])}`);
console.log(`  words that pushed toward risk: ${explainFeatures(n, engine.model.riskContributions(n), 8).join(', ') || '(none)'}`);
// The decision reads the model a second time without words a denial or past-harm frame covers,
// or a joining word at the start ("also ..."), when there are any; the lower reading stands.
const decided = engine.riskDecision(text, context).risk.any;
if (Math.abs(decided - (1 - scores.risk.none)) > 1e-9) console.log(`  read again without framed or joining words: ${pct(decided)} (this is what decides)`);
console.log('\nmodel, priority groups (top 5):');
for (const g of scores.groups.slice(0, 5)) console.log(`  ${g.id.padEnd(32)} ${pct(g.score)}`);
console.log('\nrules that fired:');
for (const m of rules) console.log(`  ${m.rule} (${m.route}): "${m.matched}"`);
if (rules.length === 0) console.log('  (none)');
console.log(`frames: figurative ${frames.figurative.length ? frames.figurative.join(' | ') : '-'}; historic ${frames.historic.length ? frames.historic.join(' | ') : '-'}; negated ${frames.negated.length ? frames.negated.join(' | ') : '-'}; everyday ${frames.everyday.length ? frames.everyday.join(' | ') : '-'}`);
console.log(`\ndecision: route ${result.route}${result.confidence ? ` (${result.confidence})` : ''}, need level ${result.needLevel}`);
console.log(`groups: ${result.priorityGroups.slice(0, 3).map((g) => `${g.id} ${g.score.toFixed(2)}`).join(', ')}`);
