import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import { botFrameworkAuthSettings, type AppConfig } from './config';
import { TurnLoggingMiddleware, type Logger } from './logging';
import { TURN_ERROR } from './messages';
import { DedupeMiddleware } from './middleware/dedupe';
import { InputGuardMiddleware, type InputGuardOptions } from './middleware/inputGuard';

export interface AdapterDeps {
  config: AppConfig;
  logger: Logger;
  conversationState: ConversationState;
  hashId: (id: string | undefined) => string | undefined;
  inputGuard?: InputGuardOptions;
  now?: () => number;
}

/**
 * The CloudAdapter with the middleware every bot gets, outermost first: one log line per turn,
 * duplicate deliveries dropped, unreadable input answered kindly.
 */
export function createAdapter({ config, logger, conversationState, hashId, inputGuard, now }: AdapterDeps): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botFrameworkAuthSettings(config));
  const adapter = new CloudAdapter(auth);

  adapter.use(new TurnLoggingMiddleware({ logger, hashId, logMessageText: config.logMessageText }));
  adapter.use(
    new DedupeMiddleware({
      now,
      onDuplicate: (context) =>
        logger.info(
          { event: 'turn.duplicate', conversation: hashId(context.activity.conversation?.id), channelId: context.activity.channelId },
          'duplicate activity dropped',
        ),
    }),
  );
  adapter.use(new InputGuardMiddleware(inputGuard));

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
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

  return adapter;
}
