/**
 * Deleting with a way back: the store keeps a tombstone, the toast offers Undo for ten
 * seconds (lib/library/undo.ts), Ctrl+Z does the same. After a delete the next clipping
 * takes the deleted one's place in the selection; after Undo the restored one is chosen.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { UndoController, type UndoOffer } from '@/lib/library/undo';
import type { Repo } from '@/lib/store';
import type { ClippingRows } from './useClippingRows';

export interface DeleteUndo {
  offer: UndoOffer | null;
  /** A passing message: "restored", or why something failed. */
  notice: string;
  remove(index: number): void;
  undo(): void;
}

export function useDeleteUndo(repo: Repo, rows: ClippingRows, t: Translate, errorText: (error: unknown) => string): DeleteUndo {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [notice, setNotice] = useState('');
  const controller = useMemo(() => new UndoController(setOffer), []);
  useEffect(() => () => controller.dismiss(), [controller]);
  // A notice goes away on its own, like the Undo offer.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 8_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const remove = (index: number) => {
    const v = rows.source.get(index);
    if (!v) return;
    const id = v.clipping.id;
    // The row at this place after the refresh (the next clipping) becomes the chosen one.
    rows.setActive({ index, id: null });
    repo.deleteClipping(id).then(
      () => {
        setNotice('');
        controller.offerUndo(id);
        rows.refresh();
      },
      (error: unknown) => setNotice(errorText(error)),
    );
  };

  const undo = () => {
    const id = controller.take();
    if (id === null) return;
    repo.undoDelete(id).then(
      () => {
        setNotice(t('libraryRestored'));
        rows.setActive((a) => ({ index: Math.max(0, a.index), id }));
        rows.refresh();
      },
      (error: unknown) => setNotice(errorText(error)),
    );
  };

  return { offer, notice, remove, undo };
}
