/**
 * Debouncing for the search box: the store is asked once typing pauses, not once per
 * key. A query over 100 000 clippings costs tens of milliseconds; asked on every key,
 * the answers to stale prefixes would queue up behind each other and the list would
 * flicker through them.
 *
 * The timer functions are injectable so tests run without waiting.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How long typing must pause before the query runs: long enough for a word, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 200;

export interface Debouncer<T> {
  /** A new value: runs `fn(value)` once `ms` pass without another push. */
  push(value: T): void;
  /** Runs the pending value now (Enter in the search box), if there is one. */
  flush(): void;
  /** Drops the pending value. */
  cancel(): void;
  readonly pending: boolean;
}

export function debounce<T>(fn: (value: T) => void, ms: number, timers: Timers = realTimers): Debouncer<T> {
  let handle: unknown = null;
  let waiting: { value: T } | null = null;
  const fire = () => {
    handle = null;
    const w = waiting;
    waiting = null;
    if (w) fn(w.value);
  };
  return {
    push(value) {
      waiting = { value };
      if (handle !== null) timers.clear(handle);
      handle = timers.set(fire, ms);
    },
    flush() {
      if (handle !== null) timers.clear(handle);
      fire();
    },
    cancel() {
      if (handle !== null) timers.clear(handle);
      handle = null;
      waiting = null;
    },
    get pending() {
      return waiting !== null;
    },
  };
}
