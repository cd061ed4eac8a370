/**
 * Running an export for the library page: in a worker when the page can start one
 * (the product), on the page itself otherwise (tests under Node, or a worker that
 * failed to load). Either way the caller gets a Blob to download and the same
 * progress reports, and an aborted signal ends the export with an AbortError and no
 * file.
 */
import type { ArchiveDB } from '../store/db.ts';
import { exportArchive, type ExportRequest } from './job.ts';
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
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Exports in a fresh worker from `start` (one per export: a cancel terminates it).
 * When the worker cannot be started or fails to load before reporting anything, the
 * export runs on `fallback` instead.
 */
export function exportInWorker(start: () => WorkerLike, fallback: ExportRunner): ExportRunner {
  return (request, options = {}) => {
    throwIfAborted(options.signal);
    let worker: WorkerLike;
    try {
      worker = start();
    } catch {
      return fallback(request, options);
    }
    return new Promise<ExportedFile>((resolve, reject) => {
      let heard = false;
      const finish = () => {
        worker.terminate();
        options.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(new AbortError());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event) => {
        const message = event.data;
        heard = true;
        if (message.type === 'progress') options.onProgress?.(message.progress);
        else if (message.type === 'done') {
          finish();
          resolve({ name: message.name, blob: message.blob });
        } else {
          finish();
          if (message.name === 'AbortError') return reject(new AbortError(message.message));
          const error = new Error(message.message);
          error.name = message.name;
          reject(error);
        }
      };
      worker.onerror = () => {
        finish();
        if (heard) reject(new Error('the export worker failed'));
        else fallback(request, options).then(resolve, reject);
      };
      worker.postMessage({ type: 'start', request });
    });
  };
}
