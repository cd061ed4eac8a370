/**
 * How a filtered or searched page of clippings is found without reading the archive.
 *
 * Each filter criterion (a value, a date range) is a "source": a range of one index. The
 * search terms are one more source, always complete: the clippings whose words match
 * them, from the words held in memory (words.ts), read without touching an index. Records are expensive to read (each is a structured clone, fifteen or so
 * times the cost of a key), keys are cheap, so the plan reads keys to decide which few
 * records to read:
 *
 * 1. Probe: up to `PROBE + 1` primary keys of every source. A source that fits is
 *    complete; the complete sources' intersection, smallest first, is the candidate
 *    set C.
 * 2. With C: read it all when small (exact total), else walk the ordering index's keys
 *    newest first and read only C's members (the "sieve") until the page is full.
 * 3. Without C every criterion is common. Walk newest first reading records (the
 *    "scan"): dense matches fill a page in a few reads. The first chunk measures the
 *    density; when the rest of the page would cost more than `SCAN_BUDGET` reads, the
 *    sources are fetched deeper, likeliest-rare first (a number, a long word), and the
 *    first one that completes becomes C: read whole if small, else a sieve from where
 *    the scan stopped.
 *
 * Walks follow the site's or province's own ordered index when the filter names one
 * (`Lane`), so a filtered list never walks other sites' records.
 *
 * Every record returned passed the same in-memory check (filter.ts), whichever way it
 * was found, so the ways agree. Cursors are the (order value, id) pair of the last item:
 * stable while records are added or removed ahead of it.
 */
import type { Collection } from 'dexie';
import type { ArchiveDB } from './db.ts';
import { StoreError } from './errors.ts';
import { matchesFilter, type NormalFilter } from './filter.ts';
import type { ClippingRecord } from './records.ts';
import { matchingIds } from './words.ts';

export type Order = 'created' | 'updated';

export interface PageRequest {
  order?: Order;
  /** From a previous page's `next`. */
  cursor?: string | null;
  /** Matches to skip after the cursor. Costs what reading them costs; prefer cursors. */
  offset?: number;
  /** Page size; default 50. `Infinity` returns every match. */
  limit?: number;
}

/** What a query cost: for tests and measurements, which check efficiency by counting, not timing. */
export interface PlanTrace {
  strategy: 'read-all' | 'sieve' | 'scan' | 'scan+sieve' | 'scan+read';
  /** Primary keys fetched from indexes (probes, deeper fetches, walks). */
  keys: number;
  /** Records read. */
  reads: number;
}

export interface RecordPage {
  records: ClippingRecord[];
  /** Cursor of the next page, or null when this is the last. */
  next: string | null;
  /** Number of matches, when the plan knows it without reading them all; else null. */
  total: number | null;
  plan: PlanTrace;
}

/** Keys probed per source. */
export const PROBE = 256;
/** Keys per source when fetching deeper, and at most how many sources are tried that deep. */
const DEEP = 4_096;
const DEEP_TRIES = 3;
/**
 * Projected record reads past which fetching deeper is tried. A deeper fetch costs about
 * DEEP / READ_COST reads and may fail (the source is common too), so it only pays when
 * the scan ahead is several times that.
 */
const SCAN_BUDGET = 1_000;
/** Cost of a record read in key reads (structured clone vs. a key), measured on fake-indexeddb. */
const READ_COST = 15;
const FIRST_CHUNK = 64;
const MAX_READ_CHUNK = 2_048;
const MAX_KEY_CHUNK = 16_384;
export const DEFAULT_LIMIT = 50;

type Clippings = ArchiveDB['clippings'];
type Key = [number, string];

const ORDER_INDEX: Record<Order, string> = { created: '[createdAt+id]', updated: '[updatedAt+id]' };

/**
 * The ordered index a walk follows: the whole archive, or, when the filter names a site
 * or a province and the order is by save time, only that site's or province's records.
 */
interface Lane {
  below(table: Clippings, from: Key | null): Collection<ClippingRecord, string>;
}

function laneFor(f: NormalFilter, order: Order): Lane {
  const field = order === 'created' ? (f.host !== undefined ? 'host' : f.province !== undefined ? 'province' : null) : null;
  if (field === null) {
    const index = ORDER_INDEX[order];
    return { below: (table, from) => (from ? table.where(index).below(from) : table.orderBy(index)) };
  }
  const value = field === 'host' ? f.host! : f.province!;
  const index = `[${field}+createdAt+id]`;
  // [value, -∞] sorts before every [value, t, id] and [value, +∞] after: the whole lane.
  return {
    below: (table, from) => table.where(index).between([value, -Infinity], from ? [value, from[0], from[1]] : [value, Infinity], true, false),
  };
}

function orderKey(c: ClippingRecord, order: Order): Key {
  return [order === 'created' ? c.createdAt : c.updatedAt, c.id];
}

/** Newest first: larger order value first, then larger id, as the reversed index gives them. */
function compareDesc(a: Key, b: Key): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  return a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;
}

export function encodeCursor(key: Key): string {
  return JSON.stringify(key);
}

export function decodeCursor(cursor: string): Key {
  try {
    const k: unknown = JSON.parse(cursor);
    if (Array.isArray(k) && k.length === 2 && typeof k[0] === 'number' && Number.isFinite(k[0]) && typeof k[1] === 'string') {
      return [k[0], k[1]];
    }
  } catch {
    // fall through
  }
  throw new StoreError('invalid', 'Invalid cursor');
}

interface Source {
  range: Collection<ClippingRecord, string>;
  /** Lower is likelier to be rare: the order in which sources are fetched deeper. */
  rarity: number;
}

/** Every clipping of one site or province, by its ordered compound index. */
function lane(table: Clippings, field: 'host' | 'province', value: string): Collection<ClippingRecord, string> {
  return table.where(`[${field}+createdAt+id]`).between([value, -Infinity], [value, Infinity], true, true);
}

/** The index ranges that narrow a filter, one per criterion (the search terms aside). */
function sources(table: Clippings, f: NormalFilter): Source[] {
  const out: Source[] = [];
  const add = (range: Collection<ClippingRecord, string>, rarity: number) => out.push({ range, rarity });
  if (f.pageId !== undefined) add(table.where('pageId').equals(f.pageId), 0);
  if (f.docCode !== undefined) add(table.where('docCodes').equals(f.docCode), 1);
  if (f.tag !== undefined) add(table.where('tags').equals(f.tag), 4);
  if (f.unit !== undefined) add(table.where('figureUnits').equals(f.unit), 5);
  if (f.host !== undefined) add(table.where('[host+createdAt+id]').between([f.host, -Infinity], [f.host, Infinity], true, true), 5);
  if (f.province !== undefined) add(lane(table, 'province', f.province), 6);
  if (f.published) add(table.where('publishedAt').between(f.published[0], f.published[1], true, true), 7);
  if (f.saved) add(table.where('createdAt').between(f.saved[0], f.saved[1], true, true), 7);
  // No source for `kind` (no index since v4): its two values each cover most of the
  // archive, so a scan finds them in a chunk; the in-memory check applies it.
  return out;
}

/** Intersects key sets, smallest first, so each step only shrinks the smallest. */
function intersect(sets: Set<string>[]): Set<string> {
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  let result = sorted[0] ?? new Set<string>();
  for (const s of sorted.slice(1)) {
    if (result.size === 0) break;
    const next = new Set<string>();
    for (const k of result) if (s.has(k)) next.add(k);
    result = next;
  }
  return result;
}

function pageOf(matches: ClippingRecord[], order: Order, skip: number, limit: number): Pick<RecordPage, 'records' | 'next'> {
  const records = matches.slice(skip, skip + limit);
  const more = matches.length > skip + limit;
  const last = records[records.length - 1];
  return { records, next: more && last ? encodeCursor(orderKey(last, order)) : null };
}

/**
 * Tombstone ids (the `deletedAt` index holds only them): to know a total without reading
 * records. Not `async`: the last await of a query, and a native promise awaited there let
 * the transaction commit before the query returned (Dexie's PrematureCommitError).
 */
function tombstoneIds(table: Clippings): Promise<Set<string>> {
  return table
    .where('deletedAt')
    .above(-Infinity)
    .primaryKeys()
    .then((keys) => new Set(keys));
}

/** Read every candidate, check, sort. */
async function readAll(table: Clippings, keys: Set<string>, f: NormalFilter, req: Required<PageRequest>, after: Key | null, keysRead: number): Promise<RecordPage> {
  const records = await table.bulkGet([...keys]);
  const matches = records.filter((c): c is ClippingRecord => c !== undefined && matchesFilter(c, f));
  const keyed = matches.map((c) => ({ c, k: orderKey(c, req.order) })).sort((a, b) => compareDesc(a.k, b.k));
  const total = keyed.length;
  const rest = after ? keyed.filter((x) => compareDesc(x.k, after) > 0) : keyed;
  return {
    ...pageOf(rest.map((x) => x.c), req.order, req.offset, req.limit),
    total,
    plan: { strategy: 'read-all', keys: keysRead, reads: keys.size },
  };
}

/**
 * A walk down the ordering index, newest first, a chunk of primary keys at a time. With
 * a sieve it reads only the sieve's members (and each chunk's last record, to know where
 * the next chunk starts); without, every record.
 */
class Walk {
  readonly matches: ClippingRecord[] = [];
  /** Records examined without a sieve, and how many of them matched: the density sample. */
  scanned = 0;
  scannedMatches = 0;
  reads = 0;
  keys = 0;
  done = false;
  private from: Key | null;

  private readonly lane: Lane;

  constructor(
    private readonly table: Clippings,
    private readonly f: NormalFilter,
    private readonly order: Order,
    after: Key | null,
    readonly want: number,
  ) {
    this.from = after;
    this.lane = laneFor(f, order);
  }

  get full(): boolean {
    return this.matches.length >= this.want;
  }

  get missing(): number {
    return this.want - this.matches.length;
  }

  async step(size: number, sieve?: Set<string>): Promise<void> {
    const ids = await this.lane.below(this.table, this.from).reverse().limit(size).primaryKeys();
    this.keys += ids.length;
    if (ids.length < size) this.done = true;
    if (ids.length === 0) return;
    const last = ids[ids.length - 1]!;
    const wanted = sieve ? ids.filter((id) => sieve.has(id)) : ids;
    if (!this.done && wanted[wanted.length - 1] !== last) wanted.push(last);
    const records = await this.table.bulkGet(wanted);
    this.reads += wanted.length;
    const before = this.from;
    for (const c of records) {
      if (!c) continue;
      if (c.id === last) this.from = orderKey(c, this.order);
      if (sieve && !sieve.has(c.id)) continue;
      const ok = matchesFilter(c, this.f);
      if (ok) this.matches.push(c);
      if (!sieve) {
        this.scanned++;
        if (ok) this.scannedMatches++;
      }
    }
    // The chunk's last record vanished (only outside a transaction): stop rather than loop.
    if (this.from === before) this.done = true;
  }

  /** Sieve with C until the page is full: key chunks sized so one should suffice. */
  async sieveRest(sieve: Set<string>, archiveSize: number): Promise<void> {
    while (!this.full && !this.done) {
      const keysNeeded = (this.missing * archiveSize) / Math.max(1, sieve.size);
      await this.step(Math.min(MAX_KEY_CHUNK, Math.max(FIRST_CHUNK, Math.ceil(keysNeeded * 1.25))), sieve);
    }
  }

  /** Reads the scan would still need at the density seen so far (smoothed: a small sample is noisy). */
  projectedReads(): number {
    if (!Number.isFinite(this.missing)) return Infinity;
    return this.scannedMatches === 0 ? Infinity : (this.missing * (this.scanned + 1)) / (this.scannedMatches + 0.5);
  }
}

/** Fetches sources deeper, likeliest-rare first; the first complete one, or null. */
async function deepen(sourcesByRarity: readonly Source[], tries: number): Promise<{ sieve: Set<string> | null; keys: number }> {
  let fetched = 0;
  for (const s of sourcesByRarity.slice(0, tries)) {
    const keys = await s.range.clone().limit(DEEP + 1).primaryKeys();
    fetched += keys.length;
    if (keys.length <= DEEP) return { sieve: new Set(keys), keys: fetched };
  }
  return { sieve: null, keys: fetched };
}

/** Whether reading all candidates is cheaper than sieving the order with them. */
function preferRead(candidates: number, want: number, archiveSize: number): boolean {
  if (!Number.isFinite(want)) return true;
  const readAllCost = candidates * READ_COST;
  const sieveCost = (want * archiveSize) / Math.max(1, candidates) + want * READ_COST;
  return readAllCost <= sieveCost;
}

/**
 * One page of the clippings that pass `f`, newest first. Call inside a read transaction
 * (that includes `searchLog` when `f` has search terms).
 *
 * `archiveSize` reads the number of clipping records, tombstones included: the store keeps
 * it (tallies.ts) and passes its reader, since in a browser's IndexedDB `count()` walks the whole
 * table, a second at 100 000 clippings. Without it the table is counted (tests, tools).
 */
export async function queryPage(table: Clippings, f: NormalFilter, request: PageRequest = {}, archiveSize?: () => Promise<number>): Promise<RecordPage> {
  const req: Required<PageRequest> = {
    order: request.order ?? 'created',
    cursor: request.cursor ?? null,
    offset: Math.max(0, Math.floor(request.offset ?? 0)),
    limit: Math.max(1, request.limit ?? DEFAULT_LIMIT),
  };
  const after = req.cursor ? decodeCursor(req.cursor) : null;
  const want = req.offset + req.limit + 1; // one more, to know whether a next page exists

  const all = sources(table, f);
  // The size is read beside the probes, not before them. The caller passes how to read it,
  // not the read itself: a read started before a bad cursor throws above would be left
  // to fail unheard when the transaction aborts.
  const [size, words, ...probed] = await Promise.all([
    archiveSize ? archiveSize() : table.count(),
    f.terms && f.terms.length > 0 ? matchingIds(table.db as ArchiveDB, f.terms) : null,
    ...all.map((s) => s.range.clone().limit(PROBE + 1).primaryKeys()),
  ]);
  const complete = probed.filter((keys) => keys.length <= PROBE).map((keys) => new Set(keys));
  if (words) complete.push(words);
  const criteria = all.length + (words ? 1 : 0);
  const probeKeys = probed.reduce((n, keys) => n + keys.length, 0);
  const walk = new Walk(table, f, req.order, after, want);
  const trace = (strategy: PlanTrace['strategy'], extraKeys = 0): PlanTrace => ({
    strategy,
    keys: probeKeys + extraKeys + walk.keys,
    reads: walk.reads,
  });

  if (complete.length > 0) {
    const candidates = intersect(complete);
    if (candidates.size === 0 || preferRead(candidates.size, want, size)) return readAll(table, candidates, f, req, after, probeKeys);
    await walk.sieveRest(candidates, size);
    // Every criterion answered by an index in full: the candidates are the matches, less tombstones.
    let total: number | null = null;
    if (complete.length === criteria) {
      const dead = await tombstoneIds(table);
      total = [...candidates].filter((id) => !dead.has(id)).length;
    }
    return { ...pageOf(walk.matches, req.order, req.offset, req.limit), total, plan: trace('sieve') };
  }

  // Scan, measuring the density on the way; fetch deeper once when the scan looks long.
  let triedDeeper = criteria === 0;
  let deepKeys = 0;
  let sieved = false;
  let chunk = Math.min(MAX_READ_CHUNK, Math.max(FIRST_CHUNK, Number.isFinite(want) ? want : MAX_READ_CHUNK));
  while (!walk.full && !walk.done) {
    await walk.step(chunk);
    if (walk.full || walk.done) break;
    const projected = walk.projectedReads();
    if (!triedDeeper && Number.isFinite(want) && projected > SCAN_BUDGET) {
      triedDeeper = true;
      // Each try must be worth it: one per four deep fetches' worth of projected scan.
      const tries = Math.max(1, Math.min(DEEP_TRIES, Math.floor((projected * READ_COST) / (4 * DEEP))));
      const deeper = await deepen([...all].sort((a, b) => a.rarity - b.rarity), tries);
      deepKeys = deeper.keys;
      if (deeper.sieve) {
        // Few enough to read: start over from them (the scan so far was cheap, and this
        // way the total is exact). Otherwise sieve on from where the scan stopped.
        if (preferRead(deeper.sieve.size, want, size)) {
          const page = await readAll(table, deeper.sieve, f, req, after, 0);
          return { ...page, plan: { strategy: 'scan+read', keys: probeKeys + deepKeys + walk.keys, reads: walk.reads + page.plan.reads } };
        }
        sieved = true;
        await walk.sieveRest(deeper.sieve, size);
        break;
      }
    }
    chunk = Math.min(MAX_READ_CHUNK, Math.max(FIRST_CHUNK, Number.isFinite(projected) ? Math.ceil(projected * 1.2) : chunk * 2));
  }
  const total = criteria === 0 ? size - (await table.where('deletedAt').above(-Infinity).count()) : null;
  return {
    ...pageOf(walk.matches, req.order, req.offset, req.limit),
    total,
    plan: trace(sieved ? 'scan+sieve' : 'scan', deepKeys),
  };
}
