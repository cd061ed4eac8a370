/**
 * The XLSX workbook (issue 7): clippings, the statistics ledger and the citation
 * index as three sheets of typed cells, so numbers stay numbers and dates stay dates
 * whatever the reader's locale (a Vietnamese Excel reads "1.640" in a CSV as 1.64).
 * Headers follow the language asked for; each sheet has its header row frozen, an
 * autofilter and set column widths.
 */
import { words } from './labels.ts';
import { exportName } from './names.ts';
import { liveViews, type Snapshot } from './snapshot.ts';
import { citationRows, citationTable, clippingsTable, ledgerRows, ledgerTable } from './tables.ts';
import type { ExportFile, ExportOptions } from './types.ts';
import { writeWorkbook, type WorkbookOptions } from './xlsx/writer.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportXlsx(snapshot: Snapshot, options: ExportOptions & Pick<WorkbookOptions, 'level'> = {}): Promise<ExportFile> {
  const lang = options.lang ?? 'vi';
  const now = options.now ?? Date.now();
  const views = liveViews(snapshot);
  const tables = [clippingsTable(views, lang), ledgerTable(ledgerRows(views), lang), citationTable(citationRows(views), lang)];
  const parts = await writeWorkbook(tables, {
    now,
    onProgress: options.onProgress,
    signal: options.signal,
    ...(options.level !== undefined ? { level: options.level } : {}),
    // A year reads "2024", not "2.024".
    plainNumbers: new Set([words(lang).citations.year]),
  });
  return { name: exportName('workbook', 'xlsx', now), type: XLSX_TYPE, parts };
}
