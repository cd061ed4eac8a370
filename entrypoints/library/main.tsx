/**
 * The library page (`library.html`, an unlisted extension page): wiring only. The
 * archive opens in this page's own origin, the extension's, so it is the same database
 * the background writes; the views live in components/library. Exports run in a worker
 * (lib/export/worker.ts), and so do an import's reading, checks and dry run
 * (lib/import/worker.ts); both open the same database.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryApp } from '@/components/library/LibraryApp';
import { windowRouter } from '@/components/library/router';
import { exportHere, exportInWorker } from '@/lib/export/run';
import ExportWorker from '@/lib/export/worker?worker';
import { importHere, importInWorker } from '@/lib/import/run';
import ImportWorker from '@/lib/import/worker?worker';
import { t } from '@/lib/i18n';
import { createRepo, openArchiveDB } from '@/lib/store';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = `${t('libraryTitle')} – ${t('extName')}`;

const db = openArchiveDB();
const transfer = {
  db,
  exporter: exportInWorker(() => new ExportWorker(), exportHere(db)),
  importer: importInWorker(() => new ImportWorker(), importHere(db)),
};

const root = document.getElementById('app');
if (root) render(<LibraryApp repo={createRepo(db)} t={t} locale={locale} router={windowRouter(window)} transfer={transfer} />, root);
