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
  /** Digits before any separator: "04" for "04/63", "2021" for "2021". */
  intDigits: string;
  /** True when written with thousands separators or a decimal part. */
  formatted: boolean;
  hasDecimal: boolean;
}

function digitsEnd(text: string, pos: number): number {
  while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Parses the number that starts at `pos` (a digit). Never fails: at worst it is the digit run. */
export function parseNumber(text: string, pos: number): ParsedNumber {
  const firstEnd = digitsEnd(text, pos);
  const intDigits = text.slice(pos, firstEnd);
  let end = firstEnd;
  let integer = intDigits;
  let formatted = false;
  let decimal = '';

  // Thousands groups: "1.640", "3.500.000.000", "12 981" — only after a 1–3 digit head.
  if (intDigits.length <= 3) {
    let groups = 0;
    let sepKind = -1; // 0 dot, 1 space: a number keeps one kind of separator
    for (;;) {
      const c = text.charCodeAt(end);
      const kind = c === 0x2e ? 0 : isHSpace(c) ? 1 : -1;
      if (kind < 0 || (sepKind >= 0 && kind !== sepKind)) break;
      const gEnd = digitsEnd(text, end + 1);
      if (gEnd - (end + 1) !== 3) break;
      integer += text.slice(end + 1, gEnd);
      end = gEnd;
      sepKind = kind;
      groups++;
    }
    if (groups > 0) formatted = true;
    // "2.5" / "1.25": a single dot group that is not three digits long is a decimal point.
    if (groups === 0 && text.charCodeAt(end) === 0x2e) {
      const gEnd = digitsEnd(text, end + 1);
      const len = gEnd - (end + 1);
      if (len > 0 && len !== 3 && !(text.charCodeAt(gEnd) === 0x2e && isDigit(text.charCodeAt(gEnd + 1)))) {
        decimal = text.slice(end + 1, gEnd);
        end = gEnd;
        formatted = true;
      }
    }
  }
  // Decimal comma: "0,43", "1.234,5".
  if (!decimal && text.charCodeAt(end) === 0x2c && isDigit(text.charCodeAt(end + 1))) {
    const dEnd = digitsEnd(text, end + 1);
    decimal = text.slice(end + 1, dEnd);
    end = dEnd;
    formatted = true;
  }
  const value = Number(decimal ? `${integer}.${decimal}` : integer);
  return { start: pos, end, value, intDigits, formatted, hasDecimal: decimal !== '' };
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
