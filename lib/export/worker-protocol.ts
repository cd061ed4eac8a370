/** Messages between the library page and its export worker (lib/export/worker.ts). */
import type { ExportRequest } from './job.ts';
import type { Progress } from './progress.ts';

export type ToWorker = { type: 'start'; request: ExportRequest };

export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; name: string; blob: Blob }
  /** `name` is the error's name (AbortError, DatabaseClosedError…), `message` its text. */
  | { type: 'error'; name: string; message: string };
