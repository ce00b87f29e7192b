// The Tags area. Until tags exist in the workspace it explains how tagging works; the tagging
// feature adds the tag tree here.
import { AreaHeader } from '../../app/ui/AreaHeader';
import { EmptyState } from '../../app/ui/EmptyState';
import { TagIcon } from '../../app/ui/icons';
import { Kbd } from '../../app/ui/Kbd';
import { navigate } from '../../app/nav';
import { useWorkspaceInfo } from '../../app/workspace';

const count = new Intl.NumberFormat();

export function TagsArea() {
  const counts = useWorkspaceInfo()?.counts;
  const tags = counts?.tags ?? 0;
  const tagged = counts?.item_tags ?? 0;
  return (
    <div className="area__body">
      <AreaHeader
        title="Tags"
        subtitle={
          tags > 0
            ? `${count.format(tags)} tags on ${count.format(tagged)} item links`
            : 'Sort what you find before you write'
        }
      />
      <EmptyState
        icon={<TagIcon size={32} />}
        title={tags > 0 ? 'Tags in this workspace' : 'No tags yet'}
        actions={
          <button type="button" className="button button--primary" onClick={() => navigate('search')}>
            Find something to tag
          </button>
        }
      >
        <ul className="how-to">
          <li>
            Open an item in the Reader or select results in Search, then add a tag with the tag picker — type
            a new name to create it.
          </li>
          <li>
            Pin up to nine tags in Settings and toggle them on the current item with <Kbd keys="1" /> …{' '}
            <Kbd keys="9" />.
          </li>
          <li>
            Nest tags with a slash: <code>Actors/Way Home</code>. Search them with <code>tag:Actors</code>{' '}
            (children included).
          </li>
          <li>Select a passage in the Reader to clip it with a note and its own tags.</li>
        </ul>
      </EmptyState>
    </div>
  );
}
