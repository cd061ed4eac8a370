/**
 * The JSON backup (lib/backup/format.ts): complete, versioned, restorable by
 * lib/import. Written as parts of a few thousand records each, one record per line, so
 * a 100 000-clipping archive is never one giant string and the file diffs well.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, toBackupClipping, toBackupPage, type Snapshot } from '../backup/format.ts';
import { exportName } from './names.ts';
import { CHUNK, pause, throwIfAborted } from './progress.ts';
import type { ExportFile, ExportOptions } from './types.ts';

async function records<T, U>(items: readonly T[], map: (item: T) => U, phase: string, options: ExportOptions, parts: string[]): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    throwIfAborted(options.signal);
    const end = Math.min(items.length, start + CHUNK);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(JSON.stringify(map(items[i]!)));
    parts.push((start > 0 ? ',\n' : '\n') + lines.join(',\n'));
    options.onProgress?.({ phase, done: end, total: items.length });
    if (end < items.length) await pause();
  }
}

export async function exportBackup(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  const now = options.now ?? Date.now();
  const parts: string[] = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date(now).toISOString())},\n"pages":[`,
  ];
  await records(snapshot.pages, toBackupPage, 'pages', options, parts);
  parts.push('\n],\n"clippings":[');
  await records(snapshot.clippings, toBackupClipping, 'clippings', options, parts);
  parts.push(`\n],\n"settings":${JSON.stringify(snapshot.settings)}\n}\n`);
  throwIfAborted(options.signal);
  return { name: exportName('backup', 'json', now), type: 'application/json', parts };
}
