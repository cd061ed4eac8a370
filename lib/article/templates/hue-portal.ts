/**
 * Ward/commune and department sites on the Thừa Thiên Huế portal
 * (<xa>.<huyen>.thuathienhue.gov.vn, …): an ASP.NET portal whose news detail shows the
 * title, then a line "Ngày cập nhật 15/06/2020", then the body ending with the writer's
 * name on its own line, then "Các tin khác"; the side columns carry "Xem tin theo ngày"
 * and "Thống kê truy cập / Truy câp tổng 10.203.693".
 *
 * The exact class names of the real markup are not known here, so the template is
 * anchored on the "Ngày cập nhật" line: the title is the heading-like block just before
 * it and the body the largest block after it, at the nearest level where one exists.
 */
import { bodyOf, findTextLines, first, isBoilerplateElement } from '../dom.ts';
import { parseDateLine } from '../dates.ts';
import { shortText, tagOf } from '../text.ts';
import { bylineFrom, hostOf, textLength } from './common.ts';
import type { ArticleTemplate, TemplateContext, TemplateResult } from './types.ts';

const DATE_LABEL = /^Ngày\s+cập\s+nhật\s*:?\s*\d/iu;
const MARKERS = /^(?:Ngày\s+cập\s+nhật\s*:?\s*\d|Xem\s+tin\s+theo\s+ngày|Truy\s+c[âậ]p\s+tổng)/iu;

function isHueHost(url: string | null): boolean {
  const h = hostOf(url);
  return h === 'thuathienhue.gov.vn' || h.endsWith('.thuathienhue.gov.vn') || h === 'hue.gov.vn' || h.endsWith('.hue.gov.vn');
}

function dateLineOf(doc: Document): { el: Element; line: string } | null {
  const root = bodyOf(doc);
  const found = findTextLines(root, DATE_LABEL, { limit: 1, maxLen: 80 });
  return found[0] ?? null;
}

/** Following element siblings of `el`. */
function after(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.nextElementSibling; n && out.length < 50; n = n.nextElementSibling) out.push(n);
  return out;
}

function before(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.previousElementSibling; n && out.length < 20; n = n.previousElementSibling) out.push(n);
  return out;
}

export const huePortal: ArticleTemplate = {
  name: 'hue-portal',

  matches(doc: Document, ctx: TemplateContext): boolean {
    if (isHueHost(ctx.url) && dateLineOf(doc) !== null) return true;
    const found = findTextLines(bodyOf(doc), MARKERS, { limit: 8, maxLen: 80 });
    let date = false;
    let other = false;
    for (const f of found) {
      if (DATE_LABEL.test(f.line)) date = true;
      else other = true;
    }
    // the portal's side columns ("Xem tin theo ngày", "Truy câp tổng") plus the date line
    return date && other;
  },

  extract(doc: Document): TemplateResult | null {
    const dl = dateLineOf(doc);
    if (!dl) return null;
    const published = parseDateLine(dl.line);
    // climb from the date line until a following sibling holds the body
    let anchor: Element = dl.el;
    let body: Element | null = null;
    for (let level = 0; level < 5 && anchor; level++) {
      let best: Element | null = null;
      let bestLen = 0;
      for (const sib of after(anchor)) {
        if (isBoilerplateElement(sib)) continue;
        const len = textLength(sib);
        if (len > bestLen) {
          bestLen = len;
          best = sib;
        }
      }
      if (best && bestLen >= 200) {
        body = best;
        break;
      }
      const up = anchor.parentElement;
      if (!up || tagOf(up) === 'body') break;
      anchor = up;
    }
    if (!body) return { isArticle: false, published };
    // the title: the nearest heading-like block before the date line's level
    let title: string | null = null;
    for (const sib of before(anchor)) {
      if (isBoilerplateElement(sib)) continue;
      const t = shortText(sib, 400);
      if (t.length >= 10 && t.length <= 350) {
        title = t;
        break;
      }
    }
    title ??= shortText(first(anchor.parentElement, ['h1', 'h2', '[class*="title" i]']), 400) || null;
    // labelled lines around the body (a closing name line in it is read by index.ts)
    const byline = bylineFrom(anchor.parentElement, body);
    return {
      isArticle: !!title && textLength(body, 300) >= 300,
      title,
      published,
      author: byline?.author ?? null,
      body,
    };
  },
};
