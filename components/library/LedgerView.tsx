/**
 * The statistics ledger: pick a unit; see its figures in a sortable table and over time
 * in a chart. One unit at a time, because figures in different units do not sort or
 * chart together. The figures come as compact entries from the store's memory
 * (`ledgerEntries`: no clipping record read), the table reads the quote and page of the
 * rows it shows, and the page titles of every row are read only to sort by page.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { chartSeries } from '@/lib/library/chart';
import { isolate } from '@/lib/library/format';
import { DEFAULT_LEDGER_SORT, nextSort, sortLedger, type LedgerSort, type PageTitles } from '@/lib/library/ledger';
import type { ArchiveStats, LedgerEntry, Repo } from '@/lib/store';
import { useArchiveChanges, useLoad } from './hooks';
import { LedgerChart } from './LedgerChart';
import { LedgerTable } from './LedgerTable';

export interface LedgerViewProps {
  repo: Repo;
  t: Translate;
  locale: string;
  params: URLSearchParams;
  onParams(params: URLSearchParams, replace: boolean): void;
  errorText(error: unknown): string;
  /** Tests fix the table's height. */
  tableHeight?: number;
}

export function LedgerView({ repo, t, locale, params, onParams, errorText, tableHeight }: LedgerViewProps) {
  const stats = useLoad<ArchiveStats>(() => repo.stats(), [repo]);
  const units = stats.value?.units ?? [];
  const unit = params.get('unit') || units[0]?.unit || '';
  const ledger = useLoad<LedgerEntry[]>(() => (unit ? repo.ledgerEntries({ unit }) : Promise.resolve([])), [repo, unit]);
  const [sort, setSort] = useState<LedgerSort>(DEFAULT_LEDGER_SORT);
  const rows = ledger.value;
  // Titles only to sort by page: the other columns are all in the entries.
  const byPage = sort.column === 'page';
  const titles = useLoad<PageTitles>(() => {
    if (!byPage || !rows) return Promise.resolve(new Map());
    const ids = [...new Set(rows.map((r) => r.pageId))];
    return repo.getPages(ids).then((pages) => new Map(ids.map((id, i) => [id, pages[i]?.title ?? null])));
  }, [repo, rows, byPage]);
  const sorted = useMemo(() => sortLedger(rows ?? [], sort, titles.value), [rows, sort, titles.value]);
  const series = useMemo(
    () => chartSeries((rows ?? []).flatMap((r) => (r.publishedAt === null ? [] : [{ time: r.publishedAt, value: r.figure.value }]))),
    [rows],
  );
  // A new table (with no details kept) for each new read of the ledger: a refresh shows the clippings as they now are.
  const reads = useRef(0);
  const generation = useMemo(() => ++reads.current, [rows]);
  const [stale, setStale] = useState(false);
  useArchiveChanges(repo, () => setStale(true));
  const number = new Intl.NumberFormat(locale);
  const error = stats.error ?? ledger.error ?? titles.error;
  const loading = stats.loading || ledger.loading || rows === undefined || (byPage && titles.loading);

  return (
    <section class="ledger" aria-labelledby="ledger-heading" aria-busy={loading}>
      <h2 id="ledger-heading">{t('libraryViewLedger')}</h2>
      <div class="ledger-tools">
        <label for="ledger-unit">{t('fieldUnit')}</label>
        <select
          id="ledger-unit"
          value={unit}
          disabled={units.length === 0}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set('unit', (e.currentTarget as HTMLSelectElement).value);
            setSort(DEFAULT_LEDGER_SORT);
            onParams(next, false);
          }}
        >
          {unit !== '' && !units.some((u) => u.unit === unit) && <option value={unit}>{isolate(unit)}</option>}
          {units.map((u) => (
            <option key={u.unit} value={u.unit}>
              {isolate(u.unit)}
            </option>
          ))}
        </select>
        {stale && (
          <span class="stale" role="status">
            {t('libraryChanged')}{' '}
            <button
              type="button"
              onClick={() => {
                setStale(false);
                stats.reload();
                ledger.reload();
              }}
            >
              {t('libraryRefresh')}
            </button>
          </span>
        )}
      </div>
      {error !== null && error !== undefined ? (
        <div class="problem" role="alert">
          <p>{errorText(error)}</p>
          <button
            type="button"
            onClick={() => {
              stats.reload();
              ledger.reload();
            }}
          >
            {t('libraryRetry')}
          </button>
        </div>
      ) : loading ? (
        <p class="loading" role="status">
          {t('libraryLoading')}
        </p>
      ) : sorted.length === 0 ? (
        <p class="empty">{t('libraryLedgerEmpty')}</p>
      ) : (
        <>
          <LedgerChart series={series} unit={unit} t={t} locale={locale} />
          <p class="count" role="status">
            {t('libraryLedgerSummary', [number.format(sorted.length)])}
          </p>
          <LedgerTable
            key={generation}
            rows={sorted}
            details={(ids) => repo.getClippings(ids)}
            sort={sort}
            onSort={(column) => setSort((s) => nextSort(s, column))}
            t={t}
            locale={locale}
            {...(tableHeight !== undefined ? { initialHeight: tableHeight } : {})}
          />
        </>
      )}
    </section>
  );
}
