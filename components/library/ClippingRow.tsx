import type { Translate } from '@/lib/i18n';
import { formatDay } from '@/lib/library/format';
import type { ClippingView } from '@/lib/store';
import { PageText, clip } from './Text';

/** A row shows two lines of the quote; more would be clipped by CSS anyway, and a quote can be 100 000 characters. */
const ROW_QUOTE_CHARS = 400;

export interface ClippingRowProps {
  view: ClippingView;
  t: Translate;
  locale: string;
}

/** One clipping in the list: its quote, then where and when it comes from, and its tags. */
export function ClippingRow({ view, t, locale }: ClippingRowProps) {
  const { clipping, page } = view;
  const published = formatDay(page.publishedAt, locale);
  return (
    <>
      <span class="quote">
        <PageText text={clip(clipping.quote.replace(/\s+/g, ' '), ROW_QUOTE_CHARS)} />
      </span>
      <span class="meta">
        <PageText class="site" text={page.site ?? page.host} />
        {published && <span class="date">{published}</span>}
        {clipping.tags.map((tag) => (
          <span class="tag" key={tag}>
            <PageText text={tag} />
          </span>
        ))}
        {clipping.note && (
          <span class="note-mark" title={t('libraryNote')}>
            <PageText text={clip(clipping.note.replace(/\s+/g, ' '), 80)} />
          </span>
        )}
      </span>
    </>
  );
}
