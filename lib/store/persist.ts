/**
 * Storage hygiene. Browsers may evict an origin's IndexedDB under disk pressure unless it
 * is marked persistent; an archive of months of clippings must not vanish that way, so
 * the extension asks once (from an extension page, where the browser can ask the user).
 */

export type PersistResult = 'granted' | 'denied' | 'unsupported';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'> & Partial<Pick<StorageManager, 'estimate'>>;

function defaultStorage(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/** Asks for persistent storage; says whether the archive is now safe from eviction. Never throws. */
export async function requestPersistentStorage(storage: StorageLike | undefined = defaultStorage()): Promise<PersistResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

export interface StorageUse {
  /** Bytes used by the extension's origin. */
  usage: number;
  /** Bytes it may use. */
  quota: number;
}

/** How full the origin's storage is, to warn before a save fails; null where unknown. */
export async function storageUse(storage: StorageLike | undefined = defaultStorage()): Promise<StorageUse | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const e = await storage.estimate();
    return typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}
