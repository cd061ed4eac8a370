/**
 * One clipping in full, with its note, tags and colour editable. The draft lives here and
 * is keyed by the clipping's id by the owner, so a refresh of the list (a save in another
 * tab) never throws away what the reader is typing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { entitySummary } from '@/lib/format/entity';
import type { MessageName, Translate } from '@/lib/i18n';
import { formatDay, parseTags, safeHref, tagsText } from '@/lib/library/format';
import { COLOURS, type ClippingPatch, type ClippingView, type Colour } from '@/lib/store';
import { PageText } from './Text';

const COLOUR_LABEL = {
  yellow: 'libraryColourYellow',
  green: 'libraryColourGreen',
  blue: 'libraryColourBlue',
  pink: 'libraryColourPink',
  purple: 'libraryColourPurple',
} as const satisfies Record<Colour, MessageName>;

export interface ClippingDetailProps {
  view: ClippingView;
  t: Translate;
  locale: string;
  onSave(patch: ClippingPatch): Promise<void>;
  onDelete(): void;
  /** Escape or "Back to the list": focus goes back to the list. */
  onClose(): void;
  /** Incremented by the owner to move focus to the note (Enter in the list). */
  focusNote: number;
  /** Text for a failed save, from the owner (which knows the store's error messages). */
  errorText(error: unknown): string;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function ClippingDetail({ view, t, locale, onSave, onDelete, onClose, focusNote, errorText }: ClippingDetailProps) {
  const { clipping, page } = view;
  const [note, setNote] = useState(clipping.note);
  const [tags, setTags] = useState(tagsText(clipping.tags));
  const [colour, setColour] = useState<Colour>(clipping.colour);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // The draft as of the last event, not the last render: a submit that follows an edit
  // before Preact has re-rendered (autofill, automation) must still save the edit.
  const draft = useRef({ note, tags, colour });
  const edit = (change: Partial<typeof draft.current>) => {
    draft.current = { ...draft.current, ...change };
    if (change.note !== undefined) setNote(change.note);
    if (change.tags !== undefined) setTags(change.tags);
    if (change.colour !== undefined) setColour(change.colour);
  };

  useEffect(() => {
    if (focusNote > 0) noteRef.current?.focus();
  }, [focusNote]);

  const submit = (event: Event) => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    const d = draft.current;
    onSave({ note: d.note, tags: parseTags(d.tags), colour: d.colour }).then(
      () => setStatus({ kind: 'saved' }),
      (error: unknown) => setStatus({ kind: 'failed', message: errorText(error) }),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const href = safeHref(page.url);
  const title = page.title ?? t('libraryUntitled');
  const statusText =
    status.kind === 'saving' ? t('librarySaving') : status.kind === 'saved' ? t('librarySavedChanges') : status.kind === 'failed' ? status.message : '';

  return (
    <section class="detail" aria-labelledby="detail-title" onKeyDown={onKeyDown}>
      <h2 id="detail-title">{t('libraryDetail')}</h2>
      <blockquote class={`quote colour-${clipping.colour}`} dir="auto">
        <PageText text={clipping.quote} />
      </blockquote>
      <dl class="facts">
        <div>
          <dt>{t('metaSite')}</dt>
          <dd>
            <PageText text={page.site ?? page.host} />
          </dd>
        </div>
        <div>
          <dt>{t('libraryColPage')}</dt>
          <dd>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={t('libraryOpenPage')}>
                <PageText text={title} />
              </a>
            ) : (
              <PageText text={title} />
            )}
          </dd>
        </div>
        {page.author && (
          <div>
            <dt>{t('metaAuthor')}</dt>
            <dd>
              <PageText text={page.author} />
            </dd>
          </div>
        )}
        {page.publishedAt !== null && (
          <div>
            <dt>{t('metaPublished')}</dt>
            <dd>{formatDay(page.publishedAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('librarySavedAt')}</dt>
          <dd>{formatDay(clipping.createdAt, locale)}</dd>
        </div>
      </dl>
      {clipping.entities.length > 0 && (
        <>
          <h3>{t('libraryEntities')}</h3>
          <ul class="entities">
            {clipping.entities.map((entity) => (
              <li key={`${entity.start}-${entity.end}`} class={entity.kind}>
                <PageText text={entitySummary(entity, t)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="edit" onSubmit={submit}>
        <label for="detail-note">{t('libraryNote')}</label>
        <textarea id="detail-note" ref={noteRef} dir="auto" rows={4} value={note} onInput={(e) => edit({ note: (e.currentTarget as HTMLTextAreaElement).value })} />
        <label for="detail-tags">{t('libraryTags')}</label>
        <input
          id="detail-tags"
          type="text"
          dir="auto"
          value={tags}
          aria-describedby="detail-tags-hint"
          onInput={(e) => edit({ tags: (e.currentTarget as HTMLInputElement).value })}
        />
        <small id="detail-tags-hint">{t('libraryTagsHint')}</small>
        <fieldset class="colours">
          <legend>{t('libraryColour')}</legend>
          {COLOURS.map((c) => (
            <label key={c} class={`colour colour-${c}`}>
              <input type="radio" name="detail-colour" value={c} checked={colour === c} onChange={() => edit({ colour: c })} />
              {t(COLOUR_LABEL[c])}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {t('librarySave')}
          </button>
          <span class="status" role="status">
            {statusText}
          </span>
        </div>
      </form>
      <div class="actions">
        <button type="button" class="danger" onClick={onDelete}>
          {t('libraryDelete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('libraryBackToList')}
        </button>
      </div>
    </section>
  );
}

export function EmptyDetail({ t }: { t: Translate }) {
  return (
    <section class="detail empty" aria-labelledby="detail-title">
      <h2 id="detail-title">{t('libraryDetail')}</h2>
      <p>{t('libraryDetailEmpty')}</p>
    </section>
  );
}
