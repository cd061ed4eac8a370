import { useEffect, useRef, useState } from 'preact/hooks';
import type { FigureChange } from '@/lib/anchor/types';
import type { Translate } from '@/lib/i18n';
import { formatTags, parseTags, type ClippingItem, type PlacementState } from '@/lib/sidepanel/model';

export interface ClippingCardProps {
  item: ClippingItem;
  t: Translate;
  locale: string;
  /** Saves note and tags; resolves null when saved, else the message to show. */
  onSave(id: string, patch: { note: string; tags: string[] }): Promise<string | null>;
  onDelete(id: string): void;
  /** Scrolls the page to the clipping; absent when it is not on the page. */
  onReveal?: (id: string) => void;
}

const STATE_MESSAGE = {
  placed: 'panelStatePlaced',
  moved: 'panelStateMoved',
  edited: 'panelStateEdited',
  orphan: 'panelStateOrphan',
} as const satisfies Record<Exclude<PlacementState, 'pending'>, string>;

/**
 * One clipping: the quote as saved (page text, shown as text in an isolated direction),
 * where it stands on the page today, what changed in its figures, and its note and tags,
 * editable in place. Saved with the button or Ctrl+Enter; nothing is saved on its own.
 */
export function ClippingCard({ item, t, locale, onSave, onDelete, onReveal }: ClippingCardProps) {
  const { clipping, state, anchor } = item;
  const [note, setNote] = useState(clipping.note);
  const [tags, setTags] = useState(formatTags(clipping.tags));
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  // A change made elsewhere (the library, the toast) shows here, unless that field is being edited.
  const stored = { note: clipping.note, tags: formatTags(clipping.tags) };
  const previous = useRef(stored);
  useEffect(() => {
    const before = previous.current;
    previous.current = stored;
    if (before.note !== stored.note) setNote((current) => (current === before.note ? stored.note : current));
    if (before.tags !== stored.tags) setTags((current) => (current === before.tags ? stored.tags : current));
  }, [stored.note, stored.tags]);
  const dirty = note !== stored.note || formatTags(parseTags(tags)) !== stored.tags;
  const id = clipping.id;
  const save = () => {
    if (saving || !dirty) return;
    setSaving(true);
    setStatus('');
    void onSave(id, { note, tags: parseTags(tags) }).then((problem) => {
      setSaving(false);
      setStatus(problem ?? t('panelSaved'));
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  const saved = new Date(clipping.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article class={`clipping ${state}`} aria-labelledby={`q-${id}`} data-id={id}>
      <blockquote id={`q-${id}`} dir="auto">
        {clipping.quote}
      </blockquote>
      <p class="meta">
        {state !== 'pending' && <span class={`state ${state}`}>{t(STATE_MESSAGE[state])}</span>}
        <span class="saved-at">{t('panelSavedAt', [saved])}</span>
      </p>
      {anchor && anchor.changes.length > 0 && <Changes changes={anchor.changes} t={t} />}
      <form
        class="edit"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label>
          <span>{t('panelNote')}</span>
          <textarea value={note} rows={3} dir="auto" onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} onKeyDown={onKeyDown} />
        </label>
        <label>
          <span>{t('panelTags')}</span>
          <input type="text" value={tags} dir="auto" onInput={(e) => setTags((e.target as HTMLInputElement).value)} onKeyDown={onKeyDown} />
        </label>
        <div class="buttons">
          <button type="submit" class="save" aria-disabled={!dirty || saving ? 'true' : undefined}>
            {t('panelSave')}
          </button>
          {onReveal && (
            <button type="button" class="reveal" onClick={() => onReveal(id)}>
              {t('panelShow')}
            </button>
          )}
          <button type="button" class="delete" onClick={() => onDelete(id)}>
            {t('panelDelete')}
          </button>
        </div>
        <p class="status" role="status">
          {status}
        </p>
      </form>
    </article>
  );
}

/** "1.640 → 1.650" per changed figure or code; page text in <bdi>. */
export function Changes({ changes, t }: { changes: readonly FigureChange[]; t: Translate }) {
  return (
    <div class="changes">
      <p>{t('panelChangedIn')}</p>
      <ul>
        {changes.map((c, i) => (
          <li key={i} class={`change ${c.kind}`}>
            {c.before !== null && c.after !== null ? (
              <>
                <bdi class="before">{c.before}</bdi> → <bdi class="after">{c.after}</bdi>
              </>
            ) : c.after !== null ? (
              <>
                {t('noticeAdded')} <bdi class="after">{c.after}</bdi>
              </>
            ) : (
              <>
                {t('noticeRemoved')} <bdi class="before">{c.before}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
