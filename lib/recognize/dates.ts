/**
 * Dates as Vietnamese prose writes them: "28/12/2020", "30.3.2022", "30-3-2022",
 * "11 tháng 11 năm 2021", and the partial forms that are never figures ("27/7",
 * "12/2021"). Sticky regexes: each attempt reads only the characters of its match.
 */
import { nextWordInitial } from './text';

export interface ParsedDate {
  start: number;
  end: number;
  /** ISO YYYY-MM-DD, or null for a partial date (day/month or month/year). */
  iso: string | null;
}

const H = '[^\\S\\r\\n]{0,2}';
const FULL_NUMERIC = new RegExp(`(\\d{1,2})${H}([/.\\-])${H}(\\d{1,2})${H}\\2${H}(\\d{4})(?!\\d)`, 'y');
const FULL_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/iy;
const DAY_MONTH = /(\d{1,2})\/(\d{1,2})(?![\d/])/y;
const MONTH_YEAR = /(\d{1,2})[/\-.](\d{4})(?!\d)/y;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 2999) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > dim) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A full date (day, month and year) starting at `pos`, or null. */
export function parseFullDate(text: string, pos: number): ParsedDate | null {
  FULL_NUMERIC.lastIndex = pos;
  let m = FULL_NUMERIC.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (iso) return { start: pos, end: pos + m[0].length, iso };
  }
  FULL_WORDS.lastIndex = pos;
  m = FULL_WORDS.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return { start: pos, end: pos + m[0].length, iso };
  }
  return null;
}

/**
 * A partial date at `pos`: "27/7" (a valid day and month) or "12/2021" (month and year).
 * The caller decides from context whether a "d/m" is a date or a ratio.
 */
export function parsePartialDate(text: string, pos: number): ParsedDate | null {
  MONTH_YEAR.lastIndex = pos;
  let m = MONTH_YEAR.exec(text);
  if (m) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) {
      return { start: pos, end: pos + m[0].length, iso: null };
    }
  }
  DAY_MONTH.lastIndex = pos;
  m = DAY_MONTH.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      return { start: pos, end: pos + m[0].length, iso: null };
    }
  }
  return null;
}

const SIGNING_DATE = /[^\S\r\n]*(?:,[^\S\r\n]*)?(?:\(\s*)?(?:(?:được\s+)?(?:ban\s+hành|ký)\s+|cùng\s+)?ngày\s*:?\s*/iuy;

/**
 * The signing date attached to a citation that ends at `pos`: ", ngày 01/7/2021",
 * " ngày 11 tháng 11 năm 2021", " ban hành ngày 30.3.2022". Returns null when the
 * next words are not a date.
 */
export function parseSigningDate(text: string, pos: number): ParsedDate | null {
  const initial = nextWordInitial(text, pos);
  // "ngày …", "ban hành ngày …", "ký ngày …", "được ban hành ngày …", "cùng ngày …"
  if (initial !== 0x6e && initial !== 0x62 && initial !== 0x6b && initial !== 0x111 && initial !== 0x63) return null;
  SIGNING_DATE.lastIndex = pos;
  const m = SIGNING_DATE.exec(text);
  if (!m) return null;
  const d = parseFullDate(text, pos + m[0].length);
  if (!d) return null;
  let end = d.end;
  // Close a parenthesis opened before "ngày".
  if (m[0].includes('(')) {
    let j = end;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === ')') end = j + 1;
  }
  return { start: pos, end, iso: d.iso };
}
