import { describe, expect, it } from 'vitest';
import { placeCard } from '@/lib/ui/place';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const at = (left: number, top: number, height = 20) => ({ left, top, right: left + 80, bottom: top + height });

describe('placeCard', () => {
  it('goes under the entity when it fits', () => {
    expect(placeCard(at(100, 100), card, viewport)).toEqual({ left: 100, top: 126 });
  });

  it('goes above when there is no room below', () => {
    expect(placeCard(at(100, 700), card, viewport)).toEqual({ left: 100, top: 494 });
  });

  it('stays inside the viewport horizontally and vertically', () => {
    expect(placeCard(at(900, 100), card, viewport).left).toBe(1000 - 8 - 300);
    expect(placeCard(at(-50, 100), card, viewport).left).toBe(8);
    const tiny = placeCard(at(10, 50, 20), card, { width: 400, height: 220 });
    expect(tiny.top).toBeGreaterThanOrEqual(8);
    expect(tiny.top + card.height).toBeLessThanOrEqual(220 - 8);
  });
});
