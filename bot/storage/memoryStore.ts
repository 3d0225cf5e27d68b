import { MemoryStorage, type StoreItems } from 'botbuilder';
import type { StorageHealth } from './storageFault';
import type { SweepableStorage } from './sweepable';

/**
 * botbuilder's MemoryStorage plus the last-write index the retention sweep needs. For tests and
 * `STORAGE=memory`; everything is lost when the process exits.
 */
export class IndexedMemoryStorage extends MemoryStorage implements SweepableStorage {
  readonly kind = 'memory' as const;
  private readonly lastWrites = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  override async write(changes: StoreItems): Promise<void> {
    // Stamp first: a key whose write is rejected for an eTag conflict just lives a little longer.
    if (changes) for (const key of Object.keys(changes)) this.lastWrites.set(key, this.now());
    await super.write(changes);
  }

  override async delete(keys: string[]): Promise<void> {
    await super.delete(keys);
    // MemoryStorage sets a deleted key to undefined and keeps the key: remove it, or every
    // conversation ever swept would stay in memory as an empty slot.
    for (const key of keys) {
      delete this.memory[key];
      this.lastWrites.delete(key);
    }
  }

  /** How many keys are held (for tests). */
  get size(): number {
    return Object.keys(this.memory).length;
  }

  async deleteIdle(cutoff: number, filter: (key: string) => boolean): Promise<number> {
    const idle = [...this.lastWrites].filter(([key, at]) => at < cutoff && filter(key)).map(([key]) => key);
    await this.delete(idle);
    return idle.length;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}

  async health(): Promise<StorageHealth> {
    return { ok: true };
  }
}
