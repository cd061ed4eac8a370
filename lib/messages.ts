import { browser, type Browser } from 'wxt/browser';

/**
 * Every runtime message between the extension's parts, keyed by `type`, with
 * what the receiver answers. Adding a message is one entry here; the union,
 * `sendMessage` and `handleMessages` follow from it.
 */
export interface MessageMap {
  /** Content script → background: the script has run on a supported page. */
  'page-ready': { request: { host: string }; response: void };
}

export type MessageType = keyof MessageMap;

/** Discriminated union of all messages, e.g. `{ type: 'page-ready', host }`. */
export type Message = {
  [K in MessageType]: { type: K } & MessageMap[K]['request'];
}[MessageType];

export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

export type MessageHandlers = {
  [K in MessageType]: (
    message: MessageOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

// A record rather than a list so that the compiler flags a message type
// added to MessageMap but not here.
const MESSAGE_TYPES: Readonly<Record<MessageType, true>> = { 'page-ready': true };

/** Messages cross a process boundary, so the receiver checks the shape. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.hasOwn(MESSAGE_TYPES, (value as { type: string }).type)
  );
}

/** Sends a message to the extension's background and resolves with its answer. */
export async function sendMessage<K extends MessageType>(message: MessageOf<K>): Promise<ResponseOf<K>> {
  return (await browser.runtime.sendMessage(message)) as ResponseOf<K>;
}

/**
 * Registers one handler per message type. Answers through `sendResponse` and
 * `return true` rather than by returning a promise, because Chromium's
 * `runtime.onMessage` ignores returned promises while Firefox accepts both.
 */
export function handleMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message)) return false;
    const handler = handlers[message.type] as (
      message: Message,
      sender: Browser.runtime.MessageSender,
    ) => unknown;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(
        (response) => sendResponse(response),
        (error: unknown) => {
          console.error(`[Trích Lục] ${message.type} failed`, error);
          sendResponse(undefined);
        },
      );
    return true;
  });
}
