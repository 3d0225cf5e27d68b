// Typed answers at "Who is asking?" are answers, not a reason to ask again (issue 12).
import { askRole, whoIsAsking, whoIsAskingRetry } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '');

async function atWhoIsAsking() {
  const bot = botHarness();
  await bot.join();
  const first = texts(await bot.say('hello'));
  expect(first.join('\n')).toContain(whoIsAsking);
  return bot;
}

describe('typed answers to "Who is asking?"', () => {
  test.each(['im 15', '15', "I'm 34", "I'm a parent", 'I am 72 years old'])('%j is taken as the answer', async (answer) => {
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
