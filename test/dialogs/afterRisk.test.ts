// Care after a risk reply (issue 12, point 3): what the person says next gets an answer, with
// the route's contacts, instead of the question that was waiting.
import { afterRisk, carryOnLabel, riskCheckLead, whoIsAskingAfterHello, whoIsAskingRetry } from '../../dialogs/wording';
import { followUpKind } from '../../dialogs/riskFollowUp';
import { botHarness, messages } from './botHarness';

const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '').join('\n');

async function afterCrisisReply() {
  const bot = botHarness();
  await bot.join();
  await bot.say('hello');
  expect(texts(await bot.say('i want to kill myself'))).toContain('Samaritans');
  return bot;
}

describe('after a risk reply the conversation stays with the person', () => {
  test('"is there someone I can text instead" gets the text line, not a menu', async () => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say('is there someone I can text instead'));
    expect(next).toContain(afterRisk.noPhone);
    expect(next).toContain('85258');
    // Ways to write, not to call: Samaritans' email and Childline's online chat, never a number to ring.
    expect(next).toContain('jo@samaritans.org');
    expect(next).toContain('https://www.childline.org.uk');
    expect(next).not.toContain('116 123](tel');
    expect(next).toContain(afterRisk.stillCall999);
    expect(next).not.toContain(whoIsAskingRetry);
  });

  test('"yeah" gets a kind answer with the contacts again, and the way on', async () => {
    const bot = await afterCrisisReply();
    const replies = await bot.say('yeah');
    const next = texts(replies);
    expect(next).toContain(afterRisk.stillHere);
    expect(next).toContain('Samaritans');
    expect(messages(replies).some((a) => a.suggestedActions?.actions.some((x) => x.title === carryOnLabel))).toBe(true);
  });

  // Through the bot, "will anyone find out i said this" right after a crisis reply is still read
  // as crisis (thresholds are lower after a signal) and gets the full reply again; the answer
  // below is what a follow-up the triage does not flag gets.
  test.each([
    ['will he find out i told', 'found-out'],
    ['is this confidential', 'found-out'],
    ['what happens next', 'found-out'],
    ["i can't talk, he's in the next room", 'no-phone'],
    ['can i email someone', 'no-phone'],
    ["we're safe now, he's gone", 'safe-now'],
    ['yeah', 'other'],
  ] as const)('%j is a %s follow-up', (text, kind) => {
    expect(followUpKind(text)).toBe(kind);
  });

  test('new risk in a follow-up is read as risk again', async () => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say('he hit me again and i am scared'));
    expect(next).not.toContain(afterRisk.stillHere);
    expect(next).toMatch(/999|Domestic Abuse/);
  });

  test('"Carry on" goes back to the question that was waiting', async () => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say('Carry on'));
    expect(next).toContain(whoIsAskingAfterHello);
    expect(next).not.toContain(afterRisk.stillHere);
  });

  test('"I\'m safe now" keeps the contacts and lets the conversation go on', async () => {
    const bot = await afterCrisisReply();
    expect(texts(await bot.say("i'm safe now"))).toContain(afterRisk.safeNow);
    expect(texts(await bot.say('my son is being bullied at school'))).not.toContain(afterRisk.stillHere);
  });

  test('a new worry told in a sentence goes to the conversation', async () => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say('also my son is being bullied at school every day'));
    expect(next).not.toContain(afterRisk.stillHere);
    // The worry is taken up: the conversation asks its next question about it.
    expect(next).toMatch(/bullying|How old/i);
  });

  test('after a few follow-ups the conversation goes on', async () => {
    const bot = await afterCrisisReply();
    for (let i = 0; i < 3; i++) expect(texts(await bot.say('ok'))).toContain(afterRisk.stillHere);
    expect(texts(await bot.say('ok'))).not.toContain(afterRisk.stillHere);
  });
});

describe('after a risk reply, what people say next is read knowing the risk was just told', () => {
  test.each([
    ['i cant ring anyone my mum will hear', 'no-phone'],
    ['will anyone find out i said this', 'found-out'],
  ] as const)('%j gets the %s answer, not a new check-in or another full reply', async (text, kind) => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say(text));
    expect(next).toContain(kind === 'no-phone' ? afterRisk.noPhone : afterRisk.foundOut);
    expect(next).not.toContain(riskCheckLead);
    expect(next).toContain(kind === 'no-phone' ? '85258' : 'Samaritans');
  });

  test('a child who told of being hit, then "he did it again", stays on the children\'s route', async () => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say('my stepdad hits me and im 12'))).toContain('Childline');
    const next = texts(await bot.say('he hit me again last night'));
    expect(next).toContain('Childline');
    expect(next).not.toContain("Men's Advice Line");
  });
});


describe('a harm told after a risk reply is not mistaken for a follow-up question', () => {
  test('"like he hits me. with his fists... if i tell anyone he says it\'ll be worse" gets the full reply, not the found-out answer', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('dad gets angry when i get bad grades');
    const sent = await bot.say("like he hits me. with his fists. im 14 and if i tell anyone he says it'll be worse");
    const next = texts(sent);
    expect(next).not.toContain(afterRisk.foundOut);
    expect(next).toContain('Childline');
    expect(sent.some((a) => a.type === 'trace' && (a.value as { route?: string } | undefined)?.route === 'safeguarding-child')).toBe(true);
  });
});

describe('short answers after a risk reply answer it', () => {
  test('"me" (who it is about) gets the contacts again, not the worry menu', async () => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say('do u help with self harm'))).toContain('Samaritans');
    const next = texts(await bot.say('me'));
    expect(next).toContain(afterRisk.stillHere);
    expect(next).toContain('Samaritans');
  });

  test('an age under 18 after a domestic abuse reply gives the children\'s contacts and keeps the helpline', async () => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say('my partner hits me'))).toContain('Domestic Abuse');
    const next = texts(await bot.say('16'));
    expect(next).toContain(afterRisk.under18);
    expect(next).toContain('Childline');
    expect(next).toContain('Domestic Abuse');
  });

  test('"I\'m 15" after a crisis reply is a young person speaking: a later harm takes the children\'s route', async () => {
    const bot = await afterCrisisReply();
    expect(texts(await bot.say("I'm 15"))).toContain(afterRisk.under18);
    const sent = await bot.say('my boyfriend hit me last night');
    expect(texts(sent)).toContain('Childline');
  });

  test('an adult age is not read as a child\'s', async () => {
    const bot = await afterCrisisReply();
    const next = texts(await bot.say('34'));
    expect(next).not.toContain(afterRisk.under18);
    expect(next).toContain(afterRisk.stillHere);
  });
});

describe('a question about the reply is answered as one, whatever route the model guesses', () => {
  test('a 16-year-old asking "will he find out i told" after the children\'s contacts gets the found-out answer, not the crisis reply', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('my boyfriend hits me');
    expect(texts(await bot.say('16'))).toContain(afterRisk.under18);
    const next = texts(await bot.say('will he find out i told'));
    expect(next).toContain(afterRisk.foundOut);
    expect(next).not.toContain('Samaritans');
  });
});

describe('the risk reply\'s lines fit who is speaking (callerAges)', () => {
  test('a father telling of his son\'s harm gets the NSPCC Helpline, not Childline, also in the follow-up', async () => {
    const bot = botHarness();
    await bot.join();
    const first = texts(await bot.say('my 8 year old told me his stepdad hits him with a belt'));
    expect(first).toContain('NSPCC Helpline');
    expect(first).not.toContain('Childline');
    const next = texts(await bot.say('yeah'));
    expect(next).toContain(afterRisk.stillHere);
    expect(next).not.toContain('Childline');
  });

  test('a 14-year-old gets Childline, not the helpline for adults', async () => {
    const bot = botHarness();
    await bot.join();
    const first = texts(await bot.say('im 14 and my stepdad hits me with a belt'));
    expect(first).toContain('Childline');
    expect(first).not.toContain('NSPCC Helpline');
  });
});

describe('what the person said after the reply is remembered (a person test in the real page)', () => {
  test('"will they take him away" after a father\'s disclosure is a fear of what happens next: the page that says, not a new check-in', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('my 8 year old told me his stepdad hits him with a belt when his mum is at work');
    const next = texts(await bot.say('will they take him away'));
    expect(next).toContain(afterRisk.foundOut);
    expect(next).toContain(afterRisk.whatHappens);
    expect(next).toContain('safeguarding-bathnes.org.uk/children/information-public/2-reporting-child-abuse');
    expect(next).not.toContain(riskCheckLead);
  });

  test('a child who cannot phone gets Childline\'s chat first, and still no phone lines first after "ok"', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("my stepdad hits me wen mum is at work and says if i tell he'll hurt the dog");
    const noPhone = texts(await bot.say("i cant ring anyone he'll hear"));
    expect(noPhone).toContain(afterRisk.noPhone);
    expect(noPhone.indexOf('Childline online')).toBeLessThan(noPhone.indexOf('Request for Service'));
    expect(noPhone).toContain('press 55');
    const after = texts(await bot.say('ok'));
    expect(after).toContain(afterRisk.stillHere);
    expect(after).not.toContain('](tel:08001111)');
    expect(after).toContain('Childline online');
  });
});
