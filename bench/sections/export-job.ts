/**
 * One export bench step, run in its own process (bench/runner.ts) so that its peak
 * memory (maxRSS) is its own and not what an earlier step left behind.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { exportBackup, exportClippingsCsv } from '../../lib/export/index.ts';
import { ledgerRows, ledgerTable } from '../../lib/export/tables.ts';
import { liveViews } from '../../lib/export/snapshot.ts';
import { writeWorkbook } from '../../lib/export/xlsx/writer.ts';
import { applyImport, readImport } from '../../lib/import/index.ts';
import { openArchiveDB } from '../../lib/store/db.ts';
import { serve } from '../runner.ts';
import { buildSnapshot } from './export-data.ts';

export type Step = 'json' | 'csv' | 'import' | 'xlsx';

export interface StepJob {
  step: Step;
  clippings: number;
  /** Ledger rows for the XLSX step. */
  rows: number;
}

export interface StepResult {
  /** What was measured and how long it took (wall and CPU time of this process), in order. */
  timings: { what: string; ms: number; cpuMs: number }[];
  /** Output size in bytes (or records written, for the import). */
  size: number;
  /** Resident memory after the archive was built, and the process's peak, in MB. */
  baseMB: number;
  peakMB: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const peak = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KB

function partsBytes(parts: readonly (string | Uint8Array)[]): number {
  return parts.reduce((n, p) => n + (typeof p === 'string' ? Buffer.byteLength(p) : p.byteLength), 0);
}

async function timed<T>(timings: StepResult['timings'], what: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await f();
  const cpu = process.cpuUsage(c0);
  timings.push({ what, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
  return value;
}

serve<StepJob, StepResult>(async ({ step, clippings, rows }) => {
  const snapshot = buildSnapshot(clippings);
  global.gc?.();
  const baseMB = mb(process.memoryUsage().rss);
  const timings: StepResult['timings'] = [];
  let size = 0;
  if (step === 'json') {
    size = partsBytes((await timed(timings, 'JSON backup', () => exportBackup(snapshot))).parts);
  } else if (step === 'csv') {
    size = partsBytes((await timed(timings, 'CSV of clippings', () => exportClippingsCsv(snapshot))).parts);
  } else if (step === 'import') {
    const json = (await exportBackup(snapshot)).parts.join('');
    size = Buffer.byteLength(json);
    const parsed = await timed(timings, 'read + validate', () => readImport(json));
    const db = openArchiveDB({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange });
    await timed(timings, 'write (fake-indexeddb)', () => applyImport(db, parsed));
  } else {
    const all = ledgerRows(liveViews(snapshot));
    if (all.length < rows) throw new Error(`only ${all.length} ledger rows in ${clippings} clippings`);
    const table = ledgerTable(all.slice(0, rows));
    size = partsBytes(await timed(timings, 'XLSX ledger sheet', () => writeWorkbook([table as never])));
  }
  return { timings, size, baseMB, peakMB: peak() };
});
