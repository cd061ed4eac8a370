import { useEffect, useMemo, useState } from 'preact/hooks';
import { EntityList } from '@/components/EntityList';
import { formatPublished } from '@/lib/format/entity';
import type { Translate } from '@/lib/i18n';
import { panelClippings } from '@/lib/sidepanel/model';
import type { PanelTab } from '@/lib/sidepanel/tab';
import { StoreError, type ClippingRecord, type PageRecord, type Repo } from '@/lib/store';
import { ClippingCard } from './ClippingCard';

/** What the panel needs from the browser, passed in so that tests can drive it. */
export interface PanelConnection {
  /** Follows the active tab; returns the unsubscriber. */
  follow(onChange: (tab: PanelTab) => void): () => void;
  revealEntity(tabId: number, start: number): void;
  revealClipping(tabId: number, id: string): void;
  /** Tells the tab the archive changed here (a delete or restore). */
  refreshTab(tabId: number): void;
}

export interface SidePanelProps {
  repo: Repo;
  t: Translate;
  locale: string;
  connection: PanelConnection;
}

/** The localized message for any failure of the archive. */
function problem(t: Translate, error: unknown): string {
  return t(error instanceof StoreError ? error.messageKey : 'storeErrorUnknown');
}

/**
 * The side panel: the page in the active tab — its metadata, its documents and figures,
 * and the clippings saved from it with their notes and tags editable in place. Clippings
 * come straight from the archive (an extension page may open it) and stay current with
 * `repo.live`; where each one stands on the page today comes from the tab.
 */
export function SidePanel({ repo, t, locale, connection }: SidePanelProps) {
  const [tab, setTab] = useState<PanelTab | null>(null);
  const [stored, setStored] = useState<{ url: string; page: PageRecord | null; clippings: ClippingRecord[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<ClippingRecord | null>(null);

  useEffect(() => connection.follow(setTab), [connection]);

  const url = tab?.anchors?.url ?? tab?.summary?.page?.url ?? null;
  useEffect(() => {
    setStored(null);
    setError(null);
    if (!url) return;
    const subscription = repo.live((r) => r.clippingsForPage(url)).subscribe({
      next: (value) => setStored({ url, ...value }),
      error: (e: unknown) => setError(problem(t, e)),
    });
    return () => subscription.unsubscribe();
  }, [repo, url, t]);

  const groups = useMemo(
    () => panelClippings(stored && stored.url === url ? stored.clippings : [], tab?.anchors?.url === url ? tab.anchors : null),
    [stored, url, tab],
  );

  if (!tab) return <main aria-busy="true" />;
  const tabId = tab.tabId;
  const summary = tab.summary;
  if (tabId === null) return <Shell t={t}>{<p class="note">{t('popupNoPage')}</p>}</Shell>;
  if (!summary || summary.state === 'off') return <Shell t={t}>{<p class="note">{t('panelNotRunning')}</p>}</Shell>;
  if (!summary.page && summary.state !== 'annotating') return <Shell t={t}>{<p class="note">{t('popupNotArticle')}</p>}</Shell>;

  const page = summary.page;
  const save = (id: string, patch: { note: string; tags: string[] }) =>
    repo.updateClipping(id, patch).then(
      () => null,
      (e: unknown) => problem(t, e),
    );
  const remove = (id: string) => {
    const record = stored?.clippings.find((c) => c.id === id) ?? null;
    repo.deleteClipping(id).then(
      () => {
        setDeleted(record);
        connection.refreshTab(tabId);
      },
      (e: unknown) => setError(problem(t, e)),
    );
  };
  const undo = () => {
    if (!deleted) return;
    repo.undoDelete(deleted.id).then(
      () => {
        setDeleted(null);
        connection.refreshTab(tabId);
      },
      (e: unknown) => setError(problem(t, e)),
    );
  };
  const cards = (items: typeof groups.placed, onPage: boolean) =>
    items.map((item) => (
      <li key={item.clipping.id}>
        <ClippingCard
          item={item}
          t={t}
          locale={locale}
          onSave={save}
          onDelete={remove}
          {...(onPage && item.state !== 'pending' ? { onReveal: (id: string) => connection.revealClipping(tabId, id) } : {})}
        />
      </li>
    ));
  const count = groups.placed.length + groups.orphans.length;

  return (
    <Shell t={t}>
      {page && (
        <section class="page" aria-labelledby="page-title">
          <h2 id="page-title" dir="auto">
            {page.title ?? stored?.page?.title ?? ''}
          </h2>
          <dl>
            {page.published && <Meta label={t('metaPublished')} value={formatPublished(page.published, locale)} />}
            {page.author && <Meta label={t('metaAuthor')} value={page.author} />}
            {page.site && <Meta label={t('metaSite')} value={page.site} />}
          </dl>
        </section>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <p class="deleted" role="status">
          {t('panelDeleted')}{' '}
          <button type="button" class="undo" onClick={undo}>
            {t('toastUndo')}
          </button>
        </p>
      )}
      <section class="clippings" aria-labelledby="clippings-title">
        <h2 id="clippings-title">{t('panelClippings', [String(count)])}</h2>
        {stored === null && url && !error && <p class="note">{t('panelLoading')}</p>}
        {stored !== null && count === 0 && <p class="note">{t('panelNoClippings')}</p>}
        {groups.changed.length > 0 && (
          <p class="changed-summary" role="note">
            {t('panelChanged', [String(groups.changed.length)])}
          </p>
        )}
        <ul class="list">{cards(groups.placed, true)}</ul>
      </section>
      {groups.orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t('panelOrphans', [String(groups.orphans.length)])}</h2>
          <p class="note">{t('panelOrphansHelp')}</p>
          <ul class="list">{cards(groups.orphans, false)}</ul>
        </section>
      )}
      {summary.state === 'annotating' && <p class="note">{t('popupPending')}</p>}
      {summary.entities.length > 0 && (
        <section class="entities-section" aria-label={t('panelEntities')}>
          <EntityList entities={summary.entities} t={t} onPick={(entity) => connection.revealEntity(tabId, entity.start)} />
        </section>
      )}
    </Shell>
  );
}

function Shell({ t, children }: { t: Translate; children: preact.ComponentChildren }) {
  return (
    <main>
      <h1>{t('extName')}</h1>
      {children}
    </main>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd dir="auto">{value}</dd>
    </div>
  );
}
