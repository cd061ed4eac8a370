/**
 * Views across the whole archive: the citation index, the statistics ledger, counts.
 *
 * They are built from index keys wherever they can be (distinct keys by a "nextunique"
 * walk, then each key's primary keys or count), so the archive's records are read only
 * where a value is needed: one sample clipping per cited document shown, the figures of
 * the ledger. Tombstones are read (they are few until purged) and taken out.
 */
import type { DocumentEntity, EntityKind, FigureEntity, Quantity } from '../recognize/types';
import type { ArchiveDB } from './db.ts';
import { documentKey } from './derive.ts';
import { isEmptyFilter, normalizeFilter, type ClippingFilter } from './filter.ts';
import { queryPage } from './plan.ts';
import { withPages } from './read.ts';
import type { ClippingRecord, ClippingView, PageRecord } from './records.ts';

type IndexName = 'host' | 'province' | 'tags' | 'kinds' | 'figureUnits' | 'docCodes';

async function tombstones(db: ArchiveDB): Promise<ClippingRecord[]> {
  return db.clippings.where('deletedAt').above(-Infinity).toArray();
}

function keysOf(c: ClippingRecord, index: IndexName): string[] {
  const v = c[index];
  if (Array.isArray(v)) return v;
  return v === null ? [] : [v];
}

/** Live clippings per key of an index, most first. */
async function groupCounts(db: ArchiveDB, index: IndexName, dead: readonly ClippingRecord[]): Promise<Map<string, number>> {
  const keys = (await db.clippings.orderBy(index).uniqueKeys()) as string[];
  const counts = await Promise.all(keys.map((k) => db.clippings.where(index).equals(k).count()));
  const out = new Map<string, number>();
  keys.forEach((k, i) => out.set(k, counts[i]!));
  for (const c of dead) for (const k of keysOf(c, index)) out.set(k, (out.get(k) ?? 0) - 1);
  for (const [k, n] of out) if (n <= 0) out.delete(k);
  return new Map([...out].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** The ids of the live clippings that pass a filter, or null for "no filter: all". */
async function allowedIds(db: ArchiveDB, filter: ClippingFilter | undefined): Promise<Set<string> | null> {
  const f = normalizeFilter(filter);
  if (isEmptyFilter(f)) return null;
  const page = await queryPage(db.clippings, f, { limit: Infinity });
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

/** Host of every clipping id, from the host index's keys alone. */
async function hostsById(db: ArchiveDB): Promise<Map<string, string>> {
  const hosts = (await db.clippings.orderBy('host').uniqueKeys()) as string[];
  const ids = await Promise.all(hosts.map((h) => db.clippings.where('host').equals(h).primaryKeys()));
  const out = new Map<string, string>();
  hosts.forEach((h, i) => {
    for (const id of ids[i]!) out.set(id, h);
  });
  return out;
}

/** Every document cited across the archive, with who cites it. */
export function citationIndex(db: ArchiveDB, options: CitationOptions = {}): Promise<CitationIndex> {
  return db.transaction('r', db.clippings, db.pages, async () => {
    const [dead, allowed, hostOf] = await Promise.all([tombstones(db), allowedIds(db, options.filter), hostsById(db)]);
    const deadIds = new Set(dead.map((c) => c.id));
    const keys = (await db.clippings.orderBy('docCodes').uniqueKeys()) as string[];
    const idLists = await Promise.all(keys.map((k) => db.clippings.where('docCodes').equals(k).primaryKeys()));
    const groups: { key: string; ids: string[] }[] = [];
    keys.forEach((key, i) => {
      const ids = idLists[i]!.filter((id) => !deadIds.has(id) && (allowed === null || allowed.has(id)));
      if (ids.length > 0) groups.push({ key, ids });
    });
    groups.sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : 1));
    const offset = Math.max(0, options.offset ?? 0);
    const shown = groups.slice(offset, offset + (options.limit ?? Infinity));
    // One clipping per row tells how the document is written; the newest id is as good as any.
    const samples = await db.clippings.bulkGet(shown.map((g) => g.ids[0]!));
    const rows = shown.map((g, i): CitationRow => {
      const entity = samples[i]?.entities.find((e): e is DocumentEntity => e.kind === 'document' && documentKey(e) === g.key);
      const hosts = [...new Set(g.ids.map((id) => hostOf.get(id) ?? ''))].filter((h) => h !== '').sort();
      return {
        key: g.key,
        code: entity?.code ?? null,
        text: entity?.text ?? g.key,
        docType: entity?.docType ?? 'Công văn',
        year: entity?.year ?? null,
        issuer: entity?.issuer ?? null,
        clippingCount: g.ids.length,
        siteCount: hosts.length,
        hosts,
        clippingIds: g.ids,
      };
    });
    return { total: groups.length, rows };
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

/**
 * Every clipped figure as a row, newest clipping first, figures in text order. Reads the
 * clippings that hold figures (narrowed by unit and filter through the indexes): a table
 * sortable by any column needs them all.
 */
export function ledger(db: ArchiveDB, options: LedgerOptions = {}): Promise<LedgerRow[]> {
  return db.transaction('r', db.clippings, db.pages, async () => {
    const f = normalizeFilter({ ...options.filter, kind: 'figure', ...(options.unit ? { unit: options.unit } : {}) });
    const { records } = await queryPage(db.clippings, f, { limit: Infinity });
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
  return db.transaction('r', db.clippings, db.pages, async () => {
    const dead = await tombstones(db);
    const [all, pages, hosts, provinces, tags, kinds, units, docs, oldest, newest] = await Promise.all([
      db.clippings.count(),
      db.pages.count(),
      groupCounts(db, 'host', dead),
      groupCounts(db, 'province', dead),
      groupCounts(db, 'tags', dead),
      groupCounts(db, 'kinds', dead),
      groupCounts(db, 'figureUnits', dead),
      distinctLiveDocuments(db, dead),
      db.clippings.orderBy('createdAt').first(),
      db.clippings.orderBy('createdAt').last(),
    ]);
    const siteNames = await Promise.all([...hosts.keys()].map((h) => db.pages.where('host').equals(h).first()));
    return {
      clippings: all - dead.length,
      tombstones: dead.length,
      pages,
      documents: docs,
      byKind: { document: kinds.get('document') ?? 0, figure: kinds.get('figure') ?? 0 },
      sites: [...hosts].map(([host, count], i) => ({ host, site: siteNames[i]?.site ?? null, count })),
      provinces: [...provinces].map(([province, count]) => ({ province, count })),
      tags: [...tags].map(([tag, count]) => ({ tag, count })),
      units: [...units].map(([unit, count]) => ({ unit, count })),
      oldest: oldest?.createdAt ?? null,
      newest: newest?.createdAt ?? null,
    };
  });
}

/** Distinct document keys, less those cited only by tombstones (only their keys are counted). */
async function distinctLiveDocuments(db: ArchiveDB, dead: readonly ClippingRecord[]): Promise<number> {
  const keys = (await db.clippings.orderBy('docCodes').uniqueKeys()) as string[];
  const deadPer = new Map<string, number>();
  for (const c of dead) for (const k of c.docCodes) deadPer.set(k, (deadPer.get(k) ?? 0) + 1);
  let gone = 0;
  for (const [k, n] of deadPer) if ((await db.clippings.where('docCodes').equals(k).count()) <= n) gone++;
  return keys.length - gone;
}
