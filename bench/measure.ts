/**
 * Timing with warm-up and medians. A median of several samples is what the bench tables
 * report: a mean is pulled about by the odd garbage collection or scheduler hiccup.
 */

export interface TimeOptions {
  /**
   * Untimed calls first, so the JIT has compiled the hot paths: at least `warmup` calls
   * and at least `warmupMs` of them, since on a few kilobytes a handful of calls is over
   * before V8 has optimized anything, and the first input measured would pay for it.
   */
  warmup?: number;
  warmupMs?: number;
  samples?: number;
  /**
   * A sample repeats the call until it has run this long, since a single call on a
   * few kilobytes is too short for the timer to resolve well.
   */
  minSampleMs?: number;
  /**
   * Stop early (with at least one sample) once this much time has gone, so a slow input
   * costs seconds rather than minutes; the median is then over fewer samples.
   */
  budgetMs?: number;
}

export interface Timing<T> {
  medianMs: number;
  samples: number;
  callsPerSample: number;
  /** What the last call returned, so callers need not run it again to see its result. */
  last: T;
}

export function time<T>(fn: () => T, options: TimeOptions = {}): Timing<T> {
  const { warmup = 3, warmupMs = 250, samples = 7, minSampleMs = 25, budgetMs = 5000 } = options;
  const started = performance.now();
  const overBudget = () => performance.now() - started > budgetMs;

  let last: T = fn();
  let fastest = performance.now() - started;
  for (let i = 1; (i < warmup || performance.now() - started < warmupMs) && !overBudget(); i++) {
    const t0 = performance.now();
    last = fn();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  const callsPerSample = Math.min(100_000, Math.max(1, Math.ceil(minSampleMs / Math.max(fastest, 1e-3))));

  const taken: number[] = [];
  while (taken.length < samples && !(taken.length > 0 && overBudget())) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerSample; i++) last = fn();
    taken.push((performance.now() - t0) / callsPerSample);
  }
  return { medianMs: median(taken), samples: taken.length, callsPerSample, last };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
