/**
 * The export menu: a button opening a menu of formats, with a choice of scope (the
 * whole archive, or what the clippings list shows now). Choosing a format exports in
 * the background (`exporter`: a worker in the product) and downloads the file; an
 * export that runs for more than about a second shows its progress and Cancel, and a
 * cancelled export downloads nothing.
 *
 * Keyboard (WAI-ARIA menu button): Enter, Space or the arrows on the button open the
 * menu; arrows, Home and End move; Enter or Space picks; Escape closes and gives focus
 * back to the button; Tab closes. Focus stays on the menu, which points at its active
 * item with aria-activedescendant.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, Lang } from '@/lib/export';
import { exportPhases } from '@/lib/export/job';
import type { ExportRunner } from '@/lib/export/run';
import type { ExportScope } from '@/lib/export/scoped';
import type { Translate } from '@/lib/i18n';
import { FORMAT_LABEL, MENU_FORMATS, progressMeter } from '@/lib/library/transfer';
import type { Download } from './ExportDownload';
import { PROGRESS_DELAY, ProgressPanel, useDelayed } from './ProgressPanel';

export type { ExportScope };

export interface ExportMenuProps {
  t: Translate;
  /** What the clippings list shows now, or null in views without a list. */
  scope: ExportScope | null;
  /** Runs an export; absent when the page has no archive to export (the button says so by being unavailable). */
  exporter?: ExportRunner | undefined;
  /** Language of the files' headers and labels. */
  lang: Lang;
  download: Download;
  /** Reports the outcome in a sentence (the page's toast). */
  notify(message: string): void;
  /** Tests shorten the wait before progress shows. */
  progressDelay?: number;
}

type ScopeChoice = 'all' | 'view';

type Item = { kind: 'scope'; value: ScopeChoice } | { kind: 'format'; value: ExportFormat };

interface Job {
  label: string;
  fraction: number | null;
  controller: AbortController;
}

const itemId = (item: Item) => `export-${item.kind}-${item.value}`;

export function ExportMenu({ t, scope, exporter, lang, download, notify, progressDelay = PROGRESS_DELAY }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // What the list shows is the likelier wish once the reader has narrowed it.
  const [choice, setChoice] = useState<ScopeChoice>('view');
  const [job, setJob] = useState<Job | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const showProgress = useDelayed(job !== null, progressDelay);

  const items: Item[] = [
    ...(scope ? (['all', 'view'] as const).map((value): Item => ({ kind: 'scope', value })) : []),
    ...MENU_FORMATS.map((value): Item => ({ kind: 'format', value })),
  ];
  const firstFormat = scope ? 2 : 0;
  const unavailable = !exporter || job !== null;

  const openMenu = (at: number) => {
    if (unavailable) return;
    setActive(at);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (open) menu.current?.focus();
  }, [open]);

  // A click anywhere else closes the menu, as a click outside any menu does.
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!open || !doc) return;
    const onDown = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    doc.addEventListener('pointerdown', onDown);
    return () => doc.removeEventListener('pointerdown', onDown);
  }, [open]);

  const start = (format: ExportFormat) => {
    if (!exporter) return;
    const controller = new AbortController();
    const meter = progressMeter(exportPhases(format));
    setJob({ label: t('libraryExportRunning', [t(FORMAT_LABEL[format])]), fraction: null, controller });
    const request = { format, scope: choice === 'view' ? scope : null, lang };
    exporter(request, {
      signal: controller.signal,
      onProgress: (progress) => {
        const fraction = meter(progress);
        setJob((j) => (j && j.controller === controller ? { ...j, fraction } : j));
      },
    })
      .then((file) => {
        // A cancel that lands while the file is handed over still means no file.
        if (controller.signal.aborted) throw controller.signal.reason;
        download(file.blob, file.name);
        notify(t('libraryExportDone', [file.name]));
      })
      .catch((error: unknown) => {
        const cancelled = controller.signal.aborted || (error as Error | null)?.name === 'AbortError';
        notify(cancelled ? t('libraryExportCancelled') : t('libraryExportFailed'));
        // The reader sees one line; the console keeps the cause for a bug report.
        if (!cancelled) console.error('Trích Lục export failed', error);
      })
      .finally(() => setJob((j) => (j?.controller === controller ? null : j)));
  };

  const pick = (index: number) => {
    const item = items[index];
    if (!item) return;
    if (item.kind === 'scope') {
      setChoice(item.value);
      setActive(index);
      return;
    }
    close(true);
    start(item.value);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = items.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setActive((i) => (i >= last ? 0 : i + 1));
        break;
      case 'ArrowUp':
        setActive((i) => (i <= 0 ? last : i - 1));
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(last);
        break;
      case 'Enter':
      case ' ':
        pick(active);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // Tab moves on as usual; the menu just closes behind it.
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') openMenu(firstFormat);
    else if (event.key === 'ArrowUp') openMenu(items.length - 1);
    else return;
    event.preventDefault();
  };

  const activeItem = items[active];
  return (
    <div class="export-menu" ref={root}>
      <button
        type="button"
        class="export"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="export-menu"
        aria-disabled={unavailable ? 'true' : undefined}
        onClick={() => (open ? close(false) : openMenu(firstFormat))}
        onKeyDown={onButtonKey}
      >
        {t('libraryExport')}
      </button>
      {open && (
        <ul
          id="export-menu"
          class="menu"
          role="menu"
          ref={menu}
          tabIndex={-1}
          aria-label={t('libraryExportMenu')}
          aria-activedescendant={activeItem ? itemId(activeItem) : undefined}
          onKeyDown={onMenuKey}
        >
          {scope ? (
            <li role="none" class="menu-heading" id="export-scope-label">
              {t('libraryExportScope')}
            </li>
          ) : (
            <li role="none" class="menu-note">
              {t('libraryExportScopeAllOnly')}
            </li>
          )}
          {items.map((item, index) => {
            const classes = [item.kind, index === active ? 'active' : '', index === firstFormat && scope ? 'separated' : ''].filter(Boolean).join(' ');
            const common = { id: itemId(item), class: classes, onClick: () => pick(index), onMouseMove: () => setActive(index) };
            return item.kind === 'scope' ? (
              <li key={itemId(item)} role="menuitemradio" aria-checked={choice === item.value ? 'true' : 'false'} data-scope={item.value} {...common}>
                {t(item.value === 'all' ? 'libraryExportScopeAll' : 'libraryExportScopeView')}
              </li>
            ) : (
              <li key={itemId(item)} role="menuitem" data-format={item.value} {...common}>
                {t(FORMAT_LABEL[item.value])}
              </li>
            );
          })}
        </ul>
      )}
      {job && showProgress && <ProgressPanel t={t} label={job.label} fraction={job.fraction} onCancel={() => job.controller.abort()} class="export-progress" />}
    </div>
  );
}
