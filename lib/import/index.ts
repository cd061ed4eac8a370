/**
 * Imports into the archive: Trích Lục backups and W3C Web Annotation files.
 *
 *   const parsed = await readImport(file, { onProgress, signal });   // refuses a bad file: ImportError
 *   const preview = await previewImport(db, parsed);                 // new / duplicate / conflicting
 *   // (both at once, off the page's thread: run.ts's importInWorker over worker.ts)
 *   const done = await applyImport(db, parsed, { onProgress, signal }); // one transaction
 *
 * Text is stored verbatim (markup, scripts and bidi controls included): showing it
 * inert is the UI's job, as for everything the store holds.
 */
import type { Snapshot } from '../backup/format.ts';
import { throwIfAborted } from '../export/progress.ts';
import type { ArchiveDB } from '../store/db.ts';
import { apply, dryRun } from './apply.ts';
import { isBackup, snapshotFromBackup } from './backup.ts';
import { ImportError } from './errors.ts';
import type { MergeSummary } from './merge.ts';
import { readJson, type ImportInput, type ReadOptions } from './read.ts';
export { parseJson } from './read.ts';
import { isW3C, snapshotFromW3C, type Skipped, type W3COptions } from './w3c.ts';

export { ImportError, type ImportErrorCode } from './errors.ts';
export { MAX_IMPORT_BYTES, type ImportInput, type ReadOptions } from './read.ts';
export type { Counts, MergeSummary, SettingsOutcome } from './merge.ts';
export type { Skipped } from './w3c.ts';

export interface ParsedImport {
  format: 'backup' | 'w3c';
  snapshot: Snapshot;
  /** Annotations that are not quotations of a page (W3C files only). */
  skipped: Skipped[];
}

export interface ImportSummary extends MergeSummary {
  format: ParsedImport['format'];
  skipped: Skipped[];
}

/** Reads and checks a file; throws ImportError naming the problem. Nothing is written. */
export async function readImport(input: ImportInput, options: ReadOptions & Pick<W3COptions, 'now' | 'newId'> = {}): Promise<ParsedImport> {
  const value = await readJson(input, options);
  throwIfAborted(options.signal);
  if (isBackup(value)) return { format: 'backup', snapshot: await snapshotFromBackup(value, options), skipped: [] };
  if (isW3C(value)) {
    const { snapshot, skipped } = await snapshotFromW3C(value, options);
    return { format: 'w3c', snapshot, skipped };
  }
  throw new ImportError('unknown-format', 'the file is neither a Trích Lục backup nor W3C Web Annotations (JSON-LD)');
}

/** The dry run: what applying would add, leave and overwrite. */
export async function previewImport(db: ArchiveDB, parsed: ParsedImport): Promise<ImportSummary> {
  const plan = await dryRun(db, parsed.snapshot);
  return { ...plan.summary, format: parsed.format, skipped: parsed.skipped };
}

/** A file read, checked and compared with the archive: what the import dialog shows before the reader confirms. */
export interface PreparedImport {
  parsed: ParsedImport;
  summary: ImportSummary;
}

/**
 * `readImport`, then `previewImport`: everything before the confirmation, writing
 * nothing. The library page runs it in the import worker (lib/import/worker.ts).
 */
export async function prepareImport(db: ArchiveDB, input: ImportInput, options: ReadOptions = {}): Promise<PreparedImport> {
  const parsed = await readImport(input, options);
  throwIfAborted(options.signal);
  const summary = await previewImport(db, parsed);
  throwIfAborted(options.signal);
  return { parsed, summary };
}

/** Merges the file into the archive in one transaction: all of it, or (on a failure or a cancel) none. */
export async function applyImport(db: ArchiveDB, parsed: ParsedImport, options: ReadOptions = {}): Promise<ImportSummary> {
  const plan = await apply(db, parsed.snapshot, options);
  return { ...plan.summary, format: parsed.format, skipped: parsed.skipped };
}
