/**
 * The last resort for long quotes (a clipped paragraph). The approximate search allows
 * at most `cap` (32) errors, a small share of a long quote: one sentence added to a
 * clipped paragraph would orphan it. So a long quote that found nothing is looked for
 * by its first and last EDGE units, and the quote is then searched, with the same
 * ⌈|quote|/4⌉ allowance (75 % floor) as short quotes get, in the stretch of text where
 * it would lie if that head or tail is its own. Either edge alone suffices, so an
 * edit that ruins one end of the paragraph does not orphan it.
 *
 * Cost: two approximate searches of EDGE units, O(n) each; then at most
 * 2 · MAX_EDGES windows of about 1.25 · m, each O(⌈m/128⌉ · m) (k = m/4, word 32):
 * quadratic in the quote, so quotes over MAX_APPROX_QUOTE are not tried.
 */
import approxSearch from 'approx-string-match';
import type { Candidate } from './score';
import { approximateMatches, exactOccurrences, MAX_APPROX_QUOTE, maxErrorsFor } from './search';

/** Quotes longer than 4 · 32 exceed what the capped allowance covers. */
export const LONG_QUOTE = 128;
const EDGE = 64;
const MAX_EDGES = 4;

/** Occurrences of an edge, fewest errors then nearest the hint, at most MAX_EDGES. */
function edgeMatches(text: string, edge: string, hint: number): Candidate[] {
  const exact = exactOccurrences(text, edge);
  const found = exact.length > 0 ? exact : approximateMatches(text, edge, maxErrorsFor(edge.length, 32), []);
  found.sort((a, b) => a.errors - b.errors || Math.abs(a.start - hint) - Math.abs(b.start - hint));
  return found.slice(0, MAX_EDGES);
}

/** Candidates for a long `quote` (normalized) in `text` (normalized), fewest edits first. */
export function anchorLongQuote(text: string, quote: string, hint: number | null): Candidate[] {
  if (quote.length <= LONG_QUOTE || quote.length > MAX_APPROX_QUOTE) return [];
  const allowed = maxErrorsFor(quote.length, Infinity);
  const reach = quote.length + allowed;
  const h = hint ?? 0;
  const windows: Array<[number, number]> = [
    ...edgeMatches(text, quote.slice(0, EDGE), h).map((m): [number, number] => [m.start, m.start + reach]),
    ...edgeMatches(text, quote.slice(-EDGE), h).map((m): [number, number] => [m.end - reach, m.end]),
  ];
  const byStart = new Map<number, Candidate>();
  for (const [from, to] of windows) {
    const lo = Math.max(0, from);
    for (const m of approxSearch(text.slice(lo, Math.min(text.length, to)), quote, allowed)) {
      const c = { start: m.start + lo, end: m.end + lo, errors: m.errors };
      const seen = byStart.get(c.start);
      if (!seen || c.errors < seen.errors) byStart.set(c.start, c);
    }
  }
  return [...byStart.values()].sort((a, b) => a.errors - b.errors);
}
