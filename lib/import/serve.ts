/**
 * The import worker's one job, apart from its wiring (worker.ts) so that tests run it
 * with a database of their own: prepare the picked file (read, check, dry run) and
 * post the outcome as lib/import/worker-protocol.ts says, the records in chunks.
 *
 * The chunks are sent as the page asks for them (`next`), two ahead: posted all at
 * once, 100 000 clippings waited in the page's message queue as a second serialized
 * copy beside the worker's own, the browser's memory pressure set off full garbage
 * collections on the page, and its pauses grew to seconds. Each chunk's records are
 * let go once sent, so the worker's memory shrinks as the page's grows.
 */
import type { ArchiveDB } from '../store/db.ts';
import { ImportError } from './errors.ts';
import { prepareImport } from './index.ts';
import type { FromImportWorker, ToImportWorker } from './worker-protocol.ts';

/**
 * Records per message. The page deserializes a message in one task: 500 clippings
 * (their search tokens included) take it some tens of milliseconds.
 */
export const RECORDS_PER_MESSAGE = 500;
/** Chunks sent before the page has asked for them: one being read by the page while the next is made. */
export const CHUNKS_AHEAD = 2;

/** Counts the page's requests for chunks; `take` waits for one. */
export class Requests {
  #count = CHUNKS_AHEAD;
  #waiting: (() => void) | null = null;

  /** The page asked for one more chunk. */
  give(): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) waiting();
    else this.#count++;
  }

  take(): Promise<void> {
    if (this.#count > 0) {
      this.#count--;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.#waiting = resolve));
  }
}

/** Sends `records` in chunks as they are asked for, letting each chunk go once sent. */
async function sendInChunks<T>(records: (T | undefined)[], requests: Requests, send: (records: T[], total: number) => void): Promise<void> {
  const total = records.length;
  for (let start = 0; start < total; start += RECORDS_PER_MESSAGE) {
    await requests.take();
    const end = Math.min(total, start + RECORDS_PER_MESSAGE);
    send(records.slice(start, end) as T[], total);
    // postMessage has copied them: the worker's copy can go.
    records.fill(undefined, start, end);
  }
}

/** Answers one `start` message; never throws (a failure is an `error` message). */
export async function serveImport(db: ArchiveDB, request: Extract<ToImportWorker, { type: 'start' }>, post: (message: FromImportWorker) => void, requests: Requests): Promise<void> {
  post({ type: 'started' });
  try {
    const { parsed, summary } = await prepareImport(db, request.file, { maxBytes: request.maxBytes, onProgress: (progress) => post({ type: 'progress', progress }) });
    const { pages, clippings, settings } = parsed.snapshot;
    await sendInChunks<typeof pages[number]>(pages, requests, (records, total) => post({ type: 'pages', records, total }));
    await sendInChunks<typeof clippings[number]>(clippings, requests, (records, total) => post({ type: 'clippings', records, total }));
    post({ type: 'done', format: parsed.format, settings, skipped: parsed.skipped, summary });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const importError = e instanceof ImportError ? { code: e.code, detail: e.detail, path: e.path } : undefined;
    post({ type: 'error', name: e.name, message: e.message, ...(importError ? { importError } : {}) });
  }
}
