/**
 * The export worker: one export, off the library page's thread. Some exporters have
 * long steps that cannot be cut into chunks (compressing the Markdown zip, building the
 * CSL items, finishing a workbook: seconds each for 100 000 clippings), and on the page
 * they would freeze it; here they freeze nothing, and Cancel ends the worker at once.
 *
 * It opens the archive database itself (IndexedDB is the same in a worker of the
 * extension's origin), so the records never pass through the page.
 */
import { openArchiveDB } from '../store/db.ts';
import { exportArchive } from './job.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The worker's global scope, as far as used (the DOM lib has no worker types). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

scope.onmessage = (event) => {
  if (event.data.type !== 'start') return;
  const db = openArchiveDB();
  const post = (message: FromWorker) => scope.postMessage(message);
  exportArchive(db, event.data.request, { onProgress: (progress) => post({ type: 'progress', progress }) })
    .then((file) => post({ type: 'done', name: file.name, blob: new Blob(file.parts as BlobPart[], { type: file.type }) }))
    .catch((error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', name: e.name, message: e.message });
    })
    .finally(() => db.close());
};
