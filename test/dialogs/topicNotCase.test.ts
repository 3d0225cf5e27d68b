// A topic is not a case (issue 11, point 6): a question about a risk topic, or abuse that is
// over, gets information and services, with the route's contacts in case it is happening now,
// not the risk interrupt.
import { contactsForRoute, loadPack } from '../../knowledge';
import { createTriageEngine } from '../../knowledge/triage';
import { wordingFor } from '../../dialogs/wording';
import { botHarness, messages } from './botHarness';

const pack = loadPack('bathnes');
const engine = createTriageEngine(pack);
const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '');

describe('triage: the topic of a message with no risk now', () => {
  test.each([
    ['I left an abusive relationship two years ago and I would like some counselling', 'domestic-abuse'],
    ['where can I find training for staff on spotting the signs of grooming', 'safeguarding-child'],
  ])('%j is about %s, not a risk now', (text, route) => {
    const result = engine.triage(text);
    expect(result.confidence).toBeUndefined();
    expect(result.topic).toBe(route);
  });

  test.each(['help with rent arrears', 'my son will not go to school'])('%j has no topic', (text) => {
    expect(engine.triage(text).topic).toBeUndefined();
  });

  test('a risk now is still a risk, with no topic', () => {
    const result = engine.triage('my partner hit me last night and I am scared to go home');
    expect(result.confidence).toBeDefined();
    expect(result.topic).toBeUndefined();
  });
});

describe('the reply to a worry about a risk topic', () => {
  const text = 'I left an abusive relationship two years ago and I would like some counselling';

  test("services, and the route's own contacts in case it is happening now; no risk interrupt", async () => {
    const bot = botHarness();
    await bot.join();
    const said: string[] = [];
    for (const message of ["I'm a parent", text, 'me', '34']) said.push(texts(await bot.say(message)).join('\n'));
    const all = said.join('\n');
    expect(all).toContain(wordingFor('parent-carer').ifHappeningNow);
    const { contacts, message } = contactsForRoute(pack, 'domestic-abuse', new Date());
    expect(all).not.toContain(message);
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) expect(all).toContain(contact.name);
    // Information and services, not the risk reply's lead.
    expect(all).toContain(wordingFor('parent-carer').servicesIntro);
  });
});
