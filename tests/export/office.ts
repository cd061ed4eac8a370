/**
 * LibreOffice (Debian's package, headless) as a real consumer of our files: it opens
 * a file and saves it again (as flat ODS or XLSX), and we read back every cell. Needs
 * `soffice`, installed by scripts/install-office.sh (npm run test:all calls it): a
 * missing LibreOffice fails these tests rather than skipping them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { DOMParser } from 'linkedom';

export function sofficePath(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      if (readdirSync(dir).includes('soffice')) return join(dir, 'soffice');
    } catch {
      // not a readable folder
    }
  }
  throw new Error('LibreOffice (soffice) is not installed: run `bash scripts/install-office.sh` (npm run test:all does)');
}

export interface OdsCell {
  type: string | null;
  /** office:value (floats), office:date-value (dates), or null. */
  value: string | null;
  text: string;
}

export type OdsSheet = OdsCell[][];

/**
 * Converts `bytes` (named `name`, whose extension tells LibreOffice the format) to
 * `target` ("fods", "xlsx") and returns the result. Each call has its own LibreOffice
 * profile, so test files running side by side do not fight over one.
 */
export async function convertWithOffice(bytes: Uint8Array, name: string, target: 'fods' | 'xlsx', infilter?: string): Promise<Uint8Array> {
  const soffice = sofficePath();
  const dir = mkdtempSync(join(tmpdir(), 'trich-luc-office-'));
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      target,
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: 120_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${stderr || error.message}`)) : resolve()));
    });
    const out = readdirSync(join(dir, 'out')).find((f) => f.endsWith(`.${target}`));
    if (!out) throw new Error(`soffice wrote no .${target} file`);
    return new Uint8Array(readFileSync(join(dir, 'out', out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Flat ODS, for the cell types and exact values LibreOffice gives (office:value-type,
 * office:value, office:date-value). Its text is not exact: LibreOffice's flat ODS
 * writer drops tabs from cells that hold several lines, so text is compared through
 * LibreOffice's XLSX output instead (`readXlsx`).
 */
export async function convertToFods(bytes: Uint8Array, name: string, infilter?: string): Promise<string> {
  return new TextDecoder().decode(await convertWithOffice(bytes, name, 'fods', infilter));
}

export interface XlsxCell {
  type: 'number' | 'string' | 'date' | 'link' | 'other';
  value: number | string | Date | null;
  text: string;
}

/** Every sheet of an XLSX file as rows of typed cells, read with ExcelJS (not our writer). */
export async function readXlsx(bytes: Uint8Array): Promise<Map<string, XlsxCell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, XlsxCell[][]>();
  for (const ws of wb.worksheets) {
    const rows: XlsxCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: XlsxCell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(xlsxCell(row.getCell(c)));
      rows[r - 1] = cells;
    });
    sheets.set(ws.name, rows);
  }
  return sheets;
}

function xlsxCell(cell: ExcelJS.Cell): XlsxCell {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return { type: 'other', value: null, text: '' };
    case ExcelJS.ValueType.Number:
      return { type: 'number', value: v as number, text: String(v) };
    case ExcelJS.ValueType.Date:
      return { type: 'date', value: v as Date, text: (v as Date).toISOString() };
    case ExcelJS.ValueType.Hyperlink: {
      const link = v as ExcelJS.CellHyperlinkValue;
      return { type: 'link', value: link.hyperlink, text: typeof link.text === 'string' ? link.text : cell.text };
    }
    case ExcelJS.ValueType.String:
      return { type: 'string', value: v as string, text: v as string };
    case ExcelJS.ValueType.RichText:
      return { type: 'string', value: cell.text, text: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    default:
      return { type: 'other', value: null, text: cell.text };
  }
}

function textOfNode(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'text:s') out += ' '.repeat(Number(el.getAttribute('text:c') ?? '1'));
      else if (el.tagName === 'text:tab') out += '\t';
      else if (el.tagName === 'text:line-break') out += '\n';
      else out += textOfNode(el);
    }
  }
  return out;
}

/** The sheets of a flat ODS document by name: rows of cells, repeats expanded, trailing empties dropped. */
export function readFods(xml: string): Map<string, OdsSheet> {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const sheets = new Map<string, OdsSheet>();
  for (const table of Array.from(doc.getElementsByTagName('table:table'))) {
    const rows: OdsSheet = [];
    for (const row of Array.from(table.getElementsByTagName('table:table-row'))) {
      const cells: OdsCell[] = [];
      for (const cell of Array.from(row.children)) {
        if (cell.tagName !== 'table:table-cell' && cell.tagName !== 'table:covered-table-cell') continue;
        const repeat = Math.min(Number(cell.getAttribute('table:number-columns-repeated') ?? '1'), 64);
        const paragraphs = Array.from(cell.children).filter((c) => c.tagName === 'text:p');
        const value: OdsCell = {
          type: cell.getAttribute('office:value-type'),
          value: cell.getAttribute('office:value') ?? cell.getAttribute('office:date-value'),
          text: paragraphs.map(textOfNode).join('\n'),
        };
        for (let i = 0; i < repeat; i++) cells.push(value);
      }
      while (cells.length && cells[cells.length - 1]!.type === null && cells[cells.length - 1]!.text === '') cells.pop();
      if (cells.length === 0) continue;
      const repeatRows = Math.min(Number(row.getAttribute('table:number-rows-repeated') ?? '1'), 1_000_000);
      for (let i = 0; i < repeatRows; i++) rows.push(cells);
    }
    sheets.set(table.getAttribute('table:name') ?? '', rows);
  }
  return sheets;
}
