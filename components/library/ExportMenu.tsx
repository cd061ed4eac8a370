/**
 * ─── EXPORT MENU: PLACEHOLDER ────────────────────────────────────────────────────────
 * The exports (CSV, JSON backup, Markdown, W3C Web Annotation, CSL-JSON) are being
 * written in lib/export/. Once they exist, this component becomes the menu: a button
 * opening a list of formats, each exporting what the list shows now (`scope`: the search
 * text and the store filter), or the whole archive. Escape must close the menu and give
 * focus back to the button.
 *
 * Until then it is a button that says "coming soon", reachable from the keyboard (not
 * `disabled`, which would hide it from the tab order and so hide the reason).
 * ─────────────────────────────────────────────────────────────────────────────────────
 */
import type { Translate } from '@/lib/i18n';
import type { ClippingFilter } from '@/lib/store';

export interface ExportScope {
  /** The search text of the list, '' for none. */
  query: string;
  filter: ClippingFilter;
}

export interface ExportMenuProps {
  t: Translate;
  /** What the clippings list shows now, or null in views without a list. */
  scope: ExportScope | null;
}

export function ExportMenu({ t }: ExportMenuProps) {
  return (
    <>
      <button type="button" class="export" aria-disabled="true" aria-describedby="export-soon" title={t('libraryExportSoon')}>
        {t('libraryExport')}
      </button>
      <span id="export-soon" class="visually-hidden">
        {t('libraryExportSoon')}
      </span>
    </>
  );
}
