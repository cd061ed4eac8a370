/**
 * The header's export and import tools and the toast where they report: "Exported
 * trich-luc-clippings-2026-11-23.csv", "Imported: 120 new clippings…", "Export
 * cancelled". The toast is a live region that is always there (screen readers announce
 * changes to a region that exists) and clears itself after a while.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportRunner } from '@/lib/export/run';
import type { ExportScope } from '@/lib/export/scoped';
import type { ImportRunner } from '@/lib/import/run';
import type { Translate } from '@/lib/i18n';
import type { ArchiveDB } from '@/lib/store';
import { downloadIn, type Download } from './ExportDownload';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';

/** What exporting and importing need from the page: the archive database and how exports and an import's first steps run. */
export interface ArchiveTransfer {
  db: ArchiveDB;
  exporter: ExportRunner;
  /** Reads, checks and previews an imported file; absent: on the page's thread. */
  importer?: ImportRunner | undefined;
}

export interface ExportImportToolsProps {
  t: Translate;
  locale: string;
  scope: ExportScope | null;
  /** Absent when the page was rendered without the archive's database (some view tests): both tools are then unavailable. */
  transfer?: ArchiveTransfer | undefined;
  /** Tests: how the file is handed over, and the wait before progress shows. */
  download?: Download;
  progressDelay?: number;
}

const TOAST_MS = 8_000;

export function ExportImportTools({ t, locale, scope, transfer, download, progressDelay }: ExportImportToolsProps) {
  const [message, setMessage] = useState('');
  const [serial, setSerial] = useState(0);
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, serial]);
  const notify = useMemo(
    () => (text: string) => {
      setMessage(text);
      setSerial((n) => n + 1);
    },
    [],
  );
  // The document is known once mounted; the page's own download unless a test gives one.
  const save: Download = download ?? ((blob, name) => downloadIn(root.current?.ownerDocument ?? document)(blob, name));
  const lang = locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  const delay = progressDelay !== undefined ? { progressDelay } : {};
  return (
    <span class="transfer-tools" ref={root}>
      <ExportMenu t={t} scope={scope} exporter={transfer?.exporter} lang={lang} download={save} notify={notify} {...delay} />
      <ImportDialog t={t} db={transfer?.db} importer={transfer?.importer} notify={notify} locale={locale} {...delay} />
      <div class={`transfer-toast${message ? ' visible' : ''}`} role="status" aria-live="polite">
        {message && <span>{message}</span>}
        {message && (
          <button type="button" class="close" onClick={() => setMessage('')}>
            {t('libraryClose')}
          </button>
        )}
      </div>
    </span>
  );
}
