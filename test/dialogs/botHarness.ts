// The real EarlyHelpBot on a TestAdapter (traces on), with the real pack and triage: the
// risk gate runs before any dialog, exactly as in production.
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { parseConfig } from '../../bot/config';
import { EarlyHelpBot } from '../../bot/earlyHelpBot';
import type { TriageFn } from '../../knowledge/triage/types';
import type { LanguageIdentifier } from '../../knowledge/language/identify';
import { collectingLogger } from '../helpers/logs';
import { bathnes, triage } from './harness';

export interface BotHarness {
  adapter: TestAdapter;
  /** Where the bot's state is kept, to look at what it holds. */
  storage: MemoryStorage;
  lines: Record<string, any>[];
  /** One turn: every activity the bot sent, traces included. */
  say(input: string | Partial<Activity>, at?: string): Promise<Partial<Activity>[]>;
  join(): Promise<Partial<Activity>[]>;
}

/**
 * `wrapTriage` may stand in front of the real triage (a stub for one message, the real one for
 * the rest); `languageIdentifier` is the real model when a test loads it (see loadLanguageIdentifier).
 */
export function botHarness(
  env: Record<string, string> = {},
  wrapTriage?: (real: TriageFn) => TriageFn,
  languageIdentifier?: LanguageIdentifier,
  channelId = 'webchat',
): BotHarness {
  const storage = new MemoryStorage();
  const { logger, lines } = collectingLogger();
  const bot = new EarlyHelpBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    config: parseConfig(env),
    conversation: { pack: bathnes(), triage: wrapTriage ? wrapTriage(triage()) : triage() },
    languageIdentifier,
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId }, true);
  const drain = () => adapter.activeQueue.splice(0) as Partial<Activity>[];
  return {
    adapter,
    storage,
    lines,
    async say(input, at) {
      const activity: Partial<Activity> = typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { type: ActivityTypes.Message, ...input };
      if (at) activity.timestamp = new Date(at);
      await adapter.receiveActivity(activity);
      return drain();
    },
    async join() {
      await adapter.receiveActivity({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'user', name: 'user' }],
        recipient: adapter.conversation.bot,
      });
      return drain();
    },
  };
}

export function messages(activities: Partial<Activity>[]): Partial<Activity>[] {
  return activities.filter((a) => a.type === ActivityTypes.Message);
}

export function traces(activities: Partial<Activity>[]): Partial<Activity>[] {
  return activities.filter((a) => a.type === ActivityTypes.Trace);
}
