/**
 * The search words of the archive, kept out of the clippings' indexes (see
 * lib/search/memory.ts for why): every write that adds or changes a clipping appends its
 * tokens to a log (`searchLog`), and each database connection holds the log's sum in
 * memory (`WordIndex`), brought up to date from the log at the start of every search,
 * inside the search's own read transaction, so a search sees exactly the archive its
 * transaction sees, whichever page or worker wrote it.
 *
 * The log: records keyed `[seq+run]`, each a batch of entries (clipping id, its tokens
 * joined by spaces, or null once it is deleted); a later entry for an id replaces an
 * earlier one. An import writes a record per thousand clippings; a save or an edit writes
 * a record of one entry, and `run` counts such small records in a row: past `RUN` of them
 * the writer folds them into one block (in the same transaction), so loading the log stays
 * a read of a few hundred records, not one per save. Re-reading a folded block is safe:
 * entries keep their order and each is a whole state, so applying them again changes
 * nothing.
 *
 * Tokens never contain a space (lib/search/tokenize.ts's compounds are letters, digits
 * and joiners), so a space-joined string is their compact, exact form.
 *
 * Records written since the library's random access carry each entry's save time too
 * (`created`): the live entries are then the archive's live clippings with their save
 * times, and the memory orders them, newest first, as the list shows them (`logOrder`):
 * for the list's far jumps, without reading index keys (in Chromium about 25 µs a key
 * under load: two and a half seconds for the whole order at 100 000 clippings). Records
 * written before (no `created`) leave their entries undated, and `logOrder` says it cannot
 * answer until a later write dates them; the caller reads index keys then (order.ts).
 *
 * Those records carry each entry's figures too (`figures`: the statistics ledger's
 * projection, `ledgerOf`), so the ledger of a unit is built from memory rather than from
 * the clippings' records (about 100 µs each to read in Chromium: five seconds for a
 * common unit at 100 000 clippings).
 */
import { WordIndex } from '../search/memory.ts';
import type { ArchiveDB } from './db.ts';
import { applyTally, changesOf, Tally, type TallyRecord } from './tallies.ts';
import type { FigureEntity } from '../recognize/types';
import type { ClippingRecord } from './records.ts';

export interface SearchLogRecord {
  seq: number;
  /** 0 for a block; k for the k-th small record in a row. */
  run: number;
  ids: string[];
  /** Per id: its tokens joined by spaces, or null when it is deleted or gone. */
  words: (string | null)[];
  /** Per id: its save time (`createdAt`), or null when it is deleted or gone. Absent on records written before it was kept. */
  created?: (number | null)[];
  /** Per id: its figures (`ledgerOf`), or null when it has none or is deleted. Written with `created`. */
  figures?: (string | null)[];
  /**
   * On a small record only: the count changes of the write that appended it, not yet in
   * the `tallies` records (tallies.ts); they are written there when the run is folded.
   */
  tally?: TallyRecord[];
}

/** A figure in the log: its fields in this order, without their names (the log is read whole into memory: names would be a third of its figures' bytes). */
type PackedFigure = [number, number, number, string, number, number | null, FigureEntity['quantity'], string | null, FigureEntity['qualifier'], FigureEntity['change'], number | null];

function pack(i: number, f: FigureEntity): PackedFigure {
  return [i, f.start, f.end, f.text, f.value, f.valueTo, f.quantity, f.unit, f.qualifier, f.change, f.denominator];
}

function unpack(p: PackedFigure): [number, FigureEntity] {
  const [i, start, end, text, value, valueTo, quantity, unit, qualifier, change, denominator] = p;
  return [i, { kind: 'figure', start, end, text, value, valueTo, quantity, unit, qualifier, change, denominator }];
}

/**
 * A clipping's figures as the ledger needs them, JSON: `[pageId, publishedAt, [packed
 * figure (entity index first), …]]`, or null when it has none. The page's title and the
 * quote are read for the rows shown only.
 */
export function ledgerOf(c: ClippingRecord): string | null {
  if (c.deleted) return null;
  const figures: PackedFigure[] = [];
  c.entities.forEach((e, i) => {
    if (e.kind === 'figure') figures.push(pack(i, e));
  });
  return figures.length === 0 ? null : JSON.stringify([c.pageId, c.publishedAt, figures]);
}

/** Entries per block written at once (imports, upgrades, folded runs). */
const BLOCK = 1_000;
/**
 * Small records in a row past which the run is due to be folded into a block: by
 * `compactLog`, in a transaction of its own once writes pause (the repository schedules
 * it), so that no save waits for a fold (about 100 ms in Chromium).
 */
export const RUN = 64;
/** Past this many, a write folds the run itself: a burst of saves never lets the tail grow without bound. */
export const MAX_RUN = 4 * RUN;

/** The length of the log's run of small records as each connection last wrote it. */
const runs = new WeakMap<ArchiveDB, number>();

/** Whether this connection's last write left a run long enough to fold (`compactLog`). */
export function foldDue(db: ArchiveDB): boolean {
  return (runs.get(db) ?? 0) >= RUN;
}

/** A clipping's log entry: its tokens, or null for a tombstone (it can no longer be found). */
export function wordsOf(c: ClippingRecord): string | null {
  return c.deleted ? null : c.tokens.join(' ');
}

/**
 * A clipping id, its words (`wordsOf`), its save time (null when the words are) and its
 * figures (`ledgerOf`); the last two undefined when not known (an old record's entry).
 */
export type Entry = readonly [string, string | null, (number | null)?, (string | null)?];

/** A clipping's whole entry. */
export function entryOf(c: ClippingRecord): Entry {
  const words = wordsOf(c);
  return [c.id, words, words === null ? null : c.createdAt, ledgerOf(c)];
}

/** A log record of entries; `created` and `figures` only when every entry has them. */
function record(seq: number, run: number, entries: readonly Entry[]): SearchLogRecord {
  const r: SearchLogRecord = { seq, run, ids: entries.map((e) => e[0]), words: entries.map((e) => e[1]) };
  if (entries.every((e) => e[2] !== undefined && e[3] !== undefined)) {
    r.created = entries.map((e) => e[2] ?? null);
    r.figures = entries.map((e) => e[3] ?? null);
  }
  return r;
}

function blocks(entries: readonly Entry[], firstSeq: number): SearchLogRecord[] {
  const out: SearchLogRecord[] = [];
  for (let i = 0; i < entries.length; i += BLOCK) out.push(record(firstSeq + out.length, 0, entries.slice(i, i + BLOCK)));
  return out;
}

/** A record's entries. */
function entriesOf(r: SearchLogRecord): Entry[] {
  const { created, figures } = r;
  return r.ids.map((id, i) => (created && figures ? ([id, r.words[i]!, created[i], figures[i]] as const) : ([id, r.words[i]!] as const)));
}

/** The log's last key (null for an empty log): where the next append goes. */
export function lastLogKey(db: ArchiveDB): Promise<[number, number] | null> {
  return db.searchLog
    .orderBy(':id')
    .reverse()
    .limit(1)
    .primaryKeys()
    .then((keys) => (keys as unknown as [number, number][])[0] ?? null);
}

/**
 * Appends entries to the log. Call inside a read-write transaction that includes
 * `searchLog` and `tallies`, with the records as written. `known` is the log's last key
 * when the caller read it (`lastLogKey`) in this transaction and nothing appended since: a
 * save reads it beside its other reads rather than after them.
 *
 * `tally`, the write's count changes, rides on a small record (no request for the counts
 * now); when the entries go into a block instead, they are written to the counts here,
 * with those the folded run carried.
 */
export async function logEntries(db: ArchiveDB, entries: readonly Entry[], known?: [number, number] | null, tally?: Tally): Promise<void> {
  if (entries.length === 0) {
    if (tally) await applyTally(db, tally);
    return;
  }
  const last = known !== undefined ? known : await lastLogKey(db);
  const [lastSeq, lastRun] = last ?? [0, 0];
  if (entries.length < RUN && lastRun + 1 <= MAX_RUN) {
    const r = record(lastSeq + 1, lastRun + 1, entries);
    const changes = tally ? changesOf(tally) : [];
    if (changes.length > 0) r.tally = changes;
    await db.searchLog.add(r);
    runs.set(db, lastRun + 1);
    return;
  }
  await foldRun(db, lastSeq, lastRun, entries, tally);
}

/**
 * Writes `entries` as blocks after the log's run of small records, folding the run in
 * first (so that small records, and the counts they carry, are only ever the log's
 * tail), and writes the run's counts and `tally` to the count records.
 */
async function foldRun(db: ArchiveDB, lastSeq: number, lastRun: number, entries: readonly Entry[], tally?: Tally): Promise<void> {
  const run = lastRun > 0 ? await runRecords(db, lastSeq, lastRun) : [];
  const folded: Entry[] = [];
  const counts = new Tally();
  for (const r of run) {
    folded.push(...entriesOf(r));
    counts.addAll(r.tally ?? []);
  }
  folded.push(...entries);
  if (tally) counts.addAll(changesOf(tally));
  await Promise.all([
    run.length > 0 ? db.searchLog.bulkDelete(run.map((r) => [r.seq, r.run])) : null,
    folded.length > 0 ? db.searchLog.bulkAdd(blocks(folded, lastSeq + 1)) : null,
    applyTally(db, counts),
  ]);
  runs.set(db, 0);
}

/**
 * Folds the log's run of small records into a block if it is due (`RUN`), in a
 * transaction of its own. Safe to call any time from any page: a run another connection
 * folded meanwhile is simply not there any more.
 */
export function compactLog(db: ArchiveDB): Promise<boolean> {
  return db.transaction('rw', [db.searchLog, db.tallies], () =>
    lastLogKey(db).then((last) => {
      if (!last || last[1] < RUN) {
        runs.set(db, last?.[1] ?? 0);
        return false;
      }
      return foldRun(db, last[0], last[1], []).then(() => true);
    }),
  );
}

/**
 * The count changes the log's tail carries (see `logEntries`), oldest first. Call inside a
 * transaction that includes `searchLog`. The tail is found from the last key alone (its
 * `run` says how many small records end the log), so no block is read: a block holds a
 * thousand entries.
 */
export function pendingCounts(db: ArchiveDB): Promise<TallyRecord[]> {
  return lastLogKey(db).then((last) => {
    if (!last || last[1] === 0) return [];
    return runRecords(db, last[0], last[1]).then((records) => records.flatMap((r) => r.tally ?? []));
  });
}

/** The run of small records that ends the log at [lastSeq, lastRun]: their seqs are the last `lastRun`. */
function runRecords(db: ArchiveDB, lastSeq: number, lastRun: number): Promise<SearchLogRecord[]> {
  return db.searchLog.where(':id').above([lastSeq - lastRun, Infinity]).toArray();
}

/** Appends the entries of clippings as written (`known`, `tally`: see `logEntries`). */
export function logClippings(db: ArchiveDB, clippings: readonly ClippingRecord[], known?: [number, number] | null, tally?: Tally): Promise<void> {
  return logEntries(db, clippings.map(entryOf), known, tally);
}

/** Entries for clippings removed for good. */
export function logRemoved(db: ArchiveDB, ids: readonly string[]): Promise<void> {
  return logEntries(
    db,
    ids.map((id) => [id, null, null, null] as const),
  );
}

/** The log of a whole archive from its clippings' entries, for the upgrade that introduces it. */
export function logOf(entries: readonly Entry[]): SearchLogRecord[] {
  return blocks(entries, 1);
}

/** One connection's words in memory and how far into the log they are. */
interface Memory {
  index: WordIndex;
  seen: [number, number] | null;
  /** Live clippings' save times, by id. */
  created: Map<string, number>;
  /** Live clippings' figures (`ledgerOf`), by id, for those that have any. */
  figures: Map<string, string>;
  /** Live clippings whose entry had no save time nor figures (written before they were kept). */
  undated: Set<string>;
  /** The live ids newest first, as of the last `logOrder`; null until first needed. */
  order: string[] | null;
  /** Ids whose entries changed since `order` was made: patched in when few, else sorted afresh. */
  changed: Set<string>;
}

/** Changed entries past which the order is sorted afresh rather than patched (a patch costs a walk of the order each). */
const PATCH = 64;

const memories = new WeakMap<ArchiveDB, Memory>();

function apply(m: Memory, entries: readonly Entry[]): void {
  if (entries.length > RUN) m.index.setMany(entries.map((e) => [e[0], e[1]] as const));
  else for (const [id, words] of entries) m.index.setJoined(id, words);
  for (const [id, words, created, figures] of entries) {
    m.figures.delete(id);
    if (words === null) {
      m.created.delete(id);
      m.undated.delete(id);
    } else if (typeof created === 'number') {
      m.created.set(id, created);
      if (figures) m.figures.set(id, figures);
      m.undated.delete(id);
    } else {
      m.created.delete(id);
      m.undated.add(id);
    }
  }
  if (m.order) for (const [id] of entries) m.changed.add(id);
  if (m.changed.size > PATCH) {
    m.order = null;
    m.changed.clear();
  }
}

/** Newest first: later save time first, then the larger id (the reversed `[createdAt+id]` index's order). */
function newer(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0);
}

/** The order brought up to date: sorted afresh, or the few changed ids taken out and put back in place. */
function ordered(m: Memory): string[] {
  const created = m.created;
  if (!m.order) {
    m.order = [...created].sort(newer).map((e) => e[0]);
    m.changed.clear();
    return m.order;
  }
  const order = m.order;
  for (const id of m.changed) {
    const at = order.indexOf(id);
    if (at >= 0) order.splice(at, 1);
    const t = created.get(id);
    if (t === undefined) continue;
    // Binary search for the first entry that sorts after this one.
    const entry = [id, t] as const;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newer([order[mid]!, created.get(order[mid]!)!], entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, id);
  }
  m.changed.clear();
  return order;
}

/**
 * The connection's memory with the log read up to date. Call inside a transaction that
 * includes `searchLog`. Not `async`: a native async function awaited inside a Dexie
 * transaction lets it commit early (see `guard` in errors.ts); the Dexie promise chain
 * keeps it open.
 */
function upToDate(db: ArchiveDB): Promise<Memory> {
  let memory = memories.get(db);
  if (!memory) {
    memory = { index: new WordIndex(), seen: null, created: new Map(), figures: new Map(), undated: new Set(), order: null, changed: new Set() };
    memories.set(db, memory);
  }
  const m = memory;
  // A few blocks per request: each answer is one structured clone on the page's main
  // thread, and the whole log at once (about 40 MB at 100 000 clippings) would be one
  // long task; between requests the page can paint and take input.
  const step = (since: [number, number] | null): Promise<Memory> =>
    (since ? db.searchLog.where(':id').above(since) : db.searchLog.orderBy(':id'))
      .limit(LOAD_CHUNK)
      .toArray()
      .then((fresh) => {
        // Another read of this connection may have read further meanwhile: apply only what is past it.
        const seen = m.seen;
        const news = seen ? fresh.filter((r) => r.seq > seen[0] || (r.seq === seen[0] && r.run > seen[1])) : fresh;
        if (news.length > 0) {
          apply(m, news.flatMap(entriesOf));
          const last = news[news.length - 1]!;
          m.seen = [last.seq, last.run];
        }
        const end = fresh[fresh.length - 1];
        return fresh.length < LOAD_CHUNK || !end ? m : step([end.seq, end.run]);
      });
  return step(m.seen);
}

/** Log records read per request while bringing the memory up to date: a few thousand entries. */
const LOAD_CHUNK = 8;

/**
 * The clippings whose words match every term (lib/search rules), with the log read up to
 * date first. Call inside a transaction that includes `searchLog`.
 */
export function matchingIds(db: ArchiveDB, terms: readonly string[]): Promise<Set<string>> {
  return upToDate(db).then((m) => m.index.match(terms));
}

/** The live clippings newest first (save time, then id) and their save times, from the log. */
export interface LogOrder {
  ids: readonly string[];
  created: ReadonlyMap<string, number>;
}

/**
 * Every live clipping, newest first, from the log read up to date; null while some live
 * entry has no save time (an archive logged before they were kept). Call inside a
 * transaction that includes `searchLog`.
 */
export function logOrder(db: ArchiveDB): Promise<LogOrder | null> {
  return upToDate(db).then((m) => {
    if (m.undated.size > 0) return null;
    // A copy: the memory's own array is patched in place by later changes.
    return { ids: ordered(m).slice(), created: m.created };
  });
}

/** One figure of the ledger, from memory: enough to sort, filter and chart it; the quote and the page are read for the rows shown. */
export interface LedgerEntry {
  clippingId: string;
  /** Position of the figure among its clipping's entities. */
  entityIndex: number;
  figure: FigureEntity;
  pageId: string;
  /** When the page was published (the clipping's copy), epoch ms. */
  publishedAt: number | null;
  /** The clipping's save time. */
  createdAt: number;
}

/**
 * Every figure of a unit (all figures without one), newest clipping first and figures in
 * text order, from the log read up to date; null while some live entry predates the
 * figures in the log. Call inside a transaction that includes `searchLog`.
 */
export function logLedger(db: ArchiveDB, unit?: string): Promise<LedgerEntry[] | null> {
  return upToDate(db).then((m) => {
    if (m.undated.size > 0) return null;
    // The unit as it stands in the JSON: most clippings are passed over without parsing
    // (a figure's text may hold it too: the unit is checked after parsing).
    const needle = unit === undefined ? null : JSON.stringify(unit);
    const out: LedgerEntry[] = [];
    for (const id of ordered(m)) {
      const json = m.figures.get(id);
      if (json === undefined || (needle !== null && !json.includes(needle))) continue;
      const [pageId, publishedAt, figures] = JSON.parse(json) as [string, number | null, PackedFigure[]];
      const createdAt = m.created.get(id)!;
      for (const packed of figures) {
        if (unit !== undefined && packed[7] !== unit) continue;
        const [entityIndex, figure] = unpack(packed);
        out.push({ clippingId: id, entityIndex, figure, pageId, publishedAt, createdAt });
      }
    }
    return out;
  });
}

/** Forgets a connection's words (it closed, or its database was replaced). */
export function forgetWords(db: ArchiveDB): void {
  memories.delete(db);
}
