/**
 * The general method for pages no template knows: body by paragraph scoring (a compact
 * relative of Readability's: paragraphs score their ancestors, link-heavy and
 * furniture-named containers lose), title by heading scoring against og:title/<title>,
 * date from meta/JSON-LD or a date line near the title, and a conservative
 * article/listing decision.
 *
 * One iterative pass over the page collects per-element statistics; everything after
 * works on those, so the cost is linear in the page size.
 */
import { hasDate, normalizeDate, parseDateLine } from './dates.ts';
import { bylineFrom } from './templates/common.ts';
import {
  BOILERPLATE_HEADINGS,
  BOILERPLATE_NAMES,
  bodyOf,
  classAndId,
  commonAncestor,
  first,
  hasBoilerplateHeading,
  qs,
  qsa,
  within,
} from './dom.ts';
import { cleanTitle, foldCase, isArticleType, isPageLabel, looksLikeSiteName, metaPublished, sameText, tag, type PageMeta } from './meta.ts';
import { finish, NODES_PER_STEP, type Steps } from './steps.ts';
import { isSkippedElement, nextAfterSubtree, normalizeSpace, shortText, tagOf } from './text.ts';

export interface GenericResult {
  isArticle: boolean;
  title: string | null;
  titleEl: Element | null;
  published: string | null;
  body: Element | null;
  lead: Element | null;
  /** elements inside the body that are not body text (a title or date line the body contains) */
  exclude: Element[];
  /** a labelled byline outside the body ("Tác giả: …", "Nguồn: …") near the title */
  byline: { author: string; isAuthor: boolean } | null;
  /** why the page was or was not taken for an article (for debugging and tests) */
  reasons: string[];
}

interface Stats {
  /** visible characters (whitespace runs counted once) */
  text: number;
  /** of which inside links */
  link: number;
  /** characters of text nodes that are direct children */
  own: number;
  commas: number;
  /** paragraph score received from descendants */
  score: number;
  /** paragraphs (>= 60 chars, few links) anywhere inside */
  paras: number;
  /** links with a headline-length text (>= 25 chars) anywhere inside */
  headlines: number;
  /** Headings that are all link (h2–h5 wrapping an <a>): a listing's items, rare in an article's body. */
  linkedHeadings: number;
  /** Runs of 60 or more characters of the element's own text (paragraphs split by <br>). */
  textParas: number;
  /** index in document order */
  order: number;
  /** inside page furniture (nav, footer, related box, …) */
  boiler: boolean;
}

const POSITIVE =
  /(?:^|[\s_-])(?:article|articles|body|bodytext|content|contents|entry|main|detail|details|news-?detail|news-?content|chi-?tiet|chitiet|noi-?dung|noidung|post|post-?content|text|story|bai-?viet|baiviet|fulltext|maincontent|main-?content)(?=$|[\s_-])/i;
const NEGATIVE =
  /(?:^|[\s_-])(?:meta|footnote|masthead|sponsor|shoutbox|popup|hidden|teaser|list|listing|items?|thumb|thumbs|card|cards|grid|slider|carousel|marquee|box-?news|cat-?news|latest|hot-?news|most-?read|top-?news)(?=$|[\s_-])/i;

const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'dd']);
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'td', 'main', 'font', 'span', 'center']);
// <marquee>: the scrolling slogan line of many government sites ("Chào mừng kỷ niệm … (03/02/1930 - 03/02/2024)")
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'marquee']);

function countText(s: string): { len: number; commas: number } {
  let len = 0;
  let commas = 0;
  let ws = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!ws) {
        len++;
        ws = true;
      }
    } else {
      len++;
      ws = false;
      if (c === 44) commas++;
    }
  }
  if (ws && len > 0) len--;
  return { len, commas };
}

function classWeight(el: Element): number {
  const ci = classAndId(el);
  if (!ci) return 0;
  let w = 0;
  if (POSITIVE.test(ci)) w += 25;
  if (BOILERPLATE_NAMES.test(ci)) w -= 40;
  else if (NEGATIVE.test(ci)) w -= 25;
  return w;
}

const LINKED_HEADING_TAGS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5']);

/** One pass over the page: statistics of every element that holds visible text (pausable: the whole page is walked). */
function* collect(root: Element): Steps<{ stats: Map<Element, Stats>; order: Element[] }> {
  const stats = new Map<Element, Stats>();
  const order: Element[] = [];
  const mk = (el: Element, boiler: boolean): Stats => {
    const s: Stats = { text: 0, link: 0, own: 0, commas: 0, score: 0, paras: 0, headlines: 0, linkedHeadings: 0, textParas: 0, order: order.length, boiler };
    order.push(el);
    stats.set(el, s);
    return s;
  };
  mk(root, false);
  let linkDepth = 0;

  const close = (el: Element): void => {
    const s = stats.get(el);
    if (!s) return;
    const t = tagOf(el);
    if (t === 'a') {
      linkDepth--;
      if (s.text >= 25) s.headlines++;
    } else if (LINKED_HEADING_TAGS.has(t) && s.text >= 8 && s.link >= s.text * 0.8) s.linkedHeadings++;
    const density = s.text > 0 ? s.link / s.text : 0;
    // paragraphs: <p>-like elements, or containers holding their own text
    const isPara = PARA_TAGS.has(t) || (CONTAINER_TAGS.has(t) && s.own >= 40 && s.own >= s.text * 0.5);
    if (isPara && !s.boiler && s.text >= 25 && density < 0.5) {
      const score = 1 + Math.min(s.commas, 10) + Math.min(3, Math.floor(s.text / 100));
      // A container of <br>-separated paragraphs is a body, not a paragraph: it takes the
      // score its paragraphs would give their parent, as <p>s give theirs.
      let a = !PARA_TAGS.has(t) && s.textParas >= 2 ? el : el.parentElement;
      for (let level = 1; a && level <= 3; level++) {
        const as = stats.get(a);
        if (as) as.score += score / (level === 1 ? 1 : level === 2 ? 2 : 6);
        a = a.parentElement;
      }
      if (s.text >= 60 && density < 0.3) s.paras += Math.max(1, s.textParas);
    }
    const p = el.parentElement;
    const ps = p ? stats.get(p) : undefined;
    // furniture inside a non-furniture container is left out of its totals, as it is
    // left out of the article text
    if (ps && !(s.boiler && !ps.boiler)) {
      ps.text += s.text;
      ps.link += s.link;
      ps.commas += s.commas;
      ps.paras += s.paras;
      ps.headlines += s.headlines;
      ps.linkedHeadings += s.linkedHeadings;
    }
  };

  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node !== null) {
    if (++visited === NODES_PER_STEP) {
      visited = 0;
      yield;
    }
    let descend = false;
    if (node.nodeType === 3) {
      const parent = node.parentNode as Element | null;
      const ps = parent ? stats.get(parent) : undefined;
      if (ps) {
        const { len, commas } = countText((node as Text).data);
        if (len > 0) {
          ps.text += len;
          ps.own += len;
          ps.commas += commas;
          if (linkDepth > 0) ps.link += len;
          // Old portals write paragraphs as text between <br>s in one container: each
          // long run of its own text is a paragraph there.
          else if (len >= 60 && !ps.boiler && parent !== null && CONTAINER_TAGS.has(tagOf(parent))) ps.textParas++;
        }
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (!isSkippedElement(el)) {
        const t = tagOf(el);
        const parentStats = stats.get(el.parentNode as Element);
        const boiler =
          (parentStats !== undefined && parentStats.boiler) ||
          FURNITURE_TAGS.has(t) ||
          (el.getAttribute('class') !== null || el.getAttribute('id') !== null ? BOILERPLATE_NAMES.test(classAndId(el)) : false) ||
          hasBoilerplateHeading(el);
        mk(el, boiler);
        if (t === 'a') linkDepth++;
        if (el.firstChild !== null) descend = true;
        else close(el);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    node = nextAfterSubtree(node, root, close);
  }
  return { stats, order };
}

function density(s: Stats): number {
  return s.text > 0 ? s.link / s.text : 0;
}

function pickBody(stats: Map<Element, Stats>, root: Element): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  const finals = new Map<Element, number>();
  for (const [el, s] of stats) {
    if (s.score <= 0 || s.boiler) continue;
    const f = s.score * (1 - density(s)) + classWeight(el);
    finals.set(el, f);
    if (f > bestScore) {
      bestScore = f;
      best = el;
    }
  }
  if (!best) return null;
  // content split over sibling containers: take their parent
  for (let climb = 0; climb < 2; climb++) {
    const parent: Element | null = best.parentElement;
    if (!parent || parent === root || !stats.has(parent)) break;
    const ps = stats.get(parent)!;
    if (ps.boiler || density(ps) > 0.3) break;
    const threshold = Math.max(10, bestScore * 0.25);
    let strongSiblings = 0;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c === best) continue;
      const f = finals.get(c);
      const cs = stats.get(c);
      if (f !== undefined && f >= threshold && cs && density(cs) < 0.25) strongSiblings++;
    }
    if (strongSiblings === 0) break;
    best = parent;
    bestScore = Math.max(bestScore, finals.get(parent) ?? 0);
  }
  return best;
}

/**
 * The element the page declares as the article body with schema.org microdata
 * (itemprop="articleBody": Joomla's item-page, WordPress themes, …), when the scoring
 * found a container around it, none, or nothing better: the scoring can prefer a
 * wrapper whose class name reads "content" (a "main#content") over it.
 */
function declaredBody(root: Element, stats: Map<Element, Stats>, body: Element | null): Element | null {
  const decl = qsa(root, '[itemprop="articleBody"], [itemprop="articlebody"]');
  if (decl.length !== 1) return body;
  const el = decl[0]!;
  const s = stats.get(el);
  if (!s || s.boiler || s.text - s.link < 200 || density(s) > 0.3) return body;
  if (body === null || within(body, el)) return el;
  return body;
}

const TITLE_NAMES = /(?:^|[\s_-])(?:title|tieu-?de|tieude|headline|heading|news-?title|post-?title|entry-?title|article-?title|detail-?title)(?=$|[\s_-])/i;

/**
 * Texts of the site's menu and breadcrumb links, folded: a heading that repeats one
 * ("Tin tức - Sự kiện", "Hoạt động của huyện") names the section (a CMS module's or web
 * part's title, a category page heading), not the article. A breadcrumb link to the page
 * itself (some end with the article) does not count.
 */
function menuTexts(doc: Document, url: string | null): Set<string> {
  const out = new Set<string>();
  let here: string | null = null;
  try {
    if (url) {
      const u = new URL(url);
      here = u.pathname + u.search;
    }
  } catch {
    here = null;
  }
  let n = 0;
  for (const a of qsa(doc, 'nav a, [class*="menu" i] a, [id*="menu" i] a, [class*="breadcrumb" i] a, [id*="breadcrumb" i] a')) {
    if (n++ > 400) break;
    const t = shortText(a, 120);
    if (t.length < 4 || t.length > 80) continue;
    if (here && url) {
      try {
        const h = new URL(a.getAttribute('href') ?? '', url);
        if (h.pathname + h.search === here) continue;
      } catch {
        // an unparsable href names no page
      }
    }
    out.add(foldCase(t));
  }
  return out;
}

function pickTitle(
  doc: Document,
  stats: Map<Element, Stats>,
  body: Element | null,
  ref: string | null,
  url: string | null,
): Element | null {
  const cands = qsa(doc, 'h1, h2, h3, [class*="title" i], [class*="tieude" i], [class*="tieu-de" i], [itemprop="headline"]');
  const bodyOrder = body ? stats.get(body)?.order ?? -1 : -1;
  const fref = ref ? foldCase(ref) : '';
  let menu: Set<string> | null = null;
  let best: Element | null = null;
  let bestScore = -Infinity;
  let bestBefore = false;
  let n = 0;
  for (const el of cands) {
    if (n++ > 300) break;
    const st = stats.get(el);
    if (!st || st.boiler) continue;
    const inBody = body !== null && within(body, el);
    if (inBody && st.order - bodyOrder > 40) continue;
    const t = tagOf(el);
    if (!/^h[1-3]$/.test(t) && !TITLE_NAMES.test(classAndId(el)) && el.getAttribute('itemprop') !== 'headline') continue;
    if (st.text < 10 || st.text > 400) continue;
    const text = shortText(el, 500);
    if (text.length < 10) continue;
    let score = 0;
    const ftext = foldCase(text);
    // the reference title (og:title, <title>) names the article: the heading equal to it,
    // inside it as most of it ("Tin tức | Tiêu đề"), or holding it; a short section name
    // that merely occurs in a "Site > Tin tức - Sự kiện" <title> is no match
    if (ref && (sameText(text, ref) || (fref.includes(ftext) && ftext.length >= fref.length * 0.6) || ftext.includes(fref))) score += 4;
    menu ??= menuTexts(doc, url);
    if (menu.has(ftext)) score -= 3;
    // the site's name in the page header ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN …")
    if (!inBody && looksLikeSiteName(text) && !(ref && sameText(text, ref))) score -= 1;
    if (t === 'h1') score += 2;
    else if (t === 'h2') score += 1;
    if (el.getAttribute('itemprop') === 'headline') score += 2;
    if (TITLE_NAMES.test(classAndId(el))) score += 1;
    if (st.link > st.text * 0.5) score -= 3;
    let before = false;
    if (inBody) {
      score += 2;
    } else if (bodyOrder >= 0) {
      const d = bodyOrder - st.order;
      before = d > 0;
      if (d > 0 && d < 80) score += 2;
      else if (d > 0 && d < 400) score += 1;
      else if (d < 0) score -= 2;
    }
    // between equals before the body, the one nearest to it (a box heading in a side
    // column or the header comes earlier in the page than the article's own title)
    if (score > bestScore || (score === bestScore && before && bestBefore)) {
      bestScore = score;
      best = el;
      bestBefore = before;
    }
  }
  return bestScore >= 2 ? best : null;
}

/** A web page's publication date is not before 1990 (a slogan's "03/02/1930" is no date line). */
function plausible(iso: string): boolean {
  return Number(iso.slice(0, 4)) >= 1990;
}

const DATEISH = /(?:^|[\s_-])(?:date|time|ngay|thoi-?gian|publish|published|pubdate|post-?meta|meta|update|updated|cap-?nhat|capnhat|ngaydang|ngay-?dang|datetime)(?=$|[\s_-])/i;

/** A visible date line near the title: time[datetime], a date-ish class, or a short line. */
function findDateLine(
  doc: Document,
  stats: Map<Element, Stats>,
  order: Element[],
  titleEl: Element | null,
  body: Element | null,
): { iso: string; el: Element } | null {
  const scope = titleEl && body ? commonAncestor(titleEl, body) : null;
  const inScope = (el: Element): boolean => {
    const s = stats.get(el);
    if (!s || s.boiler) return false;
    if (body && within(body, el) && !(titleEl && within(body, titleEl))) return false;
    return scope ? within(scope, el) : true;
  };
  for (const t of qsa(scope ?? doc, 'time[datetime], [itemprop="datePublished"]')) {
    if (!inScope(t)) continue;
    const d = normalizeDate(t.getAttribute('datetime') ?? t.getAttribute('content')) ?? parseDateLine(shortText(t, 200));
    if (d && plausible(d)) return { iso: d, el: t };
  }
  // short lines in document order around the title (after it first, then before it)
  const start = titleEl ? stats.get(titleEl)?.order ?? 0 : body ? Math.max(0, (stats.get(body)?.order ?? 0) - 60) : 0;
  const tryEl = (el: Element): { iso: string; el: Element } | null => {
    const s = stats.get(el);
    if (!s || s.text < 8 || s.text > 120 || !inScope(el)) return null;
    if (s.own < 4 && !DATEISH.test(classAndId(el))) return null;
    // a date inside a link belongs to the linked item ("Lịch công tác tuần 11 (11/03/2024 - …)")
    if (s.link > s.text * 0.5) return null;
    const line = shortText(el, 300);
    if (!hasDate(line) || BOILERPLATE_HEADINGS.test(line) || isToday(el, line)) return null;
    const iso = parseDateLine(line);
    return iso && plausible(iso) ? { iso, el } : null;
  };
  for (let i = start + 1; i < Math.min(order.length, start + 80); i++) {
    const el = order[i]!;
    if (body && el === body) break;
    const d = tryEl(el);
    if (d) return d;
  }
  for (let i = start - 1; i >= Math.max(0, start - 25); i--) {
    const d = tryEl(order[i]!);
    if (d) return d;
  }
  // some templates print the date under the body ("Ngày đăng: 12/03/2024 | Người đăng: …"):
  // a labelled line among the first elements after it
  const next = body ? elementAfter(body) : null;
  const from = next ? stats.get(next)?.order : undefined;
  if (from !== undefined) {
    for (let i = from; i < Math.min(order.length, from + 30); i++) {
      const el = order[i]!;
      const d = tryEl(el);
      if (d && PUBLISHED_LABEL.test(shortText(el, 120))) return d;
    }
  }
  return null;
}

/** The header's current date ("Hôm nay: Thứ Tư, 13/03/2024", span.date-now): no publication date. */
function isToday(el: Element, line: string): boolean {
  const names = /(?:^|[\s_-])(?:today|homnay|hom-?nay|date-?now|now-?date|current-?date|curdate|cur-?date|ngay-?hien-?tai)(?=$|[\s_-])/i;
  return /^(?:hôm nay|today)/i.test(line) || names.test(classAndId(el)) || (el.parentElement !== null && names.test(classAndId(el.parentElement)));
}

/** A line that says it gives the publication date. */
const PUBLISHED_LABEL = /(?:ngày\s*(?:đăng|đưa\s*tin|xuất\s*bản|cập\s*nhật|viết)|đăng\s*(?:ngày|lúc)|cập\s*nhật|thời\s*gian\s*đăng|published|posted)/iu;

/** The first element after `el`'s subtree in document order. */
function elementAfter(el: Element): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.nextElementSibling) return n.nextElementSibling;
  }
  return null;
}

/**
 * A labelled author/source line outside the body, in the box holding title and body
 * ("12/03/2024 08:30 | Tác giả: Minh Anh" under the title, a "Tác giả: …" or "Nguồn: Báo X"
 * line under the body), not in furniture.
 */
function findByline(stats: Map<Element, Stats>, titleEl: Element | null, body: Element): { author: string; isAuthor: boolean } | null {
  const scope = titleEl && !within(body, titleEl) ? commonAncestor(titleEl, body) : body.parentElement;
  if (!scope || /^(?:body|html)$/.test(tagOf(scope))) return null;
  return bylineFrom(scope, body, (el) => !within(body, el) && !stats.get(el)?.boiler);
}

const LEAD_NAMES = /(?:^|[\s_-])(?:sapo|lead|summary|description|tom-?tat|tomtat|intro|excerpt|chapeau|hometext|detail-?sapo|article-?sapo)(?=$|[\s_-])/i;

function findLead(stats: Map<Element, Stats>, order: Element[], titleEl: Element | null, body: Element): Element | null {
  const bodyOrder = stats.get(body)?.order ?? 0;
  const from = titleEl ? stats.get(titleEl)?.order ?? bodyOrder - 30 : bodyOrder - 30;
  for (let i = Math.max(0, from + 1); i < bodyOrder; i++) {
    const el = order[i]!;
    const s = stats.get(el)!;
    if (s.boiler || s.text < 40 || s.text > 1500) continue;
    if (LEAD_NAMES.test(classAndId(el))) return el;
  }
  return null;
}

const SEARCH_URL = /(?:[?&](?:q|s|k|key|keyword|keywords|query|search|tukhoa|tu-khoa)=)|\/(?:search|tim-?kiem|timkiem|ket-?qua-?tim-?kiem)(?:[/.?]|$)/i;
const SEARCH_TEXT = /^(?:kết quả tìm kiếm|tìm kiếm|search results?)(?![\p{L}\p{M}])/iu;
const NON_ARTICLE_LD = new Set(['product', 'itemlist', 'collectionpage', 'searchresultspage', 'profilepage', 'offer', 'aggregateoffer', 'store', 'onlinestore']);

function isRootUrl(url: string | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.pathname === '/' || u.pathname === '' || /^\/(?:index|default|home|trang-?chu)(?:\.\w+)?$/i.test(u.pathname)) && !u.search;
  } catch {
    return false;
  }
}

export function genericExtract(doc: Document, meta: PageMeta, url: string | null): GenericResult {
  return finish(genericExtractSteps(doc, meta, url));
}

/** `genericExtract`, pausable (see ./steps.ts). */
export function* genericExtractSteps(doc: Document, meta: PageMeta, url: string | null): Steps<GenericResult> {
  const reasons: string[] = [];
  const res: GenericResult = { isArticle: false, title: null, titleEl: null, published: null, body: null, lead: null, exclude: [], byline: null, reasons };
  const root = bodyOf(doc);
  if (!root) {
    reasons.push('no body');
    return res;
  }
  const { stats, order } = yield* collect(root);
  yield;
  const body = declaredBody(root, stats, pickBody(stats, root));
  const docRef = cleanTitle(meta.docTitle);
  // a static <title> ("Chi tiết tin", or only the site's name) names no article
  const ref =
    meta.ldArticle?.headline ??
    tag(meta, 'og:title', 'twitter:title') ??
    (docRef && !isPageLabel(docRef) && !(docRef === normalizeSpace(meta.docTitle) && looksLikeSiteName(docRef)) ? docRef : null);
  const titleEl = pickTitle(doc, stats, body, ref, url);
  res.titleEl = titleEl;
  res.title = titleEl ? shortText(titleEl, 500) : ref ? cleanTitle(ref) : null;
  const dateLine = findDateLine(doc, stats, order, titleEl, body);
  res.published = metaPublished(doc, meta) ?? dateLine?.iso ?? null;
  res.body = body;
  if (body && titleEl && within(body, titleEl)) res.exclude.push(titleEl);
  if (body && dateLine && within(body, dateLine.el)) res.exclude.push(dateLine.el);
  if (body) res.lead = findLead(stats, order, titleEl, body);
  if (body) res.byline = findByline(stats, titleEl, body);

  // ------------------------------------------------------------ article or not?
  const ogType = (tag(meta, 'og:type') ?? '').toLowerCase();
  const ldArticle = [...meta.ldTypes].some(isArticleType);
  const ldOther = [...meta.ldTypes].some((t) => NON_ARTICLE_LD.has(t));
  if (!body) {
    reasons.push('no body candidate');
    return res;
  }
  const bs = stats.get(body)!;
  const prose = bs.text - bs.link;
  reasons.push(`prose=${prose} paras=${bs.paras} links=${density(bs).toFixed(2)} headlines=${bs.headlines}`);
  let ok = true;
  const no = (why: string): void => {
    ok = false;
    reasons.push(why);
  };
  if (ldOther && !ldArticle) no('JSON-LD says product/listing');
  if (ogType === 'product' || ogType.startsWith('product.')) no('og:type product');
  if (qs(doc, 'form[action*="cart" i], [class*="add-to-cart" i], [name="add-to-cart"], [class*="addtocart" i], [id*="add-to-cart" i]')) {
    no('shop cart');
  }
  if (prose < 350) no('too little prose');
  if (bs.paras < 2 && prose < 800) no('too few paragraphs');
  if (density(bs) > 0.3) no('link-heavy body');
  if (bs.headlines >= 5 && bs.headlines >= bs.paras * 0.5) no('repeated headline links (listing)');
  // Short listings (three or four items a page) have too few long link texts for the rule
  // above, but each item's title is a linked heading, which an article's body hardly has.
  if (bs.linkedHeadings >= 3 && bs.linkedHeadings >= bs.paras) no('repeated linked headings (listing)');
  if (isRootUrl(url)) no('site root');
  if (url && SEARCH_URL.test(url)) no('search URL');
  const h = first(root, ['h1', 'h2']);
  if ((h && SEARCH_TEXT.test(shortText(h, 200))) || SEARCH_TEXT.test(meta.docTitle)) no('search results');
  if (!res.title) no('no title');
  if (!res.published && !ldArticle && ogType !== 'article') no('no date');
  if (titleEl && bs.order < (stats.get(titleEl)?.order ?? 0) && !within(body, titleEl)) {
    // the body comes before the title: the "title" is a teaser headline further down
    no('title after body');
  }
  res.isArticle = ok;
  return res;
}

