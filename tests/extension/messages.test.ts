import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleTabMessages, isMessage, isTabMessage } from '@/lib/messages';

describe('messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the two kinds of messages apart, and rejects anything else', () => {
    expect(isMessage({ type: 'page-annotated' })).toBe(true);
    expect(isMessage({ type: 'get-page' })).toBe(false);
    expect(isTabMessage({ type: 'get-page' })).toBe(true);
    expect(isTabMessage({ type: 'reveal-entity', start: 3 })).toBe(true);
    for (const junk of [null, 'get-page', { type: 1 }, { type: 'toString' }, {}]) {
      expect(isMessage(junk)).toBe(false);
      expect(isTabMessage(junk)).toBe(false);
    }
  });

  it('answers the popup from the content script, and stops when removed', async () => {
    const remove = handleTabMessages({
      'get-page': () => ({ state: 'waiting', page: null, entities: [] }),
      'reveal-entity': (m) => m.start === 5,
      'save-selection': () => ({ ok: false, reason: 'no-selection' }),
      'get-clipping-anchors': () => ({ url: null, loaded: false, anchors: [] }),
      'reveal-clipping': () => false,
      'refresh-clippings': () => undefined,
    });
    const ask = (message: unknown) =>
      new Promise((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger(message, {} as Browser.runtime.MessageSender, resolve);
      });
    expect(await ask({ type: 'get-page' })).toEqual({ state: 'waiting', page: null, entities: [] });
    expect(await ask({ type: 'reveal-entity', start: 5 })).toBe(true);
    remove();
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'get-page' }, {} as Browser.runtime.MessageSender, () => undefined)).toEqual([]);
  });
});
