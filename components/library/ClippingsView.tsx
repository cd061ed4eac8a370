/**
 * The clippings view: search box, filters, the windowed list, the details pane, and the
 * delete-with-undo toast. The address holds the search and the filters (the owner passes
 * them in as `params`); the hooks beside this file hold the rows, the filter choices and
 * the undo offer.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { activeFilterCount, filtersFromParams, filtersToParams, type LibraryFilters } from '@/lib/library/filters';
import type { ClippingPatch, Repo } from '@/lib/store';
import { ClippingDetail, EmptyDetail } from './ClippingDetail';
import { ClippingList } from './ClippingList';
import { FilterBar } from './FilterBar';
import { useArchiveChanges } from './hooks';
import { SearchBox } from './SearchBox';
import { Toast } from './Toast';
import { LIST_CHUNK, NONE, useClippingRows } from './useClippingRows';
import { useDeleteUndo } from './useDeleteUndo';
import { useFilterChoices } from './useFilterChoices';

export interface ClippingsViewProps {
  repo: Repo;
  t: Translate;
  locale: string;
  params: URLSearchParams;
  /** New search or filters; `replace` when it should not be a Back step of its own. */
  onParams(params: URLSearchParams, replace: boolean): void;
  errorText(error: unknown): string;
  /** Tests fix the list's height (nothing has a size under linkedom). */
  listHeight?: number;
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function ClippingsView({ repo, t, locale, params, onParams, errorText, listHeight }: ClippingsViewProps) {
  const queryKey = params.toString();
  const filters = useMemo(() => filtersFromParams(params), [queryKey]);
  const rows = useClippingRows(repo, filters, queryKey);
  const { source, active } = rows;
  const choices = useFilterChoices(repo, source.started);
  const deletion = useDeleteUndo(repo, rows, t, errorText);

  // Live updates, watched from when the first rows are first shown (see `since`).
  const [openedAt] = useState(() => Date.now());
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (source.started) setWatching(true);
  }, [source.started]);
  useArchiveChanges(
    repo,
    () => {
      rows.refresh();
      choices.markStale();
    },
    { enabled: watching, since: openedAt },
  );

  // Keys for the whole view: "/" to search, Ctrl+Z to undo a delete.
  const root = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef(deletion);
  latest.current = deletion;
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && latest.current.offer) {
        event.preventDefault();
        latest.current.undo();
      }
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);

  const setFilters = (next: LibraryFilters, replace = false) => onParams(filtersToParams(next), replace);
  const save = (id: string, patch: ClippingPatch) => repo.updateClipping(id, patch).then(() => rows.refresh());
  const [focusNote, setFocusNote] = useState(0);
  const number = new Intl.NumberFormat(locale);
  const total = source.total;
  const countText =
    total !== null
      ? t('libraryCount', [number.format(total)])
      : source.started
        ? t('libraryCountAtLeast', [number.format(Math.max(0, source.count - LIST_CHUNK))])
        : '';
  const searching = filters.q.trim() !== '' || activeFilterCount(filters) > 0;
  const chosen = rows.activeView;

  return (
    <div class="clippings-view" ref={root}>
      <SearchBox query={filters.q} onQuery={(q) => setFilters({ ...filters, q }, true)} t={t} inputRef={searchRef} />
      <div class="panes">
        <FilterBar filters={filters} onChange={(next) => setFilters(next)} onFocus={choices.onFocus} stats={choices.stats} t={t} />
        <section class="list-pane" aria-labelledby="list-heading">
          <h2 id="list-heading" class="visually-hidden">
            {t('libraryList')}
          </h2>
          <p class="count" role="status">
            {countText}
          </p>
          <p id="list-help" class="visually-hidden">
            {t('libraryListHelp')}
          </p>
          {source.error !== null ? (
            <div class="problem" role="alert">
              <p>{errorText(source.error)}</p>
              <button type="button" onClick={rows.refresh}>
                {t('libraryRetry')}
              </button>
            </div>
          ) : total === 0 ? (
            <p class="empty">{searching ? t('libraryNoMatch') : t('libraryEmpty')}</p>
          ) : (
            <ClippingList
              source={source}
              version={rows.version}
              active={active.index}
              onActivate={rows.activate}
              onOpen={(i) => {
                rows.activate(i);
                setFocusNote((n) => n + 1);
              }}
              onDelete={deletion.remove}
              onEscape={() => rows.setActive(NONE)}
              onRange={(r) => (rows.range.current = r)}
              t={t}
              locale={locale}
              listRef={listRef}
              labelledBy="list-heading"
              describedBy="list-help"
              {...(listHeight !== undefined ? { initialHeight: listHeight } : {})}
            />
          )}
        </section>
        {chosen ? (
          <ClippingDetail
            key={chosen.clipping.id}
            view={chosen}
            t={t}
            locale={locale}
            focusNote={focusNote}
            errorText={errorText}
            onSave={(patch) => save(chosen.clipping.id, patch)}
            onDelete={() => {
              deletion.remove(active.index);
              listRef.current?.focus();
            }}
            onClose={() => listRef.current?.focus()}
          />
        ) : (
          <EmptyDetail t={t} />
        )}
      </div>
      <Toast message={deletion.offer ? t('libraryDeleted') : deletion.notice} onUndo={deletion.offer ? deletion.undo : null} t={t} />
    </div>
  );
}
