/**
 * A clipping as the store takes it (`ClippingInput`), assembled from the article text,
 * a span of it, the entities recognized in the article and the page's metadata. Pure:
 * the content script passes in what it read; the store validates again on arrival.
 */
import type { describe } from '../anchor';
import type { Entity } from '../recognize/types';
import type { ClippingInput, PageInput } from '../store/validate';

/**
 * The longest quote the store accepts (`LIMITS.quote` in lib/store/validate.ts, which
 * the content script does not import: it would bring the validation library along).
 * tests/capture checks that the two agree.
 */
export const MAX_QUOTE = 100_000;

/** What the page says about itself (lib/article's metadata) and where it was read. */
export interface PageFacts {
  /** The address in the tab. */
  location: string;
  /** The article's canonical address (lib/article), when it has one. */
  canonical: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  site: string | null;
}

export interface ClippingSource {
  /** The article text (lib/article), which every offset refers to. */
  text: string;
  start: number;
  end: number;
  /** Entities with offsets into `text`, in any order; those inside the span are kept. */
  entities: readonly Entity[];
  page: PageFacts;
}

export function pageInput(page: PageFacts): PageInput {
  return {
    url: page.location,
    canonicalUrl: page.canonical,
    title: page.title,
    published: page.published,
    author: page.author,
    site: page.site,
  };
}

/** The entities wholly inside [start, end), with offsets made relative to the quote, in text order. */
export function entitiesWithin(entities: readonly Entity[], start: number, end: number): Entity[] {
  return entities
    .filter((e) => e.start >= start && e.end <= end)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The clipping for text[start, end): quote, W3C selectors, entities inside it, page;
 * empty note and tags. `describe` is lib/anchor's (passed in: the content script loads
 * it only when a clipping is saved).
 */
export function assembleClipping({ text, start, end, entities, page }: ClippingSource, describeSpan: typeof describe): ClippingInput {
  const selectors = describeSpan(text, start, end);
  return {
    page: pageInput(page),
    quote: selectors.quote.exact,
    selectors: { quote: selectors.quote, position: selectors.position! },
    entities: entitiesWithin(entities, start, end),
    note: '',
    tags: [],
  };
}
