import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type TurnContext } from 'botbuilder';
import { createMiddleware, createTurnErrorHandler } from '../../bot/adapter';
import { parseConfig } from '../../bot/config';
import { EarlyHelpBot } from '../../bot/earlyHelpBot';
import { createIdHasher } from '../../bot/logging';
import { TURN_ERROR } from '../../bot/messages';
import { collectingLogger } from '../helpers/logs';

function setUp(storage = new MemoryStorage()) {
  const { logger, lines } = collectingLogger();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const bot = new EarlyHelpBot({ conversationState, userState, logger });
  // TestAdapter's conversations live at https://test.com: on the allow-list, as a channel would be.
  const deps = {
    config: parseConfig({ SERVICE_URL_HOSTS: 'test.com' }),
    logger,
    conversationState,
    hashId: createIdHasher('test-salt-test-salt'),
    // As the server wires it: the guard asks the bot's own risk decision for the turn.
    inputGuard: { passThrough: (context: TurnContext) => bot.riskIndicated(context) },
  };
  const adapter = new TestAdapter((context) => bot.run(context));
  for (const middleware of createMiddleware(deps)) adapter.use(middleware);
  adapter.onTurnError = createTurnErrorHandler(deps);
  return { adapter, bot, storage, lines, conversationState };
}

// ConversationState's key: channel/conversations/id/ (the namespace after the last slash is empty).
const conversationKey = (adapter: TestAdapter): string =>
  `${adapter.conversation.channelId}/conversations/${adapter.conversation.conversation.id}/`;

const joined = (adapter: TestAdapter, ids: string[]): Partial<Activity> => ({
  type: ActivityTypes.ConversationUpdate,
  membersAdded: ids.map((id) => ({ id, name: id })),
  recipient: adapter.conversation.bot,
});

// These tests hold the bot to what hosting promises (welcome, state saved every turn, input
// checks, errors); the wording of the conversation itself is tested in test/dialogs.
const expectWelcome = (reply: Partial<Activity>) => {
  expect(reply.text).toContain('not a person');
  expect(reply.text).toContain('not an emergency service');
  expect(reply.text).toContain('If someone is in immediate danger, call 999');
};

const messageCount = async (storage: MemoryStorage, adapter: TestAdapter): Promise<number | undefined> =>
  (await storage.read([conversationKey(adapter)]))[conversationKey(adapter)]?.conversationData?.messageCount;

describe('EarlyHelpBot through botbuilder-testing', () => {
  test('welcomes a person who joins, saying it is not a person or an emergency service', async () => {
    const { adapter } = setUp();
    await adapter.send(joined(adapter, ['user'])).assertReply(expectWelcome).startTest();
  });

  test('does not welcome itself', async () => {
    const { adapter } = setUp();
    await adapter.send(joined(adapter, [adapter.conversation.bot.id])).assertNoReply('no reply', 200).startTest();
  });

  test('welcomes once however many people join together', async () => {
    const { adapter } = setUp();
    await adapter.send(joined(adapter, ['a', 'b', adapter.conversation.bot.id])).assertReply(expectWelcome).assertNoReply('no reply', 200).startTest();
  });

  test('answers a message and saves conversation state at the end of every turn', async () => {
    const { adapter, storage } = setUp();
    await adapter.send('Hello').assertReply((r) => expect(r.type).toBe('message')).startTest();
    expect(await messageCount(storage, adapter)).toBe(1);
    await adapter.send('My son will not go to school').startTest();
    expect(await messageCount(storage, adapter)).toBe(2);
  });

  test('answers attachments-only, emoji-only and over-long messages politely, without running the bot', async () => {
    const { adapter, storage } = setUp();
    await adapter
      .send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] })
      .assertReply((r) => expect(r.text).toMatch(/can't open files or pictures.*call 999/))
      .send('😢😢')
      .assertReply((r) => expect(r.text).toMatch(/only understand words.*call 999/))
      .send('x'.repeat(5001))
      .assertReply((r) => expect(r.text).toMatch(/too long.*5,000 characters.*call 999/))
      .startTest();
    // None of those reached the bot.
    expect(await messageCount(storage, adapter)).toBeUndefined();
  });

  test('a card submit (value, no text) reaches the bot', async () => {
    const { adapter, storage } = setUp();
    await adapter.send({ type: 'message', value: { action: 'choose' } }).startTest();
    expect(await messageCount(storage, adapter)).toBe(1);
  });

  test('a failing turn is logged with its stack, the user gets a short apology, and conversation state is cleared', async () => {
    const { adapter, lines, storage, bot } = setUp();
    await adapter.send('first').startTest();
    const key = conversationKey(adapter);
    expect((await storage.read([key]))[key]).toBeDefined();
    // Drop the replies to 'first' so the next assertion sees only the apology.
    adapter.activeQueue.splice(0);

    jest.spyOn(bot as unknown as { handleMessage: () => Promise<void> }, 'handleMessage').mockRejectedValueOnce(new Error('boom in a step'));
    await adapter
      .send('second')
      .assertReply((reply) => {
        expect(reply.text).toBe(TURN_ERROR);
        expect(reply.text).not.toContain('boom');
        expect(reply.text).not.toMatch(/\bat \S+ \(/); // no stack frames
      })
      .startTest();

    const error = lines.find((l) => l.event === 'turn.error');
    expect(error?.err.message).toBe('boom in a step');
    expect(error?.err.stack).toContain('boom in a step');
    expect((await storage.read([key]))[key]).toBeUndefined();

    // The person can carry on, from a fresh conversation state.
    await adapter.send('third').assertReply((r) => expect(r.text).not.toBe(TURN_ERROR)).startTest();
    expect(await messageCount(storage, adapter)).toBe(1);
  });
});
