/**
 * Archives for the export bench, built in memory: generated clippings (lib/store's
 * fixtures) turned into records with the store's own derive functions, as
 * `saveClippings` would write them. Seeding 100 000 clippings through fake-indexeddb
 * instead would take minutes before the first measurement.
 */
import type { Snapshot } from '../../lib/backup/format.ts';
import { deriveClipping, derivePage } from '../../lib/store/derive.ts';
import { generateClippings } from '../../lib/store/fixtures.ts';
import { DEFAULT_COLOUR, SCHEMA_VERSION, type ClippingRecord, type PageRecord } from '../../lib/store/records.ts';
import { canonicalizeUrl } from '../../lib/store/url.ts';
import { tidyTags } from '../../lib/store/validate.ts';

export function buildSnapshot(n: number, seed = 20_240_312): Snapshot {
  const inputs = generateClippings(n, { seed, hostile: 0.02 });
  const pages = new Map<string, PageRecord>();
  const clippings: ClippingRecord[] = [];
  let t = Date.UTC(2024, 0, 1);
  for (const input of inputs) {
    t += 90_000;
    const url = canonicalizeUrl(input.page.url)!;
    const canonicalUrl = (input.page.canonicalUrl ? canonicalizeUrl(input.page.canonicalUrl) : null) ?? url;
    let page = pages.get(canonicalUrl);
    if (!page) {
      const base = { canonicalUrl, published: input.page.published ?? null };
      page = {
        schemaVersion: SCHEMA_VERSION,
        id: crypto.randomUUID(),
        url,
        canonicalUrl,
        title: input.page.title ?? null,
        published: base.published,
        author: input.page.author ?? null,
        site: input.page.site ?? null,
        ...derivePage(base),
        firstSeen: t,
        createdAt: t,
        updatedAt: t,
        deleted: false,
      };
      pages.set(canonicalUrl, page);
    }
    const source = {
      quote: input.quote,
      selectors: input.selectors as ClippingRecord['selectors'],
      entities: (input.entities ?? []) as ClippingRecord['entities'],
      note: input.note ?? '',
      tags: tidyTags(input.tags ?? []),
      deleted: false,
      updatedAt: t,
    };
    clippings.push({
      schemaVersion: SCHEMA_VERSION,
      id: crypto.randomUUID(),
      pageId: page.id,
      ...source,
      colour: input.colour ?? DEFAULT_COLOUR,
      createdAt: t,
      ...deriveClipping(source, page),
    });
  }
  return { pages: [...pages.values()], clippings, settings: null };
}
