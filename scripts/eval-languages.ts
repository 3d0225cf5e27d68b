// Other languages (issue 12, point 6): on test/eval/holdout-languages-*.json, how often the
// notice is given in the right language (the language model at the bot's threshold), how much
// of the risk said in those languages reaches a risk reply or at least the danger contacts, and
// what English or ordinary messages get wrongly (a notice, or a risk reply).
// Run: npm run eval:languages. The counting is knowledge/language/evaluation.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../knowledge';
import { evaluateLanguages, languageSetSchema, otherLanguageTotals } from '../knowledge/language/evaluation';
import { loadLanguageIdentifier } from '../knowledge/language/identify';
import { otherLanguages } from '../knowledge/language/otherLanguages';
import { createTriageEngine } from '../knowledge/triage';
import { projectPath } from '../knowledge/paths';

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

async function main(): Promise<void> {
  const dir = projectPath('test', 'eval');
  const engine = createTriageEngine(loadPack('bathnes'));
  const identifier = await loadLanguageIdentifier();
  try {
    for (const file of readdirSync(dir).filter((f) => /^holdout-languages-.*\.json$/.test(f)).sort()) {
      const set = languageSetSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      console.log(`${file}: ${set.description}`);
      const report = await evaluateLanguages(set, engine.triage, identifier, otherLanguages());
      console.log('language   n   notice in its language   risk reply         right route       risk with contacts  false risk');
      for (const [code, r] of report.byLanguage) {
        console.log(
          `${code.padEnd(8)} ${String(r.n).padStart(3)}   ${(code === 'en' ? '-' : pct(r.notice, r.n)).padEnd(22)} ${pct(r.riskCaught, r.risk).padEnd(18)} ${pct(r.riskRight, r.risk).padEnd(17)} ${pct(r.contacts, r.risk).padEnd(19)} ${pct(r.falseRisk, r.ordinary)}`,
        );
      }
      const t = otherLanguageTotals(report);
      console.log(
        `all other languages: notice ${pct(t.notice, t.n)}; risk reply ${pct(t.riskCaught, t.risk)}, right route ${pct(t.riskRight, t.risk)}, risk with contacts shown ${pct(t.contacts, t.risk)}; false risk ${pct(t.falseRisk, t.ordinary)}; English given a notice: ${report.englishNotices}`,
      );
      console.log(`misses (${report.misses.length}):`);
      for (const line of report.misses) console.log(line);
    }
  } finally {
    await identifier.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
