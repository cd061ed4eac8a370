/**
 * CSV of clippings and of the statistics ledger, as RFC 4180 says and spreadsheets
 * expect: UTF-8 with a byte-order mark (without it Excel reads the file as the
 * system's ANSI code page and Vietnamese turns to mojibake), fields quoted when they
 * hold a quote, comma or line break, quotes doubled, records ended by CRLF.
 *
 * Formula injection: a text field beginning with "=", "+", "-", "@", a tab or a
 * carriage return would be run as a formula by Excel or LibreOffice (OWASP, "CSV
 * Injection"), and quotes and notes come from web pages. Such fields get a leading
 * apostrophe, which both show as text. Numbers are written as numbers and never
 * prefixed: "-2.5" is a number, not a formula, and must stay one.
 *
 * Written by hand rather than with a library: the format is these few rules, and the
 * neutralising has to know which fields are numbers, which a generic writer does not.
 */
import { liveViews, type Snapshot } from './snapshot.ts';
import { cellText, type Cell } from './cells.ts';
import { CHUNK, pause, throwIfAborted } from './progress.ts';
import { clippingsTable, ledgerRows, ledgerTable, type Table } from './tables.ts';
import type { ExportFile, ExportOptions } from './types.ts';
import { exportName } from './names.ts';

export const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text field made inert for spreadsheets (see above). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field. */
export function csvField(cell: Cell): string {
  if (typeof cell === 'number') return cellText(cell);
  return quoted(neutralise(cellText(cell)));
}

export function csvRecord(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + CRLF;
}

/** A table as CSV parts, a chunk of records per part, pausing between chunks. */
export async function tableCsv<R>(table: Table<R>, options: ExportOptions = {}): Promise<string[]> {
  const parts = [BOM + csvRecord(table.columns.map((c) => c.header))];
  const { rows, columns } = table;
  for (let start = 0; start < rows.length; start += CHUNK) {
    throwIfAborted(options.signal);
    const end = Math.min(rows.length, start + CHUNK);
    let out = '';
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      out += csvRecord(columns.map((c) => c.cell(row)));
    }
    parts.push(out);
    options.onProgress?.({ phase: table.name, done: end, total: rows.length });
    if (end < rows.length) await pause();
  }
  return parts;
}

export async function exportClippingsCsv(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  const table = clippingsTable(liveViews(snapshot), options.lang);
  return { name: exportName('clippings', 'csv', options.now), type: 'text/csv;charset=utf-8', parts: await tableCsv(table, options) };
}

export async function exportLedgerCsv(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  const table = ledgerTable(ledgerRows(liveViews(snapshot)), options.lang);
  return { name: exportName('ledger', 'csv', options.now), type: 'text/csv;charset=utf-8', parts: await tableCsv(table, options) };
}
