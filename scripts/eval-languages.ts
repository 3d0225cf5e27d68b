// Other languages (issue 12, point 6): on test/eval/holdout-languages-*.json, how often the
// notice is given in the right language (the language model at the bot's threshold), how much
// of the risk said in those languages reaches a risk route, and what English or ordinary
// messages get wrongly (a notice, or a risk reply). Run: npm run eval:languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGE_CONFIDENCE } from '../dialogs/otherLanguage';
import { loadPack } from '../knowledge';
import { loadLanguageIdentifier } from '../knowledge/language/identify';
import { otherLanguages } from '../knowledge/language/otherLanguages';
import { createTriageEngine } from '../knowledge/triage';
import { projectPath } from '../knowledge/paths';
import { RISK_ROUTES } from '../knowledge/vocabulary';

const fileSchema = z.object({
  description: z.string(),
  messages: z.array(z.object({ language: z.string(), route: z.enum(RISK_ROUTES).nullable(), text: z.string().min(1), english: z.string() })),
});

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

async function main(): Promise<void> {
  const dir = projectPath('test', 'eval');
  const engine = createTriageEngine(loadPack('bathnes'));
  const identifier = await loadLanguageIdentifier();
  const languages = otherLanguages();
  try {
    for (const file of readdirSync(dir).filter((f) => /^holdout-languages-.*\.json$/.test(f)).sort()) {
      const set = fileSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      console.log(`${file}: ${set.description}`);
      const byLanguage = new Map<string, { n: number; notice: number; risk: number; riskCaught: number; riskRight: number; contacts: number; ordinary: number; falseRisk: number }>();
      const misses: string[] = [];
      for (const m of set.messages) {
        const row = byLanguage.get(m.language) ?? { n: 0, notice: 0, risk: 0, riskCaught: 0, riskRight: 0, contacts: 0, ordinary: 0, falseRisk: 0 };
        byLanguage.set(m.language, row);
        row.n++;
        // As the bot does: the language model first; when it is sure of a language with a notice,
        // the English model does not judge the message (the rules and that language's phrases do).
        const guess = await identifier.identify(m.text);
        const identified = guess.confidence >= LANGUAGE_CONFIDENCE && languages.language(guess.code) ? guess.code : undefined;
        const result = engine.triage(m.text, identified ? { language: identified } : {});
        const risky = (RISK_ROUTES as readonly string[]).includes(result.route);
        // A risk phrase names its language even when the model was unsure.
        const noticeIn = result.language ?? identified;
        const noticeGiven = noticeIn !== undefined && languages.language(noticeIn) !== undefined;
        // Without a risk reply, the notice itself lists the contacts for anyone in danger.
        const contactsShown = risky || noticeGiven;
        if (m.language === 'en') {
          if (noticeGiven) misses.push(`  notice for English (${noticeIn}): ${m.text}`);
        } else if (noticeIn === m.language && noticeGiven) row.notice++;
        else misses.push(`  no ${m.language} notice (${guess.code} ${guess.confidence.toFixed(2)}): ${m.text.slice(0, 80)}`);
        if (m.route) {
          row.risk++;
          if (risky) row.riskCaught++;
          if (result.route === m.route) row.riskRight++;
          if (contactsShown) row.contacts++;
          if (!risky) misses.push(`  risk missed ${m.language} ${m.route}${contactsShown ? ' (danger contacts in the notice)' : ' (NO CONTACTS)'}: ${m.text.slice(0, 80)} (${m.english.slice(0, 60)})`);
        } else {
          row.ordinary++;
          if (risky) {
            row.falseRisk++;
            misses.push(`  false risk ${m.language} (${result.route}): ${m.text.slice(0, 80)}`);
          }
        }
      }
      console.log('language   n   notice in its language   risk reply         right route       risk with contacts  false risk');
      for (const [code, r] of byLanguage) {
        console.log(
          `${code.padEnd(8)} ${String(r.n).padStart(3)}   ${(code === 'en' ? '-' : pct(r.notice, r.n)).padEnd(22)} ${pct(r.riskCaught, r.risk).padEnd(18)} ${pct(r.riskRight, r.risk).padEnd(17)} ${pct(r.contacts, r.risk).padEnd(19)} ${pct(r.falseRisk, r.ordinary)}`,
        );
      }
      const all = [...byLanguage.entries()].filter(([c]) => c !== 'en').map(([, r]) => r);
      const sum = (k: keyof (typeof all)[number]) => all.reduce((n, r) => n + r[k], 0);
      console.log(
        `all other languages: notice ${pct(sum('notice'), sum('n'))}; risk reply ${pct(sum('riskCaught'), sum('risk'))}, right route ${pct(sum('riskRight'), sum('risk'))}, risk with contacts shown ${pct(sum('contacts'), sum('risk'))}; false risk ${pct(sum('falseRisk'), sum('ordinary'))}`,
      );
      console.log(`misses (${misses.length}):`);
      for (const line of misses) console.log(line);
    }
  } finally {
    await identifier.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
