import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanel, type PanelConnection } from '@/components/sidepanel/SidePanel';
import { t } from '@/lib/i18n';
import { revealInTab } from '@/lib/popup/tab';
import { followActiveTab, refreshTab, revealClipping } from '@/lib/sidepanel/tab';
import { openRepo, requestPersistentStorage } from '@/lib/store';

/**
 * The side panel (Chromium's side panel, Firefox's sidebar; WXT writes both manifest
 * entries from this one entrypoint). An extension page: it reads and edits the archive
 * directly, and talks to the active tab's content script for what is on the page.
 */
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = t('extName');

const repo = openRepo();
// The archive should not be evicted under disk pressure: asked once (an extension
// page is where a browser may ask the user), the answer kept in the settings.
void repo
  .getSettings()
  .then(async (settings) => {
    if (settings.persisted !== null) return;
    await repo.updateSettings({ persisted: (await requestPersistentStorage()) === 'granted' });
  })
  .catch(() => undefined);

const connection: PanelConnection = {
  follow: (onChange) => followActiveTab(onChange),
  revealEntity: (tabId, start) => void revealInTab(tabId, start),
  revealClipping: (tabId, id) => void revealClipping(tabId, id),
  refreshTab: (tabId) => void refreshTab(tabId),
};

const root = document.getElementById('app');
if (root) render(<SidePanel repo={repo} t={t} locale={locale} connection={connection} />, root);
