import type { Article, Steps } from '../article';
import { runChunked, type ChunkedJob, type IdleScheduler } from '../highlight';

/**
 * Reads the page's article without a long task: `extractArticleSteps` (lib/article)
 * runs for up to `firstSliceMs` at once — an ordinary page (1–4 ms) is read before
 * `readArticle` returns, exactly as when extraction was one call — and a big one goes
 * on in idle-time steps, like the recognizer (lib/highlight/schedule.ts). On the ~1 MB
 * article extraction takes 15–45 ms warm and more cold, most of it the walk that builds
 * the article text; spread out, no task of ours comes near 50 ms.
 *
 * The page may change while the reading is paused, and a walk half over old nodes and
 * half over new ones gives a text that is neither: a MutationObserver watches the page
 * meanwhile, and a change starts the reading over (a few times at most; after that the
 * session's own watch of the article takes over).
 */
export interface ReadOptions {
  doc: Document;
  /** A fresh reading of the page from the start (extractArticleSteps, bound to the page). */
  steps(): Steps<Article>;
  schedule: IdleScheduler;
  /** Whether a changed node is our own UI (ignored). */
  owns(node: Node): boolean;
  /** Time taken at once, before the first pause. */
  firstSliceMs?: number;
  now?: () => number;
}

/** A reading still going on after `readArticle` returned. */
export interface Reading {
  cancel(): void;
}

/**
 * Enough for an ordinary page at once (1–4 ms warm), and short enough that with a step
 * that overruns it (code compiled on its first run, a GC) and the session's own set-up
 * the task stays far below 50 ms.
 */
export const FIRST_SLICE_MS = 10;

/** Readings started over because the page changed meanwhile, before the result is taken as it is. */
const MAX_RESTARTS = 3;

/**
 * Reads the article and calls `done` with it: at once, before returning null, when it
 * fits in the first slice; else later, and the returned `Reading` can cancel it.
 */
export function readArticle(options: ReadOptions, done: (article: Article) => void): Reading | null {
  const now = options.now ?? (() => performance.now());
  let steps = options.steps();
  let result: Article | null = null;
  const step = (): boolean => {
    const r = steps.next();
    if (!r.done) return true;
    result = r.value;
    return false;
  };

  const started = now();
  const budget = options.firstSliceMs ?? FIRST_SLICE_MS;
  while (step()) {
    if (now() - started >= budget) return later(options, step, () => (steps = options.steps()), () => result!, done);
  }
  done(result!);
  return null;
}

/** The rest of a reading, in idle steps, started over if the page changes meanwhile. */
function later(
  options: ReadOptions,
  step: () => boolean,
  restart: () => void,
  result: () => Article,
  done: (article: Article) => void,
): Reading {
  const view = options.doc.defaultView as (Window & typeof globalThis) | null;
  const root = options.doc.body ?? options.doc.documentElement;
  let changed = false;
  const relevant = (records: MutationRecord[]) => records.some((r) => !options.owns(r.target));
  const observer =
    view && typeof view.MutationObserver === 'function'
      ? new view.MutationObserver((records) => {
          if (relevant(records)) changed = true;
        })
      : null;
  observer?.observe(root, { childList: true, characterData: true, subtree: true });
  let job: ChunkedJob | null = null;
  let restarts = 0;
  let cancelled = false;
  const run = () => {
    job = runChunked(step, options.schedule);
    void job.done.then((completed) => {
      if (!completed || cancelled) return;
      if (observer && relevant(observer.takeRecords())) changed = true;
      if (changed && restarts++ < MAX_RESTARTS) {
        changed = false;
        restart();
        run();
        return;
      }
      observer?.disconnect();
      done(result());
    });
  };
  run();
  return {
    cancel() {
      cancelled = true;
      observer?.disconnect();
      job?.cancel();
    },
  };
}
