/**
 * The keyboard shortcuts that step through the entities: Alt+Shift+N (next) and
 * Alt+Shift+P (previous). Matched on `code` (the physical key) rather than `key`,
 * because Option+Shift+N on a Mac types "˜" and other layouts move letters.
 *
 * Checked against the browsers' own shortcuts: Chromium uses Alt+Shift+I (report an
 * issue) and Alt+Shift+T (focus the toolbar), Firefox none with Alt+Shift+letter;
 * Windows' Alt+Shift layout switch fires only when the two are released alone, and
 * Vietnamese input methods (Unikey, EVKey) toggle with Ctrl+Shift or Alt+Z. ChromeOS
 * opens notifications with Alt+Shift+N before the page sees it; Alt+Shift+P still
 * works there, and the popup's entity list is the other way in.
 */
export type Step = 1 | -1 | 0;

export interface KeyLike {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

export function stepForKey(event: KeyLike): Step {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.isComposing) return 0;
  if (event.code === 'KeyN') return 1;
  if (event.code === 'KeyP') return -1;
  return 0;
}

/** Whether keys typed at `target` belong to a text field, where shortcuts must not fire. */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.localName !== 'string') return false;
  if (el.isContentEditable) return true;
  return el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select';
}
