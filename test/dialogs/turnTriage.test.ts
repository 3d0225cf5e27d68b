// One decision per turn: the risk step's reading of the message is the one the dialogs use.
import type { TriageFn } from '../../knowledge/triage/types';
import { botHarness, messages } from './botHarness';

function counting(): { wrap: (real: TriageFn) => TriageFn; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    wrap: (real) => (text, context) => {
      calls.push(text);
      return real(text, context);
    },
  };
}

describe('triage runs once per turn', () => {
  test.each([
    'We are struggling with money and the rent is overdue',
    'my son is being bullied at school and wont go in',
    'hello',
  ])('"%s" as a first message is triaged once', async (text) => {
    const { wrap, calls } = counting();
    const bot = botHarness({}, wrap);
    await bot.join();
    calls.length = 0;
    const replies = messages(await bot.say(text));
    expect(replies.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c === text)).toHaveLength(1);
  });

  test('a risk message is triaged once and gets the risk reply', async () => {
    const { wrap, calls } = counting();
    const bot = botHarness({}, wrap);
    await bot.join();
    calls.length = 0;
    const text = 'i have taken all my tablets';
    const replies = messages(await bot.say(text));
    expect(replies.map((r) => r.text ?? '').join(' ')).toContain('999');
    expect(calls.filter((c) => c === text)).toHaveLength(1);
  });
});
