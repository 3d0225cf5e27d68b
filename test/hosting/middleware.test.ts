import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { EarlyHelpBot } from '../../bot/earlyHelpBot';
import { createIdHasher, TurnLoggingMiddleware } from '../../bot/logging';
import { DedupeMiddleware } from '../../bot/middleware/dedupe';
import { inputProblem, InputGuardMiddleware } from '../../bot/middleware/inputGuard';
import { collectingLogger } from '../helpers/logs';

const contextFor = (activity: Partial<Activity>): TurnContext =>
  new TurnContext(new TestAdapter(async () => undefined), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c' } as Activity['conversation'],
    ...activity,
  } as Activity);

describe('inputProblem', () => {
  test.each([
    ['Hello', undefined],
    ['  my daughter is being bullied  ', undefined],
    ['12', undefined],
    ['ok 👍', undefined],
    ['Dw i angen help', undefined],
    ['نحتاج مساعدة', undefined],
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['😢', 'no-words'],
    ['👨‍👩‍👧‍👦 ❤️', 'no-words'],
    ['?!', 'no-words'],
    ['a'.repeat(5000), undefined],
    ['a'.repeat(5001), 'too-long'],
  ])('%j -> %s', (text, expected) => {
    expect(inputProblem(contextFor({ text }))).toBe(expected);
  });

  test('attachments without text', () => {
    expect(inputProblem(contextFor({ attachments: [{ contentType: 'image/png' }] }))).toBe('attachments-only');
  });

  test('text with an attachment is read as text', () => {
    expect(inputProblem(contextFor({ text: 'see this', attachments: [{ contentType: 'image/png' }] }))).toBeUndefined();
  });

  test('card submits and other activity types are not checked', () => {
    expect(inputProblem(contextFor({ value: { choice: 'x' } }))).toBeUndefined();
    expect(inputProblem(contextFor({ type: 'conversationUpdate' }))).toBeUndefined();
    expect(inputProblem(contextFor({ type: 'invoke', name: 'adaptiveCard/action' }))).toBeUndefined();
  });
});

describe('InputGuardMiddleware', () => {
  test('passThrough lets a message through despite the problem (e.g. risk found in a long message)', async () => {
    const seen: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      seen.push(context.activity.text ?? '');
      await context.sendActivity('ran');
    }).use(new InputGuardMiddleware({ passThrough: (context) => (context.activity.text ?? '').includes('danger') }));
    await adapter
      .send(`danger ${'x'.repeat(6000)}`)
      .assertReply('ran')
      .send('y'.repeat(6000))
      .assertReply((r) => expect(r.text).toContain('too long'))
      .startTest();
    expect(seen).toHaveLength(1);
  });

  test('without a pass-through the guard reads no risk of its own', async () => {
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity('ran');
    }).use(new InputGuardMiddleware());
    await adapter
      .send(`${'We have had a hard year. '.repeat(250)}I have taken all my tablets tonight.`)
      .assertReply((r) => expect(r.text).toContain('too long'))
      .startTest();
  });

  test("a message the guard would turn away still reaches the bot when the bot's own risk decision finds risk", async () => {
    const seen: string[] = [];
    const bot = new EarlyHelpBot({ conversationState: new ConversationState(new MemoryStorage()), userState: new UserState(new MemoryStorage()), logger: collectingLogger().logger });
    const adapter = new TestAdapter(async (context) => {
      seen.push(context.activity.text ?? '');
      await context.sendActivity('risk gate ran');
    }).use(new InputGuardMiddleware({ passThrough: (context) => bot.riskIndicated(context) }));
    const longStory = `${'We have had a hard year with the house and the bills. '.repeat(110)}I have taken all my tablets tonight.`;
    expect(longStory.length).toBeGreaterThan(5000);
    await adapter
      .send(longStory)
      .assertReply('risk gate ran')
      .send('z'.repeat(6000))
      .assertReply((r) => expect(r.text).toContain('too long'))
      .startTest();
    expect(seen).toHaveLength(1);
  });
});

describe('DedupeMiddleware', () => {
  function adapterWith(dedupe: DedupeMiddleware) {
    let runs = 0;
    const adapter = new TestAdapter(async (context) => {
      runs++;
      await context.sendActivity(`run ${runs}`);
    }).use(dedupe);
    return { adapter, runs: () => runs };
  }
  const activity = (id: string, conversation = 'c1'): Partial<Activity> => ({
    type: 'message',
    id,
    text: 'hi',
    conversation: { id: conversation } as Activity['conversation'],
  });

  test('a redelivered activity id runs once', async () => {
    const duplicates: string[] = [];
    const { adapter, runs } = adapterWith(new DedupeMiddleware({ onDuplicate: (c) => duplicates.push(c.activity.id!) }));
    await adapter.send(activity('a1')).assertReply('run 1').send(activity('a1')).assertNoReply('no reply', 100).startTest();
    expect(runs()).toBe(1);
    expect(duplicates).toEqual(['a1']);
  });

  test('the same id in another conversation is a different activity', async () => {
    const { adapter, runs } = adapterWith(new DedupeMiddleware());
    await adapter.send(activity('a1', 'c1')).assertReply('run 1').send(activity('a1', 'c2')).assertReply('run 2').startTest();
    expect(runs()).toBe(2);
  });

  test('activities without an id always run', async () => {
    const noId = { type: 'message', text: 'hi' } as Partial<Activity>;
    // TestAdapter numbers activities itself, so strip the id in a tiny middleware before dedupe.
    const stripped = new TestAdapter(async (context) => {
      await context.sendActivity('ran');
    })
      .use({ onTurn: async (context, next) => { delete (context.activity as Partial<Activity>).id; await next(); } })
      .use(new DedupeMiddleware());
    await stripped.send(noId).assertReply('ran').send(noId).assertReply('ran').startTest();
  });

  test('ids are forgotten after the TTL', async () => {
    let now = 0;
    const { adapter, runs } = adapterWith(new DedupeMiddleware({ ttlMs: 1000, now: () => now }));
    await adapter.send(activity('a1')).assertReply('run 1').startTest();
    now = 999;
    await adapter.send(activity('a1')).assertNoReply('no reply', 100).startTest();
    now = 2000;
    await adapter.send(activity('a1')).assertReply('run 2').startTest();
    expect(runs()).toBe(2);
  });

  test('memory stays bounded: the oldest ids are dropped past maxEntries', async () => {
    const dedupe = new DedupeMiddleware({ maxEntries: 3 });
    const { adapter, runs } = adapterWith(dedupe);
    for (const [i, id] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      await adapter.send(activity(id)).assertReply(`run ${i + 1}`).startTest();
    }
    expect(dedupe.size).toBeLessThanOrEqual(4);
    // 'e' is still remembered; 'a' was evicted, so it runs again.
    await adapter.send(activity('e')).assertNoReply('no reply', 100).startTest();
    await adapter.send(activity('a')).assertReply('run 6').startTest();
    expect(runs()).toBe(6);
  });
});

describe('DedupeMiddleware across a restart (ids saved with the conversation state)', () => {
  // One storage outlives two "processes": each has its own middleware (fresh memory) and state.
  const storage = new MemoryStorage();
  function process(turn: (context: TurnContext, state: ConversationState) => Promise<void>) {
    const state = new ConversationState(storage);
    const runs: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      runs.push(context.activity.id!);
      await turn(context, state);
    }).use(new DedupeMiddleware({ conversationState: state }));
    return { adapter, runs };
  }
  const activity = (id: string, conversation: string): Partial<Activity> => ({
    type: 'message',
    id,
    text: 'hi',
    conversation: { id: conversation } as Activity['conversation'],
  });
  const saveTurn = async (context: TurnContext, state: ConversationState) => {
    await state.createProperty<number>('count').set(context, 1);
    await context.sendActivity('done');
    await state.saveChanges(context);
  };

  test('a turn whose state was saved is not run again by the retry after a restart', async () => {
    const first = process(saveTurn);
    await first.adapter.send(activity('r1', 'restart-1')).assertReply('done').startTest();
    const second = process(saveTurn);
    await second.adapter.send(activity('r1', 'restart-1')).assertNoReply('no reply', 50).startTest();
    await second.adapter.send(activity('r2', 'restart-1')).assertReply('done').startTest();
    expect([...first.runs, ...second.runs]).toEqual(['r1', 'r2']);
  });

  test('a turn that failed before saving runs again on the retry', async () => {
    const crashing = process(async () => {
      throw new Error('the process died mid-turn');
    });
    crashing.adapter.onTurnError = async () => undefined;
    await crashing.adapter.send(activity('f1', 'restart-2')).startTest();
    const second = process(saveTurn);
    await second.adapter.send(activity('f1', 'restart-2')).assertReply('done').startTest();
    expect(second.runs).toEqual(['f1']);
  });

  test('ids outlive a turn that cleared the conversation state, and a turn the bot never saw is recorded', async () => {
    const clearing = process(async (context, state) => {
      await state.clear(context);
      await context.sendActivity('cleared');
      await state.saveChanges(context);
    });
    await clearing.adapter.send(activity('c1', 'restart-3')).assertReply('cleared').startTest();
    const silent = process(async () => undefined);
    await silent.adapter.send(activity('c2', 'restart-3')).startTest();
    const third = process(saveTurn);
    await third.adapter.send(activity('c1', 'restart-3')).assertNoReply('no reply', 50).send(activity('c2', 'restart-3')).assertNoReply('no reply', 50).startTest();
    expect(third.runs).toEqual([]);
  });

  test('only the last few ids are kept, and very long ids are not saved', async () => {
    const first = process(saveTurn);
    for (let i = 0; i < 30; i++) await first.adapter.send(activity(`m${i}`, 'restart-4')).assertReply('done').startTest();
    await first.adapter.send(activity('x'.repeat(300), 'restart-4')).assertReply('done').startTest();
    const items = await storage.read(['test/conversations/restart-4/']);
    const saved = items['test/conversations/restart-4/'].recentActivities.seen as [string, number][];
    expect(saved.map(([id]) => id)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 10}`));
  });
});

describe('TurnLoggingMiddleware', () => {
  function run(logMessageText: boolean, logic: (c: TurnContext) => Promise<void> = async (c) => void (await c.sendActivity('ok'))) {
    const { logger, lines } = collectingLogger();
    let clock = 1000;
    const hashId = createIdHasher('a-salt-of-sixteen-chars');
    const adapter = new TestAdapter(async (context) => {
      clock += 42;
      await logic(context);
    }).use(new TurnLoggingMiddleware({ logger, hashId, logMessageText, now: () => clock }));
    adapter.onTurnError = async () => undefined;
    return { adapter, lines, hashId };
  }

  test('one line per turn with hashed conversation id, channel, type, duration; no text by default', async () => {
    const { adapter, lines, hashId } = run(false);
    await adapter.send('my private worry').assertReply('ok').startTest();
    const turns = lines.filter((l) => l.event === 'turn');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      conversation: hashId('Convo1'),
      channelId: 'test',
      activityType: 'message',
      durationMs: 42,
      replies: 1,
      outcome: 'ok',
    });
    expect(turns[0].conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(lines)).not.toContain('my private worry');
    expect(JSON.stringify(lines)).not.toContain('Convo1');
  });

  test('message text is logged only when LOG_MESSAGE_TEXT is enabled', async () => {
    const { adapter, lines } = run(true);
    await adapter.send('visible text').assertReply('ok').startTest();
    expect(lines.find((l) => l.event === 'turn')?.text).toBe('visible text');
  });

  test('a failing turn is still logged, as an error outcome', async () => {
    const { adapter, lines } = run(false, async () => {
      throw new Error('nope');
    });
    await adapter.send('x').startTest();
    expect(lines.find((l) => l.event === 'turn')).toMatchObject({ outcome: 'error', replies: 0 });
  });
});

describe('createIdHasher', () => {
  test('stable for one salt, different across salts, never the id itself', () => {
    const a = createIdHasher('salt-one-salt-one-1');
    const b = createIdHasher('salt-two-salt-two-2');
    expect(a('conv')).toBe(a('conv'));
    expect(a('conv')).not.toBe(b('conv'));
    expect(a('conv')).not.toContain('conv');
    expect(a(undefined)).toBeUndefined();
  });

  test('without a salt each process gets its own random one', () => {
    expect(createIdHasher()('conv')).not.toBe(createIdHasher()('conv'));
  });
});
