import { browser } from 'wxt/browser';
import { extractArticleSteps } from '../article';
import { t } from '../i18n';
import { handleTabMessages, sendMessage, type StoreFailure } from '../messages';
import { isSwitchedOn, loadSiteSettings, onSiteSettingsChanged } from '../site-settings/settings';
import { isHostMatchedBy } from '../sites/patterns';
import type { Entity } from '../recognize/types';
import type { CardView } from '../ui/card-view';
import { LAZY_GLOBALS, loadLazy } from './lazy';
import { PageSession } from './session';
import type { ArchiveClient, ClippingKit, PageAnchors, PageSummary } from './types';

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
  // Built in: matched by the manifest's patterns (the list itself stays out of this script).
  const builtIn = isHostMatchedBy(host, browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? []);
  let session: PageSession | null = null;

  const start = () => {
    session = new PageSession({
      doc: document,
      url: () => location.href,
      extract: extractArticleSteps,
      loadRecognizer: () => loadLazy<(text: string) => Entity[]>(browser.runtime.getURL('/recognizer.js'), LAZY_GLOBALS.recognizer),
      loadCardView: () => loadLazy<CardView>(browser.runtime.getURL('/card.js'), LAZY_GLOBALS.card),
      loadClippingKit: () => loadLazy<ClippingKit>(browser.runtime.getURL('/clippings.js'), LAZY_GLOBALS.clippings),
      t,
      locale: browser.i18n.getUILanguage(),
      onAnnotated: (summary) => report(host, summary),
      archive: ARCHIVE,
      onClippings: (anchors) => sendMessage({ type: 'clippings-anchored', ...anchors }).catch(() => undefined),
      // Firefox opens its sidebar only from a user action handled in the extension
      // itself, never from a message; there the notice names the shortcut instead.
      ...(import.meta.env.FIREFOX ? {} : { openPanel: () => void sendMessage({ type: 'open-side-panel' }).catch(() => false) }),
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
    'save-selection': () => session?.saveSelection() ?? { ok: false, reason: 'off' },
    'get-clipping-anchors': () => session?.clippingAnchors() ?? NO_ANCHORS,
    'reveal-clipping': (message) => session?.revealClipping(message.id) ?? false,
    'refresh-clippings': () => session?.refreshClippings(),
  });
  const stopFollowing = onSiteSettingsChanged((settings) => {
    try {
      const on = isSwitchedOn(host, settings, builtIn);
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

  if (isSwitchedOn(host, await loadSiteSettings(), builtIn)) start();
}

const NO_ANCHORS: PageAnchors = { url: null, loaded: false, anchors: [] };

/** A message that could not be delivered (no background yet, the extension reloading). */
const UNREACHABLE: StoreFailure = { ok: false, code: 'unknown', messageKey: 'storeErrorUnknown' };

/** The archive, through the background: the content script never opens IndexedDB. */
const ARCHIVE: ArchiveClient = {
  save: (clipping) => sendMessage({ type: 'save-clipping', clipping }).then((r) => r ?? UNREACHABLE, () => UNREACHABLE),
  forPage: (url) => sendMessage({ type: 'clippings-for-page', url }).then((r) => r ?? UNREACHABLE, () => UNREACHABLE),
  update: (id, patch) => sendMessage({ type: 'update-clipping', id, patch }).then((r) => r ?? UNREACHABLE, () => UNREACHABLE),
  remove: (id) => sendMessage({ type: 'delete-clipping', id }).then((r) => r ?? UNREACHABLE, () => UNREACHABLE),
};

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
