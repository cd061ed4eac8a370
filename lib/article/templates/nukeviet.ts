/**
 * NukeViet CMS, news module (modules/news), used by many provincial party-committee and
 * mass-mobilization sites (e.g. bdv.<tỉnh>.gov.vn).
 *
 * Detail page, NukeViet 4 default theme:
 *   div.news_column.panel > div.panel-body
 *     h1.title                                  title
 *     div.row > span.h5 (or .h-date / .time)    "Thứ ba - 22/03/2022 21:58"
 *     div.clearfix > figure.article, div.hometext   lead
 *     div#news-bodyhtml.bodytext                body
 *     div > p.h5.text-right <strong>Tác giả: </strong>…  /  <strong>Nguồn tin: </strong>…
 *   div.news_column (keywords), (rating: p#stringrating "Tổng số điểm …"),
 *   (socialbutton), (comment), div.news_column > .other-news ul.related
 * NukeViet 3 / 4.0: div.news_column > div#news_detail > h1, span.time, div#hometext,
 * div.bodytext, p "Nguồn tin: …"; rating form#form3B; ul.related.
 * Category and home pages have .news_column blocks but no body element.
 */
import { bodyOf, closest, first, qs, qsa } from '../dom.ts';
import { tag } from '../meta.ts';
import { shortText } from '../text.ts';
import { bylineFrom, dateFromLines, dateFromSelectors, textLength } from './common.ts';
import type { ArticleTemplate, TemplateContext, TemplateResult } from './types.ts';

const BODY = ['#news-bodyhtml', '#news_detail .bodytext', '.news_column .bodytext', '.news-detail .bodytext', '.news_column [itemprop="articleBody"]'];
const TITLE = ['h1.title', 'h1[itemprop="headline"]', 'h1', '.title h1', 'h2.title', 'h2'];
const DATE = ['.h-date', 'span.h5', '.time', 'em.time', '.publtime', '[itemprop="datePublished"]', '.date'];
const LEAD = ['.hometext', '#hometext'];

function isNukeViet(doc: Document, ctx: TemplateContext): boolean {
  const gen = tag(ctx.meta, 'generator') ?? '';
  if (/nukeviet/i.test(gen)) return true;
  return qs(doc, '#news-bodyhtml, #news_detail, div.news_column, [class~="news_column"]') !== null;
}

export const nukeviet: ArticleTemplate = {
  name: 'nukeviet',

  matches(doc: Document, ctx: TemplateContext): boolean {
    return isNukeViet(doc, ctx);
  },

  extract(doc: Document): TemplateResult | null {
    const body = first(doc, BODY);
    if (!body) {
      // a category / home / search page of the news module
      const columns = qsa(doc, '.news_column, .viewcat, .news-list, .list-news');
      return columns.length > 0 ? { isArticle: false } : null;
    }
    const box = closest(body, '.news_column') ?? closest(body, '#news_detail') ?? body.parentElement ?? bodyOf(doc);
    const titleEl = first(box, TITLE);
    const title = titleEl ? shortText(titleEl, 500) : null;
    const date = dateFromSelectors(box, DATE) ?? dateFromLines(box);
    const lead = first(box, LEAD);
    const byline = bylineFrom(box, body);
    const ok = !!title && textLength(body, 200) >= 200;
    return {
      isArticle: ok,
      title,
      published: date?.iso ?? null,
      author: byline?.author ?? null,
      body,
      lead: lead && !body.contains(lead) ? lead : null,
    };
  },
};
