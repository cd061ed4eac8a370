/**
 * SharePoint-based provincial portals, first of all the Quảng Ninh portal
 * (www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=…).
 *
 * Recognized by SharePoint's own markup (meta GENERATOR "Microsoft SharePoint",
 * #s4-workspace, #DeltaPlaceHolderMain, .ms-rtestate-field, .ms-webpart-zone). The news
 * detail web part's class names vary between portals and are not known exactly, so
 * inside the main placeholder the template takes: the title from the first h1 / *title*
 * element, the date line ("Cập nhật: 13/04/2023 - 09:15", "09/04/2024 13:48") from the
 * first short line with a date between title and body, the body from the tightest
 * rich-text / *content* element holding most of the text, and "Nguồn:"/"Tác giả:" lines.
 */
import { bodyOf, closest, findTextLines, first, isBoilerplateElement, qs, qsa, within } from '../dom.ts';
import { tag } from '../meta.ts';
import { parseDateLine } from '../dates.ts';
import { shortText } from '../text.ts';
import { bylineFrom, hostOf, inFurniture, looksLikeListing, textLength } from './common.ts';
import type { ArticleTemplate, TemplateContext, TemplateResult } from './types.ts';

const MAIN = ['#DeltaPlaceHolderMain', '[id$="PlaceHolderMain"]', '[id*="PlaceHolderMain"]', '#contentBox', '#s4-bodyContainer', '#s4-workspace'];
const BODY_CANDIDATES =
  '.ms-rtestate-field, [class*="content" i], [class*="noidung" i], [class*="noi-dung" i], [class*="chitiet" i], [class*="body" i], [id*="content" i], [id*="noidung" i], [id*="body" i]';
const TITLE = ['h1', '[class*="news-title" i]', '[class*="title-news" i]', '[class*="titlenews" i]', '[class*="tieude" i]', 'h2[class*="title" i]', '[class*="title" i]'];
const LEAD = ['[class*="sapo" i]', '[class*="summary" i]', '[class*="tomtat" i]', '[class*="mota" i]', '[class*="trichdan" i]', '[class*="description" i]'];
const DATE_RE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/;

function isSharePoint(doc: Document, ctx: TemplateContext): boolean {
  if (/sharepoint/i.test(tag(ctx.meta, 'generator') ?? '') || /sharepoint/i.test(tag(ctx.meta, 'progid') ?? '')) return true;
  if (qs(doc, '#s4-workspace, #DeltaPlaceHolderMain, .ms-rtestate-field, .ms-webpart-zone, [id*="PlaceHolderMain"]')) return true;
  const h = hostOf(ctx.url);
  return h === 'quangninh.gov.vn' || h === 'www.quangninh.gov.vn';
}

/**
 * SharePoint's web part title bar (div.ms-webpart-chrome-title > h2.ms-webpart-titleText):
 * the box's name ("Tin tức - Sự kiện", "Văn bản"), never the article's title.
 */
function isWebPartTitle(el: Element): boolean {
  return closest(el, '.ms-webpart-chrome-title, .ms-webpart-titleText, .ms-WPTitle, .ms-standardheader') !== null;
}

/** The tightest candidate holding most of the text. */
function pickBody(main: Element): { body: Element; length: number } | null {
  // SharePoint rich-text fields hold page content; take the largest substantial one
  let rte: Element | null = null;
  let rteLen = 0;
  for (const f of qsa(main, '.ms-rtestate-field')) {
    if (inFurniture(f, main, isBoilerplateElement)) continue;
    const l = textLength(f);
    if (l > rteLen) {
      rteLen = l;
      rte = f;
    }
  }
  const general = pickCandidate(main);
  // a rich-text field in a side column (a notice, a hotline box) is no body when the page
  // has a bigger one elsewhere (a custom news web part)
  if (rte && rteLen >= 300) {
    if (!general || within(general.body, rte) || within(rte, general.body) || rteLen >= general.length) return { body: rte, length: rteLen };
  }
  return general;
}

/** The tightest content-named candidate holding most of the text. */
function pickCandidate(main: Element): { body: Element; length: number } | null {
  const cands = qsa(main, BODY_CANDIDATES).filter((e) => !inFurniture(e, main, isBoilerplateElement));
  if (cands.length === 0) return null;
  const lens = new Map<Element, number>();
  for (const c of cands) lens.set(c, textLength(c));
  let best: Element | null = null;
  let bestLen = 0;
  for (const [c, l] of lens) {
    if (l > bestLen) {
      bestLen = l;
      best = c;
    }
  }
  // descend while a candidate inside still holds most of it
  for (let guard = 0; best && guard < 20; guard++) {
    let inner: Element | null = null;
    let innerLen = 0;
    for (const [c, l] of lens) {
      if (c !== best && l >= bestLen * 0.7 && l > innerLen && within(best, c)) {
        inner = c;
        innerLen = l;
      }
    }
    if (!inner) break;
    best = inner;
    bestLen = innerLen;
  }
  return best ? { body: best, length: bestLen } : null;
}

export const sharepointPortal: ArticleTemplate = {
  name: 'sharepoint-portal',

  matches(doc: Document, ctx: TemplateContext): boolean {
    return isSharePoint(doc, ctx);
  },

  extract(doc: Document): TemplateResult | null {
    const main = first(doc, MAIN) ?? bodyOf(doc);
    if (!main) return null;
    const picked = pickBody(main);
    if (!picked || picked.length < 300 || looksLikeListing(picked.body, picked.length)) return { isArticle: false };
    const body = picked.body;
    // title: the first title-like element before the body, outside furniture
    let titleEl: Element | null = null;
    for (const sel of TITLE) {
      for (const el of qsa(main, sel)) {
        if (within(body, el) || inFurniture(el, main, isBoilerplateElement) || isWebPartTitle(el)) continue;
        const len = textLength(el, 401);
        if (len >= 10 && len <= 400) {
          titleEl = el;
          break;
        }
      }
      if (titleEl) break;
    }
    const title = titleEl ? shortText(titleEl, 500) : null;
    // date: the first short line with a date, outside body and furniture
    let published: string | null = null;
    for (const { el, line } of findTextLines(main, DATE_RE, { limit: 20, maxLen: 120, skip: body })) {
      if (within(body, el) || inFurniture(el, main, isBoilerplateElement)) continue;
      published = parseDateLine(line);
      if (published) break;
    }
    let lead: Element | null = null;
    for (const sel of LEAD) {
      const el = qs(main, sel);
      if (el && !within(body, el) && !within(el, body) && textLength(el, 20) >= 20) {
        lead = el;
        break;
      }
    }
    const byline = bylineFrom(main, body);
    const author = byline && !inFurniture(byline.el, main, isBoilerplateElement) ? byline.author : null;
    return { isArticle: !!title, title, published, author, body, lead };
  },
};
