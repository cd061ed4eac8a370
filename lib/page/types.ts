import type { Entity } from '../recognize/types';

/** What the popup shows about the page: the article's metadata (lib/article). */
export interface PageMeta {
  title: string | null;
  /** ISO 8601 with offset. */
  published: string | null;
  author: string | null;
  site: string | null;
  /** Canonical address. */
  url: string | null;
}

/**
 * Where the content script is with the page:
 * - `off`: highlighting is switched off for this site;
 * - `waiting`: no article yet, watching for one to be inserted (for a while);
 * - `not-article`: gave up, the page is a listing, home page…;
 * - `annotating` / `annotated`: reading the article / done.
 */
export type PageState = 'off' | 'waiting' | 'not-article' | 'annotating' | 'annotated';

export interface PageSummary {
  state: PageState;
  page: PageMeta | null;
  /** In text order; offsets into the article text. */
  entities: Entity[];
}
