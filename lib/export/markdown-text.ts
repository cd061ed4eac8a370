/**
 * Text made safe for Markdown notes (Obsidian's dialect of CommonMark) and for their
 * YAML front matter. Quotes and notes come from web pages and readers: a "<img
 * onerror>" or "[[link]]" in them must show as the characters it is, not become markup
 * when Obsidian renders the note.
 */

// ASCII punctuation that starts inline markup in CommonMark or Obsidian (emphasis,
// code, links and wikilinks, HTML and autolinks, entities, tags, tables, strikethrough,
// math, highlights, comments). CommonMark lets any ASCII punctuation be backslash-escaped.
const INLINE = /[\\`*_[\]<>&#|~$^{}]|([=%])(?=\1)/g;

/** One line of text with every markup character escaped, and line-start markers (lists, headings) defused. */
function escapeLine(line: string): string {
  const escaped = line.replace(INLINE, '\\$&');
  // "- x", "+ x", "1. x", "1) x" start lists even inside a quote block.
  return escaped.replace(/^(\s*)([-+]|\d{1,9}[.)])(?=\s|$)/, (_m, space: string, marker: string) =>
    marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
}

/** Text as inert Markdown, line breaks kept. */
export function mdText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\n');
}

/** Text as a Markdown block quote: every line "> …", empty lines kept inside the quote. */
export function mdQuote(text: string): string {
  return mdText(text)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A link whose text is escaped and whose address cannot end the link early (angle-bracket form). */
export function mdLink(text: string, url: string): string {
  return `[${mdText(text).replace(/\n/g, ' ')}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/**
 * A YAML double-quoted scalar. JSON's escaping is close to YAML's but not equal: YAML
 * also wants NEL, LS, PS and other non-printable characters escaped, and has no way
 * to write a lone surrogate, which becomes U+FFFD.
 */
export function yamlString(text: string): string {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return JSON.stringify(wellFormed).replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A tag as Obsidian accepts it: letters, digits, "_", "-" and "/", at least one of them
 * not a digit; spaces become "-". "ngân sách" → "ngân-sách". Null when nothing is left.
 */
export function obsidianTag(tag: string): string | null {
  const t = tag
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]/gu, '');
  if (t === '' || /^[\d\-/]+$/.test(t)) return t === '' ? null : `_${t}`;
  return t;
}
