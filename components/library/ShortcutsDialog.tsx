/**
 * The list of keyboard shortcuts, in a modal <dialog>: the browser traps focus in it,
 * closes it on Escape and returns focus to the button that opened it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { MessageName, Translate } from '@/lib/i18n';

const LINES: MessageName[] = ['libraryKeySearch', 'libraryKeyMove', 'libraryKeyEdit', 'libraryKeyDelete', 'libraryKeyUndo', 'libraryKeyEscape'];

export function ShortcutsDialog({ open, onClose, t }: { open: boolean; onClose(): void; t: Translate }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const isOpen = dialog.open ?? dialog.hasAttribute('open');
    if (open && !isOpen) {
      // showModal is missing from DOMs without layout (linkedom in tests): fall back to `open`.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && isOpen) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={(e) => {
        // The browser closes a modal dialog on Escape by itself; this covers the fallback.
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="shortcuts-title">{t('libraryShortcuts')}</h2>
      <ul>
        {LINES.map((name) => (
          <li key={name}>{t(name)}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose} autofocus>
        {t('libraryClose')}
      </button>
    </dialog>
  );
}
