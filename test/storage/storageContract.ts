// The Bot Framework SDK's storage base tests (botbuilder-core tests/storageBaseTests.js) as a
// reusable jest suite: every Storage this project ships must pass it.
import {
  AutoSaveStateMiddleware,
  ConversationState,
  MemoryStorage,
  MessageFactory,
  TestAdapter,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog, type WaterfallStep } from 'botbuilder-dialogs';

export interface ContractStorage {
  storage: Storage;
  /** Called after each test (close handles, remove temp dirs). */
  dispose?: () => Promise<void>;
}

/**
 * Where a store knowingly departs from MemoryStorage. Each is asserted as it is, not skipped, so
 * the suite notices when a store (or an SDK upgrade) changes.
 */
export interface ContractDifferences {
  /**
   * 'zod': the SDK's BlobsStorage checks its arguments with zod and throws a ZodError for null
   * keys, null changes and an empty array of changes, where MemoryStorage throws ReferenceError
   * (or, for the empty array, writes nothing).
   */
  argumentErrors?: 'zod';
  /**
   * 'conflict': a write carrying an eTag to a key that no longer exists is an eTag conflict
   * (Azure answers 412 to If-Match on a missing blob); MemoryStorage writes it.
   */
  eTagOnMissingKey?: 'conflict';
}

export function runStorageContract(
  name: string,
  makeStorage: () => Promise<ContractStorage> | ContractStorage,
  differences: ContractDifferences = {},
): void {
  describe(`Storage contract: ${name}`, () => {
    let made: ContractStorage;
    let storage: Storage;

    beforeEach(async () => {
      made = await makeStorage();
      storage = made.storage;
    });

    afterEach(async () => {
      // `made` is unset when the factory failed; that failure is the one to report.
      await made?.dispose?.();
    });

    test('returns an empty object when reading an unknown key', async () => {
      const result = await storage.read(['unknown']);
      expect(result).not.toBeNull();
      expect(Object.keys(result)).toHaveLength(0);
    });

    if (differences.argumentErrors === 'zod') {
      test('rejects null keys, null changes and an array of changes with a ZodError (the SDK\'s BlobsStorage)', async () => {
        await expect(storage.read(null as unknown as string[])).rejects.toMatchObject({ name: 'ZodError' });
        await expect(storage.write(null as unknown as StoreItems)).rejects.toMatchObject({ name: 'ZodError' });
        await expect(storage.write([] as unknown as StoreItems)).rejects.toMatchObject({ name: 'ZodError' });
      });
    } else {
      test('rejects reads with null keys like MemoryStorage', async () => {
        await expect(storage.read(null as unknown as string[])).rejects.toThrow(
          new ReferenceError('Keys are required when reading.'),
        );
      });

      test('rejects writes with null changes like MemoryStorage', async () => {
        await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(
          new ReferenceError('Changes are required when writing.'),
        );
      });
    }

    test('does not throw when writing no items', async () => {
      if (differences.argumentErrors !== 'zod') await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
      await expect(storage.write({})).resolves.toBeUndefined();
      await expect(storage.read([])).resolves.toEqual({});
    });

    test('creates objects and gives each an eTag', async () => {
      const items = { createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } };
      await storage.write(items);
      const read = await storage.read(Object.keys(items));
      expect(read.createPoco.id).toBe(1);
      expect(read.createPocoStoreItem.id).toBe(2);
      expect(typeof read.createPoco.eTag).toBe('string');
      expect(typeof read.createPocoStoreItem.eTag).toBe('string');
    });

    test('handles crazy keys', async () => {
      const key = '!@#$%^&*()~/\\><,.?\';"`~';
      await storage.write({ [key]: { id: 1 } });
      const read = await storage.read([key]);
      expect(read[key]).toBeDefined();
      expect(read[key].id).toBe(1);
    });

    test('updates objects, honouring eTags', async () => {
      await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
      const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      const pocoItem = loaded.pocoItem;
      delete pocoItem.eTag; // a plain object carries no eTag
      const pocoStoreItem = loaded.pocoStoreItem;
      expect(pocoStoreItem.eTag).toBeTruthy();

      pocoItem.count++;
      pocoStoreItem.count++;
      await storage.write(loaded);

      const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(reloaded.pocoItem.eTag).toBeTruthy();
      expect(reloaded.pocoStoreItem.eTag).not.toBe(pocoStoreItem.eTag);
      expect(reloaded.pocoItem.count).toBe(2);
      expect(reloaded.pocoStoreItem.count).toBe(2);

      // Without an eTag a write is unconditional.
      pocoItem.count = 123;
      await expect(storage.write({ pocoItem })).resolves.toBeUndefined();

      // A stale eTag is a conflict.
      pocoStoreItem.count = 123;
      await expect(storage.write({ pocoStoreItem })).rejects.toThrow(
        'Storage: error writing "pocoStoreItem" due to eTag conflict.',
      );

      const reloaded2 = await storage.read(['pocoItem', 'pocoStoreItem']);
      const pocoItem2 = reloaded2.pocoItem;
      delete pocoItem2.eTag;
      const pocoStoreItem2 = reloaded2.pocoStoreItem;
      expect(pocoItem2.count).toBe(123);
      expect(pocoStoreItem2.count).toBe(2);

      // The wildcard eTag always wins.
      pocoItem2.count = 100;
      pocoStoreItem2.count = 100;
      pocoStoreItem2.eTag = '*';
      await storage.write({ pocoItem: pocoItem2, pocoStoreItem: pocoStoreItem2 });

      const reloaded3 = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(reloaded3.pocoItem.count).toBe(100);
      expect(reloaded3.pocoStoreItem.count).toBe(100);
    });

    test('gives every write a new eTag', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i++) {
        await storage.write({ churn: { i } });
        const { churn } = await storage.read(['churn']);
        expect(seen.has(churn.eTag)).toBe(false);
        seen.add(churn.eTag);
      }
    });

    test('returns copies, not live objects', async () => {
      const item = { nested: { n: 1 } };
      await storage.write({ copy: item });
      item.nested.n = 2;
      const first = await storage.read(['copy']);
      expect(first.copy.nested.n).toBe(1);
      first.copy.nested.n = 3;
      const second = await storage.read(['copy']);
      expect(second.copy.nested.n).toBe(1);
    });

    test('deletes objects', async () => {
      await storage.write({ delete1: { id: 1, count: 1 } });
      const read = await storage.read(['delete1']);
      expect(read.delete1.eTag).toBeTruthy();
      expect(read.delete1.count).toBe(1);
      await storage.delete(['delete1']);
      const reloaded = await storage.read(['delete1']);
      expect(reloaded.delete1).toBeUndefined();
    });

    if (differences.eTagOnMissingKey === 'conflict') {
      test('a deleted key written with its old eTag is an eTag conflict; without one (or with *) it is written', async () => {
        await storage.write({ again: { v: 1 } });
        const { again } = await storage.read(['again']);
        await storage.delete(['again']);
        await expect(storage.write({ again: { ...again, v: 2 } })).rejects.toThrow('Storage: error writing "again" due to eTag conflict.');
        expect(await storage.read(['again'])).toEqual({});
        await storage.write({ again: { ...again, v: 3, eTag: '*' } });
        expect((await storage.read(['again'])).again.v).toBe(3);
        await storage.delete(['again']);
        await storage.write({ again: { v: 4 } });
        expect((await storage.read(['again'])).again.v).toBe(4);
      });
    } else {
      test('a deleted key can be written again with any eTag', async () => {
        await storage.write({ again: { v: 1 } });
        const { again } = await storage.read(['again']);
        await storage.delete(['again']);
        await expect(storage.write({ again: { ...again, v: 2 } })).resolves.toBeUndefined();
        expect((await storage.read(['again'])).again.v).toBe(2);
      });
    }

    test('deleting an unknown key is fine', async () => {
      await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
    });

    test('performs batch operations', async () => {
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      let result = await storage.read(['batch1', 'batch2', 'batch3']);
      expect(result.batch1.count).toBe(10);
      expect(result.batch2.count).toBe(20);
      expect(result.batch3.count).toBe(30);
      for (const key of ['batch1', 'batch2', 'batch3']) expect(result[key].eTag).toBeTruthy();

      await storage.delete(['batch1', 'batch2', 'batch3']);
      result = await storage.read(['batch1', 'batch2', 'batch3']);
      expect(result).toEqual({});
    });

    test('reads only the keys that exist from a mixed batch', async () => {
      await storage.write({ present: { ok: true } });
      const result = await storage.read(['present', 'absent']);
      expect(Object.keys(result)).toEqual(['present']);
    });

    test('proceeds through a waterfall dialog with conversation state in this storage', async () => {
      const conversationState = new ConversationState(storage);
      const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
      const adapter = new TestAdapter(async (turnContext) => {
        const dc = await dialogs.createContext(turnContext);
        await dc.continueDialog();
        if (!turnContext.responded) await dc.beginDialog('waterfallDialog');
      }).use(new AutoSaveStateMiddleware(conversationState));

      dialogs.add(
        new TextPrompt('textPrompt', async (prompt) => {
          if (String(prompt.recognized.value).length > 3) {
            await prompt.context.sendActivity(MessageFactory.text(`You got it at the ${prompt.attemptCount}th try!`));
            return true;
          }
          await prompt.context.sendActivity(
            MessageFactory.text(`Please send a name that is longer than 3 characters. ${prompt.attemptCount}`),
          );
          return false;
        }),
      );

      const steps: WaterfallStep[] = [
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          await step.context.sendActivity('step1');
          return Dialog.EndOfTurn;
        },
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          return step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') });
        },
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          await step.context.sendActivity('step3');
          return Dialog.EndOfTurn;
        },
      ];
      dialogs.add(new WaterfallDialog('waterfallDialog', steps));

      await adapter
        .send('hello')
        .assertReply('step1')
        .send('hello')
        .assertReply('Please type your name.')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 1')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 2')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 3')
        .send('Kyle')
        .assertReply('You got it at the 4th try!')
        .assertReply('step3')
        .startTest();
    });
  });
}

/** The SDK's own MemoryStorage, the reference every other store is held to. */
export const memoryStorageFactory = (): ContractStorage => ({ storage: new MemoryStorage() });
