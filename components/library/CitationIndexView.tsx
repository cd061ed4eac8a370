/**
 * The citation index: every document the clippings cite, most cited first, with links
 * to the clippings citing it (the list filtered by its code) and to the national legal
 * database. Built from the whole archive by the store (mostly index keys), so it shows a
 * loading state, pages its rows, and offers a refresh when the archive changes rather
 * than recomputing on every save.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { citationClippingsHref, citationLookupUrl } from '@/lib/library/citations';
import type { CitationIndex, CitationRow, Repo } from '@/lib/store';
import { useArchiveChanges, useLoad } from './hooks';
import { PageText } from './Text';

/** Rows per page of the index. */
export const CITATIONS_PAGE = 100;

export interface CitationIndexViewProps {
  repo: Repo;
  t: Translate;
  locale: string;
  errorText(error: unknown): string;
}

export function CitationIndexView({ repo, t, locale, errorText }: CitationIndexViewProps) {
  const [shown, setShown] = useState(CITATIONS_PAGE);
  const index = useLoad<CitationIndex>(() => repo.citationIndex({ limit: shown }), [repo, shown]);
  const [stale, setStale] = useState(false);
  useArchiveChanges(repo, () => setStale(true));
  const number = new Intl.NumberFormat(locale);
  const rows = index.value?.rows ?? [];
  const total = index.value?.total ?? 0;

  return (
    <section class="citations" aria-labelledby="citations-heading" aria-busy={index.loading}>
      <h2 id="citations-heading">{t('libraryViewCitations')}</h2>
      {stale && (
        <p class="stale" role="status">
          {t('libraryChanged')}{' '}
          <button
            type="button"
            onClick={() => {
              setStale(false);
              index.reload();
            }}
          >
            {t('libraryRefresh')}
          </button>
        </p>
      )}
      {index.error !== null && index.error !== undefined ? (
        <div class="problem" role="alert">
          <p>{errorText(index.error)}</p>
          <button type="button" onClick={index.reload}>
            {t('libraryRetry')}
          </button>
        </div>
      ) : index.value === undefined ? (
        <p class="loading" role="status">
          {t('libraryLoading')}
        </p>
      ) : total === 0 ? (
        <p class="empty">{t('libraryCitationsEmpty')}</p>
      ) : (
        <>
          <p class="count" role="status">
            {t('libraryCitationsSummary', [number.format(total)])}
            {index.loading && ` — ${t('libraryLoading')}`}
          </p>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="citations-heading">
            <table class="citation-table">
              <thead>
                <tr>
                  <th scope="col">{t('fieldDocType')}</th>
                  <th scope="col">{t('fieldCode')}</th>
                  <th scope="col">{t('fieldYear')}</th>
                  <th scope="col">{t('fieldIssuer')}</th>
                  <th scope="col" class="num">
                    {t('libraryColClippings')}
                  </th>
                  <th scope="col" class="num">
                    {t('libraryColSites')}
                  </th>
                  <th scope="col">{t('libraryColLinks')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <CitationLine key={row.key} row={row} t={t} number={number} />
                ))}
              </tbody>
            </table>
          </div>
          {rows.length < total && (
            <p class="more">
              {t('libraryShowing', [number.format(rows.length), number.format(total)])}{' '}
              <button type="button" disabled={index.loading} onClick={() => setShown((n) => n + CITATIONS_PAGE)}>
                {t('libraryShowMore')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function CitationLine({ row, t, number }: { row: CitationRow; t: Translate; number: Intl.NumberFormat }) {
  const lookup = citationLookupUrl(row);
  return (
    <tr data-key={row.key}>
      <td>{row.docType}</td>
      <td class="code">
        <PageText text={row.code ?? row.text} />
      </td>
      <td class="num">{row.year ?? ''}</td>
      <td>{row.issuer && <PageText text={row.issuer} />}</td>
      <td class="num">{number.format(row.clippingCount)}</td>
      <td class="num" title={row.hosts.join(', ')}>
        {number.format(row.siteCount)}
      </td>
      <td class="links">
        <a class="clippings-link" href={citationClippingsHref(row)}>
          {t('libraryCitationClippings', [number.format(row.clippingCount)])}
        </a>
        {lookup && (
          <a class="lookup" href={lookup} target="_blank" rel="noopener noreferrer" title={t('cardLookupTitle', [row.code ?? ''])}>
            {t('cardLookup')}
          </a>
        )}
      </td>
    </tr>
  );
}
