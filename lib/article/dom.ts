/**
 * Small DOM helpers that behave the same on browser DOM and linkedom (whose
 * `document.body` throws on an empty document and whose compareDocumentPosition is
 * unreliable, so neither is used).
 */
import { isSkippedElement, normalizeSpace, shortText, tagOf } from './text.ts';

/** <body>, else the root element, else null. Never throws. */
export function bodyOf(doc: Document): Element | null {
  try {
    return doc.querySelector('body') ?? doc.documentElement ?? null;
  } catch {
    return null;
  }
}

/**
 * Elements of <head> with one of the given tag names, in order; when the document has
 * no <head> (or none of them is there), a document-wide query. Cheaper than a
 * document-wide querySelectorAll on big pages, since metadata lives in <head>.
 */
export function headElements(doc: Document, names: readonly string[]): Element[] {
  const out: Element[] = [];
  let head: Element | null = null;
  try {
    head = doc.querySelector('head');
  } catch {
    head = null;
  }
  if (head) {
    for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
      if (names.includes(tagOf(c))) out.push(c);
    }
  }
  return out.length > 0 ? out : qsa(doc, names.join(','));
}

export function qs(root: Document | Element | null | undefined, sel: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
}

export function qsa(root: Document | Element | null | undefined, sel: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

/** First element matching one of the selectors, in the order given. */
export function first(root: Document | Element | null | undefined, sels: readonly string[]): Element | null {
  for (const s of sels) {
    const e = qs(root, s);
    if (e) return e;
  }
  return null;
}

/** `class` and `id` of an element, for pattern tests. */
export function classAndId(el: Element): string {
  const c = el.getAttribute('class') ?? '';
  const i = el.getAttribute('id') ?? '';
  const s = c && i ? c + ' ' + i : c || i;
  return s.length > 500 ? s.slice(0, 500) : s;
}

/** Class/id names of page furniture that never belongs to an article's text. */
export const BOILERPLATE_NAMES =
  /(?:^|[\s_-])(?:comments?|binh-?luan|binhluan|y-?kien-?ban-?doc|share|shares|sharing|social|socialicon|socials|addthis|sharethis|zalo-share|fb-like|fb-share-button|rating|ratings|star-rating|vote|related|relate|lien-?quan|lienquan|tin-?lien-?quan|tinlienquan|tin-?khac|tinkhac|other-?news|othernews|other-?news-?list|more-?news|morenews|same-?cat|samecat|cung-?chuyen-?muc|footer|navbar|nav|menu|breadcrumbs?|sidebar|widget|banner|advert|advertisement|ads|adsbygoogle|quang-?cao|quangcao|tags?|tag-?list|keywords?|counter|thong-?ke|thongke|statistics?|visitors?|print|print-?tools|toolbar|tools|pagination|paging|pager|news-?download-?file|copyright)(?=$|[\s_-])/i;

/** Headings of boxes that are not article text. */
export const BOILERPLATE_HEADINGS =
  /^(?:các tin khác|tin khác|các bài khác|tin liên quan|bài liên quan|tin bài liên quan|bài viết liên quan|tin cùng chuyên mục|bài cùng chuyên mục|cùng chuyên mục|các tin cùng chuyên mục|xem thêm|đọc thêm|có thể bạn quan tâm|bạn có thể quan tâm|những tin mới hơn|những tin cũ hơn|tin mới hơn|tin cũ hơn|các tin đã đưa|tin đã đưa|tin mới nhất|tin mới|tin đọc nhiều|đọc nhiều nhất|tin xem nhiều|thống kê truy cập|đang truy cập|đang online|tổng lượt truy cập|lượt truy cập|truy cập tổng|truy câp tổng|tổng số điểm|đánh giá bài viết|xếp hạng bài viết|ý kiến bạn đọc|gửi ý kiến|gửi bình luận|bình luận|chia sẻ|từ khóa|từ khoá|tags?|theo dòng sự kiện|dòng sự kiện|xem tin theo ngày|liên kết website|liên kết web)(?![\p{L}\p{M}])/iu;

const BOX_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'aside', 'dl', 'form', 'nav']);

/** The first non-blank text inside an element, looking at no more than `maxSteps` nodes. */
export function firstText(el: Element, maxSteps = 40): string {
  let node: Node | null = el.firstChild;
  let steps = 0;
  while (node !== null && steps++ < maxSteps) {
    if (node.nodeType === 3) {
      const t = (node as Text).data.trimStart();
      if (t.length > 0) return normalizeSpace(t.length > 160 ? t.slice(0, 160) : t).slice(0, 120);
    }
    if (node.nodeType === 1 && !isSkippedElement(node as Element) && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== el && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === el) break;
    node = node.nextSibling;
  }
  return '';
}

/** True when an element is a box headed by a boilerplate heading ("Các tin khác", …). */
export function hasBoilerplateHeading(el: Element, first?: string): boolean {
  const t = tagOf(el);
  if (!BOX_TAGS.has(t)) return false;
  if (BOILERPLATE_HEADINGS.test(first ?? firstText(el, 12))) return true;
  if (t === 'ul' || t === 'ol' || t === 'table' || t === 'div') {
    const prev = el.previousElementSibling;
    if (prev && !BOX_TAGS.has(tagOf(prev))) {
      const pt = firstText(prev, 6);
      if (pt.length <= 40 && BOILERPLATE_HEADINGS.test(pt)) return true;
    }
  }
  return false;
}

/**
 * True for the <form> ASP.NET WebForms pages (SharePoint, DotNetNuke, most .aspx portals
 * and newspapers) wrap the whole page in (`<body><form id="aspnetForm">`): page
 * structure, not a comment or search form.
 */
export function isPageForm(el: Element): boolean {
  const p = el.parentElement;
  return p !== null && (tagOf(p) === 'body' || tagOf(p) === 'html');
}

/**
 * True for page furniture met inside an article body: share bars, ratings, comment
 * forms, related-news boxes, tag lists, counters, nav/aside/footer elements. Used to
 * leave those out of the article text.
 */
export function isBoilerplateElement(el: Element): boolean {
  const t = tagOf(el);
  if (t === 'nav' || t === 'aside' || t === 'footer') return true;
  if (t === 'form') return !isPageForm(el);
  const ci = classAndId(el);
  if (ci && BOILERPLATE_NAMES.test(ci)) return true;
  return hasBoilerplateHeading(el);
}

/**
 * Class/id names of furniture met *inside* article bodies (share bars, ratings, related
 * boxes, tag lists, ads). Narrower than BOILERPLATE_NAMES: a data table called
 * "statistics" or a "footer-note" with the source inside a body is article text.
 */
export const INNER_BOILERPLATE_NAMES =
  /(?:^|[\s_-])(?:comments?|binh-?luan|binhluan|share|shares|sharing|social|socialicon|socials|addthis|sharethis|zalo-share|fb-like|fb-share-button|rating|ratings|star-rating|vote|related|relate|lien-?quan|lienquan|tinlienquan|tin-?khac|tinkhac|other-?news|othernews|more-?news|morenews|same-?cat|cung-?chuyen-?muc|navbar|nav|menu|breadcrumbs?|advert|advertisement|ads|adsbygoogle|quang-?cao|quangcao|tags|tag-?list|keywords|print-?tools|toolbar|pagination|paging|pager|news-?download-?file)(?=$|[\s_-])/i;

/**
 * Furniture inside an article body: the elements `extractArticle` leaves out of the
 * article text (share bars, ratings, comment forms, related-news boxes, tag lists, ads,
 * nav/aside/form elements, boxes headed "Tin liên quan", "Xem thêm", …).
 */
export function isInnerBoilerplate(el: Element): boolean {
  const t = tagOf(el);
  if (t === 'nav' || t === 'aside' || t === 'form') return true;
  const ci = classAndId(el);
  if (ci && INNER_BOILERPLATE_NAMES.test(ci)) return true;
  // "Xem thêm: <a>…</a>" lines newspapers put between paragraphs
  if (t === 'p' || t === 'div') {
    let ft = firstText(el, 12);
    // ">> Xem thêm:" can start with a text node of its own (">" from "&gt;" in linkedom)
    if (ft && ft.length <= 3 && /^[>»›\-–•*]+$/.test(ft)) ft = shortText(el, 60);
    if (ft && READ_MORE.test(ft)) return true;
    return hasBoilerplateHeading(el, ft);
  }
  return hasBoilerplateHeading(el);
}

const READ_MORE = /^[>»›\-–•*\s]*(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|có thể bạn quan tâm)\s*[:>»]/iu;

/**
 * Elements whose text is one short line matching `re`, found by scanning text nodes
 * under `root` in document order (cheap: no textContent of big containers).
 * Returns the element holding the matching text node and the line it belongs to.
 */
export function findTextLines(
  root: Element | null,
  re: RegExp,
  opts: { limit?: number; maxLen?: number; maxNodes?: number; skip?: Element | null } = {},
): { el: Element; line: string }[] {
  const out: { el: Element; line: string }[] = [];
  if (!root) return out;
  const limit = opts.limit ?? 5;
  const maxLen = opts.maxLen ?? 160;
  const maxNodes = opts.maxNodes ?? 200_000;
  let node: Node | null = root.firstChild;
  let seen = 0;
  while (node !== null && seen++ < maxNodes) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // patterns allow any whitespace between words, so the trimmed data can be tested
      // as it is; only matches get normalized (by shortText below)
      if (data.length <= maxLen * 2 && re.test(data.trim())) {
        const parent = node.parentNode as Element | null;
        if (parent && parent.nodeType === 1) {
          // the line is the parent's text (label and value are often split: <b>Nguồn:</b> X)
          let host: Element = parent;
          let line = shortText(host, maxLen * 2);
          const hostTag = tagOf(host);
          if (line.length < 40 && (hostTag === 'b' || hostTag === 'strong' || hostTag === 'em' || hostTag === 'i' || hostTag === 'label' || hostTag === 'span')) {
            const up = host.parentElement;
            if (up) {
              const l2 = shortText(up, maxLen * 2);
              if (l2.length <= maxLen) {
                host = up;
                line = l2;
              }
            }
          }
          if (line.length <= maxLen) {
            out.push({ el: host, line });
            if (out.length >= limit) break;
          }
        }
      }
    } else if (node.nodeType === 1) {
      if (node !== opts.skip && !isSkippedElement(node as Element) && node.firstChild !== null) descend = true;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  return out;
}

/** True when `anc` is `el` or one of its ancestors. */
export function within(anc: Element | null | undefined, el: Element | null | undefined): boolean {
  if (!anc || !el) return false;
  let n: Node | null = el;
  let guard = 0;
  while (n !== null && guard++ < 100_000) {
    if (n === anc) return true;
    n = n.parentNode;
  }
  return false;
}

/** Nearest ancestor (or self) matching a selector; a closest() that never throws. */
export function closest(el: Element | null | undefined, sel: string): Element | null {
  if (!el) return null;
  try {
    return el.closest(sel);
  } catch {
    return null;
  }
}

/** Ancestors of `el` (nearest first), at most `max`. */
export function ancestors(el: Element, max = 100_000): Element[] {
  const out: Element[] = [];
  let n = el.parentElement;
  while (n && out.length < max) {
    out.push(n);
    n = n.parentElement;
  }
  return out;
}

/** Lowest common ancestor of two elements, or null. */
export function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>([a, ...ancestors(a)]);
  if (seen.has(b)) return b;
  for (const x of ancestors(b)) if (seen.has(x)) return x;
  return null;
}
