/**
 * Article recognition: DOM in, data out. Used by the content script (browser DOM) and
 * by the command line (linkedom DOM); only standard DOM APIs, no layout (no innerText,
 * no getComputedStyle), no extension APIs.
 *
 *   const a = extractArticle(document, location.href);
 *   if (a.isArticle) {
 *     // a.text is what the recognizers read; a.map turns their offsets into DOM Ranges
 *     const r = rangeFor(a.map, start, end);
 *   }
 *
 * Known portal templates are tried first (`templates/`), then the general method
 * (`generic.ts`). Metadata the template does not give comes from meta tags / JSON-LD.
 */
import { authorFromClosingLines } from './author.ts';
import { isInnerBoilerplate } from './dom.ts';
import { looksLikeDocumentRecord, looksLikeGallery } from './kinds.ts';
import { genericExtractSteps } from './generic.ts';
import {
  cleanTitle,
  looksLikeSiteName,
  metaAuthor,
  metaPublished,
  metaSiteName,
  readMeta,
  sameText,
  siteFromDocTitle,
  siteFromLogo,
  tag,
  type PageMeta,
} from './meta.ts';
import { TEMPLATES, type TemplateContext, type TemplateResult } from './templates/index.ts';
import { finish, type Steps } from './steps.ts';
import { elementTextSteps, type TextMap } from './text.ts';
import { canonicalUrl } from './url.ts';

export interface ArticleMeta {
  isArticle: boolean;
  title: string | null;
  /** ISO 8601 with offset, +07:00 when the page gives none, e.g. 2022-03-22T21:58:00+07:00; date-only → T00:00:00+07:00 */
  published: string | null;
  author: string | null;
  site: string | null;
  /** canonical url: <link rel=canonical> or og:url or location, with fragment and utm_*, fbclid, gclid… removed */
  url: string | null;
  /** which template matched, or 'generic' */
  template: string;
}

export interface Article extends ArticleMeta {
  /** the element holding the article body (null when the page is not an article) */
  body: Element | null;
  /** the lead/sapo when the page puts it outside the body element, else null */
  lead: Element | null;
  /**
   * The article text: lead (if any) then body, as built by `elementText` (blocks joined
   * with "\n", whitespace collapsed, furniture such as share bars, ratings and related-news
   * boxes inside the body left out). Empty when the page is not an article.
   */
  text: string;
  /** offsets in `text` → DOM positions; use with `rangeFor(map, start, end)` */
  map: TextMap;
}

export { finish, type Steps } from './steps.ts';
export { elementText, rangeFor, type ElementText, type ElementTextOptions, type RangeSpec, type TextMap } from './text.ts';
export { normalizeDate, parseDateLine } from './dates.ts';
export { canonicalUrl, cleanUrl, isTrackingParam } from './url.ts';
export { TEMPLATES } from './templates/index.ts';
export type { ArticleTemplate, TemplateContext, TemplateResult } from './templates/index.ts';

/** Options to rebuild exactly the article text: `elementText([lead, body], articleTextOptions(exclude))`. */
export function articleTextOptions(exclude: readonly Element[] = []): { skip: (el: Element) => boolean } {
  const ex = new Set(exclude);
  return { skip: (el: Element) => ex.has(el) || isInnerBoilerplate(el) };
}

/**
 * CMS accounts that publish on the writer's behalf and end up in <meta name="author">
 * (Joomla's "Super User", "admin", "Quản trị viên"): not a writer.
 */
export function isAccountName(s: string): boolean {
  return /^(?:super ?user|admin(?:istrator)?|webmaster|quản trị(?: viên)?)\s*\d*$/i.test(s.trim());
}

const EMPTY_MAP: TextMap = { starts: [], nodes: [], offsets: [], nodeLens: [], length: 0 };

function empty(url: string | null): Article {
  return {
    isArticle: false,
    title: null,
    published: null,
    author: null,
    site: null,
    url,
    template: 'generic',
    body: null,
    lead: null,
    text: '',
    map: EMPTY_MAP,
  };
}

/** Tries the templates in order, with a chance to pause after each that ran (a template's first run compiles its patterns). */
function* runTemplates(doc: Document, ctx: TemplateContext): Steps<{ name: string; result: TemplateResult } | null> {
  for (const t of TEMPLATES) {
    let result: TemplateResult | null = null;
    try {
      if (!t.matches(doc, ctx)) continue;
      result = t.extract(doc, ctx);
    } catch {
      // a template that trips over unexpected markup leaves the page to the next one
    }
    if (result) return { name: t.name, result };
    yield;
  }
  return null;
}

/** Yields between its phases and inside the two walks over a whole page or article (./steps.ts). */
function* extract(doc: Document, url: string | null): Steps<Article> {
  const canonical = canonicalUrl(doc, url);
  yield;
  const meta: PageMeta = readMeta(doc);
  const ctx: TemplateContext = { url: canonical ?? url, meta };
  yield;

  const matched = yield* runTemplates(doc, ctx);
  yield;
  const generic = matched ? null : yield* genericExtractSteps(doc, meta, canonical ?? url);
  const r = matched?.result;

  const body = (r ? r.body : generic!.body) ?? null;
  const isArticle = r ? r.isArticle : generic!.isArticle;
  const rawTitle = (r ? r.title : generic!.title) ?? tag(meta, 'og:title') ?? meta.ldArticle?.headline ?? (meta.docTitle || null);
  const site =
    r?.site ?? metaSiteName(meta) ?? siteFromDocTitle(meta.docTitle, rawTitle) ?? siteFromLogo(doc);
  const title = cleanTitle(rawTitle, site);
  // date lines are read only on articles (a listing's dates belong to its items)
  const published = isArticle
    ? (r ? r.published ?? metaPublished(doc, meta) : generic!.published) ?? null
    : metaPublished(doc, meta);

  const article: Article = {
    isArticle,
    title,
    published,
    author: null,
    site,
    url: canonical,
    template: matched ? matched.name : 'generic',
    body: null,
    lead: null,
    text: '',
    map: EMPTY_MAP,
  };

  if (isArticle && body) {
    const lead = (r ? r.lead : generic!.lead) ?? null;
    const exclude = (r ? r.exclude : generic!.exclude) ?? [];
    yield;
    const { text, map } = yield* elementTextSteps(lead ? [lead, body] : [body], articleTextOptions(exclude));
    // a văn bản record or a photo album has a body but is no article (./kinds.ts)
    if (looksLikeDocumentRecord(body, text.length) || looksLikeGallery(body, text.length)) {
      article.isArticle = false;
      article.published = metaPublished(doc, meta);
    } else {
      article.body = body;
      article.lead = lead;
      article.text = text;
      article.map = map;
    }
  }
  // portals often put their own name in <meta name="author">: that is not the writer
  const ma = metaAuthor(meta);
  const metaWriter = ma && !(site && sameText(ma, site)) && !looksLikeSiteName(ma) && !isAccountName(ma) ? ma : null;
  // a labelled byline near the title ("Tác giả: …") first; a labelled source ("Nguồn: …")
  // outside the body after the writer's name the body may end with
  const byline = generic?.byline ?? null;
  article.author =
    r?.author ??
    (article.isArticle && byline?.isAuthor ? byline.author : null) ??
    metaWriter ??
    (article.text ? authorFromClosingLines(article.text) : null) ??
    (article.isArticle ? byline?.author ?? null : null);
  return article;
}

/**
 * Recognizes the article in a document. `url` is the page address (defaults to the
 * document's location in a browser). Never throws: on any failure it returns a
 * non-article result.
 */
export function extractArticle(doc: Document, url?: string): Article {
  return finish(extractArticleSteps(doc, url));
}

/**
 * `extractArticle`, pausable: a generator that yields every fraction of a millisecond,
 * for the content script to spread a big page over several tasks (lib/page/read.ts).
 * Never throws either. The DOM must not change while it is paused (the caller reads
 * again if it did).
 */
export function* extractArticleSteps(doc: Document, url?: string): Steps<Article> {
  try {
    return yield* extract(doc, url ?? null);
  } catch {
    let u: string | null = null;
    try {
      u = canonicalUrl(doc, url ?? null);
    } catch {
      u = null;
    }
    return empty(u);
  }
}
