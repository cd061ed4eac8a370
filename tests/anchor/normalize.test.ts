import { describe, expect, it } from 'vitest';
import {
  normalizeForMatch,
  toNormalizedOffset,
  toOriginalEnd,
  toOriginalStart,
} from '../../lib/anchor/normalize';

describe('normalizeForMatch', () => {
  it('leaves NFC text with single spaces alone, at no cost', () => {
    const m = normalizeForMatch('Quyết định số 3307/QĐ-UBND');
    expect(m.text).toBe('Quyết định số 3307/QĐ-UBND');
    expect(m.toOriginal).toBeNull();
  });

  it('collapses white-space runs (newlines, tabs, no-break spaces) and drops invisible characters', () => {
    const src = 'tăng\n\n  0,43%\u00a0so\u200b với\tcùng\u00adkỳ';
    const m = normalizeForMatch(src);
    expect(m.text).toBe('tăng 0,43% so với cùngkỳ');
    // Each normalized unit points back at where it came from.
    const i = m.text.indexOf('0,43%');
    expect(src.slice(toOriginalStart(m, i), toOriginalEnd(m, i, i + 5))).toBe('0,43%');
  });

  it('composes NFD letters and maps spans back over whole clusters', () => {
    const nfc = 'Nghị quyết của Đại hội';
    const nfd = nfc.normalize('NFD');
    const m = normalizeForMatch(nfd);
    expect(m.text).toBe(nfc);
    const i = nfc.indexOf('quyết');
    const start = toOriginalStart(m, i);
    const end = toOriginalEnd(m, i, i + 'quyết'.length);
    expect(nfd.slice(start, end)).toBe('quyết'.normalize('NFD'));
  });

  it('maps an original offset to the normalized one', () => {
    const src = 'a   b';
    const m = normalizeForMatch(src);
    expect(m.text).toBe('a b');
    expect(toNormalizedOffset(m, 0)).toBe(0);
    expect(toNormalizedOffset(m, 4)).toBe(2);
    expect(toNormalizedOffset(m, 5)).toBe(3);
  });
});
