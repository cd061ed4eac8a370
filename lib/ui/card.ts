import type { CopyState } from '@/components/EntityCard';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import type { CardView } from './card-view';
import { createUiHost, type UiHost } from './host';
import type { Box } from './place';

export interface CardLayerOptions {
  t: Translate;
  locale: string;
  /** The page address appended to copied text. */
  pageUrl(): string | null;
  /** The card closed itself (close button, focus left it, or it could not be shown). */
  onClosed(): void;
  /**
   * Loads the card's rendering (Preact and the card component, lib/ui/card-view), the
   * first time a card opens; kept out of the content script so that pages where no
   * card opens never load it.
   */
  loadView(): Promise<CardView>;
}

export interface OpenOptions {
  /** Move focus into the card (opened from the keyboard), and give it back on close. */
  focus: boolean;
}

/**
 * Shows one entity card at a time, in our shadow-root host, positioned next to the
 * entity. The session decides when to open and close; this only renders, places
 * and handles what happens inside the card. The first card appears once its
 * rendering has loaded; until then the card counts as open, with nothing shown.
 */
export class CardLayer {
  private host: UiHost | null = null;
  private view: CardView | null = null;
  private loading = false;
  private entity: Entity | null = null;
  private anchor: (() => Box | null) | null = null;
  private copyState: CopyState = 'idle';
  private focusOnShow = false;
  private returnFocus: HTMLElement | null = null;
  /** Set while the copy fallback moves focus to its textarea and back. */
  private copying = false;

  constructor(
    private readonly doc: Document,
    private readonly options: CardLayerOptions,
  ) {}

  get isOpen(): boolean {
    return this.entity !== null;
  }

  get current(): Entity | null {
    return this.entity;
  }

  /** Whether an event target is our UI (events from inside the shadow root are retargeted to the host). */
  owns(target: EventTarget | null): boolean {
    return this.host !== null && target === this.host.element;
  }

  open(entity: Entity, anchor: () => Box | null, { focus }: OpenOptions): void {
    this.entity = entity;
    this.anchor = anchor;
    this.copyState = 'idle';
    this.focusOnShow = focus;
    if (focus) {
      const active = this.doc.activeElement as HTMLElement | null;
      this.returnFocus = active && !this.owns(active) ? active : null;
    } else {
      this.returnFocus = null;
    }
    if (this.view) this.show(this.view);
    else this.load();
  }

  close(): void {
    if (!this.entity) return;
    const hadFocus = this.host !== null && this.host.root.activeElement !== null;
    this.entity = null;
    this.anchor = null;
    if (this.host) this.view?.render(this.host.mount, null);
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Follows the entity after a scroll or resize. */
  reposition(): void {
    const card = this.card();
    const box = this.anchor?.();
    if (!card || !box || !this.view) return;
    const view = this.doc.defaultView!;
    const size = card.getBoundingClientRect();
    const { left, top } = this.view.placeCard(
      box,
      { width: size.width, height: size.height },
      { width: view.innerWidth, height: view.innerHeight },
    );
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  /** Takes our element off the page. */
  destroy(): void {
    if (this.host) this.view?.render(this.host.mount, null);
    this.host?.remove();
    this.host = null;
    this.entity = null;
  }

  private load(): void {
    if (this.loading) return;
    this.loading = true;
    this.options.loadView().then(
      (view) => {
        this.loading = false;
        this.view = view;
        if (this.entity) this.show(view);
      },
      () => {
        // Nothing to show: the card closes, and the next one tries again.
        this.loading = false;
        if (this.entity) {
          this.entity = null;
          this.anchor = null;
          this.returnFocus = null;
          this.options.onClosed();
        }
      },
    );
  }

  private show(view: CardView): void {
    this.host ??= this.createHost(view.css);
    this.render();
    this.reposition();
    if (this.focusOnShow) this.card()?.focus({ preventScroll: true });
  }

  private card(): HTMLElement | null {
    return (this.host?.mount.firstElementChild as HTMLElement | null) ?? null;
  }

  private createHost(css: string): UiHost {
    const host = createUiHost(this.doc, css);
    // Focus leaving the card (Tab past its end, a click elsewhere) closes it; moves
    // inside it, including to the copy fallback's textarea, do not.
    host.root.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (this.copying || (next && host.root.contains(next))) return;
      if (this.entity) {
        this.close();
        this.options.onClosed();
      }
    });
    host.root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.entity) {
        event.stopPropagation();
        this.close();
        this.options.onClosed();
      }
    });
    return host;
  }

  private render(): void {
    const entity = this.entity;
    if (!this.host || !entity || !this.view) return;
    this.view.render(this.host.mount, {
      entity,
      t: this.options.t,
      locale: this.options.locale,
      copyState: this.copyState,
      onCopy: () => this.copy(entity),
      onClose: () => {
        this.close();
        this.options.onClosed();
      },
    });
  }

  private copy(entity: Entity): void {
    if (!this.host || !this.view) return;
    const text = this.view.copyText(entity, this.options.t, this.options.locale, this.options.pageUrl());
    const button = this.host.root.activeElement as HTMLElement | null;
    // The fallback copies synchronously, inside this call: only then may focus wander.
    this.copying = true;
    let done: Promise<boolean>;
    try {
      done = this.view.copyToClipboard(text, this.host.root);
    } finally {
      this.copying = false;
    }
    done.then(
      (ok) => this.setCopyState(entity, ok ? 'copied' : 'failed', button),
      () => this.setCopyState(entity, 'failed', button),
    );
  }

  private setCopyState(entity: Entity, state: CopyState, button: HTMLElement | null): void {
    if (this.entity !== entity) return;
    this.copyState = state;
    this.render();
    // The textarea fallback took focus for a moment; give it back to the button.
    if (button?.isConnected) button.focus({ preventScroll: true });
  }
}
