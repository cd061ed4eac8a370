import { describe as group, expect, it } from 'vitest';
import { anchor, describe, type AnchorResult, type Selectors } from '../../lib/anchor';
import { ARTICLE } from './fixtures';

/** Selectors for the first occurrence of `quote` in `text` (or the n-th). */
function clip(text: string, quote: string, nth = 0): Selectors {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return describe(text, start, start + quote.length);
}

/** The anchored text, or null for an orphan. */
function found(text: string, r: AnchorResult): string | null {
  return r.status === 'orphan' ? null : text.slice(r.start, r.end);
}

const SENTENCE = 'giá trị sản xuất nông, lâm, thủy sản đạt 1.640 tỷ đồng, tăng 0,43% so với cùng kỳ';

group('anchor: the quote is still there', () => {
  it('finds an unchanged quote in place', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const { start, end } = sel.position!;
    expect(anchor(ARTICLE, sel)).toEqual({ status: 'exact', start, end, score: 1 });
  });

  it('follows a quote moved by text inserted before it', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const added = 'Cập nhật lúc 08:00: bài viết đã được bổ sung.\n';
    const page = added + ARTICLE;
    const r = anchor(page, sel);
    expect(r).toMatchObject({ status: 'context', start: sel.position!.start + added.length });
    expect(found(page, r)).toBe(SENTENCE);
  });

  it('tells a repeated quote apart by its context', () => {
    const phrase = 'Công tác dân vận chính quyền được quan tâm';
    const second = clip(ARTICLE, phrase, 1);
    const first = clip(ARTICLE, phrase, 0);
    // Shift the page so the old positions no longer hold.
    const page = 'Tin mới. '.repeat(3) + ARTICLE;
    const shift = page.length - ARTICLE.length;
    expect(anchor(page, second)).toMatchObject({ status: 'context', start: second.position!.start + shift });
    expect(anchor(page, first)).toMatchObject({ status: 'context', start: first.position!.start + shift });
  });

  it('prefers the context over a nearer copy of the same words', () => {
    const phrase = 'Công tác dân vận chính quyền được quan tâm';
    const second = clip(ARTICLE, phrase, 1);
    // The first copy is now where the second one was.
    const page = ARTICLE.replace(phrase, `${'x'.repeat(44)}${phrase}`);
    const r = anchor(page, second);
    expect(r.status).toBe('context');
    expect(page.slice((r as { start: number }).start + phrase.length).startsWith(' hơn ở các xã')).toBe(true);
  });

  it('matches text re-extracted with other white space', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const page = ARTICLE.replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\u00a0\n ' : ' ')).replace(/\n/g, '\n\n');
    const r = anchor(page, sel);
    expect(r.status).toBe('context');
    expect(found(page, r)!.replace(/\s+/g, ' ')).toBe(SENTENCE);
  });

  it('matches an NFD page with a quote taken from NFC, with offsets into the NFD text', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const page = ARTICLE.normalize('NFD');
    const r = anchor(page, sel);
    expect(r.status).toBe('context');
    expect(found(page, r)).toBe(SENTENCE.normalize('NFD'));
  });

  it('matches an NFC page with a quote taken from NFD', () => {
    const nfd = ARTICLE.normalize('NFD');
    const sel = clip(nfd, SENTENCE.normalize('NFD'));
    const r = anchor(ARTICLE, sel);
    expect(found(ARTICLE, r)).toBe(SENTENCE);
  });

  it('finds quotes at the very start and the very end of the text', () => {
    const head = describe(ARTICLE, 0, 20);
    const tail = describe(ARTICLE, ARTICLE.length - 20, ARTICLE.length);
    expect(anchor(ARTICLE, head)).toMatchObject({ status: 'exact', start: 0, end: 20 });
    expect(anchor(ARTICLE, tail)).toMatchObject({ status: 'exact', end: ARTICLE.length });
    // Still found once the page gains a heading, or loses its last sentence's full stop.
    const page = `Tin tức\n${ARTICLE.slice(0, -1)}`;
    expect(found(page, anchor(page, head))).toBe(ARTICLE.slice(0, 20));
    expect(found(page, anchor(page, tail))).toBe(ARTICLE.slice(-20, -1));
  });

  it('finds a quote without a stored position (imported annotations)', () => {
    const { quote } = clip(ARTICLE, SENTENCE);
    const r = anchor(ARTICLE, { quote });
    expect(r).toMatchObject({ status: 'context' });
    expect(found(ARTICLE, r)).toBe(SENTENCE);
  });
});

group('anchor: the quote was edited', () => {
  it('re-anchors a changed figure as fuzzy and reports 1.640 → 1.650', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const page = ARTICLE.replace('1.640 tỷ đồng', '1.650 tỷ đồng');
    const r = anchor(page, sel);
    expect(r.status).toBe('fuzzy');
    if (r.status !== 'fuzzy') return;
    expect(page.slice(r.start, r.end)).toBe(SENTENCE.replace('1.640', '1.650'));
    expect(r.changes).toEqual([
      { kind: 'number', before: '1.640', after: '1.650', start: page.indexOf('1.650'), end: page.indexOf('1.650') + 5 },
    ]);
  });

  it('prefers the edited figure in place over the old words quoted elsewhere', () => {
    const quote = '1.640 tỷ đồng';
    const sel = clip(ARTICLE, quote);
    const page =
      ARTICLE.replace('1.640 tỷ đồng', '1.650 tỷ đồng') + '\nBáo cáo năm trước ghi 1.640 tỷ đồng cho toàn vùng.';
    const r = anchor(page, sel);
    expect(r).toMatchObject({ status: 'fuzzy', start: sel.position!.start });
    expect(r.status === 'fuzzy' && r.changes).toMatchObject([{ before: '1.640', after: '1.650' }]);
  });

  it('re-anchors a reworded quote as fuzzy, with no figure changes', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const page = ARTICLE.replace('so với cùng kỳ', 'so với năm trước');
    const r = anchor(page, sel);
    expect(r).toMatchObject({ status: 'fuzzy', start: sel.position!.start, changes: [] });
  });

  it('flags a changed document code', () => {
    const quote = 'Thực hiện Quyết định số 3307/QĐ-UBND ngày 31/12/2022 của UBND tỉnh';
    const sel = clip(ARTICLE, quote);
    const page = ARTICLE.replace('3307/QĐ-UBND', '3370/QĐ-UBND');
    const r = anchor(page, sel);
    expect(r.status === 'fuzzy' && r.changes).toEqual([
      { kind: 'code', before: '3307/QĐ-UBND', after: '3370/QĐ-UBND', start: page.indexOf('3370'), end: page.indexOf('3370') + 12 },
    ]);
  });

  it('follows a long paragraph that gained a sentence (more edits than the capped allowance)', () => {
    const para = ARTICLE.slice(ARTICLE.indexOf('Năm 2023'), ARTICLE.indexOf('Tỷ lệ hộ nghèo') - 1);
    const sel = clip(ARTICLE, para);
    const added = ' Đây là câu mới được thêm vào đoạn văn sau khi bài viết được cập nhật lần thứ hai.';
    const cut = ARTICLE.indexOf('chỉ tiêu Nghị quyết') + 19;
    const page = ARTICLE.slice(0, cut) + added + ARTICLE.slice(cut);
    const r = anchor(page, sel);
    expect(r).toMatchObject({ status: 'fuzzy', start: sel.position!.start, end: sel.position!.end + added.length });
  });
});

group('anchor: nothing to find', () => {
  it('reports a removed quote as an orphan', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const start = ARTICLE.indexOf('Năm 2023');
    const page = ARTICLE.slice(0, start) + ARTICLE.slice(ARTICLE.indexOf('\n', start) + 1);
    expect(anchor(page, sel).status).toBe('orphan');
  });

  it('reports an orphan on an unrelated page, or an empty one', () => {
    const sel = clip(ARTICLE, SENTENCE);
    expect(anchor('Trang không tìm thấy. Vui lòng quay lại trang chủ.', sel).status).toBe('orphan');
    expect(anchor('', sel).status).toBe('orphan');
  });

  it('reports an empty quote as an orphan: there is nothing to place', () => {
    expect(anchor(ARTICLE, describe(ARTICLE, 10, 10))).toEqual({ status: 'orphan' });
    expect(anchor(ARTICLE, { quote: { type: 'TextQuoteSelector', exact: '\u200b', prefix: '', suffix: '' } })).toEqual({
      status: 'orphan',
    });
  });

  it('turns down a look-alike sentence elsewhere, with its score; minScore decides', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const start = ARTICLE.indexOf('Năm 2023');
    const page =
      ARTICLE.slice(0, start) +
      ARTICLE.slice(ARTICLE.indexOf('\n', start) + 1) +
      '\nRiêng khu vực I, giá trị sản xuất nông, lâm, thủy sản đạt 640 tỷ đồng, tăng 0,3% so với cùng kỳ; khu vực II giảm.';
    const strict = anchor(page, sel);
    expect(strict.status).toBe('orphan');
    expect(strict.score).toBeGreaterThan(0.5);
    expect(anchor(page, sel, { minScore: 0.5 }).status).toBe('fuzzy');
  });

  it('places a sentence rewritten in the same spot as fuzzy, with its figures', () => {
    const sel = clip(ARTICLE, SENTENCE);
    const page = ARTICLE.replace(SENTENCE, 'giá trị sản xuất công nghiệp đạt 2.100 tỷ đồng, tăng 5% so với cùng kỳ');
    const r = anchor(page, sel);
    expect(r.status === 'fuzzy' && r.changes!.map((c) => [c.before, c.after])).toEqual([
      ['1.640', '2.100'],
      ['0,43', '5'],
    ]);
  });
});

group('anchor: long quotes', () => {
  it('anchors a 5 000-unit quote exactly, moved, and edited', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Câu số ${i} nói về kế hoạch ${i * 7}.`).join(' ');
    const start = text.indexOf('Câu số 100 ');
    const end = text.indexOf('Câu số 280 ');
    const sel = describe(text, start, end);
    expect(end - start).toBeGreaterThan(5000);
    expect(anchor(text, sel)).toMatchObject({ status: 'exact', start, end });
    const moved = `Mở đầu. ${text}`;
    expect(anchor(moved, sel)).toMatchObject({ status: 'context', start: start + 8, end: end + 8 });
    const edited = text.replace('kế hoạch 1400', 'kế hoạch 1401');
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'fuzzy', start, end });
    expect(r.status === 'fuzzy' && r.changes).toMatchObject([{ kind: 'number', before: '1400', after: '1401' }]);
  });

  it('matches a quote over 10 000 units exactly only (approximate search would cost seconds)', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Mục ${i}: chỉ tiêu ${i * 3}.`).join(' ');
    const start = text.indexOf('Mục 10:');
    const end = text.indexOf('Mục 1000:');
    const sel = describe(text, start, end);
    expect(end - start).toBeGreaterThan(10_000);
    expect(anchor(`Mở đầu. ${text}`, sel)).toMatchObject({ status: 'context', start: start + 8 });
    expect(anchor(text.replace('chỉ tiêu 1500', 'chỉ tiêu 1501'), sel).status).toBe('orphan');
  });
});

group('anchor: odd input', () => {
  it('does not search approximately for quotes under four units', () => {
    const sel = clip(ARTICLE, '2%');
    expect(anchor(ARTICLE.replace('1,2%', '1,3%'), sel).status).toBe('orphan');
  });

  it('ignores a stored position that is not a number or lies past the end', () => {
    const { quote } = clip(ARTICLE, SENTENCE);
    for (const start of [Number.NaN, -5, 1e9]) {
      const r = anchor(ARTICLE, { quote, position: { type: 'TextPositionSelector', start, end: start + 10 } });
      expect(found(ARTICLE, r)).toBe(SENTENCE);
    }
  });
});
