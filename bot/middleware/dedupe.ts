import type { Middleware, TurnContext } from 'botbuilder';

export interface DedupeOptions {
  /** How long an activity id is remembered; the Bot Connector retries after about 15 s. */
  ttlMs?: number;
  /** Upper bound on remembered ids, so memory stays flat under load. */
  maxEntries?: number;
  now?: () => number;
  onDuplicate?: (context: TurnContext) => void;
}

/**
 * Runs each activity once. The Bot Connector redelivers an activity when the bot was slow to
 * answer; a redelivery with the same channel, conversation and activity id is dropped without
 * running the turn. With `deliveryMode: "expectReplies"` the duplicate gets 200 with no replies.
 * Activities without an id cannot be told apart and always run.
 */
export class DedupeMiddleware implements Middleware {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: DedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.seen.size;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!activity.id) return next();
    const key = `${activity.channelId}\u0000${activity.conversation?.id}\u0000${activity.id}`;
    const now = this.now();
    this.evict(now);
    const seenAt = this.seen.get(key);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) {
      this.options.onDuplicate?.(context);
      return;
    }
    // Remembered before the turn runs, so a retry arriving mid-turn is dropped too.
    this.seen.delete(key);
    this.seen.set(key, now);
    await next();
  }

  /** Map keeps insertion order, so the oldest entries are first. */
  private evict(now: number): void {
    for (const [key, at] of this.seen) {
      if (this.seen.size <= this.maxEntries && now - at < this.ttlMs) break;
      this.seen.delete(key);
    }
  }
}
