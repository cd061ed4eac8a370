import { describe, expect, it } from 'vitest';
import { contentHeight, isNavKey, navigate, pageSize, scrollToReveal, visibleRange } from '@/lib/library/windowing';

const H = 84;

describe('windowing', () => {
  it('renders the rows in view and a few around them, whatever the list length', () => {
    expect(visibleRange({ scrollTop: 0, height: 600 }, H, 100_000, 4)).toEqual({ start: 0, end: 12 });
    // Row 1000 starts at 84 000 px: rows 1000–1007 visible (8 × 84 = 672 > 600), 4 either side.
    expect(visibleRange({ scrollTop: 84_000, height: 600 }, H, 100_000, 4)).toEqual({ start: 996, end: 1012 });
    expect(visibleRange({ scrollTop: 84 * 99_990, height: 600 }, H, 100_000, 4)).toEqual({ start: 99_986, end: 100_000 });
  });

  it('copes with empty lists, negative overscroll and scrolling past the end', () => {
    expect(visibleRange({ scrollTop: 0, height: 600 }, H, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ scrollTop: -50, height: 600 }, H, 3, 0)).toEqual({ start: 0, end: 3 });
    expect(visibleRange({ scrollTop: 1e9, height: 600 }, H, 10, 2)).toEqual({ start: 7, end: 10 });
    expect(visibleRange({ scrollTop: 0, height: 0 }, H, 10, 0)).toEqual({ start: 0, end: 1 });
  });

  it('gives the whole list its height, so the scroll bar is honest', () => {
    expect(contentHeight(100_000, H)).toBe(8_400_000);
    expect(contentHeight(-1, H)).toBe(0);
  });

  it('moves by keys: arrows one row, pages a screen less one, Home and End to the ends', () => {
    const page = pageSize(600, H); // 7 whole rows
    expect(page).toBe(7);
    expect(navigate('ArrowDown', -1, 50, page)).toBe(0);
    expect(navigate('ArrowUp', -1, 50, page)).toBe(0);
    expect(navigate('ArrowDown', 3, 50, page)).toBe(4);
    expect(navigate('ArrowUp', 3, 50, page)).toBe(2);
    expect(navigate('ArrowUp', 0, 50, page)).toBe(0);
    expect(navigate('ArrowDown', 49, 50, page)).toBe(49);
    expect(navigate('PageDown', 10, 50, page)).toBe(16);
    expect(navigate('PageUp', 10, 50, page)).toBe(4);
    expect(navigate('PageUp', 2, 50, page)).toBe(0);
    expect(navigate('PageDown', 48, 50, page)).toBe(49);
    expect(navigate('Home', 30, 50, page)).toBe(0);
    expect(navigate('End', 3, 100_000, page)).toBe(99_999);
    expect(navigate('End', 3, 0, page)).toBe(-1);
    expect(pageSize(10, H)).toBe(1);
    expect(isNavKey('PageDown')).toBe(true);
    expect(isNavKey('Enter')).toBe(false);
  });

  it('scrolls only as far as needed to reveal a row', () => {
    const v = { scrollTop: 840, height: 600 }; // rows 10 to ~17 visible
    expect(scrollToReveal(12, v, H)).toBe(840);
    expect(scrollToReveal(5, v, H)).toBe(420);
    expect(scrollToReveal(20, v, H)).toBe(21 * H - 600);
    expect(scrollToReveal(0, { scrollTop: 0, height: 10 }, H)).toBe(0);
  });
});
