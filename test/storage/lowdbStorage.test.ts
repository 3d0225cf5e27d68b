import fsp from 'node:fs/promises';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileNameForKey, LowdbStorage } from '../../bot/storage/lowdbStorage';
import { isStateKey } from '../../bot/storage/sweepable';
import { makeTempDir } from '../helpers/tempDir';

describe('LowdbStorage on disk', () => {
  let dir: string;
  let remove: () => Promise<void>;
  const open: LowdbStorage[] = [];

  async function openStore(options?: Parameters<typeof LowdbStorage.open>[1]): Promise<LowdbStorage> {
    const store = await LowdbStorage.open(dir, options);
    open.push(store);
    return store;
  }

  function fileOf(key: string): string {
    const { shard, name } = fileNameForKey(key);
    return path.join(dir, 'state', shard, name);
  }

  beforeEach(async () => {
    ({ dir, remove } = await makeTempDir('eha-lowdb-'));
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await remove();
  });

  test('conversation state survives a restart', async () => {
    const first = await openStore();
    await first.write({ 'webchat/conversations/abc': { step: 3, notes: ['a'] } });
    await first.close();

    const second = await openStore();
    const read = await second.read(['webchat/conversations/abc']);
    expect(read['webchat/conversations/abc']).toMatchObject({ step: 3, notes: ['a'] });
    expect(second.size).toBe(1);
  });

  test('eTags stay valid across a restart and stale ones still conflict', async () => {
    const first = await openStore();
    await first.write({ k: { n: 1 } });
    const { k } = await first.read(['k']);
    await first.close();

    const second = await openStore();
    await second.write({ k: { ...k, n: 2 } });
    await expect(second.write({ k: { ...k, n: 3 } })).rejects.toThrow('due to eTag conflict');
    expect((await second.read(['k'])).k.n).toBe(2);
  });

  test('stores one sharded file per key holding key, eTag, lastWrite and value', async () => {
    const store = await openStore({ now: () => 1_700_000_000_000 });
    await store.write({ 'msteams/users/u1': { name: 'x' } });
    const file = fileOf('msteams/users/u1');
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record).toEqual({
      key: 'msteams/users/u1',
      eTag: expect.any(String),
      lastWrite: 1_700_000_000_000,
      value: { name: 'x' },
    });
    expect(path.basename(path.dirname(file))).toMatch(/^[0-9a-f]{2}$/);
    // The key itself never appears in a file name.
    expect(path.basename(file)).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  test('a write touches only the file of its own key, however many are stored', async () => {
    const store = await openStore();
    const many: Record<string, object> = {};
    for (let i = 0; i < 200; i++) many[`webchat/conversations/c${i}`] = { i };
    await store.write(many);

    const before = new Map<string, number>();
    for (let i = 0; i < 200; i++) before.set(`c${i}`, (await stat(fileOf(`webchat/conversations/c${i}`))).mtimeMs);
    const renameSpy = jest.spyOn(fsp, 'rename');
    await new Promise((r) => setTimeout(r, 20));

    await store.write({ 'webchat/conversations/c7': { i: 'changed' } });

    expect(renameSpy).toHaveBeenCalledTimes(1);
    renameSpy.mockRestore();
    for (let i = 0; i < 200; i++) {
      const mtime = (await stat(fileOf(`webchat/conversations/c${i}`))).mtimeMs;
      if (i === 7) expect(mtime).toBeGreaterThan(before.get(`c${i}`)!);
      else expect(mtime).toBe(before.get(`c${i}`));
    }
  });

  test('writes go to a temporary file that is renamed over the real one, leaving no temporary behind', async () => {
    const store = await openStore();
    const renameSpy = jest.spyOn(fsp, 'rename');
    await store.write({ atomic: { v: 1 } });
    const target = fileOf('atomic');
    expect(renameSpy).toHaveBeenCalledWith(path.join(path.dirname(target), `.${path.basename(target)}.tmp`), target);
    renameSpy.mockRestore();
    const names = await readdir(path.dirname(target));
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a stray partial temporary file breaks nothing and is cleared at start-up', async () => {
    const store = await openStore();
    await store.write({ good: { v: 1 } });
    const target = fileOf('good');
    const stray = path.join(path.dirname(target), `.${path.basename(target)}.tmp`);
    // What a crash between writing the temporary file and renaming it leaves behind.
    await writeFile(stray, '{"key":"good","eTag":"x","lastWr');
    expect((await store.read(['good'])).good.v).toBe(1);
    await store.close();

    const reopened = await openStore();
    expect((await reopened.read(['good'])).good.v).toBe(1);
    await expect(stat(stray)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a corrupt file is logged, treated as missing and moved aside; other keys still read', async () => {
    const warnings: object[] = [];
    const logger = { warn: (o: object) => warnings.push(o), info: () => undefined, error: () => undefined };
    const store = await openStore({ logger });
    await store.write({ a: { v: 'a' }, b: { v: 'b' } });
    await writeFile(fileOf('a'), '{ this is not json');

    const read = await store.read(['a', 'b']);
    expect(read).toEqual({ b: { v: 'b', eTag: expect.any(String) } });
    expect(warnings).toEqual([expect.objectContaining({ event: 'storage.corrupt', reason: 'not valid JSON' })]);
    await expect(stat(fileOf('a'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(path.join(dir, 'quarantine'))).toHaveLength(1);

    // The key is usable again.
    await store.write({ a: { v: 'a2' } });
    expect((await store.read(['a'])).a.v).toBe('a2');
  });

  test('a corrupt or foreign file found at start-up is moved aside and the rest load', async () => {
    const first = await openStore();
    await first.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
    await first.close();
    await writeFile(fileOf('a'), '');
    await writeFile(fileOf('b'), JSON.stringify({ hello: 'world' }));

    const warnings: object[] = [];
    const second = await openStore({ logger: { warn: (o) => warnings.push(o), info: () => undefined, error: () => undefined } });
    expect(second.size).toBe(1);
    expect(await second.read(['a', 'b', 'c'])).toEqual({ c: { v: 3, eTag: expect.any(String) } });
    expect(warnings).toHaveLength(2);
  });

  test('concurrent writes with the same eTag: exactly one wins', async () => {
    const store = await openStore();
    await store.write({ race: { n: 0 } });
    const { race } = await store.read(['race']);
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => store.write({ race: { ...race, n: i + 1 } })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected')).toHaveLength(7);
  });

  test('many concurrent unconditional writes leave one valid file', async () => {
    const store = await openStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.write({ busy: { i } })));
    const record = JSON.parse(await readFile(fileOf('busy'), 'utf8'));
    expect(record.key).toBe('busy');
    expect((await store.read(['busy'])).busy.i).toBe(record.value.i);
  });

  test('a conflict on one key does not stop the other keys of the batch', async () => {
    const store = await openStore();
    await store.write({ x: { n: 1 }, y: { n: 1 } });
    await store.write({ x: { n: 2 } });
    await expect(store.write({ x: { n: 3, eTag: 'stale' }, y: { n: 3 } })).rejects.toThrow('"x" due to eTag conflict');
    const read = await store.read(['x', 'y']);
    expect(read.x.n).toBe(2);
    expect(read.y.n).toBe(3);
  });

  test('flush waits for pending writes and close refuses later writes', async () => {
    const store = await openStore();
    const pending = store.write({ late: { v: 1 } });
    await store.close();
    await pending;
    expect(JSON.parse(await readFile(fileOf('late'), 'utf8')).value).toEqual({ v: 1 });
    await expect(store.write({ after: { v: 1 } })).rejects.toThrow('closed');
  });

  test('deleteIdle removes only idle keys accepted by the filter, also after a restart', async () => {
    let now = 1_000_000;
    const first = await openStore({ now: () => now });
    await first.write({ 'webchat/conversations/old': { v: 1 }, 'webchat/users/old': { v: 1 }, 'config/old': { v: 1 } });
    now += 10_000;
    await first.write({ 'webchat/conversations/new': { v: 1 } });
    await first.close();

    const second = await openStore({ now: () => now });
    const deleted = await second.deleteIdle(now - 5_000, isStateKey);
    expect(deleted).toBe(2);
    const left = await second.read(['webchat/conversations/old', 'webchat/users/old', 'config/old', 'webchat/conversations/new']);
    expect(Object.keys(left).sort()).toEqual(['config/old', 'webchat/conversations/new']);
    await expect(stat(fileOf('webchat/users/old'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a record whose lastWrite is in the future counts as written now, so the sweep still reaches it', async () => {
    let now = 1_000_000;
    const first = await openStore({ now: () => now + 10_000_000 }); // a clock far ahead
    await first.write({ 'webchat/conversations/ahead': { v: 1 } });
    await first.close();
    const second = await openStore({ now: () => now });
    expect(await second.deleteIdle(now - 1, isStateKey)).toBe(0);
    now += 5_000;
    expect(await second.deleteIdle(now - 1_000, isStateKey)).toBe(1);
  });

  test('deleteIdle spares a key written while the sweep waited for it', async () => {
    let now = 0;
    const store = await openStore({ now: () => now });
    await store.write({ 'webchat/conversations/busy': { v: 1 } });
    now = 100_000;
    const write = store.write({ 'webchat/conversations/busy': { v: 2 } }); // queued before the sweep
    const deleted = await store.deleteIdle(50_000, isStateKey);
    await write;
    expect(deleted).toBe(0);
    expect((await store.read(['webchat/conversations/busy']))['webchat/conversations/busy'].v).toBe(2);
  });
});
