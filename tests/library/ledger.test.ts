import { describe, expect, it } from 'vitest';
import { nextSort, snippet, sortLedger, DEFAULT_LEDGER_SORT } from '@/lib/library/ledger';
import type { LedgerEntry } from '@/lib/store';

/** An entry, and its page's title in `titles` (sorting by page reads them). */
const titles = new Map<string, string | null>();

function row(id: string, value: number, fields: { unit?: string | null; title?: string | null; publishedAt?: number | null; qualifier?: LedgerEntry['figure']['qualifier'] } = {}): LedgerEntry {
  titles.set(`page-${id}`, fields.title === undefined ? 'Bài' : fields.title);
  return {
    figure: {
      kind: 'figure',
      start: 0,
      end: 1,
      text: String(value),
      value,
      valueTo: null,
      quantity: 'area',
      unit: fields.unit === undefined ? 'ha' : fields.unit,
      qualifier: fields.qualifier ?? null,
      change: null,
      denominator: null,
    },
    entityIndex: 0,
    clippingId: id,
    pageId: `page-${id}`,
    publishedAt: fields.publishedAt === undefined ? 1 : fields.publishedAt,
    createdAt: 1,
  };
}

const ids = (rows: LedgerEntry[]) => rows.map((r) => r.clippingId);

describe('ledger sorting', () => {
  it('sorts by value either way, leaving the input alone', () => {
    const rows = [row('a', 5), row('b', 1_640_000_000_000), row('c', 0.43), row('d', 12)];
    expect(ids(sortLedger(rows, { column: 'value', direction: 'descending' }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortLedger(rows, { column: 'value', direction: 'ascending' }))).toEqual(['c', 'a', 'd', 'b']);
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the ledger order among equal values (stable)', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 1), row('d', 2)];
    expect(ids(sortLedger(rows, { column: 'value', direction: 'ascending' }))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts text the Vietnamese way and puts blank cells last in both directions', () => {
    const rows = [row('a', 1, { title: 'Đường' }), row('b', 1, { title: null }), row('c', 1, { title: 'Dự án' }), row('d', 1, { title: 'Ấp' })];
    expect(ids(sortLedger(rows, { column: 'page', direction: 'ascending' }, titles))).toEqual(['d', 'c', 'a', 'b']);
    expect(ids(sortLedger(rows, { column: 'page', direction: 'descending' }, titles))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts by publication date with undated figures last', () => {
    const rows = [row('a', 1, { publishedAt: 30 }), row('b', 1, { publishedAt: null }), row('c', 1, { publishedAt: 10 })];
    expect(ids(sortLedger(rows, DEFAULT_LEDGER_SORT))).toEqual(['a', 'c', 'b']);
    expect(ids(sortLedger(rows, { column: 'published', direction: 'ascending' }))).toEqual(['c', 'a', 'b']);
  });

  it('orders qualifiers from "under" to "over"', () => {
    const rows = [row('a', 1, { qualifier: 'over' }), row('b', 1), row('c', 1, { qualifier: 'under' }), row('d', 1, { qualifier: 'approx' })];
    expect(ids(sortLedger(rows, { column: 'qualifier', direction: 'ascending' }))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('flips the direction on a second click, and starts numbers and dates from the largest', () => {
    expect(nextSort(DEFAULT_LEDGER_SORT, 'value')).toEqual({ column: 'value', direction: 'descending' });
    expect(nextSort({ column: 'value', direction: 'descending' }, 'value')).toEqual({ column: 'value', direction: 'ascending' });
    expect(nextSort(DEFAULT_LEDGER_SORT, 'page')).toEqual({ column: 'page', direction: 'ascending' });
  });
});

describe('ledger snippets', () => {
  const quote = 'Theo Quyết định số 3307/QĐ-UBND, tỉnh đã phê duyệt dự án đường giao thông với tổng vốn đầu tư 1.640 tỷ đồng trong giai đoạn 2021 - 2025 theo đúng quy định.';
  const start = quote.indexOf('1.640');
  const end = start + '1.640 tỷ đồng'.length;

  it('shows the figure with whole words around it', () => {
    const s = snippet(quote, start, end, 30);
    expect(s.match).toBe('1.640 tỷ đồng');
    expect(s.before.startsWith('… ')).toBe(true);
    expect(s.after.endsWith(' …')).toBe(true);
    const shown = `${s.before.slice(2)}${s.match}${s.after.slice(0, -2)}`;
    const at = quote.indexOf(shown);
    // A contiguous piece of the quote, cut at spaces on both sides.
    expect(at).toBeGreaterThan(0);
    expect(quote[at - 1]).toBe(' ');
    expect(quote[at + shown.length]).toBe(' ');
  });

  it('keeps a short quote whole and puts newlines on one line', () => {
    expect(snippet('Đạt 47\nhộ dân.', 4, 13)).toEqual({ before: 'Đạt ', match: '47 hộ dân', after: '.' });
  });

  it('clamps offsets that do not fit the quote', () => {
    expect(snippet('abc', 5, 9)).toEqual({ before: 'abc', match: '', after: '' });
  });
});
