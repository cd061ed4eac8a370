/**
 * Text as SpreadsheetML accepts it. Three traps, each of which would make Excel call
 * the file corrupt or change the text:
 * - XML 1.0 forbids most control characters and lone surrogates (quotes from web pages
 *   carry both now and then): they become U+FFFD, the replacement character;
 * - Excel reads "_x0041_" in a string as an escape for "A" (ECMA-376 ST_Xstring), so a
 *   literal "_xHHHH_" has its underscore escaped as "_x005F_";
 * - a cell holds at most 32 767 characters: longer text is cut there, with "…".
 */

export const MAX_CELL_TEXT = 32_767;

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function cut(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  // Do not split a surrogate pair.
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

// Anything any of the rules above applies to; most Vietnamese text has none of it.
const NEEDS_WORK = /[&<>"_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Cell text, escaped for an XML element or attribute. */
export function cellXml(text: string): string {
  const t = cut(text);
  if (!NEEDS_WORK.test(t)) return t;
  return escapeXml(t.replace(INVALID_XML, '\uFFFD').replace(ESCAPE_LIKE, '_x005F_$1'));
}

export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITY[c]!);
}

/** Any text for an attribute (names, URLs), invalid characters replaced. */
export function attrXml(text: string): string {
  return escapeXml(text.replace(INVALID_XML, '\uFFFD'));
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not blank. */
export function sheetName(name: string, fallback: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(INVALID_XML, '').trim().slice(0, 31).replace(/^'|'$/g, '');
  return clean === '' ? fallback : clean;
}
