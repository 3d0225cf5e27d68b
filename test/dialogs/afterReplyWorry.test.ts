// Found by a person test: a father told of his 12-year-old's self-harm was given the crisis
// contacts, then asked who it was about and how old she was, and shown school services.
import type { Activity } from 'botbuilder';
import { wordingFor } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: Partial<Activity>[]) => messages(activities).map((a) => a.text ?? '');
/** A service card's name: its first text block. */
const titles = (activities: Partial<Activity>[]) =>
  messages(activities).flatMap((a) =>
    (a.attachments ?? []).map((c) => String(((c.content as { body?: Array<{ type: string; text?: string }> }).body ?? []).find((b) => b.type === 'TextBlock')?.text ?? '')),
  );

describe('going on from a risk reply, with the worry it answered', () => {
  async function afterTheReply() {
    const bot = botHarness();
    await bot.join();
    const reply = texts(await bot.say('my daughter 12 has been self harming, found cuts on her arm last night')).join('\n');
    expect(reply).toContain('999');
    return bot;
  }

  test.each([['Carry on'], ['what do I do now']])('%j: services for her worry, with no question about who or how old', async (next) => {
    const bot = await afterTheReply();
    if (next !== 'Carry on') await bot.say("no she's at school now, she's safe");
    const reply = await bot.say(next);
    const said = texts(reply).join('\n');
    expect(said).not.toContain(wordingFor('parent-carer').askAbout);
    expect(said).not.toContain(wordingFor('parent-carer').askAge('child'));
    expect(titles(reply)).toContain('Mental health services for children and young people');
    expect(titles(reply).join(' ')).not.toMatch(/for adults/);
  });

  test('"start again" after it forgets the worry', async () => {
    const bot = await afterTheReply();
    await bot.say('start again');
    const said = texts(await bot.say('what do I do now')).join('\n');
    expect(said).not.toContain('It sounds like this is about mental health');
  });
});
