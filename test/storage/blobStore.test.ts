// STORAGE=blob beyond the contract, against Azurite started by this file: two instances writing
// one key, the retention sweep, a malformed blob, start-up faults. Two BlobStores on one
// container stand for two bot instances.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContainerClient } from '@azure/storage-blob';
import { AutoSaveStateMiddleware, ConversationState, TestAdapter } from 'botbuilder';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { blobClients, BlobStorageUnavailableError } from '../../bot/storage/blobClient';
import { BlobStore, blobNameForKey, keyForBlobName, QUARANTINE_PREFIX, type BlobStoreOptions } from '../../bot/storage/blobStore';
import { RetentionSweeper } from '../../bot/storage/retention';
import { StorageFaultError } from '../../bot/storage/storageFault';
import { isStateKey } from '../../bot/storage/sweepable';
import { AZURITE_KEY, uniqueContainer, useAzurite } from '../helpers/azurite';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';

const HOUR = 60 * 60 * 1000;
const azurite = useAzurite();
const CONFLICT = /Storage: error writing ".*" due to eTag conflict\./;

describe('BlobStore on Azurite', () => {
  let container: string;
  let raw: ContainerClient;
  const open: BlobStore[] = [];

  /** Another bot instance on the same container. */
  async function instance(options: BlobStoreOptions = {}): Promise<BlobStore> {
    const store = await BlobStore.open({ connectionString: azurite.current.connectionString, container }, options);
    open.push(store);
    return store;
  }

  async function names(): Promise<string[]> {
    const found: string[] = [];
    for await (const blob of raw.listBlobsFlat()) found.push(blob.name);
    return found.sort();
  }

  beforeEach(() => {
    container = uniqueContainer('store');
    raw = new ContainerClient(azurite.current.connectionString, container);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await raw.deleteIfExists();
  });

  describe('two instances writing one key', () => {
    const key = 'webchat/conversations/shared/';

    test("a stale eTag gets the SDK's eTag conflict (Azure's 412), and the first write stays", async () => {
      const a = await instance();
      const b = await instance();
      await a.write({ [key]: { n: 0 } });
      const seenByA = (await a.read([key]))[key];
      const seenByB = (await b.read([key]))[key];
      expect(seenByB.eTag).toBe(seenByA.eTag);

      await a.write({ [key]: { ...seenByA, n: 1 } });
      const error = await b.write({ [key]: { ...seenByB, n: 2 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(CONFLICT);
      // A conflict is not a storage fault: the turn is not told "try again later" for it.
      expect(error).not.toBeInstanceOf(StorageFaultError);
      expect((await b.read([key]))[key].n).toBe(1);
      // Underneath, the service refused the conditional write with 412 Precondition Failed.
      await expect(raw.getBlockBlobClient(blobNameForKey(key)).upload('{}', 2, { conditions: { ifMatch: seenByB.eTag } })).rejects.toMatchObject({
        statusCode: 412,
      });
    });

    test('racing with the same eTag: exactly one write wins and the other is told', async () => {
      const a = await instance();
      const b = await instance();
      await a.write({ [key]: { n: 0 } });
      const { eTag } = (await a.read([key]))[key];
      const outcomes = await Promise.allSettled([a.write({ [key]: { n: 'a', eTag } }), b.write({ [key]: { n: 'b', eTag } })]);
      const won = outcomes.findIndex((o) => o.status === 'fulfilled');
      const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(String(lost?.reason?.message)).toMatch(CONFLICT);
      expect((await a.read([key]))[key].n).toBe(won === 0 ? 'a' : 'b');
    });

    test('the SDK\'s ConversationState saves with eTag "*", so of two instances saving one conversation the later save wins', async () => {
      // Pinned because it decides what running several instances needs: BotState never sends the
      // eTag it read, so Azure cannot refuse a save made from stale state. One instance runs one
      // conversation's turns one at a time (bot/middleware); across instances nothing does yet.
      const store = await instance();
      const write = jest.spyOn(store, 'write');
      const state = new ConversationState(store);
      const count = state.createProperty<number>('count');
      const adapter = new TestAdapter(async (context) => {
        await count.set(context, ((await count.get(context)) ?? 0) + 1);
      }).use(new AutoSaveStateMiddleware(state));
      await adapter.send('hello').startTest();
      const saved = write.mock.calls.flatMap(([changes]) => Object.values(changes));
      expect(saved.length).toBeGreaterThan(0);
      for (const item of saved) expect(item.eTag).toBe('*');

      const other = await instance();
      const stateKey = Object.keys(write.mock.calls[0][0])[0];
      await store.write({ [stateKey]: { count: 10, eTag: '*' } });
      await other.write({ [stateKey]: { count: 20, eTag: '*' } });
      expect((await store.read([stateKey]))[stateKey].count).toBe(20);
    });
  });

  describe('retention', () => {
    const future = () => Date.now() + 24 * HOUR + 5_000;

    test('the sweep deletes conversation and user state past retention by last-modified, and keeps other keys and newer state', async () => {
      const store = await instance();
      await store.write({
        'webchat/conversations/old/': { v: 1 },
        'webchat/users/old/': { v: 1 },
        'webchat/conversations/old/users/u/': { v: 1 },
        'bot/settings': { v: 1 },
      });
      // A blob that is not a key's (it has a raw "/") is not the bot's to delete.
      await raw.getBlockBlobClient('someone-else/notes.txt').upload('x', 1);

      const today = new RetentionSweeper({ storage: store, retentionHours: 24, sweepMinutes: 15 });
      expect(await today.sweep()).toBe(0);
      const tomorrow = new RetentionSweeper({ storage: store, retentionHours: 24, sweepMinutes: 15, now: future });
      expect(await tomorrow.sweep()).toBe(3);
      expect(await names()).toEqual([blobNameForKey('bot/settings'), 'someone-else/notes.txt']);
      expect(await store.read(['webchat/conversations/old/', 'bot/settings'])).toEqual({ 'bot/settings': expect.objectContaining({ v: 1 }) });
    });

    test('a blob written after the sweep listed it is kept: each delete is conditional on the listed eTag', async () => {
      const store = await instance();
      const key = 'webchat/conversations/busy/';
      await store.write({ [key]: { v: 1 } });
      const list = store.listIdle.bind(store);
      jest.spyOn(store, 'listIdle').mockImplementation(async (cutoff, filter) => {
        const idle = await list(cutoff, filter);
        // A turn, on this or another instance, saves the conversation between list and delete.
        await store.write({ [key]: { v: 2 } });
        return idle;
      });
      expect(await store.deleteIdle(future(), isStateKey)).toBe(0);
      expect((await store.read([key]))[key].v).toBe(2);
    });

    test('two instances sweeping at once delete each blob once, and neither fails', async () => {
      const a = await instance();
      const b = await instance();
      const keys = Array.from({ length: 12 }, (_, i) => `webchat/conversations/c${i}/`);
      await a.write(Object.fromEntries(keys.map((k) => [k, { v: 1 }])));
      const [byA, byB] = await Promise.all([a.deleteIdle(future(), isStateKey), b.deleteIdle(future(), isStateKey)]);
      expect(byA + byB).toBe(keys.length);
      expect(await names()).toEqual([]);
    });

    test("a key longer than the SDK's 1024-character blob name is swept too", async () => {
      const store = await instance();
      // Each "é" is six characters once escaped, so the SDK cuts this name inside a character.
      const key = `webchat/conversations/${'é'.repeat(300)}/`;
      await store.write({ [key]: { v: 1 } });
      const [name] = await names();
      expect(name).toHaveLength(1024);
      expect(isStateKey(keyForBlobName(name)!)).toBe(true);
      expect(await store.deleteIdle(future(), isStateKey)).toBe(1);
      expect(await names()).toEqual([]);
    });
  });

  describe('a malformed blob', () => {
    test('is moved to quarantine/, logged without the conversation id, and read as missing; the rest of the read comes back', async () => {
      const warnings: Record<string, unknown>[] = [];
      const store = await instance({ logger: { warn: (o) => warnings.push(o as Record<string, unknown>), info: () => {}, error: () => {} } });
      const bad = 'webchat/conversations/bad-one/';
      const empty = 'webchat/users/empty-one/';
      const good = 'webchat/conversations/good/';
      await store.write({ [good]: { v: 1 } });
      await raw.getBlockBlobClient(blobNameForKey(bad)).upload('{"torn": ', 9);
      await raw.getBlockBlobClient(blobNameForKey(empty)).upload('', 0);
      // What the SDK alone does with it: the whole read fails.
      const { BlobsStorage } = jest.requireActual<typeof import('botbuilder-azure-blobs')>('botbuilder-azure-blobs');
      await expect(new BlobsStorage(azurite.current.connectionString, container).read([good, bad])).rejects.toMatchObject({ name: 'SyntaxError' });

      const read = await store.read([good, bad, empty]);
      expect(Object.keys(read)).toEqual([good]);
      expect(read[good].v).toBe(1);
      const left = await names();
      expect(left.filter((n) => !n.startsWith(QUARANTINE_PREFIX))).toEqual([blobNameForKey(good)]);
      const quarantined = left.filter((n) => n.startsWith(QUARANTINE_PREFIX));
      expect(quarantined).toHaveLength(2);
      const bodies = await Promise.all(quarantined.map(async (n) => (await raw.getBlobClient(n).downloadToBuffer()).toString()));
      expect(bodies.sort()).toEqual(['', '{"torn": ']);
      expect(warnings.filter((w) => w.event === 'storage.corrupt')).toHaveLength(2);
      expect(JSON.stringify(warnings)).not.toMatch(/bad-one|empty-one/);

      // The conversation starts again, and the copies follow the retention period.
      await store.write({ [bad]: { v: 2 } });
      expect((await store.read([bad]))[bad].v).toBe(2);
      expect(await store.deleteIdle(Date.now() + 24 * HOUR, (k) => k === 'none')).toBe(0);
      expect((await names()).filter((n) => n.startsWith(QUARANTINE_PREFIX))).toEqual([]);
    });

    test('JSON that is not an object is read as the SDK reads it: its eTag and nothing else for null', async () => {
      const store = await instance();
      const key = 'webchat/conversations/null/';
      await raw.getBlockBlobClient(blobNameForKey(key)).upload('null', 4);
      const read = await store.read([key]);
      expect(Object.keys(read[key])).toEqual(['eTag']);
    });
  });

  test('a container deleted under the running bot: writes fail as ContainerNotFound until the health probe creates it again', async () => {
    let clock = Date.now();
    const store = await instance({ now: () => clock });
    await raw.delete();
    const error = await store.write({ 'webchat/conversations/c/': { v: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFaultError);
    expect((error as StorageFaultError).code).toBe('ContainerNotFound');
    expect(await store.health()).toMatchObject({ ok: false, reason: 'ContainerNotFound' });
    clock += 6_000;
    await expect(store.health()).resolves.toEqual({ ok: true });
    await store.write({ 'webchat/conversations/c/': { v: 2 } });
    expect((await store.read(['webchat/conversations/c/']))['webchat/conversations/c/'].v).toBe(2);
  });

  test("blob names are the SDK's own: every key lands where blobNameForKey says, and keyForBlobName reads it back", async () => {
    const store = await instance();
    const keys = ['msteams/conversations/19:abc@thread.tacv2;messageid=1/', 'webchat/users/u 1/', '!@#$%^&*()~/\\><,.?\';"`~'];
    await store.write(Object.fromEntries(keys.map((k) => [k, { v: 1 }])));
    expect(await names()).toEqual(keys.map(blobNameForKey).sort());
    // The SDK drops empty path segments, so a key's trailing "/" does not come back.
    expect(keys.map((k) => keyForBlobName(blobNameForKey(k)))).toEqual(keys.map((k) => k.replace(/\/+$/, '')));
  });

  test('a key with a lone UTF-16 surrogate cannot be stored: the SDK\'s encodeURIComponent throws URIError', async () => {
    const store = await instance();
    await expect(store.write({ 'webchat/conversations/x\ud800/': { v: 1 } })).rejects.toBeInstanceOf(URIError);
    await expect(store.read(['webchat/conversations/x\ud800/'])).rejects.toBeInstanceOf(URIError);
    expect(await names()).toEqual([]);
  });
});

describe('BlobStore at start-up', () => {
  const once = { maxTries: 1 };

  test('Azure unreachable: the error names BLOB_CONNECTION_STRING and the host, and never the key', async () => {
    // Azurite's account on a port nothing listens on (Azurite itself is on another).
    const endpoint = `http://127.0.0.1:9/devstoreaccount1`;
    const connectionString = azurite.current.connectionString.replace(/BlobEndpoint=[^;]+/, `BlobEndpoint=${endpoint}`);
    const error = await BlobStore.open({ connectionString, container: 'unreachable' }, { retry: once }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStorageUnavailableError);
    expect((error as Error).message).toBe(
      'Storage: Azure Blob storage at 127.0.0.1:9 could not be reached (ECONNREFUSED); check BLOB_CONNECTION_STRING and that the bot can reach it.',
    );
    expect((error as Error).message).not.toContain(AZURITE_KEY);
  });

  test('a connection string the Azure SDK cannot read: named, without its key', async () => {
    const error = await BlobStore.open({ connectionString: 'AccountName=acct;AccountKey=c2VjcmV0', container: 'state' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStorageUnavailableError);
    expect((error as Error).message).toMatch(/^Storage: BLOB_CONNECTION_STRING is not a connection string the Azure SDK accepts \(Invalid /);
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });

  test('a wrong account key: refused, naming BLOB_CONNECTION_STRING', async () => {
    const connectionString = azurite.current.connectionString.replace(AZURITE_KEY, Buffer.from('not the key').toString('base64'));
    const error = await BlobStore.open({ connectionString, container: uniqueContainer('refused') }, { retry: once }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStorageUnavailableError);
    expect((error as Error).message).toMatch(/^Storage: Azure Blob storage at 127\.0\.0\.1:\d+ refused the credentials in BLOB_CONNECTION_STRING \(403 AuthorizationFailure\); check the account key or SAS/);
  });

  test('BLOB_ACCOUNT_URL: BlobsStorage gets the container URL and DefaultAzureCredential, which it accepts', () => {
    // No request is made: an https Azurite with OAuth would need a certificate this test
    // cannot make trusted inside a running jest worker.
    const clients = blobClients({ accountUrl: 'https://earlyhelp.blob.core.windows.net', container: 'early-help-state' });
    const [, , , url, credential] = clients.blobsStorageArgs;
    expect(url).toBe('https://earlyhelp.blob.core.windows.net/early-help-state');
    expect(clients.client.url).toBe(url);
    expect(credential).toBeInstanceOf(DefaultAzureCredential);
    expect(clients.setting).toBe('BLOB_ACCOUNT_URL');
    expect(() => new BlobsStorage(...clients.blobsStorageArgs)).not.toThrow();
  });

  test('a managed identity with no credential available: the error names BLOB_ACCOUNT_URL; the token was asked for Azure Storage', async () => {
    const scopes: unknown[] = [];
    // What DefaultAzureCredential throws when no managed identity, environment or az login works.
    const credential = {
      getToken: async (scope: string | string[]) => {
        scopes.push(scope);
        throw Object.assign(new Error('DefaultAzureCredential failed to retrieve a token from the included credentials.'), { name: 'CredentialUnavailableError' });
      },
    };
    const error = await BlobStore.open({ accountUrl: 'https://127.0.0.1:9/devstoreaccount1', container: 'identity' }, { retry: once, credential }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStorageUnavailableError);
    expect((error as Error).message).toMatch(/^Storage: no Azure credential could get a token for BLOB_ACCOUNT_URL \(127\.0\.0\.1:9\)/);
    expect(scopes.flat()).toContain('https://storage.azure.com/.default');
  });
});

describe('BlobStore when Azure fails after start-up', () => {
  let proxy: TcpProxy;
  let clock: number;
  let store: BlobStore;
  const errors: Record<string, unknown>[] = [];
  const key = 'webchat/conversations/c/';

  beforeEach(async () => {
    clock = Date.now();
    errors.length = 0;
    proxy = await startTcpProxy(azurite.current.port);
    const logger = { warn: () => {}, info: () => {}, error: (o: object) => errors.push(o as Record<string, unknown>) };
    store = await BlobStore.open(
      { connectionString: azurite.current.connectionStringVia(proxy.port), container: uniqueContainer('failing') },
      // Two quick tries: the first after a cut meets the pooled connection the proxy reset.
      { now: () => clock, retry: { maxTries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 10 }, readDeadlineMs: 300, logger },
    );
    await store.write({ [key]: { v: 1 } });
  });

  afterEach(async () => {
    await proxy.close();
    await store.close();
  });

  test('unreachable: reads, writes and deletes fail as StorageFaultError (the turn keeps saved state), health says why, and a probe brings it back', async () => {
    await proxy.refuse();
    const write = await store.write({ [key]: { v: 2 } }).catch((e: unknown) => e);
    expect(write).toBeInstanceOf(StorageFaultError);
    expect((write as StorageFaultError).code).toBe('ECONNREFUSED');
    await expect(store.delete([key])).rejects.toBeInstanceOf(StorageFaultError);
    await expect(store.read([key])).rejects.toBeInstanceOf(StorageFaultError);
    expect(await store.health()).toMatchObject({ ok: false, reason: 'ECONNREFUSED' });
    clock += 6_000;
    // The probe runs (5 s since the last one) and fails too.
    expect(await store.health()).toMatchObject({ ok: false, reason: 'ECONNREFUSED' });
    expect(errors.filter((e) => e.event === 'storage.unwritable')).toHaveLength(1);

    await proxy.restore();
    // Not yet: the next probe is due 5 s after the last.
    expect((await store.health()).ok).toBe(false);
    clock += 6_000;
    expect(await store.health()).toEqual({ ok: true });
    expect((await store.read([key]))[key].v).toBe(1);
  });

  test('no answer at all (packets dropped): a read gives up after its deadline as a "timeout" fault instead of holding the turn', async () => {
    await proxy.blackhole();
    const started = Date.now();
    const read = await store.read([key]).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(StorageFaultError);
    expect((read as StorageFaultError).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await store.health()).toMatchObject({ ok: false, reason: 'timeout' });

    await proxy.restore();
    clock += 6_000;
    expect(await store.health()).toEqual({ ok: true });
    expect((await store.read([key]))[key].v).toBe(1);
  });
});

test('a write without an eTag goes out with no If-Match header (the SDK alone sends an empty one), and the caller\'s item is not changed', async () => {
  // A stand-in for the service that records each blob upload's If-Match header: whether Azure
  // itself ignores an empty If-Match is not something Azurite can show.
  const seen: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'PUT' && req.url?.includes('/headers/')) seen.push(req.headers['if-match']);
    // Two statements: restify, loaded by other tests in this worker, patches writeHead to return nothing.
    res.writeHead(201, { etag: '"0x1"', 'x-ms-request-id': 'r' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
    const item = { v: 1 };
    await new BlobsStorage(connectionString, 'headers', { storagePipelineOptions: { retryOptions: { maxTries: 1 } } }).write({ k: item });
    const store = await BlobStore.open({ connectionString, container: 'headers' }, { retry: { maxTries: 1 } });
    await store.write({ k: item });
    await store.write({ k: { v: 2, eTag: '"0x1"' } });
    expect(seen).toEqual(['', undefined, '"0x1"']);
    expect(item).toEqual({ v: 1 });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
