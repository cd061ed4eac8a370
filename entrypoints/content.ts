import { sendMessage } from '@/lib/messages';
import { contentScriptMatches, isSupportedHost } from '@/lib/sites';

/**
 * Runs on government portals, provincial newspapers and party-committee sites
 * (lib/sites). For now it only tells the background that it ran, which shows
 * as the toolbar badge; highlighting comes later and must not alter the DOM
 * (it will use CSS Custom Highlights).
 *
 * It must never break or clutter the host page: everything is caught, and
 * nothing is logged on pages it skips.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main() {
    try {
      const host = location.hostname;
      // The manifest's matches come from the same list; checking again keeps
      // the script inert wherever else it might one day be injected.
      if (!isSupportedHost(host)) return;
      // Fails only when the extension is being reloaded or removed; the page
      // must not see that.
      sendMessage({ type: 'page-ready', host }).catch(() => undefined);
    } catch {
      // Deliberately silent: an error here is ours, not the page's.
    }
  },
});
