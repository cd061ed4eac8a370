import { browser } from 'wxt/browser';
import { toolbarAction } from '@/lib/action';
import { badgeText, entityCount } from '@/lib/badge';
import { archiveHandlers } from '@/lib/capture/archive';
import { listenForSaving } from '@/lib/capture/menu';
import { t } from '@/lib/i18n';
import { handleMessages } from '@/lib/messages';
import { openSidePanel } from '@/lib/sidepanel/open';
import { openRepo, type Repo } from '@/lib/store';
import {
  browserRegistrar,
  hostsOf,
  loadSiteSettings,
  onSiteSettingsChanged,
  saveSiteSettings,
  siteStatus,
  syncRegistrations,
} from '@/lib/site-settings';

// Badge colour for "the extension has read this page": a muted green that
// keeps white text legible in light and dark toolbars.
const READY_BADGE_COLOR = '#1f6f43';

/** Host of the page a message came from, trusting the browser over the message. */
function senderHost(sender: { url?: string }, claimed: string): string {
  try {
    return sender.url ? new URL(sender.url).hostname : claimed;
  } catch {
    return claimed;
  }
}

export default defineBackground(() => {
  // The archive lives in the extension's origin; the database opens on first use.
  let repo: Repo | null = null;
  const archive = archiveHandlers({ repo: () => (repo ??= openRepo()) });

  handleMessages({
    ...archive,
    // A click in our page UI (Chromium only: its gesture travels with the message).
    // Called before anything is awaited, or the gesture is gone.
    'open-side-panel': (_message, sender) => openSidePanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId }),
    // For the side panel, which listens itself.
    'clippings-anchored': () => undefined,
    'page-annotated': async (message, sender) => {
      const tabId = sender.tab?.id;
      const status = siteStatus(senderHost(sender, message.host), await loadSiteSettings());
      if (tabId === undefined || !status.enabled) return;
      // Tab-specific badge and title: browsers reset them when the tab
      // navigates, so a page the script skips never shows a stale count.
      const action = toolbarAction();
      const label = status.site?.label ?? status.host;
      await Promise.all([
        action.setBadgeText({ tabId, text: badgeText(entityCount(message)) }),
        action.setBadgeBackgroundColor({ tabId, color: READY_BADGE_COLOR }),
        action.setTitle({
          tabId,
          title: t('actionTitleCounts', [String(message.documents), String(message.figures), label]),
        }),
      ]);
    },
    'page-cleared': async (_message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const action = toolbarAction();
      await Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: t('extName') })]);
    },
  });

  // Saving from the context menu and the browser commands (lib/capture/menu.ts).
  const syncMenu = listenForSaving(t);

  // Content-script registrations for the sites the user added. Runs are queued:
  // two overlapping runs would register the same script twice.
  const registrar = browserRegistrar();
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    if (registrar) queue = queue.then(() => syncRegistrations(registrar)).catch(() => undefined);
  };
  sync();
  syncMenu();
  onSiteSettingsChanged(() => {
    sync();
    syncMenu();
  });
  // The permission is the user's real answer: Firefox may close the popup while
  // its prompt is up, before the popup could store the choice, and access can be
  // taken back in the browser's settings. Either way the stored switch follows.
  browser.permissions.onAdded.addListener((added) => {
    const hosts = hostsOf(added.origins);
    if (hosts.length === 0) return;
    void loadSiteSettings().then((settings) => {
      const extra = [...new Set([...settings.extra, ...hosts.filter((h) => !siteStatus(h, settings).site)])];
      return extra.length === settings.extra.length ? sync() : saveSiteSettings({ ...settings, extra });
    });
  });
  browser.permissions.onRemoved.addListener((removed) => {
    const hosts = new Set(hostsOf(removed.origins));
    if (hosts.size === 0) return;
    void loadSiteSettings().then((settings) => {
      const extra = settings.extra.filter((host) => !hosts.has(host));
      return extra.length === settings.extra.length ? sync() : saveSiteSettings({ ...settings, extra });
    });
  });
});
