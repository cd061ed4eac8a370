import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, indexTokens, matchesTerms, MAX_TOKEN_LENGTH, MAX_TOKENS, queryTerms } from '../../lib/search/index.ts';

/** Whether a search for `query` finds a record whose text is `text`. */
function finds(text: string, query: string): boolean {
  const terms = queryTerms(query);
  return terms.length > 0 && matchesTerms(indexTokens(text), terms);
}

describe('fold', () => {
  it('drops case and diacritics and reads đ as d', () => {
    expect(fold('Quyết Định ĐẦU TƯ Đường')).toBe('quyet dinh dau tu duong');
  });

  it('gives NFC and NFD the same key', () => {
    const nfc = 'Nghị quyết số 01/2024/NQ-HĐND'.normalize('NFC');
    expect(fold(nfc.normalize('NFD'))).toBe(fold(nfc));
  });

  it('unfolds compatibility forms and every dash', () => {
    expect(fold('１６４０ km² QĐ–UBND QĐ—UBND')).toBe('1640 km2 qd-ubnd qd-ubnd');
  });
});

describe('search matching', () => {
  const DOC = 'UBND tỉnh ban hành Quyết định số 3307/QĐ-UBND ngày 12/3/2024 về tổng vốn 1.640 tỷ đồng.';

  it.each([
    ['quyet dinh 3307', true],
    ['Quyết định 3307', true],
    ['QUYET DINH', true],
    ['quyết', true],
    ['3307', true],
    ['qd-ubnd', true],
    ['3307/qđ-ubnd', true],
    ['3307/QD-UBND', true],
    ['ubnd', true],
    ['qđ–ubnd', true], // en dash typed
    ['1640 tỷ', true],
    ['1.640 ty dong', true],
    ['1 640 tỷ', true],
    ['12/3/2024', true],
    ['quyet dinh 3308', false],
    ['1650 ty', false],
    ['3307/qd-ttg', false],
    ['ngan sach', false],
  ])('"%s" → %s', (query, expected) => {
    expect(finds(DOC, query)).toBe(expected);
  });

  it('finds numbers a space parts either way: one number, or two', () => {
    const text = 'Trong tháng 12 100 người được hỗ trợ, tổng cộng 12 981 hộ.';
    for (const query of ['12100', '100 nguoi', 'thang 12', '12981 ho', '981 ho', '12 981']) expect(finds(text, query), query).toBe(true);
    expect(finds('Giá trị 1.640 tỷ đồng', '640 ty')).toBe(false); // a dot only groups thousands
  });

  it('matches each word as a prefix', () => {
    expect(finds(DOC, 'quy 33 ub')).toBe(true);
    expect(finds(DOC, 'uyet')).toBe(false); // not inside a word
  });

  it('finds a decomposed (NFD) text with a composed query and the reverse', () => {
    expect(finds(DOC.normalize('NFD'), 'Quyết định 3307')).toBe(true);
    expect(finds(DOC, 'Quyết định 3307'.normalize('NFD'))).toBe(true);
  });

  it.each([
    ['1.640 tỷ đồng', '1640 tỷ'],
    ['1 640 tỷ đồng', '1640 ty'],
    ['1\u00a0640 tỷ đồng', '1640'],
    ['1\u202f640 tỷ đồng', '1.640'],
    ['1640 tỷ đồng', '1.640 tỷ'],
    ['1.640.000 người', '1640000'],
    ['1.640,5 ha', '1640,5'],
    ['1.640,5 ha', '1640.5 ha'],
    ['tăng 2,5%', '2,5'],
    ['tăng 2,5%', '2.5'],
    ['năm 2024', '2024'],
  ])('numbers: "%s" is found by "%s"', (text, query) => {
    expect(finds(text, query)).toBe(true);
  });

  it('keeps decimals and years apart from grouped numbers', () => {
    expect(finds('tăng 12,5%', '125')).toBe(false);
    expect(finds('năm 2024', '2,024')).toBe(false); // a decimal, not a grouped 2024
    expect(finds('năm 2024', '2.024')).toBe(true); // the Vietnamese way of writing 2024
    expect(indexTokens('1640.5')).toEqual(['1640.5']);
  });

  it('needs every word (AND)', () => {
    expect(finds(DOC, 'quyet dinh ngan sach')).toBe(false);
  });

  it('has no terms for a query of punctuation or spaces', () => {
    expect(queryTerms('  , ; — ')).toEqual([]);
  });

  it('drops a query word implied by a longer one', () => {
    expect(queryTerms('d dinh quyet')).toEqual(['dinh', 'quyet']);
  });

  it('indexes each compound and its tails once', () => {
    expect(indexTokens('3307/QĐ-UBND và 3307/QĐ-UBND')).toEqual(['3307/qd-ubnd', 'qd-ubnd', 'ubnd', 'va']);
  });
});

describe('hostile and huge input', () => {
  it('cuts long tokens and caps their number', () => {
    const long = 'a'.repeat(10_000);
    expect(indexTokens(long)).toEqual(['a'.repeat(MAX_TOKEN_LENGTH)]);
    const many = Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ');
    expect(indexTokens(many).length).toBe(MAX_TOKENS);
  });

  it('stays linear on a megabyte of joiners', () => {
    const nasty = '1/'.repeat(500_000);
    const t0 = performance.now();
    indexTokens(nasty);
    expect(performance.now() - t0).toBeLessThan(5_000); // catastrophic backtracking would take minutes
  });

  it('treats markup and bidi controls as plain text', () => {
    expect(indexTokens('<script>alert(1)</script>\u202Eabc')).toEqual(['script', 'alert', '1', 'abc']);
  });
});

describe('properties', () => {
  const syllables = ['quyết', 'định', 'đầu', 'tư', 'ngân', 'sách', 'Hà', 'Nội', 'UBND', 'QĐ', 'tỷ', 'đồng', 'giải', 'ngân'];
  const word = fc.oneof(fc.constantFrom(...syllables), fc.integer({ min: 0, max: 99_999 }).map(String), fc.string({ maxLength: 6 }));
  const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));

  it('NFC and NFD texts index the same tokens', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(indexTokens(t.normalize('NFD'))).toEqual(indexTokens(t.normalize('NFC')));
      }),
    );
  });

  it('any word of a text, typed without diacritics, finds it', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, pick) => {
        const words = t.split(' ').filter((w) => queryTerms(w).length > 0);
        fc.pre(words.length > 0);
        const w = words[pick % words.length]!;
        expect(finds(t, fold(w))).toBe(true);
      }),
    );
  });
});
