import { describe, expect, it } from 'vitest';
import { formatTags, panelClippings, parseTags } from '@/lib/sidepanel/model';
import type { ClippingRecord } from '@/lib/store';

const clip = (id: string, start: number, createdAt = 1) =>
  ({ id, createdAt, selectors: { position: { start, end: start + 5 } } }) as unknown as ClippingRecord;

describe('panelClippings', () => {
  it('puts each clipping with its place on the page, orphans apart, changed ones listed', () => {
    const clippings = [clip('a', 10), clip('b', 50), clip('c', 90), clip('d', 120)];
    const groups = panelClippings(clippings, {
      url: 'https://x.gov.vn/a',
      loaded: true,
      anchors: [
        { id: 'a', status: 'exact', start: 10, end: 15, changes: [] },
        // Moved up the page: listed where it is now.
        { id: 'b', status: 'context', start: 5, end: 10, changes: [] },
        { id: 'c', status: 'fuzzy', start: 90, end: 96, changes: [{ kind: 'number', before: '1.640', after: '1.650' }] },
        { id: 'd', status: 'orphan', changes: [] },
      ],
    });
    expect(groups.placed.map((i) => [i.clipping.id, i.state])).toEqual([
      ['b', 'moved'],
      ['a', 'placed'],
      ['c', 'edited'],
    ]);
    expect(groups.orphans.map((i) => i.clipping.id)).toEqual(['d']);
    expect(groups.changed.map((i) => i.clipping.id)).toEqual(['c']);
  });

  it('shows clippings as pending until the page has answered', () => {
    const groups = panelClippings([clip('a', 10)], { url: 'u', loaded: false, anchors: [] });
    expect(groups.placed.map((i) => i.state)).toEqual(['pending']);
    expect(panelClippings([clip('a', 10)], null).orphans).toEqual([]);
  });
});

describe('tags', () => {
  it('are typed in one field, separated by commas or semicolons', () => {
    expect(parseTags(' ngân sách,  đầu tư   công ;; 2024 ')).toEqual(['ngân sách', 'đầu tư công', '2024']);
    expect(parseTags('')).toEqual([]);
    expect(formatTags(['a', 'b c'])).toBe('a, b c');
  });
});
