import type { Middleware, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { markChannelError } from '../channelFault';

export interface OutboundLimits {
  /** Longest one send to the channel may take, the connector's retries and their waits included. */
  sendMs: number;
  /** Longest all of a turn's sends together may take. */
  turnMs: number;
}

/**
 * Without limits the connector waits as long as the socket allows and retries three times with
 * growing waits: a channel that did not answer held the turn, and the person's next message
 * behind it, for ten seconds or more. Bot Service gives up on a turn after 15 s, so one send
 * gets 6 s (room for the connector's retries after a refused connection or a 5xx) and all of a
 * turn's sends 10 s.
 */
export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { sendMs: 6_000, turnMs: 10_000 };

type Conversations = ConnectorClient['conversations'];
type RequestOptions = { abortSignal?: AbortSignal } & Record<string, unknown>;

/**
 * Outermost: the turn's connector client is swapped for one whose sends (reply, send, update,
 * delete) carry an abort signal for the send and for the turn, and whose errors that say the
 * channel is unreachable are marked as the channel's (bot/channelFault.ts). The options are
 * the connector's own; its connector factory overwrites any request policy given to it, which
 * is why this is done per turn rather than once in the adapter's settings.
 */
export class OutboundDeadlineMiddleware implements Middleware {
  constructor(
    /** The adapter's ConnectorClientKey, where CloudAdapter keeps the turn's client. */
    private readonly clientKey: symbol,
    private readonly limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const client = context.turnState.get(this.clientKey) as ConnectorClient | undefined;
    if (client?.conversations) context.turnState.set(this.clientKey, this.bound(client));
    return next();
  }

  private bound(client: ConnectorClient): ConnectorClient {
    const inner = client.conversations;
    // The turn's clock starts at its first send: most turns (expectReplies) send nothing.
    let turn: AbortSignal | undefined;
    // An abort signal, not a per-attempt timeout: the connector does not retry an attempt that
    // timed out, but it does retry a refused connection or a 5xx within the send's time.
    const limit = (options?: RequestOptions): RequestOptions => {
      turn ??= AbortSignal.timeout(this.limits.turnMs);
      const signals = [AbortSignal.timeout(this.limits.sendMs), turn];
      if (options?.abortSignal) signals.push(options.abortSignal);
      return { ...options, abortSignal: AbortSignal.any(signals) };
    };
    const marked = <T>(sent: Promise<T>): Promise<T> =>
      sent.catch((error: unknown) => {
        throw markChannelError(error);
      });
    const conversations = Object.create(inner) as Conversations;
    const sends = {
      sendToConversation: (conversationId: string, activity: unknown, options?: RequestOptions) =>
        marked(inner.sendToConversation(conversationId, activity as never, limit(options) as never)),
      replyToActivity: (conversationId: string, activityId: string, activity: unknown, options?: RequestOptions) =>
        marked(inner.replyToActivity(conversationId, activityId, activity as never, limit(options) as never)),
      updateActivity: (conversationId: string, activityId: string, activity: unknown, options?: RequestOptions) =>
        marked(inner.updateActivity(conversationId, activityId, activity as never, limit(options) as never)),
      deleteActivity: (conversationId: string, activityId: string, options?: RequestOptions) =>
        marked(inner.deleteActivity(conversationId, activityId, limit(options) as never)),
    };
    Object.assign(conversations, sends);
    return Object.create(client, { conversations: { value: conversations, enumerable: true } }) as ConnectorClient;
  }
}
