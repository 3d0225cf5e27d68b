// Who or how old, said after the services were shown, chooses the services again (issue 12: a
// 17-year-old's "17" at "What next?" had been met with "A good place to start is the first service
// above"). Found holding a person's conversation.
import type { Activity } from 'botbuilder';
import { wordingFor } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: Partial<Activity>[]) => messages(activities).map((a) => a.text ?? '');
/** Each service card's name: its first text block. */
const serviceTitles = (activities: Partial<Activity>[]) =>
  messages(activities).flatMap((a) =>
    (a.attachments ?? []).map((c) => String(((c.content as { body?: Array<{ type: string; text?: string }> }).body ?? []).find((b) => b.type === 'TextBlock')?.text ?? '')),
  );

async function afterServices(...turns: string[]) {
  const bot = botHarness();
  await bot.join();
  let last: Partial<Activity>[] = [];
  for (const turn of turns) last = await bot.say(turn);
  return { bot, last };
}

describe('who or how old, typed at "What next?"', () => {
  test('a young person\'s age: the services are chosen again for it, with no "pick a button" and no second findings', async () => {
    const { bot } = await afterServices("I'm a young person", 'i feel really low all the time and i cant talk to anyone');
    const reply = await bot.say('17');
    const said = texts(reply).join('\n');
    expect(said).toContain(wordingFor('young-person').servicesAgain);
    expect(said).not.toContain(wordingFor('young-person').whatNextRetry);
    expect(said).not.toContain('The kind of help that may fit');
    expect(serviceTitles(reply)).toContain('Childline');
    expect(said).toContain(wordingFor('young-person').whatNext);
  });

  test('"for my dad, he\'s 80" after an adult\'s money worry: services for an older person', async () => {
    const { bot, last } = await afterServices("I'm asking for myself", 'struggling with bills and debts, getting letters every week', '34');
    expect(serviceTitles(last).length).toBeGreaterThan(0);
    const reply = await bot.say("for my dad, he's 80");
    expect(texts(reply).join('\n')).toContain(wordingFor('self').servicesAgain);
    expect(serviceTitles(reply).length).toBeGreaterThan(0);
    // Chosen for a man of 80: nothing for children or young people.
    expect(serviceTitles(reply).join(' ')).not.toMatch(/Childline|young people|Schools/);
  });

  test('what the bot already knew is not news: the menu answers as before', async () => {
    const { bot } = await afterServices("I'm a young person", 'i feel really low all the time and i cant talk to anyone');
    const said = texts(await bot.say('me')).join('\n');
    expect(said).not.toContain(wordingFor('young-person').servicesAgain);
    expect(said).toContain(wordingFor('young-person').whatNextRetry);
  });

  test('"no" still ends the conversation', async () => {
    const { bot } = await afterServices("I'm a young person", 'i feel really low all the time and i cant talk to anyone');
    expect(texts(await bot.say('no')).join('\n')).toContain(wordingFor('young-person').goodbye);
  });
});
