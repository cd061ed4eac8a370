import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { SidePanel, type PanelConnection } from '@/components/sidepanel/SidePanel';
import type { PageAnchors, PageSummary } from '@/lib/page/types';
import type { PanelTab } from '@/lib/sidepanel/tab';
import { testDocument } from '../helpers/dom';
import { messagesOf } from '../helpers/i18n';
import { clip, clip3307, fresh, PAGE } from '../store/helpers';

const en = messagesOf('en');

const SUMMARY: PageSummary = {
  state: 'annotated',
  page: { title: PAGE.title!, published: PAGE.published!, author: PAGE.author!, site: PAGE.site!, url: PAGE.canonicalUrl! },
  entities: [
    { kind: 'figure', start: 5, end: 18, text: '1.640 tỷ đồng', value: 1.64e12, valueTo: null, quantity: 'money', unit: 'VND', qualifier: null, change: null, denominator: null },
  ],
};

function connection(tab: PanelTab) {
  let push: ((tab: PanelTab) => void) | null = null;
  const c: PanelConnection & { push(tab: PanelTab): void } = {
    follow: (onChange) => {
      push = onChange;
      onChange(tab);
      return () => undefined;
    },
    revealEntity: vi.fn(),
    revealClipping: vi.fn(),
    refreshTab: vi.fn(),
    push: (next) => push?.(next),
  };
  return c;
}

async function mount(tab: PanelTab, setupRepo?: (repo: ReturnType<typeof fresh>['repo']) => Promise<void>) {
  const { repo } = fresh();
  await setupRepo?.(repo);
  const doc = testDocument('<html><body><div id="app"></div></body></html>');
  const root = doc.getElementById('app')!;
  const conn = connection(tab);
  render(<SidePanel repo={repo} t={en} locale="en" connection={conn} />, root as never);
  return { repo, doc, root, conn };
}

const fire = (el: Element, type: string) => el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event(type, { bubbles: true, cancelable: true }));

describe('SidePanel', () => {
  it("shows the page, its clippings with where each stands, orphans apart, figures changed, and the page's entities", async () => {
    let ids: string[] = [];
    const { root, conn } = await mount({ tabId: 4, summary: SUMMARY, anchors: null }, async (repo) => {
      const a = await repo.saveClipping(clip3307());
      const b = await repo.saveClipping(clip('Đồng thời, tỉnh giải ngân 85% kế hoạch vốn.'));
      ids = [a.clipping.id, b.clipping.id];
    });
    await vi.waitFor(() => expect(root.querySelectorAll('.clipping').length).toBe(2));
    expect(root.querySelector('h2#page-title')!.textContent).toBe(PAGE.title);
    expect(root.textContent).toContain('Clippings from this page (2)');
    // The page has not said where they are yet: no state shown.
    expect(root.querySelector('.clipping .state')).toBeNull();
    const anchors: PageAnchors = {
      url: PAGE.canonicalUrl!,
      loaded: true,
      anchors: [
        { id: ids[0]!, status: 'fuzzy', start: 120, end: 190, changes: [{ kind: 'number', before: '1.640', after: '1.650', start: 170, end: 175 }] },
        { id: ids[1]!, status: 'orphan', changes: [] },
      ],
    };
    conn.push({ tabId: 4, summary: SUMMARY, anchors });
    await vi.waitFor(() => expect(root.querySelector('.orphans')).not.toBeNull());
    const placed = root.querySelector('.clippings .clipping')!;
    expect(placed.querySelector('.state')!.textContent).toBe('On the page, edited');
    expect(placed.querySelector('.changes li')!.textContent).toBe('1.640 → 1.650');
    expect(root.querySelector('.changed-summary')!.textContent).toBe(en('panelChanged', ['1']));
    const orphans = root.querySelector('.orphans')!;
    expect(orphans.querySelector('h2')!.textContent).toBe('No longer found on the page (1)');
    expect(orphans.querySelector('blockquote')!.textContent).toBe('Đồng thời, tỉnh giải ngân 85% kế hoạch vốn.');
    // An orphan has nowhere to be shown on the page.
    expect(orphans.querySelector('button.reveal')).toBeNull();
    fire(placed.querySelector('button.reveal')!, 'click');
    expect(conn.revealClipping).toHaveBeenCalledWith(4, ids[0]);
    fire(root.querySelector('button.entity')!, 'click');
    expect(conn.revealEntity).toHaveBeenCalledWith(4, 5);
  });

  it('edits a note and tags in place, and keeps them', async () => {
    const { root, repo } = await mount({ tabId: 4, summary: SUMMARY, anchors: null }, async (r) => void (await r.saveClipping(clip3307())));
    await vi.waitFor(() => expect(root.querySelector('.clipping textarea')).not.toBeNull());
    const textarea = root.querySelector('textarea')!;
    textarea.value = 'Đối chiếu với báo cáo quý I';
    fire(textarea, 'input');
    const tags = root.querySelector<HTMLInputElement>('input[type="text"]')!;
    tags.value = 'vốn đầu tư, Bình Phước';
    fire(tags, 'input');
    await vi.waitFor(() => expect(root.querySelector('button.save')!.hasAttribute('aria-disabled')).toBe(false));
    fire(root.querySelector('form.edit')!, 'submit');
    await vi.waitFor(() => expect(root.querySelector('.clipping .status')!.textContent).toBe('Saved'));
    const { clippings } = await repo.clippingsForPage(PAGE.url);
    expect(clippings[0]).toMatchObject({ note: 'Đối chiếu với báo cáo quý I', tags: ['vốn đầu tư', 'Bình Phước'] });
  });

  it('deletes with undo, and tells the page', async () => {
    const { root, repo, conn } = await mount({ tabId: 4, summary: SUMMARY, anchors: null }, async (r) => void (await r.saveClipping(clip3307())));
    await vi.waitFor(() => expect(root.querySelector('button.delete')).not.toBeNull());
    fire(root.querySelector('button.delete')!, 'click');
    await vi.waitFor(() => expect(root.querySelector('.deleted')).not.toBeNull());
    await vi.waitFor(() => expect(root.querySelectorAll('.clipping').length).toBe(0));
    expect(conn.refreshTab).toHaveBeenCalledWith(4);
    fire(root.querySelector('.deleted button.undo')!, 'click');
    await vi.waitFor(() => expect(root.querySelectorAll('.clipping').length).toBe(1));
    expect((await repo.clippingsForPage(PAGE.url)).clippings).toHaveLength(1);
  });

  it('shows a clipping saved on the page as soon as it is in the archive', async () => {
    const { root, repo } = await mount({ tabId: 4, summary: SUMMARY, anchors: null });
    await vi.waitFor(() => expect(root.textContent).toContain('No clippings from this page yet.'));
    await repo.saveClipping(clip3307());
    await vi.waitFor(() => expect(root.querySelectorAll('.clipping').length).toBe(1));
  });

  it('shows quotes and notes from pages as inert text', async () => {
    const hostile = '<img src=x onerror="alert(1)"> \u202Eabc';
    const { root } = await mount({ tabId: 4, summary: SUMMARY, anchors: null }, async (r) => void (await r.saveClipping(clip(hostile, { note: '<b>ghi chú</b>' }))));
    await vi.waitFor(() => expect(root.querySelector('blockquote')).not.toBeNull());
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toBe(hostile);
    expect(root.querySelector('blockquote')!.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('textarea')!.value).toBe('<b>ghi chú</b>');
  });

  it('says why there is nothing to show', async () => {
    const none = await mount({ tabId: null, summary: null, anchors: null });
    await vi.waitFor(() => expect(none.root.textContent).toContain(en('popupNoPage')));
    const notRunning = await mount({ tabId: 3, summary: null, anchors: null });
    await vi.waitFor(() => expect(notRunning.root.textContent).toContain(en('panelNotRunning')));
    const listing = await mount({ tabId: 3, summary: { state: 'not-article', page: null, entities: [] }, anchors: null });
    await vi.waitFor(() => expect(listing.root.textContent).toContain(en('popupNotArticle')));
  });
});
