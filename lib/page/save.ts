/**
 * A save, once the reader's span is known (lib/page/capture.ts decides that): the
 * clipping made, sent to the archive, the outcome told in the toast, the clipping marked
 * on the page. Part of the clipping kit (entrypoints/clippings.ts), loaded on the first
 * save: the content script itself carries only what shows the button and hears the keys.
 */
import type { Article } from '../article';
import type { StoreFailure } from '../messages';
import type { Entity } from '../recognize/types';
import type { CaptureOptions } from './capture';
import type { ArchiveClient, CaptureKit, SaveOutcome } from './types';

export interface SpanToSave {
  article: Article;
  start: number;
  end: number;
  /** From the selection (which is cleared once saved), not the card. */
  fromSelection: boolean;
  /** Whether the page still shows this article. */
  isCurrent(): boolean;
}

export async function saveSpan(options: CaptureOptions, kit: Pick<CaptureKit, 'assembleClipping' | 'describe'>, span: SpanToSave): Promise<SaveOutcome> {
  const { t, toast, archive } = options;
  const { article, start, end } = span;
  const input = kit.assembleClipping(
    {
      text: article.text,
      start,
      end,
      entities: entitiesFor(options, article, start, end),
      page: {
        location: options.location(),
        canonical: article.url,
        title: article.title,
        published: article.published,
        author: article.author,
        site: article.site,
      },
    },
    kit.describe,
  );
  const reply = archive ? await archive.save(input).catch(() => null) : null;
  if (!reply || !reply.ok) {
    const failure: StoreFailure = reply ?? { ok: false, code: 'unknown', messageKey: 'storeErrorUnknown' };
    toast.error(t(failure.messageKey));
    return { ok: false, reason: 'store', code: failure.code, messageKey: failure.messageKey };
  }
  const { clipping } = reply;
  if (span.isCurrent()) options.clippings.added(clipping);
  // The selection has done its job; without it the clipping's own mark shows.
  if (span.fromSelection) options.doc.getSelection()?.removeAllRanges();
  toastSaved(options, clipping.id, clipping.quote, archive!);
  return { ok: true, id: clipping.id, quote: clipping.quote };
}

/** Entities inside the span: the ones found on the page, or, before the article is fully read, the quote's own. */
function entitiesFor(options: CaptureOptions, article: Article, start: number, end: number): Entity[] {
  const { entities, complete } = options.entities();
  const recognize = options.recognize();
  if (!complete && recognize) {
    try {
      return recognize(article.text.slice(start, end)).map((e) => ({ ...e, start: e.start + start, end: e.end + start }));
    } catch {
      // Fall back to what the page has.
    }
  }
  return [...entities];
}

function toastSaved(options: CaptureOptions, id: string, quote: string, archive: ArchiveClient): void {
  const { t, toast, clippings } = options;
  const problem = (reply: { ok: boolean; messageKey?: string } | null) =>
    reply?.ok ? null : t((reply as StoreFailure | null)?.messageKey ?? 'storeErrorUnknown');
  toast.saved({
    quote,
    onNote: (note) => archive.update(id, { note }).then(problem, () => t('storeErrorUnknown')),
    onUndo: () =>
      archive.remove(id).then(
        (reply) => {
          if (reply.ok) clippings.removed(id);
          return problem(reply);
        },
        () => t('storeErrorUnknown'),
      ),
    ...(options.openPanel ? { onPanel: options.openPanel } : {}),
  });
}
