/**
 * Every match of a filter or a search as ids, newest first by save time, from index keys
 * alone: what lets the library jump to any row of a long list. A page of results found
 * through cursors (plan.ts) cannot reach row 50 000 without reading its way there; with
 * the ordered ids, row r is `ids[r]` and a page is a read of the ids it shows.
 *
 * The order comes first from the connection's memory of the search log (words.ts's
 * `logOrder`: every live clipping with its save time, read for searches anyway and kept
 * up to date by each read's look at what is new in the log), so it costs no index read.
 * An archive whose log predates the save times falls back to index keys: one ordered
 * index (the whole archive's `[createdAt+id]`, or the site's or province's own when the
 * filter names one, bounded by the save-time range), less the tombstones. Keys are
 * cheaper than records (a record read costs about 100 µs in Chromium, its structured
 * clone), but not free: about 25 µs a key on a loaded machine, 2.5 s for 100 000.
 *
 * Every other criterion is a set of primary keys: an index equality or range, or the
 * words in memory for the search terms. The ids are the order's members in every set.
 *
 * Each criterion means here what it means in `matchesFilter` (filter.ts): the indexes
 * hold exactly the values that function tests. One criterion has no index: the entity
 * kind (v4 dropped `*kinds`). "document" is answered by the `docCodes` index (a clipping
 * holds a document exactly when it has a document key); "figure" cannot be (a figure
 * without a unit has no `figureUnits` entry), and its callers page through cursors.
 */
import type { ArchiveDB } from './db.ts';
import type { NormalFilter } from './filter.ts';
import { logOrder, matchingIds, type LogOrder } from './words.ts';

/** What `orderedIds` read, for tests that count work rather than time. */
export interface OrderTrace {
  /** Primary keys fetched from indexes. */
  keys: number;
}

// An array sorts after every number and string in IndexedDB: [t, HIGH] is past every [t, id].
const HIGH: never[] = [];

/** The order's ids, oldest first: the lane of the filter's site or province, or the whole archive, within the save-time range. */
function orderKeys(db: ArchiveDB, f: NormalFilter): Promise<string[]> {
  const [lo, hi] = f.saved ?? [-Infinity, Infinity];
  const field = f.host !== undefined ? 'host' : f.province !== undefined ? 'province' : null;
  if (field !== null) {
    const value = field === 'host' ? f.host! : f.province!;
    // [v, lo] sorts before every [v, lo, id]; [v, hi, []] after every [v, hi, id].
    return db.clippings.where(`[${field}+createdAt+id]`).between([value, lo], [value, hi, HIGH], true, true).primaryKeys();
  }
  if (!f.saved) return db.clippings.orderBy('[createdAt+id]').primaryKeys();
  return db.clippings.where('[createdAt+id]').between([lo], [hi, HIGH], true, true).primaryKeys();
}

/**
 * The sets every id must be in: one per criterion the order does not already apply (the
 * key path's order applies the site or else the province, and the save times; the log's
 * order applies neither place).
 */
function criteriaSets(db: ArchiveDB, f: NormalFilter, fromLog: boolean): Promise<Set<string>>[] {
  const t = db.clippings;
  const keys = (p: Promise<string[]>) => p.then((k) => new Set(k));
  const lane = (field: 'host' | 'province', value: string) =>
    keys(t.where(`[${field}+createdAt+id]`).between([value, -Infinity], [value, Infinity], true, true).primaryKeys());
  const out: Promise<Set<string>>[] = [];
  if (f.host !== undefined && fromLog) out.push(lane('host', f.host));
  if (f.province !== undefined && (fromLog || f.host !== undefined)) out.push(lane('province', f.province));
  if (f.pageId !== undefined) out.push(keys(t.where('pageId').equals(f.pageId).primaryKeys()));
  if (f.docCode !== undefined) out.push(keys(t.where('docCodes').equals(f.docCode).primaryKeys()));
  if (f.tag !== undefined) out.push(keys(t.where('tags').equals(f.tag).primaryKeys()));
  if (f.unit !== undefined) out.push(keys(t.where('figureUnits').equals(f.unit).primaryKeys()));
  if (f.published) out.push(keys(t.where('publishedAt').between(f.published[0], f.published[1], true, true).primaryKeys()));
  if (f.kind === 'document') out.push(keys(t.orderBy('docCodes').primaryKeys()));
  if (f.terms && f.terms.length > 0) out.push(matchingIds(db, f.terms));
  return out;
}

/** Whether `orderedIds` can answer the filter (every criterion but the kind "figure"). */
export function canOrder(f: NormalFilter): boolean {
  return f.kind === undefined || f.kind === 'document';
}

/** The members of `order` (newest first) in every set, in order. */
function sieve(order: readonly string[], sets: Set<string>[], keep: (id: string) => boolean = () => true): string[] {
  // Smallest set first: most ids fail there.
  sets.sort((a, b) => a.size - b.size);
  return order.filter((id) => keep(id) && sets.every((s) => s.has(id)));
}

/** From the log's order: every live clipping, newest first, with its save time for the save-time range. */
function fromLog(db: ArchiveDB, f: NormalFilter, log: LogOrder, trace?: OrderTrace): Promise<string[]> {
  return Promise.all(criteriaSets(db, f, true)).then((sets) => {
    if (trace) trace.keys += sets.reduce((n, s) => n + s.size, 0);
    const saved = f.saved;
    const created = log.created;
    return sieve(log.ids, sets, saved ? (id) => created.get(id)! >= saved[0] && created.get(id)! <= saved[1] : undefined);
  });
}

/** From index keys: the order's index, less the tombstones. */
function fromKeys(db: ArchiveDB, f: NormalFilter, trace?: OrderTrace): Promise<string[]> {
  const tombstones = db.clippings.where('deletedAt').above(-Infinity).primaryKeys();
  return Promise.all([orderKeys(db, f), tombstones, ...criteriaSets(db, f, false)]).then(([order, dead, ...sets]) => {
    if (trace) trace.keys += order.length + dead.length + sets.reduce((n, s) => n + s.size, 0);
    const gone = new Set(dead);
    return sieve(order.reverse(), sets, (id) => !gone.has(id));
  });
}

/**
 * The ids of the live clippings that pass `f`, newest first (by save time, then id, as
 * the list shows them), or null when a criterion has no index (`canOrder`). Call inside a
 * read transaction on `clippings` and `searchLog`. Not `async`: see `guard` in errors.ts.
 */
export function orderedIds(db: ArchiveDB, f: NormalFilter, trace?: OrderTrace): Promise<string[] | null> {
  if (!canOrder(f)) return Promise.resolve(null);
  return logOrder(db).then((log) => (log ? fromLog(db, f, log, trace) : fromKeys(db, f, trace)));
}
