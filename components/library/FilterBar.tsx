/**
 * The list's filters: site or province, tag, kind of entity, document code, and the two
 * date ranges. Every change goes straight to the owner (which puts it in the address);
 * the choices for site, province and tag come from the archive's own stats.
 */
import type { Translate } from '@/lib/i18n';
import { isolate } from '@/lib/library/format';
import { activeFilterCount, EMPTY_FILTERS, placeOfHost, placeOfProvince, type LibraryFilters } from '@/lib/library/filters';
import type { ArchiveStats } from '@/lib/store';

export interface FilterBarProps {
  filters: LibraryFilters;
  onChange(next: LibraryFilters): void;
  /** Focus entered the filters (the owner refreshes stale choices). */
  onFocus?(): void;
  stats: ArchiveStats | undefined;
  t: Translate;
}

const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function FilterBar({ filters, onChange, onFocus, stats, t }: FilterBarProps) {
  const set = (key: keyof LibraryFilters) => (event: Event) => onChange({ ...filters, [key]: valueOf(event) });
  const active = activeFilterCount(filters);
  // A value from the address that the stats do not list (yet) stays selectable.
  const placeKnown =
    filters.place === '' ||
    stats?.provinces.some((p) => placeOfProvince(p.province) === filters.place) ||
    stats?.sites.some((s) => placeOfHost(s.host) === filters.place);
  const tagKnown = filters.tag === '' || stats?.tags.some((x) => x.tag === filters.tag);

  return (
    <aside class="filters" aria-labelledby="filters-heading" onFocusIn={onFocus}>
      <h2 id="filters-heading">{active > 0 ? t('libraryFiltersActive', [String(active)]) : t('libraryFilters')}</h2>
      <label for="filter-place">{t('libraryFilterPlace')}</label>
      <select id="filter-place" value={filters.place} onChange={set('place')}>
        <option value="">{t('libraryFilterAny')}</option>
        {!placeKnown && <option value={filters.place}>{isolate(filters.place.replace(/^(host|province):/, ''))}</option>}
        {stats && stats.provinces.length > 0 && (
          <optgroup label={t('libraryFilterProvinces')}>
            {stats.provinces.map((p) => (
              <option key={p.province} value={placeOfProvince(p.province)}>
                {`${isolate(p.province)} (${p.count})`}
              </option>
            ))}
          </optgroup>
        )}
        {stats && stats.sites.length > 0 && (
          <optgroup label={t('libraryFilterSites')}>
            {stats.sites.map((s) => (
              <option key={s.host} value={placeOfHost(s.host)}>
                {`${isolate(s.site ?? s.host)} (${s.count})`}
              </option>
            ))}
          </optgroup>
        )}
      </select>

      <label for="filter-tag">{t('libraryFilterTag')}</label>
      <select id="filter-tag" value={filters.tag} onChange={set('tag')}>
        <option value="">{t('libraryFilterAny')}</option>
        {!tagKnown && <option value={filters.tag}>{isolate(filters.tag)}</option>}
        {stats?.tags.map((x) => (
          <option key={x.tag} value={x.tag}>
            {`${isolate(x.tag)} (${x.count})`}
          </option>
        ))}
      </select>

      <label for="filter-kind">{t('libraryFilterKind')}</label>
      <select id="filter-kind" value={filters.kind} onChange={set('kind')}>
        <option value="">{t('libraryFilterAny')}</option>
        <option value="document">{t('libraryKindDocument')}</option>
        <option value="figure">{t('libraryKindFigure')}</option>
      </select>

      <label for="filter-doc">{t('libraryFilterDoc')}</label>
      <input id="filter-doc" type="text" dir="auto" spellcheck={false} value={filters.doc} placeholder="3307/QĐ-UBND" onChange={set('doc')} />

      <DateRange legend={t('libraryFilterPublished')} idPrefix="filter-published" from={filters.publishedFrom} to={filters.publishedTo} t={t}
        onFrom={set('publishedFrom')} onTo={set('publishedTo')} />
      <DateRange legend={t('libraryFilterSaved')} idPrefix="filter-saved" from={filters.savedFrom} to={filters.savedTo} t={t}
        onFrom={set('savedFrom')} onTo={set('savedTo')} />

      <button type="button" class="clear" disabled={active === 0 && filters.q === ''} onClick={() => onChange({ ...EMPTY_FILTERS })}>
        {t('libraryFilterClear')}
      </button>
    </aside>
  );
}

function DateRange(props: { legend: string; idPrefix: string; from: string; to: string; t: Translate; onFrom(e: Event): void; onTo(e: Event): void }) {
  return (
    <fieldset class="dates">
      <legend>{props.legend}</legend>
      <label for={`${props.idPrefix}-from`}>{props.t('libraryFilterFrom')}</label>
      <input id={`${props.idPrefix}-from`} type="date" value={props.from} max={props.to || undefined} onChange={props.onFrom} />
      <label for={`${props.idPrefix}-to`}>{props.t('libraryFilterTo')}</label>
      <input id={`${props.idPrefix}-to`} type="date" value={props.to} min={props.from || undefined} onChange={props.onTo} />
    </fieldset>
  );
}
