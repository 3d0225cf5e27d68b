// A small memo for pure string functions (stemming, spelling correction) that stays bounded by
// bytes as well as by entries, whatever text arrives. A count alone is not enough: the keys are
// words from what people type, and one 5,000-character "word" weighs as much as a thousand real
// ones. Eviction is by two generations (the scheme of quick-lru): new entries go into the
// current map; when it reaches half the budget it becomes the previous map and the one before
// is dropped whole; a hit in the previous map moves the entry back into the current one. Hits
// in the current map cost one lookup (no reordering, unlike a strict LRU), and the words every
// message uses stay cached while one-off words age out.

export interface BoundedCacheOptions<V> {
  /** Most entries held, across both generations. */
  maxEntries: number;
  /** Most bytes held (as estimated by `sizeOf`), across both generations. */
  maxBytes: number;
  /** Keys longer than this are never cached (the caller computes them each time). */
  maxKeyLength?: number;
  /** Estimated bytes of one entry; the default suits a string key and a string (or null) value. */
  sizeOf?: (key: string, value: V) => number;
}

/**
 * What a string costs in V8 on 64-bit without pointer compression (Node's default build): a
 * 16-byte header and the characters, at two bytes each to be safe (a string holding any
 * character above U+00FF is stored two bytes a character).
 */
export const stringBytes = (s: string): number => 16 + 2 * s.length;

/** A Map entry (key, value and chain slots, and its share of the buckets), without what they point to. */
export const MAP_ENTRY_BYTES = 32;

const defaultSizeOf = (key: string, value: unknown): number =>
  MAP_ENTRY_BYTES + stringBytes(key) + (typeof value === 'string' ? stringBytes(value) : 0);

export class BoundedCache<V extends NonNullable<unknown> | null> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private currentBytes = 0;
  private previousBytes = 0;
  private readonly generationEntries: number;
  private readonly generationBytes: number;
  private readonly maxKeyLength: number;
  private readonly sizeOf: (key: string, value: V) => number;

  constructor(options: BoundedCacheOptions<V>) {
    this.generationEntries = Math.max(1, Math.floor(options.maxEntries / 2));
    this.generationBytes = Math.max(1, Math.floor(options.maxBytes / 2));
    this.maxKeyLength = options.maxKeyLength ?? Infinity;
    this.sizeOf = options.sizeOf ?? defaultSizeOf;
  }

  /** Entries held now. */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** Estimated bytes held now. */
  get bytes(): number {
    return this.currentBytes + this.previousBytes;
  }

  /** The cached value, or undefined when the key is not cached. */
  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old === undefined) return undefined;
    // Still in use: back into the current generation, so it survives the next rotation.
    this.previous.delete(key);
    this.previousBytes -= this.sizeOf(key, old);
    this.add(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    const existing = this.current.get(key);
    if (existing !== undefined) {
      this.current.delete(key);
      this.currentBytes -= this.sizeOf(key, existing);
    }
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.previousBytes -= this.sizeOf(key, old);
    }
    this.add(key, value);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
    this.currentBytes = 0;
    this.previousBytes = 0;
  }

  private add(key: string, value: V): void {
    const bytes = this.sizeOf(key, value);
    // Bigger than a whole generation: never worth keeping, and it would evict everything.
    if (bytes > this.generationBytes) return;
    if (this.current.size >= this.generationEntries || this.currentBytes + bytes > this.generationBytes) {
      this.previous = this.current;
      this.previousBytes = this.currentBytes;
      this.current = new Map();
      this.currentBytes = 0;
    }
    this.current.set(key, value);
    this.currentBytes += bytes;
  }
}
