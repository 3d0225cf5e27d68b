import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import { botFrameworkAuthSettings, type AppConfig } from './config';
import { TurnLoggingMiddleware, type Logger } from './logging';
import { TURN_ERROR } from './messages';
import { DedupeMiddleware } from './middleware/dedupe';
import { ServiceUrlGuardMiddleware } from './middleware/serviceUrlGuard';
import { InputGuardMiddleware, type InputGuardOptions } from './middleware/inputGuard';

export interface AdapterDeps {
  config: Pick<AppConfig, 'appType' | 'appId' | 'appPassword' | 'appTenantId' | 'logMessageText' | 'serviceUrlHosts'>;
  logger: Logger;
  conversationState: ConversationState;
  hashId: (id: string | undefined) => string | undefined;
  inputGuard?: InputGuardOptions;
  now?: () => number;
}

/**
 * The middleware every bot gets, outermost first: one log line per turn, duplicate deliveries
 * dropped, unreadable input answered kindly. Exported so tests can put the same stack on a
 * TestAdapter.
 */
export function createMiddleware({ config, logger, hashId, inputGuard, now }: AdapterDeps): Middleware[] {
  return [
    new TurnLoggingMiddleware({ logger, hashId, logMessageText: config.logMessageText }),
    new ServiceUrlGuardMiddleware(config.serviceUrlHosts, logger),
    new DedupeMiddleware({
      now,
      onDuplicate: (context) =>
        logger.info(
          { event: 'turn.duplicate', conversation: hashId(context.activity.conversation?.id), channelId: context.activity.channelId },
          'duplicate activity dropped',
        ),
    }),
    new InputGuardMiddleware(inputGuard),
  ];
}

/** Logs the error with its stack, apologises without details, and clears conversation state. */
export function createTurnErrorHandler({ logger, conversationState, hashId }: AdapterDeps) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
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

/** CloudAdapter with ConfigurationBotFrameworkAuthentication (no auth when MicrosoftAppId is empty). */
export function createAdapter(deps: AdapterDeps): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botFrameworkAuthSettings(deps.config)));
  for (const middleware of createMiddleware(deps)) adapter.use(middleware);
  adapter.onTurnError = createTurnErrorHandler(deps);
  return adapter;
}
