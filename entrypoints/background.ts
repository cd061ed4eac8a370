import { toolbarAction } from '@/lib/action';
import { t } from '@/lib/i18n';
import { handleMessages } from '@/lib/messages';
import { siteForHost } from '@/lib/sites';

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
  handleMessages({
    'page-ready': async (message, sender) => {
      const tabId = sender.tab?.id;
      const site = siteForHost(senderHost(sender, message.host));
      if (tabId === undefined || site === undefined) return;
      // Tab-specific badge and title: browsers reset them when the tab
      // navigates, so a page the script skips never shows a stale mark.
      const action = toolbarAction();
      await Promise.all([
        action.setBadgeText({ tabId, text: t('badgeReady') }),
        action.setBadgeBackgroundColor({ tabId, color: READY_BADGE_COLOR }),
        action.setTitle({ tabId, title: t('actionTitleReady', [site.label]) }),
      ]);
    },
  });
});
