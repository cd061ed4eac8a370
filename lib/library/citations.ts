/**
 * What the citation index links to for each cited document: the clippings that cite it
 * (the list filtered by its code) and the national legal database's search, built by the
 * same function as the in-page card's link (lib/format/lookup.ts), so both agree on which
 * codes get one.
 */
import { lookupUrl } from '../format/lookup.ts';
import type { CitationRow } from '../store/index.ts';
import { EMPTY_FILTERS, filtersToParams } from './filters.ts';
import { routeHash } from './route.ts';

/**
 * The value the list's document filter takes for a row: the code as written when there
 * is one ("3307/QĐ-UBND": readable in the filter box), else the key (a law's folded
 * name), which the store's `documentKeyOf` maps back to the same key.
 */
export function citationFilterValue(row: Pick<CitationRow, 'code' | 'key'>): string {
  return row.code ?? row.key;
}

/** The library address listing the clippings that cite a row's document. */
export function citationClippingsHref(row: Pick<CitationRow, 'code' | 'key'>): string {
  return routeHash('clippings', filtersToParams({ ...EMPTY_FILTERS, doc: citationFilterValue(row) }));
}

/** vbpl.vn's search for the row's code, or null where the card would give no link (Party codes, named laws). */
export function citationLookupUrl(row: Pick<CitationRow, 'code' | 'docType' | 'text' | 'year' | 'issuer'>): string | null {
  // lookupUrl reads a recognized entity; the row carries the fields it looks at.
  return lookupUrl({
    kind: 'document',
    start: 0,
    end: row.text.length,
    text: row.text,
    docType: row.docType,
    code: row.code,
    number: null,
    year: row.year,
    date: null,
    issuer: row.issuer,
  });
}
