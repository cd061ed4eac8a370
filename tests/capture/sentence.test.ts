import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/lib/capture';

/** The sentence around the first occurrence of `part` in `text`. */
function around(text: string, part: string, max?: number): string {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`${part} not in text`);
  const s = sentenceAround(text, start, start + part.length, max);
  return text.slice(s.start, s.end);
}

const TEXT =
  'Sáng 22/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị. Nhân dân đã đóng góp hơn 1.640 tỷ đồng và 2.318 căn nhà. Đến nay, 843/843 thôn có mô hình!\n' +
  'Theo Quyết định số 3307/QĐ-UBND, tỷ lệ hộ nghèo giảm còn 0,63%; thu nhập đạt 76,2 triệu đồng/năm.\n' +
  'Đại diện UBND TP. Hồ Chí Minh và PGS.TS. Nguyễn Văn A. cho biết “sẽ tăng 5%.” Sau đó hội nghị bế mạc.';

describe('sentenceAround', () => {
  it('expands an entity to its sentence; dots inside numbers and codes do not end one', () => {
    expect(around(TEXT, '1.640 tỷ đồng')).toBe('Nhân dân đã đóng góp hơn 1.640 tỷ đồng và 2.318 căn nhà.');
    expect(around(TEXT, '843/843 thôn')).toBe('Đến nay, 843/843 thôn có mô hình!');
    expect(around(TEXT, '22/3')).toBe('Sáng 22/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị.');
  });

  it('stops at the line between two blocks', () => {
    expect(around(TEXT, '3307/QĐ-UBND')).toBe('Theo Quyết định số 3307/QĐ-UBND, tỷ lệ hộ nghèo giảm còn 0,63%; thu nhập đạt 76,2 triệu đồng/năm.');
    expect(around(TEXT, '0,63%')).toBe(around(TEXT, '3307/QĐ-UBND'));
  });

  it('reads through abbreviations and initials, and keeps a closing quote with its sentence', () => {
    expect(around(TEXT, '5%')).toBe('Đại diện UBND TP. Hồ Chí Minh và PGS.TS. Nguyễn Văn A. cho biết “sẽ tăng 5%.”');
    expect(around(TEXT, 'bế mạc')).toBe('Sau đó hội nghị bế mạc.');
  });

  it('covers several sentences when the span does, and never less than the span', () => {
    const s = TEXT.indexOf('hơn 1.640');
    const e = TEXT.indexOf('Đến nay') + 3;
    const got = sentenceAround(TEXT, s, e);
    expect(TEXT.slice(got.start, got.end)).toBe('Nhân dân đã đóng góp hơn 1.640 tỷ đồng và 2.318 căn nhà. Đến nay, 843/843 thôn có mô hình!');
  });

  it('cuts a run without punctuation at a word boundary near the limit', () => {
    const words = Array.from({ length: 400 }, (_, i) => `từ${i}`).join(' ');
    const text = `${words} 1.640 tỷ đồng ${words}`;
    const got = around(text, '1.640 tỷ đồng', 100);
    expect(got.length).toBeLessThanOrEqual(100 * 2 + '1.640 tỷ đồng'.length + 2);
    expect(got).toContain('1.640 tỷ đồng');
    expect(got).toMatch(/^từ\d+ /);
    expect(got).toMatch(/ từ\d+$/);
  });

  it('handles the edges of the text', () => {
    expect(around('1.640 tỷ đồng', '1.640')).toBe('1.640 tỷ đồng');
    expect(around('Tổng cộng 12 ha', '12 ha')).toBe('Tổng cộng 12 ha');
  });
});
