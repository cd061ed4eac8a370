/**
 * The one element we add to a page: <trich-luc-ui>, appended to <html> (outside
 * <body>, where page scripts that rebuild the body will not trip over it), holding
 * an open shadow root with our card. Everything it shows lives in the shadow tree,
 * which the page's CSS and MutationObservers do not reach. It is created the first
 * time a card opens, never on pages without an article, and styled before it is
 * inserted, so the page sees exactly one childList change.
 */
export const UI_HOST_TAG = 'trich-luc-ui';

// Inline and !important: the page's own rules ("html > *", "* { … }") must not
// move, hide or size our host.
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
]
  .map((rule) => `${rule} !important`)
  .join(';');

export interface UiHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  /** Where components render. */
  readonly mount: HTMLElement;
  remove(): void;
}

export function createUiHost(doc: Document, css: string): UiHost {
  const element = doc.createElement(UI_HOST_TAG);
  element.setAttribute('style', HOST_STYLE);
  const root = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(style, mount);
  doc.documentElement.append(element);
  return { element, root, mount, remove: () => element.remove() };
}
