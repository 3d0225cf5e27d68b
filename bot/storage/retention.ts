import { isStateKey, type SweepableStorage } from './sweepable';

export interface RetentionOptions {
  storage: SweepableStorage;
  retentionHours: number;
  sweepMinutes: number;
  now?: () => number;
  /** Keys the sweep may delete; conversation and user state by default. */
  filter?: (key: string) => boolean;
  logger?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * Deletes conversation and user state idle for longer than the retention period, so nothing a
 * resident typed outlives it. Runs every `sweepMinutes`; the timer never keeps the process alive.
 */
export class RetentionSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly now: () => number;
  private readonly filter: (key: string) => boolean;

  constructor(private readonly options: RetentionOptions) {
    this.now = options.now ?? Date.now;
    this.filter = options.filter ?? isStateKey;
  }

  get retentionMs(): number {
    return this.options.retentionHours * HOUR_MS;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.options.sweepMinutes * MINUTE_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep; overlapping calls share the sweep already running. Never rejects. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const cutoff = this.now() - this.retentionMs;
    try {
      const deleted = await this.options.storage.deleteIdle(cutoff, this.filter);
      this.options.logger?.info({ event: 'retention.sweep', deleted }, 'retention sweep');
      return deleted;
    } catch (err) {
      this.options.logger?.error({ event: 'retention.sweep', err }, 'retention sweep failed');
      return 0;
    }
  }
}
