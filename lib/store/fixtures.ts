/**
 * Realistic generated clippings for benchmarks, property tests and export round trips:
 * Vietnamese quotes citing documents and figures (entities built with exact offsets, as
 * lib/recognize would give them), pages on several provincial portals and papers, notes
 * and tags, and the text that breaks naive code: NFD as well as NFC, emoji (with
 * surrogate pairs and modifiers), straight and curly quotes, commas, semicolons,
 * newlines. With `hostile`, some fields also carry markup, scripts, bidi controls and
 * spreadsheet formulas.
 *
 * Deterministic: the same seed gives the same clippings, on any machine.
 */
import type { DocType, DocumentEntity, Entity, FigureEntity } from '../recognize/types';
import type { ArchiveDB } from './db.ts';
import { COLOURS } from './records.ts';
import { createRepo } from './repo.ts';
import type { ClippingInput, PageInput } from './validate.ts';

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

interface SiteSpec {
  origin: string;
  site: string;
  /** Issuer of the province's documents, when it is a provincial site. */
  issuer: string | null;
}

const SITES: readonly SiteSpec[] = [
  { origin: 'https://bdv.binhphuoc.gov.vn', site: 'Cổng thông tin điện tử tỉnh Bình Phước', issuer: 'UBND tỉnh Bình Phước' },
  { origin: 'https://snnptnt.binhphuoc.gov.vn', site: 'Sở Nông nghiệp và PTNT tỉnh Bình Phước', issuer: 'UBND tỉnh Bình Phước' },
  { origin: 'https://www.quangninh.gov.vn', site: 'Cổng thông tin điện tử tỉnh Quảng Ninh', issuer: 'UBND tỉnh Quảng Ninh' },
  { origin: 'https://thuathienhue.gov.vn', site: 'Cổng TTĐT tỉnh Thừa Thiên Huế', issuer: 'UBND tỉnh Thừa Thiên Huế' },
  { origin: 'https://hanoi.gov.vn', site: 'Cổng giao tiếp điện tử Hà Nội', issuer: 'UBND thành phố Hà Nội' },
  { origin: 'https://danang.gov.vn', site: 'Cổng thông tin điện tử thành phố Đà Nẵng', issuer: 'UBND thành phố Đà Nẵng' },
  { origin: 'https://cantho.gov.vn', site: 'Cổng thông tin điện tử thành phố Cần Thơ', issuer: 'UBND thành phố Cần Thơ' },
  { origin: 'https://tuyenquang.dcs.vn', site: 'Đảng bộ tỉnh Tuyên Quang', issuer: 'Tỉnh ủy Tuyên Quang' },
  { origin: 'https://baodanang.vn', site: 'Báo Đà Nẵng', issuer: 'UBND thành phố Đà Nẵng' },
  { origin: 'https://baonghean.vn', site: 'Báo Nghệ An', issuer: 'UBND tỉnh Nghệ An' },
  { origin: 'https://sggp.org.vn', site: 'Báo Sài Gòn Giải Phóng', issuer: 'UBND TP. Hồ Chí Minh' },
  { origin: 'https://baochinhphu.vn', site: 'Báo Điện tử Chính phủ', issuer: null },
  { origin: 'https://www.mof.gov.vn', site: 'Bộ Tài chính', issuer: null },
];

const TITLE_STARTS = [
  'Triển khai',
  'Đẩy nhanh tiến độ giải ngân vốn theo',
  'Hội nghị sơ kết việc thực hiện',
  'Công bố',
  'Kiểm tra tình hình thực hiện',
  'Tăng cường quản lý theo',
  'Hướng dẫn thi hành',
] as const;

const OPENERS = ['Theo', 'Thực hiện', 'Căn cứ', 'Trên cơ sở', 'Để triển khai', 'Tại'] as const;
const SUBJECTS = [
  'UBND tỉnh đã phê duyệt dự án đường giao thông kết nối các vùng kinh tế',
  'Sở Kế hoạch và Đầu tư tham mưu phân bổ vốn đầu tư công trung hạn',
  'Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương hoàn thiện hồ sơ',
  'HĐND tỉnh thông qua kế hoạch phát triển kinh tế - xã hội',
  'các địa phương rà soát, bố trí quỹ đất tái định cư',
  'ngành y tế bảo đảm thuốc, vật tư cho các trạm y tế xã',
  'Sở Giáo dục và Đào tạo đề xuất xây dựng thêm phòng học',
] as const;
const LINKS = ['với tổng vốn đầu tư', 'tổng kinh phí thực hiện', 'nâng diện tích lên', 'hỗ trợ', 'tỷ lệ giải ngân đạt', 'chiều dài tuyến'] as const;
const CLOSERS = [
  'so với cùng kỳ năm trước.',
  'trong giai đoạn 2021 - 2025.',
  'theo đúng quy định.',
  '“bảo đảm công khai, minh bạch”.',
  'và sẽ hoàn thành trong quý IV.',
] as const;

const TAGS = ['ngân sách', 'đầu tư công', 'giải ngân', 'đất đai', 'y tế', 'giáo dục', 'GDP', 'nông nghiệp', 'hạ tầng', 'kiểm tra', 'Bình Phước', 'số liệu'] as const;
const NOTES = [
  'Cần đối chiếu với báo cáo quý trước.',
  'Số liệu khác với bài ngày hôm qua, kiểm tra lại!',
  'Hỏi Sở Tài chính: "vốn đối ứng" lấy từ đâu?',
  'Dùng cho bài về giải ngân 📌',
  'Trích dẫn được ✅ — nguồn chính thức',
  'So sánh, đối chiếu; xem thêm phụ lục 2.\nGhi chú dòng thứ hai.',
  'Liên hệ phóng viên 👍🏽 trước 17h',
  '',
] as const;
const AUTHORS = ['Minh Anh', 'Thu Hà', 'Quốc Tuấn', 'Lê Văn Đức', 'Nguyễn Thị Hồng Nhung'] as const;

/** Text that must be stored verbatim and shown inert. */
const HOSTILE = [
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(1)">',
  '\u202Egnp.exe\u202C hồ sơ',
  '=HYPERLINK("http://example.invalid","bấm vào")',
  '+1 tỷ đồng; -2%; @SUM(A1)',
  'zero\u200Bwidth \u2066isolate\u2069 and a tab\there',
  '"; DROP TABLE clippings; --',
] as const;

interface DocSpec {
  docType: DocType;
  symbol: (year: number) => string;
  withYear: boolean;
  issuer: (site: SiteSpec) => string | null;
}

const DOCS: readonly DocSpec[] = [
  { docType: 'Quyết định', symbol: () => 'QĐ-UBND', withYear: false, issuer: (s) => s.issuer },
  { docType: 'Quyết định', symbol: () => 'QĐ-TTg', withYear: false, issuer: () => 'Thủ tướng Chính phủ' },
  { docType: 'Nghị quyết', symbol: () => 'NQ-HĐND', withYear: true, issuer: (s) => (s.issuer ? s.issuer.replace('UBND', 'HĐND') : null) },
  { docType: 'Nghị định', symbol: () => 'NĐ-CP', withYear: true, issuer: () => 'Chính phủ' },
  { docType: 'Thông tư', symbol: () => 'TT-BTC', withYear: true, issuer: () => 'Bộ Tài chính' },
  { docType: 'Kế hoạch', symbol: () => 'KH-UBND', withYear: false, issuer: (s) => s.issuer },
  { docType: 'Chỉ thị', symbol: () => 'CT-TTg', withYear: false, issuer: () => 'Thủ tướng Chính phủ' },
  { docType: 'Công văn', symbol: () => 'UBND-KT', withYear: false, issuer: (s) => s.issuer },
];

const LAWS = ['Luật Đầu tư công', 'Luật Đất đai', 'Luật Ngân sách nhà nước', 'Luật Xây dựng'] as const;

/** "1640" → "1.640"; 12.5 → "12,5": Vietnamese grouping and decimal comma. */
function viNumber(value: number, groupWith: string): string {
  const [int, dec] = String(value).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, groupWith);
  return dec ? `${grouped},${dec}` : grouped;
}

/** A quote under construction: text parts and the entities placed in them. */
class QuoteBuilder {
  private text = '';
  readonly entities: Entity[] = [];
  constructor(private readonly nfd: boolean) {}

  private norm(s: string): string {
    return this.nfd ? s.normalize('NFD') : s;
  }

  plain(s: string): this {
    this.text += this.norm(s);
    return this;
  }

  /** Appends an entity; `fields` are its data, its offsets and text come from where it lands. */
  entity<E extends Entity>(s: string, fields: Omit<E, 'start' | 'end' | 'text'>): this {
    const text = this.norm(s);
    const start = this.text.length;
    this.text += text;
    this.entities.push({ ...fields, start, end: this.text.length, text } as E);
    return this;
  }

  build(): string {
    return this.text;
  }
}

export interface FixtureOptions {
  seed?: number;
  /** Distinct pages; default a quarter of the clippings. */
  pages?: number;
  /** Distinct document numbers per symbol; fewer means more clippings cite the same one. Default 400. */
  codes?: number;
  /** Share of clippings and pages whose text fields carry hostile strings (markup, bidi, formulas). Default 0. */
  hostile?: number;
  /** Share of quotes in NFD. Default 0.15. */
  nfd?: number;
}

function makePages(d: Dice, count: number, hostile: number): PageInput[] {
  const pages: PageInput[] = [];
  for (let i = 0; i < count; i++) {
    const site = d.pick(SITES);
    const year = d.int(2021, 2025);
    const month = d.int(1, 12);
    const day = d.int(1, 28);
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(d.int(6, 21)).padStart(2, '0')}:${String(d.int(0, 59)).padStart(2, '0')}:00+07:00`;
    const path = `/tin-tuc/bai-viet-${i}-${d.int(1000, 99999)}.html`;
    // Shared links carry trackers; the archive must still see one page.
    const tracking = d.chance(0.3) ? `?utm_source=zalo&utm_medium=social&zarsrc=30${d.chance(0.5) ? '&fbclid=IwAR0abc' : ''}` : '';
    let title = `${d.pick(TITLE_STARTS)} ${d.pick(DOCS).docType} về ${d.pick(TAGS)} năm ${year}`;
    if (d.chance(hostile)) title += ` ${d.pick(HOSTILE)}`;
    pages.push({
      url: `${site.origin}${path}${tracking}${d.chance(0.2) ? '#binh-luan' : ''}`,
      canonicalUrl: d.chance(0.7) ? `${site.origin}${path}` : null,
      title,
      published: d.chance(0.9) ? iso : null,
      author: d.chance(0.6) ? d.pick(AUTHORS) : null,
      site: site.site,
    });
  }
  return pages;
}

function addDocument(q: QuoteBuilder, d: Dice, site: SiteSpec, codes: number): void {
  if (d.chance(0.12)) {
    const law = d.pick(LAWS);
    const year = d.pick([2013, 2019, 2024]);
    const text = d.chance(0.5) ? `${law} năm ${year}` : `${law} ${year}`;
    q.entity<DocumentEntity>(text, { kind: 'document', docType: 'Luật', code: null, number: null, year, date: null, issuer: null });
    return;
  }
  const spec = d.pick(DOCS);
  const year = d.int(2019, 2025);
  const number = String(d.int(1, codes) * (spec.withYear ? 1 : 7) + (spec.withYear ? 0 : 100));
  const code = spec.withYear ? `${number}/${year}/${spec.symbol(year)}` : `${number}/${spec.symbol(year)}`;
  const dated = d.chance(0.5);
  const date = dated ? `${year}-${String(d.int(1, 12)).padStart(2, '0')}-${String(d.int(1, 28)).padStart(2, '0')}` : null;
  const issuer = d.chance(0.5) ? spec.issuer(site) : null;
  let text = `${spec.docType} ${d.chance(0.7) ? 'số ' : ''}${code}`;
  if (date) {
    const [y, m, dd] = date.split('-');
    text += ` ngày ${Number(dd)}/${Number(m)}/${y}`;
  }
  if (issuer) text += ` của ${issuer}`;
  q.entity<DocumentEntity>(text, {
    kind: 'document',
    docType: spec.docType,
    code,
    number,
    year: spec.withYear || date ? year : null,
    date,
    issuer,
  });
}

function addFigure(q: QuoteBuilder, d: Dice): void {
  const base = { kind: 'figure' as const, valueTo: null, qualifier: null, change: null, denominator: null };
  switch (d.int(0, 4)) {
    case 0: {
      const billions = d.chance(0.5) ? d.int(1, 9_999) : d.int(1, 999) + d.int(1, 9) / 10;
      const group = d.pick(['.', ' ', '']);
      q.entity<FigureEntity>(`${viNumber(billions, group)} tỷ đồng`, { ...base, value: Math.round(billions * 1e9), quantity: 'money', unit: 'VND' });
      return;
    }
    case 1: {
      const pct = d.int(1, 99) + (d.chance(0.5) ? d.int(1, 9) / 10 : 0);
      q.entity<FigureEntity>(`${viNumber(pct, '.')}%`, { ...base, value: pct, quantity: 'percent', unit: '%', change: d.chance(0.3) ? 'increase' : null });
      return;
    }
    case 2: {
      const ha = d.int(5, 25_000);
      q.entity<FigureEntity>(`${viNumber(ha, '.')} ha`, { ...base, value: ha, quantity: 'area', unit: 'ha' });
      return;
    }
    case 3: {
      const households = d.int(10, 12_000);
      q.entity<FigureEntity>(`${viNumber(households, '.')} hộ dân`, { ...base, value: households, quantity: 'count', unit: 'hộ dân' });
      return;
    }
    default: {
      const km = d.int(1, 300) + d.int(0, 9) / 10;
      q.entity<FigureEntity>(`${viNumber(km, '.')} km`, { ...base, value: km, quantity: 'length', unit: 'km' });
    }
  }
}

function makeQuote(d: Dice, site: SiteSpec, codes: number, nfd: boolean, hostile: boolean): { quote: string; entities: Entity[] } {
  const q = new QuoteBuilder(nfd);
  const sentences = d.int(1, 3);
  for (let s = 0; s < sentences; s++) {
    if (s > 0) q.plain(d.chance(0.3) ? '\n' : ' ');
    q.plain(`${d.pick(OPENERS)} `);
    addDocument(q, d, site, codes);
    q.plain(`, ${d.pick(SUBJECTS)} ${d.pick(LINKS)} `);
    if (d.chance(0.5)) q.plain('khoảng ');
    addFigure(q, d);
    if (d.chance(0.4)) {
      q.plain(', trong đó ');
      addFigure(q, d);
    }
    q.plain(` ${d.pick(CLOSERS)}`);
  }
  if (hostile) q.plain(` ${d.pick(HOSTILE)}`);
  return { quote: q.build(), entities: q.entities };
}

/** `n` clippings to save, deterministic for a seed. Pages repeat across clippings. */
export function generateClippings(n: number, options: FixtureOptions = {}): ClippingInput[] {
  const d = new Dice(prng(options.seed ?? 20_240_312));
  const hostile = options.hostile ?? 0;
  const nfd = options.nfd ?? 0.15;
  const codes = options.codes ?? 400;
  const pages = makePages(d, Math.max(1, options.pages ?? Math.ceil(n / 4)), hostile);
  const out: ClippingInput[] = [];
  for (let i = 0; i < n; i++) {
    const page = d.pick(pages);
    const site = SITES.find((s) => page.url.startsWith(s.origin)) ?? SITES[0]!;
    const isHostile = d.chance(hostile);
    const { quote, entities } = makeQuote(d, site, codes, d.chance(nfd), isHostile);
    const start = d.int(0, 20_000);
    const tags: string[] = d.chance(0.7) ? [...new Set(Array.from({ length: d.int(1, 3) }, () => d.pick(TAGS)))] : [];
    if (isHostile && d.chance(0.5)) tags.push(d.pick(['<b>tag</b>', '__proto__', 'constructor', '=cmd|"/c calc"!A1']));
    const note = isHostile ? d.pick(HOSTILE) : d.pick(NOTES);
    out.push({
      page,
      quote,
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: d.pick(['', 'Chiều 12/3, ', 'Theo báo cáo, ', 'Ông Nguyễn Văn A cho biết: “']),
          suffix: d.pick(['', ' Đồng thời,', '” Phát biểu tại hội nghị,', ' (ảnh: T.H)']),
        },
        position: { type: 'TextPositionSelector', start, end: start + quote.length },
      },
      entities,
      note,
      tags,
      colour: d.pick(COLOURS),
    });
  }
  return out;
}

export interface SeedOptions extends FixtureOptions {
  /** Save time of the first clipping (epoch ms); later ones follow. Default 2024-01-01. */
  start?: number;
  /** Milliseconds between two saves. Default 90 s. */
  step?: number;
  /** Clippings per transaction. Default 2 000. */
  batch?: number;
}

/**
 * Fills a database with `n` generated clippings, saved through the repository in batches
 * (so the records are exactly what the product writes), with save times spread out.
 */
export async function seedArchive(db: ArchiveDB, n: number, options: SeedOptions = {}): Promise<void> {
  let t = options.start ?? Date.UTC(2024, 0, 1);
  const step = options.step ?? 90_000;
  const repo = createRepo(db, { now: () => (t += step) });
  const inputs = generateClippings(n, options);
  const batch = options.batch ?? 2_000;
  for (let i = 0; i < inputs.length; i += batch) await repo.saveClippings(inputs.slice(i, i + batch));
}
