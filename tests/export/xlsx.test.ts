/**
 * The workbook read by an independent reader (ExcelJS, not our writer): three sheets
 * with their headers in the language asked for, numbers as numeric cells, dates as
 * dates, pages as hyperlinks, header row frozen, autofilter on, widths set; text that
 * looks like a formula stays text; text XML cannot hold is replaced, not left to
 * corrupt the file.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx, liveViews, type Snapshot } from '../../lib/export/index.ts';
import { serial, wallClock } from '../../lib/export/cells.ts';
import { words } from '../../lib/export/labels.ts';
import { citationRows, citationTable, clippingsTable, ledgerRows, ledgerTable } from '../../lib/export/tables.ts';
import { writeWorkbook } from '../../lib/export/xlsx/writer.ts';
import { cellXml, columnName } from '../../lib/export/xlsx/xml.ts';
import { AbortError } from '../../lib/export/progress.ts';
import { bytesOf, seededArchive } from './helpers.ts';
import { readXlsx } from './office.ts';

let snapshot: Snapshot;
beforeAll(async () => {
  ({ snapshot } = await seededArchive(200, { hostile: 0.3, nfd: 0.2, seed: 11 }));
}, 120_000);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('XLSX workbook, read by ExcelJS', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`has the three sheets with ${lang} headers, frozen, filtered and sized`, async () => {
      const wb = await load(bytesOf(await exportXlsx(snapshot, { lang })));
      const w = words(lang);
      const views = liveViews(snapshot);
      const tables = [clippingsTable(views, lang), ledgerTable(ledgerRows(views), lang), citationTable(citationRows(views), lang)];
      expect(wb.worksheets.map((s) => s.name)).toEqual([w.sheets.clippings, w.sheets.ledger, w.sheets.citations]);
      wb.worksheets.forEach((ws, i) => {
        const table = tables[i]!;
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.header));
        expect(ws.rowCount).toBe(table.rows.length + 1);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.autoFilter).toBe(`A1:${columnName(table.columns.length - 1)}${table.rows.length + 1}`);
        table.columns.forEach((c, k) => expect(ws.getColumn(k + 1).width).toBe(c.width));
      });
    });
  }

  it('writes ledger values as numbers equal to the stored ones, and dates as dates', async () => {
    const sheets = await readXlsx(bytesOf(await exportXlsx(snapshot, { lang: 'en' })));
    const ledger = sheets.get('Statistics ledger')!;
    const rows = ledgerRows(liveViews(snapshot));
    expect(rows.length).toBeGreaterThan(200);
    rows.forEach((row, r) => {
      const cells = ledger[r + 1]!;
      expect(cells[0]).toMatchObject({ type: 'number', value: row.figure.value });
      if (row.figure.valueTo !== null) expect(cells[1]).toMatchObject({ type: 'number', value: row.figure.valueTo });
      if (row.figure.denominator !== null) expect(cells[6]).toMatchObject({ type: 'number', value: row.figure.denominator });
      expect(cells[9]).toMatchObject({ type: 'link', value: row.page.url, text: row.page.title });
      const published = wallClock(row.page.published);
      if (published) {
        expect(cells[12]!.type).toBe('date');
        // ExcelJS gives the wall clock as a UTC Date.
        expect(((cells[12]!.value as Date).getTime() / 86_400_000 + 25_569)).toBeCloseTo(serial(published), 6);
      } else {
        expect(cells[12]!.type).toBe('other');
      }
      expect(cells[13]!.type).toBe('date');
    });
    const citations = sheets.get('Citation index')!;
    expect(citations.slice(1).every((c) => c[6]!.type === 'number' && c[7]!.type === 'number')).toBe(true);
    expect(citations.slice(1).some((c) => c[3]!.type === 'date')).toBe(true);
    expect(citations.slice(1).some((c) => c[8]!.type === 'link')).toBe(true);
  });

  it('never writes a formula: formula-like text stays text', async () => {
    const bytes = bytesOf(await exportXlsx(snapshot, { lang: 'vi' }));
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      if (name.startsWith('xl/worksheets/sheet')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    }
    const sheets = await readXlsx(bytes);
    const texts = [...sheets.values()].flat(2).filter((c) => c.type === 'string').map((c) => c.text);
    expect(texts.some((t) => t.includes('=HYPERLINK('))).toBe(true);
    expect(texts.some((t) => t.includes('<script>alert("xss")</script>'))).toBe(true);
  });

  it('keeps text XML cannot hold from breaking the file', async () => {
    const hostile = ['nul\u0000 bell\u0007', 'lone \uD800 surrogate', 'escape-like _x0041_ text', '=1+1', 'x'.repeat(40_000)];
    const table = {
      name: 'Test',
      columns: [{ header: 'Text', kind: 'text' as const, width: 10, cell: (s: string) => s }],
      rows: hostile,
    };
    const wb = await load(bytesOf({ name: 't.xlsx', type: '', parts: await writeWorkbook([table]) }));
    const got = hostile.map((_, i) => wb.worksheets[0]!.getRow(i + 2).getCell(1).value);
    expect(got[0]).toBe('nul\uFFFD bell\uFFFD');
    expect(got[1]).toBe('lone \uFFFD surrogate');
    expect(got[2]).toBe('escape-like _x0041_ text');
    expect(got[3]).toBe('=1+1');
    expect((got[4] as string).length).toBe(32_767);
    expect(cellXml('a_x0041_b')).toBe('a_x005F_x0041_b');
  });

  it('reports progress and can be cancelled', async () => {
    const controller = new AbortController();
    const phases = new Set<string>();
    await expect(
      exportXlsx(snapshot, {
        signal: controller.signal,
        onProgress: (p) => {
          phases.add(p.phase);
          if (p.phase === words('vi').sheets.ledger) controller.abort();
        },
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(phases.has(words('vi').sheets.clippings)).toBe(true);
  });
});
