import type { Activity } from 'botbuilder';
import { contactsForRoute } from '../../knowledge';
import type { RiskRoute } from '../../knowledge';
import { TRIAGE_TRACE_NAME, TRIAGE_TRACE_VALUE_TYPE } from '../../dialogs/trace';
import { readable } from './harness';
import { bathnes } from './harness';
import { botHarness, messages, traces } from './botHarness';

// The bot's turn: welcome, the risk gate before any dialog (first message, mid-prompt,
// card submits), office hours from the activity's own timestamp, and the trace.

/** Instants in Europe/London and what the children's front door is doing then. */
const INSTANTS: Array<{ name: string; at: string; open: boolean }> = [
  { name: 'Monday 10:00', at: '2026-11-23T10:00:00Z', open: true },
  { name: 'Thursday 16:45', at: '2026-11-26T16:45:00Z', open: true },
  { name: 'Friday 16:45 (closed at 16:30)', at: '2026-11-27T16:45:00Z', open: false },
  { name: 'Saturday 11:00', at: '2026-11-28T11:00:00Z', open: false },
  { name: 'Christmas Day 2026 (a Friday), 10:00', at: '2026-12-25T10:00:00Z', open: false },
  { name: 'August bank holiday 2026 (Monday), 10:00 BST', at: '2026-08-31T09:00:00Z', open: false },
  { name: 'Tuesday 07:00 BST, before opening', at: '2026-06-02T06:00:00Z', open: false },
];

/** A message for each risk route, and what must be in the reply. */
const ROUTES: Array<{ route: RiskRoute; text: string; always: string[] }> = [
  { route: 'emergency', text: 'he has a knife and says he is going to stab me right now', always: ['999'] },
  { route: 'crisis', text: 'I want to kill myself', always: ['116 123', '85258', '111'] },
  { route: 'safeguarding-child', text: 'my stepdad hits my little sister and she has bruises', always: ['999', 'https://beta.bathnes.gov.uk/report-concern-about-child'] },
  { route: 'safeguarding-adult', text: 'my elderly neighbour is being financially abused by her carer', always: ['999'] },
  { route: 'domestic-abuse', text: 'my partner hits me and checks my phone all the time', always: ['999', '0808 2000 247'] },
];

const textOf = (as: Partial<Activity>[]) => readable(messages(as));

describe('welcome', () => {
  test('says who the bot is, 999, what it keeps for how long, and asks who is asking', async () => {
    const h = botHarness({ RETENTION_HOURS: '12' });
    const sent = await h.join();
    expect(sent).toHaveLength(1);
    const text = sent[0].text ?? '';
    expect(text).toContain('a guide to early help in Bath and North East Somerset');
    expect(text).toContain('not a person');
    expect(text).toContain('not an emergency service');
    expect(text).toContain('If someone is in immediate danger, call 999');
    expect(text).toContain('deleted after 12 hours');
    expect(text).toContain('Who is asking?');
    expect(sent[0].suggestedActions?.actions.map((a) => a.title)).toEqual([
      "I'm asking for myself",
      "I'm a parent or carer",
      "I'm a young person",
      "I'm a professional",
    ]);
  });
});

describe.each(ROUTES)('risk route $route', ({ route, text, always }) => {
  test.each(INSTANTS)('at $name: contacts at once, right for the hour, then a way back', async ({ at, open }) => {
    const h = botHarness();
    const sent = await h.say(text, at);
    const [trace] = traces(sent);
    expect(trace).toMatchObject({ name: TRIAGE_TRACE_NAME, valueType: TRIAGE_TRACE_VALUE_TYPE, value: { route, outOfHours: !open } });

    const replies = messages(sent);
    const expected = contactsForRoute(bathnes(), route, new Date(at));
    expect(replies[0].text?.startsWith(expected.message)).toBe(true);
    const contacts = replies[1].text ?? '';
    // In the route's order, 'always' first: 999 leads where life may be in danger.
    const positions = expected.contacts.map((c) => contacts.indexOf(c.name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const number of always) expect(contacts).toContain(number);
    // Where life may be in danger, 999 is the first thing to read.
    if (route !== 'crisis') expect(contacts.split('\n')[0]).toContain('999');
    if (route === 'safeguarding-child') {
      if (open) {
        expect(contacts).toContain('01225 396312');
        expect(contacts).toContain('01225 396313');
        expect(contacts).not.toContain('01454 615165');
      } else {
        expect(contacts).toContain('01454 615165');
        expect(replies[0].text).toContain('closed right now');
        expect(contacts).not.toContain('01225 396312');
      }
    }
    expect(replies[2].suggestedActions?.actions.map((a) => a.title)).toEqual(['Carry on', 'Start again']);
    // The words typed are never in the trace.
    expect(JSON.stringify(trace.value)).not.toContain(text.split(' ')[1]);
  });
});

describe('risk interrupts everything', () => {
  test('a first message that is a risk gets contacts, not a menu', async () => {
    const h = botHarness();
    const sent = await h.say('I want to kill myself', '2026-11-23T10:00:00Z');
    const text = textOf(sent);
    expect(text).toContain('Samaritans');
    expect(text).not.toContain('Who is asking?');
  });

  test('risk in an answer to a prompt: contacts, then "Carry on" asks the same question again', async () => {
    const h = botHarness();
    await h.say("I'm a parent or carer");
    await h.say('my son will not go to school');
    const risk = textOf(await h.say('he said he wants to kill himself', '2026-11-23T10:00:00Z'));
    expect(risk).toContain('Samaritans');
    expect(risk).not.toContain('How old is your child?');
    const carry = textOf(await h.say('Carry on'));
    expect(carry).toContain('How old is your child?');
    const results = textOf(await h.say('11 to 19 (up to 25 with special needs)'));
    expect(results).toContain('It sounds like this is about');
  });

  test('"Start again" after a risk message clears the flow', async () => {
    const h = botHarness();
    await h.say("I'm a parent or carer");
    await h.say('my partner hits me and checks my phone all the time', '2026-11-28T22:00:00Z');
    const restart = textOf(await h.say('Start again'));
    expect(restart).toContain("OK, let's start again");
    expect(restart).toContain('Who is asking?');
  });

  test('"Carry on" with nothing under way starts gently', async () => {
    const h = botHarness();
    await h.say('I want to kill myself');
    const carry = textOf(await h.say('Carry on'));
    expect(carry).toContain("Let's carry on");
    expect(carry).toContain('Who is asking?');
  });

  test('a card submit carrying risky words is caught too', async () => {
    const h = botHarness();
    await h.say("I'm asking for myself");
    const sent = await h.say({ value: { action: 'choose', value: 'I want to kill myself' } });
    expect(textOf(sent)).toContain('Samaritans');
  });

  test('the activity timestamp decides out of hours, not the server clock', async () => {
    const h = botHarness();
    const inHours = textOf(await h.say('my stepdad hits my little sister and she has bruises', '2026-11-23T10:00:00Z'));
    const outOfHours = textOf(await h.say('my stepdad hits my little sister and she has bruises', '2026-11-23T20:00:00Z'));
    expect(inHours).toContain('01225 396312');
    expect(outOfHours).toContain('01454 615165');
  });

  test('risk is logged by route only, never with the words', async () => {
    const h = botHarness();
    await h.say('I want to kill myself');
    const line = h.lines.find((l) => l.event === 'risk.route');
    expect(line).toMatchObject({ route: 'crisis' });
    expect(JSON.stringify(h.lines)).not.toContain('kill myself');
  });
});

describe('first message and trace', () => {
  test('a first message that is a worry goes straight to the worry, with a triage trace', async () => {
    const h = botHarness();
    const sent = await h.say('my daughter is 14 and she is being bullied at school', '2026-11-23T10:00:00Z');
    expect(textOf(sent)).toContain('It sounds like this is about');
    expect(textOf(sent)).not.toContain('Who is asking?');
    const [trace] = traces(sent);
    expect(trace).toMatchObject({ name: 'earlyHelp.triage', valueType: TRIAGE_TRACE_VALUE_TYPE, value: { route: 'early-help', outOfHours: false } });
    const value = trace.value as { priorityGroups: Array<{ id: string; score: number }>; needLevel: string };
    expect(value.priorityGroups[0].id).toBe('bullying');
    expect(['universal', 'targeted', 'specialist']).toContain(value.needLevel);
    expect(JSON.stringify(value)).not.toContain('daughter');
  });

  test('a button press is not free text: no trace', async () => {
    const h = botHarness();
    const sent = await h.say("I'm a young person");
    expect(traces(sent)).toHaveLength(0);
  });

  test('every turn that reads free text sends exactly one trace', async () => {
    const h = botHarness();
    await h.say("I'm a parent or carer");
    const sent = await h.say('we are about to be evicted from our flat');
    expect(traces(sent)).toHaveLength(1);
  });
});
