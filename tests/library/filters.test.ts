import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToParams,
  placeOfHost,
  placeOfProvince,
  sameFilters,
  toStoreFilter,
  type LibraryFilters,
} from '@/lib/library/filters';

const all: LibraryFilters = {
  q: 'quyet dinh 3307',
  place: placeOfProvince('Bình Phước'),
  tag: 'ngân sách',
  kind: 'document',
  doc: '3307/QĐ-UBND',
  publishedFrom: '2024-01-01',
  publishedTo: '2024-03-31',
  savedFrom: '2025-01-01',
  savedTo: '',
};

describe('library filters', () => {
  it('become the store filter, the search text left to search()', () => {
    expect(toStoreFilter(all)).toEqual({
      province: 'Bình Phước',
      tag: 'ngân sách',
      kind: 'document',
      docCode: '3307/QĐ-UBND',
      published: { from: '2024-01-01', to: '2024-03-31' },
      saved: { from: '2025-01-01' },
    });
    expect(toStoreFilter({ ...EMPTY_FILTERS, place: placeOfHost('bdv.binhphuoc.gov.vn') })).toEqual({ host: 'bdv.binhphuoc.gov.vn' });
    expect(toStoreFilter(EMPTY_FILTERS)).toEqual({});
  });

  it('leave out blank fields and half-typed dates', () => {
    expect(toStoreFilter({ ...EMPTY_FILTERS, tag: '   ', doc: ' ', publishedFrom: '2024-13', savedTo: 'yesterday' })).toEqual({});
  });

  it('round-trip through the address, short names and all', () => {
    const params = filtersToParams(all);
    expect(params.toString()).toBe(
      'q=quyet+dinh+3307&place=province%3AB%C3%ACnh+Ph%C6%B0%E1%BB%9Bc&tag=ng%C3%A2n+s%C3%A1ch&kind=document&doc=3307%2FQ%C4%90-UBND&pf=2024-01-01&pt=2024-03-31&sf=2025-01-01',
    );
    expect(sameFilters(filtersFromParams(params), all)).toBe(true);
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
  });

  it('drop what a hand-edited address gets wrong instead of trusting it', () => {
    const f = filtersFromParams(new URLSearchParams('kind=script&place=<b>&pf=2024-02-30x&st=2024-02-29&tag=%20x%20'));
    expect(f).toEqual({ ...EMPTY_FILTERS, savedTo: '2024-02-29', tag: 'x' });
  });

  it('count the filters set, date ranges once, not the search', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, q: 'x' })).toBe(0);
    expect(activeFilterCount(all)).toBe(6);
    expect(activeFilterCount({ ...EMPTY_FILTERS, savedFrom: '2025-01-01', savedTo: '2025-02-01' })).toBe(1);
  });
});
