/**
 * Page metadata shared by every template: <meta> tags, JSON-LD, <title>, site name and
 * title cleaning. Read once per page (`readMeta`).
 */
import { normalizeDate } from './dates.ts';
import { headElements } from './dom.ts';
import { normalizeSpace, shortText } from './text.ts';

export interface PageMeta {
  /** <meta> name/property/itemprop (lower-cased) → first non-empty content */
  tags: Map<string, string>;
  /** @type values of every JSON-LD object found (lower-cased) */
  ldTypes: Set<string>;
  /** the JSON-LD object describing the article, if any */
  ldArticle: LdArticle | null;
  /** publisher / WebSite name from JSON-LD */
  ldSiteName: string | null;
  docTitle: string;
}

export interface LdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
}

const ARTICLE_TYPES = new Set([
  'newsarticle', 'article', 'blogposting', 'reportagenews', 'analysisnewsarticle',
  'opinionnewsarticle', 'backgroundnewsarticle', 'reviewnewsarticle', 'scholarlyarticle',
  'techarticle', 'liveblogposting', 'socialmediaposting', 'report',
]);

export function isArticleType(t: string): boolean {
  return ARTICLE_TYPES.has(t.toLowerCase());
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function typesOf(o: { [k: string]: Json }): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.toLowerCase().replace(/^.*[/#]/, '')];
  if (Array.isArray(t)) {
    return t.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/#]/, ''));
  }
  return [];
}

function nameOf(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return normalizeSpace(v) || null;
  if (Array.isArray(v)) {
    const names = v.map((x) => nameOf(x)).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return nameOf(v['name']);
  return null;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return null;
}

/** All objects of a JSON-LD document: arrays and @graph flattened, one level of nesting. */
function flatten(root: Json, out: { [k: string]: Json }[], depth = 0): void {
  if (depth > 6 || root === null || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const x of root) flatten(x, out, depth + 1);
    return;
  }
  out.push(root);
  const g = root['@graph'];
  if (g !== undefined) flatten(g, out, depth + 1);
  const main = root['mainEntity'];
  if (main && typeof main === 'object') flatten(main, out, depth + 1);
}

function readJsonLd(doc: Document, meta: PageMeta): void {
  let scripts: Element[];
  try {
    scripts = Array.from(doc.querySelectorAll('script[type]'));
  } catch {
    return;
  }
  for (const s of scripts) {
    const type = (s.getAttribute('type') ?? '').toLowerCase().trim();
    if (type !== 'application/ld+json') continue;
    const raw = s.textContent ?? '';
    if (!raw || raw.length > 2_000_000) continue;
    let data: Json;
    try {
      data = JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    const objs: { [k: string]: Json }[] = [];
    flatten(data, objs);
    for (const o of objs) {
      const types = typesOf(o);
      for (const t of types) meta.ldTypes.add(t);
      if (types.some(isArticleType) && !meta.ldArticle) {
        meta.ldArticle = {
          headline: nameOf(o['headline']) ?? nameOf(o['name']),
          datePublished: normalizeDate(str(o['datePublished']) ?? str(o['dateCreated']) ?? str(o['uploadDate'])),
          author: nameOf(o['author']) ?? nameOf(o['creator']),
          publisher: nameOf(o['publisher']),
        };
      }
      if (!meta.ldSiteName && (types.includes('website') || types.includes('newsmediaorganization'))) {
        meta.ldSiteName = nameOf(o['name']);
      }
    }
  }
  if (!meta.ldSiteName && meta.ldArticle?.publisher) meta.ldSiteName = meta.ldArticle.publisher;
}

export function readMeta(doc: Document): PageMeta {
  const meta: PageMeta = { tags: new Map(), ldTypes: new Set(), ldArticle: null, ldSiteName: null, docTitle: '' };
  try {
    for (const m of headElements(doc, ['meta'])) {
      const content = m.getAttribute('content');
      if (content === null) continue;
      const c = normalizeSpace(content.length > 5000 ? content.slice(0, 5000) : content);
      if (!c) continue;
      for (const a of ['property', 'name', 'itemprop', 'http-equiv']) {
        const k = m.getAttribute(a);
        if (k && !meta.tags.has(k.toLowerCase())) meta.tags.set(k.toLowerCase(), c);
      }
    }
  } catch {
    // ignore
  }
  try {
    const t = headElements(doc, ['title'])[0] ?? null;
    meta.docTitle = t ? normalizeSpace(t.textContent ?? '').slice(0, 1000) : '';
  } catch {
    // ignore
  }
  readJsonLd(doc, meta);
  return meta;
}

export function tag(meta: PageMeta, ...names: string[]): string | null {
  for (const n of names) {
    const v = meta.tags.get(n);
    if (v) return v;
  }
  return null;
}

/** Publication date from meta tags / JSON-LD / <time itemprop>, or null. */
export function metaPublished(doc: Document, meta: PageMeta): string | null {
  const fromTags = tag(
    meta,
    'article:published_time', 'og:article:published_time', 'datepublished', 'pubdate',
    'publishdate', 'publish-date', 'publish_date', 'article.published', 'dc.date.issued',
    'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'sailthru.date', 'parsely-pub-date',
    'og:published_time', 'og:pubdate', 'created', 'article:published', 'published_time',
  );
  const a = normalizeDate(fromTags);
  if (a) return a;
  if (meta.ldArticle?.datePublished) return meta.ldArticle.datePublished;
  try {
    // one item's date: a listing marks up each of its items (Joomla's blog layout, …)
    const all = doc.querySelectorAll('[itemprop="datePublished"]');
    const t = all.length === 1 ? all[0] : null;
    if (t) {
      const v = t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent;
      const d = normalizeDate(v);
      if (d) return d;
    }
  } catch {
    // ignore
  }
  return null;
}

const URLISH = /^(?:https?:)?\/\/|^www\.|\.(?:com|vn|net|org)(?:\/|$)/i;

/** Author from meta tags / JSON-LD (never a URL), or null. */
export function metaAuthor(meta: PageMeta): string | null {
  const cands = [tag(meta, 'author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'), meta.ldArticle?.author ?? null];
  for (const c of cands) {
    if (!c) continue;
    const v = c.replace(/^(?:by|bởi)\s+/i, '').trim();
    if (v && !URLISH.test(v) && v.length <= 120) return v;
  }
  return null;
}

// ---------------------------------------------------------------- titles and site names

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' » ', ' « ', ' · ', ' / ', ' > ', ' >> ', ' › '];

const SITE_WORDS =
  /(?:cổng thông tin|cổng ttđt|trang thông tin|trang tin|thông tin điện tử|báo điện tử|^báo |^tạp chí|ban dân vận|^đảng bộ|tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|^ubnd|^ủy ban nhân dân|^uỷ ban nhân dân|^sở |portal|website|\.gov\.vn|\.com\b|\.vn\b|online|news)/iu;

export function foldCase(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Loose equality for titles: case, spacing and trailing punctuation ignored. */
export function sameText(a: string, b: string): boolean {
  const f = (s: string) => foldCase(s).replace(/[\s.:;,!?…"“”'‘’]+$/u, '').replace(/^["“'‘]+/, '');
  return f(a) === f(b);
}

/** Splits "Title - Site" at the last separator; null when there is none. */
function splitLast(title: string): [string, string] | null {
  let best = -1;
  let sepLen = 0;
  for (const sep of SEPARATORS) {
    const i = title.lastIndexOf(sep);
    if (i > best) {
      best = i;
      sepLen = sep.length;
    }
  }
  if (best <= 0) return null;
  return [title.slice(0, best).trim(), title.slice(best + sepLen).trim()];
}

/** True when a string reads like a site's name rather than an article title. */
export function looksLikeSiteName(s: string): boolean {
  return s.length > 0 && s.length <= 90 && SITE_WORDS.test(s);
}

const SEP_CHARS = /^[\s|\-–—:»«·/>›]+|[\s|\-–—:»«·/>›]+$/g;

/**
 * Removes a site-name suffix or prefix from a title: "Tiêu đề - Cổng TTĐT tỉnh X" →
 * "Tiêu đề". With `site` known, that name is removed wherever it ends or starts the
 * title; otherwise a last segment is removed only when it reads like a site name.
 */
export function cleanTitle(raw: string | null | undefined, site?: string | null): string | null {
  if (!raw) return null;
  let t = normalizeSpace(raw);
  if (!t) return null;
  if (site) {
    const ft = foldCase(t);
    const fs = foldCase(site);
    if (fs && ft !== fs) {
      if (ft.endsWith(fs)) {
        const head = t.slice(0, t.length - fs.length);
        if (/[|\-–—:»«·/>›]\s*$/.test(head)) {
          const cut = head.replace(SEP_CHARS, '').trim();
          if (cut.length >= 8) return cut;
        }
      }
      if (ft.startsWith(fs)) {
        const tail = t.slice(fs.length);
        if (/^\s*[|\-–—:»«·/>›]/.test(tail)) {
          const cut = tail.replace(SEP_CHARS, '').trim();
          if (cut.length >= 8) return cut;
        }
      }
    }
  }
  for (let guard = 0; guard < 3; guard++) {
    const last = splitLast(t);
    if (!last || last[0].length < 8) break;
    const [head, tail] = last;
    if (looksLikeSiteName(tail)) {
      t = head;
      continue;
    }
    break;
  }
  return t || null;
}

/**
 * "Tin tức - Đảng bộ xã Tân Lập" (section, then site, as NukeViet and many CMSs write
 * their titles) → the shortest tail that reads like a site name; else the whole string.
 */
function lastSiteSegment(rest: string): string {
  let tail = rest;
  for (let guard = 0; guard < 5; guard++) {
    const parts = splitLast(tail);
    if (!parts) break;
    if (looksLikeSiteName(parts[1])) return parts[1];
    tail = parts[0];
  }
  return rest;
}

/**
 * Page-type labels portals put in a static <title> ("Chi tiết tin", "Tin tức", "Xem bài
 * viết"): neither the article's title nor the site's name.
 */
const PAGE_LABEL = /^(?:chi tiết(?: tin(?: tức| bài)?| bài viết| văn bản)?|tin chi tiết|xem (?:tin|bài viết)|nội dung|tin tức|bài viết|trang chủ|home|news|details?)$/i;

export function isPageLabel(s: string): boolean {
  return PAGE_LABEL.test(normalizeSpace(s));
}

/** "Site > Section > Page" (DotNetNuke's <title>) → the first or last part when it reads like a site name. */
function siteFromPath(d: string): string | null {
  const parts = d.split(/ (?:>>?|»|›) /);
  if (parts.length < 2) return null;
  return [parts[0]!, parts[parts.length - 1]!].find(looksLikeSiteName) ?? null;
}

/** Site name from the <title>: the part that is not the article title. */
export function siteFromDocTitle(docTitle: string, articleTitle: string | null): string | null {
  const d = normalizeSpace(docTitle);
  if (!d || isPageLabel(d)) return null;
  if (articleTitle) {
    const fd = foldCase(d);
    const fa = foldCase(articleTitle);
    if (fa && fd.startsWith(fa)) {
      const rest = d.slice(articleTitle.length).replace(SEP_CHARS, '').trim();
      return rest.length >= 3 ? lastSiteSegment(rest) : null;
    }
    if (fa && fd.endsWith(fa)) {
      const rest = d.slice(0, d.length - articleTitle.length).replace(SEP_CHARS, '').trim();
      return rest.length >= 3 ? rest : null;
    }
    if (fa && (fd.includes(fa.slice(0, 30)) || fa.includes(fd))) return null;
  }
  const path = siteFromPath(d);
  if (path) return path;
  const last = splitLast(d);
  if (last) {
    // "Tìm kiếm: ngân sách | Sở X" → "Sở X"
    if (looksLikeSiteName(last[1]) && !looksLikeSiteName(last[0])) return last[1];
    if (looksLikeSiteName(last[0]) && !looksLikeSiteName(last[1])) return last[0];
    return null;
  }
  // a static <title> that does not mention the article: the site's own name
  return articleTitle && d.length <= 100 ? d : null;
}

const LOGOISH = /logo|banner|brand|header|site-?name/i;
const ROOT_HREF = /^(?:\/|\.\/|https?:\/\/[^/]+\/?)(?:(?:index|default|trang-?chu)\.\w+)?$/i;

/** Site name from the page header: logo alt/title text. */
export function siteFromLogo(doc: Document): string | null {
  // one pass over images and titled links in document order: the first one in a
  // logo/banner/header container is the site's mark
  let seen = 0;
  let cands: Element[] = [];
  try {
    cands = Array.from(doc.querySelectorAll('img[alt], a[title]'));
  } catch {
    cands = [];
  }
  for (const el of cands) {
    if (seen++ > 40) break;
    // a titled link counts only when it leads to the home page
    const isImg = el.localName === 'img';
    if (!isImg && !ROOT_HREF.test((el.getAttribute('href') ?? '').trim())) continue;
    let logoish = !isImg;
    let n: Element | null = el;
    for (let up = 0; n && up < 4 && !logoish; up++, n = n.parentElement) {
      const ci = (n.getAttribute('class') ?? '') + ' ' + (n.getAttribute('id') ?? '') + ' ' + (n.getAttribute('src') ?? '').slice(-80);
      if (LOGOISH.test(ci) || n.localName === 'header') logoish = true;
    }
    if (!logoish) continue;
    const v = normalizeSpace(el.getAttribute('alt') ?? el.getAttribute('title') ?? '');
    if (v.length >= 4 && v.length <= 120 && !/^(?:logo|banner|image|ảnh|hình|trang chủ|trang nhất|home)\b/iu.test(v)) return v;
  }
  let el: Element | null = null;
  try {
    el = doc.querySelector('.logo, #logo, .site-title, .site-name, #site-name, .site_name, .brand');
  } catch {
    el = null;
  }
  const v = shortText(el, 200);
  return v.length >= 4 && v.length <= 120 ? v : null;
}

/** og:site_name / application-name / JSON-LD publisher, or null. */
export function metaSiteName(meta: PageMeta): string | null {
  return tag(meta, 'og:site_name', 'application-name', 'apple-mobile-web-app-title') ?? meta.ldSiteName ?? null;
}
