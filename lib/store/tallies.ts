/**
 * Counts kept with the archive, updated by every write in the same transaction, so that
 * no read has to count the archive: in a browser's IndexedDB a `count()` walks every
 * record (about a second at 100 000 clippings), and counting each filter choice through
 * its index costs a request per distinct key.
 *
 * One small record per counted thing (`[kind+value]` is the key), so a save rewrites
 * only the dozen or so counts its clipping touches:
 *
 * - `all`: every clipping record, tombstones included (what a walk of the order covers);
 * - `pages`: every page record;
 * - `host`, `province`, `tag`, `kind`, `unit`, `doc`: live clippings per key of the
 *   matching index (the filters' choices, the ledger's units, the cited documents);
 *   a `host` record also keeps the site's name as its pages give it (`label`);
 * - `dochost`: live clippings citing a document on one site (`doc` + NUL + `host`), so
 *   the citation index knows which sites cite a document without reading clippings.
 *
 * Tombstones are counted through the `deletedAt` index, which holds only them.
 *
 * A save does not write its counts here: reading and rewriting a dozen records was about
 * a third of a save in Chromium. It carries them in its search-log record (words.ts), and
 * the counts become records when the log's run of small records is folded (once writes
 * pause, words.ts `compactLog`). A stored count is then the sum of the records here and of the deltas the
 * run carries (counts.ts reads both), and it is a plain sum: a record may hold a negative
 * number for a while (a clipping deleted here while its save's +1 is still in the run).
 */
import type { ArchiveDB } from './db.ts';
import type { ClippingRecord, PageRecord } from './records.ts';

export type TallyKind = 'all' | 'pages' | 'host' | 'province' | 'tag' | 'kind' | 'unit' | 'doc' | 'dochost';

export interface TallyRecord {
  kind: TallyKind;
  value: string;
  n: number;
  /** For `host`: the site's name from its most recently saved page, if it gave one. */
  label?: string | null;
  /**
   * When that page was saved (epoch ms): the label is chosen by it, not by which write
   * reached this record last, since a save's counts reach it later than others' (above).
   */
  labelAt?: number;
}

/** Whether a label saved at `at` replaces one saved at `before` (an unknown time: the later write wins). */
export function relabels(at: number | undefined, before: number | undefined): boolean {
  return at === undefined || before === undefined || at >= before;
}

/** Carries a change's label onto `t` if it is the newer one. */
export function takeLabel(t: TallyRecord, d: Pick<TallyRecord, 'label' | 'labelAt'>): void {
  if (d.label === undefined || !relabels(d.labelAt, t.label === undefined ? undefined : t.labelAt)) return;
  t.label = d.label;
  if (d.labelAt === undefined) delete t.labelAt;
  else t.labelAt = d.labelAt;
}

/** Separates a document key from a host in `dochost` values (neither contains it). */
export const DOC_HOST_SEPARATOR = '\u0000';

/** A count's key in a tally and in `TallyValues`. */
const keyOf = (t: Pick<TallyRecord, 'kind' | 'value'>) => `${t.kind}\u0001${t.value}`;

/** Pending changes to the counts, accumulated by a write and applied once (`applyTally`). */
export class Tally {
  readonly deltas = new Map<string, TallyRecord>();

  add(kind: TallyKind, value: string, n: number, label?: string | null, labelAt?: number): void {
    const key = keyOf({ kind, value });
    let t = this.deltas.get(key);
    if (!t) {
      t = { kind, value, n: 0 };
      this.deltas.set(key, t);
    }
    t.n += n;
    takeLabel(t, { label, labelAt });
  }

  /** Adds another tally's changes (labels by their times). */
  addAll(changes: Iterable<TallyRecord>): void {
    for (const d of changes) this.add(d.kind, d.value, d.n, d.label, d.labelAt);
  }

  /** A clipping record coming in (`sign` 1) or going away (-1). */
  clipping(c: ClippingRecord, sign: 1 | -1): void {
    this.add('all', '', sign);
    if (c.deleted) return;
    this.add('host', c.host, sign);
    if (c.province !== null) this.add('province', c.province, sign);
    for (const t of c.tags) this.add('tag', t, sign);
    for (const k of c.kinds) this.add('kind', k, sign);
    for (const u of c.figureUnits) this.add('unit', u, sign);
    for (const d of c.docCodes) {
      this.add('doc', d, sign);
      this.add('dochost', `${d}${DOC_HOST_SEPARATOR}${c.host}`, sign);
    }
  }

  /** A clipping replaced by another version of itself. */
  replace(before: ClippingRecord | null | undefined, after: ClippingRecord): void {
    if (before) this.clipping(before, -1);
    this.clipping(after, 1);
  }

  /** A page record added (`added`) or brought up to date: its site name labels its host. */
  page(p: PageRecord, added: boolean): void {
    if (added) this.add('pages', '', 1);
    if (p.site) this.add('host', p.host, 0, p.site, p.updatedAt);
  }
}

/** The changes a tally makes: what a log record carries, and what `writeTally` writes. */
export function changesOf(tally: Tally): TallyRecord[] {
  return [...tally.deltas.values()].filter((d) => d.n !== 0 || d.label !== undefined);
}

/** Stored counts by `kind` and `value`, as `readTally` gives them. */
export type TallyValues = ReadonlyMap<string, TallyRecord | undefined>;

/**
 * The stored counts a tally changes: read beside a write's other reads (a round trip
 * fewer), for this tally or any with fewer changes (a save reads before it knows whether
 * it is a repeat).
 */
export function readTally(db: ArchiveDB, tally: Tally): Promise<TallyValues> {
  const changes = changesOf(tally);
  if (changes.length === 0) return Promise.resolve(new Map());
  return db.tallies.bulkGet(changes.map((d) => [d.kind, d.value])).then((records) => new Map(changes.map((d, i) => [keyOf(d), records[i]])));
}

/** Writes the pending counts. Call inside a read-write transaction that includes `tallies`. */
export async function applyTally(db: ArchiveDB, tally: Tally): Promise<void> {
  await writeTally(db, tally, await readTally(db, tally));
}

/**
 * Writes the pending counts over `current`, what `readTally` read for this same tally in
 * this transaction (nothing may have changed the tally since: the delta is added to it).
 */
export async function writeTally(db: ArchiveDB, tally: Tally, current: TallyValues): Promise<void> {
  const changes = changesOf(tally);
  if (changes.length === 0) return;
  const missing = changes.filter((d) => !current.has(keyOf(d)));
  if (missing.length > 0) throw new Error(`writeTally: ${missing.length} counts were not read`);
  const put: TallyRecord[] = [];
  const gone: [TallyKind, string][] = [];
  changes.forEach((d) => {
    const before = current.get(keyOf(d));
    const n = (before?.n ?? 0) + d.n;
    // Per-key counts of nothing are removed (a tag no live clipping has is no choice);
    // the two totals stay, at zero if need be. A negative count stays: deltas still in
    // the log make it up (see above); so does a new label on a count still in the log.
    if (n === 0 && d.label === undefined && d.kind !== 'all' && d.kind !== 'pages') {
      if (before) gone.push([d.kind, d.value]);
      return;
    }
    if (d.kind !== 'host') {
      put.push({ kind: d.kind, value: d.value, n });
      return;
    }
    const t: TallyRecord = { kind: d.kind, value: d.value, n, label: before?.label ?? null };
    if (before?.labelAt !== undefined) t.labelAt = before.labelAt;
    takeLabel(t, d);
    put.push(t);
  });
  // Both at once: distinct keys, so their order does not matter.
  await Promise.all([gone.length ? db.tallies.bulkDelete(gone) : null, put.length ? db.tallies.bulkPut(put) : null]);
}

/** The counts of a whole archive from its records: for the upgrade that introduces them, and to check them. */
export function tallyOf(pages: Iterable<PageRecord>, clippings: Iterable<ClippingRecord>): Tally {
  const t = new Tally();
  const sorted = [...pages].sort((a, b) => a.updatedAt - b.updatedAt);
  // Totals exist even for an empty archive, so that "no record" always means "not counted".
  t.add('all', '', 0);
  t.add('pages', '', 0);
  for (const p of sorted) t.page(p, true);
  for (const c of clippings) t.clipping(c, 1);
  return t;
}
