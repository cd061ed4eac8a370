import { browser } from 'wxt/browser';

/**
 * The toolbar button's API: `action` in MV3 (Chromium), `browserAction` in
 * MV2 (the Firefox build). Both have the same badge and title calls.
 */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}
