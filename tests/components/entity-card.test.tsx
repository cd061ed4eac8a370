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
function show(entity: Entity, { copyState = 'idle' as CopyState, t = en, onCopy = vi.fn(), onClose = vi.fn() } = {}) {
  const { document } = parseHTML('<html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  render(<EntityCard entity={entity} t={t} locale="en" copyState={copyState} onCopy={onCopy} onClose={onClose} />, root as never);
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

  it('offers copying, and saving only as "coming soon", still reachable by keyboard', () => {
    const { card, onCopy } = show(DOC);
    const copy = card.querySelector('button.copy')!;
    expect(copy.textContent).toBe('Copy');
    copy.dispatchEvent(new (copy.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onCopy).toHaveBeenCalledTimes(1);
    const save = card.querySelector('button.save')!;
    expect(save.textContent).toBe('Save as clipping');
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(save.getAttribute('title')).toBe('Coming soon: saving clippings to your library');
    expect(card.querySelector(`#${save.getAttribute('aria-describedby')}`)!.textContent).toBe(save.getAttribute('title'));
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
