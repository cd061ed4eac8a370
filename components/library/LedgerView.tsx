/**
 * The statistics ledger: pick a unit; see its figures in a sortable table and over time
 * in a chart. One unit at a time, because figures in different units do not sort or
 * chart together, and because reading one unit's figures is what keeps this view quick
 * on a large archive (the store narrows by the unit's index).
 */
import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { chartSeries } from '@/lib/library/chart';
import { isolate } from '@/lib/library/format';
import { DEFAULT_LEDGER_SORT, nextSort, sortLedger, type LedgerSort } from '@/lib/library/ledger';
import type { ArchiveStats, LedgerRow, Repo } from '@/lib/store';
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
  const ledger = useLoad<LedgerRow[]>(() => (unit ? repo.ledger({ unit }) : Promise.resolve([])), [repo, unit]);
  const [sort, setSort] = useState<LedgerSort>(DEFAULT_LEDGER_SORT);
  const rows = ledger.value;
  const sorted = useMemo(() => sortLedger(rows ?? [], sort), [rows, sort]);
  const series = useMemo(
    () => chartSeries((rows ?? []).flatMap((r) => (r.page.publishedAt === null ? [] : [{ time: r.page.publishedAt, value: r.figure.value }]))),
    [rows],
  );
  const [stale, setStale] = useState(false);
  useArchiveChanges(repo, () => setStale(true));
  const number = new Intl.NumberFormat(locale);
  const error = stats.error ?? ledger.error;
  const loading = stats.loading || ledger.loading || rows === undefined;

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
            rows={sorted}
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
