import { IndexedMemoryStorage } from '../../bot/storage/memoryStore';
import { memoryStorageFactory, runStorageContract } from './storageContract';

runStorageContract('botbuilder MemoryStorage', memoryStorageFactory);
runStorageContract('IndexedMemoryStorage (STORAGE=memory)', () => ({ storage: new IndexedMemoryStorage() }));
