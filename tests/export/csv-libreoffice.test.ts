/**
 * The exported CSVs opened by LibreOffice (as a reader opens them in a spreadsheet)
 * with the filter options the README gives (UTF-8, comma, double quote), then saved by
 * LibreOffice as XLSX and read back with ExcelJS: every character of every text field
 * comes back as written (NFD and emoji included; formula-like fields with the apostrophe
 * we put before them), every number as the same number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportClippingsCsv, exportLedgerCsv, liveViews } from '../../lib/export/index.ts';
import { cellText, isoText, type Cell } from '../../lib/export/cells.ts';
import { neutralise } from '../../lib/export/csv.ts';
import { clippingsTable, ledgerRows, ledgerTable } from '../../lib/export/tables.ts';
import type { Snapshot } from '../../lib/export/snapshot.ts';
import { bytesOf, seededArchive } from './helpers.ts';
import { convertWithOffice, readXlsx, sofficePath, type XlsxCell } from './office.ts';

// UTF-8 (76), comma and double quote, from line 1, en-US numbers (1033), quoted fields as text.
const CSV_FILTER = 'CSV:44,34,76,1,,1033,true,false';
const TIMEOUT = 180_000;

let snapshot: Snapshot;

beforeAll(async () => {
  sofficePath(); // fails here, naming the install script, when LibreOffice is missing
  // NFD quotes, emoji, curly and straight quotes, newlines, commas, tabs, and hostile text (formulas, markup, bidi).
  ({ snapshot } = await seededArchive(300, { hostile: 0.25, nfd: 0.3, seed: 7 }));
}, TIMEOUT);

async function throughOffice(bytes: Uint8Array, name: string): Promise<XlsxCell[][]> {
  const sheets = await readXlsx(await convertWithOffice(bytes, name, 'xlsx', CSV_FILTER));
  expect(sheets.size).toBe(1);
  return [...sheets.values()][0]!;
}

/** A field as LibreOffice should hold it: the text we wrote, or the date it recognised in it. */
function expectField(got: XlsxCell | undefined, cell: Cell, where: string): void {
  const expected = neutralise(cellText(cell));
  if (got?.type === 'date' && cell !== null && typeof cell === 'object' && cell.kind === 'date') {
    expect(isoText({ ...cell }), where).toBe(isoText({ ...cell, ...wallClockOf(got.value as Date, cell.hasTime) }));
    return;
  }
  expect(got?.text ?? '', where).toBe(expected);
}

function wallClockOf(d: Date, hasTime: boolean) {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds(), hasTime };
}

describe('CSV read by LibreOffice', () => {
  it('keeps every text field of the clippings CSV, Vietnamese and NFD included', async () => {
    const file = await exportClippingsCsv(snapshot, { lang: 'vi' });
    const sheet = await throughOffice(bytesOf(file), 'clippings.csv');
    const table = clippingsTable(liveViews(snapshot), 'vi');
    expect(sheet[0]!.map((c) => c.text)).toEqual(table.columns.map((c) => c.header));
    expect(sheet.length).toBe(table.rows.length + 1);
    let nfd = 0;
    let formulas = 0;
    table.rows.forEach((row, r) => {
      table.columns.forEach((col, c) => {
        const cell = col.cell(row);
        expectField(sheet[r + 1]![c], cell, `row ${r + 1}, ${col.header}`);
        const text = cellText(cell);
        if (text !== text.normalize('NFC')) nfd++;
        if (neutralise(text) !== text) formulas++;
      });
    });
    expect(nfd).toBeGreaterThan(0); // decomposed text was there, and came back decomposed
    expect(formulas).toBeGreaterThan(0); // and formula-like text came back as text
  }, TIMEOUT);

  it('keeps every ledger value a number, equal to the stored one', async () => {
    const file = await exportLedgerCsv(snapshot, { lang: 'en' });
    const sheet = await throughOffice(bytesOf(file), 'ledger.csv');
    const rows = ledgerRows(liveViews(snapshot));
    const table = ledgerTable(rows, 'en');
    expect(sheet[0]!.map((c) => c.text)).toEqual(table.columns.map((c) => c.header));
    expect(rows.length).toBeGreaterThan(300);
    rows.forEach((row, r) => {
      const cells = sheet[r + 1]!;
      expect(cells[0]!.type, `row ${r + 1} value`).toBe('number');
      expect(cells[0]!.value).toBe(row.figure.value);
      if (row.figure.valueTo !== null) expect(cells[1]!.value).toBe(row.figure.valueTo);
      table.columns.forEach((col, c) => {
        if (col.kind !== 'number') expectField(cells[c], col.cell(row), `row ${r + 1}, ${col.header}`);
      });
    });
  }, TIMEOUT);
});
