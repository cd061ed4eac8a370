import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, type HighlightName } from '@/lib/highlight/layer';
import { ViewportMarks, type Geometry, type Mark, type MarkSink } from '@/lib/highlight/viewport';
import { testDocument } from '../helpers/dom';

/** Registered ranges by name, as a layer would hold them. */
function recordingSink() {
  const registered = new Map<HighlightName, Set<AbstractRange>>();
  let changes = 0;
  const sink: MarkSink = {
    addRanges(name, ranges) {
      changes++;
      let set = registered.get(name);
      if (!set) registered.set(name, (set = new Set()));
      for (const r of ranges) set.add(r);
    },
    removeRanges(name, ranges) {
      changes++;
      for (const r of ranges) registered.get(name)?.delete(r);
    },
  };
  const all = () => [...registered.values()].flatMap((s) => [...s]);
  return { sink, all, changes: () => changes };
}

/**
 * Marks laid out one per `LINE` pixels down a page, scrolled by `scroll.y`; the
 * ranges are plain objects carrying their index.
 */
const LINE = 20;
const HEIGHT = 1000;
function page(count: number, kinds: HighlightName[] = [HIGHLIGHT_NAMES.figure]) {
  const scroll = { y: 0 };
  const marks: Mark[] = Array.from({ length: count }, (_, i) => ({
    name: kinds[i % kinds.length]!,
    range: { index: i } as unknown as AbstractRange,
  }));
  const geometry: Geometry = {
    span: (range) => {
      const top = (range as unknown as { index: number }).index * LINE - scroll.y;
      return { top, bottom: top + LINE - 2 };
    },
    viewportHeight: () => HEIGHT,
  };
  let pending: (() => void) | null = null;
  const frame = (callback: () => void) => {
    pending = callback;
    return () => (pending = null);
  };
  const runFrame = () => {
    const callback = pending;
    pending = null;
    callback?.();
  };
  const index = (r: AbstractRange) => (r as unknown as { index: number }).index;
  return { marks, geometry, frame, runFrame, scroll, index, hasFrame: () => pending !== null };
}

const doc = () => testDocument('<html><body><p>x</p></body></html>');

describe('ViewportMarks', () => {
  it('registers every mark up to the threshold, at once', () => {
    const p = page(40, [HIGHLIGHT_NAMES.document, HIGHLIGHT_NAMES.figure]);
    const { sink, all } = recordingSink();
    const marks = new ViewportMarks(doc(), sink, { threshold: 50, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks.slice(0, 10));
    marks.add(p.marks.slice(10));
    expect(marks.isFollowing).toBe(false);
    expect(all().length).toBe(40);
    expect(marks.registered).toBe(40);
    expect(p.hasFrame()).toBe(false);
  });

  it('past the threshold registers only the marks within a viewport of the screen, from the next frame', () => {
    const p = page(2000);
    const { sink, all } = recordingSink();
    const marks = new ViewportMarks(doc(), sink, { threshold: 100, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks.slice(0, 60));
    expect(all().length).toBe(60);
    marks.add(p.marks.slice(60));
    expect(marks.isFollowing).toBe(true);
    // What was registered stays until the frame finds the window.
    expect(all().length).toBe(60);
    p.runFrame();
    // The screen is marks 0–49; one viewport below it reaches mark 99.
    expect(all().map(p.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(marks.registered).toBe(100);
  });

  it('moves the window as the page scrolls, only once a mark outside it comes near the screen', () => {
    const p = page(2000);
    const d = doc();
    const scrollTo = (y: number) => {
      p.scroll.y = y;
      d.defaultView!.dispatchEvent(new d.defaultView!.Event('scroll'));
      p.runFrame();
    };
    const { sink, all, changes } = recordingSink();
    const marks = new ViewportMarks(d, sink, { threshold: 100, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks);
    p.runFrame();
    const before = changes();
    // Half a screen down: the window (to mark 99, 2000 px) still reaches well past the screen.
    scrollTo(500);
    expect(changes()).toBe(before);
    // A screen and a half down: mark 100 is within a quarter screen of the bottom edge.
    scrollTo(1400);
    const registered = all().map(p.index).sort((a, b) => a - b);
    expect(registered[0]).toBe(20);
    expect(registered.at(-1)).toBe(169);
    expect(registered.length).toBe(150);
    // To the end: the last screen and the one above it.
    scrollTo(2000 * LINE - HEIGHT);
    const end = all().map(p.index).sort((a, b) => a - b);
    expect(end[0]).toBe(1900);
    expect(end.at(-1)).toBe(1999);
    // Past the last mark, far below it (a long footer): nothing stays registered.
    scrollTo(2000 * LINE + 3 * HEIGHT);
    expect(all()).toEqual([]);
    marks.destroy();
  });

  it('follows scroll events on the window by itself', () => {
    const p = page(2000);
    const d = doc();
    const { sink, all } = recordingSink();
    const marks = new ViewportMarks(d, sink, { threshold: 100, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks);
    p.runFrame();
    p.scroll.y = 20_000;
    d.defaultView!.dispatchEvent(new d.defaultView!.Event('scroll'));
    expect(p.hasFrame()).toBe(true);
    p.runFrame();
    expect(all().map(p.index)).toContain(1000);
    marks.destroy();
    d.defaultView!.dispatchEvent(new d.defaultView!.Event('scroll'));
    expect(p.hasFrame()).toBe(false);
  });

  it('never registers more than MAX_WINDOW marks, keeping those on the screen', () => {
    const p = page(20_000);
    const { sink, all } = recordingSink();
    // 1 px per mark: a viewport of 1 000 px holds 1 000 marks.
    const dense: Geometry = {
      span: (range) => {
        const top = p.index(range) - p.scroll.y;
        return { top, bottom: top + 1 };
      },
      viewportHeight: () => HEIGHT,
    };
    const marks = new ViewportMarks(doc(), sink, { threshold: 100, geometry: dense, frame: p.frame });
    marks.add(p.marks);
    p.scroll.y = 5000;
    p.runFrame();
    const registered = all().map(p.index);
    expect(registered.length).toBe(500);
    expect(Math.min(...registered)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...registered)).toBeLessThan(6000);
  });

  it('registers a revealed mark off-screen at once', () => {
    const p = page(2000);
    const { sink, all } = recordingSink();
    const marks = new ViewportMarks(doc(), sink, { threshold: 100, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks);
    p.runFrame();
    expect(all().map(p.index)).not.toContain(1500);
    marks.reveal(1500);
    const registered = all().map(p.index);
    expect(registered).toContain(1500);
    expect(registered).not.toContain(0);
    expect(registered.length).toBeLessThanOrEqual(101);
  });

  it('clears what it registered, and starts over below the threshold', () => {
    const p = page(2000);
    const { sink, all } = recordingSink();
    const marks = new ViewportMarks(doc(), sink, { threshold: 100, geometry: p.geometry, frame: p.frame });
    marks.add(p.marks);
    p.runFrame();
    marks.clear();
    expect(all()).toEqual([]);
    expect(marks.isFollowing).toBe(false);
    marks.add(p.marks.slice(0, 30));
    expect(all().length).toBe(30);
  });
});
