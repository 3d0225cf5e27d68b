// npm run eval:multiturn: whole conversations through the real bot (EarlyHelpBot on botbuilder's
// TestAdapter, every middleware-free step of a real turn: the risk step, then the dialogs), one
// scenario at a time, from test/eval/holdout-multiturn-*.json. Each person's message is sent as
// typed, whatever the bot asked; the earlyHelp.triage trace of each turn says what the bot decided.
//
// Per scenario with risk: caught when the turn that first discloses it (riskTurn) gets a risk route
// (the full reply or a check-in); "right route" when that route is the labelled one. Scenarios
// without risk: a false escalation when any turn gets a risk route. Run in office hours and out
// of hours (the contacts differ, the decision should not).
//   npm run eval:multiturn [-- PACK [holdout-multiturn-vN.json ...]]   (default: bathnes, every set)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { z } from 'zod';
import { parseConfig } from '../bot/config';
import { createConversation, EarlyHelpBot } from '../bot/earlyHelpBot';
import { createLogger } from '../bot/logging';
import { RISK_ROUTES } from '../knowledge/vocabulary';

const root = resolve(__dirname, '..', '..');
const evalDir = join(root, 'test', 'eval');

const scenarioSchema = z.object({
  id: z.string(),
  voice: z.string(),
  // "teams" is how v3's author wrote Microsoft Teams' channel id (msteams).
  channel: z.enum(['webchat', 'msteams', 'teams']).transform((c) => (c === 'teams' ? 'msteams' : c)),
  turns: z.array(z.string().min(1)).min(1),
  riskTurn: z.number().int().nonnegative().nullable(),
  route: z.enum(RISK_ROUTES).nullable(),
});
const setSchema = z.object({ description: z.string(), scenarios: z.array(scenarioSchema) });
type Scenario = z.infer<typeof scenarioSchema>;

interface TurnDecision {
  route?: string;
  confidence?: string;
}

const setup = createConversation(process.argv[2] ?? 'bathnes', { packsDir: join(root, 'knowledge', 'packs') });
const logger = createLogger({ level: 'silent' });
const CLOCKS = { 'in hours': '2026-12-01T11:00:00Z', 'out of hours': '2026-12-05T23:00:00Z' } as const;

async function run(scenario: Scenario, at: string): Promise<TurnDecision[]> {
  const storage = new MemoryStorage();
  const bot = new EarlyHelpBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    config: parseConfig({}),
    conversation: setup,
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: scenario.channel }, true);
  const drain = () => adapter.activeQueue.splice(0) as Partial<Activity>[];
  await adapter.receiveActivity({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user', name: 'user' }], recipient: adapter.conversation.bot });
  drain();
  const decisions: TurnDecision[] = [];
  for (const text of scenario.turns) {
    await adapter.receiveActivity({ type: ActivityTypes.Message, text, timestamp: new Date(at) });
    const trace = drain().find((a) => a.type === ActivityTypes.Trace && a.name === 'earlyHelp.triage');
    const value = (trace?.value ?? {}) as TurnDecision;
    decisions.push({ route: value.route, confidence: value.confidence });
  }
  return decisions;
}

const isRisk = (route: string | undefined) => (RISK_ROUTES as readonly string[]).includes(route ?? '');
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

async function main(): Promise<void> {
  // Named sets only, when given: a new hold-out's first run is read on its own.
  const named = process.argv.slice(3);
  const files = readdirSync(evalDir)
    .filter((f) => /^holdout-multiturn-.*\.json$/.test(f) && (named.length === 0 || named.includes(f)))
    .sort();
  const unknown = named.filter((f) => !files.includes(f));
  if (unknown.length > 0) throw new Error(`not in test/eval: ${unknown.join(', ')}`);
  for (const file of files) {
    const set = setSchema.parse(JSON.parse(readFileSync(join(evalDir, file), 'utf8')));
    console.log(`${file}: ${set.description}`);
    for (const [clock, at] of Object.entries(CLOCKS)) {
      let caught = 0;
      let rightRoute = 0;
      let risky = 0;
      let early = 0;
      let laterCaught = 0;
      let later = 0;
      let safe = 0;
      let falseEscalations = 0;
      const byRoute = new Map<string, { n: number; caught: number; right: number }>();
      const misses: string[] = [];
      for (const scenario of set.scenarios) {
        const decisions = await run(scenario, at);
        if (scenario.riskTurn === null) {
          safe++;
          const flagged = decisions.findIndex((d) => isRisk(d.route));
          if (flagged >= 0) {
            falseEscalations++;
            misses.push(`  false escalation ${scenario.id} turn ${flagged} (${decisions[flagged].route}, ${decisions[flagged].confidence}): ${scenario.turns[flagged].slice(0, 100)}`);
          }
          continue;
        }
        risky++;
        const entry = byRoute.get(scenario.route!) ?? { n: 0, caught: 0, right: 0 };
        entry.n++;
        byRoute.set(scenario.route!, entry);
        const atDisclosure = decisions[scenario.riskTurn];
        if (decisions.slice(0, scenario.riskTurn).some((d) => isRisk(d.route))) early++;
        if (scenario.riskTurn > 0) later++;
        if (isRisk(atDisclosure?.route)) {
          caught++;
          entry.caught++;
          if (scenario.riskTurn > 0) laterCaught++;
          if (atDisclosure.route === scenario.route) {
            rightRoute++;
            entry.right++;
          } else {
            misses.push(`  wrong route ${scenario.id} turn ${scenario.riskTurn}: ${atDisclosure.route} for ${scenario.route}: ${scenario.turns[scenario.riskTurn].slice(0, 100)}`);
          }
        } else {
          misses.push(`  missed ${scenario.id} (${scenario.route}) turn ${scenario.riskTurn}: ${scenario.turns[scenario.riskTurn].slice(0, 100)}`);
        }
      }
      console.log(`  ${clock}:`);
      console.log(`    risk caught at the disclosing turn: ${pct(caught, risky)}; right route: ${pct(rightRoute, risky)}`);
      console.log(`    disclosed only in a later turn, caught: ${pct(laterCaught, later)}`);
      console.log(`    risk scenarios flagged before the disclosure: ${early}`);
      for (const [route, r] of byRoute) console.log(`    ${route}: caught ${pct(r.caught, r.n)}, right route ${pct(r.right, r.n)}`);
      console.log(`    false escalation (conversations without risk with any risk turn): ${pct(falseEscalations, safe)}`);
      if (clock === 'in hours') for (const line of misses) console.log(line);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
