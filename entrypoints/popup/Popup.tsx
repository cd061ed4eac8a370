import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { siteForHost, type SiteKind } from '@/lib/sites';

const KIND_MESSAGE = {
  portal: 'siteKindPortal',
  newspaper: 'siteKindNewspaper',
  party: 'siteKindParty',
} as const satisfies Record<SiteKind, string>;

/**
 * Host of the active tab, or null when it has none we can read (new tab,
 * browser pages). The URL is readable because clicking the toolbar button
 * grants `activeTab`.
 */
async function activeTabHost(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

export function Popup() {
  // undefined: still asking; null: no readable host.
  const [host, setHost] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    activeTabHost().then(setHost, () => setHost(null));
  }, []);

  const site = host ? siteForHost(host) : undefined;
  return (
    <main>
      <h1>{t('extName')}</h1>
      {host === null && <p>{t('popupNoPage')}</p>}
      {host && (
        <>
          <div class="label">{t('popupCurrentPage')}</div>
          <p class="host">{host}</p>
          <p>
            {site
              ? t('popupSupported', [t(KIND_MESSAGE[site.kind]), site.label])
              : t('popupUnsupported')}
          </p>
        </>
      )}
    </main>
  );
}
