import type { PageMeta } from '../meta.ts';

export interface TemplateContext {
  /** canonical URL of the page, if known */
  url: string | null;
  /** metadata already read from the page */
  meta: PageMeta;
}

/**
 * What a template found. Fields left undefined are filled in from page metadata and the
 * general method (`index.ts`). A template returns null from `extract` when the markup
 * is its site family's but not a page it can decide on; the general method then runs.
 */
export interface TemplateResult {
  isArticle: boolean;
  title?: string | null;
  /** ISO 8601 with offset */
  published?: string | null;
  author?: string | null;
  site?: string | null;
  /** the element holding the article body */
  body?: Element | null;
  /** the lead (sapo) when it sits outside the body element */
  lead?: Element | null;
  /** elements inside the body that are not article text */
  exclude?: Element[];
}

export interface ArticleTemplate {
  readonly name: string;
  /** Cheap test: is this page built with this template? */
  matches(doc: Document, ctx: TemplateContext): boolean;
  extract(doc: Document, ctx: TemplateContext): TemplateResult | null;
}
