/**
 * The library's filters as the form holds them (plain strings, so every field is an
 * input's value and the whole state fits in the address), and their translation to the
 * store's `ClippingFilter`. Pure: no DOM, no browser APIs.
 */
import type { ClippingFilter } from '../store/index.ts';
import type { EntityKind } from '../recognize/types';

export interface LibraryFilters {
  /** The search box, as typed. */
  q: string;
  /** Site or province: '' for any, `host:<host>` or `province:<name>`. */
  place: string;
  tag: string;
  kind: '' | EntityKind;
  /** A document code or law name in any writing ("3307/QĐ-UBND", "3307/qd-ubnd"). */
  doc: string;
  /** Dates as `<input type="date">` gives them ("YYYY-MM-DD") or ''. */
  publishedFrom: string;
  publishedTo: string;
  savedFrom: string;
  savedTo: string;
}

export const EMPTY_FILTERS: Readonly<LibraryFilters> = Object.freeze({
  q: '',
  place: '',
  tag: '',
  kind: '',
  doc: '',
  publishedFrom: '',
  publishedTo: '',
  savedFrom: '',
  savedTo: '',
});

/** Short names in the address (`#/clippings?q=…&doc=…`): links from the citation index use them. */
const PARAMS: Readonly<Record<keyof LibraryFilters, string>> = {
  q: 'q',
  place: 'place',
  tag: 'tag',
  kind: 'kind',
  doc: 'doc',
  publishedFrom: 'pf',
  publishedTo: 'pt',
  savedFrom: 'sf',
  savedTo: 'st',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly EntityKind[] = ['document', 'figure'];

/** A date field's value, or '' when it is not a date (a hand-edited address, a half-typed field). */
function date(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  return DATE.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`)) ? v : '';
}

function kind(value: string | null | undefined): LibraryFilters['kind'] {
  return KINDS.includes(value as EntityKind) ? (value as EntityKind) : '';
}

function place(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  return /^(host|province):./.test(v) ? v : '';
}

/** Filters from an address's parameters; anything malformed is dropped rather than trusted. */
export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const get = (k: keyof LibraryFilters) => params.get(PARAMS[k]) ?? '';
  return {
    q: get('q'),
    place: place(get('place')),
    tag: get('tag').trim(),
    kind: kind(get('kind')),
    doc: get('doc').trim(),
    publishedFrom: date(get('publishedFrom')),
    publishedTo: date(get('publishedTo')),
    savedFrom: date(get('savedFrom')),
    savedTo: date(get('savedTo')),
  };
}

/** The address parameters of some filters; empty fields are left out. */
export function filtersToParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof LibraryFilters)[]) {
    const value = filters[key];
    if (value !== '') params.set(PARAMS[key], value);
  }
  return params;
}

/** A place value for a site's host or a province name. */
export const placeOfHost = (host: string) => `host:${host}`;
export const placeOfProvince = (province: string) => `province:${province}`;

function range(from: string, to: string): ClippingFilter['published'] {
  const f = date(from);
  const t = date(to);
  if (!f && !t) return undefined;
  // A date alone is a whole day in Vietnam for the store (filter.ts), both ends inclusive.
  return { ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) };
}

/** What the store is asked for. The search text goes separately, as `search()`'s query. */
export function toStoreFilter(filters: LibraryFilters): ClippingFilter {
  const out: ClippingFilter = {};
  if (filters.place.startsWith('host:')) out.host = filters.place.slice('host:'.length);
  else if (filters.place.startsWith('province:')) out.province = filters.place.slice('province:'.length);
  if (filters.tag.trim()) out.tag = filters.tag.trim();
  if (filters.kind) out.kind = filters.kind;
  if (filters.doc.trim()) out.docCode = filters.doc.trim();
  const published = range(filters.publishedFrom, filters.publishedTo);
  if (published) out.published = published;
  const saved = range(filters.savedFrom, filters.savedTo);
  if (saved) out.saved = saved;
  return out;
}

/** How many filters (not counting the search text) are set: shown on the filters' heading. */
export function activeFilterCount(filters: LibraryFilters): number {
  const { q: _q, ...rest } = filters;
  void _q;
  let n = 0;
  if (rest.place) n++;
  if (rest.tag) n++;
  if (rest.kind) n++;
  if (rest.doc) n++;
  if (rest.publishedFrom || rest.publishedTo) n++;
  if (rest.savedFrom || rest.savedTo) n++;
  return n;
}

/** Whether two filter states ask for the same list. */
export function sameFilters(a: LibraryFilters, b: LibraryFilters): boolean {
  return (Object.keys(PARAMS) as (keyof LibraryFilters)[]).every((k) => a[k] === b[k]);
}
