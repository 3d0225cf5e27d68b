// The lowdb store when the disk misbehaves: another process on the same folder, odd entries
// among the state files, a disk that is full or refuses writes, and keys UTF-8 cannot tell apart.
// The faults are real kernel errors (ENOSPC from /dev/full, EACCES from sysfs), not mocks.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DataDirInUseError } from '../../bot/storage/dataDirLock';
import { fileNameForKey, LowdbStorage } from '../../bot/storage/lowdbStorage';
import { StorageFaultError } from '../../bot/storage/storageFault';
import { makeTempDir } from '../helpers/tempDir';

describe('LowdbStorage faults', () => {
  let dir: string;
  let remove: () => Promise<void>;
  const open: LowdbStorage[] = [];

  async function openStore(options?: Parameters<typeof LowdbStorage.open>[1]): Promise<LowdbStorage> {
    const store = await LowdbStorage.open(dir, { waitForStaleLockMs: 0, ...options });
    open.push(store);
    return store;
  }

  function fileOf(key: string): string {
    const { shard, name } = fileNameForKey(key);
    return path.join(dir, 'state', shard, name);
  }

  /** The temporary file steno writes before renaming it over the key's file. */
  function tempOf(key: string): string {
    const file = fileOf(key);
    return path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  beforeEach(async () => {
    ({ dir, remove } = await makeTempDir('eha-faults-'));
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await remove();
  });

  describe('one process owns a data folder', () => {
    test('a second store on the same folder fails with a clear error naming the owner', async () => {
      await openStore();
      const error = await LowdbStorage.open(dir, { waitForStaleLockMs: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirInUseError);
      expect((error as Error).message).toContain(`process ${process.pid}`);
      expect((error as Error).message).toContain('One process owns a data folder');
    });

    test('after close the folder can be opened again, and the owner file is gone', async () => {
      const first = await openStore();
      expect(JSON.parse(await readFile(path.join(dir, 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid });
      await first.close();
      expect(await readdir(dir)).not.toContain('owner.json');
      await expect(openStore()).resolves.toBeInstanceOf(LowdbStorage);
    });

    test('a lock left by a process that died on this machine is taken at once', async () => {
      // A real pid that is no longer running, and the lock it would have left behind.
      const child = spawn(process.execPath, ['-e', '0']);
      const deadPid = child.pid!;
      await new Promise((resolve) => child.on('exit', resolve));
      await mkdir(path.join(dir, 'owner.lock'));
      const host = hostname();
      await writeFile(path.join(dir, 'owner.json'), JSON.stringify({ pid: deadPid, host, since: new Date().toISOString() }));

      const started = Date.now();
      await expect(openStore()).resolves.toBeInstanceOf(LowdbStorage);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    test('another live process holding the folder keeps it', async () => {
      // A real second process (compiled store) holds the lock while this one tries.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(path.resolve('dist/bot/storage/lowdbStorage.js'))}).LowdbStorage.open(${JSON.stringify(dir)})` +
            `.then(() => { console.log('ready'); setInterval(() => {}, 1000); })`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          holder.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
          holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
        });
        const error = await LowdbStorage.open(dir, { waitForStaleLockMs: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DataDirInUseError);
        expect((error as Error).message).toContain(`process ${holder.pid}`);
      } finally {
        holder.kill('SIGKILL');
      }
    });
  });

  describe('odd entries in the state folder never stop start-up', () => {
    test('a directory, a FIFO, a symlink, a huge file and a stray file are moved aside or skipped', async () => {
      const first = await openStore();
      await first.write({ 'webchat/conversations/good': { step: 2 } });
      await first.close();

      const shard = path.join(dir, 'state', 'ab');
      await mkdir(shard, { recursive: true });
      await mkdir(path.join(shard, `${'a'.repeat(64)}.json`));
      execFileSync('mkfifo', [path.join(shard, `${'b'.repeat(64)}.json`)]);
      await symlink('/etc/hostname', path.join(shard, `${'c'.repeat(64)}.json`));
      await writeFile(path.join(shard, `${'d'.repeat(64)}.json`), Buffer.alloc(5 * 1024 * 1024, 0x20));
      await writeFile(path.join(dir, 'state', 'not-a-shard'), 'x');

      const warnings: object[] = [];
      const logger = { warn: (o: object) => warnings.push(o), info: () => {}, error: () => {} };
      const second = await openStore({ logger });
      expect((await second.read(['webchat/conversations/good']))['webchat/conversations/good']).toMatchObject({ step: 2 });
      expect(second.size).toBe(1);
      expect(await readdir(shard)).toEqual([]);
      expect((await readdir(path.join(dir, 'quarantine'))).length).toBe(4);
      expect(warnings).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'storage.skipped', file: 'not-a-shard' })]));
    });

    test('a directory where a key file should be is moved aside on read, and the key can be written again', async () => {
      const store = await openStore();
      await store.write({ k: { n: 1 } });
      await unlink(fileOf('k'));
      await mkdir(fileOf('k'));
      expect(await store.read(['k'])).toEqual({});
      await store.write({ k: { n: 2 } });
      expect((await store.read(['k'])).k.n).toBe(2);
    });
  });

  describe('a disk that refuses writes keeps the saved state', () => {
    test('disk full: the write fails with ENOSPC, the old state stays, health says so, then recovers', async () => {
      let clock = 1_000_000;
      const store = await openStore({ now: () => clock });
      await store.write({ k: { n: 1 } });
      const { k } = await store.read(['k']);

      await symlink('/dev/full', tempOf('k'));
      const error = await store.write({ k: { ...k, n: 2 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageFaultError);
      expect((error as StorageFaultError).code).toBe('ENOSPC');
      expect((await store.read(['k'])).k.n).toBe(1);
      expect(await store.health()).toEqual({ ok: false, reason: 'ENOSPC', since: clock });

      // Space again: the next health check (after the probe interval) finds the folder writable.
      await unlink(tempOf('k'));
      clock += 1_000;
      expect((await store.health()).ok).toBe(false);
      clock += 5_000;
      expect(await store.health()).toEqual({ ok: true });
      await store.write({ k: { ...(await store.read(['k'])).k, n: 3 } });
      expect((await store.read(['k'])).k.n).toBe(3);
    });

    test('permission denied: the write fails with EACCES and a later successful write clears the fault', async () => {
      const store = await openStore();
      await store.write({ k: { n: 1 } });
      // sysfs refuses new files even to root.
      await symlink('/sys/kernel/eha-test-file', tempOf('k'));
      await expect(store.write({ k: { n: 2 } })).rejects.toMatchObject({ code: 'EACCES' });
      expect((await store.health()).ok).toBe(false);
      expect((await store.read(['k'])).k.n).toBe(1);
      await unlink(tempOf('k'));
      await store.write({ k: { n: 3 } });
      expect(await store.health()).toEqual({ ok: true });
    });
  });

  describe('file names', () => {
    test('keys that UTF-8 would make equal get different files', async () => {
      const lone = 'x\ud800';
      const replacement = 'x\ufffd';
      expect(fileNameForKey(lone).name).not.toBe(fileNameForKey(replacement).name);
      expect(fileNameForKey('\ud800\udc00').name).not.toBe(fileNameForKey('\udc00\ud800').name);

      const store = await openStore();
      await store.write({ [lone]: { who: 'lone' }, [replacement]: { who: 'replacement' } });
      await store.close();
      const again = await openStore();
      const read = await again.read([lone, replacement]);
      expect(read[lone]).toMatchObject({ who: 'lone' });
      expect(read[replacement]).toMatchObject({ who: 'replacement' });
      expect(again.size).toBe(2);
    });

    test('well-formed keys keep the file names earlier versions gave them', () => {
      const key = 'msteams/conversations/19:abc@thread.v2 é 😀';
      const hash = createHash('sha256').update(key, 'utf8').digest('hex');
      expect(fileNameForKey(key)).toEqual({ shard: hash.slice(0, 2), name: `${hash}.json` });
    });
  });
});
