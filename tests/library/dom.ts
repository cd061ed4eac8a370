/**
 * Rendering the library's Preact components into linkedom for tests: a document, events
 * the way a browser would dispatch them (linkedom has no KeyboardEvent), and waiting for
 * asynchronous work (IndexedDB reads, debounces, live queries) to settle.
 */
import { parseHTML } from 'linkedom';
import { options, render, type ComponentChild } from 'preact';

// Preact runs effects after the next frame; without requestAnimationFrame (Node) it waits
// a 100 ms fallback. A macrotask is what a frame means here.
(options as { requestAnimationFrame?: (cb: () => void) => void }).requestAnimationFrame = (cb) => setTimeout(cb);

export interface Mounted {
  document: Document;
  window: Window & typeof globalThis;
  root: HTMLElement;
  $<E extends Element = HTMLElement>(selector: string): E | null;
  $$<E extends Element = HTMLElement>(selector: string): E[];
  unmount(): void;
}

export function mount(node: ComponentChild): Mounted {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body><div id="app"></div></body></html>');
  const root = document.getElementById('app') as unknown as HTMLElement;
  render(node, root);
  const doc = document as unknown as Document;
  return {
    document: doc,
    window: window as unknown as Window & typeof globalThis,
    root,
    $: (s) => root.querySelector(s),
    $$: (s) => [...root.querySelectorAll(s)] as never,
    unmount: () => render(null, root),
  };
}

/** Waits until `check` holds (polling), failing with `what` after `timeout` ms. */
export async function until(check: () => boolean, what = 'condition', timeout = 4_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lets pending timers, promises and Preact's effects run. */
export async function settle(ms = 30): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

function event(el: Element, type: string, init: Record<string, unknown> = {}): Event {
  const view = el.ownerDocument.defaultView as unknown as typeof globalThis;
  const e = new view.Event(type, { bubbles: true, cancelable: true });
  Object.assign(e, init);
  el.dispatchEvent(e);
  return e;
}

export function press(el: Element, key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean } = {}): Event {
  return event(el, 'keydown', { key, ...mods });
}

export function click(el: Element): void {
  event(el, 'click');
}

export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  event(el, 'input');
}

/** Sets a control's value and fires `change`. (linkedom's <select> has no value setter: an own property stands in.) */
export function change(el: HTMLInputElement | HTMLSelectElement, value?: string): void {
  if (value !== undefined) Object.defineProperty(el, 'value', { value, configurable: true, writable: true });
  event(el, 'change');
}

export function submit(form: Element): void {
  event(form, 'submit');
}
