import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { citationClippingsHref, citationFilterValue, citationLookupUrl } from '@/lib/library/citations';
import { filtersFromParams } from '@/lib/library/filters';
import { compactNumber, formatDay, parseTags, safeHref, tagsText } from '@/lib/library/format';
import { parseRoute } from '@/lib/library/route';
import { UndoController, UNDO_MS } from '@/lib/library/undo';

describe('citation links', () => {
  const row = { key: '3307/qd-ubnd', code: '3307/QĐ-UBND', docType: 'Quyết định' as const, text: 'Quyết định số 3307/QĐ-UBND', year: 2020, issuer: null };

  it('list the clippings citing the document, by its code as written', () => {
    const route = parseRoute(citationClippingsHref(row));
    expect(route.view).toBe('clippings');
    expect(filtersFromParams(route.params).doc).toBe('3307/QĐ-UBND');
    expect(citationFilterValue({ key: 'luat dat dai 2013', code: null })).toBe('luat dat dai 2013');
  });

  it('look the code up on vbpl.vn with the card\'s own link, and give none where the card gives none', () => {
    expect(citationLookupUrl(row)).toBe('https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=3307%2FQ%C4%90-UBND');
    expect(citationLookupUrl({ ...row, code: '39-NQ/TW', docType: 'Nghị quyết' })).toBeNull();
    expect(citationLookupUrl({ ...row, code: null, docType: 'Luật', text: 'Luật Đất đai 2013' })).toBeNull();
  });
});

describe('formatting', () => {
  it('dates records as the day it was in Vietnam', () => {
    // 23:30 on 11 March UTC is already 12 March in Hà Nội.
    const t = Date.parse('2024-03-11T23:30:00Z');
    expect(formatDay(t, 'en')).toBe('Mar 12, 2024');
    expect(formatDay(t, 'vi')).toBe('12 thg 3, 2024');
    expect(formatDay(null, 'en')).toBe('');
  });

  it('reads tags from a comma-separated field', () => {
    expect(parseTags(' ngân sách, , đầu tư công;GDP ，y tế')).toEqual(['ngân sách', 'đầu tư công', 'GDP', 'y tế']);
    expect(tagsText(['a', 'b c'])).toBe('a, b c');
  });

  it('links only http(s) addresses', () => {
    expect(safeHref('https://baodanang.vn/a.html')).toBe('https://baodanang.vn/a.html');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });

  it('writes chart ticks the way Vietnamese news write figures', () => {
    expect(compactNumber(1.64e12)).toBe('1.640 tỷ');
    expect(compactNumber(2.5e6)).toBe('2,5 triệu');
    expect(compactNumber(12_500)).toBe('12.500');
    expect(compactNumber(0.25)).toBe('0,25');
  });
});

describe('undo offers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('last ten seconds, then go', () => {
    const seen: (string | null)[] = [];
    const undo = new UndoController((o) => seen.push(o?.id ?? null));
    undo.offerUndo('a');
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(undo.offer?.id).toBe('a');
    vi.advanceTimersByTime(1);
    expect(undo.offer).toBeNull();
    expect(seen).toEqual(['a', null]);
    expect(UNDO_MS).toBe(10_000);
  });

  it('are taken once, and a newer delete replaces an older offer', () => {
    const undo = new UndoController(() => undefined);
    undo.offerUndo('a');
    undo.offerUndo('b');
    expect(undo.take()).toBe('b');
    expect(undo.take()).toBeNull();
    vi.advanceTimersByTime(UNDO_MS * 2); // the first offer's timer is gone too
    expect(undo.offer).toBeNull();
  });
});
