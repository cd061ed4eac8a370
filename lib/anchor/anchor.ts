/**
 * anchor(): stored selectors → where the clipping is in today's text of the article.
 *
 * Three paths, cheapest first; each runs only when the one before could not decide:
 * 1. In place — the quote and its context are still at the stored position (plain
 *    string comparisons): O(|quote| + |context|). The usual case: the page is unchanged.
 * 2. Exact elsewhere — every occurrence of the normalized quote (NFC, spaces
 *    collapsed) via indexOf, O(n), each scored by context, ties broken by distance
 *    to the old position. Covers moved text, re-extracted spacing, NFD pages.
 * 3. Approximate — approx-string-match with k = min(cap, ⌈|quote|/4⌉) errors,
 *    O(⌈k/32⌉ · n) (about 40 ms for k = 32 on 1 MB, so long texts try ±32 k units
 *    around the old position first), candidates scored by quote, context and
 *    position (see score.ts). Runs when there is no exact occurrence, or only ones
 *    whose context differs (so an edited figure in place beats the same words
 *    quoted elsewhere). Long quotes with no exact occurrence are also looked for by
 *    their head and tail (long-quote.ts), since the capped allowance is a small
 *    share of a paragraph.
 * The best candidate scoring under `minScore` is turned down: an orphan.
 */
import { figureChanges } from './changes';
import { anchorLongQuote, LONG_QUOTE } from './long-quote';
import { normalizeForMatch, normalizeString, toNormalizedOffset, toOriginalEnd, toOriginalStart } from './normalize';
import { compareExact, scoreCandidate, type Candidate, type Context, type Scored } from './score';
import { approximateMatches, exactOccurrences, maxErrorsFor, shortlist } from './search';
import type { AnchorOptions, AnchorResult, Selectors } from './types';

const DEFAULT_MAX_ERRORS = 32;
/**
 * Measured on edited copies of the shared corpus articles (a word or number changed,
 * a phrase inserted or deleted, sometimes a context word too) against the same
 * articles with the quote's sentence removed: 0.7 kept 85 % of the edits but placed
 * 2–4 % of the removed quotes on a look-alike sentence ("đạt 53,68% chỉ tiêu" on
 * "đạt 43,88% chỉ tiêu"); 0.75 keeps 81–84 % and misplaces 1–2 %. A false "this
 * figure changed" costs a journalist more than an orphan they can look up.
 */
const DEFAULT_MIN_SCORE = 0.75;
/** Only an exact occurrence in its full stored context cannot be beaten by an edited copy. */
const CONFIDENT_CONTEXT = 1;
/** Near the old position first (±this many units) when the text is much longer. */
const LOCAL_WINDOW = 32_768;

/** Whether the stored quote and its context are still exactly at the stored offsets. */
function inPlace(text: string, { quote, position }: Selectors): boolean {
  if (!position) return false;
  const { start, end } = position;
  return (
    end - start === quote.exact.length &&
    start >= quote.prefix.length &&
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end) &&
    // A stored empty prefix/suffix means the quote touched the edge of the text.
    (quote.prefix.length > 0 || start === 0) &&
    (quote.suffix.length > 0 || end === text.length)
  );
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Path 3: the best approximate candidate, or null. On a long text the stretch around
 * the old position is searched first: edits seldom move a quote far, and a good
 * candidate there spares the O(n) search of the whole text (64 kB instead of 1 MB).
 * Only a clear local winner (few errors, good score) stops the search there.
 */
function bestApproximate(
  text: string,
  quote: string,
  ctx: Context,
  occurrences: Candidate[],
  opts: { maxErrors: number; minScore: number },
  score: (c: Candidate) => Scored,
): Scored | null {
  const k = maxErrorsFor(quote.length, opts.maxErrors);
  const pick = (cands: Candidate[]): Scored | null => {
    let top: Scored | null = null;
    for (const c of shortlist(cands, ctx.hint)) {
      const s = score(c);
      if (!top || s.score > top.score) top = s;
    }
    return top;
  };
  if (ctx.hint !== null && text.length > 4 * LOCAL_WINDOW) {
    const from = Math.max(0, ctx.hint - LOCAL_WINDOW);
    const to = Math.min(text.length, ctx.hint + quote.length + LOCAL_WINDOW);
    const local = pick(approximateMatches(text, quote, k, occurrences, from, to));
    if (local && local.score >= opts.minScore && local.errors <= k / 2) return local;
  }
  const found = approximateMatches(text, quote, k, occurrences);
  // The capped allowance may find only part of an edited paragraph, with many errors,
  // or nothing: then let whole-paragraph candidates compete (context decides, since a
  // part loses its prefix or suffix).
  const weak = found.length === 0 || found[0]!.errors > k / 2;
  if (occurrences.length === 0 && quote.length > LONG_QUOTE && weak) {
    found.push(...anchorLongQuote(text, quote, ctx.hint));
  }
  return pick(found);
}

/** Finds `selectors` in `text`; offsets in the result are into `text` as given. */
export function anchor(text: string, selectors: Selectors, opts: AnchorOptions = {}): AnchorResult {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return { status: 'orphan' };
  // Path 1.
  if (inPlace(text, selectors)) {
    return { status: 'exact', start: position!.start, end: position!.end, score: 1 };
  }

  const m = normalizeForMatch(text);
  const exact = normalizeString(quote.exact);
  if (exact.length === 0) return { status: 'orphan' };
  const ctx: Context = {
    prefix: normalizeString(quote.prefix),
    suffix: normalizeString(quote.suffix),
    // Stored records are validated elsewhere, but a bad hint must not poison scores.
    hint: position && Number.isFinite(position.start) ? toNormalizedOffset(m, position.start) : null,
  };
  const score = (c: Candidate): Scored => scoreCandidate(m.text, exact.length, c, ctx);
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;

  // Path 2.
  const occurrences = exactOccurrences(m.text, exact);
  let best: Scored | null = null;
  for (const c of shortlist(occurrences, ctx.hint)) {
    const s = score(c);
    if (!best || compareExact(s, best, ctx.hint) < 0) best = s;
  }
  // Path 3.
  if (!best || best.context < CONFIDENT_CONTEXT) {
    const maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
    const approx = bestApproximate(m.text, exact, ctx, occurrences, { maxErrors, minScore }, score);
    if (approx && (!best || approx.score > best.score)) best = approx;
  }

  if (!best) return { status: 'orphan' };
  if (best.score < minScore) return { status: 'orphan', score: round(best.score) };
  const start = toOriginalStart(m, best.start);
  const end = toOriginalEnd(m, best.start, best.end);
  if (best.errors === 0) {
    const inOldPlace = position !== undefined && position.start === start && position.end === end;
    return { status: inOldPlace ? 'exact' : 'context', start, end, score: round(best.score) };
  }
  const changes = figureChanges(quote, text, start, end);
  return { status: 'fuzzy', start, end, score: round(best.score), changes };
}
