// npm run corpus:merge-holdout -- holdout-v7.json [holdout-v8.json ...]
//
// Moves hold-out sets whose first run is recorded (docs/triage.md) into the training corpus, as
// the evaluation discipline allows once that is done: each becomes knowledge/triage/corpus/
// holdout-vN.jsonl, listed in sources.json with its author and the date, and the test/eval file is
// removed (a set cannot be both training and evaluation; knowledge:check would refuse the copies).
// Lines that repeat or nearly repeat a corpus line already there, or a text of an evaluation set
// that stays one, are left out and counted. The
// hold-outs did not label the voice, nor the groups of risk messages: those lines say "unknown"
// and carry no groups, and the group model does not learn from them.
import fs from 'node:fs';
import path from 'node:path';
import { CorpusSources, defaultCorpusDir, duplicates, readCorpus, type CorpusLine } from '../knowledge/triage/corpus';
import { holdoutSchema } from '../knowledge/triage/evaluation';
import { projectPath } from '../knowledge/paths';
import { evaluationTexts } from './knowledge-check';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run corpus:merge-holdout -- holdout-vN.json [...]');
  process.exit(2);
}
const corpusDir = defaultCorpusDir();
const evalDir = projectPath('test', 'eval');
const sourcesFile = path.join(corpusDir, 'sources.json');
const sources = CorpusSources.parse(JSON.parse(fs.readFileSync(sourcesFile, 'utf8')));
const corpus = readCorpus(corpusDir);
if (corpus.issues.length > 0) {
  console.error(`The corpus has ${corpus.issues.length} problem(s); run npm run knowledge:check first.`);
  process.exit(1);
}
// What a merged line may not repeat: the corpus, and the evaluation sets that stay evaluation
// sets (independent authors do write the same short message now and then).
const merging = new Set(files.map((f) => `${path.basename(f, '.json')}.json`));
const staying = evaluationTexts(evalDir).filter((e) => !merging.has(e.where.replace(/^test\/eval\/([^:]+):.*$/, '$1')));
const kept: Array<{ text: string; where: string }> = [...staying, ...corpus.items.map((i) => ({ text: i.text, where: i.where }))];
const today = new Date().toISOString().slice(0, 10);

for (const file of files) {
  const name = path.basename(file, '.json');
  if (!/^holdout(-v\d+)?$/.test(name)) throw new Error(`${file}: not a hold-out set (test/eval/holdout-vN.json)`);
  const out = `${name}.jsonl`;
  if (sources.some((s) => s.file === out)) throw new Error(`${out} is already in the corpus`);
  const holdout = holdoutSchema.parse(JSON.parse(fs.readFileSync(path.join(evalDir, `${name}.json`), 'utf8')));
  const lines: CorpusLine[] = [
    ...holdout.risk.map((r): CorpusLine => ({ text: r.text, route: r.route, groups: (r.groups ?? []).slice(0, 3), voice: 'unknown', kind: 'risk' })),
    ...holdout.worries.map((w): CorpusLine => ({ text: w.text, route: 'none', groups: w.groups.slice(0, 3), voice: 'unknown', kind: w.riskTopic ? 'hard-negative' : 'ordinary' })),
  ];
  const candidates = lines.map((line, i) => ({ text: line.text, where: `${out}#${i}` }));
  const repeated = new Set(duplicates([...kept, ...candidates]).map((issue) => issue.where));
  const merged = lines.filter((_, i) => !repeated.has(candidates[i].where));
  fs.writeFileSync(path.join(corpusDir, out), merged.map((line) => JSON.stringify(line)).join('\n') + '\n');
  kept.push(...merged.map((line, i) => ({ text: line.text, where: `${out}:${i + 1}` })));
  sources.push({
    file: out,
    brief: `test/eval/${name}.json, a hold-out merged after its first run was recorded in docs/triage.md`,
    author: `the ${name} author (fresh: saw no engine, corpus or earlier set)`,
    date: today,
  });
  fs.rmSync(path.join(evalDir, `${name}.json`));
  const skipped = lines.length - merged.length;
  console.log(`${name}: ${merged.length} lines into ${out}${skipped ? `, ${skipped} left out as repeats of corpus or evaluation lines` : ''}`);
}
fs.writeFileSync(sourcesFile, `[\n${sources.map((s) => `  ${JSON.stringify(s)}`).join(',\n')}\n]\n`);
