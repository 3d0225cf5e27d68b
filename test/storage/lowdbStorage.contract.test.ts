import { LowdbStorage } from '../../bot/storage/lowdbStorage';
import { makeTempDir } from '../helpers/tempDir';
import { runStorageContract } from './storageContract';

runStorageContract('LowdbStorage', async () => {
  const { dir, remove } = await makeTempDir('eha-contract-');
  const storage = await LowdbStorage.open(dir);
  return {
    storage,
    dispose: async () => {
      await storage.close();
      await remove();
    },
  };
});

// The same contract again on a store reopened from disk, so nothing passes only thanks to memory.
runStorageContract('LowdbStorage reopened between operations', async () => {
  const { dir, remove } = await makeTempDir('eha-contract-reopen-');
  let current = await LowdbStorage.open(dir);
  const reopen = async () => {
    await current.close();
    current = await LowdbStorage.open(dir);
    return current;
  };
  const storage = {
    read: async (keys: string[]) => (await reopen()).read(keys),
    write: async (changes: Parameters<LowdbStorage['write']>[0]) => (await reopen()).write(changes),
    delete: async (keys: string[]) => (await reopen()).delete(keys),
  };
  return {
    storage,
    dispose: async () => {
      await current.close();
      await remove();
    },
  };
});
