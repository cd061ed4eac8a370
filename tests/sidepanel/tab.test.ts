import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageAnchors, PageSummary } from '@/lib/page/types';
import { followActiveTab, type PanelTab } from '@/lib/sidepanel/tab';

const SUMMARY: PageSummary = { state: 'annotated', page: { title: 'A', published: null, author: null, site: null, url: 'https://x.gov.vn/a' }, entities: [] };
const ANCHORS: PageAnchors = { url: 'https://x.gov.vn/a', loaded: true, anchors: [] };

describe('followActiveTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows the active tab of its window, asks its content script, and hears new placements', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://x.gov.vn/a', active: true });
    const answers = new Map<number, { summary: PageSummary; anchors: PageAnchors }>([[first.id!, { summary: SUMMARY, anchors: ANCHORS }]]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([first] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string }) => {
      const answer = answers.get(tabId);
      if (!answer) throw new Error('no content script');
      return message.type === 'get-page' ? answer.summary : answer.anchors;
    }) as never);
    const seen: PanelTab[] = [];
    const stop = followActiveTab((tab) => seen.push(tab));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ tabId: first.id, summary: SUMMARY, anchors: ANCHORS }));

    // The content script announces its clippings placed again (a save on the page).
    const moved: PageAnchors = { ...ANCHORS, anchors: [{ id: 'c1', status: 'exact', start: 1, end: 5, changes: [] }] };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'clippings-anchored', ...moved }, { tab: { id: first.id } } as Browser.runtime.MessageSender, () => undefined);
    expect(seen.at(-1)!.anchors).toEqual(moved);
    // Another tab's announcement is not about this page.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'clippings-anchored', ...ANCHORS }, { tab: { id: 999 } } as Browser.runtime.MessageSender, () => undefined);
    expect(seen.at(-1)!.anchors).toEqual(moved);

    // The reader switches to a tab without a content script.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 77, windowId: first.windowId! });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ tabId: 77, summary: null, anchors: null }));
    stop();
  });

  it('asks again while the page is still being read', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.gov.vn/a', active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab] as never);
    let reading = true;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_id: number, message: { type: string }) =>
      message.type === 'get-page' ? { ...SUMMARY, state: reading ? 'annotating' : 'annotated' } : ANCHORS) as never);
    const seen: PanelTab[] = [];
    const stop = followActiveTab((t) => seen.push(t), { pollMs: 5 });
    await vi.waitFor(() => expect(seen.at(-1)?.summary?.state).toBe('annotating'));
    reading = false;
    await vi.waitFor(() => expect(seen.at(-1)?.summary?.state).toBe('annotated'));
    stop();
  });
});
