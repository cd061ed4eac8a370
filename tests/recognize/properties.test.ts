import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognize, type Entity } from '../../lib/recognize';

// Pieces of real government prose, so generated strings hit the interesting paths
// (codes, dates, units, qualifiers) rather than random noise only.
const PIECES = [
  'Quyết định', 'số', '3307/QĐ-UBND', 'ngày', '28/12/2020', 'của', 'UBND tỉnh', 'Bình Phước',
  '217-QĐ/TW', 'và', 'Nghị quyết', '68/NQ-CP', ',', '.', ';', '(', ')', '1.640', 'tỷ', 'đồng',
  'tăng', 'giảm', '0,43', '%', 'gần', 'trên', 'hộ', 'nghèo', '843/843', 'thôn', 'xếp thứ', '04/63',
  'năm', '2021', 'Hiến pháp', 'Luật', 'Đất đai', 'tháng', '11', 'từ', 'đến', '-', '–', '5', '7',
  'hecta', 'm2', 'km', '\n', '\u00a0', '\u2009', '\t', ' ', 'Điều', '65', 'Covid-19', 'lần thứ',
  'Thông tư liên tịch', 'số:', '183/2010/TTLT/BTC-BNN', '12 981', 'người', 'doanh nghiệp', 'HTX',
  'ước đạt', 'tối thiểu', '1.000', 'triệu', 'USD', '30.3.2022', 'về việc', 'ban hành', '0271.3879.123',
];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.constantFrom(' ', ' ', ' ')), { maxLength: 60 })
  .map((parts) => parts.join(' '));
const anyText = fc.oneof(prose, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function shape(entities: Entity[]) {
  return entities.map(({ start: _s, end: _e, text: _t, ...rest }) => rest);
}

describe('recognize: properties over generated text', () => {
  it('never throws', () => {
    fc.assert(fc.property(anyText, (text) => void recognize(text)), { numRuns: 2000 });
  });

  it('gives offsets that slice exactly to each entity text, sorted and never overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const entities = recognize(text);
        let lastEnd = 0;
        for (const e of entities) {
          expect(e.start).toBeGreaterThanOrEqual(lastEnd);
          expect(e.end).toBeGreaterThan(e.start);
          expect(text.slice(e.start, e.end)).toBe(e.text);
          lastEnd = e.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same entities for NFC and NFD input, with offsets into the string as given', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const nfc = text.normalize('NFC');
        const nfd = text.normalize('NFD');
        const a = recognize(nfc);
        const b = recognize(nfd);
        expect(shape(b)).toEqual(shape(a));
        for (const e of b) expect(e.text.normalize('NFC')).toBe(nfc.slice(a[b.indexOf(e)]!.start, a[b.indexOf(e)]!.end));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('recognize: NFD input', () => {
  it('finds the same citation in decomposed text, offsets into the decomposed string', () => {
    const nfc = 'Theo Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước, huyện giảm 47 hộ nghèo.';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const entities = recognize(nfd);
    expect(entities.map((e) => e.kind)).toEqual(['document', 'figure']);
    const [doc, fig] = entities;
    expect(doc).toMatchObject({ code: '3307/QĐ-UBND', issuer: 'UBND tỉnh Bình Phước', docType: 'Quyết định' });
    expect(doc!.text).toBe(nfd.slice(doc!.start, doc!.end));
    expect(doc!.text.normalize('NFC')).toBe('Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước');
    expect(fig).toMatchObject({ value: 47, unit: 'hộ', change: 'decrease' });
  });
});
