/**
 * The short message after a save, bottom right in our shadow root: "Saved" with the
 * start of the quote, and what one may do next — add a note right there, undo, or
 * (where the browser allows opening it from a click on the page) open the side panel.
 * Failures use the same place, with the archive's localized message.
 *
 * It does not take focus (the reader may be mid-sentence); it stays while the pointer
 * or focus is on it or a note is being written, and leaves after a few seconds
 * otherwise. Escape closes it.
 */
import type { Translate } from '../i18n';
import { bdi, h, shorten } from './dom';
import type { UiRoot } from './host';
import { MESSAGE_CSS } from './overlay-styles';

export interface SavedToast {
  quote: string;
  /** Saves the note; resolves null when it was saved, else the message to show. */
  onNote(note: string): Promise<string | null>;
  /** Deletes the clipping again; resolves null when done, else the message to show. */
  onUndo(): Promise<string | null>;
  /** Opens the side panel; absent where it cannot be opened from the page. */
  onPanel?: () => void;
}

export const TOAST_TIMING = { visibleMs: 8000 };

export class Toast {
  private element: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiRoot,
    private readonly t: Translate,
    private readonly timing = TOAST_TIMING,
  ) {}

  get isOpen(): boolean {
    return this.element !== null && !this.element.hidden;
  }

  saved(content: SavedToast): void {
    const { doc, t } = this;
    const status = h(doc, 'p', { class: 'status', role: 'status' });
    const noteField = h(doc, 'textarea', { name: 'note', rows: '3' });
    const form = h(
      doc,
      'form',
      { class: 'note', hidden: '' },
      h(doc, 'label', {}, t('toastNoteLabel'), noteField),
      h(doc, 'div', { class: 'actions' }, h(doc, 'button', { type: 'submit', class: 'save-note' }, t('toastNoteSave'))),
    );
    const noteButton = h(doc, 'button', { type: 'button', class: 'add-note' }, t('toastAddNote'));
    const undoButton = h(doc, 'button', { type: 'button', class: 'undo' }, t('toastUndo'));
    const panelButton = content.onPanel ? h(doc, 'button', { type: 'button', class: 'panel' }, t('toastOpenPanel')) : null;
    const body = [
      h(doc, 'p', { class: 'title' }, t('toastSaved')),
      h(doc, 'p', { class: 'quote' }, bdi(doc, shorten(content.quote, 160))),
      h(doc, 'div', { class: 'actions' }, noteButton, undoButton, panelButton, this.closeButton()),
      form,
      status,
    ];
    const box = this.render('saved', body);

    noteButton.addEventListener('click', () => {
      form.hidden = false;
      noteButton.hidden = true;
      this.hold();
      noteField.focus();
    });
    const submit = () => {
      if (this.busy) return;
      this.busy = true;
      status.textContent = '';
      void content.onNote(noteField.value).then((problem) => {
        this.busy = false;
        if (problem) {
          status.textContent = problem;
          return;
        }
        form.hidden = true;
        status.textContent = t('toastNoteSaved');
        this.release(box);
      });
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    // Ctrl/⌘+Enter saves from the text field; Enter alone starts a new line.
    noteField.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
    });
    undoButton.addEventListener('click', () => {
      if (this.busy) return;
      this.busy = true;
      void content.onUndo().then((problem) => {
        this.busy = false;
        if (problem) status.textContent = problem;
        else this.info(t('toastUndone'));
      });
    });
    panelButton?.addEventListener('click', () => content.onPanel?.());
  }

  /** A failure, with the message to show (already localized). */
  error(message: string): void {
    this.render('error', [h(this.doc, 'p', { class: 'title' }, message), h(this.doc, 'div', { class: 'actions' }, this.closeButton())]);
  }

  /** A plain message ("select some text in the article first"). */
  info(message: string): void {
    this.render('info', [h(this.doc, 'p', { class: 'title' }, message), h(this.doc, 'div', { class: 'actions' }, this.closeButton())]);
  }

  close(): void {
    clearTimeout(this.timer);
    if (this.element) this.element.hidden = true;
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.element = null;
  }

  private closeButton(): HTMLElement {
    const button = h(this.doc, 'button', { type: 'button', class: 'close', 'aria-label': this.t('cardClose'), title: this.t('cardClose') }, '×');
    button.addEventListener('click', () => this.close());
    return button;
  }

  private render(kind: 'saved' | 'error' | 'info', children: Node[]): HTMLElement {
    clearTimeout(this.timer);
    this.busy = false;
    const section = this.ui.section('toast');
    if (!this.element) {
      this.ui.addStyle(MESSAGE_CSS);
      // One live region, kept: screen readers announce changes to a region they already know.
      this.element = h(this.doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
      this.element.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          this.close();
        }
      });
      this.element.addEventListener('pointerenter', () => this.hold());
      this.element.addEventListener('pointerleave', () => this.release(this.element!));
      this.element.addEventListener('focusin', () => this.hold());
      section.append(this.element);
    }
    const box = this.element;
    box.className = `toast ${kind}`;
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    box.replaceChildren(...children);
    box.hidden = false;
    this.release(box);
    return box;
  }

  private hold(): void {
    clearTimeout(this.timer);
  }

  /** Starts the countdown unless something still holds the toast open. */
  private release(box: HTMLElement): void {
    clearTimeout(this.timer);
    const writing = box.querySelector('form:not([hidden])') !== null;
    const active = this.ui.exists ? (this.ui.root().activeElement ?? null) : null;
    const focused = active !== null && box.contains(active);
    if (writing || focused) return;
    this.timer = setTimeout(() => this.close(), this.timing.visibleMs);
  }
}
