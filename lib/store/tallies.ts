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
}

/** Separates a document key from a host in `dochost` values (neither contains it). */
export const DOC_HOST_SEPARATOR = '\u0000';

/** A count's key in a tally and in `TallyValues`. */
const keyOf = (t: Pick<TallyRecord, 'kind' | 'value'>) => `${t.kind}\u0001${t.value}`;

/** Pending changes to the counts, accumulated by a write and applied once (`applyTally`). */
export class Tally {
  readonly deltas = new Map<string, TallyRecord>();

  add(kind: TallyKind, value: string, n: number, label?: string | null): void {
    const key = keyOf({ kind, value });
    const t = this.deltas.get(key);
    if (t) {
      t.n += n;
      if (label !== undefined) t.label = label;
    } else {
      this.deltas.set(key, { kind, value, n, ...(label !== undefined ? { label } : {}) });
    }
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
    if (p.site) this.add('host', p.host, 0, p.site);
  }
}

function changesOf(tally: Tally): TallyRecord[] {
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
    const label = d.label !== undefined ? d.label : (before?.label ?? null);
    // Per-key counts of nothing are removed (a tag no live clipping has is no choice);
    // the two totals stay, at zero if need be.
    if (n <= 0 && d.kind !== 'all' && d.kind !== 'pages') {
      if (before) gone.push([d.kind, d.value]);
      return;
    }
    put.push(d.kind === 'host' ? { kind: d.kind, value: d.value, n, label } : { kind: d.kind, value: d.value, n });
  });
  // Both at once: distinct keys, so their order does not matter.
  await Promise.all([gone.length ? db.tallies.bulkDelete(gone) : null, put.length ? db.tallies.bulkPut(put) : null]);
}

/** A total (`all` or `pages`); 0 for an archive that has never been written. Call inside a transaction that includes `tallies`. */
export async function total(db: ArchiveDB, kind: 'all' | 'pages'): Promise<number> {
  return (await db.tallies.get([kind, '']))?.n ?? 0;
}

/** The counts of one kind, most first (ties by value). */
export async function tallies(db: ArchiveDB, kind: TallyKind): Promise<TallyRecord[]> {
  const rows = await db.tallies.where('[kind+value]').between([kind, ''], [kind, '\uffff'], true, true).toArray();
  return rows.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The sites citing a document, from its `dochost` counts. */
export async function hostsCiting(db: ArchiveDB, doc: string): Promise<string[]> {
  const prefix = `${doc}${DOC_HOST_SEPARATOR}`;
  const keys = (await db.tallies.where('[kind+value]').between(['dochost', prefix], ['dochost', `${prefix}\uffff`], true, true).primaryKeys()) as unknown as [string, string][];
  return keys.map(([, v]) => v.slice(prefix.length)).sort();
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
