/**
 * Work that can pause: a generator that yields (nothing) every so often, so that a
 * caller can spread a big page's extraction over several tasks (lib/page/read.ts)
 * while the command line and the tests run it in one go (`finish`). A yield is only a
 * chance to pause; a `Steps` never depends on what happens while it is paused, except
 * the DOM it reads, which the caller watches.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end, without pausing. */
export function finish<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * Nodes a walk visits between two chances to pause: ~0.1–0.5 ms of a page's text, so a
 * pause can come soon after the caller's time is up, and the check costs nothing.
 */
export const NODES_PER_STEP = 128;
