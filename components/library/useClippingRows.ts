/**
 * The list's rows and its selection: a `RowSource` for the current search and filters,
 * replaced whole when they change, and refreshed in place (loaded where the reader is,
 * then swapped in) when the archive changes. The selection follows its clipping across
 * refreshes, so a save arriving on top neither moves the reader nor closes the details.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toStoreFilter, type LibraryFilters } from '@/lib/library/filters';
import { RowSource } from '@/lib/library/rows';
import type { WindowRange } from '@/lib/library/windowing';
import type { ClippingView, Repo } from '@/lib/store';

/**
 * Rows per store query: about five screens. Small enough that the first query (a search
 * over 100 000 clippings scans until it has this many matches) stays quick; far jumps
 * read the chunk there by id once the order of the matches is known (RowSource).
 */
export const LIST_CHUNK = 50;

export interface Active {
  index: number;
  /** The clipping chosen, when known: selection follows it when rows move (a save arrives on top). */
  id: string | null;
}

export const NONE: Active = { index: -1, id: null };

/** Where the selection goes in a refreshed list: with its clipping if it is there, else it stays at its place. */
export function follow(source: RowSource, a: Active): Active {
  if (a.id !== null) {
    const i = source.indexOf(a.id);
    if (i >= 0) return { index: i, id: a.id };
  }
  if (a.index < 0) return a;
  const index = Math.min(a.index, Math.max(0, source.count - 1));
  return { index, id: source.get(index)?.clipping.id ?? null };
}

export interface ClippingRows {
  source: RowSource;
  /** Changes whenever rows arrive: a render key. */
  version: number;
  active: Active;
  /** The chosen clipping, once its row is loaded. */
  activeView: ClippingView | undefined;
  setActive(active: Active | ((a: Active) => Active)): void;
  /** Chooses the row at an index. */
  activate(index: number): void;
  /** Reads the rows in view again, e.g. after a change in the archive. */
  refresh(): void;
  /** Where the list is: set by the list as it scrolls, read by `refresh`. */
  range: { current: WindowRange };
}

export function useClippingRows(repo: Repo, filters: LibraryFilters, queryKey: string): ClippingRows {
  const latest = useRef({ filters, queryKey });
  latest.current = { filters, queryKey };
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const makeSource = useCallback(() => {
    const f = latest.current.filters;
    const storeFilter = toStoreFilter(f);
    return new RowSource((cursor, limit) => repo.search(f.q, storeFilter, { cursor, limit }), {
      chunk: LIST_CHUNK,
      onChange: bump,
      // Every match's id in order, so a far jump reads only the rows it shows.
      order: () => repo.matchOrder(f.q, storeFilter),
      byIds: (ids) => repo.getClippings(ids),
    });
  }, [repo, bump]);

  const [source, setSource] = useState<RowSource>(makeSource);
  const [active, setActive] = useState<Active>(NONE);
  const activeRef = useRef(active);
  activeRef.current = active;

  // A new search or filter: a new list from the top, nothing chosen.
  const firstKey = useRef(queryKey);
  useEffect(() => {
    if (queryKey === firstKey.current) return;
    firstKey.current = queryKey;
    setSource((prev) => {
      prev.close();
      return makeSource();
    });
    setActive(NONE);
  }, [queryKey, makeSource]);

  const range = useRef<WindowRange>({ start: 0, end: LIST_CHUNK });
  const refreshing = useRef({ running: false, again: false });
  const refresh = useCallback(() => {
    const state = refreshing.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    const key = latest.current.queryKey;
    const next = makeSource();
    const { start, end } = range.current;
    void next.ensure(start, Math.max(end, start + 1)).finally(() => {
      state.running = false;
      if (key === latest.current.queryKey) {
        // Source and selection change in one render: never a frame with the selection
        // on the wrong row (which would close the details and lose a note being typed).
        setSource((prev) => {
          prev.close();
          return next;
        });
        setActive(follow(next, activeRef.current));
      } else {
        next.close();
      }
      if (state.again) {
        state.again = false;
        refresh();
      }
    });
  }, [makeSource]);

  const row = source.get(active.index);
  const activeView = row && (active.id === null || row.clipping.id === active.id) ? row : undefined;
  const activate = (index: number) => setActive({ index, id: source.get(index)?.clipping.id ?? null });
  return { source, version, active, activeView, setActive, activate, refresh, range };
}
