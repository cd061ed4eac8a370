import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Message } from '@/lib/messages';

// The fake browser has no i18n; answer from the default locale's file so the
// assertions see the strings users see.
const VI = JSON.parse(readFileSync('public/_locales/vi/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = VI[name];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return entry.message.replace(/\$(\w+)\$/g, (_, key: string) =>
    (entry.placeholders?.[key.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? ''),
  );
}

/** Delivers a message as the browser would and waits for the background's answer. */
function deliver(message: unknown, sender: { tab?: { id: number }; url?: string }): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender, resolve);
  });
}

const TAB = 7;

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
    background.main();
  });

  it('marks the sending tab when a supported page reports in', async () => {
    const message: Message = { type: 'page-ready', host: 'bdv.binhphuoc.gov.vn' };
    await deliver(message, { tab: { id: TAB }, url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/a.html' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe(
      'Trích Lục: đang hoạt động trên Cổng thông tin điện tử (gov.vn)',
    );
    // Other tabs keep the default look.
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('trusts the page the message came from over what the message claims', async () => {
    await deliver({ type: 'page-ready', host: 'baodanang.vn' }, { tab: { id: TAB }, url: 'https://example.com/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
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
    await deliver({ type: 'page-ready', host: 'baodanang.vn' }, { url: 'https://baodanang.vn/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
