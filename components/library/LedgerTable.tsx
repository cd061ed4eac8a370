/**
 * The ledger's table: one row per clipped figure, sortable by any column (the header
 * buttons; `aria-sort` says which), windowed like the clippings list because one unit can
 * have tens of thousands of figures. The rows not rendered are stood in for by two
 * spacer rows, so the scroll bar is true; `aria-rowcount` / `aria-rowindex` tell screen
 * readers where they are in the whole table.
 *
 * The rows are compact entries (the figure, its page's id and date); the quote around the
 * figure and the page's title and address are read for the rows rendered only
 * (`details`), a few dozen clippings at a time, and kept while the table lives.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format/entity';
import type { MessageName, Translate } from '@/lib/i18n';
import { formatDay, safeHref } from '@/lib/library/format';
import { QUALIFIER_LABEL, QUANTITY_LABEL } from '@/lib/library/labels';
import { LEDGER_COLUMNS, ledgerRowKey, snippet, type LedgerColumn, type LedgerSort } from '@/lib/library/ledger';
import { visibleRange } from '@/lib/library/windowing';
import type { ClippingView, LedgerEntry } from '@/lib/store';
import { useViewport } from './hooks';
import { PageText } from './Text';

/** Fixed row height (two lines of snippet); see style.css. */
export const LEDGER_ROW_HEIGHT = 56;
const FALLBACK_HEIGHT = 480;

const HEADER: Record<LedgerColumn, MessageName> = {
  value: 'fieldValue',
  unit: 'fieldUnit',
  quantity: 'fieldQuantity',
  qualifier: 'fieldQualifier',
  quote: 'libraryColQuote',
  page: 'libraryColPage',
  published: 'metaPublished',
};

/** Clippings whose details are kept: about twenty screens of rows. */
const KEPT = 1_000;

export interface LedgerTableProps {
  rows: readonly LedgerEntry[];
  /** The clippings (with their pages) of the rows shown. */
  details(ids: readonly string[]): Promise<ClippingView[]>;
  sort: LedgerSort;
  onSort(column: LedgerColumn): void;
  t: Translate;
  locale: string;
  /** Tests fix the height (nothing has a size under linkedom). */
  initialHeight?: number;
}

export function LedgerTable({ rows, details, sort, onSort, t, locale, initialHeight }: LedgerTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useViewport(scroller, initialHeight, FALLBACK_HEIGHT);

  const { start, end } = visibleRange(viewport, LEDGER_ROW_HEIGHT, rows.length, 8);
  const shown = rows.slice(start, end);

  // The clippings of the rows shown, read as they come into view (least recently shown dropped first).
  const kept = useRef(new Map<string, ClippingView>());
  const asked = useRef(new Set<string>());
  const [, setArrived] = useState(0);
  const wanted = [...new Set(shown.map((r) => r.clippingId))].filter((id) => !kept.current.has(id) && !asked.current.has(id));
  useEffect(() => {
    if (wanted.length === 0) return;
    for (const id of wanted) asked.current.add(id);
    details(wanted).then(
      (views) => {
        const map = kept.current;
        for (const v of views) map.set(v.clipping.id, v);
        while (map.size > KEPT) map.delete(map.keys().next().value!);
        for (const id of wanted) asked.current.delete(id);
        setArrived((n) => n + 1);
      },
      // The rows stay without their quote; scrolling them into view again asks again.
      () => {
        for (const id of wanted) asked.current.delete(id);
      },
    );
  }, [wanted.join(' ')]);

  return (
    <div
      ref={scroller}
      class="table-scroll ledger-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('libraryTable')}
      onScroll={(e) => {
        const top = (e.currentTarget as HTMLDivElement).scrollTop;
        setViewport((v) => (v.scrollTop === top ? v : { ...v, scrollTop: top }));
      }}
    >
      <table class="ledger-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {LEDGER_COLUMNS.map((column) => (
              <th key={column} scope="col" class={column} aria-sort={sort.column === column ? sort.direction : 'none'}>
                <button type="button" class="sort" data-column={column} onClick={() => onSort(column)}>
                  {t(HEADER[column])}
                  <span class="arrow" aria-hidden="true">
                    {sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && <Gap rows={start} />}
          {shown.map((row, i) => (
            <LedgerLine key={ledgerRowKey(row)} row={row} view={kept.current.get(row.clippingId)} index={start + i} t={t} locale={locale} />
          ))}
          {end < rows.length && <Gap rows={rows.length - end} />}
        </tbody>
      </table>
    </div>
  );
}

function Gap({ rows }: { rows: number }) {
  return (
    <tr class="gap" aria-hidden="true" style={{ height: `${rows * LEDGER_ROW_HEIGHT}px` }}>
      <td colSpan={LEDGER_COLUMNS.length} />
    </tr>
  );
}

function LedgerLine({ row, view, index, t, locale }: { row: LedgerEntry; view: ClippingView | undefined; index: number; t: Translate; locale: string }) {
  const { figure } = row;
  const value = figure.valueTo === null ? formatNumber(figure.value) : `${formatNumber(figure.value)} – ${formatNumber(figure.valueTo)}`;
  // Until its clipping is read: the figure as written, and no page yet.
  const cut = view ? snippet(view.clipping.quote, figure.start, figure.end) : { before: '', match: figure.text, after: '' };
  const href = view ? safeHref(view.page.url) : null;
  const title = view ? (view.page.title ?? t('libraryUntitled')) : '';
  return (
    <tr aria-rowindex={index + 2} aria-busy={view ? undefined : true} style={{ height: `${LEDGER_ROW_HEIGHT}px` }} data-value={figure.value}>
      <td class="value">{value}</td>
      <td class="unit">{figure.unit && <PageText text={figure.unit} />}</td>
      <td class="quantity">{t(QUANTITY_LABEL[figure.quantity])}</td>
      <td class="qualifier">{figure.qualifier ? t(QUALIFIER_LABEL[figure.qualifier]) : ''}</td>
      <td class="quote">
        <bdi>
          {cut.before}
          <mark>{cut.match}</mark>
          {cut.after}
        </bdi>
      </td>
      <td class="page">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            <PageText text={title} />
          </a>
        ) : (
          <PageText text={title} />
        )}
      </td>
      <td class="published">{formatDay(row.publishedAt, locale)}</td>
    </tr>
  );
}
