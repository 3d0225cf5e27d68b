import type { AppConfig } from '../config';
import type { Logger } from '../logging';
import { LowdbStorage } from './lowdbStorage';
import { IndexedMemoryStorage } from './memoryStore';
import type { SweepableStorage } from './sweepable';

/** The store named by STORAGE: lowdb files in DATA_DIR (default), or memory for tests. */
export async function createStorage(
  config: Pick<AppConfig, 'storage' | 'dataDir'>,
  logger?: Logger,
  now?: () => number,
): Promise<SweepableStorage> {
  if (config.storage === 'memory') return new IndexedMemoryStorage(now);
  return LowdbStorage.open(config.dataDir, { logger, now });
}
