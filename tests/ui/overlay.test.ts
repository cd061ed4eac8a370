import { describe, expect, it, vi } from 'vitest';
import { UiRoot, UI_HOST_TAG } from '@/lib/ui/host';
import { ClippingNotice } from '@/lib/ui/notice';
import { Toast } from '@/lib/ui/toast';
import { deferredToast } from '@/lib/page/overlay';
import { shorten } from '@/lib/ui/dom';
import { testDocument } from '../helpers/dom';
import { messagesOf } from '../helpers/i18n';

const en = messagesOf('en');
const vi_ = messagesOf('vi');

function doc() {
  return testDocument('<html><body><p>Bài viết</p></body></html>');
}

describe('UiRoot', () => {
  it('adds one host under <html> on first use, shared by every piece, each in its own section', () => {
    const d = doc();
    const ui = new UiRoot(d, '.base{}');
    expect(d.querySelector(UI_HOST_TAG)).toBeNull();
    const card = ui.section('card');
    const toast = ui.section('toast');
    expect(ui.section('card')).toBe(card);
    const hosts = d.querySelectorAll(UI_HOST_TAG);
    expect(hosts.length).toBe(1);
    expect(hosts[0]!.parentNode).toBe(d.documentElement);
    expect(hosts[0]!.getAttribute('style')).toContain('all: initial !important');
    const root = hosts[0]!.shadowRoot!;
    expect(root.contains(card) && root.contains(toast)).toBe(true);
    ui.addStyle('.card{}');
    ui.addStyle('.card{}');
    expect([...root.querySelectorAll('style')].map((s) => s.textContent)).toEqual(['.base{}', '.card{}']);
    expect(ui.owns(hosts[0]!)).toBe(true);
    expect(ui.owns(d.body)).toBe(false);
    ui.destroy();
    expect(d.querySelector(UI_HOST_TAG)).toBeNull();
    // Something shown after the session ended (a save that was under way) stays off the page.
    ui.section('toast');
    expect(d.querySelector(UI_HOST_TAG)).toBeNull();
  });
});

describe('deferredToast', () => {
  it('passes calls on in order once the toast has loaded, and drops them when it cannot load', async () => {
    const calls: string[] = [];
    let fail = true;
    const toast = deferredToast(async () => {
      if (fail) throw new Error('extension reloading');
      return { saved: () => calls.push('saved'), error: (m) => calls.push(`error ${m}`), info: (m) => calls.push(`info ${m}`), destroy: () => calls.push('destroy') };
    });
    toast.info('lost');
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    toast.info('a');
    toast.error('b');
    await vi.waitFor(() => expect(calls).toEqual(['info a', 'error b']));
    toast.destroy();
    expect(calls.at(-1)).toBe('destroy');
  });
});

describe('Toast', () => {
  it('shows page text as inert text, never as markup', () => {
    const d = doc();
    const ui = new UiRoot(d);
    const toast = new Toast(d, ui, en);
    const hostile = '<img src=x onerror=alert(1)>\u202Eevil';
    toast.saved({ quote: hostile, onNote: async () => null, onUndo: async () => null });
    const box = ui.root().querySelector('.toast')!;
    expect(box.querySelector('img')).toBeNull();
    expect(box.querySelector('.quote bdi')!.textContent).toBe(hostile);
  });

  it('goes away by itself after a while, but not while a note is being written; Escape closes it', async () => {
    const d = doc();
    const ui = new UiRoot(d);
    const toast = new Toast(d, ui, en, { visibleMs: 20 });
    toast.info('x');
    expect(toast.isOpen).toBe(true);
    await vi.waitFor(() => expect(toast.isOpen).toBe(false));
    toast.saved({ quote: 'q', onNote: async () => null, onUndo: async () => null });
    const box = ui.root().querySelector<HTMLElement>('.toast')!;
    box.querySelector('button.add-note')!.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('click'));
    await new Promise((r) => setTimeout(r, 50));
    expect(toast.isOpen).toBe(true);
    box.dispatchEvent(Object.assign(new (d.defaultView as unknown as typeof globalThis).Event('keydown', { bubbles: true }), { key: 'Escape' }));
    expect(toast.isOpen).toBe(false);
  });

  it('shows a note that could not be saved, and keeps the form', async () => {
    const d = doc();
    const ui = new UiRoot(d);
    const toast = new Toast(d, ui, vi_);
    toast.saved({ quote: 'q', onNote: async () => vi_('storeErrorQuota'), onUndo: async () => null });
    const box = ui.root().querySelector<HTMLElement>('.toast')!;
    box.querySelector('button.add-note')!.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('click'));
    box.querySelector('form')!.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(box.querySelector('.status')!.textContent).toMatch(/bộ nhớ của trình duyệt đã đầy/));
    expect(box.querySelector('form')!.hidden).toBe(false);
  });

  it('offers the side panel only where it can be opened from the page', () => {
    const d = doc();
    const ui = new UiRoot(d);
    const toast = new Toast(d, ui, en);
    toast.saved({ quote: 'q', onNote: async () => null, onUndo: async () => null });
    expect(ui.root().querySelector('button.panel')).toBeNull();
    const onPanel = vi.fn();
    toast.saved({ quote: 'q', onNote: async () => null, onUndo: async () => null, onPanel });
    const button = ui.root().querySelector('button.panel')!;
    expect(button.textContent).toBe('Open side panel');
    button.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onPanel).toHaveBeenCalled();
  });
});

describe('ClippingNotice', () => {
  it('counts orphans and lists changed figures before → after, in both languages', () => {
    const d = doc();
    const ui = new UiRoot(d);
    const notice = new ClippingNotice(d, ui, vi_);
    notice.show({
      orphans: 2,
      changes: [
        { kind: 'number', before: '1.640', after: '1.650', start: 0, end: 5 },
        { kind: 'code', before: '3307/QĐ-UBND', after: null },
        { kind: 'number', before: null, after: '12 ha', start: 9, end: 14 },
      ],
    });
    const box = ui.root().querySelector('.notice')!;
    expect(box.querySelector('.orphans')!.textContent).toBe(vi_('noticeOrphans', ['2']));
    expect(box.querySelector('.changed')!.textContent).toBe(vi_('noticeChanged', ['3']));
    expect([...box.querySelectorAll('li.change')].map((li) => li.textContent)).toEqual([
      '1.640 → 1.650',
      'không còn: 3307/QĐ-UBND',
      'mới có: 12 ha',
    ]);
    expect(box.querySelector('li bdi.before')!.getAttribute('dir')).toBe('auto');
    // Firefox: no button, the way to the sidebar is named instead.
    expect(box.querySelector('button.panel')).toBeNull();
    expect(box.textContent).toContain('Alt+Shift+L');
  });

  it('stays closed once closed, and shows nothing when all is well', () => {
    const d = doc();
    const ui = new UiRoot(d);
    const notice = new ClippingNotice(d, ui, en);
    notice.show({ orphans: 0, changes: [] });
    expect(ui.exists).toBe(false);
    notice.show({ orphans: 1, changes: [], onPanel: () => undefined });
    expect(notice.isOpen).toBe(true);
    expect(ui.root().querySelector('button.panel')).not.toBeNull();
    ui.root().querySelector('button.close')!.dispatchEvent(new (d.defaultView as unknown as typeof globalThis).Event('click'));
    expect(notice.isOpen).toBe(false);
    notice.show({ orphans: 2, changes: [] });
    expect(notice.isOpen).toBe(false);
  });
});

describe('shorten', () => {
  it('cuts long text at a word, with an ellipsis', () => {
    expect(shorten('một hai ba', 20)).toBe('một hai ba');
    expect(shorten('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
    expect(shorten('  a\n b  ', 10)).toBe('a b');
  });
});
