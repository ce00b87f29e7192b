// Asked when a CSV's headers are not a known set: which column holds the text, the title, the
// date… The analyst's choice goes to the import as its column mapping.
import { useState } from 'react';
import type { CsvInspection } from '../../../../shared/domain';
import { finishMapping } from './importFlow';

const FIELD_LABELS: Record<string, string> = {
  text: 'Text',
  title: 'Headline / title',
  date: 'Date',
  url: 'URL',
  source: 'Source',
  author: 'Author',
  lang: 'Language',
  id: 'Id',
};

export function CsvMappingDialog({ inspections }: { inspections: CsvInspection[] }) {
  const [maps, setMaps] = useState<Record<string, string>[]>(() =>
    inspections.map((i) => ({ ...i.mapping })),
  );
  const fieldsOf = (i: CsvInspection): string[] => [
    ...new Set([...i.missing, ...Object.keys(i.mapping), ...Object.keys(FIELD_LABELS)]),
  ];
  const complete = inspections.every((i, n) => i.missing.every((f) => maps[n]?.[f]));
  // One map for the import: the fields of every file merged (files of one drop share a layout).
  const merged = Object.assign({}, ...maps) as Record<string, string>;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="csv-mapping-title">
        <header className="modal__header">
          <h2 id="csv-mapping-title">Which columns hold what?</h2>
        </header>
        {inspections.map((inspection, n) => (
          <fieldset key={inspection.file} className="csv-mapping">
            <legend>{inspection.file}</legend>
            {fieldsOf(inspection).map((field) => (
              <label key={field} className="csv-mapping__row">
                <span>
                  {FIELD_LABELS[field] ?? field}
                  {inspection.missing.includes(field) && <span aria-hidden="true"> *</span>}
                </span>
                <select
                  className="select"
                  value={maps[n]?.[field] ?? ''}
                  aria-required={inspection.missing.includes(field)}
                  onChange={(e) => {
                    const value = e.target.value;
                    setMaps((all) =>
                      all.map((m, k) => {
                        if (k !== n) return m;
                        const next = { ...m };
                        if (value) next[field] = value;
                        else delete next[field];
                        return next;
                      }),
                    );
                  }}
                >
                  <option value="">(none)</option>
                  {inspection.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {inspection.sample[0] && (
              <p className="muted csv-mapping__sample">
                First row:{' '}
                {Object.entries(inspection.sample[0])
                  .slice(0, 4)
                  .map(([k, v]) => `${k}: ${v.slice(0, 40)}`)
                  .join(' · ')}
              </p>
            )}
          </fieldset>
        ))}
        <div className="csv-mapping__actions">
          <button type="button" className="button" onClick={() => void finishMapping(undefined)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!complete}
            onClick={() => void finishMapping(merged)}
          >
            Import
          </button>
        </div>
      </div>
    </div>
  );
}
