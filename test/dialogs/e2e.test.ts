import type { Activity } from 'botbuilder';
import { conversationUpdate, message, startTestServer, type TestServer } from '../helpers/botServer';
import { readable } from './harness';

// Through the real server: restify, CloudAdapter, middleware, storage, the default bot
// factory (which loads the pack named by KNOWLEDGE_PACK and trains the triage), with
// deliveryMode "expectReplies" so the replies come back in the HTTP response.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RETENTION_HOURS: '24' } });
});
afterAll(async () => {
  await server.close();
});

const said = (replies: Activity[]) => readable(replies.filter((r) => r.type === 'message'));
const conversation = (id: string) => ({ conversation: { id } });

test('GET /ready: storage takes writes, the pack is loaded and the triage engine has read a message', async () => {
  const res = await server.get('/ready');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    status: 'ready',
    version: '0.1.0',
    checks: {
      storage: { ok: true, kind: 'memory' },
      pack: { ok: true, id: 'bathnes', version: expect.stringMatching(/^\d+\.\d+\.\d+$/), services: expect.any(Number) },
      triage: { ok: true },
    },
  });
  expect(res.body.checks.pack.services).toBeGreaterThan(0);
});

test('a new conversation is welcomed with who the bot is, 999, retention and the first question', async () => {
  const replies = await server.send(conversationUpdate(conversation('e2e-welcome')));
  const text = said(replies);
  expect(text).toContain('a guide to early help in Bath and North East Somerset');
  expect(text).toContain('not an emergency service');
  expect(text).toContain('call 999');
  expect(text).toContain('deleted after 24 hours');
  expect(text).toContain("[I'm a parent or carer]");
});

test('a worry leads to services, best first, with cards and their text fallback', async () => {
  const id = conversation('e2e-worry');
  await server.send(message("I'm asking for myself", id));
  const ages = said(await server.send(message('I have lost my job and I am in debt', { ...id, timestamp: '2026-11-23T10:00:00Z' })));
  expect(ages).toContain('How old are you?');
  const replies = await server.send(message('18 to 64', id));
  const text = said(replies);
  expect(text).toContain('money worries');
  expect(text).toContain('These services may help');
  const cards = replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect((card.content as { fallbackText: string }).fallbackText).toMatch(/How to get it:/);
});

test('a risk message gets the contacts at once, by the activity timestamp', async () => {
  const inHours = said(await server.send(message('my stepdad hits my little sister and she has bruises', { ...conversation('e2e-risk-1'), timestamp: '2026-11-23T10:00:00Z' })));
  expect(inHours).toContain('01225 396312');
  expect(inHours).toContain('[Carry on]');
  const bankHoliday = said(await server.send(message('my stepdad hits my little sister and she has bruises', { ...conversation('e2e-risk-2'), timestamp: '2026-12-25T10:00:00Z' })));
  expect(bankHoliday).toContain('01454 615165');
  expect(bankHoliday).not.toContain('01225 396312');
});

test('the triage trace travels with the replies on the emulator channel, without the words', async () => {
  const replies = await server.send(message('we are about to be evicted and have nowhere to go', { ...conversation('e2e-trace'), timestamp: '2026-11-28T10:00:00Z' }));
  const trace = replies.find((r) => r.type === 'trace' && r.name === 'earlyHelp.triage');
  expect(trace?.value).toMatchObject({ route: 'early-help', outOfHours: true });
  expect(JSON.stringify(trace?.value)).not.toContain('evicted');
});

test('a message over 5,000 characters still gets the risk contacts when risk is in it (at the very end)', async () => {
  const story = `${'We moved house this year and money has been tight and the children are unsettled. '.repeat(70)}Tonight I have taken all of my tablets.`;
  expect(story.length).toBeGreaterThan(5000);
  const text = said(await server.send(message(story, { ...conversation('e2e-long-risk'), timestamp: '2026-11-23T10:00:00Z' })));
  expect(text).toContain('999');
  expect(text).not.toContain('too long');
  // Without risk, the same length gets the kind "too long" reply.
  const plain = said(await server.send(message('We moved house this year. '.repeat(250), { ...conversation('e2e-long-plain'), timestamp: '2026-11-23T10:00:00Z' })));
  expect(plain).toContain('too long');
});

test('a child living with domestic abuse gets the children\'s front door first and the domestic abuse helpline too', async () => {
  const text = said(await server.send(message('a girl in my class told me her dad hits her mum and then hits her', { ...conversation('e2e-two-routes'), timestamp: '2026-11-23T10:00:00Z' })));
  expect(text).toContain('01225 396312');
  expect(text).toContain('0808 2000 247');
  expect(text.indexOf('01225 396312')).toBeLessThan(text.indexOf('0808 2000 247'));
});
