/**
 * The export menu's and the import dialog's logic, without the DOM: the formats the
 * menu offers and their labels, one forward-only progress fraction from the phases a
 * task reports, what an import adds, and the reader's sentence for a refused file.
 */
import type { ExportFormat, Progress } from '../export/index.ts';
import type { ImportErrorCode, ImportSummary } from '../import/index.ts';
import { ImportError, MAX_IMPORT_BYTES } from '../import/index.ts';
import type { MessageName, Translate } from '../i18n.ts';

/** The menu's formats, in the order a reader looks for them: tables first, then the rest. */
export const MENU_FORMATS: readonly ExportFormat[] = ['csv', 'ledger-csv', 'xlsx', 'json', 'markdown', 'w3c', 'csl'];

export const FORMAT_LABEL: Record<ExportFormat, MessageName> = {
  csv: 'libraryExportCsv',
  'ledger-csv': 'libraryExportLedgerCsv',
  xlsx: 'libraryExportXlsx',
  json: 'libraryExportJson',
  markdown: 'libraryExportMarkdown',
  w3c: 'libraryExportW3c',
  csl: 'libraryExportCsl',
};

/**
 * Turns the progress of a task of `phases` phases (each reporting its own done/total,
 * one after another) into one fraction of the whole, 0 to 1, that never goes back; null
 * while the current phase's size is unknown (an indeterminate bar). A phase is known
 * by its name; phases beyond the expected count add nothing past 1.
 */
export function progressMeter(phases: number): (progress: Progress) => number | null {
  const seen: string[] = [];
  let best = 0;
  return ({ phase, done, total }) => {
    if (!seen.includes(phase)) seen.push(phase);
    const index = seen.indexOf(phase);
    if (total <= 0 && done > 0) return best > 0 ? best : null;
    const within = total > 0 ? Math.min(1, done / total) : 1;
    const overall = Math.min(1, (index + within) / Math.max(1, phases));
    best = Math.max(best, overall);
    return best;
  };
}

/** The bar's value, a whole percentage. */
export function percent(fraction: number): number {
  return Math.max(0, Math.min(100, Math.round(fraction * 100)));
}

const IMPORT_ERROR: Record<ImportErrorCode, MessageName> = {
  'too-large': 'libraryImportErrorTooLarge',
  'not-text': 'libraryImportErrorNotText',
  truncated: 'libraryImportErrorTruncated',
  'not-json': 'libraryImportErrorNotJson',
  'unknown-format': 'libraryImportErrorUnknownFormat',
  'unknown-version': 'libraryImportErrorUnknownVersion',
  'forbidden-key': 'libraryImportErrorForbiddenKey',
  invalid: 'libraryImportErrorInvalid',
  conflict: 'libraryImportErrorConflict',
};

/**
 * The one line a refused or failed import shows: the code's sentence, with where in the
 * file when the error says (a dotted path, shown as it is: the reader may look for it).
 * Anything that is not an ImportError (the database failing) has a general sentence.
 */
export function importErrorText(t: Translate, error: unknown): string {
  if (!(error instanceof ImportError)) return t('libraryImportFailed');
  const sentence = error.code === 'too-large' ? t('libraryImportErrorTooLarge', [`${MAX_IMPORT_BYTES / 1024 / 1024} MB`]) : t(IMPORT_ERROR[error.code]);
  return error.path ? t('libraryImportErrorAt', [sentence, error.path]) : sentence;
}

/** True when applying the import would change nothing in the archive. */
export function importChangesNothing(summary: ImportSummary): boolean {
  const { pages, clippings, settings } = summary;
  return pages.new + pages.replaced + clippings.new + clippings.replaced === 0 && (settings === 'none' || settings === 'duplicate' || settings === 'kept');
}
