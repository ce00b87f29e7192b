// The tag tree with a checkbox per tag: the report holds the items of every checked tag (and of
// the tags under it, when "Include sub-tags" is on).
import type { TagNode } from '../../../../shared/domain';

const count = new Intl.NumberFormat();

export function TagChecklist({
  tags,
  checked,
  withChildren,
  onToggle,
}: {
  tags: readonly TagNode[];
  checked: readonly number[];
  withChildren: boolean;
  onToggle: (id: number) => void;
}) {
  if (tags.length === 0)
    return <p className="muted">No tags yet: tag items in Search or the Reader first.</p>;
  return (
    <ul className="report-tags" aria-label="Tags">
      {tags.map((tag) => {
        const n = withChildren ? tag.totalCount : tag.count;
        return (
          <li key={tag.id} className="report-tags__row" style={{ paddingInlineStart: `${tag.depth * 16}px` }}>
            <label title={tag.path}>
              <input type="checkbox" checked={checked.includes(tag.id)} onChange={() => onToggle(tag.id)} />
              <span className="report-tags__dot" aria-hidden="true" style={{ background: tag.color }} />
              <span className="report-tags__name">{tag.name}</span>
              <span className="report-tags__count">{count.format(n)}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
