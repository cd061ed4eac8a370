/**
 * The Dexie database and its versions. Every version's stores stay declared below as
 * they were released (Dexie needs the history to upgrade an old database step by step);
 * a new version adds a `STORES_Vn` and an upgrade that rewrites the records it changes.
 *
 * Index notes:
 * - `*name` is multiEntry: one index entry per array element (tags, kinds, document keys,
 *   figure units, search tokens).
 * - Booleans are not IndexedDB keys, so tombstones are found through `deletedAt`, which
 *   is null (and so absent from the index) on live records: the index holds only them.
 * - `[createdAt+id]` / `[updatedAt+id]` give a total order for newest-first pages and
 *   cursors (two clippings saved in the same millisecond still have a place).
 * - `[host+createdAt+id]` / `[province+createdAt+id]`: the same order within one site or
 *   province, the library's main filters, so a filtered list walks only that site.
 * - v3 `tallies`: counts kept by every write (tallies.ts), so reads never count records.
 * - v4 drops the `*tokens` word index (about 80 entries per clipping, most of the cost of a
 *   save and of an import in a browser's IndexedDB) for the `searchLog` that words.ts
 *   keeps and searches in memory; and the single-field `host`, `province` and `updatedAt`
 *   indexes, which the compound ones answer as well (a range over `[host+createdAt+id]`
 *   is every clipping of the site), and `*kinds`: two entries on nearly every clipping for
 *   a filter of two values that nearly every clipping passes (the plan scans for it, and
 *   the kind tallies count it). `createdAt` stays: exports and tests order by it.
 *
 * Durability: the archive's transactions are "relaxed" (Dexie's `chromeTransactionDurability`,
 * IndexedDB's `durability` hint): a commit is reported once the browser has the data, not
 * after the disk has flushed it. A saved clipping survives closing the browser or a crash of
 * the browser; only an operating-system crash or a power cut in the second after a save can
 * lose that save. Strict durability flushes on every commit: measured in Chromium it made
 * a write of 5 000 clippings about 1.3 to 1.8 times slower, and it is each single save's
 * wait for the disk.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { ClippingRecord, PageRecord, SettingsRecord } from './records.ts';
import { tallyOf, type TallyKind, type TallyRecord } from './tallies.ts';
import { entryOf, forgetWords, logOf, type Entry, type SearchLogRecord } from './words.ts';
import {
  clippingV1toV2,
  pageV1toV2,
  settingsV1toV2,
  type ClippingRecordV1,
  type PageRecordV1,
  type SettingsRecordV1,
} from './migrations.ts';

export const DB_NAME = 'trich-luc';

export const STORES_V1 = {
  pages: 'id, &canonicalUrl, host, updatedAt',
  clippings: 'id, pageId, host, *tags, *kinds, *docCodes, createdAt, updatedAt',
  settings: 'id',
} as const;

/** v2: province and published instant on pages and clippings, search tokens, figure units, tombstone index, ordered pairs. */
export const STORES_V2 = {
  pages: 'id, &canonicalUrl, host, province, publishedAt, updatedAt',
  clippings:
    'id, pageId, host, province, *tags, *kinds, *docCodes, *figureUnits, *tokens, publishedAt, createdAt, updatedAt, deletedAt, ' +
    '[createdAt+id], [updatedAt+id], [host+createdAt+id], [province+createdAt+id]',
  settings: 'id',
} as const;

/** v3: the counts of tallies.ts, one record per counted thing. */
export const STORES_V3 = {
  ...STORES_V2,
  tallies: '[kind+value]',
} as const;

/** v4: no word index, no kinds index, no single-field host, province, updatedAt indexes; the search log. */
export const STORES_V4 = {
  ...STORES_V3,
  clippings:
    'id, pageId, *tags, *docCodes, *figureUnits, publishedAt, createdAt, deletedAt, ' +
    '[createdAt+id], [updatedAt+id], [host+createdAt+id], [province+createdAt+id]',
  searchLog: '[seq+run]',
} as const;

// Plain Tables (not EntityTable): ids are always given by the store, never generated.
export type ArchiveDB = Dexie & {
  pages: Table<PageRecord, string>;
  clippings: Table<ClippingRecord, string>;
  settings: Table<SettingsRecord, string>;
  tallies: Table<TallyRecord, [TallyKind, string]>;
  searchLog: Table<SearchLogRecord, [number, number]>;
};

export interface OpenOptions {
  /** Database name; tests use one per case. */
  name?: string;
  /** An IDBFactory and IDBKeyRange other than the global ones (fake-indexeddb in tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Records written by version 1 code. Checked per record, so the step leaves an already migrated record alone. */
function isV1<T extends { schemaVersion: number }, V extends { schemaVersion: 1 }>(r: T | V): r is V {
  return r.schemaVersion === 1;
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const pages = new Map<string, PageRecord>();
  await tx
    .table<PageRecordV1 | PageRecord, string>('pages')
    .toCollection()
    .modify((p, ref) => {
      const next = isV1<PageRecord, PageRecordV1>(p) ? pageV1toV2(p) : p;
      pages.set(next.id, next);
      ref.value = next;
    });
  await tx
    .table<ClippingRecordV1 | ClippingRecord, string>('clippings')
    .toCollection()
    .modify((c, ref) => {
      if (isV1<ClippingRecord, ClippingRecordV1>(c)) ref.value = clippingV1toV2(c, pages.get(c.pageId));
    });
  await tx
    .table<SettingsRecordV1 | SettingsRecord, string>('settings')
    .toCollection()
    .modify((s, ref) => {
      if (isV1<SettingsRecord, SettingsRecordV1>(s)) ref.value = settingsV1toV2(s);
    });
}

/** Counts the archive once, for the counts every later write keeps up to date. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const pages = await tx.table<PageRecord, string>('pages').toArray();
  const tally = tallyOf(pages, []);
  // Clippings one at a time rather than as one array: a large archive need not fit in memory twice.
  await tx.table<ClippingRecord, string>('clippings').each((c) => tally.clipping(c, 1));
  const records = [...tally.deltas.values()].filter((t) => t.n > 0 || t.kind === 'all' || t.kind === 'pages');
  await tx.table<TallyRecord, [TallyKind, string]>('tallies').bulkPut(records);
}

/** Writes the search log of the archive's clippings. */
async function upgradeToV4(tx: Transaction): Promise<void> {
  // Each clipping's entry only (its id and words), not the records: the archive is not
  // held in memory whole.
  const entries: Entry[] = [];
  await tx.table<ClippingRecord, string>('clippings').each((c) => entries.push(entryOf(c)));
  await tx.table<SearchLogRecord, [number, number]>('searchLog').bulkAdd(logOf(entries));
}

/** Declares every version on a Dexie instance. Exported for the upgrade tests. */
export function declareVersions(db: Dexie, upTo = 4): void {
  db.version(1).stores(STORES_V1);
  if (upTo >= 2) db.version(2).stores(STORES_V2).upgrade(upgradeToV2);
  if (upTo >= 3) db.version(3).stores(STORES_V3).upgrade(upgradeToV3);
  if (upTo >= 4) db.version(4).stores(STORES_V4).upgrade(upgradeToV4);
}

/** The archive database at its current version (opened lazily by Dexie on first use). */
export function openArchiveDB(options: OpenOptions = {}): ArchiveDB {
  const db = new Dexie(options.name ?? DB_NAME, {
    chromeTransactionDurability: 'relaxed',
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as ArchiveDB;
  declareVersions(db);
  // The words in memory belong to this connection: a reopened one reads the log afresh.
  db.on('close', () => forgetWords(db));
  return db;
}
