// A question about the services shown, typed at "What next?" (multi-turn hold-out v18: "is it 15
// hours? my friend said 30", "do they do evenings?"): the bot says it cannot answer, names the
// service that can and how to reach it, and keeps the menu. Not a fear of what a service will do,
// and not a new worry.
import type { Activity } from 'botbuilder';
import { wordingFor } from '../../dialogs/wording';
import { asksAboutAService, serviceNamedIn } from '../../knowledge/understanding/serviceQuestion';
import { botHarness, messages } from './botHarness';

const said = (activities: Partial<Activity>[]) => messages(activities).map((a) => a.text ?? '').join('\n');
const lead = (audience: 'self' | 'young-person' | 'practitioner') => wordingFor(audience).aboutAService('NAME', 'HOW').split('NAME')[0];

async function afterServices(...turns: string[]) {
  const bot = botHarness();
  await bot.join();
  for (const turn of turns) await bot.say(turn);
  return bot;
}

describe('asksAboutAService', () => {
  test.each([
    'is it 15 hours? my friend said 30',
    'do they do evenings',
    'is there a waiting list?',
    'how do I apply, is it online?',
    'ok and is the carers centre one free?',
    'do nurseries in Peasedown take it?',
  ])('%j asks about a service', (text) => expect(asksAboutAService(text)).toBe(true));

  test.each([
    'will they take my kids if i ring',
    'will it go on a file?',
    'my daughter is being bullied too',
    'thanks',
    "he's 7",
    'is it normal that my son hits me and then says sorry and cries for hours and hours and hours because he is so angry all the time at school and home',
  ])('%j does not', (text) => expect(asksAboutAService(text)).toBe(false));

  test('the service a question names, or the best match', () => {
    const names = ['Family hubs', 'Support for carers and young carers', 'Walking groups'];
    expect(serviceNamedIn('the walking group, do they mind if you dont have a dog?', names)).toBe(2);
    expect(serviceNamedIn('is there a wait?', names)).toBe(0);
  });
});

describe('a question about the services shown, at "What next?"', () => {
  test('an exhausted carer\'s "do they do evenings?": who can answer and how to reach them, and the menu again', async () => {
    const bot = await afterServices("My mum has dementia and I cannot leave her alone for more than an hour, I'm exhausted", 'me', '58');
    const reply = await bot.say('do they do evenings?');
    const text = said(reply);
    expect(text).toContain(lead('self'));
    expect(text).toMatch(/Call|Go to|Email/);
    expect(text).toContain(wordingFor('self').whatNext);
    expect(text).not.toContain(wordingFor('self').whatNextRetry);
    expect(reply.some((a) => a.type === 'trace' && (a.value as { confidence?: string } | undefined)?.confidence)).toBe(false);
  });

  test('three questions in a row keep the menu open (it had closed after three replies it could not use)', async () => {
    const bot = await afterServices('am I eligible for the 2 year old free hours, we get universal credit');
    for (const question of ['is it 15 hours? my friend said 30', 'how do I apply, is it online?', 'do nurseries in Peasedown take it?']) {
      const text = said(await bot.say(question));
      expect(text).toContain(lead('self'));
      expect(text).not.toContain(wordingFor('self').menuClosed);
    }
  });

  test('a new worry typed at the menu is still the next worry', async () => {
    const bot = await afterServices("I'm asking for myself", 'struggling with bills and debts, getting letters every week', '34');
    const text = said(await bot.say('is there anything for my son, he is being bullied at school'));
    expect(text).not.toContain(lead('self'));
  });
});
