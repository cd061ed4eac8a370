/**
 * Running an export for the library page: in a worker when the page can start one
 * (the product), on the page itself otherwise (tests under Node, or a worker that
 * failed to load). Either way the caller gets a Blob to download and the same
 * progress reports, and an aborted signal ends the export with an AbortError and no
 * file.
 */
import type { ArchiveDB } from '../store/db.ts';
import { exportArchive, type ExportRequest } from './job.ts';
import { runInWorker, type WorkerPort } from './in-worker.ts';
import { AbortError, throwIfAborted, type TaskOptions } from './progress.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface ExportedFile {
  /** The suggested file name (ASCII, dated: trich-luc-clippings-2026-11-23.csv). */
  name: string;
  blob: Blob;
}

export type ExportRunner = (request: ExportRequest, options?: TaskOptions) => Promise<ExportedFile>;

/** Exports on the calling thread (the exporters pause between chunks). */
export function exportHere(db: ArchiveDB): ExportRunner {
  return async (request, options = {}) => {
    const file = await exportArchive(db, request, options);
    throwIfAborted(options.signal);
    return { name: file.name, blob: new Blob(file.parts as BlobPart[], { type: file.type }) };
  };
}

/** The slice of `Worker` used here, so tests can hand in a fake. */
export type WorkerLike = WorkerPort<ToWorker, FromWorker>;

/**
 * Exports in a fresh worker from `start` (one per export: a cancel terminates it).
 * When the worker cannot be started or fails to load before reporting anything, the
 * export runs on `fallback` instead.
 */
export function exportInWorker(start: () => WorkerLike, fallback: ExportRunner): ExportRunner {
  return (request, options = {}) => {
    throwIfAborted(options.signal);
    return runInWorker<ToWorker, FromWorker, ExportedFile>({
      start,
      fallback: () => fallback(request, options),
      signal: options.signal,
      first: { type: 'start', request },
      failure: 'the export worker failed',
      onMessage(message, job) {
        if (message.type === 'progress') options.onProgress?.(message.progress);
        else if (message.type === 'done') job.resolve({ name: message.name, blob: message.blob });
        else if (message.name === 'AbortError') job.reject(new AbortError(message.message));
        else {
          const error = new Error(message.message);
          error.name = message.name;
          job.reject(error);
        }
      },
    });
  };
}
