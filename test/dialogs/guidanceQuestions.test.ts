// A question about guidance is answered at once, from the pack (issue 12 point 2: in Teams the
// practitioner's question is answered first; the role is asked only when it matters).
import { askRole, guidanceFollowUp, helloBack, whoIsAskingAfterHello } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '').join('\n');

describe('a question about guidance', () => {
  test('in Teams, the first question is answered with the professional guidance, and the role is not asked', async () => {
    const bot = botHarness({}, undefined, undefined, 'msteams');
    const reply = texts(await bot.say('what is the threshold for a request for service?'));
    expect(reply).toContain('Threshold for Assessment guidance');
    expect(reply).toContain('Request for Service');
    expect(reply).toContain(guidanceFollowUp('practitioner'));
    expect(reply).not.toContain(askRole);
    // The professional text, not the plain one.
    expect(reply).toContain('five levels of need');
  });

  test('on the website, a resident gets the plain version and then the question that was waiting', async () => {
    const bot = botHarness();
    await bot.join();
    // A bare "hello" is greeted back, and the first question put another way.
    const greeted = texts(await bot.say('hello'));
    expect(greeted).toContain(helloBack);
    expect(greeted).toContain(whoIsAskingAfterHello);
    const reply = texts(await bot.say('what is an early help assessment?'));
    expect(reply).toContain('Early Help Assessment (EHA)');
    expect(reply).toContain('a conversation between your family and a worker');
    expect(reply).toContain(whoIsAskingAfterHello);
  });

  test('a long message that tells a concern beside the question goes on to the concern', async () => {
    const bot = botHarness();
    const reply = texts(
      await bot.say("do I need consent for an EHA? My son is 9, he won't go to school most mornings and says his tummy hurts, and I'm worried"),
    );
    expect(reply).toContain('Consent and information sharing');
    expect(reply).not.toContain(guidanceFollowUp(undefined));
    expect(reply.length).toBeGreaterThan(400);
  });
});
