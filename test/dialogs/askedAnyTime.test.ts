// Questions people ask at any point, and answers they give in their own words, found holding
// whole conversations in the real page (a person test, issue 12).
import type { Activity } from 'botbuilder';
import { privacyAnswer, talkByText, wordingFor } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: Partial<Activity>[]) => messages(activities).map((a) => a.text ?? '');

describe('asked at any point', () => {
  test('"who reads what i type here?" is answered from the settings, and the question waiting is asked again', async () => {
    const bot = botHarness({ RETENTION_HOURS: '12' });
    await bot.join();
    await bot.say('hi');
    const said = texts(await bot.say('who reads what i type here?')).join('\n');
    expect(said).toContain(privacyAnswer({ retentionHours: 12, logMessageText: false }, true));
    expect(said).toContain('12 hours');
    expect(said).toContain("What's on your mind?");
  });

  test.each(['does this tool tell anyone?', 'will you tell anyone', 'do you share what i type'])('%j gets the same answer', async (question) => {
    const bot = botHarness();
    await bot.join();
    expect(texts(await bot.say(question)).join('\n')).toContain("I don't tell anyone anything");
  });

  test('with the record of what is typed turned on, the answer says so', async () => {
    const bot = botHarness({ LOG_MESSAGE_TEXT: 'true' });
    await bot.join();
    expect(texts(await bot.say('is this private?')).join('\n')).toContain('turned on a record of what is typed');
  });

  test('"is there someone i can text" after the services: ways to reach someone without a call, first', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a young person");
    await bot.say('i feel really low all the time and i cant talk to anyone');
    const said = texts(await bot.say('is there someone i can text')).join('\n');
    expect(said.indexOf(talkByText)).toBeGreaterThanOrEqual(0);
    expect(said).toContain('85258');
    expect(said).not.toContain(wordingFor('young-person').whatNextRetry);
    // The pack's lists for a young person (contacts.json "talk"): no suicide line for a low mood.
    expect(said).not.toContain('PAPYRUS');
  });
});

describe('what a first message says in passing is answered', () => {
  test('"Good morning ... finding it very hard": the greeting back, and a word for how hard it is', async () => {
    const bot = botHarness();
    await bot.join();
    const said = texts(await bot.say('Good morning. My wife has dementia and I am her carer. I am 81 and finding it very hard.'));
    expect(said[0]).toBe(`Good morning. ${wordingFor('self').acknowledgeHard}`);
  });

  test('a worry told plainly gets neither', async () => {
    const bot = botHarness();
    await bot.join();
    const said = texts(await bot.say('my son is being bullied at school')).join('\n');
    expect(said).not.toContain(wordingFor('self').acknowledgeHard);
    expect(said).not.toContain('Hello.');
  });
});

describe('answers in a person\'s own words', () => {
  test('"my son 9 wont go to school": the age is not asked', async () => {
    const bot = botHarness();
    await bot.join();
    const said = texts(await bot.say('my son 9 wont go to school, tummy aches every morning, what can i do')).join('\n');
    expect(said).not.toContain(wordingFor('parent-carer').askAge('child'));
    expect(said).not.toContain(wordingFor('self').askAge('child'));
  });

  test('"both really, ..." answers "Is the main concern X, or Y?" (a health visitor in Teams had been told "Sorry")', async () => {
    const bot = botHarness({}, undefined, undefined, 'msteams');
    await bot.join();
    const first = texts(await bot.say('HV here - mum of a 6 week old, very low, partner works away, no family nearby')).join('\n');
    expect(first).toContain('Is the main concern');
    const said = texts(await bot.say('both really, low mood postnatally and isolated')).join('\n');
    expect(said).not.toContain("didn't quite get that");
    expect(said).toContain('priority groups');
  });

  test('"me, i\'m the one looking for a course" answers "Who is the worry about?"', async () => {
    const bot = botHarness();
    await bot.join();
    const first = texts(await bot.say('I want to do photography at college but missed the deadline, any courses?')).join('\n');
    expect(first).toContain(wordingFor('self').askAbout);
    const said = texts(await bot.say("me, i'm the one looking for a course")).join('\n');
    expect(said).not.toContain(wordingFor('young-person').askAbout);
    expect(said).not.toContain(wordingFor('self').askAbout);
  });
});

// A short question about the assistant is read by the rules only (the model read "does this tool
// tell anyone?" as possible risk to a child); a longer message holding one is still read whole.
describe('questions about the assistant and the risk step', () => {
  function recording() {
    const reads: Array<{ text: string; rulesOnly?: boolean }> = [];
    const bot = botHarness({}, (real) => (text, context) => {
      reads.push({ text, rulesOnly: context?.rulesOnly });
      return real(text, context);
    });
    /** How the risk step first read this text (the warm-up is not it). */
    const firstRead = (text: string) => reads.find((r) => r.text === text);
    return { bot, firstRead };
  }

  test('"does this tool tell anyone?" is read by the rules only', async () => {
    const { bot, firstRead } = recording();
    await bot.join();
    await bot.say('does this tool tell anyone?');
    expect(firstRead('does this tool tell anyone?')?.rulesOnly).toBe(true);
  });

  test('a longer message with the same question in it is read by the model too', async () => {
    const { bot, firstRead } = recording();
    await bot.join();
    const text = 'does this tool tell anyone? because lately i keep thinking everyone at home would be happier if i just disappeared for good';
    await bot.say(text);
    expect(firstRead(text)).toBeDefined();
    expect(firstRead(text)?.rulesOnly).not.toBe(true);
  });
});
