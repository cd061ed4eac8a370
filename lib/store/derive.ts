/**
 * The derived fields of records: what the indexes need, computed from the fields people
 * and pages gave. Every write recomputes them (and the v2 upgrade and imports too), so
 * they can never disagree with their sources for long.
 */
import type { DocumentEntity, Entity, EntityKind } from '../recognize/types';
import { fold, indexTokens } from '../search/index.ts';
import type { ClippingRecord, PageRecord } from './records.ts';
import { provinceForHost } from './provinces.ts';
import { siteHost } from './url.ts';

/**
 * The key a cited document is grouped and filtered by: its code folded ("3307/QĐ-UBND"
 * and "3307/QD-UBND" are one document), or for a law cited by name its folded name.
 * The same code issued by two provinces is the same key: telling them apart needs the
 * issuer, which the text rarely gives (see the citation index's `issuers`).
 */
export function documentKey(entity: Pick<DocumentEntity, 'code' | 'text'>): string {
  return entity.code !== null ? fold(entity.code).replace(/\s+/g, '') : nameKey(entity.text);
}

/** "Luật Đầu tư công năm 2019" and "Luật Đầu tư công 2019" are one law: "luat dau tu cong 2019". */
function nameKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim().replace(/ nam (\d{4})$/, ' $1');
}

// Parts joined by "/", "-" or ".", perhaps with stray spaces: "3307 / QĐ-UBND".
const CODE_SHAPE = /^[\p{L}\p{N}]+(?:\s*[./-]\s*[\p{L}\p{N}]+)+$/u;

/** A document key from what a user typed or picked: a code or a law's name, any writing. */
export function documentKeyOf(codeOrName: string): string {
  const f = fold(codeOrName).replace(/\s+/g, ' ').trim();
  return CODE_SHAPE.test(f) ? f.replace(/\s+/g, '') : nameKey(f);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Epoch ms of an ISO date or date-time, null if it is not one. A date alone means the
 * start of that day in Vietnam (+07:00), where every page in the archive comes from.
 */
export function instantOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const s = iso.trim();
  const t = Date.parse(DATE_ONLY.test(s) ? `${s}T00:00:00+07:00` : s);
  return Number.isFinite(t) ? t : null;
}

export interface PageDerived {
  host: string;
  province: string | null;
  publishedAt: number | null;
}

export function derivePage(page: Pick<PageRecord, 'canonicalUrl' | 'published'>): PageDerived {
  const host = siteHost(page.canonicalUrl);
  return { host, province: provinceForHost(host), publishedAt: instantOf(page.published) };
}

function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export type ClippingSource = Pick<ClippingRecord, 'quote' | 'note' | 'tags' | 'entities' | 'deleted' | 'updatedAt'> & {
  deletedAt?: number | null;
};

export type ClippingDerived = Pick<
  ClippingRecord,
  'host' | 'province' | 'publishedAt' | 'kinds' | 'docCodes' | 'figureUnits' | 'tokens' | 'deletedAt'
>;

export function deriveClipping(
  clipping: ClippingSource,
  page: Pick<PageRecord, 'host' | 'province' | 'publishedAt' | 'title' | 'site'>,
): ClippingDerived {
  const entities: readonly Entity[] = clipping.entities;
  return {
    host: page.host,
    province: page.province,
    publishedAt: page.publishedAt,
    kinds: distinct<EntityKind>(entities.map((e) => e.kind)),
    docCodes: distinct(entities.flatMap((e) => (e.kind === 'document' ? [documentKey(e)] : []))),
    figureUnits: distinct(entities.flatMap((e) => (e.kind === 'figure' && e.unit !== null ? [e.unit] : []))),
    tokens: indexTokens(clipping.quote, clipping.note, clipping.tags.join(' '), page.title, page.site),
    // Keeps the first deletion time across rewrites of a tombstone.
    deletedAt: clipping.deleted ? (clipping.deletedAt ?? clipping.updatedAt) : null,
  };
}
