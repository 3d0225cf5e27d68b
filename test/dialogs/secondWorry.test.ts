// Issue 12, point 2: a second worry about someone else is theirs, not the first person's: a new
// age said in it replaces the first one's, a new person named without an age is asked about, and
// the summary lists each person's worries under their own age.
import type { Activity } from 'botbuilder';
import { botHarness, messages } from './botHarness';

const texts = (activities: { text?: string }[]) => messages(activities).map((a) => a.text ?? '').join('\n');
const ASK_AGE = 'How old is your child?';

/** The names of the services shown, in order: each card's first bold line. */
function serviceNames(activities: Partial<Activity>[]): string[] {
  const names: string[] = [];
  for (const a of activities) {
    for (const attachment of a.attachments ?? []) {
      const body = (attachment.content as { body?: Array<{ type?: string; weight?: string; text?: string }> } | undefined)?.body ?? [];
      const title = body.find((b) => b.type === 'TextBlock' && b.weight === 'Bolder');
      if (title?.text) names.push(title.text);
    }
  }
  return names;
}

async function afterSonOf7() {
  const bot = botHarness();
  await bot.join();
  expect(texts(await bot.say('my son is being bullied at school'))).toContain(ASK_AGE);
  await bot.say("he's 7");
  expect(texts(await bot.say('Something else is worrying me too'))).toContain('What else is worrying you?');
  return bot;
}

describe('a second worry about another child', () => {
  test('"my daughter is 15 and she won\'t go to school": her age is used, and the summary keeps each child under their own age', async () => {
    const bot = await afterSonOf7();
    const second = texts(await bot.say("my daughter is 15 and she won't go to school"));
    expect(second).not.toContain(ASK_AGE);
    await bot.say('Help me ask for support');
    const summary = texts(await bot.say('yes'));
    expect(summary).toMatch(/Worries: problems at school[^\n]*\nWho it is about: my child\nAge: a young person aged 11 to 19/);
    expect(summary).toMatch(/Worries: bullying[^\n]*\nWho it is about: my child\nAge: a child aged 5 to 11/);
  });

  test('"my daughter won\'t go to school" (no age): her age is asked, not taken from her brother', async () => {
    const bot = await afterSonOf7();
    expect(texts(await bot.say("my daughter won't go to school"))).toContain(ASK_AGE);
  });

  test('a second worry about the same child keeps what was said', async () => {
    const bot = await afterSonOf7();
    const second = texts(await bot.say("he's not sleeping either, he lies awake worrying"));
    expect(second).not.toContain(ASK_AGE);
    await bot.say('Help me ask for support');
    const summary = texts(await bot.say('yes'));
    expect(summary.match(/Who it is about/g)?.length).toBe(1);
    expect(summary).toContain('Age: a child aged 5 to 11');
  });
});

// Issue 12, point 4: an eviction for a family gets housing help first, and "me and my kids" at
// "Who is the worry about?" is the family, with several ages read as the youngest's.
describe('a family facing eviction', () => {
  test('"me and my kids", then "2 and 6": the youngest child is asked about, and housing help leads', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("we've been told we have to leave our flat by the end of the month and I don't know where to go");
    expect(texts(await bot.say('me and my kids'))).toContain('How old is your youngest child?');
    const results = await bot.say('2 and 6');
    expect(serviceNames(results)[0]).toBe('Housing and homelessness support');
    expect(texts(results)).not.toContain("Sorry, I didn't quite get that");
  });
});

describe('bullying with pictures shared', () => {
  test("a young person whose pictures are being shared is shown Report Remove first; a parent of a bullied 7-year-old is not", async () => {
    const young = botHarness();
    await young.join();
    await young.say('hiya');
    await young.say('im 15');
    expect(serviceNames(await young.say('ppl at skl keep callin me names n sharin pics of me'))[0]).toBe('Report Remove (Childline and the Internet Watch Foundation)');
    const parent = botHarness();
    await parent.join();
    await parent.say('my son is being bullied at school');
    expect(serviceNames(await parent.say("he's 7"))).not.toContain('Report Remove (Childline and the Internet Watch Foundation)');
  });
});

describe('"wot do i do" at the menu after the services', () => {
  test('gets where to start and the ways on, not "Sorry, I didn\'t quite get that"', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('im 15');
    await bot.say('ppl at skl keep callin me names');
    const next = texts(await bot.say('wot do i do'));
    expect(next).toContain('A good place to start is the first service above');
    expect(next).not.toContain("didn't quite get that");
  });
});

// Found holding a carer's conversation in the page: her own question after her husband's worry.
describe('a carer asking for help for herself', () => {
  test('"Is there any help for carers?" after her husband\'s stroke shows carers support first', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say("I'm a parent or carer");
    await bot.say('I am absolutely exhausted. My husband had a stroke last year and I look after him.');
    await bot.say('74');
    const second = await bot.say('Is there any help for carers?');
    expect(serviceNames(second)[0]).toBe('Support for carers and young carers (including carers assessments)');
  });
});

describe('a parent facing eviction who names the children', () => {
  test('"my landlord wants us out ... i have 2 kids", then "6 and 9": housing help leads', async () => {
    const bot = botHarness();
    await bot.join();
    await bot.say('my landlord wants us out by the end of the month and i have 2 kids');
    const results = await bot.say('6 and 9');
    expect(serviceNames(results)[0]).toBe('Housing and homelessness support');
  });
});

// Found holding an older carer's conversation: her goodbye was answered with "A good place to start is...".
test('"That is all, thank you for your help." at the menu says goodbye', async () => {
  const bot = botHarness();
  await bot.join();
  await bot.say("I'm asking for myself");
  await bot.say('I have lost my job and I am in debt');
  await bot.say('34');
  const reply = texts(await bot.say('That is all, thank you for your help.'));
  expect(reply).toContain('Thank you for talking to me');
  expect(reply).not.toContain('A good place to start');
});
