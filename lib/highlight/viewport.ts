import { liveRange } from './ranges';
import type { HighlightName } from './layer';

/**
 * Which of many marks are registered with the Highlight API: all of them on an ordinary
 * page, only those near the viewport on a page with thousands.
 *
 * Chromium re-creates the markers of *every* registered range in the frame after any
 * change to the highlight registry, to the DOM or to style — on the ~1 MB article
 * (6 949 ranges) a 105 ms frame at registration, 130 ms for an unrelated style change,
 * 434 ms for a one-character edit — for as long as the page is open. Measured on that
 * page (bench/page, Chromium 156), the frame after a registry or style change costs
 * about 6–12 ms with 100–250 ranges registered, 11–14 ms with 500, 18–33 ms with 1 000
 * and 30–90 ms with 2 000: up to `FOLLOW_THRESHOLD` marks every one is registered, as
 * before; past it only a window of them around the viewport is, and the window follows
 * scrolling.
 *
 * The window is found by binary search over the marks, which are in document order, on
 * the rects of a few probes (two searches of ~13 live ranges): measured on the same page
 * while scrolling, ~0.6 ms of script per search, against ~3–6 ms added to every scrolled
 * frame by an IntersectionObserver watching the 2 116 paragraphs that hold the entities.
 * The search runs only when a mark beside the registered window comes within a quarter
 * of a viewport of the screen, or one at its edge goes further than two viewports away
 * (four probes per scrolled frame tell), so the registry changes about once per
 * screenful scrolled, each change bounded by `MAX_WINDOW` ranges.
 *
 * What it assumes: marks further on in the text are not higher on the page (true of
 * normal flow; a float or a positioned box out of order may be left unregistered while
 * in view). Layout moving without a scroll (images loading, the page's own changes) is
 * caught by a ResizeObserver on the root element.
 */
export interface Mark {
  name: HighlightName;
  range: AbstractRange;
}

/** Where the marks are registered: `HighlightLayer` (or a fake in tests). */
export interface MarkSink {
  addRanges(name: HighlightName, ranges: readonly AbstractRange[]): void;
  removeRanges(name: HighlightName, ranges: readonly AbstractRange[]): void;
}

/** What the window is found by; the defaults read the page, tests pass their own. */
export interface Geometry {
  /** Top and bottom of a mark's range, in viewport coordinates. */
  span(range: AbstractRange): { top: number; bottom: number };
  viewportHeight(): number;
}

export interface ViewportMarksOptions {
  /** Past this many marks, only the window near the viewport is registered. */
  threshold?: number;
  geometry?: Geometry;
  /** Runs a callback soon, in a task of its own (setTimeout 0); returns its canceller. */
  frame?: (callback: () => void) => () => void;
}

/** Marks up to which every one is registered (see the measurements above). */
export const FOLLOW_THRESHOLD = 500;

/** Most marks registered at once while following: bounds each registry change's frame. */
export const MAX_WINDOW = 500;

/** Marks registered around one revealed off-screen, until the next frame finds the window. */
const REVEAL_WINDOW = 100;

/** The window reaches this many viewport heights above and below the screen… */
const REACH = 1;
/** …and is moved once its edge comes nearer to the screen than this, */
const SLACK = 0.25;
/** …or once its edge is further away than this. */
const DROP = 2;

export class ViewportMarks {
  private marks: Mark[] = [];
  /** Following: marks [from, to) are registered. Not following: all are. */
  private following = false;
  private from = 0;
  private to = 0;
  private readonly threshold: number;
  private readonly geometry: Geometry;
  private readonly frame: (callback: () => void) => () => void;
  private cancelFrame: (() => void) | null = null;
  /** The next frame's check finds the window even if the current one looks fine. */
  private forced = false;
  private listeners: AbortController | null = null;
  private resizes: ResizeObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly sink: MarkSink | null,
    options: ViewportMarksOptions = {},
  ) {
    this.threshold = options.threshold ?? FOLLOW_THRESHOLD;
    const view = doc.defaultView;
    this.geometry = options.geometry ?? {
      span: (range) => liveRange(doc, range).getBoundingClientRect(),
      viewportHeight: () => view?.innerHeight ?? 0,
    };
    this.frame =
      options.frame ??
      ((callback) => {
        if (!view) return () => undefined;
        const id = view.setTimeout(callback, 0);
        return () => view.clearTimeout(id);
      });
  }

  get size(): number {
    return this.marks.length;
  }

  /** Whether only the window near the viewport is registered. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** How many marks are registered now. */
  get registered(): number {
    return this.following ? this.to - this.from : this.marks.length;
  }

  /** Appends marks, in document order after the ones already there. */
  add(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    const before = this.marks.length;
    for (const m of marks) this.marks.push(m);
    if (this.following) {
      this.schedule();
    } else if (this.marks.length <= this.threshold) {
      this.register(before, this.marks.length);
    } else {
      this.follow(before);
    }
  }

  /**
   * Registers mark `i` (and the window around it) now, before the caller scrolls there:
   * stepping to an entity off-screen must not show it unmarked for a frame.
   */
  reveal(i: number): void {
    if (!this.following || i < 0 || i >= this.marks.length || (i >= this.from && i < this.to)) return;
    const half = Math.min(MAX_WINDOW, Math.max(REVEAL_WINDOW, this.to - this.from)) >>> 1;
    this.moveTo(Math.max(0, i - half), Math.min(this.marks.length, i + half + 1));
  }

  /** Unregisters every mark and forgets them (to add a new set). */
  clear(): void {
    if (this.following) this.unregister(this.from, this.to);
    else this.unregister(0, this.marks.length);
    this.stopFollowing();
    this.marks = [];
    this.from = this.to = 0;
  }

  /** Forgets the marks and stops listening; what is registered is the caller's to clear. */
  destroy(): void {
    this.stopFollowing();
    this.marks = [];
    this.from = this.to = 0;
  }

  /** Past the threshold: the `registered` marks registered so far stay until the first frame finds the window. */
  private follow(registered: number): void {
    this.following = true;
    this.from = 0;
    this.to = registered;
    this.listen();
    this.schedule(true);
  }

  private listen(): void {
    const view = this.doc.defaultView;
    if (!view || this.listeners) return;
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    const check = () => this.schedule();
    // Capture: a nested scroller's scroll moves its marks too.
    view.addEventListener('scroll', check, { capture: true, passive: true, signal });
    view.addEventListener('resize', check, { passive: true, signal });
    const Observer = (view as Window & typeof globalThis).ResizeObserver;
    if (typeof Observer === 'function') {
      this.resizes = new Observer(check);
      this.resizes.observe(this.doc.documentElement);
    }
  }

  private stopFollowing(): void {
    this.following = false;
    this.listeners?.abort();
    this.listeners = null;
    this.resizes?.disconnect();
    this.resizes = null;
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  /**
   * One check however many scroll events come, in a task of its own rather than in a
   * frame callback: reading rects may lay the page out (the frame would have to anyway),
   * and registering ranges makes the next frame repaint them. In a requestAnimationFrame
   * callback both land in the frame's task, with its pre-paint and paint: on the ~1 MB
   * article that task measured 60 ms (16 ms ours, 11 ms pre-paint, 22 ms paint), over
   * the 50 ms a task may take. Split, neither reaches it. The window's SLACK keeps
   * marks registered a quarter screen ahead, so a check a task late is not seen.
   */
  private schedule(force = false): void {
    this.forced ||= force;
    if (this.cancelFrame || !this.following) return;
    this.cancelFrame = this.frame(() => {
      this.cancelFrame = null;
      const forced = this.forced;
      this.forced = false;
      try {
        if (this.following && (forced || this.stale())) this.update();
      } catch {
        // A range whose nodes left the page: the next article read replaces them.
      }
    });
  }

  /**
   * Whether a mark outside the registered window has come within SLACK viewports of the
   * screen, or one inside it has gone further than DROP viewports from it: only the
   * marks at and beside the window's edges need a look. So, a frame after any scroll,
   * every mark within SLACK viewports of the screen is registered and none further
   * than DROP.
   */
  private stale(): boolean {
    const height = this.geometry.viewportHeight();
    const { from, to, marks } = this;
    if (from > 0 && this.geometry.span(marks[from - 1]!.range).bottom > -SLACK * height) return true;
    if (to < marks.length && this.geometry.span(marks[to]!.range).top < (1 + SLACK) * height) return true;
    if (to > from) {
      if (this.geometry.span(marks[from]!.range).bottom < -DROP * height) return true;
      if (this.geometry.span(marks[to - 1]!.range).top > (1 + DROP) * height) return true;
    }
    return false;
  }

  /** Finds the marks within REACH viewports of the screen and registers exactly those. */
  private update(): void {
    const n = this.marks.length;
    const height = this.geometry.viewportHeight();
    const top = this.firstBelow(-REACH * height);
    const end = this.firstFrom(top, (1 + REACH) * height);
    let from = top;
    let to = end;
    if (to - from > MAX_WINDOW) {
      // A dense page: keep the marks on the screen itself, centred.
      const a = this.firstBelow(0);
      const b = this.firstFrom(a, height);
      const middle = (a + b) >>> 1;
      from = Math.max(top, middle - (MAX_WINDOW >>> 1));
      to = Math.min(end, from + MAX_WINDOW);
    }
    this.moveTo(Math.min(from, n), Math.min(to, n));
  }

  /** First mark whose bottom is below `y` (binary search: marks are in document order). */
  private firstBelow(y: number): number {
    let lo = 0;
    let hi = this.marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.geometry.span(this.marks[mid]!.range).bottom > y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** First mark at or after `from` whose top is at or below `y`. */
  private firstFrom(from: number, y: number): number {
    let lo = from;
    let hi = this.marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.geometry.span(this.marks[mid]!.range).top >= y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Registers [from, to) and unregisters the rest of the old window: two interval differences. */
  private moveTo(from: number, to: number): void {
    const [oldFrom, oldTo] = [this.from, this.to];
    this.from = from;
    this.to = to;
    if (to <= oldFrom || from >= oldTo) {
      this.unregister(oldFrom, oldTo);
      this.register(from, to);
      return;
    }
    this.unregister(oldFrom, Math.min(oldTo, from));
    this.unregister(Math.max(oldFrom, to), oldTo);
    this.register(from, Math.min(to, oldFrom));
    this.register(Math.max(from, oldTo), to);
  }

  private register(from: number, to: number): void {
    this.apply(from, to, (name, ranges) => this.sink?.addRanges(name, ranges));
  }

  private unregister(from: number, to: number): void {
    this.apply(from, to, (name, ranges) => this.sink?.removeRanges(name, ranges));
  }

  /** Calls `use` once per highlight name with the ranges of marks [from, to). */
  private apply(from: number, to: number, use: (name: HighlightName, ranges: AbstractRange[]) => void): void {
    if (to <= from) return;
    const byName = new Map<HighlightName, AbstractRange[]>();
    for (let i = from; i < to; i++) {
      const { name, range } = this.marks[i]!;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(range);
    }
    for (const [name, ranges] of byName) use(name, ranges);
  }
}
