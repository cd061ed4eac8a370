/**
 * The list of keyboard shortcuts, in a modal <dialog>: the browser traps focus in it,
 * closes it on Escape and returns focus to the button that opened it.
 */
import { useRef } from 'preact/hooks';
import type { MessageName, Translate } from '@/lib/i18n';
import { useModalDialog } from './hooks';

const LINES: MessageName[] = ['libraryKeySearch', 'libraryKeyMove', 'libraryKeyEdit', 'libraryKeyDelete', 'libraryKeyUndo', 'libraryKeyEscape'];

export function ShortcutsDialog({ open, onClose, t }: { open: boolean; onClose(): void; t: Translate }) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);
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
