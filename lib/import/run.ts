/**
 * Preparing an import for the library page (reading, checking, the dry run): in a
 * worker when the page can start one (the product), on the page itself otherwise
 * (tests under Node, or a worker that failed to load), as lib/export/run.ts does for
 * exports. Either way the caller gets the parsed file and its summary, the same
 * progress reports and the same ImportErrors; an aborted signal ends it with an
 * AbortError.
 */
import { runInWorker, type WorkerPort } from '../export/in-worker.ts';
import { AbortError, throwIfAborted } from '../export/progress.ts';
import type { ArchiveDB } from '../store/db.ts';
import type { ClippingRecord, PageRecord } from '../store/records.ts';
import { ImportError } from './errors.ts';
import { prepareImport, type PreparedImport } from './index.ts';
import type { ReadOptions } from './read.ts';
import type { FromImportWorker, ToImportWorker } from './worker-protocol.ts';

export type ImportRunner = (file: Blob, options?: ReadOptions) => Promise<PreparedImport>;

/**
 * The phases an import reports before its preview, for one forward-only bar
 * (lib/library/transfer.ts `progressMeter`): 'validate pages', 'validate clippings'
 * (a W3C file has one, 'validate annotations'), then 'receive clippings' when a worker
 * hands the records to the page.
 */
export const PREPARE_PHASES = 3;
export const RECEIVE_PHASE = 'receive clippings';

/** Prepares on the calling thread (the checks pause between chunks; the parse cannot). */
export function importHere(db: ArchiveDB): ImportRunner {
  return (file, options = {}) => prepareImport(db, file, options);
}

/** The slice of `Worker` used here, so tests can hand in a fake. */
export type ImportWorkerLike = WorkerPort<ToImportWorker, FromImportWorker>;

/** The error the worker reported, made again on this side: an ImportError stays one (the page localizes it by its code). */
function errorFrom(message: Extract<FromImportWorker, { type: 'error' }>): Error {
  if (message.importError) return new ImportError(message.importError.code, message.importError.detail, message.importError.path);
  if (message.name === 'AbortError') return new AbortError(message.message);
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}

/**
 * Prepares in a fresh worker from `start` (one per file: a cancel terminates it).
 * When the worker cannot be started or fails to load (before its `started`), the
 * import is prepared on `fallback` instead; a worker that fails later (out of memory
 * on a huge file) fails the import, rather than freezing the page on the same file.
 */
export function importInWorker(start: () => ImportWorkerLike, fallback: ImportRunner): ImportRunner {
  return (file, options = {}) => {
    throwIfAborted(options.signal);
    const pages: PageRecord[] = [];
    const clippings: ClippingRecord[] = [];
    return runInWorker<ToImportWorker, FromImportWorker, PreparedImport>({
      start,
      fallback: () => fallback(file, options),
      signal: options.signal,
      first: { type: 'start', file, maxBytes: options.maxBytes },
      failure: 'the import worker failed',
      onMessage(message, job) {
        switch (message.type) {
          case 'started':
            break;
          case 'progress':
            options.onProgress?.(message.progress);
            break;
          case 'pages':
            // push(...records) would pass a chunk as arguments: a loop has no such limit.
            for (const record of message.records) pages.push(record);
            job.post({ type: 'next' });
            break;
          case 'clippings':
            for (const record of message.records) clippings.push(record);
            options.onProgress?.({ phase: RECEIVE_PHASE, done: clippings.length, total: message.total });
            job.post({ type: 'next' });
            break;
          case 'done':
            job.resolve({ parsed: { format: message.format, snapshot: { pages, clippings, settings: message.settings }, skipped: message.skipped }, summary: message.summary });
            break;
          case 'error':
            job.reject(errorFrom(message));
            break;
        }
      },
    });
  };
}
