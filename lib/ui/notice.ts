/**
 * The notice shown when a page with saved clippings loads and some of them are not as
 * they were: clippings that could not be found any more (orphans), and figures or
 * document codes that changed inside a clipping ("1.640" → "1.650"). Bottom left in
 * our shadow root, until closed; the side panel has the details.
 */
import type { FigureChange } from '../anchor/types';
import type { Translate } from '../i18n';
import { bdi, h } from './dom';
import type { UiRoot } from './host';
import { MESSAGE_CSS } from './overlay-styles';

export interface NoticeContent {
  orphans: number;
  changes: readonly FigureChange[];
  /** Opens the side panel; absent where it cannot be opened from the page. */
  onPanel?: () => void;
}

/** Changes listed in the notice; the rest are counted. */
const SHOWN_CHANGES = 5;

export class ClippingNotice {
  private element: HTMLElement | null = null;
  private dismissed = false;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiRoot,
    private readonly t: Translate,
  ) {}

  get isOpen(): boolean {
    return this.element !== null && !this.element.hidden;
  }

  /** Shows (or updates) the notice; hides it when there is nothing to say. Once closed, it stays closed on this page. */
  show(content: NoticeContent): void {
    const { doc, t } = this;
    if (content.orphans === 0 && content.changes.length === 0) {
      if (this.element) this.element.hidden = true;
      return;
    }
    if (this.dismissed) return;
    const parts: Node[] = [h(doc, 'p', { class: 'title' }, t('extName'))];
    if (content.orphans > 0) parts.push(h(doc, 'p', { class: 'orphans' }, t('noticeOrphans', [String(content.orphans)])));
    if (content.changes.length > 0) {
      parts.push(h(doc, 'p', { class: 'changed' }, t('noticeChanged', [String(content.changes.length)])));
      const list = h(doc, 'ul', { class: 'changes' });
      for (const change of content.changes.slice(0, SHOWN_CHANGES)) list.append(changeItem(doc, t, change));
      parts.push(list);
      if (content.changes.length > SHOWN_CHANGES) {
        parts.push(h(doc, 'p', {}, t('popupMore', [String(content.changes.length - SHOWN_CHANGES)])));
      }
    }
    const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('cardClose'), title: t('cardClose') }, '×');
    close.addEventListener('click', () => {
      this.dismissed = true;
      if (this.element) this.element.hidden = true;
    });
    const panel = content.onPanel ? h(doc, 'button', { type: 'button', class: 'panel' }, t('toastOpenPanel')) : null;
    if (panel) panel.addEventListener('click', () => content.onPanel?.());
    if (!content.onPanel) parts.push(h(doc, 'p', { class: 'hint' }, t('noticeSidebarHint')));
    parts.push(h(doc, 'div', { class: 'actions' }, panel, close));
    if (!this.element) {
      this.ui.addStyle(MESSAGE_CSS);
      this.element = h(doc, 'section', { class: 'notice', role: 'status', 'aria-label': t('extName') });
      this.ui.section('notice').append(this.element);
    }
    this.element.replaceChildren(...parts);
    this.element.hidden = false;
  }

  destroy(): void {
    this.element = null;
  }
}

/** "1.640 → 1.650", "+ 2.318" (added), "− 1.152" (dropped); page text isolated in <bdi>. */
function changeItem(doc: Document, t: Translate, change: FigureChange): HTMLElement {
  const li = h(doc, 'li', { class: `change ${change.kind}` });
  if (change.before !== null && change.after !== null) {
    li.append(bdi(doc, change.before, 'before'), ' → ', bdi(doc, change.after, 'after'));
  } else if (change.after !== null) {
    li.append(`${t('noticeAdded')} `, bdi(doc, change.after, 'after'));
  } else if (change.before !== null) {
    li.append(`${t('noticeRemoved')} `, bdi(doc, change.before, 'before'));
  }
  return li;
}
