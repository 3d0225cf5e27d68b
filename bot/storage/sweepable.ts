import type { Storage } from 'botbuilder';
import type { StorageHealth } from './storageFault';

/** Which keys the retention sweep may delete: conversation, private-conversation and user state. */
export const isStateKey = (key: string): boolean => /\/(conversations|users)\//.test(key);

/**
 * A store that knows when each key was last written, so idle state can be deleted without
 * reading every item: the lowdb and in-memory stores keep an index, Azure keeps each blob's
 * last-modified time.
 */
export interface SweepableStorage extends Storage {
  readonly kind: 'lowdb' | 'memory' | 'blob';
  /**
   * Deletes every key accepted by `filter` whose last write is older than `cutoff` (ms since the
   * epoch); returns how many were deleted. Must not delete a key written after the check.
   */
  deleteIdle(cutoff: number, filter: (key: string) => boolean): Promise<number>;
  /** Waits for pending writes; safe to call many times. */
  flush(): Promise<void>;
  /** Flushes, then refuses further writes. */
  close(): Promise<void>;
  /** Whether writes work; after a failed write, checks again (at most every few seconds). */
  health(): Promise<StorageHealth>;
}
