// The real server on STORAGE=blob, against Azurite started by this file: state lands in the
// container and another instance on the same container carries the conversation on; when Azure
// cannot be reached, the person is told plainly, nothing is cleared, /health says so until it
// answers again.
import { ContainerClient } from '@azure/storage-blob';
import { STORAGE_FAULT, TURN_ERROR } from '../../bot/messages';
import { BlobStore, blobNameForKey } from '../../bot/storage/blobStore';
import { uniqueContainer, useAzurite } from '../helpers/azurite';
import { message, startTestServer, type TestServer } from '../helpers/botServer';
import { startTcpProxy } from '../helpers/tcpProxy';

const azurite = useAzurite();
const texts = (replies: { text?: string }[]) => replies.map((r) => r.text ?? '');

describe('the bot on STORAGE=blob', () => {
  const started: TestServer[] = [];
  const start = async (...args: Parameters<typeof startTestServer>) => {
    const server = await startTestServer(...args);
    started.push(server);
    return server;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });

  test('state is saved in the container, /health says blob, and a second instance carries the conversation on', async () => {
    const container = uniqueContainer('bot');
    const env = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.current.connectionString, BLOB_CONTAINER: container };
    const a = await start({ env });
    const b = await start({ env });
    expect((await a.get('/health')).body).toMatchObject({ status: 'ok', storage: 'blob' });
    expect(a.logs.find((l) => l.event === 'listening')).toMatchObject({ storage: 'blob', container });

    // The same two turns, once on one instance and once alternating between the two.
    const alone = { id: 'blob-alone' };
    const shared = { id: 'blob-shared' };
    const first = texts(await a.send(message('we are struggling with money', { conversation: alone })));
    expect(texts(await a.send(message('we are struggling with money', { conversation: shared })))).toEqual(first);
    const names: string[] = [];
    for await (const blob of new ContainerClient(azurite.current.connectionString, container).listBlobsFlat()) names.push(blob.name);
    expect(names).toContain(blobNameForKey('emulator/conversations/blob-shared/'));

    const onOne = texts(await a.send(message('a parent', { conversation: alone })));
    const acrossTwo = texts(await b.send(message('a parent', { conversation: shared })));
    expect(acrossTwo).toEqual(onOne);
    expect(acrossTwo).not.toContain(TURN_ERROR);
  });

  test('Azure unreachable mid-conversation: the person is told plainly, nothing is cleared, health reports it until Azure answers again', async () => {
    let clock = Date.now();
    // The bot reaches Azurite through a proxy the test can cut.
    const proxy = await startTcpProxy(azurite.current.port);
    const container = uniqueContainer('fault');
    const storage = await BlobStore.open({ connectionString: azurite.current.connectionStringVia(proxy.port), container }, { now: () => clock });
    try {
      const server = await start({ storage, now: () => clock });
      const conversation = { id: 'blob-fault-1' };
      const key = 'emulator/conversations/blob-fault-1/';
      expect(texts(await server.send(message('we are struggling with money', { conversation }))).length).toBeGreaterThan(0);
      const before = JSON.stringify((await storage.read([key]))[key].dialogState);

      await proxy.refuse();
      const during = texts(await server.send(message('a parent', { conversation })));
      expect(during).toContain(STORAGE_FAULT);
      expect(during).not.toContain(TURN_ERROR);
      const ready = await server.get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not ready', checks: { storage: { ok: false, kind: 'blob' } }, problems: ['storage cannot take writes (ECONNREFUSED)'] });
      expect((await server.get('/health')).status).toBe(200);
      expect(server.logs.some((l) => l.event === 'turn.storage' && l.code === 'ECONNREFUSED')).toBe(true);

      await proxy.restore();
      clock += 6_000;
      expect((await server.get('/ready')).status).toBe(200);
      // The saved conversation is the one from before the failed turn, and it carries on.
      expect(JSON.stringify((await storage.read([key]))[key].dialogState)).toBe(before);
      const after = texts(await server.send(message('a parent', { conversation })));
      expect(after).not.toContain(STORAGE_FAULT);
      expect(after.join(' ')).not.toMatch(/start our conversation again/);
    } finally {
      await proxy.close();
    }
  });
});
