/**
 * Reading clippings: pages of a filtered list or a search, newest first, each clipping
 * with its page; and all clippings of one page (for re-anchoring and the side panel).
 * Each call is one read transaction, so a page of results is one consistent snapshot.
 */
import { queryTerms } from '../search/index.ts';
import type { ArchiveDB } from './db.ts';
import { normalizeFilter, type ClippingFilter, type NormalFilter } from './filter.ts';
import { orderedIds } from './order.ts';
import { queryPage, type PageRequest, type RecordPage } from './plan.ts';
import type { ClippingRecord, ClippingView, PageRecord } from './records.ts';
import { total } from './counts.ts';
import { canonicalizeUrl } from './url.ts';

export interface ListRequest extends PageRequest {
  filter?: ClippingFilter;
}

export interface ListResult {
  items: ClippingView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
  /** Number of matches when known without reading them all (see plan.ts), else null. */
  total: number | null;
}

/** Joins records to their pages (one bulk read of the distinct pages). */
export async function withPages(db: ArchiveDB, records: readonly ClippingRecord[]): Promise<ClippingView[]> {
  const ids = [...new Set(records.map((c) => c.pageId))];
  const pages = await db.pages.bulkGet(ids);
  const byId = new Map<string, PageRecord>();
  for (const p of pages) if (p) byId.set(p.id, p);
  // A clipping whose page is missing (only a damaged archive has one) is left out rather
  // than shown with an invented page.
  return records.flatMap((clipping) => {
    const page = byId.get(clipping.pageId);
    return page ? [{ clipping, page }] : [];
  });
}

// The functions below that start a transaction are not `async` on purpose: see `guard`
// in errors.ts (a transaction started inside a native async function's body can commit
// too early inside a live query).

function run(db: ArchiveDB, f: NormalFilter, request: PageRequest): Promise<ListResult> {
  return db.transaction('r', [db.clippings, db.pages, db.tallies, db.searchLog], async () => {
    const page: RecordPage = await queryPage(db.clippings, f, request, () => total(db, 'all'));
    return { items: await withPages(db, page.records), next: page.next, total: page.total };
  });
}

export function listClippings(db: ArchiveDB, request: ListRequest = {}): Promise<ListResult> {
  return run(db, normalizeFilter(request.filter), request);
}

/**
 * Full-text search: every word of the query must begin some word of the clipping (its
 * quote, note, tags, or its page's title and site), ignoring case and diacritics, with
 * numbers matched whatever their grouping. An empty query lists like `listClippings`.
 */
export function search(db: ArchiveDB, query: string, request: ListRequest = {}): Promise<ListResult> {
  return run(db, normalizeFilter(request.filter, queryTerms(query)), request);
}

/**
 * The ids of every live clipping a search and filter find, newest first (by save time),
 * from index keys and the words in memory (order.ts): the list maps any row to its id
 * and reads only the rows it shows (`getClippings`). Null when the filter has the kind
 * "figure", which no index answers: page through `search` then.
 */
export function matchOrder(db: ArchiveDB, query: string, filter?: ClippingFilter): Promise<string[] | null> {
  const f = normalizeFilter(filter, queryTerms(query));
  return db.transaction('r', [db.clippings, db.searchLog], () => orderedIds(db, f));
}

/** The live clippings of a page, in the order they appear on it; page null if never saved. */
export function clippingsForPage(db: ArchiveDB, url: string): Promise<{ page: PageRecord | null; clippings: ClippingRecord[] }> {
  const canonicalUrl = canonicalizeUrl(url);
  if (!canonicalUrl) return Promise.resolve({ page: null, clippings: [] });
  return db.transaction('r', db.clippings, db.pages, async () => {
    const page = (await db.pages.where('canonicalUrl').equals(canonicalUrl).first()) ?? null;
    if (!page) return { page: null, clippings: [] };
    const all = await db.clippings.where('pageId').equals(page.id).toArray();
    const clippings = all
      .filter((c) => !c.deleted)
      .sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt);
    return { page, clippings };
  });
}

/** Clippings by id, with their pages, in the order asked; missing ids are left out. */
export function getClippings(db: ArchiveDB, ids: readonly string[]): Promise<ClippingView[]> {
  return db.transaction('r', db.clippings, db.pages, async () => {
    const records = await db.clippings.bulkGet([...ids]);
    return withPages(db, records.filter((c): c is ClippingRecord => c !== undefined));
  });
}
