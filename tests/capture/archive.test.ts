import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { archiveHandlers, storeFailure } from '@/lib/capture/archive';
import { SAVE_MENU_ID } from '@/lib/capture/menu';
import type { StoreReply } from '@/lib/messages';
import { saveSiteSettings } from '@/lib/site-settings/settings';
import { StoreError, type ClippingView, type Repo } from '@/lib/store';
import { installFakeApis } from '../helpers/fake-apis';
import { messagesOf } from '../helpers/i18n';
import { clip3307, fresh, PAGE, QUOTE_3307 } from '../store/helpers';

type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'url'>;

/** Delivers a message as the browser would and waits for the answer. */
function deliver<T>(message: unknown, sender: Sender): Promise<T> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender, resolve as (r: unknown) => void);
  });
}

const TAB: Sender = { tab: { id: 3 } as Browser.tabs.Tab, url: PAGE.url };

describe('the archive by message (background)', () => {
  let apis: ReturnType<typeof installFakeApis>;
  beforeEach(async () => {
    fakeBrowser.reset();
    apis = installFakeApis();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(messagesOf('vi') as never);
    // A fresh archive for each test (the background opens the default database).
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('trich-luc');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    background.main();
  });

  it('saves a clipping from a content script and finds it by any address of its page', async () => {
    const saved = await deliver<StoreReply<ClippingView>>({ type: 'save-clipping', clipping: clip3307() }, TAB);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.clipping.quote).toBe(QUOTE_3307);
    expect(saved.page.canonicalUrl).toBe(PAGE.canonicalUrl);
    const found = await deliver<StoreReply<{ clippings: { id: string }[] }>>(
      { type: 'clippings-for-page', url: `${PAGE.canonicalUrl}?fbclid=abc#top` },
      TAB,
    );
    expect(found).toMatchObject({ ok: true, clippings: [{ id: saved.clipping.id }] });
  });

  it('edits, deletes and restores a clipping', async () => {
    const saved = await deliver<StoreReply<ClippingView>>({ type: 'save-clipping', clipping: clip3307() }, TAB);
    if (!saved.ok) throw new Error('not saved');
    const id = saved.clipping.id;
    expect(await deliver({ type: 'update-clipping', id, patch: { note: 'kiểm tra lại', tags: ['vốn'] } }, TAB)).toMatchObject({
      ok: true,
      clipping: { note: 'kiểm tra lại', tags: ['vốn'] },
    });
    expect(await deliver({ type: 'delete-clipping', id }, TAB)).toMatchObject({ ok: true, clipping: { deleted: true } });
    expect(await deliver({ type: 'clippings-for-page', url: PAGE.url }, TAB)).toMatchObject({ ok: true, clippings: [] });
    expect(await deliver({ type: 'undo-delete', id }, TAB)).toMatchObject({ ok: true, clipping: { deleted: false } });
  });

  it('answers failures with their code and locale message, never a bare rejection', async () => {
    expect(await deliver({ type: 'save-clipping', clipping: { ...clip3307(), quote: '' } }, TAB)).toEqual({
      ok: false,
      code: 'invalid',
      messageKey: 'storeErrorInvalid',
    });
    expect(await deliver({ type: 'save-clipping', clipping: 'nonsense' }, TAB)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deliver({ type: 'update-clipping', id: 'missing', patch: { note: 'x' } }, TAB)).toEqual({
      ok: false,
      code: 'not-found',
      messageKey: 'storeErrorNotFound',
    });
  });

  it('trusts the tab the message came from for the page address', async () => {
    const sender: Sender = { tab: { id: 3 } as Browser.tabs.Tab, url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/that-1.html?utm_source=x' };
    const saved = await deliver<StoreReply<ClippingView>>(
      { type: 'save-clipping', clipping: clip3307({}, { ...PAGE, url: 'https://elsewhere.example/', canonicalUrl: null }) },
      sender,
    );
    expect(saved).toMatchObject({ ok: true, page: { canonicalUrl: 'https://bdv.binhphuoc.gov.vn/tin-tuc/that-1.html' } });
  });

  it('adds the "Save clipping" item on selections of the pages it runs on', async () => {
    await vi.waitFor(() => expect(apis.menuItems.get(SAVE_MENU_ID)).toBeDefined());
    const item = apis.menuItems.get(SAVE_MENU_ID)!;
    expect(item).toMatchObject({ id: SAVE_MENU_ID, title: 'Lưu trích đoạn', contexts: ['selection'] });
    expect(item.documentUrlPatterns).toContain('*://*.gov.vn/*');
  });

  it("asks the tab's content script to save its selection from the menu and the command", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, id: 'c1', quote: 'q' } as never);
    apis.clickMenu({ menuItemId: SAVE_MENU_ID }, { id: 9 });
    apis.clickMenu({ menuItemId: 'another-extension-item' }, { id: 9 });
    apis.command('save-clipping', { id: 10 });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls).toEqual([
      [9, { type: 'save-selection', source: 'menu' }],
      [10, { type: 'save-selection', source: 'command' }],
    ]);
  });

  it('offers the menu item on sites the user added too', async () => {
    await vi.waitFor(() => expect(apis.menuItems.get(SAVE_MENU_ID)).toBeDefined());
    await saveSiteSettings({ disabled: [], extra: ['tintuc.example.com'] });
    await vi.waitFor(() => expect(apis.menuItems.get(SAVE_MENU_ID)!.documentUrlPatterns).toContain('*://tintuc.example.com/*'));
  });
});

describe('archiveHandlers', () => {
  it('reports a full disk as the quota error, for a clear message', async () => {
    const { repo } = fresh();
    const full = Object.assign(new Error('inner'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    const failing = { ...repo, saveClipping: () => Promise.reject(full) } as Repo;
    const handlers = archiveHandlers({ repo: () => failing, persist: async () => 'granted' });
    const reply = await handlers['save-clipping']({ type: 'save-clipping', clipping: clip3307() }, TAB as Browser.runtime.MessageSender);
    expect(reply).toEqual({ ok: false, code: 'quota', messageKey: 'storeErrorQuota' });
    expect(messagesOf('en')('storeErrorQuota')).toMatch(/storage is full/);
    expect(storeFailure(new StoreError('not-found', 'x'))).toEqual({ ok: false, code: 'not-found', messageKey: 'storeErrorNotFound' });
    expect(storeFailure('weird')).toEqual({ ok: false, code: 'unknown', messageKey: 'storeErrorUnknown' });
  });

  it('asks for persistent storage once, after the first save, and keeps the answer', async () => {
    const { repo } = fresh();
    const persist = vi.fn(async () => 'granted' as const);
    const handlers = archiveHandlers({ repo: () => repo, persist });
    const sender = TAB as Browser.runtime.MessageSender;
    await handlers['save-clipping']({ type: 'save-clipping', clipping: clip3307() }, sender);
    await vi.waitFor(async () => expect((await repo.getSettings()).persisted).toBe(true));
    await handlers['save-clipping']({ type: 'save-clipping', clipping: clip3307({ note: 'khác' }) }, sender);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
