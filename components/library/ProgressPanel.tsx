/**
 * Progress of a long export or import: a label, a bar and Cancel. Shown only once the
 * task has run for a while (`useDelayed`): a quick export should not flash a bar.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { percent } from '@/lib/library/transfer';

/** How long a task runs before its progress is shown (ms): about a second. */
export const PROGRESS_DELAY = 800;

/** True once `active` has held for `delay` ms; false again as soon as it stops. */
export function useDelayed(active: boolean, delay: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    if (delay <= 0) {
      setShown(true);
      return;
    }
    const timer = setTimeout(() => setShown(true), delay);
    return () => clearTimeout(timer);
  }, [active, delay]);
  return active && shown;
}

/** A progress bar: `fraction` 0–1, or null when the amount of work is not known yet (indeterminate: no value). */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | null }) {
  const value = fraction === null ? null : percent(fraction);
  return (
    <div
      class={`progressbar${value === null ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={value === null ? undefined : `${value}%`}
    >
      <div class="fill" style={{ width: value === null ? undefined : `${value}%` }} />
    </div>
  );
}

export interface ProgressPanelProps {
  t: Translate;
  label: string;
  fraction: number | null;
  onCancel(): void;
  class?: string;
}

export function ProgressPanel({ t, label, fraction, onCancel, class: className }: ProgressPanelProps) {
  return (
    <div class={`progress-panel${className ? ` ${className}` : ''}`} role="group" aria-label={label}>
      <span class="progress-label">{label}</span>
      <ProgressBar label={label} fraction={fraction} />
      <button type="button" class="cancel" onClick={onCancel}>
        {t('libraryCancel')}
      </button>
    </div>
  );
}
