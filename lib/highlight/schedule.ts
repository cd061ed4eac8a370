/**
 * Runs long work in small steps at idle moments, so that the page never has a task
 * of ours longer than a frame or two: `requestIdleCallback` where the browser has it
 * (each callback is told how long the browser can spare, at most 50 ms), else
 * `setTimeout` with a fixed budget. A step should take a few milliseconds; at least
 * one runs per callback, so the work finishes even on a page that is never idle
 * (the idle callback's `timeout` forces it through).
 */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Schedules one callback; returns a function cancelling it. */
export type IdleScheduler = (callback: (deadline: IdleDeadlineLike) => void) => () => void;

/** Longest slice of time we take in one go, even when the browser offers more. */
export const STEP_BUDGET_MS = 12;

/** The window's idle scheduler, or a timer-based one where there is none (Safari). */
export function idleScheduler(view: Window, timeoutMs = 1000): IdleScheduler {
  if (typeof view.requestIdleCallback === 'function') {
    return (callback) => {
      const id = view.requestIdleCallback(callback, { timeout: timeoutMs });
      return () => view.cancelIdleCallback(id);
    };
  }
  return (callback) => {
    const id = view.setTimeout(() => {
      const start = view.performance.now();
      callback({ timeRemaining: () => Math.max(0, STEP_BUDGET_MS - (view.performance.now() - start)) });
    }, 1);
    return () => view.clearTimeout(id);
  };
}

export interface ChunkedJob {
  /** Settles when every step has run (true) or the job was cancelled (false). */
  readonly done: Promise<boolean>;
  cancel(): void;
}

/**
 * Calls `step` until it returns false, as many times per idle callback as fit in
 * `min(deadline.timeRemaining(), budgetMs)`. An exception in a step ends the job
 * (done resolves false) rather than reaching the page.
 */
export function runChunked(
  step: () => boolean,
  schedule: IdleScheduler,
  { budgetMs = STEP_BUDGET_MS, now = () => performance.now() }: { budgetMs?: number; now?: () => number } = {},
): ChunkedJob {
  let cancelPending: (() => void) | null = null;
  let finished = false;
  let resolve!: (completed: boolean) => void;
  const done = new Promise<boolean>((r) => (resolve = r));
  const finish = (completed: boolean) => {
    if (finished) return;
    finished = true;
    cancelPending = null;
    resolve(completed);
  };
  const tick = (deadline: IdleDeadlineLike) => {
    cancelPending = null;
    if (finished) return;
    const started = now();
    const budget = Math.min(Math.max(deadline.timeRemaining(), 0), budgetMs);
    try {
      do {
        if (!step()) return finish(true);
      } while (now() - started < budget);
    } catch {
      return finish(false);
    }
    cancelPending = schedule(tick);
  };
  cancelPending = schedule(tick);
  return {
    done,
    cancel() {
      cancelPending?.();
      finish(false);
    },
  };
}
