/**
 * The form texts are compared in: NFC, every run of white space as one " ", invisible
 * format characters (soft hyphen, zero-width space/joiners, word joiner) dropped. The
 * same article re-extracted from another DOM walk, pasted from Word (NFD) or reflowed
 * must still match the stored quote. Normalizing is for comparing only: every
 * normalized code unit remembers where it came from, and results are mapped back to
 * offsets into the string the caller gave.
 *
 * Cost: one linear pass; NFC work only when the text is not already NFC (checked once,
 * natively), and then once per distinct letter-and-marks cluster (cached).
 */

export interface MatchText {
  /** The normalized text. */
  text: string;
  /**
   * `toOriginal[i]` is the original offset of the character normalized unit `i` comes
   * from; `toOriginal[text.length]` is the original length. Null when nothing changed.
   */
  toOriginal: Int32Array | null;
  /** Length of the original string. */
  originalLength: number;
}

/** Anything that can make the normalized text differ from the original. */
const NEEDS_WORK = /[^\S ]| {2}|[\u00ad\u200b-\u200d\u2060]/;

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Invisible characters that come and go with the editor or the extraction. */
function isDropped(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

/** Combining marks that compose with the letter before them (Vietnamese tones live here). */
export function isMark(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

/**
 * Code units NFC leaves alone when no mark follows: Latin up to U+02FF and Latin
 * Extended Additional (every precomposed Vietnamese letter) hold no singleton
 * decompositions. Skipping them keeps an NFD page's pass off the cluster cache.
 */
function stableAlone(c: number): boolean {
  return c < 0x300 || (c >= 0x1e00 && c < 0x1f00);
}

// One entry: anchor() is called once per clipping on the same page text, so the
// page text is normalized once per page rather than once per clipping.
let lastInput: string | null = null;
let lastOutput: MatchText | null = null;

/** Normalizes a page's text for matching, with a map back (see MatchText). */
export function normalizeForMatch(original: string): MatchText {
  // Comparing with the last page is O(1) for the same string object, and at worst
  // O(n) — still cheaper than normalizing again.
  if (original === lastInput && lastOutput) return lastOutput;
  const result = normalize(original);
  lastInput = original;
  lastOutput = result;
  return result;
}

/** The normalized form alone, for the strings of a selector (not memoized: a long
 * quote must not evict the page). */
export function normalizeString(s: string): string {
  return normalize(s).text;
}

function normalize(original: string): MatchText {
  const isNfc = original.normalize('NFC') === original;
  return isNfc && !NEEDS_WORK.test(original)
    ? { text: original, toOriginal: null, originalLength: original.length }
    : rewrite(original, isNfc);
}

// Vietnamese has a few hundred letter-and-marks clusters: compose each once.
const nfcCache = new Map<string, string>();

function composeCluster(cluster: string): string {
  let out = nfcCache.get(cluster);
  if (out === undefined) {
    out = cluster.normalize('NFC');
    if (nfcCache.size < 4096) nfcCache.set(cluster, out);
  }
  return out;
}

function rewrite(s: string, isNfc: boolean): MatchText {
  const n = s.length;
  // NFC may grow a cluster (rare singletons); the buffers grow with it.
  let map = new Int32Array(n + 1);
  const parts: string[] = [];
  let out = 0;
  let copyFrom = 0; // start of the pending run copied as is
  const flush = (to: number): void => {
    if (to > copyFrom) parts.push(s.slice(copyFrom, to));
  };
  const ensure = (extra: number): void => {
    if (out + extra + 1 <= map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, out + extra + 1));
    bigger.set(map);
    map = bigger;
  };
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || isDropped(c)) {
      let j = i;
      let spaces = 0;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (isSpace(d)) spaces++;
        else if (!isDropped(d)) break;
        j++;
      }
      // A lone plain space is already normal: keep it in the copied run.
      if (j === i + 1 && c === 0x20) {
        ensure(1);
        map[out++] = i;
        i = j;
        continue;
      }
      flush(i);
      if (spaces > 0) {
        parts.push(' ');
        ensure(1);
        map[out++] = i;
      }
      copyFrom = i = j;
      continue;
    }
    // A cluster: one code point and the combining marks after it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isMark(s.charCodeAt(j))) j++;
    if (isNfc || (j === i + 1 && stableAlone(c))) {
      ensure(j - i);
      for (let k = i; k < j; k++) map[out++] = i;
      i = j;
      continue;
    }
    const cluster = s.slice(i, j);
    const composed = composeCluster(cluster);
    ensure(composed.length);
    for (let k = 0; k < composed.length; k++) map[out++] = i;
    if (composed !== cluster) {
      flush(i);
      parts.push(composed);
      copyFrom = j;
    }
    i = j;
  }
  flush(n);
  map[out] = n;
  return { text: parts.join(''), toOriginal: map.subarray(0, out + 1), originalLength: n };
}

/** Original offset of normalized offset `i` (a start, or an empty span). */
export function toOriginalStart(m: MatchText, i: number): number {
  return m.toOriginal ? m.toOriginal[i]! : i;
}

/**
 * Original end of a normalized span ending at `j` (exclusive, after `start`): just past
 * the original characters unit `j - 1` came from, so a collapsed white-space run or a
 * composed letter is never cut in half.
 */
export function toOriginalEnd(m: MatchText, start: number, j: number): number {
  const map = m.toOriginal;
  if (!map) return j;
  if (j <= start) return map[j]!;
  const from = map[j - 1]!;
  let k = j;
  const last = m.text.length;
  while (k < last && map[k] === from) k++;
  return map[k]!;
}

/**
 * Normalized offset of original offset `raw` (the first normalized unit coming from at
 * or after it): turns a stored position into a hint in the normalized text.
 * Cost: O(log n).
 */
export function toNormalizedOffset(m: MatchText, raw: number): number {
  const map = m.toOriginal;
  const len = m.text.length;
  if (!map) return Math.max(0, Math.min(raw, len));
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
