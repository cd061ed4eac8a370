/** Helpers shared by the templates. */
import { isAuthorLabel, parseAuthorLine } from '../author.ts';
import { hasDate, normalizeDate, parseDateLine } from '../dates.ts';
import { findTextLines, qsa } from '../dom.ts';
import { shortText, visibleLength } from '../text.ts';

export function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The first element (in selector order) whose text is a date line; its ISO date. */
export function dateFromSelectors(root: Document | Element | null, sels: readonly string[]): { iso: string; el: Element } | null {
  for (const sel of sels) {
    for (const el of qsa(root, sel).slice(0, 5)) {
      const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
      // a machine date ("2024-03-12T08:30:00+07:00") keeps its time and offset
      const iso = (attr ? normalizeDate(attr) : null) ?? parseDateLine(shortText(el, 300));
      if (iso) return { iso, el };
    }
  }
  return null;
}

/** The first short text line under `root` that contains a full date. */
export function dateFromLines(root: Element | null, re: RegExp = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/): { iso: string; el: Element } | null {
  for (const { el, line } of findTextLines(root, re, { limit: 5, maxLen: 120 })) {
    if (!hasDate(line)) continue;
    const iso = parseDateLine(line);
    if (iso) return { iso, el };
  }
  return null;
}

/** An author or source label anywhere in a short line ("12/03/2024 08:30 | Tác giả: Minh Anh"). */
const BYLINE = /(?:^|[\s|•·,([-])((?:tác\s*giả|người\s*viết|bài\s*(?:và|,|&)\s*ảnh|tin\s*(?:và|,|&)\s*ảnh|phóng\s*viên|nguồn\s*tin|nguồn)\s*[:：])/iu;

/**
 * Author / source lines under `root` ("Tác giả: X", "Nguồn tin: Y", or a field of a line
 * such as "12/03/2024 08:30 | Tác giả: X | Lượt xem: 12"): the author when one is named,
 * else the source. `skip`: an element (the body) not to look into; `ok`: a filter.
 */
export function bylineFrom(
  root: Element | null,
  skip: Element | null = null,
  ok: (el: Element) => boolean = () => true,
): { author: string; el: Element; isAuthor: boolean } | null {
  let source: { author: string; el: Element; isAuthor: boolean } | null = null;
  for (const { el, line } of findTextLines(root, BYLINE, { limit: 6, maxLen: 160, skip })) {
    const m = BYLINE.exec(line);
    if (!m || !ok(el)) continue;
    // from the label to the next " | " field
    const part = line.slice(m.index + m[0].length - m[1]!.length).split(/\s+[|•·]\s+/u)[0]!;
    const v = parseAuthorLine(part);
    if (!v) continue;
    const found = { author: v.replace(/[.;]+$/, ''), el, isAuthor: isAuthorLabel(part) };
    if (found.isAuthor) return found;
    source ??= found;
  }
  return source;
}

/** Visible length of an element's text (see `visibleLength`), optionally capped. */
export function textLength(el: Element | null | undefined, cap = Infinity): number {
  return visibleLength(el, cap);
}

/**
 * True when an element reads as a list of links rather than prose: many headline-length
 * links, or a high share of link text.
 */
export function looksLikeListing(el: Element, knownLength?: number): boolean {
  const total = knownLength ?? textLength(el);
  if (total === 0) return true;
  let linkText = 0;
  let headlines = 0;
  for (const a of qsa(el, 'a')) {
    const len = textLength(a);
    linkText += len;
    if (len >= 25) headlines++;
  }
  return linkText / total > 0.3 || headlines >= 6;
}

/** True when `el` sits inside page furniture (related box, sidebar, …) below `top`. */
export function inFurniture(el: Element, top: Element | null, isFurniture: (e: Element) => boolean): boolean {
  let n: Element | null = el;
  let guard = 0;
  while (n && n !== top && guard++ < 10_000) {
    if (isFurniture(n)) return true;
    n = n.parentElement;
  }
  return false;
}
