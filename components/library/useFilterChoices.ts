/**
 * The filters' choices (sites, provinces, tags, with counts), from the archive's stats.
 * Read once the list's first rows are on screen, or sooner if the reader goes to the
 * filters first: reading them counts through several indexes, and beside the first query
 * it would hold back the list, which is what the reader opened the page for. After the
 * archive changes they are read again when the reader next goes to the filters, not on
 * every save another tab makes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveStats, Repo } from '@/lib/store';
import { useLoad } from './hooks';

export interface FilterChoices {
  stats: ArchiveStats | undefined;
  /** The archive changed: read the choices again when next wanted. */
  markStale(): void;
  /** Focus entered the filters. */
  onFocus(): void;
}

export function useFilterChoices(repo: Repo, listStarted: boolean): FilterChoices {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!listStarted || wanted) return;
    // After the rows have been painted, not in the same task.
    const timer = setTimeout(() => setWanted(true), 0);
    return () => clearTimeout(timer);
  }, [listStarted, wanted]);
  const stats = useLoad<ArchiveStats | undefined>(() => (wanted ? repo.stats() : Promise.resolve(undefined)), [repo, wanted]);
  const stale = useRef(false);
  return {
    stats: stats.value,
    markStale: () => {
      stale.current = true;
    },
    onFocus: () => {
      setWanted(true);
      if (!stale.current) return;
      stale.current = false;
      stats.reload();
    },
  };
}
