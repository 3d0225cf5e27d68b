import type { Middleware, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { markChannelError } from '../channelFault';

export interface OutboundLimits {
  /** Longest one HTTP attempt to the channel may take. */
  attemptMs: number;
  /** Longest one send may take, the connector's retries and the waits between them included. */
  deadlineMs: number;
}

/**
 * Without limits the connector waits as long as the socket allows on each attempt and retries
 * three times with growing waits: a channel that did not answer held the turn, and the person's
 * next message behind it, for ten seconds or more. Bot Service gives up on a turn after 15 s and
 * a failed reply is followed by the apology, so one send gets well under half of that.
 */
export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { attemptMs: 4_000, deadlineMs: 6_000 };

type Conversations = ConnectorClient['conversations'];
type RequestOptions = { abortSignal?: AbortSignal; timeout?: number } & Record<string, unknown>;

/**
 * Outermost: the turn's connector client is swapped for one whose sends (reply, send, update,
 * delete) carry a per-attempt timeout and an abort signal for the whole send, and their errors
 * are marked as the channel's (bot/channelFault.ts). The options are
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
    const limit = (options?: RequestOptions): RequestOptions => {
      const deadline = AbortSignal.timeout(this.limits.deadlineMs);
      return {
        ...options,
        timeout: options?.timeout ? Math.min(options.timeout, this.limits.attemptMs) : this.limits.attemptMs,
        abortSignal: options?.abortSignal ? AbortSignal.any([options.abortSignal, deadline]) : deadline,
      };
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
