import { createHash, randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { TokenCredential } from '@azure/identity';
import { RestError, type ContainerClient, type StorageRetryOptions } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { BlobSettings } from '../config';
import { blobClients, blobFaultCode, describeStartupFailure, READ_DEADLINE_MS, type BlobClients } from './blobClient';
import { StorageFaultError, type StorageHealth } from './storageFault';
import type { SweepableStorage } from './sweepable';

export interface BlobStoreOptions {
  /** Clock for the sweep's cutoff and the health probe; tests inject one. */
  now?: () => number;
  logger?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Retries of each request (see BLOB_RETRY); tests make them fewer. */
  retry?: StorageRetryOptions;
  /** For BLOB_ACCOUNT_URL: the credential instead of DefaultAzureCredential (tests). */
  credential?: TokenCredential;
  /** See READ_DEADLINE_MS; tests shorten it. */
  readDeadlineMs?: number;
}

/** Copies of malformed blobs. Every "/" in a key is escaped in its blob name, so no key lands here. */
export const QUARANTINE_PREFIX = 'quarantine/';
const PROBE_BLOB = 'health/write-probe';
/** After a failed request, the health check tries a probe write at most this often. */
const PROBE_INTERVAL_MS = 5_000;
const SWEEP_BATCH = 16;

/** The blob BlobsStorage keeps a key in: the SDK's own function, so the two cannot disagree. */
export function blobNameForKey(key: string): string {
  return sanitizeBlobKey(key);
}

/**
 * The key a blob holds, as the SDK stored it (empty path segments dropped, so no trailing "/"),
 * or undefined for a blob that is not a key's. The SDK cuts names at 1024 characters, which can
 * split an escape or a character's UTF-8 bytes: the broken tail is dropped rather than the blob
 * being skipped by the sweep for ever.
 */
export function keyForBlobName(name: string): string | undefined {
  if (name.includes('/')) return undefined;
  let encoded = name.replace(/%[0-9A-Fa-f]?$/, '');
  for (let i = 0; i < 4; i++) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      encoded = encoded.replace(/%[0-9A-Fa-f]{2}$/, '');
    }
  }
  return undefined;
}

/** Identifies a blob in logs and in quarantine names without the conversation id it holds. */
const nameHash = (name: string): string => createHash('sha256').update(name).digest('hex').slice(0, 32);

/**
 * The SDK parses each blob with Node's stream/consumers json(), whose SyntaxError may come from
 * another realm (jest's sandbox, a worker), so it is recognised by name.
 */
const isMalformed = (err: unknown): boolean => (err as { name?: unknown } | undefined)?.name === 'SyntaxError';

const statusOf = (err: unknown): number | undefined => (err instanceof RestError ? err.statusCode : undefined);

/**
 * An item without an eTag is written unconditionally (MemoryStorage's rule). The SDK would send
 * it with an empty If-Match header, which Azurite ignores but whose meaning to Azure itself is
 * not defined (an If-Match value must be "*" or an entity tag), so it is sent as "*" instead,
 * on a copy: the caller's objects are not changed.
 */
function unconditionalWithoutETag(changes: StoreItems): StoreItems {
  const out: StoreItems = {};
  for (const [key, item] of Object.entries(changes)) {
    const eTag = (item as { eTag?: unknown } | null)?.eTag;
    out[key] = item && typeof item === 'object' && (eTag === undefined || eTag === null || eTag === '') ? { ...item, eTag: '*' } : item;
  }
  return out;
}

/** Thrown when a read or probe outlives its deadline; a fault with the code "timeout". */
class DeadlineError extends Error {
  override readonly name = 'AbortError';
}

/** `work`, or a DeadlineError after `ms`. The work itself carries on; its result is dropped. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // A late failure of the abandoned work is not an unhandled rejection.
    work.catch(() => undefined);
  }
}

export interface IdleBlob {
  name: string;
  etag: string | undefined;
  quarantined: boolean;
}

/**
 * STORAGE=blob: the Bot Framework SDK's own BlobsStorage (botbuilder-azure-blobs) does every read,
 * write and delete of state, eTags included: a stale eTag is the SDK's "eTag conflict" error
 * (Azure's 412), never a silent overwrite. Around it, what the bot needs from every store:
 *
 * - the retention sweep (`deleteIdle`): lists the container, and deletes state blobs whose
 *   last-modified time is past the cutoff, each only if its eTag is still the listed one, so a
 *   turn that wrote it since (on any instance) wins and several instances can sweep at once;
 * - a malformed blob (not JSON, which makes the SDK's read throw for the whole batch) is copied
 *   to quarantine/, removed, logged and read as missing, as the lowdb store does with a corrupt file;
 * - failures of the service (unreachable, timing out, refusing credentials, 5xx) become a
 *   StorageFaultError, so a turn keeps the person's saved state and /health reports it;
 * - argument checks with MemoryStorage's errors, where the SDK's zod checks throw a ZodError.
 *
 * Unlike the lowdb store, any number of processes may share one container.
 */
export class BlobStore extends BlobsStorage implements SweepableStorage {
  readonly kind = 'blob' as const;
  private readonly client: ContainerClient;
  private readonly now: () => number;
  private readonly logger?: BlobStoreOptions['logger'];
  private readonly readDeadlineMs: number;
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  /** Set by a request the service failed; cleared by the next write or probe that works. */
  private fault?: { reason: string; since: number; probedAt: number };

  private constructor(clients: BlobClients, options: BlobStoreOptions) {
    super(...clients.blobsStorageArgs);
    this.client = clients.client;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.readDeadlineMs = options.readDeadlineMs ?? READ_DEADLINE_MS;
  }

  /**
   * Opens the container (creating it if needed) and fails with an error naming the setting to
   * fix when Azure cannot be reached or refuses the credentials, so a bad setting stops the bot at
   * start-up instead of failing every turn.
   */
  static async open(settings: BlobSettings, options: BlobStoreOptions = {}): Promise<BlobStore> {
    const clients = blobClients(settings, options.retry, options.credential);
    const store = new BlobStore(clients, options);
    try {
      await clients.client.createIfNotExists();
      await store.initialiseSdk();
    } catch (err) {
      throw describeStartupFailure(err, clients, settings.container);
    }
    store.logger?.info({ event: 'storage.open', container: settings.container }, 'storage opened');
    return store;
  }

  /**
   * BlobsStorage creates the container on its first call and keeps that promise for ever, even a
   * rejected one: a first call made while Azure was unreachable would fail every later call of
   * the process. So the first call is made here, after the check above, never in a turn.
   */
  private async initialiseSdk(): Promise<void> {
    await super.read([]);
  }

  override async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    try {
      return await withDeadline(super.read(keys), this.readDeadlineMs);
    } catch (err) {
      // One malformed blob makes the SDK's read of the whole batch fail.
      if (isMalformed(err)) return this.readAroundMalformed(keys);
      throw this.asFault(err);
    }
  }

  override async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    if (this.closed) throw new Error('Storage: cannot write after the store was closed.');
    // MemoryStorage reads an empty array as "no items"; the SDK's zod check refuses it.
    if (Array.isArray(changes) && changes.length === 0) return;
    await this.track(async () => {
      try {
        await super.write(unconditionalWithoutETag(changes));
      } catch (err) {
        throw this.asFault(err);
      }
      this.clearFault();
    });
  }

  override async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.track(async () => {
      try {
        await super.delete(keys);
      } catch (err) {
        throw this.asFault(err);
      }
    });
  }

  async deleteIdle(cutoff: number, filter: (key: string) => boolean): Promise<number> {
    const idle = await this.listIdle(cutoff, filter);
    let deleted = 0;
    for (let i = 0; i < idle.length; i += SWEEP_BATCH) {
      const batch = idle.slice(i, i + SWEEP_BATCH);
      const done = await Promise.all(batch.map((blob) => this.deleteIfUnchanged(blob)));
      // Quarantined copies are purged like lowdb's, and like lowdb's are not counted.
      deleted += batch.filter((blob, j) => done[j] && !blob.quarantined).length;
    }
    return deleted;
  }

  /**
   * State blobs past the cutoff that `filter` accepts, and quarantined copies past it (they may
   * hold personal data, so they follow the same retention). Last-modified is the service's clock
   * and whole seconds: far finer than a retention period in hours.
   */
  async listIdle(cutoff: number, filter: (key: string) => boolean): Promise<IdleBlob[]> {
    const idle: IdleBlob[] = [];
    try {
      for await (const blob of this.client.listBlobsFlat()) {
        if (blob.properties.lastModified.getTime() >= cutoff) continue;
        const entry = { name: blob.name, etag: blob.properties.etag };
        if (blob.name.startsWith(QUARANTINE_PREFIX)) {
          idle.push({ ...entry, quarantined: true });
          continue;
        }
        const key = keyForBlobName(blob.name);
        if (key !== undefined && filter(key)) idle.push({ ...entry, quarantined: false });
      }
    } catch (err) {
      throw this.asFault(err);
    }
    return idle;
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  async health(): Promise<StorageHealth> {
    const fault = this.fault;
    if (!fault) return { ok: true };
    const at = this.now();
    if (at - fault.probedAt >= PROBE_INTERVAL_MS) {
      // A load balancer takes an unhealthy instance out of rotation, so no turn would find out
      // that Azure answers again: the check tries a write itself.
      fault.probedAt = at;
      try {
        const probe = this.client.getBlockBlobClient(PROBE_BLOB);
        // A probe that lands late harms nothing, so it may be given up on.
        await withDeadline(
          (async () => {
            // A container deleted under the running bot is created again, as at start-up (Azure
            // refuses the name for a while after a delete, so that can take a few probes).
            await this.client.createIfNotExists();
            await probe.upload(String(at), String(at).length);
            await probe.deleteIfExists();
          })(),
          this.readDeadlineMs,
        );
        this.clearFault();
        return { ok: true };
      } catch (err) {
        fault.reason = blobFaultCode(err) ?? 'write failed';
      }
    }
    return { ok: false, reason: fault.reason, since: fault.since };
  }

  private async deleteIfUnchanged(blob: IdleBlob): Promise<boolean> {
    try {
      await this.client.deleteBlob(blob.name, { conditions: blob.etag ? { ifMatch: blob.etag } : {} });
      return true;
    } catch (err) {
      // 412: written since it was listed, by a turn on this or another instance, so not idle.
      // 404: another instance's sweep deleted it first.
      const status = statusOf(err);
      if (status === 412 || status === 404) return false;
      throw this.asFault(err);
    }
  }

  private async readAroundMalformed(keys: string[]): Promise<StoreItems> {
    const result: StoreItems = {};
    for (const key of new Set(keys)) Object.assign(result, await this.readOne(key));
    return result;
  }

  private async readOne(key: string, again = false): Promise<StoreItems> {
    try {
      return await withDeadline(super.read([key]), this.readDeadlineMs);
    } catch (err) {
      if (!isMalformed(err)) throw this.asFault(err);
      const moved = await this.quarantine(key);
      // The blob was replaced while being moved aside: read what the writer left.
      if (!moved && !again) return this.readOne(key, true);
      return {};
    }
  }

  /**
   * Copies a malformed blob to quarantine/ and deletes it if it is still the same version.
   * Returns false when a writer replaced it in between (the new version is kept).
   */
  private async quarantine(key: string): Promise<boolean> {
    const name = blobNameForKey(key);
    const source = this.client.getBlobClient(name);
    const hash = nameHash(name);
    try {
      const download = await source.download();
      const body = download.readableStreamBody ? await buffer(download.readableStreamBody) : Buffer.alloc(0);
      const target = `${QUARANTINE_PREFIX}${hash}.${this.now()}.${randomUUID().slice(0, 8)}`;
      await this.client.getBlockBlobClient(target).upload(body, body.length);
      await source.delete({ conditions: download.etag ? { ifMatch: download.etag } : {} });
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return true;
      if (status === 412) return false;
      throw this.asFault(err);
    }
    // The hash identifies nobody; the blob name would show the conversation id.
    this.logger?.warn({ event: 'storage.corrupt', blob: hash, reason: 'not valid JSON' }, 'malformed blob moved to quarantine/');
    return true;
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    const run = work();
    this.pending.add(run);
    try {
      return await run;
    } finally {
      this.pending.delete(run);
    }
  }

  /** A StorageFaultError when `err` means the service cannot be used; otherwise `err` itself. */
  private asFault(err: unknown): unknown {
    const code = blobFaultCode(err);
    if (!code) return err;
    if (!this.fault) {
      const at = this.now();
      this.fault = { reason: code, since: at, probedAt: at };
      this.logger?.error({ event: 'storage.unwritable', code }, 'Azure Blob storage failed a request; saved state is kept');
    }
    return new StorageFaultError(code, err);
  }

  private clearFault(): void {
    if (this.fault) {
      this.logger?.info({ event: 'storage.writable', code: this.fault.reason }, 'Azure Blob storage answers again');
      this.fault = undefined;
    }
  }
}
