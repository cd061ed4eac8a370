/**
 * Search tokens: what the archive indexes for a text, and what a query asks for.
 *
 * Both sides go through the same steps, so whatever a reader types matches however
 * the page wrote it:
 *  1. fold (`fold.ts`): no case, no diacritics, "đ" = "d", NFC = NFD;
 *  2. numbers to one spelling: digit groups joined ("1.640", "1 640" → "1640") and the
 *     decimal comma as a point ("2,5" → "2.5"), the Vietnamese convention; a text's
 *     groups parted by spaces are indexed one by one too (a space may part two numbers);
 *  3. words and compounds: a compound is letters and digits joined by "/", "-" or "."
 *     ("3307/qd-ubnd", "tp.hcm"). A text indexes each compound and every tail of it
 *     after a joiner ("qd-ubnd", "ubnd"), so a query may start at any part; a query
 *     keeps its compounds whole. Matching is by prefix, so "3307" finds the whole code.
 */
import { fold } from './fold.ts';

/** Longer tokens are cut: IndexedDB keys that long cost space and nobody types them. */
export const MAX_TOKEN_LENGTH = 48;
/** A record indexes at most this many distinct tokens (a whole article is about 1 500). */
export const MAX_TOKENS = 3000;
/** Tails indexed per compound: document codes have at most four joiners. */
const MAX_TAILS = 6;
/** A query uses at most this many terms; more add cost and almost never narrow. */
export const MAX_QUERY_TERMS = 8;

// Grouped numbers first ("1.640.000", "1 640", "1.640,5"): a group separator is ".", or a
// space of any width, followed by exactly three digits. Otherwise a plain number with an
// optional decimal part ("2,5", "3.14"). The grouped form needs at least one group, so
// "2024" or "12.5" never lose their point.
const NUMBER = /\d{1,3}(?:[. \u00a0\u2009\u202f]\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?/g;
const GROUPED = /^\d{1,3}[. \u00a0\u2009\u202f]\d{3}/;

const COMPOUND = /[\p{L}\p{M}\p{N}]+(?:[./-][\p{L}\p{M}\p{N}]+)*/gu;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** "1.640,5" → "1640.5", "1 640" → "1640", "2,5" → "2.5", "3307" → "3307". */
function normalizeNumber(raw: string): string {
  if (GROUPED.test(raw)) {
    const [whole = '', decimals] = raw.split(',');
    const digits = whole.replace(/[^\d]/g, '');
    return decimals === undefined ? digits : `${digits}.${decimals}`;
  }
  return raw.replace(',', '.');
}

/** The folded text with every number in its one spelling. */
export function normalizeForSearch(text: string): string {
  return numbersNormalized(fold(text));
}

function numbersNormalized(folded: string): string {
  return folded.replace(NUMBER, normalizeNumber);
}

// Digit groups parted by spaces: "12 981" is 12981 in Vietnamese, but "tháng 12 100
// người" is a month and a count; both readings are indexed.
const SPACE_GROUPED = /\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)/g;
const SPACES = /[ \u00a0\u2009\u202f]/;

function cut(token: string): string {
  return token.length > MAX_TOKEN_LENGTH ? token.slice(0, MAX_TOKEN_LENGTH) : token;
}

/**
 * Adds the index tokens of `text` to `into` (a set, so several fields of one record
 * share it and each token is indexed once). Stops at `MAX_TOKENS`.
 */
export function addIndexTokens(text: string, into: Set<string>): void {
  if (!text) return;
  const folded = fold(text);
  const normal = numbersNormalized(folded);
  for (const m of normal.matchAll(COMPOUND)) {
    if (into.size >= MAX_TOKENS) return;
    const compound = m[0];
    into.add(cut(compound));
    let tails = 0;
    for (let i = 1; i < compound.length - 1 && tails < MAX_TAILS; i++) {
      const c = compound.charCodeAt(i);
      if (c !== 0x2f && c !== 0x2d && c !== 0x2e) continue;
      // A decimal point is not a joiner: "1640.5" is one number, not "1640" and "5".
      if (c === 0x2e && isDigitCode(compound.charCodeAt(i - 1)) && isDigitCode(compound.charCodeAt(i + 1))) continue;
      into.add(cut(compound.slice(i + 1)));
      tails++;
    }
  }
  for (const m of folded.matchAll(SPACE_GROUPED)) {
    for (const group of m[0].split(SPACES)) {
      if (into.size >= MAX_TOKENS) return;
      into.add(group);
    }
  }
}

/** The distinct index tokens of some texts, in first-seen order. */
export function indexTokens(...texts: readonly (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const t of texts) if (t) addIndexTokens(t, set);
  return [...set];
}

/**
 * The terms of a query: each must be a prefix of some token of a matching record.
 * A term that is a prefix of another term is dropped, since the longer one implies it.
 * Empty when the query has nothing to search for (only spaces or punctuation).
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of normalizeForSearch(query).matchAll(COMPOUND)) {
    const term = cut(m[0]);
    if (!terms.includes(term)) terms.push(term);
  }
  const kept = terms.filter((t) => !terms.some((o) => o !== t && o.startsWith(t)));
  return kept.slice(0, MAX_QUERY_TERMS);
}

/** Whether a record with these tokens matches every term (the in-memory check). */
export function matchesTerms(tokens: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => tokens.some((token) => token.startsWith(term)));
}
