import type { CopyState } from '@/components/EntityCard';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import type { CardView } from './card-view';
import type { UiRoot } from './host';
import type { Box } from './place';

export interface CardLayerOptions {
  /** Our shadow root, shared with the rest of the in-page UI. */
  ui: UiRoot;
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
  /**
   * Saves the entity with its sentence as a clipping (the card's "save"); settles when
   * the save is over, however it went (the outcome is shown by the caller's toast).
   */
  saveEntity?(entity: Entity): Promise<unknown>;
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
  /** Our section of the shadow root, once a card has been shown. */
  private mount: HTMLElement | null = null;
  private view: CardView | null = null;
  private loading = false;
  private entity: Entity | null = null;
  private anchor: (() => Box | null) | null = null;
  private copyState: CopyState = 'idle';
  private saving = false;
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
    return this.options.ui.owns(target);
  }

  open(entity: Entity, anchor: () => Box | null, { focus }: OpenOptions): void {
    this.entity = entity;
    this.anchor = anchor;
    this.copyState = 'idle';
    this.saving = false;
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
    const hadFocus = this.hasFocus();
    this.entity = null;
    this.anchor = null;
    if (this.mount) this.view?.render(this.mount, null);
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

  /** Empties our section (the shadow root itself is the session's to remove). */
  destroy(): void {
    if (this.mount) this.view?.render(this.mount, null);
    this.mount = null;
    this.entity = null;
  }

  private hasFocus(): boolean {
    if (!this.mount || !this.options.ui.exists) return false;
    const active = this.options.ui.root().activeElement ?? null;
    return active !== null && this.mount.contains(active);
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
    this.mount ??= this.createMount(view.css);
    this.render();
    this.reposition();
    if (this.focusOnShow) this.card()?.focus({ preventScroll: true });
  }

  private card(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  private createMount(css: string): HTMLElement {
    const ui = this.options.ui;
    ui.addStyle(css);
    const mount = ui.section('card');
    // Focus leaving the card (Tab past its end, a click elsewhere) closes it; moves
    // inside it, including to the copy fallback's textarea, do not.
    mount.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (this.copying || (next && ui.root().contains(next))) return;
      if (this.entity) {
        this.close();
        this.options.onClosed();
      }
    });
    mount.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.entity) {
        event.stopPropagation();
        this.close();
        this.options.onClosed();
      }
    });
    return mount;
  }

  private render(): void {
    const entity = this.entity;
    if (!this.mount || !entity || !this.view) return;
    const save = this.options.saveEntity;
    this.view.render(this.mount, {
      entity,
      t: this.options.t,
      locale: this.options.locale,
      copyState: this.copyState,
      saving: this.saving,
      onCopy: () => this.copy(entity),
      ...(save ? { onSave: () => this.save(entity, save) } : {}),
      onClose: () => {
        this.close();
        this.options.onClosed();
      },
    });
  }

  private save(entity: Entity, save: (entity: Entity) => Promise<unknown>): void {
    if (this.saving) return;
    this.saving = true;
    this.copyState = 'idle';
    this.render();
    const done = () => {
      if (this.entity !== entity) return;
      this.saving = false;
      this.render();
    };
    save(entity).then(done, done);
  }

  private copy(entity: Entity): void {
    if (!this.mount || !this.view) return;
    const text = this.view.copyText(entity, this.options.t, this.options.locale, this.options.pageUrl());
    const root = this.options.ui.root();
    const button = root.activeElement as HTMLElement | null;
    // The fallback copies synchronously, inside this call: only then may focus wander.
    this.copying = true;
    let done: Promise<boolean>;
    try {
      done = this.view.copyToClipboard(text, root);
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
