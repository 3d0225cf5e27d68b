/**
 * Errors that mean "the store cannot take writes right now", as opposed to a bug or a bad item:
 * from the file system for lowdb (read-only, full, no permission, failing disk; the codes below),
 * from Azure for blob (unreachable, refusing credentials, 5xx; see blobFaultCode). A turn that
 * meets one keeps the person's saved state and tells them plainly; the health check reports it.
 */
const FAULT_CODES = new Set(['EROFS', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EIO', 'EISDIR', 'ENOTDIR', 'EMFILE', 'ENFILE', 'EBUSY']);

export class StorageFaultError extends Error {
  constructor(readonly code: string, cause: unknown) {
    super(`Storage: the store cannot take writes (${code}).`, { cause });
    this.name = 'StorageFaultError';
  }
}

/** The errno code when `err` is a file-system fault, otherwise undefined. */
export function faultCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && FAULT_CODES.has(code) ? code : undefined;
}

export function isStorageFault(err: unknown): err is StorageFaultError {
  return err instanceof StorageFaultError;
}

/** What a store says about itself to the health check. */
export type StorageHealth = { ok: true } | { ok: false; reason: string; since: number };
