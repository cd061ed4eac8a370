/**
 * The small "save clipping" button beside a selection in the article, in our shadow
 * root. Pressing it must not disturb the selection it is about: its mousedown is
 * cancelled (which would otherwise start a new, empty selection), and the session
 * remembers the selected span when it shows the button anyway.
 */
import type { Translate } from '../i18n';
import { h } from './dom';
import type { UiRoot } from './host';
import type { Box } from './place';

const GAP = 6;
const MARGIN = 8;

export class SelectionButton {
  private button: HTMLButtonElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiRoot,
    private readonly t: Translate,
    private readonly onPress: () => void,
  ) {}

  get isShown(): boolean {
    return this.button !== null && !this.button.hidden;
  }

  /** Shows the button under the end of the selection (`end`: its last line box), or above it near the bottom of the window. */
  show(end: Box): void {
    const button = this.ensure();
    button.hidden = false;
    const view = this.doc.defaultView!;
    const size = button.getBoundingClientRect();
    const width = size.width || 120;
    const height = size.height || 28;
    let top = end.bottom + GAP;
    if (top + height > view.innerHeight - MARGIN) top = end.top - GAP - height;
    const left = Math.min(Math.max(MARGIN, end.right - width / 2), view.innerWidth - MARGIN - width);
    button.style.left = `${Math.round(left)}px`;
    button.style.top = `${Math.round(Math.max(MARGIN, top))}px`;
  }

  hide(): void {
    if (this.button) this.button.hidden = true;
  }

  destroy(): void {
    this.button = null;
  }

  private ensure(): HTMLButtonElement {
    if (this.button) return this.button;
    const label = this.t('selectionSave');
    const button = h(this.doc, 'button', { type: 'button', class: 'clip-button', title: this.t('selectionSaveTitle') }, label);
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      event.preventDefault();
      this.onPress();
    });
    this.ui.section('selection').append(button);
    this.button = button;
    return button;
  }
}
