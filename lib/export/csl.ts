/**
 * CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the
 * format Zotero, Mendeley and pandoc import: one item per page clipped from, as
 * "article-newspaper" when the site is a newspaper and "webpage" otherwise, and one
 * "legislation" item per document cited, so a writer can cite both the report and
 * the decision it reports on.
 */
import { siteForHost } from '../sites/index.ts';
import type { PageRecord } from '../store/records.ts';
import { lookupUrl } from '../format/lookup.ts';
import { vietnamTime, wallClock } from './cells.ts';
import { exportName } from './names.ts';
import { throwIfAborted } from './progress.ts';
import { liveViews, type Snapshot } from './snapshot.ts';
import { citationRows, type CitationRow } from './tables.ts';
import type { ExportFile, ExportOptions } from './types.ts';

export interface CslDate {
  'date-parts': [number, number?, number?][];
}

export type CslItem = Record<string, unknown> & { id: string; type: string };

function datePartsOf(iso: string | null): CslDate | null {
  const c = wallClock(iso);
  return c ? { 'date-parts': [[c.y, c.m, c.d]] } : null;
}

/** Provincial and national papers publish as newspapers; portals and party sites as web pages. */
export function isNewspaper(page: PageRecord): boolean {
  const listed = siteForHost(page.host);
  if (listed) return listed.kind === 'newspaper';
  return /^báo\s/iu.test((page.site ?? '').normalize('NFC').trim()) || /^bao[a-z]/.test(page.host);
}

export function pageItem(page: PageRecord): CslItem {
  const accessed = vietnamTime(page.firstSeen);
  const issued = datePartsOf(page.published);
  return {
    id: `page-${page.id}`,
    type: isNewspaper(page) ? 'article-newspaper' : 'webpage',
    title: page.title ?? page.url,
    ...(page.site ? { 'container-title': page.site } : {}),
    ...(page.author ? { author: [{ literal: page.author }] } : {}),
    ...(issued ? { issued } : {}),
    ...(accessed ? { accessed: { 'date-parts': [[accessed.y, accessed.m, accessed.d]] } } : {}),
    URL: page.url,
    language: 'vi',
  };
}

export function documentItem(row: CitationRow): CslItem {
  const e = row.entity;
  const issued = datePartsOf(row.date) ?? (row.year !== null ? { 'date-parts': [[row.year]] } : null);
  const url = lookupUrl(e);
  return {
    id: `doc-${row.key}`,
    type: 'legislation',
    // "Quyết định 3307/QĐ-UBND": how Vietnamese documents are named; a law cited by name keeps its name.
    title: e.code ? `${e.docType} ${e.code}` : e.text,
    ...(e.code ? { number: e.code } : {}),
    ...(row.issuer ? { authority: row.issuer } : {}),
    ...(issued ? { issued } : {}),
    ...(url ? { URL: url } : {}),
    language: 'vi',
  };
}

export function cslItems(snapshot: Snapshot): CslItem[] {
  const views = liveViews(snapshot);
  const pages = new Map<string, PageRecord>();
  for (const v of views) pages.set(v.page.id, v.page);
  return [...[...pages.values()].map(pageItem), ...citationRows(views).map(documentItem)];
}

export async function exportCsl(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  throwIfAborted(options.signal);
  const items = cslItems(snapshot);
  options.onProgress?.({ phase: 'items', done: items.length, total: items.length });
  return { name: exportName('references', 'json', options.now), type: 'application/vnd.citationstyles.csl+json', parts: [JSON.stringify(items, null, 2) + '\n'] };
}
