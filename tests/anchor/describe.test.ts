import { describe as group, expect, it } from 'vitest';
import { describe } from '../../lib/anchor';
import { ARTICLE } from './fixtures';

group('describe', () => {
  it('gives a W3C TextQuote with 32 units of context and a TextPosition', () => {
    const start = ARTICLE.indexOf('1.640 tỷ đồng');
    const end = start + '1.640 tỷ đồng'.length;
    const sel = describe(ARTICLE, start, end);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '1.640 tỷ đồng',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('keeps context short at the very start and end of the text', () => {
    const head = describe(ARTICLE, 0, 8);
    expect(head.quote.prefix).toBe('');
    expect(head.quote.exact).toBe('HỚN QUẢN');
    const tail = describe(ARTICLE, ARTICLE.length - 10, ARTICLE.length);
    expect(tail.quote.suffix).toBe('');
    expect(tail.quote.prefix).toHaveLength(32);
  });

  it('extends the context while the quote with its context still repeats', () => {
    // "Công tác dân vận chính quyền được quan tâm" occurs twice, 43 units apart.
    const phrase = 'Công tác dân vận chính quyền được quan tâm';
    const start = ARTICLE.indexOf(phrase);
    const sel = describe(ARTICLE, start, start + phrase.length);
    const context = sel.quote.prefix + sel.quote.exact + sel.quote.suffix;
    expect(ARTICLE.indexOf(context)).toBe(ARTICLE.lastIndexOf(context));
    // A quote that occurs once keeps the default length.
    const once = ARTICLE.indexOf('843/843');
    expect(describe(ARTICLE, once, once + 7).quote.suffix).toHaveLength(32);
  });

  it('stops extending at maxContext when the text is periodic', () => {
    const text = 'ab'.repeat(500);
    const sel = describe(text, 500, 504, { maxContext: 100 });
    expect(sel.quote.prefix).toHaveLength(100);
    expect(sel.quote.suffix).toHaveLength(100);
  });

  it('does not cut a surrogate pair or a letter from its combining marks', () => {
    // 32 units before the quote falls on the emoji's second half.
    const text = `xxxxx😀${'y'.repeat(31)}quote here${'z'.repeat(40)}`;
    const start = text.indexOf('quote');
    const sel = describe(text, start, start + 10);
    expect(sel.quote.prefix).toBe(`😀${'y'.repeat(31)}`);
    const marks = `${'x'.repeat(40)}quote e\u0302\u0301`;
    const sel2 = describe(marks, 40, 45, { context: 2 });
    expect(sel2.quote.suffix).toBe(' e\u0302\u0301');
  });

  it('accepts an empty span and rejects offsets outside the text', () => {
    expect(describe('abc', 1, 1).quote.exact).toBe('');
    expect(() => describe('abc', 2, 1)).toThrow(RangeError);
    expect(() => describe('abc', -1, 1)).toThrow(RangeError);
    expect(() => describe('abc', 0, 4)).toThrow(RangeError);
    expect(() => describe('abc', 0.5, 2)).toThrow(RangeError);
  });
});
