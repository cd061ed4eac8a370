import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, HighlightLayer, highlightApi, type HighlightApi } from '@/lib/highlight/layer';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function api(): HighlightApi & { registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  return { registry: registry as never, create: () => new FakeHighlight() as unknown as Highlight } as never;
}

const range = (n: number) => ({ startOffset: n }) as unknown as AbstractRange;

describe('HighlightLayer', () => {
  it('registers one highlight per kind under our names, created on first use', () => {
    const a = api();
    const layer = new HighlightLayer(a);
    expect(a.registry.size).toBe(0);
    layer.add('document', range(1));
    layer.add('figure', range(2));
    layer.add('figure', range(3));
    expect(a.registry.get(HIGHLIGHT_NAMES.document)?.size).toBe(1);
    expect(a.registry.get(HIGHLIGHT_NAMES.figure)?.size).toBe(2);
  });

  it('keeps one active range, painted above the others', () => {
    const a = api();
    const layer = new HighlightLayer(a);
    layer.setActive(range(1));
    layer.setActive(range(2));
    const active = a.registry.get(HIGHLIGHT_NAMES.active)!;
    expect([...active]).toEqual([range(2)]);
    expect(active.priority).toBe(1);
    layer.setActive(null);
    expect(active.size).toBe(0);
  });

  it('keeps clippings in a highlight of their own, under the entities, cleared on their own', () => {
    const a = api();
    const layer = new HighlightLayer(a);
    layer.add('figure', range(1));
    layer.addClipping(range(2));
    layer.addClipping(range(3));
    const clippings = a.registry.get(HIGHLIGHT_NAMES.clipping)!;
    expect(HIGHLIGHT_NAMES.clipping).toBe('trichluc-clipping');
    expect(clippings.size).toBe(2);
    expect(clippings.priority).toBeLessThan(a.registry.get(HIGHLIGHT_NAMES.figure)!.priority);
    layer.clearClippings();
    expect(clippings.size).toBe(0);
    expect(a.registry.get(HIGHLIGHT_NAMES.figure)!.size).toBe(1);
  });

  it('clears only its own registrations', () => {
    const a = api();
    const other = new FakeHighlight();
    a.registry.set('someone-else', other);
    const layer = new HighlightLayer(a);
    layer.add('document', range(1));
    layer.add('figure', range(2));
    // Another copy of the script took over the figure name meanwhile.
    const newer = new FakeHighlight();
    a.registry.set(HIGHLIGHT_NAMES.figure, newer);
    layer.clear();
    expect([...a.registry.keys()].sort()).toEqual(['someone-else', HIGHLIGHT_NAMES.figure]);
    expect(a.registry.get(HIGHLIGHT_NAMES.figure)).toBe(newer);
  });
});

describe('highlightApi', () => {
  it('is null without CSS.highlights or Highlight', () => {
    expect(highlightApi(null)).toBeNull();
    expect(highlightApi({} as Window)).toBeNull();
    expect(highlightApi({ CSS: { highlights: new Map() } } as unknown as Window)).toBeNull();
    expect(highlightApi({ CSS: { highlights: new Map() }, Highlight: FakeHighlight } as unknown as Window)).not.toBeNull();
  });
});
