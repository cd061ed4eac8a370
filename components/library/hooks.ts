/** Small hooks shared by the library's views. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Repo } from '@/lib/store';
import { parseRoute, type Route } from '@/lib/library/route';
import type { Router } from './router';

export interface Loaded<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Runs an async read when `deps` change and keeps its latest answer. An answer that
 * arrives after a newer read started is dropped, so a slow old query never overwrites a
 * quick new one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ value: T | undefined; error: unknown; loading: boolean }>({
    value: undefined,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, error: null, loading: true }));
    load().then(
      (value) => mine === generation.current && setState({ value, error: null, loading: false }),
      (error: unknown) => mine === generation.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // `load` is a fresh closure each render; `deps` say when it means something new.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * Calls `onChange` whenever the archive changes, in this page or any other of the
 * extension (a clipping saved from an article's tab, edited in the side panel).
 *
 * The read watched is the most recently updated clipping: every save, edit, delete and
 * undo gives some clipping a new `updatedAt` (a delete keeps a tombstone with its own), so
 * Dexie re-runs it on any write to the clippings. One small read per change; the views
 * then decide what to read again.
 *
 * `since` (epoch ms, optional) is when the view read what it shows. The first answer is
 * normally that same state and is not a change, but a watch started later than the view's
 * read (the list starts it only once its first rows are shown, so the two queries do not
 * compete) reports a change if anything was updated after `since`. `enabled` false holds
 * the watch off.
 */
export function useArchiveChanges(repo: Repo, onChange: () => void, options: { enabled?: boolean; since?: number } = {}): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const { enabled = true, since } = options;
  useEffect(() => {
    if (!enabled) return;
    let first = true;
    const subscription = repo.live((r) => r.listClippings({ order: 'updated', limit: 1 })).subscribe({
      next: (result) => {
        if (!first) return latest.current();
        first = false;
        const newest = result.items[0]?.clipping.updatedAt;
        if (since !== undefined && newest !== undefined && newest > since) latest.current();
      },
      // A failed watch only means no live updates; the views still read on their own.
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [repo, enabled, since]);
}

export function useRoute(router: Router): Route {
  const [hash, setHash] = useState(() => router.hash());
  useEffect(() => router.listen(() => setHash(router.hash())), [router]);
  return parseRoute(hash);
}

/**
 * Shows the <dialog> in `ref` as a modal while `open` (the browser then keeps focus in it
 * and Escape cancels it) and closes it otherwise, calling `afterClose` when it does.
 * `showModal` is missing from DOMs without layout (linkedom in tests): the `open`
 * attribute stands in there.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean, afterClose?: () => void): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const shown = dialog.open ?? dialog.hasAttribute('open');
    if (open && !shown) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && shown) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      afterClose?.();
    }
  }, [open]);
}

export interface Viewport {
  scrollTop: number;
  height: number;
}

/**
 * The scroll position and height of a windowed list's scroller, the height measured and
 * measured again whenever it is resized. A given `initialHeight` is used as it is and
 * nothing is measured (DOMs without layout, in tests); `fallback` stands in for a height
 * of zero.
 */
export function useViewport(
  scroller: RefObject<HTMLElement | null>,
  initialHeight: number | undefined,
  fallback: number,
): [Viewport, (update: (v: Viewport) => Viewport) => void] {
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: initialHeight ?? fallback });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || initialHeight !== undefined) return;
    const measure = () => setViewport((v) => ({ ...v, height: el.clientHeight || fallback }));
    measure();
    const Observer = (el.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
    if (!Observer) return;
    const observer = new Observer(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [initialHeight]);
  return [viewport, setViewport];
}
