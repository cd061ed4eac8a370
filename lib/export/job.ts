/**
 * One export as the library page asks for it: a format, a scope (the whole archive, or
 * what the list shows) and a language, read from the database and written as a file.
 * The same function runs in the export worker (lib/export/worker.ts) and, where no
 * worker can be started (tests, a DOM without workers), on the page itself.
 */
import type { ArchiveDB } from '../store/db.ts';
import { EXPORTERS } from './index.ts';
import { throwIfAborted, type TaskOptions } from './progress.ts';
import { readScopedSnapshot, READ_PHASE, type ExportScope } from './scoped.ts';
import { readSnapshot } from './snapshot.ts';
import type { ExportFile, ExportFormat, Lang } from './types.ts';

export interface ExportRequest {
  format: ExportFormat;
  /** null: the whole archive. Ignored for `json`: a backup is always the whole archive. */
  scope: ExportScope | null;
  lang: Lang;
  /** The export's time (epoch ms): the date in the file name. Default now. */
  now?: number;
}

/** The scope an export really has: a backup restores an archive, so it never holds a part of one. */
export function effectiveScope(request: Pick<ExportRequest, 'format' | 'scope'>): ExportScope | null {
  return request.format === 'json' ? null : request.scope;
}

/**
 * How many progress phases an export reports, reading included: the page turns them
 * into one bar that only moves forward (lib/library/transfer.ts).
 */
export function exportPhases(format: ExportFormat): number {
  const writing = format === 'xlsx' ? 3 : format === 'json' ? 2 : 1;
  return 1 + writing;
}

export async function exportArchive(db: ArchiveDB, request: ExportRequest, options: TaskOptions = {}): Promise<ExportFile> {
  const scope = effectiveScope(request);
  let snapshot;
  if (scope) snapshot = await readScopedSnapshot(db, scope, options);
  else {
    snapshot = await readSnapshot(db);
    options.onProgress?.({ phase: READ_PHASE, done: 1, total: 1 });
  }
  throwIfAborted(options.signal);
  return EXPORTERS[request.format](snapshot, { lang: request.lang, now: request.now, onProgress: options.onProgress, signal: options.signal });
}
