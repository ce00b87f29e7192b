// Facet counts over the whole result. A click adds `field:value` to the query; a second click on
// an active value takes it out again — the query box always shows what is being filtered.
import { useState } from 'react';
import type { FacetValue, SearchFacets } from '../../../../shared/domain';
import { formatCount } from './time';
import { hasFieldFilter, type FilterField } from './queryEdit';
import { kindLabel, languageLabel } from './labels';

const GROUPS: { field: FilterField & keyof SearchFacets; title: string }[] = [
  { field: 'channel', title: 'Channel' },
  { field: 'source', title: 'Source' },
  { field: 'lang', title: 'Language' },
  { field: 'kind', title: 'Kind' },
  { field: 'tag', title: 'Tag' },
  { field: 'author', title: 'Author' },
];

const SHOWN = 8;

function displayLabel(field: FilterField, v: FacetValue): string {
  if (field === 'kind') return kindLabel(v.value);
  if (field === 'lang') return languageLabel(v.value);
  return v.label || v.value;
}

interface Props {
  facets: SearchFacets;
  query: string;
  onToggle(field: FilterField, value: string): void;
}

export function FacetPanel({ facets, query, onToggle }: Props) {
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set());
  const groups = GROUPS.filter((g) => facets[g.field].length > 0);
  if (groups.length === 0) return null;
  return (
    <aside className="facets" aria-label="Filter by">
      {groups.map(({ field, title }) => {
        const values = facets[field];
        const showAll = openGroups.has(field);
        const shown = showAll ? values : values.slice(0, SHOWN);
        return (
          <section key={field} className="facets__group" data-facet={field}>
            <h3 className="facets__title">{title}</h3>
            <ul className="facets__values">
              {shown.map((v) => {
                const active = hasFieldFilter(query, field, v.value);
                const label = displayLabel(field, v);
                return (
                  <li key={v.value}>
                    <button
                      type="button"
                      className={`facets__value${active ? ' is-active' : ''}`}
                      aria-pressed={active}
                      title={
                        active
                          ? `Remove ${field}:${v.value} from the query`
                          : `Add ${field}:${v.value} to the query`
                      }
                      onClick={() => onToggle(field, v.value)}
                    >
                      <span className="facets__label">{label}</span>
                      <span className="facets__count">{formatCount(v.count)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {values.length > SHOWN && (
              <button
                type="button"
                className="facets__more"
                onClick={() =>
                  setOpenGroups((s) => {
                    const next = new Set(s);
                    if (next.has(field)) next.delete(field);
                    else next.add(field);
                    return next;
                  })
                }
              >
                {showAll ? 'Show fewer' : `Show all ${formatCount(values.length)}`}
              </button>
            )}
          </section>
        );
      })}
    </aside>
  );
}
