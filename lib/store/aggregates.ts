/**
 * Views across the whole archive: the citation index, the statistics ledger, counts.
 *
 * Counts come from the tallies every write keeps (tallies.ts): the filters' choices and
 * the citation index's order cost a read of a few thousand small records, whatever the
 * size of the archive. What the counts cannot say is read from index keys (the clippings
 * citing the documents shown, by the `docCodes` index), so records are read only where a
 * value is needed: one sample clipping per cited document shown, the figures of the
 * ledger. A citation index narrowed by a filter reads the filter's matches' keys.
 */
import type { DocumentEntity, EntityKind, FigureEntity, Quantity } from '../recognize/types';
import type { ArchiveDB } from './db.ts';
import { documentKey } from './derive.ts';
import { isEmptyFilter, matchesFilter, normalizeFilter, type ClippingFilter } from './filter.ts';
import { queryPage } from './plan.ts';
import { withPages } from './read.ts';
import type { ClippingRecord, ClippingView, PageRecord } from './records.ts';
import { countOf, hostsCiting, tallies, total } from './counts.ts';
import { logLedger, type LedgerEntry } from './words.ts';

export type { LedgerEntry } from './words.ts';

/** The ids of the live clippings that pass a filter, or null for "no filter: all". */
async function allowedIds(db: ArchiveDB, filter: ClippingFilter | undefined): Promise<Set<string> | null> {
  const f = normalizeFilter(filter);
  if (isEmptyFilter(f)) return null;
  const page = await queryPage(db.clippings, f, { limit: Infinity }, () => total(db, 'all'));
  return new Set(page.records.map((c) => c.id));
}

export interface CitationRow {
  /** The document key (`documentKey`): what `filter.docCode` takes. */
  key: string;
  /** The code as one of its clippings wrote it ("3307/QĐ-UBND"), or null for a law cited by name. */
  code: string | null;
  /** The citation text of that clipping ("Quyết định số 3307/QĐ-UBND"). */
  text: string;
  docType: DocumentEntity['docType'];
  year: number | null;
  issuer: string | null;
  clippingCount: number;
  /** Distinct sites (hosts) whose pages cite it. */
  siteCount: number;
  hosts: string[];
  /** Every live clipping citing it; read them with `getClippings`. */
  clippingIds: string[];
}

export interface CitationIndex {
  /** Distinct documents cited (before offset/limit). */
  total: number;
  rows: CitationRow[];
}

export interface CitationOptions {
  filter?: ClippingFilter;
  /** Rows are sorted by clipping count, most cited first; page with offset/limit. */
  offset?: number;
  limit?: number;
}

/** Every document cited across the archive, with who cites it. */
export function citationIndex(db: ArchiveDB, options: CitationOptions = {}): Promise<CitationIndex> {
  return db.transaction('r', [db.clippings, db.pages, db.tallies, db.searchLog], async () => {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = options.limit ?? Infinity;
    const allowed = await allowedIds(db, options.filter);
    if (allowed !== null) return filteredCitations(db, allowed, offset, limit);
    // The kept counts give the order; only the rows shown read their clippings' keys.
    const docs = await tallies(db, 'doc');
    const shown = docs.slice(offset, offset + limit);
    const dead = new Set(await db.clippings.where('deletedAt').above(-Infinity).primaryKeys());
    const groups = await Promise.all(
      shown.map(async (d) => ({
        key: d.value,
        ids: (await db.clippings.where('docCodes').equals(d.value).primaryKeys()).filter((id) => !dead.has(id)),
        hosts: await hostsCiting(db, d.value),
      })),
    );
    return { total: docs.length, rows: await citationRows(db, groups) };
  });
}

/** A citation index over the clippings a filter lets through: keys of the docCodes index, hosts of those clippings. */
async function filteredCitations(db: ArchiveDB, allowed: Set<string>, offset: number, limit: number): Promise<CitationIndex> {
  const keys = (await db.clippings.orderBy('docCodes').uniqueKeys()) as string[];
  const idLists = await Promise.all(keys.map((k) => db.clippings.where('docCodes').equals(k).primaryKeys()));
  const groups: { key: string; ids: string[] }[] = [];
  keys.forEach((key, i) => {
    const ids = idLists[i]!.filter((id) => allowed.has(id));
    if (ids.length > 0) groups.push({ key, ids });
  });
  groups.sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : 1));
  const shown = groups.slice(offset, offset + limit);
  const hostOf = new Map<string, string>();
  const records = await db.clippings.bulkGet([...new Set(shown.flatMap((g) => g.ids))]);
  for (const c of records) if (c) hostOf.set(c.id, c.host);
  const rows = await citationRows(
    db,
    shown.map((g) => ({ ...g, hosts: [...new Set(g.ids.map((id) => hostOf.get(id) ?? ''))].filter((h) => h !== '').sort() })),
  );
  return { total: groups.length, rows };
}

/** Rows from document groups: one clipping per row tells how the document is written (the newest id is as good as any). */
async function citationRows(db: ArchiveDB, groups: readonly { key: string; ids: string[]; hosts: string[] }[]): Promise<CitationRow[]> {
  const samples = await db.clippings.bulkGet(groups.map((g) => g.ids[0] ?? ''));
  return groups.map((g, i): CitationRow => {
    const entity = samples[i]?.entities.find((e): e is DocumentEntity => e.kind === 'document' && documentKey(e) === g.key);
    return {
      key: g.key,
      code: entity?.code ?? null,
      text: entity?.text ?? g.key,
      docType: entity?.docType ?? 'Công văn',
      year: entity?.year ?? null,
      issuer: entity?.issuer ?? null,
      clippingCount: g.ids.length,
      siteCount: g.hosts.length,
      hosts: g.hosts,
      clippingIds: g.ids,
    };
  });
}

export interface LedgerRow {
  figure: FigureEntity;
  /** Position of the figure among its clipping's entities (rows of one clipping share it). */
  entityIndex: number;
  clipping: ClippingRecord;
  page: PageRecord;
}

export interface LedgerOptions {
  filter?: ClippingFilter;
  unit?: string;
  quantity?: Quantity;
}

/** Newest first by save time, then id: the list's order. */
function newestFirst(a: ClippingRecord, b: ClippingRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Every clipped figure as a row, newest clipping first, figures in text order. A table
 * sortable by any column needs every row, so the clippings that hold figures are read
 * whole. One unit's (the library's ledger) are the `figureUnits` index's range, read in
 * one request: not a walk of the archive's order, which reads every clipping a record
 * at a time to find them (in Chromium a ledger of one unit took 49 s at 100 000
 * clippings that way). Without a unit the plan finds them (plan.ts).
 */
export function ledger(db: ArchiveDB, options: LedgerOptions = {}): Promise<LedgerRow[]> {
  return db.transaction('r', [db.clippings, db.pages, db.tallies, db.searchLog], async () => {
    const f = normalizeFilter({ ...options.filter, kind: 'figure', ...(options.unit ? { unit: options.unit } : {}) });
    const records =
      f.unit !== undefined
        ? (await db.clippings.where('figureUnits').equals(f.unit).toArray()).filter((c) => matchesFilter(c, f)).sort(newestFirst)
        : (await queryPage(db.clippings, f, { limit: Infinity }, () => total(db, 'all'))).records;
    const views: ClippingView[] = await withPages(db, records);
    return views.flatMap(({ clipping, page }) =>
      clipping.entities.flatMap((e, entityIndex): LedgerRow[] =>
        e.kind === 'figure' &&
        (options.unit === undefined || e.unit === options.unit) &&
        (options.quantity === undefined || e.quantity === options.quantity)
          ? [{ figure: e, entityIndex, clipping, page }]
          : [],
      ),
    );
  });
}

/** A ledger row as the compact entry the library keeps (what `logLedger` builds from memory). */
export function ledgerEntryOf(r: LedgerRow): LedgerEntry {
  return {
    clippingId: r.clipping.id,
    entityIndex: r.entityIndex,
    figure: r.figure,
    pageId: r.page.id,
    publishedAt: r.clipping.publishedAt,
    createdAt: r.clipping.createdAt,
  };
}

/**
 * The ledger of a unit (every figure when none is given) as compact entries, newest
 * clipping first: from the words' memory (words.ts `logLedger`), which a search or the
 * list's order has usually loaded already, so no clipping record is read; the quote and
 * the page of the rows shown are read by the view (`getClippings`). An archive whose log
 * predates the figures in it reads the clippings (`ledger`).
 */
export function ledgerEntries(db: ArchiveDB, options: { unit?: string } = {}): Promise<LedgerEntry[]> {
  return db.transaction('r', [db.clippings, db.pages, db.tallies, db.searchLog], () =>
    logLedger(db, options.unit).then(
      (entries) =>
        entries ??
        ledger(db, options.unit === undefined ? {} : { unit: options.unit }).then((rows) =>
          rows.map(ledgerEntryOf),
        ),
    ),
  );
}

export interface ArchiveStats {
  /** Live clippings. */
  clippings: number;
  /** Deleted clippings not yet purged. */
  tombstones: number;
  pages: number;
  /** Distinct documents cited by live clippings. */
  documents: number;
  /** Live clippings holding at least one entity of each kind. */
  byKind: Record<EntityKind, number>;
  sites: { host: string; site: string | null; count: number }[];
  provinces: { province: string; count: number }[];
  tags: { tag: string; count: number }[];
  units: { unit: string; count: number }[];
  /** Save times of the oldest and newest clipping (epoch ms), null when empty. */
  oldest: number | null;
  newest: number | null;
}

export function stats(db: ArchiveDB): Promise<ArchiveStats> {
  return db.transaction('r', [db.clippings, db.tallies, db.searchLog], async () => {
    const [all, pages, dead, hosts, provinces, tags, kinds, units, docs, oldest, newest] = await Promise.all([
      total(db, 'all'),
      total(db, 'pages'),
      db.clippings.where('deletedAt').above(-Infinity).count(),
      tallies(db, 'host'),
      tallies(db, 'province'),
      tallies(db, 'tag'),
      tallies(db, 'kind'),
      tallies(db, 'unit'),
      countOf(db, 'doc'),
      db.clippings.orderBy('createdAt').first(),
      db.clippings.orderBy('createdAt').last(),
    ]);
    const kind = (k: EntityKind) => kinds.find((t) => t.value === k)?.n ?? 0;
    return {
      clippings: all - dead,
      tombstones: dead,
      pages,
      documents: docs,
      byKind: { document: kind('document'), figure: kind('figure') },
      sites: hosts.map((t) => ({ host: t.value, site: t.label ?? null, count: t.n })),
      provinces: provinces.map((t) => ({ province: t.value, count: t.n })),
      tags: tags.map((t) => ({ tag: t.value, count: t.n })),
      units: units.map((t) => ({ unit: t.value, count: t.n })),
      oldest: oldest?.createdAt ?? null,
      newest: newest?.createdAt ?? null,
    };
  });
}
