// Typed answers at "Who is asking?" are answers, not a reason to ask again (issue 12).
import { askRole, whoIsAsking, whoIsAskingAfterHello, whoIsAskingRetry, wordingFor } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '');

async function atWhoIsAsking() {
  const bot = botHarness();
  await bot.join();
  const first = texts(await bot.say('hello'));
  expect(first.join('\n')).toContain(whoIsAskingAfterHello);
  return bot;
}

describe('typed answers to "Who is asking?"', () => {
  test.each(['im 15', '15', "I'm 34", "I'm a parent", 'I am 72 years old', "I'm thirty four", 'im fifteen', 'sixty eight'])('%j is taken as the answer', async (answer) => {
    const bot = await atWhoIsAsking();
    const next = texts(await bot.say(answer)).join('\n');
    expect(next).not.toContain(whoIsAskingRetry);
    expect(next).not.toContain("didn't quite get that");
    expect(next.length).toBeGreaterThan(0);
  });

  test('a young person who gave their age is not spoken to as a parent', async () => {
    const bot = await atWhoIsAsking();
    const next = texts(await bot.say('im 15')).join('\n');
    expect(next).not.toMatch(/your child/i);
  });

  test.each(["I said, I'm a health visitor", "I'm a health visitor", 'teacher'])('%j is a practitioner, and the role is not asked again', async (answer) => {
    const bot = await atWhoIsAsking();
    const next = texts(await bot.say(answer)).join('\n');
    expect(next).not.toContain(whoIsAskingRetry);
    expect(next).not.toContain(askRole);
  });
});

// Found holding whole conversations in the real page (issue 12): who is asking said in a
// greeting, a role said in the first message, a concern typed at the role question, and a
// parent answering "How old is your child?" with their own age.
describe('what a person says once is not asked again', () => {
  const { askRole: roleQuestion, askRoleRetry, notUnderstoodLead } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
  const { wordingFor } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');

  test('"Hello, I\'m a mum of two" as a first message: asked the worry as a parent, not who is asking', async () => {
    const bot = botHarness();
    await bot.join();
    const next = texts(await bot.say("Hello, I'm a mum of two")).join('\n');
    expect(next).not.toContain(whoIsAsking);
    expect(next).toContain(wordingFor('parent-carer').askWorry);
  });

  test('"I\'m a teacher" as a first message: the role is not asked', async () => {
    const bot = botHarness();
    await bot.join();
    const next = texts(await bot.say("I'm a teacher")).join('\n');
    expect(next).not.toContain(roleQuestion);
  });

  test('a concern typed at the role question is taken as the concern', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('for work');
    const asked = texts(await bot.say('I work in a school')).join('\n');
    const next = texts(await bot.say('a pupil in year 6 keeps falling asleep in class and says there is no food at home')).join('\n');
    expect(`${asked}\n${next}`).not.toContain(askRoleRetry);
    expect(next).not.toContain(notUnderstoodLead);
    expect(next.length).toBeGreaterThan(0);
  });

  test.each(["I'm 38", 'me', 'just me'])('at "How old is your child?", %j says the worry is their own: no retry', async (answer) => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent");
    const asked = texts(await bot.say('my son is being bullied at school')).join('\n');
    expect(asked).toContain(wordingFor('parent-carer').askAge('child'));
    const next = texts(await bot.say(answer)).join('\n');
    expect(next).not.toContain(notUnderstoodLead);
    expect(next).toContain(wordingFor('parent-carer').servicesIntro);
  });
});

// Found in review: a concern typed at the role question that also names a role, a parent's own
// age given with the child's, and a greeting that only says an adult's age.
describe('what is typed is not lost or misfiled', () => {
  const { askRole: roleQuestion, wordingFor: wording } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');

  test('a concern that names "school" at the role question is the concern (and the role), not lost', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('hello');
    const asked = texts(await bot.say("I'm a professional")).join('\n');
    expect(asked).toContain(roleQuestion);
    const next = texts(await bot.say('a pupil in year 5 keeps missing school and is falling behind with reading')).join('\n');
    expect(next).not.toContain('What would you like to do?');
    expect(next).toMatch(/priority group/);
  });

  test('"I\'m 38 but my son is 7" at "How old is your child?" answers for the child', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent");
    await bot.say('my son is being bullied at school');
    const next = texts(await bot.say("I'm 38 but my son is 7")).join('\n');
    expect(next).toContain(wording('parent-carer').servicesIntro);
    expect(next).not.toMatch(/for yourself|your own/i);
  });

  test('"Hi, I\'m 38" then "my son is struggling at school": the worry is the son\'s, so his age is asked, not the writer\'s', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("Hi, I'm 38");
    const next = texts(await bot.say('my son is struggling at school')).join('\n');
    expect(next).not.toContain(wording('self').askAge('myself'));
    expect(next).toContain(wording('self').askAge('child'));
  });
});

describe('"for work", as the retry invites', () => {
  const { askRole: roleQuestion } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
  test.each(['for work', "it's for work", 'I work for the council'])('%j is a professional: the role is asked next', async (answer) => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say(answer)).join('\n')).toContain(roleQuestion);
  });

  test('"I can\'t work" is not', async () => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say("I can't work")).join('\n')).not.toContain(roleQuestion);
  });
});

describe('ages in words, by Microsoft\'s number recognisers', () => {
  const { wordingFor: wording, notUnderstoodLead: again } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
  test.each(['seven', "she's seven", 'he is fourteen', 'eight months old', 'two and a half'])('%j answers "How old is your child?"', async (answer) => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent");
    await bot.say('my son is being bullied at school');
    const next = texts(await bot.say(answer)).join('\n');
    expect(next).not.toContain(again);
    // The answer is taken and the findings follow (for a baby at school, no service's age range
    // fits: the bot says so rather than offer a school's).
    expect(next).toContain('It sounds like this is about bullying');
    expect(next).toContain(wording('parent-carer').whatNext);
  });

  test.each(['not sure', 'one or two'])('%j is not an age: asked again', async (answer) => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent");
    await bot.say('my son is being bullied at school');
    expect(texts(await bot.say(answer)).join('\n')).not.toContain(wording('parent-carer').servicesIntro);
  });
});

describe('typed answers to "What would you like to do now?"', () => {
  async function atWhatNext() {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent");
    await bot.say('my son is being bullied at school');
    const shown = texts(await bot.say('9')).join('\n');
    expect(shown).toContain(wordingFor('parent-carer').whatNext);
    return bot;
  }

  test('a new worry typed instead of a button is taken as the next worry, not asked for again', async () => {
    const bot = await atWhatNext();
    const next = texts(await bot.say('my daughter has stopped eating and seems really low')).join('\n');
    expect(next).not.toContain(wordingFor('parent-carer').whatNextRetry);
    expect(next).not.toContain(wordingFor('parent-carer').askAnother);
    expect(next).toMatch(/mental health/i);
    expect(next).toContain("I've kept your earlier worries too");
  });

  test.each(['thx', 'cheers', 'ok thanks'])('%j ends the conversation kindly', async (text) => {
    const bot = await atWhatNext();
    const next = texts(await bot.say(text)).join('\n');
    expect(next).toContain(wordingFor('parent-carer').goodbye);
  });
});

// Found in multi-turn hold-out v8 and by trying the bot as a carer would (this stop).
describe('whom it is for, said once, and plain replies', () => {
  test('"something for my mum", then "she has dementia": not asked who the worry is about', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("Hi, I'm looking for something for my mum");
    const next = texts(await bot.say("she has dementia and I'm struggling to look after her")).join('\n');
    expect(next).not.toContain(wordingFor(undefined).askAbout);
    expect(next).toMatch(/carer/i);
  });

  test('"yes show me" after an ordinary worry is an answer: no check-in, and the turn is traced without a risk route', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('my husband died last year and the kids are struggling');
    await bot.say('10 and 13');
    const turn = await bot.say('yes show me');
    expect(texts(turn).join('\n')).not.toMatch(/ending your life|safety comes first/i);
    const traces = turn.filter((a) => a.type === 'trace' && a.name === 'earlyHelp.triage');
    expect(traces.length).toBeGreaterThan(0);
    for (const t of traces) expect((t.value as { route: string }).route).toBe('information');
  });
});

// Found by a person test in the real page (an 83-year-old widow): "Who is the worry about?"
// refused her own age and a worry typed instead, then asked a child's age on a guess.
describe('typed answers to "Who is the worry about?"', () => {
  const { askAboutAgain } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');

  test('a worry typed instead is kept, the question comes again shorter, and her own age answers it', async () => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say('I need help with money')).join('\n')).toContain('Who is the worry about?');
    const again = texts(await bot.say('Bereavement and money')).join('\n');
    expect(again).toContain(askAboutAgain);
    expect(again).not.toContain("didn't quite get that");
    const answer = texts(await bot.say('I am 83 and I live alone.')).join('\n');
    expect(answer).toMatch(/someone has died|grief/);
    expect(answer).toMatch(/money/);
    expect(answer).not.toMatch(/How old is the child/);
  });

  test('no answer at all: an adult is not asked a child\'s age', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('I need help with money');
    await bot.say('hmm');
    await bot.say('hmm');
    const last = texts(await bot.say('hmm')).join('\n');
    expect(last).not.toMatch(/How old is the child/);
  });
});

describe('whom a guidance question was for is kept', () => {
  test('"an early help assessment for my son", then "he is 9 and he won\'t go to school": not asked who it is about', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('how do I get an early help assessment for my son?');
    const next = texts(await bot.say("he is 9 and he won't go to school")).join('\n');
    expect(next).not.toContain('Who is the worry about?');
    expect(next).toMatch(/school/);
  });
});

describe('a young person, as a person test held the conversation', () => {
  test('"its for me" at "What\'s on your mind?" is thanked for, not refused; the services speak to them, not to a parent', async () => {
    const { wordingFor: w } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
    const bot = botHarness();
    await bot.join();
    await bot.say('hey');
    await bot.say('im 14');
    const again = texts(await bot.say('its for me')).join('\n');
    expect(again).toContain(w('young-person').worryAfterWho);
    expect(again).not.toContain("didn't get that");
    const replies = await bot.say('ppl at school keep sayin stuff bout me online n i cant sleep');
    expect(texts(replies).join('\n')).toMatch(/bullying/i);
    const cards = JSON.stringify(replies.flatMap((a) => a.attachments ?? []));
    expect(cards).toContain('a teacher you trust');
    expect(cards).not.toContain("your child's");
  });
});

// Multi-turn hold-out v11 (mt11-075): "Me", then "17", from someone who never said who is asking;
// a forced marriage told next got the adults' domestic abuse list (Men's Advice Line).
describe('"Me" and an age under 18 at the worry questions: a young person is writing', () => {
  const routeOf = (sent: Partial<import('botbuilder').Activity>[]) =>
    (sent.find((a) => a.type === 'trace' && a.name === 'earlyHelp.triage')?.value as { route?: string } | undefined)?.route;

  test.each(['17', 'Under 18'])('after %j, a harm they tell of takes the children\'s route, Childline first', async (age) => {
    const bot = botHarness();
    await bot.join();
    await bot.say('can i ask about school stuff');
    expect(texts(await bot.say('me')).join('\n')).toContain(wordingFor(undefined).askAge('myself'));
    await bot.say(age);
    const sent = await bot.say('they have arranged for me to marry my cousin in august. i dont want to and they took my passport');
    expect(routeOf(sent)).toBe('safeguarding-child');
    const reply = texts(sent).join('\n');
    expect(reply).toMatch(/Childline/);
    expect(reply.indexOf('Childline')).toBeLessThan(reply.indexOf("Children's Social Care"));
    expect(reply).not.toMatch(/Men's Advice Line/);
  });

  test('after "34", the same words are an adult\'s: the domestic abuse route', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('can i ask about school stuff');
    await bot.say('me');
    await bot.say('34');
    const sent = await bot.say('my husband hits me');
    expect(routeOf(sent)).toBe('domestic-abuse');
  });
});

// Found holding a carer's conversation: "I'm a parent or carer", then the person they look after.
test('a carer of an adult is not asked who the worry is about, nor "How old is your child?"', async () => {
  const bot = botHarness();
  await bot.join();
  await bot.say("I'm a parent or carer");
  const next = texts(await bot.say('I look after my husband, he had a stroke')).join('\n');
  expect(next).not.toContain(wordingFor('parent-carer').askAbout);
  expect(next).not.toMatch(/your child/i);
  expect(next).toContain(wordingFor('parent-carer').askAge('adult'));
});

// Issue 12: in Teams every first concern had been met with "What is your role?" before any answer.
describe('a practitioner\'s concern told first is answered first', () => {
  const { askRole: roleQuestion } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
  const { roleOfWriter } = jest.requireActual('../../dialogs/interpret') as typeof import('../../dialogs/interpret');

  test('in Teams, a concern as the first message gets no role question', async () => {
    const bot = botHarness({}, undefined, undefined, 'msteams');
    await bot.join();
    const said = texts(await bot.say('Year 5 boy keeps falling asleep in class, mum works nights')).join('\n');
    expect(said).not.toContain(roleQuestion);
    expect(said.length).toBeGreaterThan(0);
  });

  test.each([
    ["I'm a teacher, one of my pupils' families is being evicted and they need housing help", 'teacher'],
    ['Pupil in my class, family being evicted, need housing help', 'teacher'],
    ['HV here, mum very low since the birth', 'health-visitor'],
    ['as a housing officer I have a tenant who is hoarding', 'housing-officer'],
    ['my patient is drinking heavily again', 'gp'],
    ['young person on my caseload has health issues', undefined],
  ])('%j is the concern of a %j', (text, role) => expect(roleOfWriter(text)).toBe(role));
});

describe('an older man writing of his late wife (a person test in the real page)', () => {
  test('his loss is said back first, and the level of help is in adults\' words, with no school or mentor', async () => {
    const bot = botHarness();
    await bot.join();
    const first = texts(
      await bot.say('Good afternoon. My late wife handled all our finances and since she passed in March I have fallen behind with the council tax and I am embarrassed to ask.'),
    ).join('\n');
    expect(first).toContain('Good afternoon.');
    expect(first).toContain(wordingFor(undefined).acknowledgeLoss);
    const next = texts(await bot.say('It concerns myself. I am 76 years of age and live alone.')).join('\n');
    expect(next).toContain('grief after a death');
    expect(next).not.toMatch(/mentor|a school|social worker has stopped/);
  });
});
