import type { Translate } from '@/lib/i18n';
import type { Entity } from '@/lib/recognize/types';
import { entityFields } from '@/lib/format/entity';
import { lookupUrl } from '@/lib/format/lookup';

export type CopyState = 'idle' | 'copied' | 'failed';

export interface EntityCardProps {
  entity: Entity;
  t: Translate;
  /** UI locale, for dates. */
  locale: string;
  copyState: CopyState;
  /** A save of this entity is under way (its outcome is shown in the page's toast). */
  saving?: boolean;
  onCopy(): void;
  /** Saves the entity with its sentence as a clipping; without it, saving is not offered. */
  onSave?(): void;
  onClose(): void;
}

/**
 * The card shown over a highlighted entity: what it is, its parsed fields, and what
 * one can do with it. A non-modal dialog: it does not trap focus, and the page
 * around it stays usable; Escape, the close button or leaving it closes it (the
 * caller wires those, since they concern the page too).
 */
export function EntityCard({ entity, t, locale, copyState, saving = false, onCopy, onSave, onClose }: EntityCardProps) {
  const isDocument = entity.kind === 'document';
  const kindLabel = t(isDocument ? 'cardDocument' : 'cardFigure');
  const lookup = isDocument ? lookupUrl(entity) : null;
  const status = copyState === 'copied' ? t('cardCopied') : copyState === 'failed' ? t('cardCopyFailed') : '';
  return (
    <section class={`card ${entity.kind}`} role="dialog" aria-labelledby="tl-card-title" tabIndex={-1}>
      <header>
        <span class="kind">{kindLabel}</span>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <p id="tl-card-title" class="quote">
        {entity.text}
      </p>
      <dl>
        {entityFields(entity, t, locale).map((field) => (
          <div class="field" key={field.label}>
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
      <div class="actions">
        <button type="button" class="copy" onClick={onCopy}>
          {t('cardCopy')}
        </button>
        {onSave && (
          // Not `disabled` while saving: a disabled button loses focus, and keyboard
          // users would be thrown out of the card.
          <button
            type="button"
            class="save"
            aria-disabled={saving ? 'true' : undefined}
            title={t('cardSaveTitle')}
            onClick={() => {
              if (!saving) onSave();
            }}
          >
            {t('cardSave')}
          </button>
        )}
        {lookup && entity.kind === 'document' && (
          <a class="lookup" href={lookup} target="_blank" rel="noopener noreferrer" title={t('cardLookupTitle', [entity.code ?? ''])}>
            {t('cardLookup')}
          </a>
        )}
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
