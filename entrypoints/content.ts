import { runContentScript } from '@/lib/page/content';

/**
 * Runs on government portals, provincial newspapers and party-committee sites
 * (lib/sites), and on sites the user added (registered at run time, same file).
 * Finds the article, highlights the documents and figures it cites with CSS
 * Custom Highlights (the page's DOM is left as it is), shows a card for each, and
 * reports the count for the toolbar badge. The work is in lib/page.
 *
 * It must never break or clutter the host page: everything is caught, and
 * nothing is logged.
 */
export default defineContentScript({
  // The listed sites (lib/sites), filled in at build time: see wxt.config.ts.
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    try {
      runContentScript(ctx).catch(() => undefined);
    } catch {
      // Deliberately silent: an error here is ours, not the page's.
    }
  },
});
