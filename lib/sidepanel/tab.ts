/**
 * The side panel's link to the page it is about: the active tab of its window, followed
 * as the reader switches tabs or navigates. The tab's content script answers what it
 * knows (metadata, entities, where each clipping was found) and announces new
 * placements itself (`clippings-anchored`), so a save on the page shows here at once.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendTabMessage } from '../messages';
import type { PageAnchors, PageSummary } from '../page/types';

export interface PanelTab {
  /** The tab followed, or null when the window has none with a web page. */
  tabId: number | null;
  /** What its content script says about the page; null: none answers there. */
  summary: PageSummary | null;
  anchors: PageAnchors | null;
}

export interface FollowOptions {
  /** How often to ask again while the page is still being read. */
  pollMs?: number;
  /** How many times at most. */
  polls?: number;
}

function isAnchorsMessage(message: unknown): message is PageAnchors & { type: 'clippings-anchored' } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'clippings-anchored';
}

/** Asks a tab's content script for the page and its clippings' places; nulls where none answers. */
export async function askTab(tabId: number): Promise<Pick<PanelTab, 'summary' | 'anchors'>> {
  const [summary, anchors] = await Promise.all([
    sendTabMessage(tabId, { type: 'get-page' }).then((s) => s ?? null, () => null),
    sendTabMessage(tabId, { type: 'get-clipping-anchors' }).then((a) => a ?? null, () => null),
  ]);
  return { summary, anchors };
}

/**
 * Calls `onChange` with the state of the active tab now and after every change that
 * matters. Returns a function that stops following.
 */
export function followActiveTab(onChange: (tab: PanelTab) => void, options: FollowOptions = {}): () => void {
  const pollMs = options.pollMs ?? 700;
  const maxPolls = options.polls ?? 40;
  let state: PanelTab = { tabId: null, summary: null, anchors: null };
  let windowId: number | undefined;
  let stopped = false;
  let polls = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asking = 0;

  const emit = (next: PanelTab) => {
    state = next;
    if (!stopped) onChange(state);
  };

  const refresh = async (tabId: number) => {
    const ticket = ++asking;
    const answer = await askTab(tabId);
    if (stopped || ticket !== asking || state.tabId !== tabId) return;
    emit({ tabId, ...answer });
    clearTimeout(timer);
    const reading = answer.summary?.state === 'annotating' || answer.summary?.state === 'waiting' || (answer.anchors && !answer.anchors.loaded && answer.anchors.url);
    if (reading && polls++ < maxPolls) timer = setTimeout(() => void refresh(tabId), pollMs);
  };

  const follow = (tab: Pick<Browser.tabs.Tab, 'id' | 'windowId'> | undefined) => {
    const tabId = tab?.id ?? null;
    windowId = tab?.windowId ?? windowId;
    polls = 0;
    clearTimeout(timer);
    emit({ tabId, summary: null, anchors: null });
    if (tabId !== null) void refresh(tabId);
  };

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) follow({ id: info.tabId, windowId: info.windowId });
  };
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (tabId === state.tabId && change.status === 'complete') {
      polls = 0;
      void refresh(tabId);
    }
  };
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isAnchorsMessage(message) || sender.tab?.id === undefined || sender.tab.id !== state.tabId) return undefined;
    const { type: _type, ...anchors } = message;
    emit({ ...state, anchors });
    // Not answering: the background answers this message.
    return undefined;
  };

  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.runtime.onMessage.addListener(onMessage);
  void browser.tabs.query({ active: true, currentWindow: true }).then(
    ([tab]) => follow(tab),
    () => follow(undefined),
  );

  return () => {
    stopped = true;
    clearTimeout(timer);
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}

/** Asks the tab to look again at the archive (after a delete or restore here). */
export function refreshTab(tabId: number): Promise<void> {
  return sendTabMessage(tabId, { type: 'refresh-clippings' }).then(
    () => undefined,
    () => undefined,
  );
}

/** Scrolls the tab to a clipping. */
export function revealClipping(tabId: number, id: string): Promise<boolean> {
  return sendTabMessage(tabId, { type: 'reveal-clipping', id }).catch(() => false);
}
