import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { declareVersions, openArchiveDB } from '../../lib/store/db.ts';
import { clippingV1toV2, pageV1toV2, type ClippingRecordV1, type PageRecordV1, type SettingsRecordV1 } from '../../lib/store/migrations.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { SCHEMA_VERSION } from '../../lib/store/records.ts';
import { clip, clip3307, DOC, entitiesIn, FIG, fresh } from './helpers.ts';

const QUOTE = 'Theo Quyết định số 3307/QĐ-UBND, tổng vốn 1.640 tỷ đồng.';

/** Records exactly as version 1 of the store wrote them. */
const PAGE_V1: PageRecordV1 = {
  schemaVersion: 1,
  id: 'page-1',
  url: 'https://bdv.binhphuoc.gov.vn/tin/a.html',
  canonicalUrl: 'https://bdv.binhphuoc.gov.vn/tin/a.html',
  host: 'bdv.binhphuoc.gov.vn',
  title: 'Giải ngân vốn đầu tư công',
  published: '2024-03-12T08:30:00+07:00',
  author: null,
  site: 'Cổng TTĐT Bình Phước',
  firstSeen: 1_700_000_000_000,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  deleted: false,
};

function clippingV1(id: string, over: Partial<ClippingRecordV1> = {}): ClippingRecordV1 {
  return {
    schemaVersion: 1,
    id,
    pageId: 'page-1',
    quote: QUOTE,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'Chiều 12/3, ', suffix: ' Đồng thời' },
      position: { type: 'TextPositionSelector', start: 40, end: 40 + QUOTE.length },
    },
    entities: entitiesIn(QUOTE, [
      ['Quyết định số 3307/QĐ-UBND', DOC('3307/QĐ-UBND')],
      ['1.640 tỷ đồng', FIG(1.64e12, 'VND')],
    ]),
    note: 'Ghi chú <b>cũ</b> 📌',
    tags: ['ngân sách'],
    colour: 'green',
    createdAt: 1_700_000_100_000,
    updatedAt: 1_700_000_200_000,
    deleted: false,
    host: 'bdv.binhphuoc.gov.vn',
    kinds: ['document', 'figure'],
    docCodes: ['3307/qd-ubnd'],
    ...over,
  };
}

const SETTINGS_V1: SettingsRecordV1 = { schemaVersion: 1, id: 'archive', defaultColour: 'blue', recentTags: ['ngân sách'], updatedAt: 1 };

/** Writes a version 1 database with the version 1 schema only, then closes it. */
async function writeV1(factory: IDBFactory, name: string): Promise<void> {
  const v1 = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  declareVersions(v1, 1);
  await v1.open();
  expect(v1.verno).toBe(1);
  await v1.table('pages').add(PAGE_V1);
  await v1.table('clippings').bulkAdd([
    clippingV1('c-live'),
    clippingV1('c-dead', { deleted: true, updatedAt: 1_700_000_300_000, note: '' }),
    clippingV1('c-orphan', { pageId: 'page-gone', createdAt: 1_700_000_050_000 }),
  ]);
  await v1.table('settings').add(SETTINGS_V1);
  v1.close();
}

describe('upgrade from schema version 1', () => {
  it('keeps every record and migrates it, and the new indexes answer', async () => {
    const factory = new IDBFactory();
    await writeV1(factory, 'archive');

    const db = openArchiveDB({ name: 'archive', indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);

    const page = await db.pages.get('page-1');
    expect(page).toEqual({ ...PAGE_V1, schemaVersion: 2, province: 'Bình Phước', publishedAt: Date.parse('2024-03-12T08:30:00+07:00') });

    const live = await db.clippings.get('c-live');
    const { schemaVersion: _v, ...v1Fields } = clippingV1('c-live');
    expect(live).toMatchObject(v1Fields); // nothing lost or changed
    expect(live).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      province: 'Bình Phước',
      publishedAt: Date.parse('2024-03-12T08:30:00+07:00'),
      figureUnits: ['VND'],
      deletedAt: null,
    });
    expect(live!.tokens).toEqual(expect.arrayContaining(['quyet', '3307/qd-ubnd', '1640', 'ghi', 'ngan', 'giai']));

    expect(await db.clippings.get('c-dead')).toMatchObject({ deleted: true, deletedAt: 1_700_000_300_000 });
    // a clipping whose page is missing is kept, with what it had
    expect(await db.clippings.get('c-orphan')).toMatchObject({ schemaVersion: 2, host: 'bdv.binhphuoc.gov.vn', province: null });
    expect(await db.settings.get('archive')).toEqual({ ...SETTINGS_V1, schemaVersion: 2, persisted: null, lastExportAt: null });

    // the repository works on the migrated data through the new indexes
    const repo = createRepo(db);
    expect((await repo.search('quyet dinh 3307')).items.map((v) => v.clipping.id)).toEqual(['c-live']);
    expect((await repo.listClippings({ filter: { province: 'Bình Phước' } })).items.map((v) => v.clipping.id)).toEqual(['c-live']);
    expect((await repo.stats()).tombstones).toBe(1);
    expect((await repo.listClippings()).items.map((v) => v.clipping.id)).toEqual(['c-live']); // orphan has no page to show
    db.close();
  });

  it('opens an empty version 1 database', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('empty', { indexedDB: factory, IDBKeyRange });
    declareVersions(v1, 1);
    await v1.open();
    v1.close();
    const repo = createRepo(openArchiveDB({ name: 'empty', indexedDB: factory, IDBKeyRange }));
    expect((await repo.stats()).clippings).toBe(0);
  });

  it('migrates records one by one with pure functions', () => {
    const page = pageV1toV2(PAGE_V1);
    const c = clippingV1toV2(clippingV1('x'), page);
    expect(c.schemaVersion).toBe(2);
    expect(c.province).toBe('Bình Phước');
    expect(clippingV1toV2(clippingV1('y'), undefined).province).toBeNull();
  });
});

describe('upgrade from schema version 3 (the word index) to 4 (the search log)', () => {
  it('keeps every record, drops the word index and finds the same clippings', async () => {
    const factory = new IDBFactory();
    const scratch = fresh();
    const saved = await scratch.repo.saveClippings([clip3307(), clip('Nghị quyết về giải ngân vốn.', { tags: ['đầu tư'] }), clip('Một đoạn khác, 2,5 ha đất.')]);
    const deleted = saved[2]!.clipping.id;
    await scratch.repo.deleteClipping(deleted);
    const [pages, clippings, tallies, settings] = await Promise.all([scratch.db.pages.toArray(), scratch.db.clippings.toArray(), scratch.db.tallies.toArray(), scratch.db.settings.toArray()]);

    // A version 3 database holding those records, as version 3 code wrote them.
    const v3 = new Dexie('archive-v3', { indexedDB: factory, IDBKeyRange });
    declareVersions(v3, 3);
    await v3.open();
    await v3.table('pages').bulkAdd(pages);
    await v3.table('clippings').bulkAdd(clippings);
    await v3.table('tallies').bulkAdd(tallies);
    await v3.table('settings').bulkAdd(settings);
    expect(await v3.table('clippings').where('tokens').startsWith('3307').count()).toBe(1);
    v3.close();

    const db = openArchiveDB({ name: 'archive-v3', indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.clippings.schema.indexes.map((i) => i.name)).not.toContain('tokens');
    expect(await db.clippings.toArray()).toEqual(clippings);
    expect(await db.pages.toArray()).toEqual(pages);
    expect(await db.tallies.toArray()).toEqual(tallies);
    expect(await db.searchLog.count()).toBeGreaterThan(0);

    const repo = createRepo(db);
    expect((await repo.search('quyet dinh 3307')).items.map((v) => v.clipping.id)).toEqual([saved[0]!.clipping.id]);
    expect((await repo.search('1640 ty')).total).toBe(1);
    expect((await repo.search('qd-ubnd')).total).toBe(1);
    expect((await repo.search('dau tu', { tag: 'đầu tư' })).items.map((v) => v.clipping.id)).toEqual([saved[1]!.clipping.id]);
    expect((await repo.search('2.5 ha')).total).toBe(0); // deleted: not found
    await repo.undoDelete(deleted);
    expect((await repo.search('2.5 ha')).items.map((v) => v.clipping.id)).toEqual([deleted]);
    expect((await repo.listClippings({ filter: { host: 'bdv.binhphuoc.gov.vn' } })).total).toBe(3);
    db.close();
  });

  it('goes from version 1 to 4 in one opening, with search through the log', async () => {
    const factory = new IDBFactory();
    await writeV1(factory, 'archive-1-4');
    const db = openArchiveDB({ name: 'archive-1-4', indexedDB: factory, IDBKeyRange });
    const repo = createRepo(db);
    expect((await repo.search('ghi chu cu')).items.map((v) => v.clipping.id)).toEqual(['c-live']);
    expect(db.verno).toBe(4);
    expect((await repo.search('3307/qd')).items.map((v) => v.clipping.id)).toEqual(['c-live']);
    db.close();
  });
});
