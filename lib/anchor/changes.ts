/**
 * The differences a journalist must be told about when a clipping re-anchors to
 * edited text: its figures ("1.640 tỷ đồng" became "1.650 tỷ đồng") and its document
 * codes ("3307/QĐ-UBND" became "3370/QĐ-UBND"). Wording changes are not reported.
 *
 * Tokens are digit groups with the separators Vietnamese text uses inside numbers
 * ("1.640", "0,43", "843/843", "22/03/2022", "2021-2025") and codes, a digit group
 * followed by lettered parts ("15/2023/NĐ-CP", "39-NQ/TW"). The two token lists are
 * aligned by their longest common subsequence; what does not align is a change.
 *
 * Cost: O(q) to tokenize, O(a · b) for a and b tokens (bounded by MAX_ALIGN cells,
 * beyond which tokens are paired in order).
 */
import { normalizeString } from './normalize';
import type { FigureChange } from './types';

/** A figure or a code. Letters only after a separator, so "F0", "COVID-19" are numbers. */
const TOKEN = /\d+(?:[.,:/\-–]\d+)*(?:[/\-–][\p{L}\d]*\p{L}[\p{L}\d]*(?:[/\-–.][\p{L}\d]+)*)?/gu;
const HAS_LETTER = /\p{L}/u;
/** "1.640.000" or "1.640,5": dots are thousands separators and say nothing of value. */
const VI_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const MAX_ALIGN = 250_000;

interface Token {
  kind: 'number' | 'code';
  raw: string;
  /** What is compared: formatting that does not change the value is ignored. */
  key: string;
  start: number;
  end: number;
}

function tokenize(s: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const raw = m[0];
    const kind = HAS_LETTER.test(raw) ? 'code' : 'number';
    const clean = normalizeString(raw).replace(/–/g, '-');
    const key = kind === 'number' && VI_GROUPED.test(clean) ? clean.replace(/\./g, '') : clean;
    out.push({ kind, raw, key: `${kind}:${key}`, start: offset + m.index, end: offset + m.index + raw.length });
  }
  return out;
}

const NOT_SPACE = /\S/;

/**
 * Widens [start, end) of `text` to whole tokens: an approximate match (or a selection)
 * may cut "1.650" to "1.65", which would report a change that is not there.
 * Looks at most 32 units each way, and only through non-space characters.
 */
function widen(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  if (s < e && NOT_SPACE.test(text.charAt(s))) {
    while (s > 0 && start - s < 32 && NOT_SPACE.test(text.charAt(s - 1))) s--;
  }
  if (s < e && NOT_SPACE.test(text.charAt(e - 1))) {
    while (e < text.length && e - end < 32 && NOT_SPACE.test(text.charAt(e))) e++;
  }
  return [s, e];
}

/** Longest-common-subsequence alignment: pairs [i, j] of equal tokens, in order. */
function align(a: Token[], b: Token[]): Array<[number, number]> {
  if (a.length * b.length > MAX_ALIGN) {
    // Too many figures to align exactly: compare them in order.
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i]!.key === b[i]!.key) pairs.push([i, i]);
    return pairs;
  }
  const w = b.length + 1;
  const len = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i * w + j] =
        a[i]!.key === b[j]!.key ? len[(i + 1) * w + j + 1]! + 1 : Math.max(len[(i + 1) * w + j]!, len[i * w + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.key === b[j]!.key) pairs.push([i++, j++]);
    else if (len[(i + 1) * w + j]! >= len[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Reports the unaligned tokens between two aligned ones: same-kind ones pair up in order. */
function gapChanges(before: Token[], after: Token[], out: FigureChange[]): void {
  const pending = [...after];
  for (const b of before) {
    const k = pending.findIndex((a) => a.kind === b.kind);
    if (k < 0) {
      out.push({ kind: b.kind, before: b.raw, after: null });
      continue;
    }
    for (const added of pending.splice(0, k)) out.push(addedChange(added));
    const a = pending.shift()!;
    out.push({ kind: b.kind, before: b.raw, after: a.raw, start: a.start, end: a.end });
  }
  for (const added of pending) out.push(addedChange(added));
}

function addedChange(a: Token): FigureChange {
  return { kind: a.kind, before: null, after: a.raw, start: a.start, end: a.end };
}

/**
 * Changed figures and codes between the stored clipping (`exact` with its `prefix` and
 * `suffix`, used only to complete a number the selection cut) and `text[start, end)`.
 */
export function figureChanges(
  quote: { exact: string; prefix: string; suffix: string },
  text: string,
  start: number,
  end: number,
): FigureChange[] {
  const stored = quote.prefix + quote.exact + quote.suffix;
  const [qs, qe] = widen(stored, quote.prefix.length, quote.prefix.length + quote.exact.length);
  const [ts, te] = widen(text, start, end);
  const before = tokenize(stored.slice(qs, qe), 0);
  const after = tokenize(text.slice(ts, te), ts);
  const changes: FigureChange[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...align(before, after), [before.length, after.length] as [number, number]]) {
    gapChanges(before.slice(i, ai), after.slice(j, bj), changes);
    i = ai + 1;
    j = bj + 1;
  }
  return changes;
}
