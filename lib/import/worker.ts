/**
 * The import worker: reads, parses and checks a picked file and makes the dry run,
 * off the library page's thread (serve.ts). Parsing a 240 MB backup is one JSON.parse
 * of seconds that no chunking can cut; on the page it froze everything, here it
 * freezes nothing, and Cancel ends the worker at once.
 *
 * It opens the archive database itself for the dry run (IndexedDB is the same in a
 * worker of the extension's origin) and only reads it: the confirmed write stays on
 * the page (applyImport), which receives the checked records in chunks
 * (worker-protocol.ts says why).
 */
import { openArchiveDB } from '../store/db.ts';
import { Requests, serveImport } from './serve.ts';
import type { FromImportWorker, ToImportWorker } from './worker-protocol.ts';

/** The worker's global scope, as far as used (the DOM lib has no worker types). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null;
  postMessage(message: FromImportWorker): void;
};

const requests = new Requests();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'next') return requests.give();
  const db = openArchiveDB();
  void serveImport(db, message, (m) => scope.postMessage(m), requests).finally(() => db.close());
};
