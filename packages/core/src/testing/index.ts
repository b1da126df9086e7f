export {
  createFakePortal,
  DEFAULT_BACKUP_PROGRESS,
  type FakeCall,
  type FakeCallKind,
  type FakeOutcome,
  type FakePortal,
  type FakePortalOptions,
} from './fake-portal.js';
export { memoryStorage, type MemoryStorage, type MemoryStorageOptions, type StorageOutcome } from './memory-storage.js';
