/**
 * Filters on clippings: what a caller asks for, its normalized form, and the in-memory
 * check every candidate passes before it is returned. Indexes only narrow the candidates
 * (plan.ts); this check decides, so a result is right whichever index the plan used.
 */
import type { EntityKind } from '../recognize/types';
import { matchesTerms } from '../search/index.ts';
import { documentKeyOf, instantOf } from './derive.ts';
import type { ClippingRecord } from './records.ts';
import { siteHost } from './url.ts';

/** A time range, both ends inclusive; epoch ms or ISO. A date alone is a whole day in Vietnam (+07:00). */
export interface DateRange {
  from?: number | string | null;
  to?: number | string | null;
}

export interface ClippingFilter {
  /** Site: a host ("binhphuoc.gov.vn"; "www." ignored) or any URL on it. Subdomains are separate sites. */
  host?: string | null;
  /** Province as `provinceForHost` names it ("Bình Phước"). */
  province?: string | null;
  tag?: string | null;
  kind?: EntityKind | null;
  /** A document code or law name in any writing ("3307/QĐ-UBND", "3307/qd-ubnd"). */
  docCode?: string | null;
  /** Figure unit, canonical as lib/recognize gives it ("đồng", "%", "ha"). */
  unit?: string | null;
  /** When the page was published. */
  published?: DateRange | null;
  /** When the clipping was saved. */
  saved?: DateRange | null;
  pageId?: string | null;
}

/** A filter ready to run: values in their stored form, ranges as [low, high] epoch ms. */
export interface NormalFilter {
  host?: string;
  province?: string;
  tag?: string;
  kind?: EntityKind;
  docCode?: string;
  unit?: string;
  published?: [number, number];
  saved?: [number, number];
  pageId?: string;
  /** Search terms (lib/search `queryTerms`): each a prefix of some token. */
  terms?: string[];
}

const DAY = 86_400_000;
const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

function bound(value: number | string | null | undefined, end: boolean): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const t = instantOf(value);
  if (t === null) return null;
  // "to: 2024-03-31" means up to the end of that day.
  return end && DATE_ONLY.test(value) ? t + DAY - 1 : t;
}

function range(r: DateRange | null | undefined): [number, number] | undefined {
  if (!r) return undefined;
  const lo = bound(r.from, false);
  const hi = bound(r.to, true);
  if (lo === null && hi === null) return undefined;
  return [lo ?? -Number.MAX_VALUE, hi ?? Number.MAX_VALUE];
}

function hostOf(value: string): string {
  const v = value.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? siteHost(v) : v.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

export function normalizeFilter(filter: ClippingFilter = {}, terms: readonly string[] = []): NormalFilter {
  const f: NormalFilter = {};
  if (filter.host) f.host = hostOf(filter.host);
  if (filter.province) f.province = filter.province.normalize('NFC').trim();
  if (filter.tag) f.tag = filter.tag.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (filter.kind) f.kind = filter.kind;
  if (filter.docCode) f.docCode = documentKeyOf(filter.docCode);
  if (filter.unit) f.unit = filter.unit;
  const published = range(filter.published);
  if (published) f.published = published;
  const saved = range(filter.saved);
  if (saved) f.saved = saved;
  if (filter.pageId) f.pageId = filter.pageId;
  if (terms.length > 0) f.terms = [...terms];
  return f;
}

function within(value: number | null, [lo, hi]: [number, number]): boolean {
  return value !== null && value >= lo && value <= hi;
}

/** Whether a record passes the filter (tombstones never do). */
export function matchesFilter(c: ClippingRecord, f: NormalFilter): boolean {
  if (c.deleted) return false;
  if (f.host !== undefined && c.host !== f.host) return false;
  if (f.province !== undefined && c.province !== f.province) return false;
  if (f.pageId !== undefined && c.pageId !== f.pageId) return false;
  if (f.tag !== undefined && !c.tags.includes(f.tag)) return false;
  if (f.kind !== undefined && !c.kinds.includes(f.kind)) return false;
  if (f.docCode !== undefined && !c.docCodes.includes(f.docCode)) return false;
  if (f.unit !== undefined && !c.figureUnits.includes(f.unit)) return false;
  if (f.published && !within(c.publishedAt, f.published)) return false;
  if (f.saved && !within(c.createdAt, f.saved)) return false;
  if (f.terms && !matchesTerms(c.tokens, f.terms)) return false;
  return true;
}

export function isEmptyFilter(f: NormalFilter): boolean {
  return Object.keys(f).length === 0;
}
