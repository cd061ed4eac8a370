import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFullDate, parseSigningDate } from '../../lib/recognize/dates';
import { isRegexHSpace, isRegexSpace, nextWordInitial } from '../../lib/recognize/text';

// The recognizer reads full dates and the "ngày" before a signing date by code unit,
// where it used to run these sticky regexes at every number. The scans must read
// exactly what the regexes read: here the regexes are the reference.
const H = '[^\\S\\r\\n]{0,2}';
const FULL_NUMERIC = new RegExp(`(\\d{1,2})${H}([/.\\-])${H}(\\d{1,2})${H}\\2${H}(\\d{4})(?!\\d)`, 'y');
const FULL_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/iy;
const SIGNING_DATE = /[^\S\r\n]*(?:,[^\S\r\n]*)?(?:\(\s*)?(?:(?:được\s+)?(?:ban\s+hành|ký)\s+|cùng\s+)?ngày\s*:?\s*/iuy;

function isoOf(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 2999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function referenceFullDate(text: string, pos: number): { end: number; iso: string } | null {
  for (const [re, d, m, y] of [[FULL_NUMERIC, 1, 3, 4], [FULL_WORDS, 1, 2, 3]] as const) {
    re.lastIndex = pos;
    const match = re.exec(text);
    const iso = match && isoOf(Number(match[d]), Number(match[m]), Number(match[y]));
    if (match && iso) return { end: pos + match[0].length, iso };
  }
  return null;
}

const SPACES = [' ', '  ', '   ', '\u00a0', '\t', '\n', '\r', '\u2028', '\u200b', '\u2009', '\u3000', ''];
const DAYS = ['1', '5', '07', '12', '28', '29', '30', '31', '32', '0', '123'];
const MONTHS = ['1', '2', '02', '6', '12', '13', '0', '123'];
const YEARS = ['2020', '2024', '1900', '2100', '0999', '3000', '20201', '202'];
const pick = (xs: readonly string[]) => fc.constantFrom(...xs);
const numericDate = fc
  .tuple(pick(DAYS), pick(SPACES), pick(['/', '.', '-', '–']), pick(SPACES), pick(MONTHS), pick(SPACES), pick(['/', '.', '-']), pick(SPACES), pick(YEARS), pick(['', '1', ' ', '/']))
  .map((parts) => parts.join(''));
const wordDate = fc
  .tuple(pick(DAYS), pick(SPACES), pick(['tháng', 'Tháng', 'THÁNG', 'thang', 'th']), pick(SPACES), pick(MONTHS), pick(SPACES), pick(['', ',', ' , ']), pick(['năm', 'NĂM', 'Năm', 'nam']), pick(SPACES), pick(YEARS))
  .map((parts) => parts.join(''));

describe('code-unit scanners read what the regexes they replace read', () => {
  it('full dates, numeric and in words', () => {
    fc.assert(
      fc.property(fc.oneof(numericDate, wordDate), (text) => {
        const found = parseFullDate(text, 0);
        expect(found && { end: found.end, iso: found.iso }).toEqual(referenceFullDate(text, 0));
      }),
      { numRuns: 5000 },
    );
  });

  it('the words before a signing date', () => {
    const intro = fc
      .array(pick([' ', '  ', '\u00a0', '\n', ',', '(', ':', 'ngày', 'Ngày', 'NGÀY', 'ngay', 'năm', 'ban hành', 'ký', 'được', 'cùng']), { maxLength: 5 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(intro, pick(['28/12/2020', '1.3.2021', '11 tháng 11 năm 2021', 'x']), pick(['', ')', ' )']), (before, date, after) => {
        const text = before + date + after;
        const found = parseSigningDate(text, 0);
        // As before the scan replaced the regex: the same first-letter test, then the regex.
        const initial = nextWordInitial(text, 0);
        SIGNING_DATE.lastIndex = 0;
        const match = [0x6e, 0x62, 0x6b, 0x111, 0x63].includes(initial) ? SIGNING_DATE.exec(text) : null;
        const date0 = match ? referenceFullDate(text, match[0].length) : null;
        expect(found !== null).toBe(date0 !== null);
        if (found && date0) expect(found.iso).toBe(date0.iso);
      }),
      { numRuns: 3000 },
    );
  });

  it('white space as a regex reads it', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isRegexSpace(c) !== /\s/.test(ch) || isRegexHSpace(c) !== /[^\S\r\n]/.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
