import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { isQuotaError, STORE_ERROR_MESSAGE_KEYS, StoreError, toStoreError } from '../../lib/store/errors.ts';
import { requestPersistentStorage, storageUse } from '../../lib/store/persist.ts';
import { clip, clip3307, fresh } from './helpers.ts';

/**
 * A disk that fills up: while `full.on`, every write to `table` fails the way browsers
 * fail it, with a DOMException named QuotaExceededError, inside the transaction.
 */
function fillDisk(table: string, full: { on: boolean }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== table) return t;
        const failing: DBCoreTable = {
          ...t,
          mutate: (req) => (full.on ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : t.mutate(req)),
        };
        return failing;
      },
    }),
  };
}

describe('a full disk', () => {
  it('fails a save with StoreError quota and writes nothing, not even the page', async () => {
    const { db, repo } = fresh();
    const full = { on: true };
    db.use(fillDisk('clippings', full));

    const error = await repo.saveClipping(clip3307({ tags: ['ngân sách'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota', messageKey: 'storeErrorQuota' });
    // the page was written before the clipping in the same transaction: rolled back
    full.on = false;
    expect(await db.pages.count()).toBe(0);
    expect(await db.clippings.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('leaves a clipping as it was when its update fails', async () => {
    const { db, repo } = fresh();
    const full = { on: false };
    db.use(fillDisk('clippings', full));
    const { clipping } = await repo.saveClipping(clip3307({ note: 'trước' }));
    full.on = true;
    await expect(repo.updateClipping(clipping.id, { note: 'sau', tags: ['mới'] })).rejects.toMatchObject({ code: 'quota' });
    full.on = false;
    const [after] = await repo.getClippings([clipping.id]);
    expect(after!.clipping).toEqual(clipping);
    expect((await repo.getSettings()).recentTags).toEqual([]);
  });

  it('saves a batch all or none', async () => {
    const { db, repo } = fresh();
    const full = { on: true };
    db.use(fillDisk('clippings', full));
    await expect(repo.saveClippings([clip('Một.'), clip('Hai.', {}, { url: 'https://hanoi.gov.vn/x' })])).rejects.toMatchObject({ code: 'quota' });
    full.on = false;
    expect(await db.pages.count()).toBe(0);
  });

  it('is recognised through Dexie wrappers and causes', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('aborted', { cause: { name: 'AbortError', inner: quota } }))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});

describe('other failures', () => {
  it('map to unknown, keeping the cause', () => {
    const cause = new TypeError('boom');
    const e = toStoreError(cause);
    expect(e).toMatchObject({ code: 'unknown', messageKey: 'storeErrorUnknown' });
    expect(e.cause).toBe(cause);
    expect(toStoreError('string')).toMatchObject({ code: 'unknown' });
  });

  it('pass a StoreError through', () => {
    const e = new StoreError('invalid', 'x');
    expect(toStoreError(e)).toBe(e);
  });

  it('come out of the repository as StoreError when the database cannot open', async () => {
    const { db, repo } = fresh();
    db.use({
      stack: 'dbcore',
      name: 'broken',
      create: (down) => ({ ...down, transaction: () => { throw new Error('disk gone'); } }),
    });
    await expect(repo.listClippings()).rejects.toMatchObject({ code: 'unknown' });
  });
});

describe('persistent storage', () => {
  it('asks once and reports the answer', async () => {
    let asked = 0;
    const storage = { persisted: async () => false, persist: async () => (++asked, true) };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(asked).toBe(1);
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => false })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: () => Promise.reject(new Error('no')) })).toBe('denied');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });

  it('reads how full the storage is', async () => {
    const base = { persisted: async () => false, persist: async () => false };
    expect(await storageUse({ ...base, estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({ usage: 10, quota: 100 });
    expect(await storageUse({ ...base, estimate: async () => ({}) })).toBeNull();
    expect(await storageUse(base)).toBeNull();
  });
});

describe('StoreError messages', () => {
  type Messages = Record<string, { message: string }>;
  const locale = (name: string) => JSON.parse(readFileSync(`public/_locales/${name}/messages.json`, 'utf8')) as Messages;

  it('has every messageKey in both locale files', () => {
    const [en, vi] = [locale('en'), locale('vi')];
    for (const key of Object.values(STORE_ERROR_MESSAGE_KEYS)) {
      expect(en[key]?.message, `en ${key}`).toMatch(/\S/);
      expect(vi[key]?.message, `vi ${key}`).toMatch(/\S/);
      // The Vietnamese text is Vietnamese: it carries diacritics (and is not the English one).
      expect(vi[key]!.message).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
      expect(vi[key]!.message).not.toBe(en[key]!.message);
    }
  });
});
