/**
 * The library page: a skip link, the header (title, views, export and import, shortcuts) and the
 * current view. Everything it needs comes in as props (the archive, the translation
 * function, the UI locale, the address), so tests render it with fake-indexeddb and the
 * shipped locale files, without a browser.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageName, Translate } from '@/lib/i18n';
import { filtersFromParams, toStoreFilter } from '@/lib/library/filters';
import { routeHash, VIEWS, type View } from '@/lib/library/route';
import { StoreError, type Repo } from '@/lib/store';
import { CitationIndexView } from './CitationIndexView';
import { ClippingsView } from './ClippingsView';
import { ExportImportTools, type ArchiveTransfer } from './ExportImportTools';
import { useRoute } from './hooks';
import { LedgerView } from './LedgerView';
import type { Router } from './router';
import { ShortcutsDialog } from './ShortcutsDialog';

const VIEW_LABEL: Record<View, MessageName> = {
  clippings: 'libraryViewClippings',
  citations: 'libraryViewCitations',
  ledger: 'libraryViewLedger',
};

export interface LibraryAppProps {
  repo: Repo;
  t: Translate;
  locale: string;
  router: Router;
  /** Tests fix the heights of the windowed list and table. */
  sizes?: { list?: number; table?: number };
  /** The archive's database and how exports run, for the export and import tools (the page passes them). */
  transfer?: ArchiveTransfer;
}

/** The reader-facing text of a failure: the store's own message when it has one in the locales. */
export function errorTextFor(t: Translate): (error: unknown) => string {
  return (error) => {
    const own = error instanceof StoreError ? t(error.messageKey as MessageName) : '';
    return own || t('libraryError');
  };
}

export function LibraryApp({ repo, t, locale, router, sizes, transfer }: LibraryAppProps) {
  const route = useRoute(router);
  const main = useRef<HTMLElement>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const errorText = useMemo(() => errorTextFor(t), [t]);
  const view = route.view;
  const onParams = useCallback((params: URLSearchParams, replace: boolean) => router.go(routeHash(view, params), replace), [router, view]);
  const listFilters = view === 'clippings' ? filtersFromParams(route.params) : null;

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus, not navigation: the fragment holds the route.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('librarySkipLink')}
      </a>
      <header class="top">
        <h1>{t('libraryTitle')}</h1>
        <nav aria-label={t('libraryNav')}>
          <ul>
            {VIEWS.map((v) => (
              <li key={v}>
                <a href={routeHash(v)} aria-current={v === view ? 'page' : undefined}>
                  {t(VIEW_LABEL[v])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <ExportImportTools
            t={t}
            locale={locale}
            scope={listFilters ? { query: listFilters.q, filter: toStoreFilter(listFilters) } : null}
            transfer={transfer}
          />
          <button type="button" aria-haspopup="dialog" onClick={() => setShortcuts(true)}>
            {t('libraryShortcuts')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {view === 'clippings' && (
          <ClippingsView
            repo={repo}
            t={t}
            locale={locale}
            params={route.params}
            onParams={onParams}
            errorText={errorText}
            {...(sizes?.list !== undefined ? { listHeight: sizes.list } : {})}
          />
        )}
        {view === 'citations' && <CitationIndexView repo={repo} t={t} locale={locale} errorText={errorText} />}
        {view === 'ledger' && (
          <LedgerView
            repo={repo}
            t={t}
            locale={locale}
            params={route.params}
            onParams={onParams}
            errorText={errorText}
            {...(sizes?.table !== undefined ? { tableHeight: sizes.table } : {})}
          />
        )}
      </main>
      <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} t={t} />
    </>
  );
}
