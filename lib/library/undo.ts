/**
 * "Deleted. Undo" for a while after a delete. The store keeps deletions as tombstones,
 * so undoing is always possible in principle; the offer lasts only as long as the toast,
 * because an Undo that appears long after the fact would surprise more than help.
 * One offer at a time: a second delete replaces the first offer (the first clipping
 * stays deleted, as the reader has moved on).
 */
import type { Timers } from './debounce.ts';

/** How long the Undo button stays: long enough to notice and reach it by keyboard. */
export const UNDO_MS = 10_000;

export interface UndoOffer {
  id: string;
  /** Increases with every offer, so a view can tell two offers for the same clipping apart. */
  serial: number;
}

export class UndoController {
  private current: UndoOffer | null = null;
  private handle: unknown = null;
  private serial = 0;

  constructor(
    private readonly onChange: (offer: UndoOffer | null) => void,
    private readonly timers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    private readonly ms = UNDO_MS,
  ) {}

  get offer(): UndoOffer | null {
    return this.current;
  }

  /** Offers undoing the deletion of `id`, replacing any earlier offer. */
  offerUndo(id: string): void {
    this.clearTimer();
    this.current = { id, serial: ++this.serial };
    this.handle = this.timers.set(() => this.dismiss(), this.ms);
    this.onChange(this.current);
  }

  /** Takes the offer to act on it (the Undo button), ending it; null when none is open. */
  take(): string | null {
    const id = this.current?.id ?? null;
    if (id !== null) this.dismiss();
    return id;
  }

  dismiss(): void {
    this.clearTimer();
    if (this.current === null) return;
    this.current = null;
    this.onChange(null);
  }

  private clearTimer(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}
