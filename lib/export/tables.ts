/**
 * The three tables of the spreadsheet exports, built from a snapshot: clippings, the
 * statistics ledger (one row per figure), and the citation index (one row per cited
 * document). CSV writes the first two, XLSX all three; both read these definitions, so
 * the columns are the same whichever file a reader opens.
 */
import { documentKey } from '../store/derive.ts';
import type { ClippingRecord, ClippingView, PageRecord } from '../store/records.ts';
import { lookupUrl } from '../format/lookup.ts';
import type { DocumentEntity, FigureEntity } from '../recognize/types';
import { vietnamTime, wallClock, type Cell } from './cells.ts';
import { CITATION_COLUMNS, CLIPPING_COLUMNS, LEDGER_COLUMNS, words } from './labels.ts';
import type { Lang } from './types.ts';

export type ColumnKind = 'text' | 'number' | 'date' | 'link';

export interface Column<R> {
  header: string;
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width: number;
  // Method syntax on purpose: a Table<LedgerRow> is then also a Table<unknown>, which is
  // what the XLSX writer takes (it only passes each table's rows to its own columns).
  cell(row: R): Cell;
}

export interface Table<R> {
  /** Sheet name. */
  name: string;
  columns: Column<R>[];
  rows: readonly R[];
}

/** The page's title as a link to it; its address when it has no title. */
function pageLink(page: PageRecord): Cell {
  return { kind: 'link', text: page.title ?? page.url, url: page.url };
}

function documentsOf(c: ClippingRecord): string {
  return c.entities
    .filter((e): e is DocumentEntity => e.kind === 'document')
    .map((e) => (e.code ? `${e.docType} ${e.code}` : e.text))
    .join('; ');
}

function figuresOf(c: ClippingRecord): string {
  return c.entities
    .filter((e): e is FigureEntity => e.kind === 'figure')
    .map((e) => e.text)
    .join('; ');
}

export function clippingsTable(views: readonly ClippingView[], lang: Lang = 'vi'): Table<ClippingView> {
  const w = words(lang);
  const defs: Record<(typeof CLIPPING_COLUMNS)[number], Omit<Column<ClippingView>, 'header'>> = {
    quote: { kind: 'text', width: 60, cell: (v) => v.clipping.quote },
    note: { kind: 'text', width: 30, cell: (v) => v.clipping.note || null },
    tags: { kind: 'text', width: 20, cell: (v) => v.clipping.tags.join('; ') || null },
    page: { kind: 'link', width: 40, cell: (v) => pageLink(v.page) },
    url: { kind: 'text', width: 30, cell: (v) => v.page.url },
    site: { kind: 'text', width: 25, cell: (v) => v.page.site },
    published: { kind: 'date', width: 17, cell: (v) => wallClock(v.page.published) },
    saved: { kind: 'date', width: 17, cell: (v) => vietnamTime(v.clipping.createdAt) },
    documents: { kind: 'text', width: 30, cell: (v) => documentsOf(v.clipping) || null },
    figures: { kind: 'text', width: 30, cell: (v) => figuresOf(v.clipping) || null },
    colour: { kind: 'text', width: 8, cell: (v) => v.clipping.colour },
    id: { kind: 'text', width: 38, cell: (v) => v.clipping.id },
  };
  return {
    name: w.sheets.clippings,
    columns: CLIPPING_COLUMNS.map((id) => ({ header: w.clippings[id], ...defs[id] })),
    rows: views,
  };
}

export interface LedgerRow {
  figure: FigureEntity;
  clipping: ClippingRecord;
  page: PageRecord;
}

/** Every figure of the live clippings, newest clipping first, figures in text order. */
export function ledgerRows(views: readonly ClippingView[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const { clipping, page } of views) {
    for (const e of clipping.entities) if (e.kind === 'figure') rows.push({ figure: e, clipping, page });
  }
  return rows;
}

const CONTEXT = 100;

/**
 * The quote around a figure: up to CONTEXT code units each side, cut at a space and
 * marked with "…", so a row reads on its own without the whole (perhaps long) quote.
 */
export function around(quote: string, start: number, end: number, radius = CONTEXT): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(quote.length, end + radius);
  if (from > 0) {
    const space = quote.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < quote.length) {
    const space = quote.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  return `${from > 0 ? '…' : ''}${quote.slice(from, to)}${to < quote.length ? '…' : ''}`;
}

export function ledgerTable(rows: readonly LedgerRow[], lang: Lang = 'vi'): Table<LedgerRow> {
  const w = words(lang);
  const defs: Record<(typeof LEDGER_COLUMNS)[number], Omit<Column<LedgerRow>, 'header'>> = {
    value: { kind: 'number', width: 20, cell: (r) => r.figure.value },
    valueTo: { kind: 'number', width: 14, cell: (r) => r.figure.valueTo },
    unit: { kind: 'text', width: 10, cell: (r) => r.figure.unit },
    quantity: { kind: 'text', width: 14, cell: (r) => w.quantity[r.figure.quantity] },
    qualifier: { kind: 'text', width: 10, cell: (r) => (r.figure.qualifier ? w.qualifier[r.figure.qualifier] : null) },
    change: { kind: 'text', width: 10, cell: (r) => (r.figure.change ? w.change[r.figure.change] : null) },
    denominator: { kind: 'number', width: 12, cell: (r) => r.figure.denominator },
    asWritten: { kind: 'text', width: 20, cell: (r) => r.figure.text },
    context: { kind: 'text', width: 60, cell: (r) => around(r.clipping.quote, r.figure.start, r.figure.end) },
    page: { kind: 'link', width: 40, cell: (r) => pageLink(r.page) },
    url: { kind: 'text', width: 30, cell: (r) => r.page.url },
    site: { kind: 'text', width: 25, cell: (r) => r.page.site },
    published: { kind: 'date', width: 17, cell: (r) => wallClock(r.page.published) },
    saved: { kind: 'date', width: 17, cell: (r) => vietnamTime(r.clipping.createdAt) },
    clippingId: { kind: 'text', width: 38, cell: (r) => r.clipping.id },
  };
  return {
    name: w.sheets.ledger,
    columns: LEDGER_COLUMNS.map((id) => ({ header: w.ledger[id], ...defs[id] })),
    rows,
  };
}

export interface CitationRow {
  key: string;
  /** How the first clipping citing it wrote it (type, code, text). */
  entity: DocumentEntity;
  /** The first signing date any clipping gives, ISO YYYY-MM-DD. */
  date: string | null;
  year: number | null;
  /** The issuer most clippings name. */
  issuer: string | null;
  clippings: number;
  pages: number;
}

/**
 * One row per cited document (grouped by `documentKey`, as the library's citation
 * index groups them), most cited first.
 */
export function citationRows(views: readonly ClippingView[]): CitationRow[] {
  interface Acc {
    entity: DocumentEntity;
    date: string | null;
    year: number | null;
    issuers: Map<string, number>;
    clippings: Set<string>;
    pages: Set<string>;
  }
  const byKey = new Map<string, Acc>();
  for (const { clipping, page } of views) {
    for (const e of clipping.entities) {
      if (e.kind !== 'document') continue;
      const key = documentKey(e);
      let acc = byKey.get(key);
      if (!acc) byKey.set(key, (acc = { entity: e, date: null, year: null, issuers: new Map(), clippings: new Set(), pages: new Set() }));
      acc.date ??= e.date;
      acc.year ??= e.year;
      if (e.issuer) acc.issuers.set(e.issuer, (acc.issuers.get(e.issuer) ?? 0) + 1);
      acc.clippings.add(clipping.id);
      acc.pages.add(page.id);
    }
  }
  const rows: CitationRow[] = [];
  for (const [key, a] of byKey) {
    let issuer: string | null = null;
    let most = 0;
    for (const [name, n] of a.issuers) if (n > most) [issuer, most] = [name, n];
    rows.push({ key, entity: a.entity, date: a.date, year: a.year, issuer, clippings: a.clippings.size, pages: a.pages.size });
  }
  return rows.sort((x, y) => y.clippings - x.clippings || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export function citationTable(rows: readonly CitationRow[], lang: Lang = 'vi'): Table<CitationRow> {
  const w = words(lang);
  const defs: Record<(typeof CITATION_COLUMNS)[number], Omit<Column<CitationRow>, 'header'>> = {
    docType: { kind: 'text', width: 14, cell: (r) => r.entity.docType },
    code: { kind: 'text', width: 22, cell: (r) => r.entity.code },
    asCited: { kind: 'text', width: 50, cell: (r) => r.entity.text },
    signed: { kind: 'date', width: 12, cell: (r) => wallClock(r.date) },
    year: { kind: 'number', width: 8, cell: (r) => r.year },
    issuer: { kind: 'text', width: 30, cell: (r) => r.issuer },
    clippings: { kind: 'number', width: 12, cell: (r) => r.clippings },
    pages: { kind: 'number', width: 12, cell: (r) => r.pages },
    lookup: {
      kind: 'link',
      width: 22,
      cell: (r) => {
        const url = lookupUrl(r.entity);
        return url ? { kind: 'link', text: w.lookupText, url } : null;
      },
    },
  };
  return {
    name: w.sheets.citations,
    columns: CITATION_COLUMNS.map((id) => ({ header: w.citations[id], ...defs[id] })),
    rows,
  };
}
