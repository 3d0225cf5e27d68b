import { createHash, randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { lockDataDir } from './dataDirLock';
import { faultCode, StorageFaultError, type StorageHealth } from './storageFault';
import type { SweepableStorage } from './sweepable';

/** What one file holds: a single storage key, so a turn only ever touches its own files. */
export interface StoredRecord {
  key: string;
  eTag: string;
  /** ms since the epoch; drives the retention sweep. */
  lastWrite: number;
  value: Record<string, unknown>;
}

export interface LowdbStorageOptions {
  /** Clock for lastWrite; tests inject one. */
  now?: () => number;
  logger?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** How long to wait for a lock that may have been left by a crashed process. */
  waitForStaleLockMs?: number;
}

const STATE_DIR = 'state';
const QUARANTINE_DIR = 'quarantine';
const SCAN_BATCH = 64;
/** After a failed write, the health check tries a probe write at most this often. */
const PROBE_INTERVAL_MS = 5_000;
const PROBE_FILE = '.write-probe';
/** No record comes near this; a bigger file is not ours and is not read into memory. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * The bytes a key's file name is hashed from, one-to-one with the key. UTF-8 cannot hold a lone
 * surrogate (it becomes U+FFFD, so "x\ud800" and "x\ufffd" would share a file); such a key is
 * hashed as UTF-16 code units behind a 0xFF byte, which never occurs in UTF-8. Well-formed keys
 * keep their UTF-8 hash, so existing stores keep their file names.
 */
function keyBytes(key: string): Buffer {
  const utf8 = Buffer.from(key, 'utf8');
  if (utf8.toString('utf8') === key) return utf8;
  return Buffer.concat([Buffer.from([0xff]), Buffer.from(key, 'utf16le')]);
}

/** The file for a key: a SHA-256 of the key's bytes, sharded by its first two hex digits. */
export function fileNameForKey(key: string): { shard: string; name: string } {
  const hash = createHash('sha256').update(keyBytes(key)).digest('hex');
  return { shard: hash.slice(0, 2), name: `${hash}.json` };
}

function isRecord(data: unknown): data is StoredRecord {
  if (typeof data !== 'object' || data === null) return false;
  const r = data as Partial<StoredRecord>;
  return (
    typeof r.key === 'string' &&
    typeof r.eTag === 'string' &&
    typeof r.lastWrite === 'number' &&
    typeof r.value === 'object' &&
    r.value !== null
  );
}

class CorruptFileError extends Error {}

/**
 * Bot Framework `Storage` on lowdb with the contract of botbuilder's MemoryStorage, one small JSON
 * file per key. lowdb's file adapter (steno) writes a temporary file and renames it over the old
 * one, so a crash mid-write leaves either the old or the new content, never a torn file.
 *
 * One process owns a data directory: eTag checks are made race-free by running every write and
 * delete of a key through an in-process queue for that key.
 */
export class LowdbStorage implements SweepableStorage {
  readonly kind = 'lowdb' as const;
  private readonly stateDir: string;
  private readonly quarantineDir: string;
  private readonly now: () => number;
  private readonly logger?: LowdbStorageOptions['logger'];
  /** key -> lastWrite for every stored key; lets the sweep and unknown-key reads skip the disk. */
  private readonly lastWrites = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;
  private releaseLock?: () => Promise<void>;
  /** Set by a write the file system refused; cleared by the next write or probe that works. */
  private fault?: { reason: string; since: number; probedAt: number };

  private constructor(readonly dataDir: string, options: LowdbStorageOptions) {
    this.stateDir = path.join(dataDir, STATE_DIR);
    this.quarantineDir = path.join(dataDir, QUARANTINE_DIR);
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
  }

  /**
   * Opens (creating if needed) a store in `dataDir` and indexes what is already there: the only
   * step whose cost grows with the number of stored conversations, and it runs once at start-up.
   */
  static async open(dataDir: string, options: LowdbStorageOptions = {}): Promise<LowdbStorage> {
    const storage = new LowdbStorage(path.resolve(dataDir), options);
    await mkdir(storage.stateDir, { recursive: true });
    storage.releaseLock = await lockDataDir(storage.dataDir, {
      logger: options.logger,
      waitForStaleMs: options.waitForStaleLockMs,
    });
    try {
      await storage.buildIndex();
    } catch (err) {
      await storage.releaseLock?.();
      throw err;
    }
    return storage;
  }

  /** How many keys are stored. */
  get size(): number {
    return this.lastWrites.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const result: StoreItems = {};
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        if (!this.lastWrites.has(key)) return;
        const record = await this.load(key);
        if (record) result[key] = { ...record.value, eTag: record.eTag };
      }),
    );
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    if (this.closed) throw new Error('Storage: cannot write after the store was closed.');
    // Like MemoryStorage, a conflict on one key does not stop the others; the call still rejects.
    const outcomes = await Promise.allSettled(
      Object.keys(changes).map((key) => this.withKey(key, () => this.writeOne(key, changes[key]))),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all([...new Set(keys)].map((key) => this.withKey(key, () => this.remove(key))));
  }

  async deleteIdle(cutoff: number, filter: (key: string) => boolean): Promise<number> {
    const candidates = [...this.lastWrites].filter(([key, at]) => at < cutoff && filter(key)).map(([key]) => key);
    let deleted = 0;
    for (const key of candidates) {
      await this.withKey(key, async () => {
        // Re-check inside the key's queue: a turn may have written it since the list was made.
        const at = this.lastWrites.get(key);
        if (at !== undefined && at < cutoff) {
          await this.remove(key);
          deleted++;
        }
      });
    }
    await this.purgeQuarantine(cutoff);
    return deleted;
  }

  async flush(): Promise<void> {
    while (this.queues.size > 0) {
      await Promise.all(this.queues.values());
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    const release = this.releaseLock;
    this.releaseLock = undefined;
    await release?.();
  }

  async health(): Promise<StorageHealth> {
    const fault = this.fault;
    if (!fault) return { ok: true };
    const at = this.now();
    if (at - fault.probedAt >= PROBE_INTERVAL_MS) {
      // Nobody can write while unhealthy if a load balancer takes us out of rotation, so the
      // check itself tries a write to find out whether the folder works again.
      fault.probedAt = at;
      const probe = path.join(this.dataDir, PROBE_FILE);
      try {
        await writeFile(probe, String(at));
        await unlink(probe);
        this.clearFault();
        return { ok: true };
      } catch (err) {
        fault.reason = faultCode(err) ?? 'write failed';
      }
    }
    return { ok: false, reason: fault.reason, since: fault.since };
  }

  private noteFault(code: string): void {
    if (!this.fault) {
      const at = this.now();
      this.fault = { reason: code, since: at, probedAt: at };
      this.logger?.error({ event: 'storage.unwritable', code }, 'the data folder refused a write; saved state is kept');
    }
  }

  private clearFault(): void {
    if (this.fault) {
      this.logger?.info({ event: 'storage.writable', code: this.fault.reason }, 'the data folder takes writes again');
      this.fault = undefined;
    }
  }

  private pathFor(key: string): { dir: string; file: string } {
    const { shard, name } = fileNameForKey(key);
    const dir = path.join(this.stateDir, shard);
    return { dir, file: path.join(dir, name) };
  }

  private async writeOne(key: string, item: StoreItems[string]): Promise<void> {
    if (typeof item !== 'object' || item === null) {
      throw new TypeError(`Storage: error writing "${key}": the item must be an object.`);
    }
    const { eTag, ...rest } = item as Record<string, unknown> & { eTag?: unknown };
    if (this.lastWrites.has(key) && eTag && eTag !== '*') {
      const current = await this.load(key);
      if (current && current.eTag !== eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    const record: StoredRecord = {
      key,
      eTag: randomUUID(),
      lastWrite: this.now(),
      // Round-trip through JSON so the stored value never aliases the caller's objects.
      value: JSON.parse(JSON.stringify(rest)) as Record<string, unknown>,
    };
    const { dir, file } = this.pathFor(key);
    try {
      await mkdir(dir, { recursive: true });
      // steno writes a temporary file and renames it over the old one: when the disk is full or
      // read-only the old file, the person's last saved state, is still there.
      const db = new Low<StoredRecord>(new JSONFile<StoredRecord>(file), record);
      await db.write();
    } catch (err) {
      const code = faultCode(err);
      if (!code) throw err;
      this.noteFault(code);
      throw new StorageFaultError(code, err);
    }
    this.clearFault();
    this.lastWrites.set(key, record.lastWrite);
  }

  private async remove(key: string): Promise<void> {
    try {
      await rm(this.pathFor(key).file, { force: true });
    } catch (err) {
      const code = faultCode(err);
      if (!code) throw err;
      this.noteFault(code);
      throw new StorageFaultError(code, err);
    }
    this.lastWrites.delete(key);
  }

  /** Reads a key's file; a corrupt file is moved aside and treated as missing. */
  private async load(key: string): Promise<StoredRecord | undefined> {
    const { file } = this.pathFor(key);
    try {
      const record = await this.readRecord(file);
      if (!record) {
        this.lastWrites.delete(key);
        return undefined;
      }
      if (record.key !== key) {
        // Only a SHA-256 collision or a hand-edited file could get here.
        throw new CorruptFileError('file holds a different key');
      }
      return record;
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      await this.quarantine(file, err.message);
      this.lastWrites.delete(key);
      return undefined;
    }
  }

  private async readRecord(file: string): Promise<StoredRecord | null> {
    const db = new Low<StoredRecord | null>(new JSONFile<StoredRecord | null>(file), null);
    try {
      await db.read();
    } catch (err) {
      if (err instanceof SyntaxError) throw new CorruptFileError('not valid JSON');
      if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new CorruptFileError('not a regular file');
      const code = faultCode(err);
      if (code) throw new StorageFaultError(code, err);
      throw err;
    }
    if (db.data === null) return null;
    if (!isRecord(db.data)) throw new CorruptFileError('not a storage record');
    return db.data;
  }

  /**
   * Moves a file (or anything else found where a state file should be) out of the way. Renaming
   * never opens it, so a directory, FIFO or socket is moved just the same. If even that fails the
   * entry is left and skipped: an odd file must never stop the store from opening.
   */
  private async quarantine(file: string, reason: string): Promise<void> {
    const target = path.join(this.quarantineDir, `${path.basename(file, '.json')}.${this.now()}.${randomUUID().slice(0, 8)}.json`);
    try {
      await mkdir(this.quarantineDir, { recursive: true });
      await rename(file, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      this.logger?.warn({ event: 'storage.skipped', file: path.basename(file), reason, code: (err as NodeJS.ErrnoException).code }, 'odd entry in the state folder skipped');
      return;
    }
    // The file name is a hash, so it identifies nobody.
    this.logger?.warn({ event: 'storage.corrupt', file: path.basename(file), reason }, 'corrupt storage file moved aside');
  }

  /** Quarantined files may hold personal data, so they follow the same retention. */
  private async purgeQuarantine(cutoff: number): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.quarantineDir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.quarantineDir, name);
      const info = await lstat(file).catch(() => undefined);
      // Recursive, because a directory found among the state files is quarantined too.
      if (info && info.mtimeMs < cutoff) await rm(file, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async buildIndex(): Promise<void> {
    const shards = await readdir(this.stateDir, { withFileTypes: true });
    for (const shard of shards) {
      const dir = path.join(this.stateDir, shard.name);
      if (!shard.isDirectory()) {
        this.logger?.warn({ event: 'storage.skipped', file: shard.name, reason: 'not a shard folder' }, 'odd entry in the state folder skipped');
        continue;
      }
      const entries = await readdir(dir, { withFileTypes: true });
      // Only regular files are ever read: opening a FIFO would hang start-up, a directory throws.
      const odd = entries.filter((e) => !e.isFile());
      await Promise.all(odd.map((e) => this.quarantine(path.join(dir, e.name), 'not a regular file')));
      const names = entries.filter((e) => e.isFile()).map((e) => e.name);
      // A temporary file left by a crash mid-write: the rename never happened, so the old
      // content (if any) is intact and the temporary is useless. Safe to delete because this
      // process holds the folder's lock, so no other process is mid-write.
      const strays = names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'));
      await Promise.all(strays.map((n) => rm(path.join(dir, n), { force: true })));
      const files = names.filter((n) => !n.startsWith('.') && n.endsWith('.json'));
      for (let i = 0; i < files.length; i += SCAN_BATCH) {
        await Promise.all(files.slice(i, i + SCAN_BATCH).map((n) => this.indexFile(path.join(dir, n))));
      }
    }
    this.logger?.info({ event: 'storage.open', keys: this.lastWrites.size }, 'storage opened');
  }

  private async indexFile(file: string): Promise<void> {
    try {
      const info = await lstat(file);
      if (!info.isFile() || info.size > MAX_RECORD_BYTES) {
        await this.quarantine(file, info.isFile() ? 'too large to be a record' : 'not a regular file');
        return;
      }
      const record = await this.readRecord(file);
      if (record && path.basename(file) === fileNameForKey(record.key).name) {
        // A lastWrite in the future (a clock put back, a copied file) counts as now: otherwise
        // the sweep would never reach it and it would outlive its retention.
        this.lastWrites.set(record.key, Math.min(record.lastWrite, this.now()));
      } else if (record) {
        await this.quarantine(file, 'file name does not match its key');
      }
    } catch (err) {
      if (err instanceof CorruptFileError) {
        await this.quarantine(file, err.message);
      } else {
        // Unreadable (permissions, a failing disk): skipped, so one bad file cannot stop start-up.
        const code = (err as NodeJS.ErrnoException).code ?? (err as { code?: string }).code;
        this.logger?.warn({ event: 'storage.skipped', file: path.basename(file), code }, 'unreadable state file skipped');
      }
    }
  }

  /** Runs `fn` after every earlier queued operation on the same key. */
  private withKey<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }
}
