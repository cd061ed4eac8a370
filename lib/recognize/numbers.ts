/**
 * Vietnamese-formatted numbers: "." or a space (thin, no-break) between thousands,
 * "," before decimals ("1.640", "12 981", "44,5", "3.500.000.000"). A single "."
 * group that is not three digits long is a decimal point ("2.5 triệu").
 * Hand-written scanning: one pass, no backtracking, whatever the input.
 */
import { isDigit, isHSpace } from './text';

export interface ParsedNumber {
  start: number;
  end: number;
  value: number;
  /** How many digits stand before any separator: 2 for "04/63", 4 for "2021". */
  intLen: number;
  /** The first digit is 0 ("04", "0271…"). */
  leadingZero: boolean;
  /** True when written with thousands separators or a decimal part. */
  formatted: boolean;
  hasDecimal: boolean;
  /** All digits as one integer and how many of them are decimals: exact scaling. */
  mantissa: number;
  decimals: number;
}

function digitsEnd(text: string, pos: number): number {
  while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

export function newParsedNumber(): ParsedNumber {
  return { start: 0, end: 0, value: 0, intLen: 0, leadingZero: false, formatted: false, hasDecimal: false, mantissa: 0, decimals: 0 };
}

/**
 * Parses the number that starts at `pos` (a digit) into `into` (reused by the caller:
 * this runs once per number of the page). Never fails: at worst it is the digit run.
 */
export function parseNumber(text: string, pos: number, into: ParsedNumber = newParsedNumber()): ParsedNumber {
  // Digits are read once, arithmetically (exact below 2^53); strings only for long runs.
  let end = pos;
  let mantissa = 0;
  for (;;) {
    const d = text.charCodeAt(end) - 0x30;
    if (!(d >= 0 && d <= 9)) break;
    mantissa = mantissa * 10 + d;
    end++;
  }
  const intLen = end - pos;
  if (intLen > 15) mantissa = Number(text.slice(pos, end));
  let decimals = 0;
  let formatted = false;

  // Thousands groups: "1.640", "3.500.000.000", "12 981" — only after a 1–3 digit head.
  if (intLen <= 3) {
    let groups = 0;
    let sepKind = -1; // 0 dot, 1 space: a number keeps one kind of separator
    for (;;) {
      const c = text.charCodeAt(end);
      const kind = c === 0x2e ? 0 : isHSpace(c) ? 1 : -1;
      if (kind < 0 || (sepKind >= 0 && kind !== sepKind)) break;
      // Exactly three digits, and no fourth.
      const d1 = text.charCodeAt(end + 1) - 0x30;
      if (!(d1 >= 0 && d1 <= 9)) break;
      const d2 = text.charCodeAt(end + 2) - 0x30;
      if (!(d2 >= 0 && d2 <= 9)) break;
      const d3 = text.charCodeAt(end + 3) - 0x30;
      if (!(d3 >= 0 && d3 <= 9) || isDigit(text.charCodeAt(end + 4))) break;
      mantissa = mantissa * 1000 + d1 * 100 + d2 * 10 + d3;
      end += 4;
      sepKind = kind;
      groups++;
    }
    if (groups > 0) formatted = true;
    // "2.5" / "1.25": a single dot group that is not three digits long is a decimal point.
    if (groups === 0 && text.charCodeAt(end) === 0x2e) {
      const gEnd = digitsEnd(text, end + 1);
      const len = gEnd - (end + 1);
      if (len > 0 && len !== 3 && len <= 12 && !(text.charCodeAt(gEnd) === 0x2e && isDigit(text.charCodeAt(gEnd + 1)))) {
        mantissa = mantissa * 10 ** len + digitValue(text, end + 1, gEnd);
        decimals = len;
        end = gEnd;
        formatted = true;
      }
    }
  }
  // Decimal comma: "0,43", "1.234,5".
  if (decimals === 0 && text.charCodeAt(end) === 0x2c && isDigit(text.charCodeAt(end + 1))) {
    const dEnd = digitsEnd(text, end + 1);
    const len = dEnd - (end + 1);
    if (len <= 12) {
      mantissa = mantissa * 10 ** len + digitValue(text, end + 1, dEnd);
      decimals = len;
    }
    end = dEnd;
    formatted = true;
  }
  const value = decimals === 0 ? mantissa : mantissa / 10 ** decimals;
  into.start = pos;
  into.end = end;
  into.value = value;
  into.intLen = intLen;
  into.leadingZero = text.charCodeAt(pos) === 0x30;
  into.formatted = formatted;
  into.hasDecimal = decimals > 0;
  into.mantissa = mantissa;
  into.decimals = decimals;
  return into;
}

function digitValue(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + (text.charCodeAt(i) - 0x30);
  return v;
}

/**
 * True when the number is immediately followed by more digits joined by a separator
 * we did not take (phone numbers "0271.3879.123", English "1,381,956", times "21:58",
 * versions "1.2.3"): such a run is no figure.
 */
export function runsOn(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return (c === 0x2e || c === 0x2c || c === 0x3a) && isDigit(text.charCodeAt(end + 1));
}

/** End of the whole run of digits and in-number separators from `pos`, to skip it at once. */
export function skipNumericRun(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    i = digitsEnd(text, i);
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x2d) && isDigit(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    return i;
  }
}

/** The power of ten of a scale word's multiplier, without a logarithm for the usual ones. */
function scaleExponent(scale: number): number {
  if (scale === 1e3) return 3;
  if (scale === 1e6) return 6;
  if (scale === 1e9) return 9;
  if (scale === 1e12) return 12;
  return Math.round(Math.log10(scale));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number times a scale word's power of ten, without binary noise: "2,5 triệu" is
 * 25 × 10^5 = 2 500 000 exactly, not 2.5 × 1e6 = 2 499 999.9999….
 */
export function scaleNumber(n: ParsedNumber, scale: number): number {
  if (scale === 1) return n.value;
  const exp = scaleExponent(scale);
  const shift = exp - n.decimals;
  if (shift >= 0 && shift < POW10.length) return n.mantissa * POW10[shift]!;
  if (shift < 0 && -shift < POW10.length) return n.mantissa / POW10[-shift]!;
  return n.value * scale;
}
