/**
 * The JSON backup (lib/backup/format.ts): complete, versioned, restorable by
 * lib/import. Written as parts of a few thousand records each, one record per line, so
 * a 100 000-clipping archive is never one giant string and the file diffs well.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, toBackupClipping, toBackupPage, type Snapshot } from '../backup/format.ts';
import { exportName } from './names.ts';
import { CHUNK, pause, throwIfAborted } from './progress.ts';
import type { ExportFile, ExportOptions } from './types.ts';

/** Every backup record (toBackupPage, toBackupClipping) begins with this key. */
const RECORD_START = '{"schemaVersion":';
const BETWEEN = `},${RECORD_START}`;
const BETWEEN_LINES = `},\n${RECORD_START}`;

/**
 * Records as JSON, one per line, joined by ",\n": the same text as stringifying each
 * record and joining the lines, made faster. One JSON.stringify of the whole chunk and
 * one replaceAll that breaks it into lines cost about a fifth less than 2 000 calls and
 * a join (100 000 clippings on Node 20, profiled: 1.9 s against 2.35 s). What is left
 * is JSON.stringify itself (about three quarters) and the replaceAll (a sixth): writing
 * the record by hand with template strings was slower, and encoding to UTF-8 here only
 * moves the Blob's work earlier.
 *
 * The line breaks go where a record closes and the next one opens; each such place is
 * `},{"schemaVersion":`, and nowhere else in the chunk can that text be: inside a
 * string the quotes are escaped, and no nested object starts with that key. That is
 * checked, not assumed: each break adds one character, so the length tells whether
 * exactly `count - 1` were made; if not, the lines are made one at a time.
 */
export function jsonLines(records: readonly object[]): string {
  if (records.length === 0) return '';
  const whole = JSON.stringify(records);
  const lines = whole.slice(1, -1).replaceAll(BETWEEN, BETWEEN_LINES);
  if (lines.length === whole.length - 2 + records.length - 1 && whole.startsWith(`[${RECORD_START}`)) return lines;
  return records.map((r) => JSON.stringify(r)).join(',\n');
}

async function records<T>(items: readonly T[], map: (item: T) => object, phase: string, options: ExportOptions, parts: string[]): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    throwIfAborted(options.signal);
    const end = Math.min(items.length, start + CHUNK);
    const chunk: object[] = [];
    for (let i = start; i < end; i++) chunk.push(map(items[i]!));
    parts.push(start > 0 ? ',\n' : '\n', jsonLines(chunk));
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
