// The Reports area: the builder on the left, the live preview (the exported HTML itself) on the
// right, export buttons above it. The preview follows every change after a short pause; an answer
// that arrives after a newer request was sent is dropped.
import { useEffect, useMemo, useState } from 'react';
import type { ReportPreview as Preview } from '../../../../shared/api/reports';
import { call, subscribe } from '../../app/api';
import { navigate } from '../../app/nav';
import { AreaHeader } from '../../app/ui/AreaHeader';
import { Banner } from '../../app/ui/Banner';
import { EmptyState } from '../../app/ui/EmptyState';
import { ReportIcon } from '../../app/ui/icons';
import { useWorkspaceInfo } from '../../app/workspace';
import { ReportBuilder } from './ReportBuilder';
import { ReportPreview } from './ReportPreview';
import { ExportBar } from './ExportBar';
import { toSpec, useReportDraft } from './draft';
import './reports.css';

const PREVIEW_DELAY_MS = 350;
const count = new Intl.NumberFormat();

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last: Preview | null }
  | { status: 'ready'; preview: Preview }
  | { status: 'error'; message: string };

let generation = 0;

function usePreview(specJson: string | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  // Tagging, translating or importing elsewhere changes what the report holds: refresh then.
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const bump = () => setChanges((n) => n + 1);
    const offs = [
      subscribe('tags.changed', bump),
      subscribe('translate.updated', bump),
      subscribe('workspace.changed', bump),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  useEffect(() => {
    if (specJson === null) {
      generation++;
      setState({ status: 'idle' });
      return;
    }
    const mine = ++generation;
    setState((s) => ({
      status: 'loading',
      last: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.last : null,
    }));
    const timer = setTimeout(() => {
      void call('reports.preview', { spec: JSON.parse(specJson) as never }).then((result) => {
        if (mine !== generation) return;
        setState(
          result.ok
            ? { status: 'ready', preview: result.value }
            : { status: 'error', message: result.error.message },
        );
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [specJson, changes]);
  return state;
}

function PreviewPane({ state }: { state: PreviewState }) {
  if (state.status === 'idle') {
    return (
      <EmptyState icon={<ReportIcon size={32} />} title="Choose what goes into the report">
        <p>
          Tick one or more tags, pick a saved search or type a query, or set a date range. The preview appears
          here.
        </p>
      </EmptyState>
    );
  }
  if (state.status === 'error')
    return <Banner kind="error">The preview could not be made: {state.message}</Banner>;
  const preview = state.status === 'ready' ? state.preview : state.last;
  return (
    <>
      <p className="report-preview__summary" role="status" aria-live="polite">
        {state.status === 'loading'
          ? 'Updating the preview…'
          : `${count.format(preview!.items)} ${preview!.items === 1 ? 'item' : 'items'}, ${count.format(preview!.clips)} ${preview!.clips === 1 ? 'clip' : 'clips'}`}
      </p>
      {preview?.warnings.map((w) => (
        <Banner key={w} kind="warning">
          {w}
        </Banner>
      ))}
      {preview && <ReportPreview html={preview.html} css={preview.css} />}
    </>
  );
}

export function ReportsArea() {
  const draft = useReportDraft();
  const spec = useMemo(() => toSpec(draft), [draft]);
  const specJson = spec ? JSON.stringify(spec) : null;
  const state = usePreview(specJson);
  const tagged = useWorkspaceInfo()?.counts.item_tags ?? 0;

  return (
    <div className="area__body reports-area">
      <AreaHeader title="Reports" subtitle="Tagged material as a document an editor can read">
        <ExportBar spec={spec} />
      </AreaHeader>
      {tagged === 0 && (
        <Banner kind="info">
          Nothing is tagged yet: a report is usually built from tags.{' '}
          <button type="button" className="link-button" onClick={() => navigate('search')}>
            Go to Search
          </button>
        </Banner>
      )}
      <div className="reports-area__panes">
        <ReportBuilder />
        <section className="report-preview" aria-label="Preview">
          <PreviewPane state={state} />
        </section>
      </div>
    </div>
  );
}
