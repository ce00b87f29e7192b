// The report builder's form: what goes in (tags, a saved search or a query, dates, clipped only),
// the order, what each entry shows, and the title, author and summary.
import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';
import { reportGroupings, type ReportGrouping } from '../../../../shared/api/reports';
import { useTags } from '../tags/tagsStore';
import { trackSaved, useSavedSearches } from '../search/savedSearches';
import { TagChecklist } from './TagChecklist';
import { toggleTag, updateDraft, updateShow, useReportDraft, type TranslationLayout } from './draft';

const GROUP_LABELS: Record<ReportGrouping, string> = {
  none: 'Chronological',
  tag: 'By tag',
  source: 'By source',
  day: 'By day',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="report-builder__section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="report-builder__check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function ReportBuilder() {
  const draft = useReportDraft();
  const { tags } = useTags();
  const { list: saved } = useSavedSearches();
  const id = useId();
  useEffect(() => trackSaved(), []);

  return (
    <form className="report-builder" aria-label="Report settings" onSubmit={(e) => e.preventDefault()}>
      <Section title="Report">
        <label className="report-builder__field" htmlFor={`${id}-title`}>
          Title
        </label>
        <input
          id={`${id}-title`}
          className="input"
          value={draft.title}
          maxLength={300}
          onChange={(e) => updateDraft({ title: e.target.value })}
        />
        <label className="report-builder__field" htmlFor={`${id}-author`}>
          Author
        </label>
        <input
          id={`${id}-author`}
          className="input"
          value={draft.author}
          maxLength={200}
          onChange={(e) => updateDraft({ author: e.target.value })}
        />
        <label className="report-builder__field" htmlFor={`${id}-summary`}>
          Summary
        </label>
        <textarea
          id={`${id}-summary`}
          className="input report-builder__summary"
          rows={4}
          value={draft.summary}
          maxLength={50_000}
          placeholder="What the editor should take from this report"
          onChange={(e) => updateDraft({ summary: e.target.value })}
        />
      </Section>

      <Section title="Tags">
        <Check
          label="Include sub-tags"
          checked={draft.withChildren}
          onChange={(withChildren) => updateDraft({ withChildren })}
        />
        <TagChecklist
          tags={tags}
          checked={draft.tagIds}
          withChildren={draft.withChildren}
          onToggle={(tagId) => updateDraft({ tagIds: toggleTag(useReportDraft.getState().tagIds, tagId) })}
        />
      </Section>

      <Section title="Search">
        <label className="report-builder__field" htmlFor={`${id}-saved`}>
          Saved search
        </label>
        <select
          id={`${id}-saved`}
          className="select"
          value={draft.savedId ?? ''}
          onChange={(e) => updateDraft({ savedId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">None</option>
          {saved.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="report-builder__field" htmlFor={`${id}-query`}>
          Query
        </label>
        <input
          id={`${id}-query`}
          className="input input--mono"
          value={draft.query}
          placeholder="e.g. мобилизованных lang:ru"
          onChange={(e) => updateDraft({ query: e.target.value })}
        />
        <div className="report-builder__dates">
          <label>
            From
            <input
              type="date"
              className="input"
              value={draft.from}
              onChange={(e) => updateDraft({ from: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              className="input"
              value={draft.to}
              onChange={(e) => updateDraft({ to: e.target.value })}
            />
          </label>
        </div>
        <Check
          label="Only clipped passages"
          checked={draft.clippedOnly}
          onChange={(clippedOnly) => updateDraft({ clippedOnly })}
        />
      </Section>

      <Section title="Order">
        <div className="segmented" role="radiogroup" aria-label="Grouping">
          {reportGroupings.map((g) => (
            <label key={g} className="segmented__option">
              <input
                type="radio"
                name={`${id}-group`}
                checked={draft.groupBy === g}
                onChange={() => updateDraft({ groupBy: g })}
              />
              <span>{GROUP_LABELS[g]}</span>
            </label>
          ))}
        </div>
        <Check
          label="Newest first"
          checked={draft.newestFirst}
          onChange={(newestFirst) => updateDraft({ newestFirst })}
        />
      </Section>

      <Section title="Each entry shows">
        <Check label="Original text" checked={draft.show.text} onChange={(text) => updateShow({ text })} />
        <label className="report-builder__field" htmlFor={`${id}-translation`}>
          Translation
        </label>
        <select
          id={`${id}-translation`}
          className="select"
          value={draft.show.translation}
          onChange={(e) => updateShow({ translation: e.target.value as TranslationLayout })}
        >
          <option value="none">None</option>
          <option value="after">After the original</option>
          <option value="side-by-side">Side by side</option>
        </select>
        <Check
          label="Clips with their notes"
          checked={draft.show.clips}
          onChange={(clips) => updateShow({ clips })}
        />
        <Check label="The item’s note" checked={draft.show.note} onChange={(note) => updateShow({ note })} />
        <Check
          label="Media thumbnails"
          checked={draft.show.media}
          onChange={(media) => updateShow({ media })}
        />
        <Check
          label="Metadata and permalink"
          checked={draft.show.metadata}
          onChange={(metadata) => updateShow({ metadata })}
        />
        <Check
          label="Overview (counts, timeline)"
          checked={draft.show.overview}
          onChange={(overview) => updateShow({ overview })}
        />
        <Check
          label="CSV: one row per clip"
          checked={draft.csvRows === 'clip'}
          onChange={(perClip) => updateDraft({ csvRows: perClip ? 'clip' : 'item' })}
        />
      </Section>
    </form>
  );
}
