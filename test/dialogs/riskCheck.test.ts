// The graded answer: when the triage says risk is possible, the bot shows the route's contacts
// and asks one direct question; "Yes" and "Not sure" give the full risk reply, "No" carries on.
// A stub stands in front of the real triage for one message, so the flow does not hang on a
// model score; every other message meets the real engine.
import type { TriageFn } from '../../knowledge/triage/types';
import { recogniseCheckAnswer } from '../../dialogs/riskCheck';
import { botHarness, messages, traces } from './botHarness';
import { readable } from './harness';
import { riskCheckAgain, riskCheckWhy } from '../../dialogs/wording';

const UNSURE = 'i dont really see the point of much at the moment';

const possibleCrisis = (real: TriageFn): TriageFn => (text, context) =>
  text === UNSURE
    ? { ...real('feeling low'), route: 'crisis', confidence: 'possible', riskScore: 0.35, needLevel: 'specialist', riskMatches: [{ route: 'crisis', rule: 'model.crisis', matched: 'point' }] }
    : real(text, context);

const IN_HOURS = '2026-11-24T10:00:00Z';

describe('the check-in when risk is possible', () => {
  test('shows the contacts, asks directly with Yes / No / Not sure, and traces confidence "possible"', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say("I'm asking for myself", IN_HOURS);
    const sent = await h.say(UNSURE, IN_HOURS);
    const text = readable(messages(sent));
    expect(text).toContain('I want to check I have understood you');
    expect(text).toContain('Samaritans');
    expect(text).toContain('Are you thinking about ending your life, or about hurting yourself?');
    expect(text).toContain('[Yes]\n[No]\n[Not sure]');
    expect(traces(sent)[0].value).toMatchObject({ route: 'crisis', confidence: 'possible' });
  });

  test.each(['yes', 'yeah', 'not sure', 'idk', 'Not sure'])('"%s" gives the full risk reply for that route', async (answer) => {
    const h = botHarness({}, possibleCrisis);
    await h.say(UNSURE, IN_HOURS);
    const sent = await h.say(answer, IN_HOURS);
    expect(traces(sent)[0].value).toMatchObject({ route: 'crisis', confidence: 'high' });
    expect(readable(messages(sent))).toContain('[Carry on]');
  });

  test('"no" carries on: the waiting question is asked again, and the contacts are not taken back', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say("I'm a parent or carer", IN_HOURS);
    const asked = readable(messages(await h.say('my son will not go to school', IN_HOURS)));
    expect(asked).toContain('How old is your child?');
    await h.say(UNSURE, IN_HOURS);
    const after = readable(messages(await h.say('no', IN_HOURS)));
    expect(after).toContain('The numbers above are still there');
    expect(after).toContain('How old is your child?');
  });

  test('"no" after a first message that told a worry goes on with that worry: it is not asked for again', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say(UNSURE, IN_HOURS);
    const after = readable(messages(await h.say('nah im ok', IN_HOURS)));
    expect(after).toContain('The numbers above are still there');
    expect(after).not.toContain('What would you like help with?');
    expect(after).not.toContain("What's on your mind?");
    expect(after).not.toContain('Who is asking?');
    // The worry dialog goes on: who it is about, or the services themselves.
    expect(after).toMatch(/Who is the worry about\?|These services may help/);
    // At the early help level, not the risk's "specialist" one.
    const results = readable(messages(await h.say('me', IN_HOURS))) + readable(messages(await h.say('34', IN_HOURS)));
    expect(results).not.toContain('Specialist help');
  });

  test('"no" after a message that told no worry invites the person to say more', async () => {
    const noWorry = (real: TriageFn): TriageFn => (text, context) =>
      text === UNSURE ? { ...real('hello'), route: 'crisis', confidence: 'possible', riskScore: 0.3, priorityGroups: [], riskMatches: [{ route: 'crisis', rule: 'model.crisis', matched: 'point' }] } : real(text, context);
    const h = botHarness({}, noWorry);
    await h.say(UNSURE, IN_HOURS);
    const after = readable(messages(await h.say('nah im ok', IN_HOURS)));
    expect(after).toContain('What would you like help with?');
  });

  test('what the check-in keeps of the worry is its reading, never its words', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say(UNSURE, IN_HOURS);
    const stored = JSON.stringify((h.storage as unknown as { memory: Record<string, string> }).memory);
    expect(stored).toContain('heldWorry');
    // Not the words typed, nor the words a rule matched.
    expect(stored).not.toContain('see the point');
    expect(stored).not.toContain('"matched"');
  });

  test('a new message instead of an answer is read afresh, and a risk in it gets the risk reply', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say(UNSURE, IN_HOURS);
    const sent = await h.say('i have taken all my tablets', IN_HOURS);
    expect(traces(sent)[0].value).toMatchObject({ route: 'emergency' });
  });
});

describe('typed answers to the check-in', () => {
  test.each([
    ['yes', 'yes'],
    ['Yes', 'yes'],
    ['yeah', 'yes'],
    ['yep', 'yes'],
    ['no', 'no'],
    ['nope', 'no'],
    ['nah', 'no'],
    ["no i'm ok", 'no'],
    ['not sure', 'not-sure'],
    ['dunno', 'not-sure'],
    ['maybe', 'not-sure'],
    // Naming who is not a no: the full contacts (multi-turn hold-out v19, a 12-year-old's "dad").
    ['dad', 'not-sure'],
    ['my stepdad', 'not-sure'],
    ["mum's boyfriend", 'not-sure'],
    ['its my brother', 'not-sure'],
  ])('"%s" is %s', (text, expected) => {
    expect(recogniseCheckAnswer(text)).toBe(expected);
  });

  test('a reply that starts like an answer but says more is read for its own risk first', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say(UNSURE, IN_HOURS);
    const sent = await h.say('not sure i can keep going like this tbh, i have taken all my tablets', IN_HOURS);
    expect(traces(sent)[0].value).toMatchObject({ route: 'emergency', confidence: 'high' });
  });

  test('a sentence is not an answer; it is read as a new message', () => {
    expect(recogniseCheckAnswer('not sure i can keep going like this')).toBeUndefined();
    expect(recogniseCheckAnswer('no one would notice if i was gone to be honest with you')).toBeUndefined();
    expect(recogniseCheckAnswer('where is the nearest food bank')).toBeUndefined();
  });
});

describe('after a risk signal', () => {
  test('a later message is read at the lower threshold, even when a rule carried the first decision', async () => {
    const seen = new Map<string, number | undefined>();
    const h = botHarness({}, (real) => (text, context) => {
      if (!seen.has(text)) seen.set(text, context?.priorRisk);
      return real(text, context);
    });
    await h.say('my partner is abusive', IN_HOURS);
    await h.say('what can i do about the rent', IN_HOURS);
    expect(seen.get('my partner is abusive')).toBe(0);
    expect(seen.get('what can i do about the rent')).toBe(1);
  });
});

describe('a reply to the bot\'s question', () => {
  /** A bot whose triage notes, per text, whether it was read as a reply to a question. */
  const answeringSeen = () => {
    const seen = new Map<string, boolean | undefined>();
    const h = botHarness({}, (real) => (text, context) => {
      if (!seen.has(text)) seen.set(text, context?.answering);
      return real(text, context);
    });
    return { h, seen };
  };

  test('is read as one: the first message is not, the next is while a question waits', async () => {
    const { h, seen } = answeringSeen();
    await h.say('I need some help please', IN_HOURS);
    await h.say('Bereavement and money', IN_HOURS);
    expect(seen.get('I need some help please')).toBeUndefined();
    expect(seen.get('Bereavement and money')).toBe(true);
  });

  test('except at "What\'s on your mind?": what is typed there is the worry itself, read in full', async () => {
    const { h, seen } = answeringSeen();
    await h.say("I'm a parent or carer", IN_HOURS);
    await h.say('so tired of it all', IN_HOURS);
    expect(seen.get('so tired of it all')).toBeUndefined();
  });
});

describe('a young person telling of their own harm', () => {
  test.each(['im 15 and my stepdad hits me', 'me 15 my partner 26'])('%j is spoken to as a young person, with Childline right after 999', async (text) => {
    const h = botHarness();
    const sent = readable(messages(await h.say(text, IN_HOURS)));
    expect(sent).toContain('What is happening is not your fault');
    expect(sent).not.toContain("A child's safety matters most");
    const lines = sent.split('\n').filter((l) => l.startsWith('- **'));
    expect(lines[0]).toContain('999');
    expect(lines[1]).toContain('Childline');
    expect(sent).toContain("Children's Social Care");
  });

  test('an adult telling of a child keeps the adults\' words and order', async () => {
    const h = botHarness();
    const sent = readable(messages(await h.say('my neighbour hits his 6 year old, i hear it through the wall', IN_HOURS)));
    expect(sent).toContain("A child's safety matters most");
  });
});

describe('who is at risk decides whose contacts', () => {
  test.each([
    ['in office hours', '2026-11-24T10:00:00Z', "Children's Social Care (children's front door)"],
    ['out of hours', '2026-11-28T19:30:00Z', 'Emergency Duty Team'],
  ])('a child being hurt by her parents, %s: 999 and the children\'s route', async (_when, at, expected) => {
    const h = botHarness();
    const text = readable(messages(await h.say('the little girl next door is being hurt by her parents', at)));
    expect(text).toContain('999');
    expect(text).toContain(expected);
  });

  test('a parent hit in front of the baby gets the domestic abuse helpline and the children\'s front door', async () => {
    const h = botHarness();
    const text = readable(messages(await h.say('my partner punched me in front of the baby', '2026-11-24T10:00:00Z')));
    expect(text).toContain('National Domestic Abuse Helpline');
    expect(text).toContain("Children's Social Care");
  });
});

describe('the check-in question waits for a real answer', () => {
  test.each(['ok', 'okay', 'thx'])('%j is not taken as yes: the question is asked once more', async (text) => {
    const h = botHarness({}, possibleCrisis);
    await h.say("I'm asking for myself", IN_HOURS);
    expect(readable(messages(await h.say(UNSURE, IN_HOURS)))).toContain('I want to check I have understood you');
    const again = readable(messages(await h.say(text, IN_HOURS)));
    expect(again).toContain(`${riskCheckAgain} Are you thinking about ending your life`);
    expect(again).toContain('[Yes]\n[No]\n[Not sure]');
    expect(again).not.toContain('Samaritans');
    // The question still waits: "yes" now gives the full reply.
    expect(readable(messages(await h.say('yes', IN_HOURS)))).toContain('Samaritans');
  });

  test('a second "ok" counts as "not sure": when unsure, the full contacts', async () => {
    const h = botHarness({}, possibleCrisis);
    await h.say("I'm asking for myself", IN_HOURS);
    await h.say(UNSURE, IN_HOURS);
    await h.say('ok', IN_HOURS);
    expect(readable(messages(await h.say('ok', IN_HOURS)))).toContain('Samaritans');
  });

  test.each(['ok', 'thanks', 'fine'])('%j is unclear, not yes or no', (text) => {
    expect(recogniseCheckAnswer(text)).toBe('unclear');
  });

  test.each(['what do you mean?', 'Why are you asking me that', 'wdym', 'why?', 'huh'])('%j asks why: it is told why, and asked again', async (text) => {
    expect(recogniseCheckAnswer(text)).toBe('asks-why');
    const h = botHarness({}, possibleCrisis);
    await h.say("I'm asking for myself", IN_HOURS);
    await h.say(UNSURE, IN_HOURS);
    const again = readable(messages(await h.say(text, IN_HOURS)));
    expect(again).toContain(riskCheckWhy);
    expect(again).toContain('Are you thinking about ending your life');
    // The check-in is still waiting: "no" answers it.
    expect(readable(messages(await h.say('no', IN_HOURS)))).toContain('The numbers above are still there');
  });

  test.each(['what should i do', 'why is everything so hard'])('%j is a question of its own, not a "why?"', (text) => {
    expect(recogniseCheckAnswer(text)).toBeUndefined();
  });
});

// Issue 11, point 5: a harm of any age whose age is unknown names both routes; the check-in
// shows the other route's main line too, and a "yes" keeps it in the full reply.
const LOCKED_IN = 'they wont let me out of the house much';
const possibleAnyAge = (real: TriageFn): TriageFn => (text, context) =>
  text === LOCKED_IN
    ? {
        ...real('feeling low'),
        route: 'safeguarding-adult',
        confidence: 'possible',
        riskScore: 0.3,
        riskMatches: [
          { route: 'safeguarding-adult', rule: 'model.safeguarding-adult', matched: 'let me out' },
          { route: 'safeguarding-child', rule: 'safeguarding-adult.kept-in:age-unknown', matched: 'wont let me out' },
        ],
      }
    : real(text, context);

describe('a check-in when the age is unknown', () => {
  test("shows the children's front door beside the adults' contacts, and a yes keeps both", async () => {
    const h = botHarness({}, possibleAnyAge);
    const checkIn = readable(messages(await h.say(LOCKED_IN, IN_HOURS)));
    expect(checkIn).toContain('These may help too:');
    expect(checkIn).toContain("Children's Social Care");
    const reply = readable(messages(await h.say('yes', IN_HOURS)));
    expect(reply).toContain("Children's Social Care");
    expect(reply).toContain('[Carry on]');
  });
});

describe('a child who answers in single words (multi-turn hold-out v19)', () => {
  // A stub makes "home" a possible risk for a child, so the check-in is asked whatever the model says.
  const possibleChild = (real: TriageFn): TriageFn => (text, context) =>
    text === 'home'
      ? { ...real('home'), route: 'safeguarding-child', confidence: 'possible', riskScore: 0.3, needLevel: 'specialist', riskMatches: [{ route: 'safeguarding-child', rule: 'model.safeguarding-child', matched: 'home' }] }
      : real(text, context);

  test('"me", "12", "home", then "dad" at the check-in: the age is kept, and naming who gives the children\'s full reply for a young person', async () => {
    const h = botHarness({}, possibleChild);
    await h.join();
    for (const turn of ['hi', 'me', '12']) await h.say(turn, IN_HOURS);
    const check = readable(await h.say('home', IN_HOURS));
    expect(check).toContain('Childline');
    const sent = await h.say('dad', IN_HOURS);
    expect(traces(sent)[0].value).toMatchObject({ route: 'safeguarding-child', confidence: 'high', needLevel: 'specialist' });
    const reply = readable(sent);
    expect(reply).toContain('not your fault');
    expect(reply).toContain('Childline');
    expect(reply).not.toContain('NSPCC Helpline');
  });
});
