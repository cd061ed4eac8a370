/**
 * Where the library reads and writes its address. The page uses the window's; tests use
 * one in memory, so views can be rendered and navigated without a browser.
 */
import { isRouteHash } from '@/lib/library/route';

export interface Router {
  hash(): string;
  /** Goes to a route; `replace` for changes that should not each be a Back step (typing a search). */
  go(hash: string, replace?: boolean): void;
  listen(onChange: () => void): () => void;
}

export function windowRouter(win: Window): Router {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  win.addEventListener('hashchange', () => {
    // "#main" from the skip link is an in-page anchor, not a route.
    if (isRouteHash(win.location.hash) || win.location.hash === '') notify();
  });
  return {
    hash: () => (isRouteHash(win.location.hash) ? win.location.hash : ''),
    go(hash, replace = false) {
      if (hash === win.location.hash) return;
      if (replace) {
        // replaceState fires no hashchange: tell the listeners ourselves.
        win.history.replaceState(win.history.state, '', hash);
        notify();
      } else {
        win.location.hash = hash;
      }
    },
    listen(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

export function memoryRouter(initial = ''): Router & { history: string[] } {
  const listeners = new Set<() => void>();
  const history = [initial];
  return {
    history,
    hash: () => history[history.length - 1]!,
    go(hash, replace = false) {
      if (replace) history[history.length - 1] = hash;
      else history.push(hash);
      listeners.forEach((l) => l());
    },
    listen(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
