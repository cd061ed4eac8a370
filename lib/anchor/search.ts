/**
 * Finding candidate places for a quote in the normalized text: the exact occurrences
 * first (native indexOf, O(n)), then approximate ones with approx-string-match, which
 * implements Myers' bit-parallel algorithm in O(⌈k/32⌉ · n) expected time for k
 * allowed errors (plus O(⌈m/32⌉ · (m + k)) per match to find where it starts).
 */
import approxSearch from 'approx-string-match';
import type { Candidate } from './score';

/** At most this many candidates are scored: those nearest the old position. */
export const MAX_CANDIDATES = 256;

/** Every occurrence of `quote` in `text`, overlapping ones included. O(n). */
export function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  if (quote.length === 0) return found;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    found.push({ start: i, end: i + quote.length, errors: 0 });
  }
  return found;
}

/** Below this length one edit is a third of the quote or more: no approximate search. */
const MIN_APPROX_QUOTE = 4;

/**
 * Above this length no approximate search: besides the O(⌈k/32⌉ · n) scan, the
 * library finds where each match starts by searching backwards in O(m/32 · m), and
 * builds its tables in O(σ · m) — seconds for a quote of 100 000 units.
 */
export const MAX_APPROX_QUOTE = 10_000;

/**
 * The edit allowance for a quote: a quarter of its length (so the matched text is at
 * least 75 % the quote), capped because the cost grows with it in steps of 32. Zero
 * (exact matching only) for quotes too short or too long to search approximately.
 */
export function maxErrorsFor(quoteLength: number, cap: number): number {
  if (quoteLength < MIN_APPROX_QUOTE || quoteLength > MAX_APPROX_QUOTE) return 0;
  return Math.max(0, Math.min(cap, Math.ceil(quoteLength / 4)));
}

/**
 * Approximate matches of `quote` with at most `maxErrors` edits within
 * `text[from, to)`, outside the exact occurrences `skip` (sorted). The library returns
 * only the lowest-error matches, so an exact occurrence elsewhere would hide an edited
 * copy of the quote: searching the gaps between exact occurrences lets an in-place
 * edit ("1.640" → "1.650") compete with an unrelated exact repeat. Cost stays
 * O(⌈k/32⌉ · (to − from)).
 */
export function approximateMatches(
  text: string,
  quote: string,
  maxErrors: number,
  skip: Candidate[],
  from = 0,
  to = text.length,
): Candidate[] {
  if (quote.length === 0 || maxErrors <= 0) return [];
  const found: Candidate[] = [];
  const minLength = quote.length - maxErrors;
  let gapStart = from;
  const searchGap = (gapEnd: number): void => {
    if (gapEnd - gapStart < minLength || gapEnd <= gapStart) return;
    const gap = gapStart === 0 && gapEnd === text.length ? text : text.slice(gapStart, gapEnd);
    for (const m of approxSearch(gap, quote, maxErrors)) {
      found.push({ start: m.start + gapStart, end: m.end + gapStart, errors: m.errors });
    }
  };
  for (const occ of skip) {
    if (occ.end <= from || occ.start >= to) continue;
    searchGap(occ.start);
    gapStart = Math.max(gapStart, occ.end);
  }
  searchGap(to);
  // Across gaps the library's "lowest errors only" no longer holds: restore it.
  let least = Infinity;
  for (const m of found) least = Math.min(least, m.errors);
  return found.filter((m) => m.errors === least);
}

/**
 * The candidates worth scoring: duplicates of one start dropped (the library reports
 * one match per end position, so an edit at the quote's end yields neighbours), and
 * at most MAX_CANDIDATES kept, nearest the hint first. O(c log c).
 */
export function shortlist(cands: Candidate[], hint: number | null): Candidate[] {
  const byStart = new Map<number, Candidate>();
  for (const c of cands) {
    const seen = byStart.get(c.start);
    // Same start: fewer errors, then the longer span (keeps a trailing changed digit).
    if (!seen || c.errors < seen.errors || (c.errors === seen.errors && c.end > seen.end)) byStart.set(c.start, c);
  }
  const unique = [...byStart.values()];
  if (unique.length <= MAX_CANDIDATES) return unique;
  const h = hint ?? 0;
  unique.sort((a, b) => Math.abs(a.start - h) - Math.abs(b.start - h));
  return unique.slice(0, MAX_CANDIDATES);
}
