/**
 * The background's ways into saving that the browser owns: the context-menu item
 * "Lưu trích đoạn / Save clipping" on a selection, and the `save-clipping` command
 * (no default key: the page's own Alt+Shift+S does that job, and a user may bind
 * one in the browser's shortcut settings). Both ask the tab's content script to save
 * its selection; it has the article text and the map from the DOM to it.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Translate } from '../i18n';
import { sendTabMessage } from '../messages';
import type { SaveOutcome } from '../page/types';
import { loadSiteSettings } from '../site-settings/settings';
import { openSidePanel } from '../sidepanel/open';
import { contentScriptMatches } from '../sites';

export const SAVE_MENU_ID = 'trichluc-save-clipping';
export const SAVE_COMMAND = 'save-clipping';
export const PANEL_COMMAND = 'open-side-panel';

/**
 * Where the item shows: pages the content script runs on, the built-in sites and those
 * the user added. (A built-in site the user turned off still lists it; the content
 * script there answers that highlighting is off.)
 */
export function menuPatterns(extraHosts: readonly string[]): string[] {
  return [...contentScriptMatches(), ...extraHosts.map((host) => `*://${host}/*`)];
}

type MenusApi = Pick<typeof browser.contextMenus, 'create' | 'removeAll'>;

/**
 * (Re)creates the item. Called on every start of the background (an MV3 worker starts
 * often; removing first keeps one item) and when the user's sites change.
 */
export async function setUpMenu(t: Translate, patterns: string[], menus: MenusApi = browser.contextMenus): Promise<void> {
  await menus.removeAll();
  await new Promise<void>((resolve) => {
    menus.create(
      { id: SAVE_MENU_ID, title: t('menuSaveClipping'), contexts: ['selection'], documentUrlPatterns: patterns },
      // Reading lastError marks it handled (Chromium logs unread ones).
      () => resolve(void browser.runtime.lastError),
    );
  });
}

/** Asks the content script of a tab to save what is selected there. */
export function saveInTab(tabId: number, source: 'menu' | 'command'): Promise<SaveOutcome | null> {
  return sendTabMessage(tabId, { type: 'save-selection', source }).then(
    (outcome) => outcome ?? null,
    // No content script there (a page it does not run on, or loaded before the extension).
    () => null,
  );
}

/**
 * The context menu's click: the same function the `contextMenus.onClicked` listener is,
 * so tests can call it with the shape the browser passes.
 */
export function onMenuClicked(info: Pick<Browser.contextMenus.OnClickData, 'menuItemId'>, tab?: Pick<Browser.tabs.Tab, 'id'>): Promise<SaveOutcome | null> {
  if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined || tab.id < 0) return Promise.resolve(null);
  return saveInTab(tab.id, 'menu');
}

/**
 * The background's listeners for saving: the context-menu item, the save command and
 * (Chromium) the command opening the side panel. Returns the function that brings the
 * menu item up to date with the user's sites (call it now and when they change).
 * Browsers without a menus API (Firefox for Android) simply get no item.
 */
export function listenForSaving(t: Translate): () => void {
  const menus = (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  menus?.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => {
    // First thing in the handler: the command's user gesture lasts only while it runs.
    if (command === PANEL_COMMAND) void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
    else if (command === SAVE_COMMAND && tab?.id !== undefined) void saveInTab(tab.id, 'command');
  });
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    if (!menus) return;
    queue = queue
      .then(() => loadSiteSettings())
      .then((settings) => setUpMenu(t, menuPatterns(settings.extra), menus))
      .catch(() => undefined);
  };
}
