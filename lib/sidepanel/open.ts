import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens our side panel: Chromium's `sidePanel` (MV3), Firefox's `sidebarAction`. Both
 * refuse unless called while a user gesture is being handled (a click, a command, a
 * context-menu item); call it first thing in such a handler, before any `await`.
 * Resolves whether it opened.
 */
export function openSidePanel(target: { tabId?: number; windowId?: number }): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  try {
    if (api.sidePanel?.open) {
      const options = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId };
      return api.sidePanel.open(options).then(
        () => true,
        () => false,
      );
    }
    if (api.sidebarAction?.open) {
      return api.sidebarAction.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // Refused synchronously (no gesture).
  }
  return Promise.resolve(false);
}
