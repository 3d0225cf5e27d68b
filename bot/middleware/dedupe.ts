import { createHash } from 'node:crypto';
import type { ConversationState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { channelFault } from '../channelFault';

/** Ids of a conversation's recent activities, saved with its state. */
interface RecentActivities {
  /** [activity id, ms since the epoch] */
  seen: [string, number][];
}

/** Enough for a Teams group chat's burst; the ids live only as long as the retry window. */
const MAX_SAVED_IDS = 20;
/** Longer ids are not saved (they stay in memory only), so a hostile id cannot bloat state. */
const MAX_SAVED_ID_LENGTH = 256;

export interface DedupeOptions {
  /**
   * Where ids are kept across restarts: in the conversation's own state, so an id is saved in the
   * same write as the turn's result. After a crash, a turn whose state was saved is not run again
   * on the connector's retry, and one whose state was not saved (it never completed) is.
   */
  conversationState?: ConversationState;
  /** How long an activity id is remembered; the Bot Connector retries after about 15 s. */
  ttlMs?: number;
  /** Upper bound on remembered ids, so memory stays flat under load. */
  maxEntries?: number;
  now?: () => number;
  onDuplicate?: (context: TurnContext) => void;
}

/**
 * Runs each activity once. The Bot Connector redelivers an activity when the bot was slow to
 * answer or did not answer at all (a crash); a redelivery with the same channel, conversation and
 * activity id is dropped without running the turn. Ids are held in memory (a retry arriving while
 * the first delivery is still running) and, with `conversationState`, in the conversation's saved
 * state (a retry after a restart). With `deliveryMode: "expectReplies"` the duplicate gets 200
 * with no replies. Activities without an id cannot be told apart and always run.
 */
export class DedupeMiddleware implements Middleware {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly saved?: StatePropertyAccessor<RecentActivities>;

  constructor(private readonly options: DedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    this.saved = options.conversationState?.createProperty<RecentActivities>('recentActivities');
  }

  get size(): number {
    return this.seen.size;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!activity.id) return next();
    // A digest, not the ids themselves: ids may be 512 characters each, and 10,000 keys of three
    // such ids would be megabytes; 20 bytes each keeps the filter small.
    const key = createHash('sha1').update(`${activity.channelId}\u0000${activity.conversation?.id}\u0000${activity.id}`).digest('base64');
    const now = this.now();
    this.evict(now);
    const seenAt = this.seen.get(key);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) {
      this.options.onDuplicate?.(context);
      return;
    }
    if (await this.savedAlready(context, now)) {
      this.seen.set(key, now);
      this.options.onDuplicate?.(context);
      return;
    }
    // Remembered before the turn runs, so a retry arriving mid-turn is dropped too.
    this.seen.delete(key);
    this.seen.set(key, now);
    const recent = this.saved && context.activity.conversation?.id ? await this.saved.get(context) : undefined;
    try {
      await next();
    } catch (error) {
      // The reply never reached the channel and nothing was saved: the channel's own retry of
      // this activity is then the person's message, not a duplicate.
      if (channelFault(error)) this.seen.delete(key);
      throw error;
    }
    if (recent) {
      // The bot saves state at the end of its turn, ids included. This catches a turn the bot
      // never saw (a middleware answered first) and one that cleared its state (starting over),
      // whose ids must outlive the clear. Unchanged state is not written again.
      if (!(await this.saved!.get(context))) await this.saved!.set(context, recent);
      await this.options.conversationState!.saveChanges(context);
    }
  }

  /** Checks the conversation's saved ids, and adds this one so the turn's save records it. */
  private async savedAlready(context: TurnContext, now: number): Promise<boolean> {
    const id = context.activity.id!;
    if (!this.saved || !context.activity.conversation?.id || id.length > MAX_SAVED_ID_LENGTH) return false;
    const recent = await this.saved.get(context, { seen: [] });
    const live = (Array.isArray(recent.seen) ? recent.seen : []).filter(
      (entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && now - entry[1] < this.ttlMs,
    );
    if (live.some(([seenId]) => seenId === id)) return true;
    live.push([id, now]);
    recent.seen = live.slice(-MAX_SAVED_IDS);
    await this.saved.set(context, recent);
    return false;
  }

  /** Map keeps insertion order, so the oldest entries are first. */
  private evict(now: number): void {
    for (const [key, at] of this.seen) {
      if (this.seen.size <= this.maxEntries && now - at < this.ttlMs) break;
      this.seen.delete(key);
    }
  }
}
