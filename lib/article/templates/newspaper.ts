/**
 * Provincial newspapers (baoquangninh.vn, baobinhphuoc.com.vn, …) and other news CMSs
 * that publish article metadata: og:type=article or JSON-LD NewsArticle, plus a body
 * element under one of the class names Vietnamese newspaper CMSs use (detail-content,
 * article__body, cms-body, itemprop=articleBody, …), a sapo (lead) outside it, figure
 * captions inside it, an author line, tags and related news around it.
 */
import { first, isBoilerplateElement, qs, qsa, within } from '../dom.ts';
import { isArticleType, metaPublished, tag } from '../meta.ts';
import { shortText } from '../text.ts';
import { dateFromSelectors, inFurniture, looksLikeListing, textLength } from './common.ts';
import type { ArticleTemplate, TemplateContext, TemplateResult } from './types.ts';

const BODY = [
  '[itemprop="articleBody"]', '.detail-content', '.detail__content', '.detail-content-body', '.article__body',
  '.article-body', '.article-content', '.content-detail', '.cms-body', '#content_detail', '.news-content',
  '.detail-body', '.post-content', '.entry-content', '.news-body', '.body-content',
];
const BODY_ANY = BODY.join(', ');
const TITLE = [
  'h1.detail-title', 'h1.detail__title', 'h1.article__title', 'h1.article-title', 'h1.title-detail', 'h1.cms-title',
  '.detail-title h1', 'h1[itemprop="headline"]', 'article h1', 'h1',
];
const LEAD = [
  '.detail-sapo', '.detail__sapo', '.sapo', '.article__sapo', '.article-sapo', '.cms-desc', '.detail__summary',
  '.summary', '.lead', 'h2.sapo', 'div[itemprop="description"]', 'p[itemprop="description"]', 'h2[itemprop="description"]',
];
const DATE = [
  '.detail-time', '.detail__time', '.article__time', '.article-time', '.date-time', '.datetime', '.publish-date',
  '.cms-date', 'time', '.time', '.date',
];
const AUTHOR = [
  '.detail-author', '.detail__author', '.article__author', '.article-author', '.cms-author', '.author-name',
  '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '.author',
];

function hasArticleMeta(ctx: TemplateContext): boolean {
  const og = (tag(ctx.meta, 'og:type') ?? '').toLowerCase();
  return og === 'article' || [...ctx.meta.ldTypes].some(isArticleType);
}

export const newspaper: ArticleTemplate = {
  name: 'newspaper',

  matches(doc: Document, ctx: TemplateContext): boolean {
    return hasArticleMeta(ctx) && qs(doc, BODY_ANY) !== null;
  },

  extract(doc: Document, ctx: TemplateContext): TemplateResult | null {
    // the first body element with real text, outside furniture
    let body: Element | null = null;
    for (const sel of BODY) {
      for (const el of qsa(doc, sel)) {
        if (textLength(el, 200) >= 200 && !inFurniture(el, null, isBoilerplateElement)) {
          body = el;
          break;
        }
      }
      if (body) break;
    }
    if (!body) return null;
    if (looksLikeListing(body)) return { isArticle: false };
    const container = body.closest('article') ?? body.parentElement;
    let titleEl: Element | null = null;
    for (const sel of TITLE) {
      const el = first(container, [sel]) ?? first(body.ownerDocument, [sel]);
      if (el && !within(body, el) && textLength(el, 10) >= 10) {
        titleEl = el;
        break;
      }
    }
    let lead: Element | null = null;
    for (const sel of LEAD) {
      for (const el of qsa(body.ownerDocument, sel)) {
        if (!within(body, el) && !within(el, body) && textLength(el, 20) >= 20 && !inFurniture(el, null, isBoilerplateElement)) {
          lead = el;
          break;
        }
      }
      if (lead) break;
    }
    const date = dateFromSelectors(container, DATE);
    let author: string | null = null;
    const authorEl = first(container, AUTHOR);
    if (authorEl && !inFurniture(authorEl, container, isBoilerplateElement)) {
      const a = shortText(authorEl, 200).replace(/^(?:tác giả|bài và ảnh|bài, ảnh|bài|theo|by)\s*:?\s*/iu, '').trim();
      if (a.length >= 2 && a.length <= 100) author = a;
    }
    const title = titleEl ? shortText(titleEl, 500) : null;
    return {
      isArticle: !!title,
      title,
      published: metaPublished(doc, ctx.meta) ?? date?.iso ?? null,
      author,
      body,
      lead,
    };
  },
};
