import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { HttpError } from './http';

/**
 * One activity in a conversation's log, numbered so a client can ask for "everything after N".
 * It is kept as the JSON a client is sent: a fraction of the memory of the objects (an activity
 * with a card is dozens of them), its size is known exactly, and what was sent stays as it was.
 */
interface LoggedActivity {
  seq: number;
  json: string;
  /** What `json` takes in memory (see jsonStringBytes). */
  bytes: number;
}

/** Default bytes of activities kept for one conversation: a typical chat of ten turns holds 20-30 KB. */
export const DEFAULT_MAX_CONVERSATION_BYTES = 512 * 1024;
/**
 * Default bytes of activities kept for all conversations together. A client only ever needs the
 * activities it has not fetched yet (a page reload starts a new conversation), and those are
 * the newest; 8 MB is the full history of some 300 typical chats at once, and beyond it only
 * the oldest activities of the quietest conversations are let go.
 */
export const DEFAULT_MAX_STORE_BYTES = 8 * 1024 * 1024;

/**
 * Memory a JSON string takes in V8 (64-bit): a 16-byte header and one byte a character, or two
 * when any character is above U+00FF (emoji, curly quotes outside Latin-1, non-Latin scripts).
 */
export function jsonStringBytes(json: string): number {
  return 16 + json.length * (/[^\u0000-\u00ff]/.test(json) ? 2 : 1);
}

export interface Conversation {
  id: string;
  userId: string;
  /** Who opened it (see clientLimits.ts): one client's conversations are capped together. */
  clientKey: string;
  /** True once the client has started it and the bot has been told the user joined. */
  started: boolean;
  /** True once the person has sent something: from then on it is a live chat, never evicted. */
  spoken: boolean;
  createdAt: number;
  lastActiveAt: number;
  nextSeq: number;
  log: LoggedActivity[];
  /** Sum of the log's `bytes`. */
  logBytes: number;
  /** Turns run one after another so replies keep their order. */
  queue: Promise<void>;
  /** Turns posted and not yet finished, so one client cannot queue work without limit. */
  pendingTurns: number;
  listeners: Set<(activities: Partial<Activity>[], watermark: string) => void>;
  /** Called when the conversation is forgotten, e.g. to close its WebSocket. */
  onForget: Set<() => void>;
}

export interface ConversationStoreOptions {
  /** A conversation nobody has touched for this long is forgotten, with everything typed in it. */
  idleMs: number;
  /** However active, a conversation is forgotten this long after it began (RETENTION_HOURS). */
  maxAgeMs?: number;
  /** At most this many conversations are held; beyond it one nobody has spoken in is dropped. */
  maxConversations: number;
  /** At most this many per client; beyond it that client's own silent ones go first, then 429. */
  maxPerClient?: number;
  /** At most this many activities are kept per conversation; older ones fall off. */
  maxActivities: number;
  /**
   * At most this many bytes of activities are kept per conversation (DEFAULT_MAX_CONVERSATION_BYTES);
   * older ones fall off, and the newest one always stays.
   */
  maxConversationBytes?: number;
  /**
   * At most about this many bytes of activities are kept for all conversations together
   * (DEFAULT_MAX_STORE_BYTES). Beyond it the oldest activities of the conversations least
   * recently active fall off first (long since delivered), down to each one's newest activity.
   */
  maxStoreBytes?: number;
  now?: () => number;
}

const newId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The embedded Direct Line channel's conversations, held in memory only: they contain what a
 * resident typed, so they are never written to disk and are forgotten after a short idle time.
 * (The bot's own dialog state is separate and follows RETENTION_HOURS.)
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  /** How many conversations each client holds now. */
  private readonly perClient = new Map<string, number>();
  private readonly now: () => number;
  private readonly maxConversationBytes: number;
  private readonly maxStoreBytes: number;
  /** Sum of every conversation's `logBytes`. */
  private storedBytes = 0;

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversationBytes = options.maxConversationBytes ?? DEFAULT_MAX_CONVERSATION_BYTES;
    this.maxStoreBytes = options.maxStoreBytes ?? DEFAULT_MAX_STORE_BYTES;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities held for all conversations. */
  get bytes(): number {
    return this.storedBytes;
  }

  create(clientKey = 'unknown'): Conversation {
    this.sweep();
    const maxPerClient = this.options.maxPerClient ?? Infinity;
    if (this.countFor(clientKey) >= maxPerClient) {
      // One client's many silent conversations cost only that client its oldest silent one.
      const own = this.silentest((c) => c.clientKey === clientKey);
      if (!own) throw new HttpError(429, 'Too many chats are open from this connection. Please close one, or try again later. If someone is in immediate danger, call 999.', { 'Retry-After': '60' });
      this.forget(own.id);
    }
    if (this.conversations.size >= this.options.maxConversations) {
      // Make room only by dropping a conversation nobody has said anything in: evicting live
      // chats would let anyone end every resident's conversation (someone mid-disclosure
      // included) just by asking for tokens; when every place is a live chat, new ones wait.
      const silent = this.silentest(() => true);
      if (!silent) throw new HttpError(503, 'The chat is busy. Please try again in a few minutes. If someone is in immediate danger, call 999.', { 'Retry-After': '60' });
      this.forget(silent.id);
    }
    const at = this.now();
    const conversation: Conversation = {
      id: newId(18),
      userId: `dl_${newId(12)}`,
      clientKey,
      started: false,
      spoken: false,
      createdAt: at,
      lastActiveAt: at,
      nextSeq: 0,
      log: [],
      logBytes: 0,
      queue: Promise.resolve(),
      pendingTurns: 0,
      listeners: new Set(),
      onForget: new Set(),
    };
    this.conversations.set(conversation.id, conversation);
    this.perClient.set(clientKey, this.countFor(clientKey) + 1);
    return conversation;
  }

  /** The live conversation with this id, or undefined when unknown or idle past its time. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isExpired(conversation)) {
      this.forget(id);
      return undefined;
    }
    return conversation;
  }

  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Adds activities to the log, giving each its id; returns them as stored and tells listeners. */
  append(conversation: Conversation, activities: Partial<Activity>[]): Partial<Activity>[] {
    const stored = activities.map((activity) => {
      const seq = conversation.nextSeq++;
      const withId = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` };
      const json = serialise(withId);
      // One that cannot be serialised could never be sent: it keeps its place in the numbering only.
      if (json !== undefined) {
        const bytes = jsonStringBytes(json);
        conversation.log.push({ seq, json, bytes });
        conversation.logBytes += bytes;
        if (this.conversations.get(conversation.id) === conversation) this.storedBytes += bytes;
      }
      return withId;
    });
    // Count and bytes per conversation: the oldest fall off, the newest always stays.
    let drop = Math.max(0, conversation.log.length - this.options.maxActivities);
    let bytes = conversation.logBytes;
    for (let i = 0; i < drop; i++) bytes -= conversation.log[i].bytes;
    while (drop < conversation.log.length - 1 && bytes > this.maxConversationBytes) bytes -= conversation.log[drop++].bytes;
    this.dropOldest(conversation, drop);
    if (this.storedBytes > this.maxStoreBytes) this.trimStore();
    if (stored.length > 0) {
      const watermark = this.watermarkOf(conversation);
      for (const listener of conversation.listeners) listener(stored, watermark);
    }
    return stored;
  }

  /** Activities after the watermark (all of them when it is empty or not a number). */
  activitiesAfter(conversation: Conversation, watermark: string | undefined): { activities: Partial<Activity>[]; watermark: string } {
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : -1;
    const activities = conversation.log.filter((entry) => entry.seq > after).map((entry) => JSON.parse(entry.json) as Partial<Activity>);
    return { activities, watermark: this.watermarkOf(conversation) };
  }

  /** Removes the first `count` activities of a conversation's log. */
  private dropOldest(conversation: Conversation, count: number): void {
    if (count <= 0) return;
    let bytes = 0;
    for (let i = 0; i < count; i++) bytes += conversation.log[i].bytes;
    conversation.log.splice(0, count);
    conversation.logBytes -= bytes;
    if (this.conversations.get(conversation.id) === conversation) this.storedBytes -= bytes;
  }

  /**
   * Over the store's budget: the conversations least recently active first (Map order, touch()
   * re-inserts) lose their oldest activities, which their clients fetched long ago, down to
   * their newest one, until the store is back under budget.
   */
  private trimStore(): void {
    for (const conversation of this.conversations.values()) {
      if (this.storedBytes <= this.maxStoreBytes) return;
      let drop = 0;
      let excess = this.storedBytes - this.maxStoreBytes;
      while (drop < conversation.log.length - 1 && excess > 0) excess -= conversation.log[drop++].bytes;
      this.dropOldest(conversation, drop);
    }
  }

  watermarkOf(conversation: Conversation): string {
    return conversation.nextSeq === 0 ? '' : String(conversation.nextSeq - 1);
  }

  /** Marks a conversation as live: the person has said something in it. */
  markSpoken(conversation: Conversation): void {
    if (conversation.spoken) return;
    conversation.spoken = true;
  }

  private countFor(clientKey: string): number {
    return this.perClient.get(clientKey) ?? 0;
  }

  /**
   * The conversation to drop first among those `which` accepts: never started before started,
   * then the least recently active (Map order: touch() re-inserts). Live chats never qualify.
   */
  private silentest(which: (c: Conversation) => boolean): Conversation | undefined {
    let started: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (conversation.spoken || !which(conversation)) continue;
      if (!conversation.started) return conversation;
      started ??= conversation;
    }
    return started;
  }

  /** Forgets every conversation idle past its time. */
  sweep(): number {
    let removed = 0;
    for (const [id, conversation] of this.conversations) {
      if (this.isExpired(conversation)) {
        this.forget(id);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    for (const id of [...this.conversations.keys()]) this.forget(id);
  }

  private forget(id: string): void {
    const conversation = this.conversations.get(id);
    this.conversations.delete(id);
    if (!conversation) return;
    const left = this.countFor(conversation.clientKey) - 1;
    if (left > 0) this.perClient.set(conversation.clientKey, left);
    else this.perClient.delete(conversation.clientKey);
    this.storedBytes -= conversation.logBytes;
    conversation.log.length = 0;
    conversation.logBytes = 0;
    for (const hook of conversation.onForget) hook();
    conversation.onForget.clear();
    conversation.listeners.clear();
  }

  private isExpired(conversation: Conversation): boolean {
    const now = this.now();
    if (now - conversation.lastActiveAt > this.options.idleMs) return true;
    return this.options.maxAgeMs !== undefined && now - conversation.createdAt > this.options.maxAgeMs;
  }
}

/** The JSON of an activity, or undefined when it cannot be serialised (a cycle, a BigInt). */
function serialise(activity: Partial<Activity>): string | undefined {
  try {
    return JSON.stringify(activity);
  } catch {
    return undefined;
  }
}
