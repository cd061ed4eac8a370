import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Message } from '@/lib/messages';
import { loadSiteSettings, saveSiteSettings } from '@/lib/site-settings/settings';
import { installFakeApis } from '../helpers/fake-apis';
import { messagesOf } from '../helpers/i18n';

// The fake browser has no i18n; answer from the default locale's file so the
// assertions see the strings users see.
const getMessage = messagesOf('vi');

/** Delivers a message as the browser would and waits for the background's answer. */
function deliver(message: unknown, sender: { tab?: { id: number }; url?: string }): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender, resolve);
  });
}

const TAB = 7;
const PAGE = { title: 'Bài viết', published: null, author: null, site: null, url: null };

function annotated(host: string, documents: number, figures: number): Message {
  return { type: 'page-annotated', host, page: PAGE, documents, figures };
}

/** Lets queued promise work (registration sync, storage events) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('background', () => {
  let apis: ReturnType<typeof installFakeApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    apis = installFakeApis();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
    background.main();
  });

  it('shows the number of entities on the badge of the tab that read its article', async () => {
    await deliver(annotated('bdv.binhphuoc.gov.vn', 4, 21), { tab: { id: TAB }, url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/a.html' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('25');
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe(
      'Trích Lục: 4 văn bản, 21 số liệu trên Cổng thông tin điện tử (gov.vn)',
    );
    // Other tabs keep the default look.
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('caps large counts to fit the badge', async () => {
    await deliver(annotated('baodanang.vn', 1200, 5749), { tab: { id: TAB }, url: 'https://baodanang.vn/a' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('999+');
  });

  it('clears the badge when highlighting is switched off on the tab', async () => {
    await deliver(annotated('baodanang.vn', 1, 1), { tab: { id: TAB }, url: 'https://baodanang.vn/a' });
    await deliver({ type: 'page-cleared', host: 'baodanang.vn' }, { tab: { id: TAB }, url: 'https://baodanang.vn/a' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('trusts the page the message came from over what the message claims', async () => {
    await deliver(annotated('baodanang.vn', 1, 1), { tab: { id: TAB }, url: 'https://example.com/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('counts on sites the user added, and not on built-in sites the user turned off', async () => {
    await saveSiteSettings({ disabled: ['baodanang.vn'], extra: ['tintuc.example.com'] });
    await deliver(annotated('tintuc.example.com', 2, 3), { tab: { id: TAB }, url: 'https://tintuc.example.com/a' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('5');
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe('Trích Lục: 2 văn bản, 3 số liệu trên tintuc.example.com');
    await deliver(annotated('baodanang.vn', 2, 3), { tab: { id: TAB + 1 }, url: 'https://baodanang.vn/a' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('ignores messages it does not know and messages from outside a tab', async () => {
    const listener = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(listener);
    // An unknown message gets no answer, so it is triggered without waiting for one.
    const results = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'something-else' },
      { tab: { id: TAB } } as Browser.runtime.MessageSender,
      () => undefined,
    );
    expect(results).toContain(false);
    await deliver(annotated('baodanang.vn', 1, 1), { url: 'https://baodanang.vn/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('registers the content script for an added site, and drops it when access is taken back', async () => {
    await fakeBrowser.permissions.request({ origins: ['*://tintuc.example.com/*'] });
    await settle();
    await settle();
    // The permission alone turns the site on (the popup may have closed before storing it).
    expect(await loadSiteSettings()).toEqual({ disabled: [], extra: ['tintuc.example.com'] });
    await vi.waitFor(() => expect([...apis.registered.keys()]).toEqual(['trichluc-extra:tintuc.example.com']));
    apis.revoke('*://tintuc.example.com/*');
    await vi.waitFor(async () => expect(await loadSiteSettings()).toEqual({ disabled: [], extra: [] }));
    await vi.waitFor(() => expect(apis.registered.size).toBe(0));
  });
});
