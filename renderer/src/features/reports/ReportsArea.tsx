// The Reports area. Reports are built from tagged material, so until something is tagged it
// says so and points to tagging; the reports feature adds the builder here.
import { AreaHeader } from '../../app/ui/AreaHeader';
import { EmptyState } from '../../app/ui/EmptyState';
import { ReportIcon } from '../../app/ui/icons';
import { navigate } from '../../app/nav';
import { useWorkspaceInfo } from '../../app/workspace';

export function ReportsArea() {
  const tagged = useWorkspaceInfo()?.counts.item_tags ?? 0;
  return (
    <div className="area__body">
      <AreaHeader title="Reports" subtitle="Tagged material as a document an editor can read" />
      <EmptyState
        icon={<ReportIcon size={32} />}
        title={tagged > 0 ? 'Build a report from your tags' : 'Reports need tags first'}
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => navigate('tags')}>
              How to tag
            </button>
            <button type="button" className="button" onClick={() => navigate('search')}>
              Go to Search
            </button>
          </>
        }
      >
        <p>
          A report gathers the items and clips under the tags you choose, with their sources, dates, notes and
          translations, and exports them as HTML, DOCX or PDF.
        </p>
        {tagged === 0 && <p className="muted">Nothing in this workspace is tagged yet.</p>}
      </EmptyState>
    </div>
  );
}
