import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openArchiveDB, type ArchiveDB } from '../../lib/store/db.ts';
import { createRepo, type Repo } from '../../lib/store/repo.ts';
import type { ClippingInput, PageInput } from '../../lib/store/validate.ts';
import type { Entity } from '../../lib/recognize/types';

export interface Fresh {
  db: ArchiveDB;
  repo: Repo;
  factory: IDBFactory;
  /** The clock the repository reads; each read advances it by one second. */
  clock: { t: number };
}

let opened = 0;

/** A repository on its own in-memory IndexedDB, with a clock that ticks per read. */
export function fresh(start = Date.UTC(2025, 0, 1)): Fresh {
  const factory = new IDBFactory();
  // A name of its own too: Dexie keys its live-query notifications by database name.
  const db = openArchiveDB({ name: `test-${++opened}`, indexedDB: factory, IDBKeyRange });
  const clock = { t: start };
  const repo = createRepo(db, { now: () => (clock.t += 1000) });
  return { db, repo, factory, clock };
}

export const PAGE: PageInput = {
  url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html?utm_source=zalo&zarsrc=30#top',
  canonicalUrl: 'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html',
  title: 'Đẩy nhanh giải ngân vốn đầu tư công',
  published: '2024-03-12T08:30:00+07:00',
  author: 'Minh Anh',
  site: 'Cổng thông tin điện tử tỉnh Bình Phước',
};

/** Finds each `[text, fields]` in the quote and builds the entity with its offsets. */
export function entitiesIn(quote: string, specs: readonly [string, Record<string, unknown>][]): Entity[] {
  return specs.map(([text, fields]) => {
    const start = quote.indexOf(text);
    if (start < 0) throw new Error(`"${text}" is not in the quote`);
    return { ...fields, start, end: start + text.length, text } as unknown as Entity;
  });
}

export const DOC = (code: string | null, docType = 'Quyết định', year: number | null = null) => ({
  kind: 'document',
  docType,
  code,
  number: code ? code.split(/[/-]/)[0] : null,
  year,
  date: null,
  issuer: null,
});

export const FIG = (value: number, unit: string | null, quantity = 'money') => ({
  kind: 'figure',
  value,
  valueTo: null,
  quantity,
  unit,
  qualifier: null,
  change: null,
  denominator: null,
});

/** A clipping input with the usual selectors around `quote`. */
export function clip(quote: string, extra: Partial<ClippingInput> = {}, page: PageInput = PAGE): ClippingInput {
  return {
    page,
    quote,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'Theo báo cáo, ', suffix: ' Đồng thời,' },
      position: { type: 'TextPositionSelector', start: 120, end: 120 + quote.length },
    },
    ...extra,
  };
}

export const QUOTE_3307 = 'Theo Quyết định số 3307/QĐ-UBND, tổng vốn đầu tư là 1.640 tỷ đồng.';

export function clip3307(extra: Partial<ClippingInput> = {}, page: PageInput = PAGE): ClippingInput {
  return clip(
    QUOTE_3307,
    {
      entities: entitiesIn(QUOTE_3307, [
        ['Quyết định số 3307/QĐ-UBND', DOC('3307/QĐ-UBND')],
        ['1.640 tỷ đồng', FIG(1.64e12, 'VND')],
      ]),
      ...extra,
    },
    page,
  );
}
