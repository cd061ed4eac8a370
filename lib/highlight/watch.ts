/**
 * Notices the page changing after load — an article its scripts insert late, more
 * paragraphs appended — and reports it once things have settled (debounced), so
 * that a page streaming in content costs one re-read, not one per node.
 *
 * Only `childList` and, when asked, `characterData` are observed (attributes
 * cannot change the text), and records the caller finds irrelevant (our own UI,
 * other parts of the page) are dropped before anything else, so our own UI never
 * triggers work.
 */
export interface WatchOptions {
  /** Quiet time after the last relevant change before `onChange` runs. */
  debounceMs: number;
  /** Also report edits to existing text (the article's own words changing). */
  text?: boolean;
  /** Give up after this long (for waiting on a late article); undefined: watch until stopped. */
  giveUpAfterMs?: number;
  /** Whether a record is worth reacting to. */
  isRelevant(record: MutationRecord): boolean;
  onChange(): void;
  /** Called once when the watch ends by itself (gave up). */
  onGiveUp?(): void;
}

export interface Watch {
  stop(): void;
}

export function watchDom(root: Node, view: Window, options: WatchOptions): Watch {
  let timer: number | undefined;
  let giveUp: number | undefined;
  const Observer = (view as Window & typeof globalThis).MutationObserver;
  const observer = new Observer((records) => {
    if (!records.some((r) => options.isRelevant(r))) return;
    if (timer !== undefined) view.clearTimeout(timer);
    timer = view.setTimeout(() => {
      timer = undefined;
      options.onChange();
    }, options.debounceMs);
  });
  observer.observe(root, { childList: true, characterData: options.text === true, subtree: true });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
    if (giveUp !== undefined) view.clearTimeout(giveUp);
    timer = giveUp = undefined;
  };
  if (options.giveUpAfterMs !== undefined) {
    giveUp = view.setTimeout(() => {
      stop();
      options.onGiveUp?.();
    }, options.giveUpAfterMs);
  }
  return { stop };
}
