import { browser } from 'wxt/browser';
import { extractArticle } from '../article';
import { t } from '../i18n';
import { handleTabMessages, sendMessage } from '../messages';
import { isHighlightingOn, loadSiteSettings, onSiteSettingsChanged } from '../site-settings/settings';
import type { Entity } from '../recognize/types';
import type { CardView } from '../ui/card-view';
import { LAZY_GLOBALS, loadLazy } from './lazy';
import { PageSession } from './session';
import type { PageSummary } from './types';

/** What the content script needs from WXT's context: to hear that it is being replaced or unloaded. */
export interface ScriptContext {
  onInvalidated(callback: () => void): unknown;
}

/**
 * The content script's body: follows the site switch, runs a `PageSession` while it
 * is on, relays the results to the background (badge) and answers the popup. The
 * recognizer and the card's rendering are scripts of their own, loaded only when the
 * page has an article, and when a card first opens (./lazy.ts).
 *
 * Nothing here may surface in the page: failed messages (the extension being
 * reloaded, no background yet) are dropped, and the session guards its handlers.
 */
export async function runContentScript(ctx: ScriptContext): Promise<void> {
  const host = location.hostname;
  let session: PageSession | null = null;

  const start = () => {
    session = new PageSession({
      doc: document,
      url: () => location.href,
      extract: extractArticle,
      loadRecognizer: () => loadLazy<(text: string) => Entity[]>(browser.runtime.getURL('/recognizer.js'), LAZY_GLOBALS.recognizer),
      loadCardView: () => loadLazy<CardView>(browser.runtime.getURL('/card.js'), LAZY_GLOBALS.card),
      t,
      locale: browser.i18n.getUILanguage(),
      onAnnotated: (summary) => report(host, summary),
    });
    session.start();
  };
  const stop = () => {
    session?.destroy();
    session = null;
    sendMessage({ type: 'page-cleared', host }).catch(() => undefined);
  };

  const removeHandlers = handleTabMessages({
    'get-page': () => session?.summary() ?? { state: 'off', page: null, entities: [] },
    'reveal-entity': (message) => session?.reveal(message.start) ?? false,
  });
  const stopFollowing = onSiteSettingsChanged((settings) => {
    try {
      const on = isHighlightingOn(host, settings);
      if (on && !session) start();
      else if (!on && session) stop();
    } catch {
      // Never into the page's console.
    }
  });
  // A newer copy of this script (extension updated, script injected again) takes over.
  ctx.onInvalidated(() => {
    removeHandlers();
    stopFollowing();
    session?.destroy();
    session = null;
  });

  if (isHighlightingOn(host, await loadSiteSettings())) start();
}

function report(host: string, summary: PageSummary): void {
  if (!summary.page) return;
  let documents = 0;
  for (const e of summary.entities) if (e.kind === 'document') documents++;
  sendMessage({
    type: 'page-annotated',
    host,
    page: summary.page,
    documents,
    figures: summary.entities.length - documents,
  }).catch(() => undefined);
}
