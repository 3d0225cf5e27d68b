import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { lock } from 'proper-lockfile';

/** A lock is stale when its owner has not touched it for this long (it refreshes every 5 s). */
const STALE_MS = 10_000;
const LOCK_NAME = 'owner.lock';
const OWNER_FILE = 'owner.json';

/** Who holds a data folder, written beside the lock so a person can see it. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** A second process tried to use a data folder that another live process owns. */
export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string, readonly owner: LockOwner | undefined) {
    const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : 'another process';
    super(
      `DATA_DIR ${dataDir} is in use by ${who}. One process owns a data folder: give this one its own ` +
        'DATA_DIR, or stop the other process first.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLockOptions {
  logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** How long to wait for a lock left by a process that died without releasing it. */
  waitForStaleMs?: number;
}

async function readOwner(dataDir: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dataDir, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string') {
      return parsed as LockOwner;
    }
  } catch {
    // Missing or unreadable: the owner is unknown, which the error message says.
  }
  return undefined;
}

/**
 * Whether the owner is running: only knowable for another pid on this machine. Our own pid
 * proves nothing (in a container every process is pid 1, and tests open a folder twice).
 */
function ownerState(owner: LockOwner | undefined): 'alive' | 'dead' | 'unknown' {
  if (!owner || owner.host !== hostname()) return 'unknown';
  if (owner.pid === process.pid) return 'unknown';
  try {
    process.kill(owner.pid, 0);
    return 'alive';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EPERM: the pid exists but belongs to someone else.
    return code === 'ESRCH' ? 'dead' : code === 'EPERM' ? 'alive' : 'unknown';
  }
}

/**
 * Makes this process the only one using `dataDir`. Two processes writing one folder delete each
 * other's temporary files and lose updates, so a second one must stop with a clear error.
 *
 * The lock is a directory (proper-lockfile: atomic mkdir, refreshed while held, stale when its
 * owner stops refreshing it), so it also works when the folder is on a network share. When the
 * owner is another pid on this machine, its liveness decides at once: running means a clear error,
 * gone means the lock is taken. An owner that cannot be checked (another host, a restarted
 * container) is waited for until its lock is stale. Returns the release function.
 */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): Promise<() => Promise<void>> {
  const lockfilePath = path.join(dataDir, LOCK_NAME);
  const waitMs = options.waitForStaleMs ?? STALE_MS + 2_000;
  const attempt = () =>
    lock(dataDir, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      retries: { retries: Math.max(0, Math.ceil(waitMs / 1_000)), factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
      onCompromised: (err) => {
        // Someone removed or took the lock: carrying on would mean two writers. The throw
        // reaches the process's uncaught-exception handler, which exits so a supervisor restarts.
        options.logger?.error({ event: 'storage.lock.lost', err }, 'lost the lock on the data folder');
        throw err;
      },
    });

  let release: () => Promise<void>;
  try {
    release = await lock(dataDir, { lockfilePath, realpath: false, stale: STALE_MS });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = await readOwner(dataDir);
    const state = ownerState(owner);
    if (state === 'alive') throw new DataDirInUseError(dataDir, owner);
    if (state === 'dead') {
      options.logger?.warn({ event: 'storage.lock.stale', pid: owner?.pid }, 'taking over a lock left by a process that stopped');
      await rm(lockfilePath, { recursive: true, force: true });
      release = await attempt();
    } else {
      options.logger?.warn({ event: 'storage.lock.wait', pid: owner?.pid }, 'data folder is locked; waiting in case its owner stopped');
      try {
        release = await attempt();
      } catch (waitErr) {
        if ((waitErr as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dataDir, await readOwner(dataDir));
        throw waitErr;
      }
    }
  }

  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  await writeFile(path.join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  return async () => {
    await rm(path.join(dataDir, OWNER_FILE), { force: true });
    await release();
  };
}
