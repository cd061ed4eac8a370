/**
 * The archive's counts as readers see them: the `tallies` records plus the changes the
 * search log's tail still carries (tallies.ts, words.ts `logEntries`). Call these inside a
 * transaction that includes `tallies` and `searchLog`.
 *
 * In a read-only transaction the tail is read once and shared by every count read in it
 * (the library's statistics read eight); a read-write transaction may append to it
 * between two reads, so there each read reads it again.
 */
import { Dexie, type Transaction } from 'dexie';
import type { ArchiveDB } from './db.ts';
import { DOC_HOST_SEPARATOR, takeLabel, type TallyKind, type TallyRecord } from './tallies.ts';
import { pendingCounts } from './words.ts';

const tails = new WeakMap<Transaction, Promise<TallyRecord[]>>();

function pending(db: ArchiveDB): Promise<TallyRecord[]> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readonly') return pendingCounts(db);
  let tail = tails.get(tx);
  if (!tail) {
    tail = pendingCounts(db);
    tails.set(tx, tail);
  }
  return tail;
}

/** Stored counts plus pending changes, per value; the label of the latest saved page wins. */
function merge(rows: readonly TallyRecord[], deltas: readonly TallyRecord[], kind: TallyKind, prefix = ''): Map<string, TallyRecord> {
  const out = new Map<string, TallyRecord>();
  for (const r of rows) out.set(r.value, { ...r });
  for (const d of deltas) {
    if (d.kind !== kind || !d.value.startsWith(prefix)) continue;
    let t = out.get(d.value);
    if (!t) {
      t = { kind, value: d.value, n: 0, ...(kind === 'host' ? { label: null } : {}) };
      out.set(d.value, t);
    }
    t.n += d.n;
    takeLabel(t, d);
  }
  return out;
}

/** A total (`all` or `pages`); 0 for an archive that has never been written. */
export function total(db: ArchiveDB, kind: 'all' | 'pages'): Promise<number> {
  return Promise.all([db.tallies.get([kind, '']), pending(db)]).then(([row, deltas]) => merge(row ? [row] : [], deltas, kind).get('')?.n ?? 0);
}

/** The stored counts of a kind whose values start with `prefix`. */
function rangeOf(db: ArchiveDB, kind: TallyKind, prefix = '') {
  return db.tallies.where('[kind+value]').between([kind, prefix], [kind, `${prefix}\uffff`], true, true);
}

function rowsOf(db: ArchiveDB, kind: TallyKind, prefix = ''): Promise<TallyRecord[]> {
  return rangeOf(db, kind, prefix).toArray();
}

/** The counts of one kind that are above zero, most first (ties by value). */
export function tallies(db: ArchiveDB, kind: TallyKind): Promise<TallyRecord[]> {
  return Promise.all([rowsOf(db, kind), pending(db)]).then(([rows, deltas]) =>
    [...merge(rows, deltas, kind).values()].filter((t) => t.n > 0).sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  );
}

/**
 * How many values of a kind have a count above zero, without reading them all: a record
 * at zero or below exists only while the log's tail carries changes to it, so only the
 * values the tail names are read.
 */
export function countOf(db: ArchiveDB, kind: TallyKind): Promise<number> {
  return pending(db).then((deltas) => {
    const values = [...new Set(deltas.filter((d) => d.kind === kind).map((d) => d.value))];
    return Promise.all([
      rangeOf(db, kind).count(),
      db.tallies.bulkGet(values.map((v) => [kind, v])),
    ]).then(([stored, rows]) => {
      const merged = merge(rows.filter((r): r is TallyRecord => r !== undefined), deltas, kind);
      let n = stored;
      for (const [i, value] of values.entries()) n += Number((merged.get(value)?.n ?? 0) > 0) - Number(rows[i] !== undefined);
      return n;
    });
  });
}

/** The sites citing a document, from its `dochost` counts. */
export function hostsCiting(db: ArchiveDB, doc: string): Promise<string[]> {
  const prefix = `${doc}${DOC_HOST_SEPARATOR}`;
  return Promise.all([rowsOf(db, 'dochost', prefix), pending(db)]).then(([rows, deltas]) =>
    [...merge(rows, deltas, 'dochost', prefix).values()]
      .filter((t) => t.n > 0)
      .map((t) => t.value.slice(prefix.length))
      .sort(),
  );
}

/** Every count above zero (and the two totals), as one list: what the tests compare with a count of the records. */
export function allTallies(db: ArchiveDB): Promise<TallyRecord[]> {
  return Promise.all([db.tallies.toArray(), pending(db)]).then(([rows, deltas]) => {
    const byKind = new Map<TallyKind, TallyRecord[]>();
    for (const r of [...rows, ...deltas]) if (!byKind.has(r.kind)) byKind.set(r.kind, []);
    for (const r of rows) byKind.get(r.kind)!.push(r);
    const out: TallyRecord[] = [];
    for (const [kind, list] of byKind) for (const t of merge(list, deltas, kind).values()) if (t.n > 0 || kind === 'all' || kind === 'pages') out.push(t);
    return out;
  });
}
