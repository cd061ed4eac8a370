/** Wraps a handler so that nothing it throws reaches the page. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch {
      // Ours to fix, not the page's to see.
    }
  };
}
