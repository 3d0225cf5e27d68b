import { IndexedMemoryStorage } from '../../bot/storage/memoryStore';
import { LowdbStorage } from '../../bot/storage/lowdbStorage';
import { RetentionSweeper } from '../../bot/storage/retention';
import type { SweepableStorage } from '../../bot/storage/sweepable';
import { makeTempDir } from '../helpers/tempDir';

const HOUR = 60 * 60 * 1000;

describe.each([
  ['memory', async (now: () => number) => ({ storage: new IndexedMemoryStorage(now) as SweepableStorage, done: async () => {} })],
  [
    'lowdb',
    async (now: () => number) => {
      const { dir, remove } = await makeTempDir('eha-retention-');
      const storage = await LowdbStorage.open(dir, { now });
      return { storage: storage as SweepableStorage, done: async () => { await storage.close(); await remove(); } };
    },
  ],
])('RetentionSweeper with %s storage', (_kind, make) => {
  let clock: number;
  const now = () => clock;
  let storage: SweepableStorage;
  let done: () => Promise<void>;

  beforeEach(async () => {
    clock = Date.UTC(2026, 0, 1);
    ({ storage, done } = await make(now));
  });

  afterEach(async () => {
    jest.useRealTimers();
    await done();
  });

  test('deletes conversation and user state idle longer than the retention period, keeps the rest', async () => {
    await storage.write({
      'webchat/conversations/old': { v: 1 },
      'webchat/users/old': { v: 1 },
      'webchat/conversations/old/users/u': { v: 1 },
      'bot/settings': { v: 1 },
    });
    clock += 23 * HOUR;
    await storage.write({ 'webchat/conversations/recent': { v: 1 } });
    clock += 1 * HOUR + 1;

    const sweeper = new RetentionSweeper({ storage, retentionHours: 24, sweepMinutes: 15, now });
    expect(await sweeper.sweep()).toBe(3);
    const left = await storage.read([
      'webchat/conversations/old',
      'webchat/users/old',
      'webchat/conversations/old/users/u',
      'bot/settings',
      'webchat/conversations/recent',
    ]);
    expect(Object.keys(left).sort()).toEqual(['bot/settings', 'webchat/conversations/recent']);

    clock += 23 * HOUR;
    expect(await sweeper.sweep()).toBe(1);
  });

  test('a write resets the idle clock', async () => {
    await storage.write({ 'webchat/conversations/c': { v: 1 } });
    clock += 20 * HOUR;
    await storage.write({ 'webchat/conversations/c': { v: 2 } });
    clock += 20 * HOUR;
    const sweeper = new RetentionSweeper({ storage, retentionHours: 24, sweepMinutes: 15, now });
    expect(await sweeper.sweep()).toBe(0);
  });

  test('the timer sweeps every RETENTION_SWEEP_MINUTES, is unref()ed and stops', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const spy = jest.spyOn(storage, 'deleteIdle');
    const sweeper = new RetentionSweeper({ storage, retentionHours: 1, sweepMinutes: 15, now });
    sweeper.start();
    expect(jest.getTimerCount()).toBe(1);

    jest.advanceTimersByTime(14 * 60 * 1000);
    expect(spy).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60 * 1000);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenLastCalledWith(clock - HOUR, expect.any(Function));
    await sweeper.sweep();
    jest.advanceTimersByTime(15 * 60 * 1000);
    expect(spy).toHaveBeenCalledTimes(2);

    await sweeper.stop();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(60 * 60 * 1000);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

test('the retention timer does not keep the process alive', () => {
  const sweeper = new RetentionSweeper({ storage: new IndexedMemoryStorage(), retentionHours: 24, sweepMinutes: 15 });
  sweeper.start();
  const timer = (sweeper as unknown as { timer: NodeJS.Timeout }).timer;
  expect(timer.hasRef()).toBe(false);
  return sweeper.stop();
});

test('a failing sweep is logged and does not reject', async () => {
  const storage = new IndexedMemoryStorage();
  jest.spyOn(storage, 'deleteIdle').mockRejectedValueOnce(new Error('disk gone'));
  const errors: object[] = [];
  const sweeper = new RetentionSweeper({
    storage,
    retentionHours: 24,
    sweepMinutes: 15,
    logger: { info: () => undefined, error: (o) => errors.push(o) },
  });
  await expect(sweeper.sweep()).resolves.toBe(0);
  expect(errors).toHaveLength(1);
});

describe('IndexedMemoryStorage forgets deleted keys entirely', () => {
  test('a swept conversation leaves no empty slot behind', async () => {
    let now = 0;
    const store = new IndexedMemoryStorage(() => now);
    for (let i = 0; i < 50; i++) await store.write({ [`webchat/conversations/c${i}/`]: { n: i } });
    expect(store.size).toBe(50);
    now = 10_000;
    expect(await store.deleteIdle(5_000, () => true)).toBe(50);
    expect(store.size).toBe(0);
  });
});
