/**
 * Messages between the library page and its import worker (lib/import/worker.ts).
 *
 * The records come back in chunks rather than in the `done` message: the page
 * deserializes each message in one task on its own thread, and a single message of
 * 100 000 clippings (their derived search tokens included) would freeze it for as long
 * as the parse the worker was there to take away. A chunk of a few hundred records
 * (serve.ts `RECORDS_PER_MESSAGE`) costs the page some tens of milliseconds, and it
 * repaints between chunks.
 */
import type { Progress } from '../export/progress.ts';
import type { ClippingRecord, PageRecord, SettingsRecord } from '../store/records.ts';
import type { ImportErrorCode } from './errors.ts';
import type { ImportSummary, ParsedImport } from './index.ts';

export type ToImportWorker =
  | {
      type: 'start';
      /** The file from the picker (a File is a Blob: it is passed by reference, not copied). */
      file: Blob;
      maxBytes?: number | undefined;
    }
  /** The page has taken in a chunk of records: send another (serve.ts says why the page sets the pace). */
  | { type: 'next' };

export type FromImportWorker =
  /**
   * The worker runs and has the file. From here a failure of the worker (out of memory
   * on a huge file) is an error, not a reason to try again on the page's thread.
   */
  | { type: 'started' }
  | { type: 'progress'; progress: Progress }
  /** A chunk of the checked records, in file order; `total` is how many of that kind there are in all. */
  | { type: 'pages'; records: PageRecord[]; total: number }
  | { type: 'clippings'; records: ClippingRecord[]; total: number }
  /** After every chunk: the rest of the parsed file and the dry run's summary. */
  | { type: 'done'; format: ParsedImport['format']; settings: SettingsRecord | null; skipped: ParsedImport['skipped']; summary: ImportSummary }
  /** An ImportError keeps its parts (code, place, message without the place) so the page makes the same error again. */
  | { type: 'error'; name: string; message: string; importError?: { code: ImportErrorCode; detail: string; path: string | null } };
