import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { parseHTML } from 'linkedom';
import { EntityCard, type CopyState } from '@/components/EntityCard';
import type { Entity } from '@/lib/recognize/types';
import { DOC, FIG } from '../helpers/entities';
import { messagesOf } from '../helpers/i18n';

const en = messagesOf('en');
const viT = messagesOf('vi');

/** Renders the card into a linkedom document and returns its root element. */
function show(
  entity: Entity,
  { copyState = 'idle' as CopyState, t = en, onCopy = vi.fn(), onClose = vi.fn(), onSave = undefined as (() => void) | undefined, saving = false } = {},
) {
  const { document } = parseHTML('<html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  render(
    <EntityCard entity={entity} t={t} locale="en" copyState={copyState} saving={saving} onCopy={onCopy} onClose={onClose} {...(onSave ? { onSave } : {})} />,
    root as never,
  );
  const card = root.querySelector('.card')!;
  const fields = Object.fromEntries([...card.querySelectorAll('.field')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]));
  return { card, fields, onCopy, onClose };
}

describe('EntityCard', () => {
  it('shows a document with its parsed fields and a look-up link', () => {
    const { card, fields } = show(DOC);
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('class')).toBe('card document');
    expect(card.querySelector('.kind')!.textContent).toBe('Document');
    expect(card.querySelector('.quote')!.textContent).toBe(DOC.text);
    expect(fields).toEqual({
      Type: 'Quyết định',
      'Number and symbol': '3307/QĐ-UBND',
      Number: '3307',
      Year: '2020',
      'Signed on': 'December 28, 2020',
      'Issued by': 'UBND tỉnh Bình Phước',
    });
    const link = card.querySelector('a.lookup')!;
    expect(link.getAttribute('href')).toMatch(/^https:\/\/vbpl\.vn\/pages\/vbpq-timkiem\.aspx\?.*Keyword=3307%2FQ%C4%90-UBND$/);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows a figure with its value written the Vietnamese way', () => {
    const { card, fields } = show(FIG, { t: viT });
    expect(card.querySelector('.kind')!.textContent).toBe('Số liệu');
    expect(fields).toEqual({ 'Giá trị': '1.640.000.000.000', 'Đơn vị': 'VND', 'Đại lượng': 'Tiền', 'Mức độ': 'trên' });
    expect(card.querySelector('a.lookup')).toBeNull();
  });

  it('offers copying and saving, saving reachable by keyboard even while a save is under way', () => {
    const onSave = vi.fn();
    const { card, onCopy } = show(DOC, { onSave });
    const copy = card.querySelector('button.copy')!;
    expect(copy.textContent).toBe('Copy');
    copy.dispatchEvent(new (copy.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onCopy).toHaveBeenCalledTimes(1);
    const save = card.querySelector('button.save')!;
    expect(save.textContent).toBe('Save as clipping');
    expect(save.getAttribute('title')).toBe('Save the sentence holding this item as a clipping');
    expect(save.hasAttribute('aria-disabled')).toBe(false);
    save.dispatchEvent(new (save.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onSave).toHaveBeenCalledTimes(1);
    // While saving: still focusable (not `disabled`), marked, and a second press does nothing.
    const busy = show(DOC, { onSave, saving: true }).card.querySelector('button.save')!;
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(busy.hasAttribute('disabled')).toBe(false);
    busy.dispatchEvent(new (busy.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onSave).toHaveBeenCalledTimes(1);
    // Without a way to save, no button.
    expect(show(DOC).card.querySelector('button.save')).toBeNull();
  });

  it('has a labelled close button', () => {
    const { card, onClose } = show(FIG);
    const close = card.querySelector('button.close')!;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.dispatchEvent(new (close.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('announces the copy result', () => {
    expect(show(DOC, { copyState: 'idle' }).card.querySelector('.status')!.textContent).toBe('');
    const copied = show(DOC, { copyState: 'copied' }).card.querySelector('.status')!;
    expect(copied.textContent).toBe('Copied');
    expect(copied.getAttribute('role')).toBe('status');
    expect(show(DOC, { copyState: 'failed' }).card.querySelector('.status')!.textContent).toBe('Could not copy');
  });

  it('gives Party documents no look-up link', () => {
    const { card } = show({ ...DOC, code: '39-NQ/TW', text: 'Nghị quyết số 39-NQ/TW', docType: 'Nghị quyết' });
    expect(card.querySelector('a.lookup')).toBeNull();
  });
});
