/**
 * The snapshot of what the library's list shows now: the clippings matching its search
 * text and filter (the store's own search, so the export holds exactly the rows the
 * reader sees), with their pages and the archive's settings.
 *
 * Read a chunk at a time with the store's cursors rather than in one request: each
 * chunk is a short read transaction, so progress can be reported and a cancel seen
 * between chunks, and the page keeps repainting while 100 000 matches are read.
 */
import type { ArchiveDB } from '../store/db.ts';
import type { ClippingFilter } from '../store/filter.ts';
import { search } from '../store/read.ts';
import type { ClippingView } from '../store/records.ts';
import { CHUNK, pause, throwIfAborted, type TaskOptions } from './progress.ts';
import { snapshotOfViews, type Snapshot } from './snapshot.ts';

/** What the library's list shows: its search text ('' for none) and its filter. */
export interface ExportScope {
  query: string;
  filter: ClippingFilter;
}

/** The phase name `readScopedSnapshot` reports progress under. */
export const READ_PHASE = 'read';

export async function readScopedSnapshot(db: ArchiveDB, scope: ExportScope, options: TaskOptions & { chunk?: number } = {}): Promise<Snapshot> {
  const limit = options.chunk ?? CHUNK;
  const views: ClippingView[] = [];
  let cursor: string | null = null;
  // The store knows the total only for some plans; without it the bar is indeterminate.
  let total = 0;
  do {
    throwIfAborted(options.signal);
    const page = await search(db, scope.query, { filter: scope.filter, limit, cursor });
    views.push(...page.items);
    if (page.total !== null) total = page.total;
    cursor = page.next;
    options.onProgress?.({ phase: READ_PHASE, done: views.length, total: cursor === null ? views.length : Math.max(total, views.length) });
    if (cursor !== null) await pause();
  } while (cursor !== null);
  throwIfAborted(options.signal);
  const settings = (await db.settings.get('archive')) ?? null;
  return snapshotOfViews(views, settings);
}
