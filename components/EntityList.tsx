import type { Translate } from '@/lib/i18n';
import type { Entity } from '@/lib/recognize/types';
import { entitySummary } from '@/lib/format/entity';

export interface EntityListProps {
  entities: readonly Entity[];
  t: Translate;
  /** The reader picked an entity (to show it on the page). */
  onPick(entity: Entity): void;
  /** Longest list shown per group: a 1 MB page has thousands, and a popup is not for reading them all. */
  limit?: number;
}

/** The page's entities in two groups, documents then figures, each in text order. */
export function EntityList({ entities, t, onPick, limit = 200 }: EntityListProps) {
  const documents = entities.filter((e) => e.kind === 'document');
  const figures = entities.filter((e) => e.kind === 'figure');
  return (
    <div class="entities">
      <Group title={t('popupDocuments', [String(documents.length)])} items={documents} t={t} onPick={onPick} limit={limit} />
      <Group title={t('popupFigures', [String(figures.length)])} items={figures} t={t} onPick={onPick} limit={limit} />
    </div>
  );
}

function Group({
  title,
  items,
  t,
  onPick,
  limit,
}: {
  title: string;
  items: readonly Entity[];
  t: Translate;
  onPick(entity: Entity): void;
  limit: number;
}) {
  if (items.length === 0) return null;
  const shown = items.slice(0, limit);
  return (
    <section>
      <h2>{title}</h2>
      <ul>
        {shown.map((entity) => {
          const summary = entitySummary(entity, t);
          return (
            <li key={entity.start}>
              <button type="button" class={`entity ${entity.kind}`} onClick={() => onPick(entity)}>
                <span class="summary">{summary}</span>
                {/* The text as written, unless the summary already starts with it ("47 hộ · Count"). */}
                {!summary.startsWith(entity.text) && <span class="text">{entity.text}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {items.length > shown.length && <p class="more">{t('popupMore', [String(items.length - shown.length)])}</p>}
    </section>
  );
}
