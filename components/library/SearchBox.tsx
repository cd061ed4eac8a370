/**
 * The search box. What is typed shows at once; the query goes to the owner (and so to
 * the address and the store) once typing pauses, or at once on Enter.
 */
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { debounce, SEARCH_DEBOUNCE_MS } from '@/lib/library/debounce';

export interface SearchBoxProps {
  /** The query in the address. */
  query: string;
  onQuery(query: string): void;
  t: Translate;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ query, onQuery, t, inputRef }: SearchBoxProps) {
  const [text, setText] = useState(query);
  const latest = useRef(onQuery);
  latest.current = onQuery;
  const debouncer = useMemo(() => debounce<string>((q) => latest.current(q), SEARCH_DEBOUNCE_MS), []);
  useEffect(() => () => debouncer.cancel(), [debouncer]);
  // The address changed from elsewhere (a link, Back, Clear): show its query, unless one is being typed.
  useEffect(() => {
    if (!debouncer.pending) setText(query);
  }, [query, debouncer]);

  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        debouncer.flush();
      }}
    >
      <label for="library-search">{t('librarySearch')}</label>
      <input
        id="library-search"
        ref={inputRef}
        type="search"
        dir="auto"
        autocomplete="off"
        spellcheck={false}
        value={text}
        placeholder={t('librarySearchPlaceholder')}
        aria-describedby="library-search-hint"
        onInput={(e) => {
          const q = (e.currentTarget as HTMLInputElement).value;
          setText(q);
          debouncer.push(q);
        }}
      />
      <small id="library-search-hint">{t('librarySearchHint')}</small>
    </form>
  );
}
