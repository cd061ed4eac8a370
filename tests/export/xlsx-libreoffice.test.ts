/**
 * The workbook opened by LibreOffice (Debian's package, headless): saved as flat ODS,
 * every ledger value is a float equal to the stored one and every date a date with the
 * same wall-clock time; saved as XLSX by LibreOffice and read back, every text cell of
 * the three sheets (Vietnamese, NFD, emoji, markup, formula-like text) is intact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx, liveViews, type Snapshot } from '../../lib/export/index.ts';
import { cellText, isoText, type DateCell } from '../../lib/export/cells.ts';
import { citationRows, citationTable, clippingsTable, ledgerRows, ledgerTable, type Table } from '../../lib/export/tables.ts';
import { bytesOf, seededArchive } from './helpers.ts';
import { convertToFods, convertWithOffice, readFods, readXlsx, sofficePath } from './office.ts';

const TIMEOUT = 180_000;
let snapshot: Snapshot;
let workbook: Uint8Array;
let tables: Table<unknown>[];

beforeAll(async () => {
  sofficePath(); // fails here, naming the install script, when LibreOffice is missing
  ({ snapshot } = await seededArchive(250, { hostile: 0.25, nfd: 0.3, seed: 5 }));
  workbook = bytesOf(await exportXlsx(snapshot, { lang: 'vi' }));
  const views = liveViews(snapshot);
  tables = [clippingsTable(views), ledgerTable(ledgerRows(views)), citationTable(citationRows(views))] as Table<unknown>[];
}, TIMEOUT);

/** "2024-03-12T08:30:00" as flat ODS writes a date-time; "2024-03-12" a date alone. */
function odsDate(c: DateCell): string {
  return isoText(c).replace(' ', 'T');
}

describe('XLSX read by LibreOffice', () => {
  it('keeps every ledger value numeric and equal, and every date a date', async () => {
    const sheets = readFods(await convertToFods(workbook, 'archive.xlsx'));
    expect([...sheets.keys()]).toEqual(tables.map((t) => t.name));
    let dates = 0;
    let numbers = 0;
    tables.forEach((table) => {
      const sheet = sheets.get(table.name)!;
      expect(sheet[0]!.map((c) => c.text)).toEqual(table.columns.map((c) => c.header));
      table.rows.forEach((row, r) => {
        table.columns.forEach((col, c) => {
          const cell = col.cell(row);
          const got = sheet[r + 1]?.[c];
          const where = `${table.name} row ${r + 1}, ${col.header}`;
          if (typeof cell === 'number') {
            expect(got?.type, where).toBe('float');
            expect(Number(got?.value), where).toBe(cell);
            numbers++;
          } else if (cell !== null && typeof cell === 'object' && cell.kind === 'date') {
            expect(got?.type, where).toBe('date');
            expect(got?.value, where).toBe(odsDate(cell));
            dates++;
          }
        });
      });
    });
    expect(numbers).toBeGreaterThan(500);
    expect(dates).toBeGreaterThan(500);
  }, TIMEOUT);

  it('keeps every text cell intact, Vietnamese and NFD included', async () => {
    const sheets = await readXlsx(await convertWithOffice(workbook, 'archive.xlsx', 'xlsx'));
    let nfd = 0;
    tables.forEach((table) => {
      const sheet = sheets.get(table.name)!;
      table.rows.forEach((row, r) => {
        table.columns.forEach((col, c) => {
          const cell = col.cell(row);
          if (typeof cell === 'string' || (cell !== null && typeof cell === 'object' && cell.kind === 'link')) {
            const text = cellText(cell);
            expect(sheet[r + 1]?.[c]?.text, `${table.name} row ${r + 1}, ${col.header}`).toBe(text);
            if (text !== text.normalize('NFC')) nfd++;
          }
        });
      });
    });
    expect(nfd).toBeGreaterThan(0);
  }, TIMEOUT);
});
