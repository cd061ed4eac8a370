/**
 * Exports of the archive: one module per format, all reading a Snapshot (records as
 * stored) and giving an ExportFile. The library page and the `convert` command use
 * this table, so a format added here is available in both.
 *
 *   const snapshot = await readSnapshot(db);                     // or snapshotOfViews(filtered)
 *   const file = await EXPORTERS.xlsx(snapshot, { lang: 'vi', onProgress, signal });
 *   const blob = new Blob(file.parts, { type: file.type });       // in the library page
 */
import { exportBackup } from './backup.ts';
import { exportCsl } from './csl.ts';
import { exportClippingsCsv, exportLedgerCsv } from './csv.ts';
import { exportMarkdown } from './markdown.ts';
import type { Snapshot } from './snapshot.ts';
import type { ExportFile, ExportFormat, ExportOptions } from './types.ts';
import { exportW3C } from './w3c.ts';
import { exportXlsx } from './xlsx.ts';

export const EXPORTERS: Record<ExportFormat, (snapshot: Snapshot, options?: ExportOptions) => Promise<ExportFile>> = {
  json: exportBackup,
  csv: exportClippingsCsv,
  'ledger-csv': exportLedgerCsv,
  markdown: exportMarkdown,
  w3c: exportW3C,
  csl: exportCsl,
  xlsx: exportXlsx,
};

export { exportBackup, exportCsl, exportClippingsCsv, exportLedgerCsv, exportMarkdown, exportW3C, exportXlsx };
export { readSnapshot, snapshotOfViews, liveViews, type Snapshot } from './snapshot.ts';
export { AbortError, type Progress, type ProgressCallback, type TaskOptions } from './progress.ts';
export { EXPORT_FORMATS, type ExportFile, type ExportFormat, type ExportOptions, type Lang } from './types.ts';
