import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { conversationUpdate, message, startTestServer, type TestServer } from '../helpers/botServer';

// Three full conversations (and one about risk) run through the real server (POST /api/messages, expectReplies).
// `UPDATE_TRANSCRIPTS=1 npx jest test/dialogs/transcripts` writes them into
// docs/conversations.md; a normal run checks each conversation still reaches its key points.

const DOC = join(__dirname, '..', '..', 'docs', 'conversations.md');
/** A fixed instant (Monday 10:00, London) so office-hours answers are reproducible. */
const AT = '2026-11-23T10:00:00Z';

interface Script {
  title: string;
  who: string;
  intro: string;
  turns: string[];
  /** Must appear somewhere in what the bot said. */
  reaches: string[];
  /** The activity timestamp, when not the default Monday morning. */
  at?: string;
}

const SCRIPTS: Script[] = [
  {
    title: 'A resident asking for themselves',
    who: 'Resident',
    intro: 'The first message already describes the worry, so the bot does not start with a menu. It asks only what is missing, then asks before it writes a summary.',
    turns: ["I've lost my job and I'm behind on the rent", 'Me', '18 to 64', 'Help me ask for support', 'Yes, please', "That's all, thanks"],
    reaches: ['It sounds like this is about', 'These services may help', 'Would you like a summary?', 'Here is your summary'],
  },
  {
    title: 'A young person',
    who: 'Young person',
    intro: 'Shorter, plainer words. The bot does not ask a young person their age or who the worry is about.',
    turns: ["I'm a young person", 'people at school keep posting horrible stuff about me online and I feel really low', 'Talk to someone', "That's all"],
    reaches: ["What's on your mind?", 'Thanks for telling me', 'Childline'],
  },
  {
    title: 'A practitioner (a health visitor)',
    who: 'Practitioner',
    intro: 'Professional framing: the priority groups by name, the suggested level of need, and the guidance on assessment, thresholds and consent before an early help request.',
    turns: [
      "I'm a professional",
      'Health visitor',
      'Describe a concern',
      'a new mum I visit seems very low since the birth of her baby and is isolated',
      'Early help request and guidance',
      'Yes',
      'Finish',
    ],
    reaches: ['What is your role?', 'priority group', 'Suggested level of need', 'Early Help Assessment', 'gain consent', 'Early help request: summary of concerns'],
  },
  {
    title: 'When risk is indicated in the middle of a conversation (a Saturday evening)',
    who: 'Parent',
    intro:
      'Risk detection reads every message before the conversation does. The bot stops and gives the contacts for the route at once: out of hours here, so the Emergency Duty Team rather than the office line. Then it offers to carry on, and the question it was asking is still there.',
    at: '2026-11-28T19:30:00Z',
    turns: ["I'm a parent or carer", 'my son will not go to school', 'his stepdad hits him and he has bruises on his arms', 'Carry on', '11 to 19 (up to 25 with special needs)', "That's all, thanks"],
    reaches: ['01454 615165', 'closed right now', 'Carry on', 'How old is your child?', 'It sounds like this is about'],
  },
];

function renderReplies(replies: Activity[]): string[] {
  const out: string[] = [];
  for (const r of replies) {
    if (r.type !== 'message') continue;
    if (r.text) out.push(r.text.split('\n').map((l) => `> ${l}`).join('\n'));
    for (const a of r.attachments ?? []) {
      const content = a.content as { fallbackText?: string; text?: string; buttons?: Array<{ title: string }> };
      const body = content.fallbackText ?? content.text ?? '';
      out.push(`> *[card]*\n${body.split('\n').map((l) => `> > ${l}`).join('\n')}`);
    }
    const actions = r.suggestedActions?.actions ?? [];
    if (actions.length > 0) out.push(`> ${actions.map((x) => `\`${x.title}\``).join(' · ')}`);
  }
  return out;
}

async function run(server: TestServer, script: Script, index: number): Promise<{ markdown: string; said: string }> {
  const conversation = { id: `transcript-${index}` };
  const lines: string[] = [`## ${script.title}`, '', script.intro, ''];
  const at = script.at ?? AT;
  const welcome = await server.send(conversationUpdate({ conversation, timestamp: at }));
  lines.push('**Assistant:**', '', renderReplies(welcome).join('\n>\n'), '');
  let said = renderReplies(welcome).join('\n');
  for (const turn of script.turns) {
    const replies = await server.send(message(turn, { conversation, timestamp: at }));
    const rendered = renderReplies(replies);
    said += `\n${rendered.join('\n')}`;
    lines.push(`**${script.who}:** ${turn}`, '', '**Assistant:**', '', rendered.join('\n>\n'), '');
  }
  return { markdown: lines.join('\n'), said };
}

const HEADER = `# Example conversations

These transcripts were produced by running the real bot (the bathnes knowledge pack, the
triage engine and the dialogs) through \`POST /api/messages\` with \`deliveryMode: "expectReplies"\`,
at fixed times: Monday 23 November 2026, 10:00, when the children's front door is open, and for the
last one Saturday 28 November 2026, 19:30, when it is closed.
Regenerate them with \`UPDATE_TRANSCRIPTS=1 npx jest test/dialogs/transcripts\`.

Buttons (quick replies) are shown as \`code\`; Adaptive Cards are shown by their text
fallback, which is also what channels without cards receive.
`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

test('the example conversations reach their key points (and are written to docs/conversations.md on request)', async () => {
  const sections: string[] = [];
  for (const [i, script] of SCRIPTS.entries()) {
    const { markdown, said } = await run(server, script, i);
    for (const point of script.reaches) expect({ script: script.title, has: said.includes(point), point }).toEqual({ script: script.title, has: true, point });
    sections.push(markdown);
  }
  const doc = `${HEADER}\n${sections.join('\n')}`;
  if (process.env.UPDATE_TRANSCRIPTS === '1') writeFileSync(DOC, doc);
  const written = readFileSync(DOC, 'utf8');
  for (const script of SCRIPTS) expect(written).toContain(`## ${script.title}`);
});
