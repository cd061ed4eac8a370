import { describe, expect, it, vi } from 'vitest';
import { idleScheduler, runChunked, type IdleDeadlineLike, type IdleScheduler } from '@/lib/highlight/schedule';

/** A scheduler the test drives: each `tick(ms)` runs the pending callback with that much idle time. */
function manualScheduler() {
  let pending: ((d: IdleDeadlineLike) => void) | null = null;
  let clock = 0;
  const schedule: IdleScheduler = (cb) => {
    pending = cb;
    return () => {
      if (pending === cb) pending = null;
    };
  };
  return {
    schedule,
    now: () => clock,
    advance: (ms: number) => (clock += ms),
    get pending() {
      return pending !== null;
    },
    tick(idleMs: number) {
      const cb = pending;
      pending = null;
      const start = clock;
      cb?.({ timeRemaining: () => Math.max(0, idleMs - (clock - start)) });
    },
  };
}

describe('runChunked', () => {
  it('runs steps while the idle time and the budget last, then yields', async () => {
    const s = manualScheduler();
    let steps = 0;
    const job = runChunked(
      () => {
        s.advance(4); // each step "takes" 4 ms
        return ++steps < 10;
      },
      s.schedule,
      { budgetMs: 12, now: s.now },
    );
    s.tick(50); // budget 12 ms → 3 steps
    expect(steps).toBe(3);
    s.tick(6); // the browser offers 6 ms → 2 steps
    expect(steps).toBe(5);
    s.tick(0); // no idle time (forced by the timeout): still one step, so work always progresses
    expect(steps).toBe(6);
    while (s.pending) s.tick(50);
    expect(steps).toBe(10);
    await expect(job.done).resolves.toBe(true);
  });

  it('stops when cancelled', async () => {
    const s = manualScheduler();
    const step = vi.fn(() => {
      s.advance(5);
      return true;
    });
    const job = runChunked(step, s.schedule, { now: s.now });
    s.tick(1);
    job.cancel();
    expect(s.pending).toBe(false);
    await expect(job.done).resolves.toBe(false);
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('ends quietly when a step throws', async () => {
    const s = manualScheduler();
    const job = runChunked(
      () => {
        throw new Error('boom');
      },
      s.schedule,
      { now: s.now },
    );
    expect(() => s.tick(10)).not.toThrow();
    await expect(job.done).resolves.toBe(false);
    expect(s.pending).toBe(false);
  });
});

describe('idleScheduler', () => {
  it('uses requestIdleCallback with a timeout when there is one', () => {
    const requestIdleCallback = vi.fn(() => 7);
    const cancelIdleCallback = vi.fn();
    const schedule = idleScheduler({ requestIdleCallback, cancelIdleCallback } as unknown as Window, 800);
    const cancel = schedule(() => undefined);
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 800 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('falls back to a timer with a fixed budget', () => {
    vi.useFakeTimers();
    try {
      const view = { setTimeout, clearTimeout, performance } as unknown as Window;
      const seen: number[] = [];
      idleScheduler(view)((deadline) => seen.push(deadline.timeRemaining()));
      vi.runAllTimers();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeGreaterThan(0);
      expect(seen[0]).toBeLessThanOrEqual(12);
    } finally {
      vi.useRealTimers();
    }
  });
});
