/**
 * The character classes the recognizer's word walks read from a table with literal bits
 * (lib/recognize/text.ts): every class is checked over every code unit, on both sides of
 * the table's limit, against what it is meant to be. A bit written wrong in one of the
 * fast paths shows here as a class that holds of the wrong characters.
 */
import { describe, expect, it } from 'vitest';
import {
  isHSpace,
  isLetter,
  isLineBreak,
  isRegexHSpace,
  isRegexSpace,
  isSpace,
  isUpper,
  isUpperCase,
  letterCase,
} from '../../lib/recognize/text';

const ALL = Array.from({ length: 0x3100 }, (_, c) => c);
const disagreeing = (test: (c: number) => boolean) => ALL.filter((c) => !test(c)).map((c) => c.toString(16));

describe('character classes', () => {
  it('reads white space as a regular expression does', () => {
    expect(disagreeing((c) => isRegexSpace(c) === /\s/.test(String.fromCharCode(c)))).toEqual([]);
    expect(disagreeing((c) => isRegexHSpace(c) === /[^\S\r\n]/.test(String.fromCharCode(c)))).toEqual([]);
  });

  it('parts horizontal space from line breaks, and a space is one or the other', () => {
    expect(disagreeing((c) => !(isHSpace(c) && isLineBreak(c)))).toEqual([]);
    expect(disagreeing((c) => isSpace(c) === (isHSpace(c) || isLineBreak(c)))).toEqual([]);
    expect([0x20, 0xa0, 0x2009, 0x202f, 0x09].every(isHSpace)).toBe(true);
    expect([0x0a, 0x0d, 0x2028].every(isLineBreak)).toBe(true);
  });

  it('knows every Vietnamese letter, its case, and no digit, space or sign', () => {
    const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
    for (const ch of vietnamese) {
      const lower = ch.charCodeAt(0);
      const upper = ch.toUpperCase().charCodeAt(0);
      expect([isLetter(lower), isUpper(lower), isLetter(upper), isUpper(upper)], ch).toEqual([true, false, true, true]);
    }
    expect(disagreeing((c) => !isLetter(c) || !(isSpace(c) || (c >= 0x30 && c <= 0x39) || '.,;:/%-()'.includes(String.fromCharCode(c))))).toEqual([]);
  });

  it('gives letter and case at once as the two tests do one by one', () => {
    expect(disagreeing((c) => (letterCase(c) !== 0) === isLetter(c))).toEqual([]);
    expect(disagreeing((c) => !isLetter(c) || isUpperCase(letterCase(c)) === isUpper(c))).toEqual([]);
  });
});
