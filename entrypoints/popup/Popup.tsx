import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityList } from '@/components/EntityList';
import { formatPublished } from '@/lib/format/entity';
import { t } from '@/lib/i18n';
import type { PageSummary } from '@/lib/page/types';
import { activeTab, askPage, revealInTab, switchSite, type ActiveTab } from '@/lib/popup/tab';
import { loadSiteSettings, siteStatus, type SiteStatus } from '@/lib/site-settings';

export function Popup() {
  // undefined: still asking.
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    activeTab().then(setTab, () => setTab(null));
  }, []);

  const refresh = useCallback(async (target: ActiveTab) => {
    setStatus(siteStatus(target.host, await loadSiteSettings()));
    setSummary(await askPage(target.id));
  }, []);

  useEffect(() => {
    if (tab) void refresh(tab);
  }, [tab, refresh]);

  // While the page is still being read, ask again now and then.
  useEffect(() => {
    if (!tab || (summary?.state !== 'annotating' && summary?.state !== 'waiting')) return;
    const timer = setTimeout(() => void refresh(tab), 500);
    return () => clearTimeout(timer);
  }, [tab, summary, refresh]);

  if (tab === undefined) return <main />;
  if (tab === null) {
    return (
      <main>
        <h1>{t('extName')}</h1>
        <p>{t('popupNoPage')}</p>
      </main>
    );
  }

  const onToggle = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    // Straight from the click: the permission prompt must not wait for anything.
    const switched = switchSite(tab, on);
    setSummary(undefined);
    switched.then(
      (result) => {
        setDenied(!result.granted);
        setStatus(result);
        // The content script follows the stored switch; give it a moment before asking.
        setTimeout(() => void refresh(tab), 300);
      },
      () => setDenied(true),
    );
  };

  const page = summary?.page;
  return (
    <main>
      <h1>{t('extName')}</h1>
      {status && (
        <label class="switch">
          <input type="checkbox" role="switch" checked={status.enabled} onChange={onToggle} />
          <span>{t('popupSiteSwitch', [status.host])}</span>
        </label>
      )}
      {denied && <p class="note">{t('popupPermissionDenied')}</p>}
      {page && (
        <section class="page">
          {page.title && <h2 class="title">{page.title}</h2>}
          <dl>
            {page.published && <Meta label={t('metaPublished')} value={formatPublished(page.published, browser.i18n.getUILanguage())} />}
            {page.author && <Meta label={t('metaAuthor')} value={page.author} />}
            {page.site && <Meta label={t('metaSite')} value={page.site} />}
          </dl>
        </section>
      )}
      <PageBody status={status} summary={summary} onPick={(start) => void revealInTab(tab.id, start)} />
    </main>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PageBody({
  status,
  summary,
  onPick,
}: {
  status: SiteStatus | null;
  summary: PageSummary | null | undefined;
  onPick(start: number): void;
}) {
  if (!status || summary === undefined) return null;
  if (!status.enabled) return <p class="note">{status.site ? t('popupOff') : t('popupUnsupported')}</p>;
  if (summary === null || summary.state === 'off') return <p class="note">{t('popupNotRunning')}</p>;
  if (summary.state === 'not-article' || (summary.state === 'waiting' && !summary.page)) {
    return <p class="note">{t('popupNotArticle')}</p>;
  }
  return (
    <>
      {summary.state === 'annotating' && <p class="note">{t('popupPending')}</p>}
      {summary.state === 'annotated' && summary.entities.length === 0 && <p class="note">{t('popupNoEntities')}</p>}
      <EntityList entities={summary.entities} t={t} onPick={(entity) => onPick(entity.start)} />
      {summary.entities.length > 0 && <p class="hint">{t('popupShortcuts')}</p>}
    </>
  );
}
