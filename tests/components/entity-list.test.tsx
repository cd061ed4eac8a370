import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { parseHTML } from 'linkedom';
import { EntityList } from '@/components/EntityList';
import type { Entity } from '@/lib/recognize/types';
import { DOC, FIG } from '../helpers/entities';
import { messagesOf } from '../helpers/i18n';

const en = messagesOf('en');

function show(entities: Entity[], limit?: number) {
  const { document } = parseHTML('<html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  const onPick = vi.fn();
  render(<EntityList entities={entities} t={en} onPick={onPick} limit={limit} />, root as never);
  return { root, onPick };
}

describe('EntityList', () => {
  it('groups documents and figures, each with its count and main fields', () => {
    const { root } = show([DOC, FIG, { ...FIG, start: 200, text: '47 hộ nghèo', value: 47, quantity: 'count', unit: 'hộ', qualifier: null }]);
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Documents (1)', 'Figures (2)']);
    const summaries = [...root.querySelectorAll('.summary')].map((s) => s.textContent);
    expect(summaries).toEqual(['Quyết định 3307/QĐ-UBND · 28/12/2020 · UBND tỉnh Bình Phước', '1.640.000.000.000 VND · Money', '47 hộ · Count']);
  });

  it('reports the entity picked', () => {
    const { root, onPick } = show([DOC, FIG]);
    const buttons = root.querySelectorAll('button.entity');
    buttons[1]!.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onPick).toHaveBeenCalledWith(FIG);
  });

  it('cuts long groups and says how many are left out', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...FIG, start: i * 10 }));
    const { root } = show(many, 3);
    expect(root.querySelectorAll('li')).toHaveLength(3);
    expect(root.querySelector('.more')!.textContent).toBe('and 2 more');
  });

  it('shows nothing for an empty group', () => {
    const { root } = show([FIG]);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Figures (1)']);
  });
});
