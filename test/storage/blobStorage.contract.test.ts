// The Storage contract on Azure Blob storage, against Azurite started by this file: once on the
// store STORAGE=blob runs (the SDK's BlobsStorage with the bot's checks around it), once on the
// SDK's BlobsStorage alone, so each difference from MemoryStorage is known and pinned.
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobStore } from '../../bot/storage/blobStore';
import { uniqueContainer, useAzurite } from '../helpers/azurite';
import { runStorageContract } from './storageContract';

const azurite = useAzurite();
const removeContainer = (container: string) => new ContainerClient(azurite.current.connectionString, container).deleteIfExists();

runStorageContract(
  'BlobStore (STORAGE=blob) on Azurite',
  async () => {
    const container = uniqueContainer('contract');
    const storage = await BlobStore.open({ connectionString: azurite.current.connectionString, container });
    return {
      storage,
      dispose: async () => {
        await storage.close();
        await removeContainer(container);
      },
    };
  },
  { eTagOnMissingKey: 'conflict' },
);

runStorageContract(
  "botbuilder-azure-blobs' BlobsStorage alone on Azurite",
  () => {
    const container = uniqueContainer('sdk');
    return { storage: new BlobsStorage(azurite.current.connectionString, container), dispose: async () => void (await removeContainer(container)) };
  },
  { argumentErrors: 'zod', eTagOnMissingKey: 'conflict' },
);
