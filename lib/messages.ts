import { browser, type Browser } from 'wxt/browser';
import type { PageAnchors, PageMeta, PageSummary, SaveOutcome } from './page/types';
import type {
  ClippingInput,
  ClippingPatch,
  ClippingRecord,
  ClippingView,
  PageRecord,
  StoreErrorCode,
  StoreErrorMessageKey,
} from './store';

/**
 * How the background answers a request to the archive. A `StoreError` does not survive
 * messaging (only plain data crosses), so a failure arrives as its code and the name of
 * its locale message, which the receiver shows (`t(messageKey)`).
 */
export interface StoreFailure {
  ok: false;
  code: StoreErrorCode;
  messageKey: StoreErrorMessageKey;
}
export type StoreReply<T extends object> = ({ ok: true } & T) | StoreFailure;

/**
 * Every runtime message between the extension's parts, keyed by `type`, with
 * what the receiver answers. Adding a message is one entry in one of the two
 * maps; the unions, the senders and the handler registrations follow from it.
 */

/** Messages to the background (`browser.runtime.sendMessage`). */
export interface MessageMap {
  /** Content script → background: the article on this tab has been read; sets the badge. */
  'page-annotated': {
    request: { host: string; page: PageMeta; documents: number; figures: number };
    response: void;
  };
  /** Content script → background: highlighting was switched off on this tab; clears the badge. */
  'page-cleared': { request: { host: string }; response: void };
  /** Content script → archive: saves a clipping (its page upserted); the same text at the same place is saved once. */
  'save-clipping': { request: { clipping: ClippingInput }; response: StoreReply<ClippingView> };
  /** Content script → archive: the live clippings of a page (any address of it), in text order. */
  'clippings-for-page': {
    request: { url: string };
    response: StoreReply<{ page: PageRecord | null; clippings: ClippingRecord[] }>;
  };
  /** Note, tags or colour of a clipping. */
  'update-clipping': { request: { id: string; patch: ClippingPatch }; response: StoreReply<ClippingView> };
  /** Tombstones a clipping (the toast's "undo"); `undo-delete` brings it back. */
  'delete-clipping': { request: { id: string }; response: StoreReply<ClippingView> };
  'undo-delete': { request: { id: string }; response: StoreReply<ClippingView> };
  /**
   * Content script → background: opens the side panel on the sender's tab, from a click
   * in our page UI (Chromium carries the click's user gesture along with the message;
   * Firefox does not, so its UI never sends this). Answers whether it opened.
   */
  'open-side-panel': { request: object; response: boolean };
  /**
   * Content script → extension pages: the page's clippings were placed again (loaded,
   * saved, removed). The side panel listens; the background has nothing to do with it.
   */
  'clippings-anchored': { request: PageAnchors; response: void };
}

/** Messages to a tab's content script (`browser.tabs.sendMessage`), from the popup. */
export interface TabMessageMap {
  /** What the content script knows about its page: state, metadata, entities. */
  'get-page': { request: object; response: PageSummary };
  /** Scroll to the entity starting at `start` in the article text and open its card. */
  'reveal-entity': { request: { start: number }; response: boolean };
  /** From the background (context menu, command): save the page's current selection as a clipping. */
  'save-selection': { request: { source: 'menu' | 'command' }; response: SaveOutcome };
  /** From the side panel: where each of the page's clippings was found (or not). */
  'get-clipping-anchors': { request: object; response: PageAnchors };
  /** From the side panel: scroll to a clipping and mark it. */
  'reveal-clipping': { request: { id: string }; response: boolean };
  /** From the side panel: the archive changed (a clipping deleted or restored there); look again. */
  'refresh-clippings': { request: object; response: void };
}

/** A map of message types to their request and response shapes. */
type AnyMap<M> = { [K in keyof M]: { request: object; response: unknown } };

type MessageIn<M extends AnyMap<M>> = { [K in keyof M & string]: { type: K } & M[K]['request'] }[keyof M & string];

type HandlersFor<M extends AnyMap<M>> = {
  [K in keyof M & string]: (
    message: Extract<MessageIn<M>, { type: K }>,
    sender: Browser.runtime.MessageSender,
  ) => M[K]['response'] | Promise<M[K]['response']>;
};

export type MessageType = keyof MessageMap;
/** Discriminated union of the background's messages, e.g. `{ type: 'page-cleared', host }`. */
export type Message = MessageIn<MessageMap>;
export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];
export type MessageHandlers = HandlersFor<MessageMap>;

export type TabMessageType = keyof TabMessageMap;
export type TabMessage = MessageIn<TabMessageMap>;
export type TabMessageOf<K extends TabMessageType> = Extract<TabMessage, { type: K }>;
export type TabResponseOf<K extends TabMessageType> = TabMessageMap[K]['response'];
export type TabMessageHandlers = HandlersFor<TabMessageMap>;

// Records rather than lists so that the compiler flags a message type added to a
// map but not here.
const MESSAGE_TYPES: Readonly<Record<MessageType, true>> = {
  'page-annotated': true,
  'page-cleared': true,
  'save-clipping': true,
  'clippings-for-page': true,
  'update-clipping': true,
  'delete-clipping': true,
  'undo-delete': true,
  'open-side-panel': true,
  'clippings-anchored': true,
};
const TAB_MESSAGE_TYPES: Readonly<Record<TabMessageType, true>> = {
  'get-page': true,
  'reveal-entity': true,
  'save-selection': true,
  'get-clipping-anchors': true,
  'reveal-clipping': true,
  'refresh-clippings': true,
};

function hasType(value: unknown, types: Readonly<Record<string, true>>): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.hasOwn(types, (value as { type: string }).type)
  );
}

/** Messages cross a process boundary, so the receiver checks the shape. */
export function isMessage(value: unknown): value is Message {
  return hasType(value, MESSAGE_TYPES);
}

export function isTabMessage(value: unknown): value is TabMessage {
  return hasType(value, TAB_MESSAGE_TYPES);
}

/** Sends a message to the extension's background and resolves with its answer. */
export async function sendMessage<K extends MessageType>(message: MessageOf<K>): Promise<ResponseOf<K>> {
  return (await browser.runtime.sendMessage(message)) as ResponseOf<K>;
}

/** Sends a message to the content script of a tab; rejects when none listens there. */
export async function sendTabMessage<K extends TabMessageType>(
  tabId: number,
  message: TabMessageOf<K>,
): Promise<TabResponseOf<K>> {
  return (await browser.tabs.sendMessage(tabId, message)) as TabResponseOf<K>;
}

/**
 * One `runtime.onMessage` listener dispatching to one handler per type. Answers
 * through `sendResponse` and `return true` rather than by returning a promise,
 * because Chromium's `runtime.onMessage` ignores returned promises while Firefox
 * accepts both. Returns a function removing the listener.
 */
function listen(
  guardType: (value: unknown) => boolean,
  handlers: Record<string, (message: never, sender: Browser.runtime.MessageSender) => unknown>,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r?: unknown) => void) => {
    if (!guardType(message)) return false;
    const type = (message as { type: string }).type;
    const handler = handlers[type] as (message: unknown, sender: Browser.runtime.MessageSender) => unknown;
    // Called within the dispatch, not a microtask later: Chromium lets a message sent
    // from a click carry the click's user gesture only while its listener runs, which
    // `sidePanel.open()` needs.
    let result: unknown;
    try {
      result = handler(message, sender);
    } catch {
      sendResponse(undefined);
      return true;
    }
    Promise.resolve(result).then(
      (response) => sendResponse(response),
      () => sendResponse(undefined),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Registers the background's handlers, one per message type. */
export function handleMessages(handlers: MessageHandlers): () => void {
  return listen(isMessage, handlers);
}

/** Registers a content script's handlers for the popup's messages. */
export function handleTabMessages(handlers: TabMessageHandlers): () => void {
  return listen(isTabMessage, handlers);
}
