/**
 * The one element we add to a page: <trich-luc-ui>, appended to <html> (outside
 * <body>, where page scripts that rebuild the body will not trip over it), holding
 * an open shadow root with everything we show: the entity card, the button beside a
 * selection, the "saved" toast and the clippings notice, each in a section of its
 * own. Everything lives in the shadow tree, which the page's CSS and
 * MutationObservers do not reach. The host is created the first time something is
 * shown, never on pages without an article, and styled before it is inserted, so
 * the page sees exactly one childList change.
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

export function createUiHost(doc: Document, css: string, attach = true): UiHost {
  const element = doc.createElement(UI_HOST_TAG);
  element.setAttribute('style', HOST_STYLE);
  const root = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(style, mount);
  if (attach) doc.documentElement.append(element);
  return { element, root, mount, remove: () => element.remove() };
}

/**
 * Our shadow root, shared by every piece of in-page UI: created on first use, with a
 * section per piece (`section('card')`) and each piece's stylesheet added once.
 */
export class UiRoot {
  private host: UiHost | null = null;
  private readonly sections = new Map<string, HTMLElement>();
  private readonly styles = new Set<string>();
  private closed = false;

  constructor(
    private readonly doc: Document,
    /** Rules every piece relies on (the host's own, colours). */
    private readonly baseCss = '',
  ) {}

  get exists(): boolean {
    return this.host !== null;
  }

  /** The shadow root, created (and the host inserted) on first call. */
  root(): ShadowRoot {
    return this.ensure().root;
  }

  /** Whether an event target is our UI (events from inside the shadow root are retargeted to the host). */
  owns(target: EventTarget | null): boolean {
    return this.host !== null && target === this.host.element;
  }

  /** Adds a stylesheet to the shadow root, once per text. */
  addStyle(css: string): void {
    if (this.styles.has(css)) return;
    const host = this.ensure();
    const style = this.doc.createElement('style');
    style.textContent = css;
    host.mount.before(style);
    this.styles.add(css);
  }

  /** The element a piece renders into, created on first use. */
  section(name: string): HTMLElement {
    let section = this.sections.get(name);
    if (!section) {
      section = this.doc.createElement('div');
      section.className = `section-${name}`;
      this.ensure().mount.append(section);
      this.sections.set(name, section);
    }
    return section;
  }

  /**
   * Takes our element off the page for good: something shown later (the answer to a
   * save that was under way) goes into a host that is never inserted.
   */
  destroy(): void {
    this.closed = true;
    this.host?.remove();
    this.host = null;
    this.sections.clear();
    this.styles.clear();
  }

  private ensure(): UiHost {
    this.host ??= createUiHost(this.doc, this.baseCss, !this.closed);
    return this.host;
  }
}
