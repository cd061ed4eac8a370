/**
 * The windowed list of clippings: a listbox whose options are rendered only around the
 * viewport (lib/library/windowing.ts), over a `RowSource` that loads rows in chunks as
 * they come into view. Focus stays on the listbox; the active option is named by
 * `aria-activedescendant` and always rendered, and each option says where it sits in
 * the whole list (`aria-posinset` / `aria-setsize`), which a windowed list must tell
 * screen readers itself.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Translate } from '@/lib/i18n';
import type { RowSource } from '@/lib/library/rows';
import { contentHeight, isNavKey, navigate, pageSize, scrollToReveal, visibleRange, type WindowRange } from '@/lib/library/windowing';
import { ClippingRow } from './ClippingRow';
import { useViewport } from './hooks';

/** Fixed row height in CSS pixels: two lines of quote and one of details (see style.css). */
export const ROW_HEIGHT = 84;

/** Viewport height to assume before the list has been measured (and under tests, where nothing has a size). */
const FALLBACK_HEIGHT = 600;

export interface ClippingListProps {
  source: RowSource;
  /** Bumped by the owner whenever `source` has new rows, to re-render. */
  version: number;
  active: number;
  onActivate(index: number): void;
  /** Enter or a double click: edit the active clipping. */
  onOpen(index: number): void;
  onDelete(index: number): void;
  /** Escape with nothing else to close. */
  onEscape(): void;
  /** The rendered range changed (the owner refreshes these rows after a change elsewhere). */
  onRange?(range: WindowRange): void;
  t: Translate;
  locale: string;
  listRef?: Ref<HTMLDivElement>;
  labelledBy?: string;
  describedBy?: string;
  /** Tests set the viewport height; the page measures it. */
  initialHeight?: number;
}

export function optionId(index: number): string {
  return `clipping-row-${index}`;
}

export function ClippingList(props: ClippingListProps) {
  const { source, active, t, locale } = props;
  const scroller = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useViewport(scroller, props.initialHeight, FALLBACK_HEIGHT);
  const count = source.count;
  const range = visibleRange(viewport, ROW_HEIGHT, count);

  // Ask for the rows in view (the source fetches only what it lacks).
  useEffect(() => {
    void source.ensure(range.start, range.end);
    props.onRange?.(range);
  }, [source, range.start, range.end]);

  // Keep the active row in view when it moves by keyboard (or after a refresh).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || active < 0) return;
    const top = scrollToReveal(active, viewport, ROW_HEIGHT);
    if (top !== viewport.scrollTop) {
      el.scrollTop = top;
      setViewport((v) => ({ ...v, scrollTop: top }));
    }
  }, [active]);

  const onScroll = (event: Event) => {
    const top = (event.currentTarget as HTMLDivElement).scrollTop;
    setViewport((v) => (v.scrollTop === top ? v : { ...v, scrollTop: top }));
  };

  // The latest active row, also across key events handled before the next render.
  const current = useRef(active);
  current.current = active;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const active = current.current;
    if (isNavKey(event.key)) {
      event.preventDefault();
      const next = navigate(event.key, active, count, pageSize(viewport.height, ROW_HEIGHT));
      current.current = next;
      props.onActivate(next);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      props.onOpen(active);
    } else if (event.key === 'Delete' && active >= 0) {
      event.preventDefault();
      props.onDelete(active);
    } else if (event.key === 'Escape') {
      props.onEscape();
    }
  };

  const rows = [];
  for (let i = range.start; i < range.end; i++) {
    const view = source.get(i);
    const isActive = i === active;
    rows.push(
      <div
        key={view ? view.clipping.id : `placeholder-${i}`}
        id={optionId(i)}
        role="option"
        aria-selected={isActive}
        aria-posinset={i + 1}
        aria-setsize={source.total ?? -1}
        aria-busy={view ? undefined : true}
        class={`row${isActive ? ' active' : ''}${view ? ` colour-${view.clipping.colour}` : ' placeholder'}`}
        style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
        data-id={view?.clipping.id}
        onClick={() => props.onActivate(i)}
        onDblClick={() => props.onOpen(i)}
      >
        {view ? <ClippingRow view={view} t={t} locale={locale} /> : <span class="quote">{t('libraryLoading')}</span>}
      </div>,
    );
  }

  const activeRendered = active >= range.start && active < range.end;
  return (
    <div
      ref={(el) => {
        scroller.current = el;
        const r = props.listRef;
        if (typeof r === 'function') r(el);
        else if (r) r.current = el;
      }}
      class="list"
      role="listbox"
      tabIndex={0}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      aria-activedescendant={activeRendered ? optionId(active) : undefined}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div class="spacer" role="presentation" style={{ height: `${contentHeight(count, ROW_HEIGHT)}px` }}>
        {rows}
      </div>
    </div>
  );
}
