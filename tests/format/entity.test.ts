import { describe, expect, it } from 'vitest';
import { citation, copyText, entityFields, entitySummary, formatDate, formatNumber, formatPublished, viDate } from '@/lib/format/entity';
import { lookupUrl } from '@/lib/format/lookup';
import type { DocumentEntity, FigureEntity } from '@/lib/recognize/types';
import { DOC, FIG } from '../helpers/entities';
import { messagesOf } from '../helpers/i18n';

const vi = messagesOf('vi');
const en = messagesOf('en');

describe('formatting', () => {
  it('writes numbers the Vietnamese way in every locale', () => {
    expect(formatNumber(1_640_000_000_000)).toBe('1.640.000.000.000');
    expect(formatNumber(0.43)).toBe('0,43');
    expect(formatNumber(44.5)).toBe('44,5');
  });

  it('writes dates unambiguously', () => {
    expect(viDate('2020-12-28')).toBe('28/12/2020');
    expect(formatDate('2020-12-28', 'en')).toBe('December 28, 2020');
    expect(formatDate('2020-01-02', 'vi')).toMatch(/2.*tháng 1.*2020/);
    expect(formatPublished('2022-03-22T21:58:00+07:00', 'en')).toBe('March 22, 2022 21:58');
    expect(formatPublished('2020-06-15T00:00:00+07:00', 'en')).toBe('June 15, 2020');
  });

  it('lists a document\'s fields, labelled in the UI language', () => {
    expect(entityFields(DOC, en, 'en')).toEqual([
      { label: 'Type', value: 'Quyết định' },
      { label: 'Number and symbol', value: '3307/QĐ-UBND' },
      { label: 'Number', value: '3307' },
      { label: 'Year', value: '2020' },
      { label: 'Signed on', value: 'December 28, 2020' },
      { label: 'Issued by', value: 'UBND tỉnh Bình Phước' },
    ]);
    const named: DocumentEntity = { ...DOC, code: null, number: null, date: null, issuer: null, docType: 'Luật', text: 'Luật Dân chủ cơ sở năm 2022', year: 2022 };
    expect(entityFields(named, vi, 'vi').map((f) => f.label)).toEqual(['Loại văn bản', 'Năm']);
  });

  it('lists a figure\'s fields, leaving out the empty ones', () => {
    expect(entityFields(FIG, vi, 'vi')).toEqual([
      { label: 'Giá trị', value: '1.640.000.000.000' },
      { label: 'Đơn vị', value: 'VND' },
      { label: 'Đại lượng', value: 'Tiền' },
      { label: 'Mức độ', value: 'trên' },
    ]);
    const ratio: FigureEntity = { ...FIG, text: '843/843 thôn', value: 843, quantity: 'ratio', unit: 'thôn', qualifier: null, denominator: 843 };
    expect(entityFields(ratio, en, 'en')).toContainEqual({ label: 'Out of', value: '843' });
    const range: FigureEntity = { ...FIG, text: 'từ 5 đến 7%', value: 5, valueTo: 7, quantity: 'percent', unit: '%', qualifier: null, change: 'increase' };
    expect(entityFields(range, en, 'en')).toEqual(
      expect.arrayContaining([{ label: 'Range', value: '5 – 7' }, { label: 'Change', value: 'increase' }]),
    );
  });

  it('copies a document as a Vietnamese citation line with its source', () => {
    expect(citation(DOC)).toBe('Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước');
    expect(citation({ ...DOC, date: null, issuer: null })).toBe('Quyết định số 3307/QĐ-UBND');
    expect(citation({ ...DOC, code: null, text: 'Hiến pháp\nnăm 2013' })).toBe('Hiến pháp năm 2013');
    expect(copyText(DOC, en, 'en', 'https://x.gov.vn/a')).toBe(
      'Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước — Source: https://x.gov.vn/a',
    );
  });

  it('copies a figure as written with its fields', () => {
    expect(copyText(FIG, vi, 'vi', null)).toBe('hơn 1.640 tỷ đồng (Giá trị: 1.640.000.000.000; Đơn vị: VND; Đại lượng: Tiền; Mức độ: trên)');
  });

  it('sums entities up in one line for lists', () => {
    expect(entitySummary(DOC, vi)).toBe('Quyết định 3307/QĐ-UBND · 28/12/2020 · UBND tỉnh Bình Phước');
    expect(entitySummary(FIG, en)).toBe('1.640.000.000.000 VND · Money');
    expect(entitySummary({ ...FIG, value: 4, denominator: 63, unit: null, quantity: 'rank' }, en)).toBe('4/63 · Rank');
    expect(entitySummary({ ...FIG, value: 0.43, unit: '%', quantity: 'percent' }, en)).toBe('0,43% · Percentage');
  });
});

describe('lookupUrl', () => {
  it('searches state documents by code on vbpl.vn', () => {
    expect(lookupUrl(DOC)).toBe(
      'https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=3307%2FQ%C4%90-UBND',
    );
    expect(lookupUrl({ ...DOC, code: '59/2015/QĐ-TTg' })).toContain('Keyword=59%2F2015%2FQ%C4%90-TTg');
  });

  it('gives no link for Party documents or documents without a code', () => {
    expect(lookupUrl({ ...DOC, code: '39-NQ/TW' })).toBeNull();
    expect(lookupUrl({ ...DOC, code: '27-KH/BDVTU-BCSĐUBND' })).toBeNull();
    expect(lookupUrl({ ...DOC, code: null })).toBeNull();
  });
});
