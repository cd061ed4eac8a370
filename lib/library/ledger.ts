/**
 * The statistics ledger's table: its columns, sorting, and the bit of quote around each
 * figure. Sorting happens here, in memory: the ledger of one unit is already all read
 * (a sortable table needs every row) as compact entries (the store's `ledgerEntries`),
 * and sorting 50 000 of them takes milliseconds. The page titles, which the entries do
 * not carry, are read only to sort by page.
 */
import type { LedgerEntry } from '../store/index.ts';
import type { Qualifier } from '../recognize/types';

export const LEDGER_COLUMNS = ['value', 'unit', 'quantity', 'qualifier', 'quote', 'page', 'published'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface LedgerSort {
  column: LedgerColumn;
  direction: SortDirection;
}

/** Newest first, as the ledger arrives: what a reader expects before choosing a column. */
export const DEFAULT_LEDGER_SORT: LedgerSort = { column: 'published', direction: 'descending' };

/** A row's identity: a clipping can hold several figures. */
export function ledgerRowKey(row: LedgerEntry): string {
  return `${row.clippingId}:${row.entityIndex}`;
}

/** Page titles by page id (null: the page has none), for sorting by page. */
export type PageTitles = ReadonlyMap<string, string | null>;

type Compare = (a: LedgerEntry, b: LedgerEntry, titles: PageTitles) => number;

// Vietnamese collation for text columns ("Đ" after "D", tones ignored at first level),
// whatever the UI language: the text is Vietnamese.
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function text(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

const QUALIFIER_ORDER: Record<Qualifier, number> = { under: 0, atMost: 1, approx: 2, atLeast: 3, over: 4 };

const COMPARE: Record<LedgerColumn, Compare> = {
  value: (a, b) => a.figure.value - b.figure.value,
  unit: (a, b) => text(a.figure.unit, b.figure.unit),
  quantity: (a, b) => text(a.figure.quantity, b.figure.quantity),
  qualifier: (a, b) => QUALIFIER_ORDER[a.figure.qualifier!] - QUALIFIER_ORDER[b.figure.qualifier!],
  quote: (a, b) => text(a.figure.text, b.figure.text),
  page: (a, b, titles) => text(titles.get(a.pageId), titles.get(b.pageId)),
  published: (a, b) => a.publishedAt! - b.publishedAt!,
};

/** Cells with nothing in them, which sort last whichever the direction: a blank is not "smallest". */
function isBlank(column: LedgerColumn, row: LedgerEntry, titles: PageTitles): boolean {
  switch (column) {
    case 'unit':
      return !row.figure.unit;
    case 'qualifier':
      return row.figure.qualifier === null;
    case 'page':
      return !titles.get(row.pageId);
    case 'published':
      return row.publishedAt === null;
    default:
      return false;
  }
}

/**
 * The rows in a new array, sorted by one column. Ties keep the ledger's own order
 * (newest clipping first, figures in text order): Array.prototype.sort is stable.
 * Sorting by page needs `titles` (a page missing from it counts as untitled).
 */
export function sortLedger(rows: readonly LedgerEntry[], sort: LedgerSort, titles: PageTitles = new Map()): LedgerEntry[] {
  const compare = COMPARE[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const blankA = isBlank(sort.column, a, titles);
    const blankB = isBlank(sort.column, b, titles);
    if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
    return sign * compare(a, b, titles);
  });
}

/** The next sort after a click on a column's header: that column, flipping if it was already the one. */
export function nextSort(current: LedgerSort, column: LedgerColumn): LedgerSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  // Numbers and dates read best largest/newest first; words from A.
  const direction: SortDirection = column === 'value' || column === 'published' ? 'descending' : 'ascending';
  return { column, direction };
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/**
 * The figure with some of the quote around it, cut at word boundaries, for a table cell:
 * a whole quote can run to paragraphs. Offsets are the entity's, into the quote.
 */
export function snippet(quote: string, start: number, end: number, radius = 60): Snippet {
  const s = Math.max(0, Math.min(start, quote.length));
  const e = Math.max(s, Math.min(end, quote.length));
  let from = Math.max(0, s - radius);
  let to = Math.min(quote.length, e + radius);
  if (from > 0) {
    const space = quote.indexOf(' ', from);
    if (space >= 0 && space < s) from = space + 1;
  }
  if (to < quote.length) {
    const space = quote.lastIndexOf(' ', to);
    if (space >= e) to = space;
  }
  const oneLine = (t: string) => t.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '… ' : '') + oneLine(quote.slice(from, s)),
    match: oneLine(quote.slice(s, e)),
    after: oneLine(quote.slice(e, to)) + (to < quote.length ? ' …' : ''),
  };
}

/** Units to offer, most clipped first (from the archive's stats). */
export function unitChoices(units: readonly { unit: string; count: number }[]): string[] {
  return units.map((u) => u.unit);
}

