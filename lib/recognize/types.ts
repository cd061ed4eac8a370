/**
 * The entity records every later stage shares: highlights, clippings, the citation
 * index, the statistics ledger and the exports. They are stored and exported, so
 * every field is plain JSON and the shape is versioned (`ENTITY_SCHEMA_VERSION`).
 *
 * Offsets are UTF-16 code units into exactly the string given to `recognize()`,
 * `end` exclusive.
 */

export const ENTITY_SCHEMA_VERSION = 1;

export const DOC_TYPES = [
  'Quyết định',
  'Nghị quyết',
  'Nghị định',
  'Chỉ thị',
  'Thông tư',
  'Thông tư liên tịch',
  'Kế hoạch',
  'Chương trình',
  'Kết luận',
  'Hướng dẫn',
  'Quy định',
  'Quy chế',
  'Thông báo',
  'Công văn',
  'Công điện',
  'Tờ trình',
  'Báo cáo',
  'Đề án',
  'Phương án',
  'Dự án',
  'Luật',
  'Bộ luật',
  'Pháp lệnh',
  'Hiến pháp',
  'Lệnh',
  'Thông tri',
  'Nghị quyết liên tịch',
] as const;

export type DocType = (typeof DOC_TYPES)[number];

export const QUANTITIES = [
  'money',
  'percent',
  'area',
  'length',
  'mass',
  'volume',
  'energy',
  'count',
  'ratio',
  'rank',
  'duration',
] as const;

export type Quantity = (typeof QUANTITIES)[number];

/** Quantities whose unit is a canonical measure (compared strictly). */
export const MEASURE_QUANTITIES: ReadonlySet<Quantity> = new Set([
  'money',
  'percent',
  'area',
  'length',
  'mass',
  'volume',
  'energy',
]);

export type Qualifier = 'approx' | 'over' | 'under' | 'atLeast' | 'atMost';
export type Change = 'increase' | 'decrease';

interface EntityBase {
  start: number;
  end: number;
  /** The exact slice `text.slice(start, end)` of the input. */
  text: string;
}

export interface DocumentEntity extends EntityBase {
  kind: 'document';
  docType: DocType;
  /** Number-and-symbol without whitespace, NFC, letters as written; null for named laws. */
  code: string | null;
  /** Part of the code before the first "/" or "-", leading zeros kept. */
  number: string | null;
  year: number | null;
  /** Signing date, ISO YYYY-MM-DD, only when attached to this citation. */
  date: string | null;
  /** The "của …" phrase, NFC, or null. */
  issuer: string | null;
}

export interface FigureEntity extends EntityBase {
  kind: 'figure';
  value: number;
  /** Upper bound of a range ("từ 5 đến 7%"), else null. */
  valueTo: number | null;
  quantity: Quantity;
  /** Canonical unit for measures, counted noun for counts/ratios, null for ranks. */
  unit: string | null;
  qualifier: Qualifier | null;
  change: Change | null;
  denominator: number | null;
}

export type Entity = DocumentEntity | FigureEntity;
export type EntityKind = Entity['kind'];
