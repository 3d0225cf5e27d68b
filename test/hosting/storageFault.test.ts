// A full disk in the middle of a conversation, through the real server and the lowdb store: the
// person is told plainly, their saved conversation is kept, /ready says not ready until the
// disk takes writes again (/health, the liveness check, stays 200: the process is fine). The fault is the kernel's own ENOSPC (a write to /dev/full).
import { symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { STORAGE_FAULT, TURN_ERROR } from '../../bot/messages';
import { fileNameForKey } from '../../bot/storage/lowdbStorage';
import { message, startTestServer, type TestServer } from '../helpers/botServer';
import { makeTempDir } from '../helpers/tempDir';

describe('a disk that fills up mid-conversation', () => {
  let server: TestServer;
  let dir: string;
  let remove: () => Promise<void>;
  let clock = Date.now();

  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir('eha-storage-fault-'));
    server = await startTestServer({ env: { STORAGE: 'lowdb', DATA_DIR: dir }, now: () => clock });
  });

  afterAll(async () => {
    await server.close();
    await remove();
  });

  const tempFileOf = (key: string) => {
    const { shard, name } = fileNameForKey(key);
    return path.join(dir, 'state', shard, `.${name}.tmp`);
  };
  const texts = (replies: { text?: string }[]) => replies.map((r) => r.text ?? '');

  test('the person is told plainly, nothing is cleared, readiness reports it, and the chat carries on once there is space', async () => {
    const conversation = { id: 'disk-full-1' };
    const first = texts(await server.send(message('we are struggling with money', { conversation })));
    expect(first.length).toBeGreaterThan(0);
    const saved = await server.app.services.storage.read(['emulator/conversations/disk-full-1/']);
    const before = JSON.stringify(saved['emulator/conversations/disk-full-1/'].dialogState);

    await symlink('/dev/full', tempFileOf('emulator/conversations/disk-full-1/'));
    const during = texts(await server.send(message('a parent', { conversation })));
    expect(during).toContain(STORAGE_FAULT);
    expect(during).not.toContain(TURN_ERROR);
    const ready = await server.get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not ready', checks: { storage: { ok: false, kind: 'lowdb' } }, problems: ['storage cannot take writes (ENOSPC)'] });
    expect((await server.get('/health')).status).toBe(200);
    // The saved conversation is the one from before the failed turn, not deleted.
    const kept = await server.app.services.storage.read(['emulator/conversations/disk-full-1/']);
    expect(JSON.stringify(kept['emulator/conversations/disk-full-1/'].dialogState)).toBe(before);
    expect(server.logs.some((l) => l.event === 'turn.storage' && l.code === 'ENOSPC')).toBe(true);

    await unlink(tempFileOf('emulator/conversations/disk-full-1/'));
    clock += 6_000;
    expect((await server.get('/ready')).status).toBe(200);
    const after = texts(await server.send(message('a parent', { conversation })));
    expect(after).not.toContain(STORAGE_FAULT);
    expect(after.join(' ')).not.toMatch(/start our conversation again/);
  });
});
