/**
 * Progress and cancellation for long exports and imports. The work may run on the
 * page's own thread (the library page without a worker, an import's write), so it is
 * cut into chunks with a pause between them: the page repaints, the cancel button can
 * be pressed, and the progress bar moves. (In a worker the pauses cost little and
 * let nothing wait; a cancel there ends the worker.)
 *
 * A chunk is a few thousand records: small enough that one takes a few tens of
 * milliseconds, large enough that the pauses (a macrotask each, about a millisecond)
 * cost little next to the work.
 */

export interface Progress {
  /** What is being done: 'read', 'validate', 'plan', 'write', or a sheet or file name. */
  phase: string;
  done: number;
  total: number;
}

export type ProgressCallback = (progress: Progress) => void;

export interface TaskOptions {
  onProgress?: ProgressCallback | undefined;
  signal?: AbortSignal | undefined;
}

export const CHUNK = 2_000;

/** The error a cancelled task ends with (the DOM's name for it, so callers can tell it apart). */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'Cancelled') {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/**
 * Lets the event loop run (a macrotask: a microtask would not let the page repaint).
 * Never called inside an IndexedDB transaction, which would commit while we wait.
 */
export function pause(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `each` on every item, a chunk at a time, pausing and reporting between chunks.
 * Throws AbortError as soon as the signal is seen.
 */
export async function inChunks<T>(
  items: readonly T[],
  phase: string,
  options: TaskOptions,
  each: (item: T, index: number) => void,
  chunk = CHUNK,
): Promise<void> {
  const total = items.length;
  for (let start = 0; start < total; start += chunk) {
    throwIfAborted(options.signal);
    const end = Math.min(total, start + chunk);
    for (let i = start; i < end; i++) each(items[i]!, i);
    options.onProgress?.({ phase, done: end, total });
    if (end < total) await pause();
  }
  throwIfAborted(options.signal);
  if (total === 0) options.onProgress?.({ phase, done: 0, total: 0 });
}
