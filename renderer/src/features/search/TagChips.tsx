// Tags as small coloured chips (search hits, the Reader). The colour is the tag's own; anything
// that is not a plain hex colour falls back to the neutral chip colour.
import type { CSSProperties } from 'react';
import type { TagRef } from '../../../../shared/domain';

const HEX = /^#[0-9a-f]{3,8}$/i;

export function TagChips({
  tags,
  onTagClick,
}: {
  tags: readonly TagRef[];
  onTagClick?: (tag: TagRef) => void;
}) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tags.map((tag) => {
        const style = HEX.test(tag.color) ? ({ '--tag-color': tag.color } as CSSProperties) : undefined;
        const body = (
          <>
            <span className="tag-chip__dot" aria-hidden="true" />
            {tag.name}
          </>
        );
        return (
          <li key={tag.id} className="tag-chip" style={style} title={tag.path}>
            {onTagClick ? (
              <button type="button" className="tag-chip__button" onClick={() => onTagClick(tag)}>
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}
