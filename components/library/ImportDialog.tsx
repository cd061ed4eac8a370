/**
 * Import: a button opening the file picker (.json, .jsonld), then a modal dialog that
 * reads and checks the file and shows the dry run (`importer`: lib/import/run.ts, in a
 * worker in the product, so a large file's parse does not freeze the page; new,
 * already there, conflicting; W3C annotations skipped) and asks to confirm; confirming
 * applies it in one transaction (`applyImport`) with progress and Cancel. A refused
 * file shows one line naming the problem (and where in the file), and nothing changes.
 *
 * Everything from the file (its name included) is shown as text, isolated.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { applyImport, type ImportSummary, type ParsedImport } from '@/lib/import';
import { importHere, PREPARE_PHASES, type ImportRunner } from '@/lib/import/run';
import type { Translate } from '@/lib/i18n';
import { isolate } from '@/lib/library/format';
import { importChangesNothing, importErrorText, progressMeter } from '@/lib/library/transfer';
import type { ArchiveDB } from '@/lib/store';
import { useModalDialog } from './hooks';
import { PROGRESS_DELAY, ProgressPanel, useDelayed } from './ProgressPanel';

export type ImportState =
  | { step: 'closed' }
  | { step: 'reading'; name: string; fraction: number | null; controller: AbortController }
  | { step: 'preview'; name: string; parsed: ParsedImport; summary: ImportSummary }
  | { step: 'applying'; name: string; summary: ImportSummary; fraction: number | null; controller: AbortController }
  | { step: 'refused'; name: string; message: string };

export interface ImportDialogProps {
  t: Translate;
  /** The archive; absent when the page has none (the button is then unavailable). */
  db?: ArchiveDB | undefined;
  /** Reads, checks and previews a picked file (default: on the page's own thread, `importHere`). */
  importer?: ImportRunner | undefined;
  /** Reports the outcome in a sentence (the page's toast). */
  notify(message: string): void;
  /** Tests shorten the wait before progress shows. */
  progressDelay?: number;
  /** The number format of counts. */
  locale: string;
}

const ACCEPT = '.json,.jsonld,application/json,application/ld+json';
// Applying reports 'write pages', 'write clippings' (and 'update clippings' when pages changed).
const APPLY_PHASES = 2;

const isAbort = (error: unknown) => (error as Error | null)?.name === 'AbortError';

export function ImportDialog({ t, db, importer, notify, progressDelay = PROGRESS_DELAY, locale }: ImportDialogProps) {
  const [state, setState] = useState<ImportState>({ step: 'closed' });
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const busy = state.step === 'reading' || state.step === 'applying';
  const showProgress = useDelayed(busy, progressDelay);
  const number = (n: number) => n.toLocaleString(locale);

  // The dialog is modal while open: the browser keeps focus in it and Escape cancels it.
  const isOpen = state.step !== 'closed';
  useModalDialog(dialog, isOpen, () => opener.current?.focus());
  // The step's main button gets focus (Add in the preview, Close after a refusal).
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-focus]')?.focus();
  }, [state.step]);

  const choose = (file: File) => {
    if (!db) return;
    const controller = new AbortController();
    const meter = progressMeter(PREPARE_PHASES);
    const name = file.name;
    setState({ step: 'reading', name, fraction: null, controller });
    const still = () => !controller.signal.aborted;
    (importer ?? importHere(db))(file, {
      signal: controller.signal,
      onProgress: (p) => {
        const fraction = meter(p);
        setState((s) => (s.step === 'reading' && s.controller === controller ? { ...s, fraction } : s));
      },
    })
      .then(({ parsed, summary }) => {
        if (still()) setState({ step: 'preview', name, parsed, summary });
      })
      .catch((error: unknown) => {
        if (!still() || isAbort(error)) return;
        setState({ step: 'refused', name, message: importErrorText(t, error) });
      });
  };

  const apply = () => {
    if (!db || state.step !== 'preview') return;
    const { name, parsed, summary } = state;
    const controller = new AbortController();
    const meter = progressMeter(APPLY_PHASES);
    setState({ step: 'applying', name, summary, fraction: null, controller });
    applyImport(db, parsed, {
      signal: controller.signal,
      onProgress: (p) => {
        const fraction = meter(p);
        setState((s) => (s.step === 'applying' && s.controller === controller ? { ...s, fraction } : s));
      },
    }).then(
      (done) => {
        setState({ step: 'closed' });
        notify(
          t('libraryImportDone', [number(done.clippings.new), number(done.pages.new), number(done.clippings.replaced + done.pages.replaced)]),
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) {
          setState({ step: 'closed' });
          notify(t('libraryImportCancelled'));
        } else setState({ step: 'refused', name, message: importErrorText(t, error) });
      },
    );
  };

  /** Cancel, Close, Escape: stops what runs (nothing is written) and closes. */
  const dismiss = () => {
    if (state.step === 'reading') state.controller.abort();
    if (state.step === 'applying') {
      // Closed when the transaction has rolled back (the rejection above), not before.
      state.controller.abort();
      return;
    }
    setState({ step: 'closed' });
  };

  const title = state.step === 'refused' ? 'libraryImportRefused' : 'libraryImportTitle';
  const name = state.step === 'closed' ? '' : state.name;
  return (
    <>
      <button type="button" class="import" ref={opener} aria-disabled={!db || isOpen ? 'true' : undefined} onClick={() => db && !isOpen && input.current?.click()}>
        {t('libraryImport')}
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden import-file"
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const el = e.currentTarget;
          const file = el.files?.[0];
          // Cleared so that choosing the same file again is a change too.
          el.value = '';
          if (file) choose(file);
        }}
      />
      <dialog
        ref={dialog}
        class="import-dialog"
        aria-labelledby="import-title"
        onCancel={(e) => {
          e.preventDefault();
          dismiss();
        }}
        onKeyDown={(e) => {
          // The browser cancels a modal dialog on Escape itself; this covers DOMs without showModal.
          if (e.key === 'Escape' && typeof dialog.current?.showModal !== 'function') {
            e.preventDefault();
            dismiss();
          }
        }}
      >
        {isOpen && (
          <>
            {/* The file's name is the reader's text: isolated, so its bidi controls stay inside it. */}
            <h2 id="import-title">{t(title, [isolate(name)])}</h2>
            {state.step === 'reading' && <p class="import-status">{t('libraryImportReading')}</p>}
            {(state.step === 'preview' || state.step === 'applying') && <ImportSummaryView t={t} summary={state.summary} number={number} />}
            {state.step === 'refused' && (
              <>
                <p class="import-error" role="alert">
                  {state.message}
                </p>
                <p>{t('libraryImportUnchanged')}</p>
              </>
            )}
            {busy && showProgress && (
              <ProgressPanel
                t={t}
                label={state.step === 'applying' ? t('libraryImportApplying') : t('libraryImportReading')}
                fraction={state.fraction}
                onCancel={dismiss}
                class="import-progress"
              />
            )}
            <div class="dialog-buttons">
              {state.step === 'preview' && !importChangesNothing(state.summary) && (
                <button type="button" class="primary apply" data-focus onClick={apply}>
                  {t('libraryImportApply')}
                </button>
              )}
              {!(busy && showProgress) && (
                <button type="button" class="dismiss" data-focus={state.step === 'refused' || (state.step === 'preview' && importChangesNothing(state.summary)) ? true : undefined} onClick={dismiss}>
                  {state.step === 'refused' || (state.step === 'preview' && importChangesNothing(state.summary)) ? t('libraryClose') : t('libraryCancel')}
                </button>
              )}
            </div>
          </>
        )}
      </dialog>
    </>
  );
}

function ImportSummaryView({ t, summary, number }: { t: Translate; summary: ImportSummary; number(n: number): string }) {
  const rows = [
    ['libraryImportRowClippings', summary.clippings],
    ['libraryImportRowPages', summary.pages],
  ] as const;
  return (
    <>
      <p class="import-format">{t(summary.format === 'w3c' ? 'libraryImportFormatW3c' : 'libraryImportFormatBackup')}</p>
      <table class="import-summary">
        <caption>{t('libraryImportSummary')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('libraryImportColNew')}</th>
            <th scope="col">{t('libraryImportColDuplicate')}</th>
            <th scope="col">{t('libraryImportColConflict')}</th>
            <th scope="col">{t('libraryImportColReplaced')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label} data-row={label === 'libraryImportRowClippings' ? 'clippings' : 'pages'}>
              <th scope="row">{t(label)}</th>
              <td data-col="new">{number(counts.new)}</td>
              <td data-col="duplicate">{number(counts.duplicate)}</td>
              <td data-col="conflict">{number(counts.conflict)}</td>
              <td data-col="replaced">{number(counts.replaced)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.skipped.length > 0 && <p class="import-skipped">{t('libraryImportSkipped', [number(summary.skipped.length)])}</p>}
      {importChangesNothing(summary) && <p class="import-nothing">{t('libraryImportNothing')}</p>}
    </>
  );
}
