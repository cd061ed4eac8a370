import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, SEARCH_DEBOUNCE_MS } from '@/lib/library/debounce';

describe('search debouncing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last value, after typing pauses', () => {
    const run = vi.fn();
    const d = debounce(run, SEARCH_DEBOUNCE_MS);
    for (const q of ['q', 'qu', 'quy', 'quyet']) {
      d.push(q);
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    }
    expect(run).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('quyet');
    expect(d.pending).toBe(false);
  });

  it('runs at once on flush (Enter), and not again when the timer would have fired', () => {
    const run = vi.fn();
    const d = debounce(run, 200);
    d.push('von dau tu');
    d.flush();
    expect(run).toHaveBeenCalledWith('von dau tu');
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    d.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('forgets a cancelled value', () => {
    const run = vi.fn();
    const d = debounce(run, 200);
    d.push('x');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });

  it('uses the timers it is given', () => {
    const set = vi.fn((fn: () => void) => fn);
    const clear = vi.fn();
    const run = vi.fn();
    const d = debounce(run, 50, { set, clear });
    d.push(1);
    d.push(2);
    expect(set).toHaveBeenCalledTimes(2);
    expect(clear).toHaveBeenCalledTimes(1);
    (set.mock.results[1]!.value as () => void)();
    expect(run).toHaveBeenCalledWith(2);
  });
});
