import type { Translate } from '@/lib/i18n';

/**
 * The message after a delete, with Undo while it is offered. Always in the document (an
 * empty live region), because screen readers announce changes to a region that exists,
 * not a region that appears.
 */
export function Toast({ message, onUndo, t }: { message: string; onUndo: (() => void) | null; t: Translate }) {
  return (
    <div class={`toast${message ? ' visible' : ''}`} role="status" aria-live="polite">
      {message && <span>{message}</span>}
      {onUndo && (
        <button type="button" class="undo" onClick={onUndo}>
          {t('libraryUndo')}
        </button>
      )}
    </div>
  );
}
