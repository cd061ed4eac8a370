import { describe, expect, it, vi } from 'vitest';
import { anchor, describe as describeSpan } from '@/lib/anchor';
import { assembleClipping, sentenceAround } from '@/lib/capture';
import { saveSpan } from '@/lib/page/save';
import { extractArticle } from '@/lib/article';
import type { StoreReply } from '@/lib/messages';
import { Capture, isSaveKey } from '@/lib/page/capture';
import type { PageClippings } from '@/lib/page/clippings';
import type { ArchiveClient } from '@/lib/page/types';
import { recognize } from '@/lib/recognize';
import type { ClippingInput, ClippingView } from '@/lib/store';
import { UiRoot } from '@/lib/ui/host';
import { SelectionButton } from '@/lib/ui/selection-button';
import { Toast } from '@/lib/ui/toast';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { testDocument } from '../helpers/dom';
import { messagesOf } from '../helpers/i18n';

const FX = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!;
const en = messagesOf('en');
const SENTENCE =
  'Từ các mô hình, nhân dân trong tỉnh đã tự nguyện hiến trên 86 ha đất, đóng góp hơn 1.640 tỷ đồng và hàng chục nghìn ngày công để làm mới, nâng cấp 1.152 km đường giao thông nông thôn, xây dựng 2.318 căn nhà đại đoàn kết.';

const RECT = { left: 100, top: 200, right: 300, bottom: 220, width: 200, height: 20 };

/** A page with a selection the test sets (linkedom has no Selection). */
function page() {
  const doc = testDocument(readFixture(FX.file));
  Object.assign(doc.defaultView!, { innerWidth: 1200, innerHeight: 800 });
  const article = extractArticle(doc, FX.location);
  let range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number } | null = null;
  const selection = {
    get isCollapsed() {
      return range === null;
    },
    get rangeCount() {
      return range ? 1 : 0;
    },
    getRangeAt: () => ({ ...range!, getClientRects: () => [RECT], getBoundingClientRect: () => RECT }),
    removeAllRanges: vi.fn(() => {
      range = null;
    }),
  };
  Object.assign(doc, { getSelection: () => selection });
  /** Selects `part` (in one text node of the page). */
  const select = (part: string | null) => {
    if (part === null) {
      range = null;
      return;
    }
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(part);
      if (at >= 0) {
        range = { startContainer: n, startOffset: at, endContainer: n, endOffset: at + part.length };
        doc.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('selectionchange'));
        return;
      }
    }
    throw new Error(`${part} not on the page`);
  };
  return { doc, article, selection, select };
}

function archive(overrides: Partial<ArchiveClient> = {}) {
  let n = 0;
  const saved: ClippingInput[] = [];
  const client: ArchiveClient = {
    save: vi.fn(async (input: ClippingInput) => {
      saved.push(input);
      const clipping = { id: `c${++n}`, quote: input.quote, selectors: input.selectors, createdAt: n } as ClippingView['clipping'];
      return { ok: true, clipping, page: {} as ClippingView['page'] } as StoreReply<ClippingView>;
    }),
    forPage: vi.fn(async () => ({ ok: true as const, page: null, clippings: [] })),
    update: vi.fn(async () => ({ ok: true }) as StoreReply<ClippingView>),
    remove: vi.fn(async () => ({ ok: true }) as StoreReply<ClippingView>),
    ...overrides,
  };
  return { client, saved };
}

function setup(client: ArchiveClient) {
  const { doc, article, selection, select } = page();
  const ui = new UiRoot(doc, '');
  const toast = new Toast(doc, ui, en);
  const clippings = { added: vi.fn(), removed: vi.fn() };
  let capture: Capture | null = null;
  const button = new SelectionButton(doc, ui, en, () => capture!.pressButton());
  capture = new Capture({
    doc,
    t: en,
    archive: client,
    loadKit: async () => ({ describe: describeSpan, assembleClipping, sentenceAround, saveSpan }),
    clippings: clippings as unknown as PageClippings,
    toast,
    button,
    location: () => FX.location,
    entities: () => ({ entities: recognize(article.text), complete: true }),
    recognize: () => recognize,
    timing: { selectionSettle: 5, repeatWindow: 1000 },
  });
  capture.follow(article);
  const shadow = () => doc.querySelector('trich-luc-ui')?.shadowRoot ?? null;
  const toastBox = () => shadow()?.querySelector<HTMLElement>('.toast') ?? null;
  return { doc, article, selection, select, capture, clippings, shadow, toastBox };
}

const click = (el: Element) => el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));

function keydown(target: EventTarget, doc: Document, init: Partial<KeyboardEvent>) {
  const event = Object.assign(new (doc.defaultView as unknown as typeof globalThis).Event('keydown', { bubbles: true, cancelable: true }), init);
  target.dispatchEvent(event);
  return event;
}

describe('the save shortcut', () => {
  it('is Alt+Shift+S on the physical key, without Ctrl or Meta, not while composing', () => {
    const key = (over: Partial<KeyboardEvent>) => ({ code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, isComposing: false, ...over });
    expect(isSaveKey(key({}))).toBe(true);
    expect(isSaveKey(key({ ctrlKey: true }))).toBe(false);
    expect(isSaveKey(key({ metaKey: true }))).toBe(false);
    expect(isSaveKey(key({ shiftKey: false }))).toBe(false);
    expect(isSaveKey(key({ code: 'KeyN' }))).toBe(false);
    expect(isSaveKey(key({ isComposing: true }))).toBe(false);
  });
});

describe('Capture', () => {
  it('saves the selection as a clipping of the article text, shows the toast, and lets the clipping be marked', async () => {
    const { client, saved } = archive();
    const { select, capture, clippings, selection, toastBox, article } = setup(client);
    select(SENTENCE);
    const outcome = await capture.saveSelection();
    expect(outcome).toEqual({ ok: true, id: 'c1', quote: SENTENCE });
    const start = article.text.indexOf(SENTENCE);
    expect(saved[0]).toMatchObject({
      quote: SENTENCE,
      selectors: { position: { start, end: start + SENTENCE.length } },
      page: { url: FX.location, canonicalUrl: FX.url, title: FX.title, author: FX.author, site: FX.site, published: FX.published },
      note: '',
      tags: [],
    });
    expect(saved[0]!.entities!.map((e) => e.text)).toEqual(['86 ha', '1.640 tỷ đồng', '1.152 km', '2.318 căn nhà']);
    expect(clippings.added).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1' }));
    expect(selection.removeAllRanges).toHaveBeenCalled();
    const toast = toastBox()!;
    expect(toast.hidden).toBe(false);
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.querySelector('.title')!.textContent).toBe('Clipping saved');
    // Page text inside our UI: text in an isolated <bdi>.
    expect(toast.querySelector('.quote bdi')!.getAttribute('dir')).toBe('auto');
  });

  it('asks for a selection first, and saves nothing', async () => {
    const { client } = archive();
    const { capture, toastBox } = setup(client);
    expect(await capture.saveSelection()).toEqual({ ok: false, reason: 'no-selection' });
    expect(client.save).not.toHaveBeenCalled();
    expect(toastBox()!.textContent).toContain('Select some text in the article first.');
  });

  it('shows the archive failure in the reader language, a full disk clearly', async () => {
    const { client } = archive({ save: async () => ({ ok: false, code: 'quota', messageKey: 'storeErrorQuota' }) });
    const { select, capture, clippings, toastBox } = setup(client);
    select(SENTENCE);
    expect(await capture.saveSelection()).toEqual({ ok: false, reason: 'store', code: 'quota', messageKey: 'storeErrorQuota' });
    const toast = toastBox()!;
    expect(toast.classList.contains('error')).toBe(true);
    expect(toast.getAttribute('role')).toBe('alert');
    expect(toast.textContent).toContain("the browser's storage is full");
    expect(clippings.added).not.toHaveBeenCalled();
  });

  it('saves an entity with its sentence (the card)', async () => {
    const { client, saved } = archive();
    const { capture, article } = setup(client);
    const figure = recognize(article.text).find((e) => e.text === '1.640 tỷ đồng')!;
    const outcome = await capture.saveEntity(figure);
    expect(outcome).toMatchObject({ ok: true, quote: SENTENCE });
    expect(saved[0]!.entities!.find((e) => e.text === '1.640 tỷ đồng')).toMatchObject({ start: SENTENCE.indexOf('1.640') });
  });

  it('saves on Alt+Shift+S, but not from a text field, and once for a repeated request', async () => {
    const { client } = archive();
    const { doc, select } = setup(client);
    select(SENTENCE);
    const input = doc.createElement('input');
    doc.body.append(input);
    const ignored = keydown(input, doc, { code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false });
    expect(ignored.defaultPrevented).toBe(false);
    const event = keydown(doc.body, doc, { code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false });
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(client.save).toHaveBeenCalledTimes(1));
    // The same key bound twice (page and browser command) saves once.
    select(SENTENCE);
    keydown(doc.body, doc, { code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false });
    await new Promise((r) => setTimeout(r, 10));
    expect(client.save).toHaveBeenCalledTimes(1);
  });

  it('shows a button beside a selection in the article, which saves it', async () => {
    const { client } = archive();
    const { select, shadow } = setup(client);
    select(SENTENCE);
    await vi.waitFor(() => expect(shadow()?.querySelector<HTMLElement>('.clip-button')?.hidden).toBe(false));
    const button = shadow()!.querySelector<HTMLElement>('.clip-button')!;
    expect(button.textContent).toBe('Save clipping');
    expect(button.getAttribute('title')).toContain('Alt+Shift+S');
    click(button);
    await vi.waitFor(() => expect(client.save).toHaveBeenCalledTimes(1));
    expect(button.hidden).toBe(true);
  });

  it('shows no button for a selection outside the article', async () => {
    const { client } = archive();
    const { select, shadow } = setup(client);
    select('Thống kê truy cập');
    await new Promise((r) => setTimeout(r, 30));
    expect(shadow()?.querySelector<HTMLElement>('.clip-button') ?? null).toBeNull();
  });

  it('adds a note from the toast, and undoes the save', async () => {
    const { client } = archive();
    const { select, capture, clippings, toastBox } = setup(client);
    select(SENTENCE);
    await capture.saveSelection();
    const toast = toastBox()!;
    click(toast.querySelector('button.add-note')!);
    const form = toast.querySelector('form')!;
    expect(form.hidden).toBe(false);
    toast.querySelector('textarea')!.value = 'Số liệu cần kiểm tra';
    form.dispatchEvent(new (form.ownerDocument.defaultView as unknown as typeof globalThis).Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(toast.querySelector('.status')!.textContent).toBe('Note saved'));
    expect(client.update).toHaveBeenCalledWith('c1', { note: 'Số liệu cần kiểm tra' });
    click(toast.querySelector('button.undo')!);
    await vi.waitFor(() => expect(clippings.removed).toHaveBeenCalledWith('c1'));
    expect(client.remove).toHaveBeenCalledWith('c1');
    expect(toastBox()!.textContent).toContain('The clipping was removed');
  });
});
