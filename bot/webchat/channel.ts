import {
  ActivityTypes,
  DeliveryModes,
  type Activity,
  type ChannelAccount,
  type CloudAdapter,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import type { Conversation, ConversationStore } from './conversations';
import { HttpError } from './http';

/** Turns one conversation may have waiting at once before further posts get 429. */
export const MAX_PENDING_TURNS = 5;

export type BotLogic = (context: TurnContext) => Promise<void>;

export interface ChannelOptions {
  adapter: CloudAdapter;
  logic: BotLogic;
  store: ConversationStore;
  /** The bot's Microsoft App Id, when it has one; it becomes the bot's account id. */
  appId?: string;
  botName: string;
  /** Where a reply would be posted if the bot ever sent outside the turn; never called in practice. */
  serviceUrl: () => string;
  /** Longest a post waits for the bot's answer before returning (the answer still arrives). */
  turnWaitMs?: number;
  onTurnFailed?: (error: unknown) => void;
  trackInFlight?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** A connector that is never used: replies come back in the turn (expectReplies), not over HTTP. */
class UnusedConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient({ signRequest: async (request) => request }, { baseUri: serviceUrl });
  }
}

type ProcessActivity = (
  auth: AuthenticateRequestResult,
  activity: Activity,
  logic: BotLogic,
) => Promise<InvokeResponse | undefined>;

export const CHANNEL_ID = 'webchat';

/**
 * The embedded website channel: it plays the part Azure Bot Service plays in production. Each
 * activity a browser posts is handed to the bot in-process with deliveryMode expectReplies, and
 * the replies the bot buffers are added to the conversation's log for the browser to fetch.
 * The request is built here, inside the trusted process, so it skips the inbound JWT check that
 * protects /api/messages; nothing reaches this path except through a valid channel token.
 */
export class EmbeddedChannel {
  private readonly bot: ChannelAccount;
  private readonly auth: AuthenticateRequestResult;

  private readonly processActivity: ProcessActivity;

  constructor(private readonly options: ChannelOptions) {
    // The same entry point CloudAdapter.process uses for an HTTP request; with expectReplies it
    // returns the bot's replies, including any the middleware or onTurnError sent. It is
    // protected in the typings, hence the cast.
    const adapter = options.adapter as unknown as { processActivity: ProcessActivity };
    this.processActivity = adapter.processActivity.bind(options.adapter);
    const botId = options.appId || 'early-help-assistant';
    this.bot = { id: botId, name: options.botName, role: 'bot' };
    this.auth = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: botId },
          { type: AuthenticationConstants.AppIdClaim, value: botId },
        ],
        true,
      ),
      callerId: undefined,
      connectorFactory: new UnusedConnectorFactory(),
    } as AuthenticateRequestResult;
  }

  /** Tells the bot the user joined, so it greets them. Runs once per conversation. */
  async start(conversation: Conversation, locale?: string): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    const user: ChannelAccount = { id: conversation.userId, name: '', role: 'user' };
    await this.runTurn(conversation, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [this.bot, user],
      from: user,
      locale,
    }, false);
  }

  /**
   * Records what the user sent (the echo Web Chat waits for) and runs the bot's turn. Resolves
   * with the activity id once the bot has answered or the wait is over, whichever is first.
   */
  async post(conversation: Conversation, incoming: Partial<Activity>): Promise<string> {
    // A person types one message at a time; a client with many unanswered turns is not a person.
    if (conversation.pendingTurns >= MAX_PENDING_TURNS) throw new HttpError(429, 'Too many messages at once. Please wait for the reply.');
    const user: ChannelAccount = { id: conversation.userId, name: incoming.from?.name ?? '', role: 'user' };
    const activity: Partial<Activity> = {
      ...incoming,
      from: user,
      // Whatever the user typed is shown back as typed, never as markdown or HTML.
      textFormat: incoming.type === ActivityTypes.Message ? 'plain' : incoming.textFormat,
    };
    const [echoed] = this.options.store.append(conversation, [this.stamp(conversation, activity)]);
    const turn = this.runTurn(conversation, { ...echoed }, true);
    const wait = this.options.turnWaitMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([turn, new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))]);
    clearTimeout(timer);
    return echoed.id as string;
  }

  private runTurn(conversation: Conversation, activity: Partial<Activity>, alreadyStamped: boolean): Promise<void> {
    const run = async () => {
      const inbound = {
        ...(alreadyStamped ? activity : this.stamp(conversation, activity)),
        recipient: this.bot,
        serviceUrl: this.options.serviceUrl(),
        deliveryMode: DeliveryModes.ExpectReplies,
      } as Activity;
      let replies: Partial<Activity>[] = [];
      try {
        const response = await this.processActivity(this.auth, inbound, this.options.logic);
        const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
        replies = (body?.activities ?? []).filter((reply) => reply.type !== ActivityTypes.Trace && reply.type !== 'delay');
      } catch (error) {
        this.options.onTurnFailed?.(error);
      }
      if (replies.length > 0 && this.options.store.get(conversation.id)) {
        this.options.store.append(
          conversation,
          replies.map((reply) => ({
            ...this.stamp(conversation, reply),
            from: reply.from?.id ? { ...reply.from, role: 'bot' } : this.bot,
            recipient: { id: conversation.userId, name: '', role: 'user' },
            replyToId: reply.replyToId ?? activity.id,
          })),
        );
      }
    };
    conversation.pendingTurns += 1;
    const settle = () => {
      conversation.pendingTurns -= 1;
    };
    const queued = conversation.queue.then(run, run);
    // A turn counts as in flight from the moment it is queued, not when it starts: shutdown
    // then waits for (and answers) every message it accepted, not only the one running.
    const next = this.options.trackInFlight ? this.options.trackInFlight(() => queued) : queued;
    conversation.queue = next.then(settle, settle);
    return next;
  }

  private stamp(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    const now = new Date();
    return {
      ...activity,
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      timestamp: now,
      localTimestamp: activity.localTimestamp ?? now,
      serviceUrl: this.options.serviceUrl(),
    };
  }
}
