import { browser } from 'wxt/browser';
import { sendTabMessage } from '../messages';
import type { PageSummary } from '../page/types';
import { injectContentScript, setSiteEnabled, type ToggleResult } from '../site-settings';

/** The tab the popup is about. */
export interface ActiveTab {
  id: number;
  host: string;
}

/**
 * The active tab, or null when it has no web page (new tab, browser pages). Its
 * URL is readable because clicking the toolbar button grants `activeTab`.
 */
export async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url || tab.id === undefined) return null;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { id: tab.id, host: url.hostname } : null;
  } catch {
    return null;
  }
}

/** What the tab's content script knows, or null when none answers there. */
export function askPage(tabId: number): Promise<PageSummary | null> {
  return sendTabMessage(tabId, { type: 'get-page' }).then(
    (summary) => summary ?? null,
    () => null,
  );
}

/** Scrolls the tab to an entity and opens its card there. */
export function revealInTab(tabId: number, start: number): Promise<boolean> {
  return sendTabMessage(tabId, { type: 'reveal-entity', start }).catch(() => false);
}

/**
 * The site switch, from its click handler (the permission prompt must come
 * straight from the click: `setSiteEnabled` asks before awaiting anything). A site
 * just added starts in this tab at once, rather than after a reload.
 */
export function switchSite(tab: ActiveTab, on: boolean): Promise<ToggleResult> {
  return setSiteEnabled(tab.host, on).then(async (result) => {
    if (result.granted && on && !result.site && !(await askPage(tab.id))) {
      await injectContentScript(tab.id).catch(() => undefined);
    }
    return result;
  });
}
