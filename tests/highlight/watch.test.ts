import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDom } from '@/lib/highlight/watch';

/** A MutationObserver the test feeds records to. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: { target: Node; options: MutationObserverInit } | null = null;
  disconnected = false;
  constructor(readonly callback: (records: MutationRecord[]) => void) {
    FakeObserver.last = this;
  }
  observe(target: Node, options: MutationObserverInit) {
    this.observed = { target, options };
  }
  disconnect() {
    this.disconnected = true;
  }
  emit(...records: Partial<MutationRecord>[]) {
    if (!this.disconnected) this.callback(records as MutationRecord[]);
  }
}

const view = () => ({ MutationObserver: FakeObserver, setTimeout, clearTimeout }) as unknown as Window;
const root = {} as Node;

describe('watchDom', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('observes text and structure only, and reports once things settle', () => {
    const onChange = vi.fn();
    watchDom(root, view(), { debounceMs: 100, isRelevant: () => true, onChange, text: true });
    const observer = FakeObserver.last!;
    expect(observer.observed?.options).toEqual({ childList: true, characterData: true, subtree: true });
    watchDom(root, view(), { debounceMs: 100, isRelevant: () => true, onChange: () => undefined });
    expect(FakeObserver.last!.observed?.options).toEqual({ childList: true, characterData: false, subtree: true });
    observer.emit({ type: 'childList' });
    vi.advanceTimersByTime(60);
    observer.emit({ type: 'childList' });
    vi.advanceTimersByTime(60);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores records that are not relevant (our own UI, other parts of the page)', () => {
    const onChange = vi.fn();
    const ours = {} as Node;
    watchDom(root, view(), { debounceMs: 10, isRelevant: (r) => r.target !== ours, onChange });
    FakeObserver.last!.emit({ target: ours });
    vi.advanceTimersByTime(50);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('gives up after a while, and stops when told', () => {
    const onChange = vi.fn();
    const onGiveUp = vi.fn();
    watchDom(root, view(), { debounceMs: 10, giveUpAfterMs: 1000, isRelevant: () => true, onChange, onGiveUp });
    const observer = FakeObserver.last!;
    vi.advanceTimersByTime(1000);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
    observer.emit({});
    vi.advanceTimersByTime(50);
    expect(onChange).not.toHaveBeenCalled();

    const watch = watchDom(root, view(), { debounceMs: 10, isRelevant: () => true, onChange });
    FakeObserver.last!.emit({});
    watch.stop();
    vi.advanceTimersByTime(50);
    expect(onChange).not.toHaveBeenCalled();
  });
});
