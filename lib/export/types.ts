/**
 * What every exporter takes and gives. An export is a list of parts (strings and
 * bytes) rather than one string: a 100 000-clipping backup is larger than is wise to
 * hold as a single string, and both `new Blob(parts)` in the library page and a
 * sequence of writes in the CLI take parts as they are.
 */
import type { TaskOptions } from './progress.ts';

export type Lang = 'vi' | 'en';

export const EXPORT_FORMATS = ['json', 'csv', 'ledger-csv', 'markdown', 'w3c', 'csl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends TaskOptions {
  /** Language of headers and labels; default Vietnamese. */
  lang?: Lang | undefined;
  /** The export's time (epoch ms); default now. Tests fix it. */
  now?: number | undefined;
}

export interface ExportFile {
  /** A suggested file name, safe on every file system. */
  name: string;
  /** MIME type. */
  type: string;
  /** The content, in order: UTF-8 text and bytes. */
  parts: (string | Uint8Array)[];
}
