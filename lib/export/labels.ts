/**
 * Header labels and value words of the exports, in Vietnamese and English. Kept here
 * rather than in the extension's locale files because the `convert` command has no
 * `browser.i18n`; the words shared with the UI (quantities, qualifiers, changes) are
 * the locale files' own, and tests/export/labels.test.ts keeps them equal.
 */
import type { Change, Qualifier, Quantity } from '../recognize/types';
import type { Lang } from './types.ts';

export const CLIPPING_COLUMNS = ['quote', 'note', 'tags', 'page', 'url', 'site', 'published', 'saved', 'documents', 'figures', 'colour', 'id'] as const;
export const LEDGER_COLUMNS = [
  'value', 'valueTo', 'unit', 'quantity', 'qualifier', 'change', 'denominator', 'asWritten', 'context',
  'page', 'url', 'site', 'published', 'saved', 'clippingId',
] as const;
export const CITATION_COLUMNS = ['docType', 'code', 'asCited', 'signed', 'year', 'issuer', 'clippings', 'pages', 'lookup'] as const;

export type ClippingColumn = (typeof CLIPPING_COLUMNS)[number];
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type CitationColumn = (typeof CITATION_COLUMNS)[number];

type Words = {
  sheets: { clippings: string; ledger: string; citations: string };
  clippings: Record<ClippingColumn, string>;
  ledger: Record<LedgerColumn, string>;
  citations: Record<CitationColumn, string>;
  quantity: Record<Quantity, string>;
  qualifier: Record<Qualifier, string>;
  change: Record<Change, string>;
  markdown: { note: string; tags: string; documents: string; figures: string; published: string; source: string; saved: string; lookup: string };
  lookupText: string;
};

const VI: Words = {
  sheets: { clippings: 'Trích lục', ledger: 'Sổ số liệu', citations: 'Chỉ mục văn bản' },
  clippings: {
    quote: 'Trích dẫn', note: 'Ghi chú', tags: 'Thẻ', page: 'Bài viết', url: 'Địa chỉ', site: 'Trang tin',
    published: 'Ngày đăng', saved: 'Ngày lưu', documents: 'Văn bản được dẫn', figures: 'Số liệu', colour: 'Màu', id: 'Mã trích lục',
  },
  ledger: {
    value: 'Giá trị', valueTo: 'Đến', unit: 'Đơn vị', quantity: 'Đại lượng', qualifier: 'Mức', change: 'Biến động',
    denominator: 'Mẫu số', asWritten: 'Số liệu như bài viết', context: 'Trích đoạn', page: 'Bài viết', url: 'Địa chỉ',
    site: 'Trang tin', published: 'Ngày đăng', saved: 'Ngày lưu', clippingId: 'Mã trích lục',
  },
  citations: {
    docType: 'Loại văn bản', code: 'Số, ký hiệu', asCited: 'Trích dẫn như', signed: 'Ngày ký', year: 'Năm',
    issuer: 'Cơ quan ban hành', clippings: 'Số trích lục', pages: 'Số bài viết', lookup: 'Tra cứu',
  },
  quantity: {
    money: 'Tiền', percent: 'Tỷ lệ phần trăm', area: 'Diện tích', length: 'Chiều dài', mass: 'Khối lượng', volume: 'Thể tích',
    energy: 'Năng lượng', count: 'Số lượng', ratio: 'Tỷ số', rank: 'Thứ hạng', duration: 'Thời gian',
  },
  qualifier: { approx: 'khoảng', over: 'trên', under: 'dưới', atLeast: 'ít nhất', atMost: 'tối đa' },
  change: { increase: 'tăng', decrease: 'giảm' },
  markdown: {
    note: 'Ghi chú', tags: 'Thẻ', documents: 'Văn bản', figures: 'Số liệu', published: 'Ngày đăng', source: 'Nguồn',
    saved: 'Lưu lúc', lookup: 'tra cứu',
  },
  lookupText: 'Tra cứu trên vbpl.vn',
};

const EN: Words = {
  sheets: { clippings: 'Clippings', ledger: 'Statistics ledger', citations: 'Citation index' },
  clippings: {
    quote: 'Quote', note: 'Note', tags: 'Tags', page: 'Page', url: 'URL', site: 'Site', published: 'Published',
    saved: 'Saved', documents: 'Documents cited', figures: 'Figures', colour: 'Colour', id: 'Clipping ID',
  },
  ledger: {
    value: 'Value', valueTo: 'To', unit: 'Unit', quantity: 'Quantity', qualifier: 'Qualifier', change: 'Change',
    denominator: 'Denominator', asWritten: 'As written', context: 'Context', page: 'Page', url: 'URL', site: 'Site',
    published: 'Published', saved: 'Saved', clippingId: 'Clipping ID',
  },
  citations: {
    docType: 'Document type', code: 'Code', asCited: 'As cited', signed: 'Signed', year: 'Year', issuer: 'Issuer',
    clippings: 'Clippings', pages: 'Pages', lookup: 'Look up',
  },
  quantity: {
    money: 'Money', percent: 'Percentage', area: 'Area', length: 'Length', mass: 'Mass', volume: 'Volume', energy: 'Energy',
    count: 'Count', ratio: 'Ratio', rank: 'Rank', duration: 'Duration',
  },
  qualifier: { approx: 'approximately', over: 'over', under: 'under', atLeast: 'at least', atMost: 'at most' },
  change: { increase: 'increase', decrease: 'decrease' },
  markdown: {
    note: 'Note', tags: 'Tags', documents: 'Documents', figures: 'Figures', published: 'Published', source: 'Source',
    saved: 'Saved', lookup: 'look up',
  },
  lookupText: 'Look up on vbpl.vn',
};

export function words(lang: Lang = 'vi'): Words {
  return lang === 'en' ? EN : VI;
}

