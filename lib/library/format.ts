/**
 * Small formatting rules of the library's views: dates of records (epoch ms), tags as
 * typed, and which page addresses may become links.
 */

const VN_OFFSET = 7 * 3_600_000;

/**
 * A day for the UI from epoch ms, as it was in Vietnam (the archive's pages are all
 * Vietnamese, and a figure "published 12 March" must not read 11 March in Paris).
 */
export function formatDay(time: number | null, locale: string): string {
  if (time === null || !Number.isFinite(time)) return '';
  const d = new Date(time);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
  } catch {
    return new Date(time + VN_OFFSET).toISOString().slice(0, 10);
  }
}

/** A month label for a chart tick or bucket ("thg 3, 2024", "Mar 2024"). */
export function formatMonth(time: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(time));
  } catch {
    return new Date(time + VN_OFFSET).toISOString().slice(0, 7);
  }
}

/** Tags from the comma-separated field: trimmed, empty ones dropped (the store tidies the rest). */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

/**
 * A stored address as a link target, only when it is http(s). The store keeps only such
 * addresses, but a link is where a `javascript:` URL would run, so the view checks again.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A short number for chart ticks, written as Vietnamese news write figures ("1.640 tỷ",
 * "2,5 triệu") in every UI language, like the rest of the figures (lib/format/entity.ts).
 */
export function compactNumber(value: number): string {
  // Not Intl's compact notation: in vi-VN it gives "1,6 NT" and "2,5 Tr", abbreviations
  // readers do not use.
  const abs = Math.abs(value);
  const fmt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v);
  if (abs >= 1e9) return `${fmt(value / 1e9)} tỷ`;
  if (abs >= 1e6) return `${fmt(value / 1e6)} triệu`;
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/**
 * Page text for places that take no markup, so no <bdi> (an <option>'s label, a `title`):
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of <bdi>,
 * so a bidi control inside cannot reorder the count or label written after it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
