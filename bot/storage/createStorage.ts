import type { AppConfig } from '../config';
import type { Logger } from '../logging';
import { LowdbStorage } from './lowdbStorage';
import { IndexedMemoryStorage } from './memoryStore';
import type { SweepableStorage } from './sweepable';

/**
 * The store named by STORAGE: lowdb files in DATA_DIR (default), Azure Blob storage (shared by
 * any number of instances), or memory for tests.
 */
export async function createStorage(
  config: Pick<AppConfig, 'storage' | 'dataDir' | 'blob'>,
  logger?: Logger,
  now?: () => number,
): Promise<SweepableStorage> {
  if (config.storage === 'memory') return new IndexedMemoryStorage(now);
  if (config.storage === 'blob') {
    if (!config.blob) throw new Error('Storage: STORAGE=blob needs its BLOB_ settings (parseConfig checks them).');
    // Loaded only for STORAGE=blob, so the other stores do not carry the Azure Storage SDK.
    const { BlobStore } = require('./blobStore') as typeof import('./blobStore');
    return BlobStore.open(config.blob, { logger, now });
  }
  return LowdbStorage.open(config.dataDir, { logger, now });
}
