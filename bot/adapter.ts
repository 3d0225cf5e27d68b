import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import { ChannelUnavailableError, channelFault } from './channelFault';
import { botFrameworkAuthSettings, type AppConfig } from './config';
import { TurnLoggingMiddleware, type Logger } from './logging';
import { STORAGE_FAULT, TURN_ERROR } from './messages';
import { DedupeMiddleware } from './middleware/dedupe';
import { ServiceUrlGuardMiddleware } from './middleware/serviceUrlGuard';
import { InputGuardMiddleware, type InputGuardOptions } from './middleware/inputGuard';
import { OutboundDeadlineMiddleware, type OutboundLimits } from './middleware/outboundDeadline';
import { isStorageFault } from './storage/storageFault';

export interface AdapterDeps {
  config: Pick<AppConfig, 'appType' | 'appId' | 'appPassword' | 'appTenantId' | 'logMessageText' | 'serviceUrlHosts'>;
  logger: Logger;
  conversationState: ConversationState;
  hashId: (id: string | undefined) => string | undefined;
  inputGuard?: InputGuardOptions;
  now?: () => number;
  /**
   * Extra settings for ConfigurationBotFrameworkAuthentication. Not read from the environment:
   * only tests set them, to point token checks at a key server on loopback.
   */
  authSettings?: Record<string, string>;
  /** Time limits on replies sent to a channel; the defaults suit Bot Service. */
  outbound?: OutboundLimits;
}

/**
 * The middleware every bot gets, outermost first: one log line per turn, duplicate deliveries
 * dropped, unreadable input answered kindly. Exported so tests can put the same stack on a
 * TestAdapter. The server adds the input guard itself, after the channels' own middleware (Teams
 * removes @mentions first), with the bot's risk decision as its pass-through.
 */
export function createMiddleware(deps: AdapterDeps): Middleware[] {
  return [...outerMiddleware(deps), new InputGuardMiddleware(deps.inputGuard)];
}

function outerMiddleware({ config, logger, hashId, now, conversationState }: AdapterDeps): Middleware[] {
  return [
    new TurnLoggingMiddleware({ logger, hashId, logMessageText: config.logMessageText }),
    new ServiceUrlGuardMiddleware(config.serviceUrlHosts, logger),
    new DedupeMiddleware({
      conversationState,
      now,
      onDuplicate: (context) =>
        logger.info(
          { event: 'turn.duplicate', conversation: hashId(context.activity.conversation?.id), channelId: context.activity.channelId },
          'duplicate activity dropped',
        ),
    }),
  ];
}

/**
 * Logs the error with its stack, apologises without details, and clears conversation state,
 * except when the store refused the write or the channel did not take a reply: then the saved
 * state is the person's last good one and is kept.
 */
export function createTurnErrorHandler({ logger, conversationState, hashId }: AdapterDeps) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    if (isStorageFault(error)) {
      logger.error(
        { event: 'turn.storage', code: error.code, conversation: hashId(context.activity.conversation?.id), channelId: context.activity.channelId },
        'turn not saved: the store refused the write',
      );
      try {
        await context.sendActivity(STORAGE_FAULT);
      } catch (sendError) {
        logger.error({ event: 'turn.error.reply', err: sendError }, 'could not send the apology');
      }
      return;
    }
    const unreachable = channelFault(error);
    if (unreachable) {
      // The reply could not be delivered: an apology would go the same way, and the saved state
      // is the person's last good one (the turn ended before saving), so it is kept. The 503
      // that follows asks the channel to deliver the message again.
      logger.error(
        { event: 'turn.channel', ...unreachable, err: error, conversation: hashId(context.activity.conversation?.id), channelId: context.activity.channelId },
        'reply not delivered: the channel did not take it',
      );
      throw new ChannelUnavailableError(unreachable);
    }
    logger.error(
      {
        event: 'turn.error',
        err: error,
        conversation: hashId(context.activity.conversation?.id),
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR);
    } catch (sendError) {
      logger.error({ event: 'turn.error.reply', err: sendError }, 'could not send the apology');
    }
    try {
      // Whatever state led to the error must not trap the person in it.
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error({ event: 'turn.error.state', err: deleteError }, 'could not clear conversation state');
    }
  };
}

/**
 * CloudAdapter with one more public method: the turn without `process`'s HTTP handling, so the
 * server answers errors itself (the SDK prints every rejected token's stack to the console).
 */
export class EarlyHelpAdapter extends CloudAdapter {
  /** Authenticates and runs one activity; throws AuthenticationError for a bad token. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity), logic);
  }
}

/** What `process` does to an activity first: its date strings become Dates (raw ones kept). */
function withDates(activity: Activity): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value) as never;
    }
  }
  return fixed;
}

/**
 * CloudAdapter with ConfigurationBotFrameworkAuthentication (no auth when MicrosoftAppId is
 * empty) and the outer middleware; the caller adds the input guard last (see createMiddleware).
 */
export function createAdapter(deps: AdapterDeps): EarlyHelpAdapter {
  const adapter = new EarlyHelpAdapter(
    new ConfigurationBotFrameworkAuthentication({ ...botFrameworkAuthSettings(deps.config), ...deps.authSettings }),
  );
  adapter.use(new OutboundDeadlineMiddleware(adapter.ConnectorClientKey, deps.outbound));
  for (const middleware of outerMiddleware(deps)) adapter.use(middleware);
  adapter.onTurnError = createTurnErrorHandler(deps);
  return adapter;
}
