// The tag tree: one row per tag with its colour, its item counts (own / with the tags under it),
// clips and pinned key. Keyboard: ↑/↓ move, ←/→ fold and unfold, Enter shows the tag's items in
// Search. Drag a row onto another to move it there, or onto "Top level".
import { useState, type KeyboardEvent } from 'react';
import type { TagNode } from '../../../../shared/domain';
import { tagColorStyle } from './TagPicker';
import { canDrop } from './tagTree';

interface Props {
  tags: readonly TagNode[];
  rows: readonly TagNode[];
  collapsed: ReadonlySet<number>;
  selectedId: number | null;
  onSelect(id: number): void;
  onToggleFold(id: number): void;
  onOpenItems(tag: TagNode): void;
  onMove(id: number, parentId: number | null): void;
}

const count = new Intl.NumberFormat();
const DRAG_TYPE = 'application/x-sifter-tag';

export function TagTreeView({
  tags,
  rows,
  collapsed,
  selectedId,
  onSelect,
  onToggleFold,
  onOpenItems,
  onMove,
}: Props) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | 'top' | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const at = rows.findIndex((r) => r.id === selectedId);
    const row = rows[at];
    const go = (i: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (next) onSelect(next.id);
    };
    if (e.key === 'ArrowDown' || e.key === 'j') go(at + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(rows.length - 1);
    else if (e.key === 'ArrowRight' && row && row.childCount > 0 && collapsed.has(row.id))
      onToggleFold(row.id);
    else if (e.key === 'ArrowLeft' && row) {
      if (row.childCount > 0 && !collapsed.has(row.id)) onToggleFold(row.id);
      else if (row.parentId !== null) onSelect(row.parentId);
      else return;
    } else if (e.key === 'Enter' && row) onOpenItems(row);
    else return;
    e.preventDefault();
  };

  const drop = (target: number | null) => {
    if (dragged !== null && canDrop(tags, dragged, target)) onMove(dragged, target);
    setDragged(null);
    setOver(null);
  };

  return (
    <div className="tag-tree">
      <ul
        className="tag-tree__rows"
        role="tree"
        aria-label="Tags"
        tabIndex={0}
        aria-activedescendant={selectedId !== null ? `tag-row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selectedId === null && rows[0]) onSelect(rows[0].id);
        }}
      >
        {rows.map((tag) => {
          const folded = collapsed.has(tag.id);
          const droppable = dragged !== null && canDrop(tags, dragged, tag.id);
          return (
            <li
              key={tag.id}
              id={`tag-row-${tag.id}`}
              role="treeitem"
              aria-level={tag.depth + 1}
              aria-selected={tag.id === selectedId}
              aria-expanded={tag.childCount > 0 ? !folded : undefined}
              className={`tag-row${tag.id === selectedId ? ' is-selected' : ''}${over === tag.id && droppable ? ' is-drop-target' : ''}`}
              style={{ ...tagColorStyle(tag.color), paddingLeft: `${8 + tag.depth * 16}px` }}
              data-testid="tag-row"
              data-tag-path={tag.path}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, String(tag.id));
                e.dataTransfer.effectAllowed = 'move';
                setDragged(tag.id);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              onDragOver={(e) => {
                if (!droppable) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(tag.id);
              }}
              onDragLeave={() => setOver((o) => (o === tag.id ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                drop(tag.id);
              }}
              onClick={() => onSelect(tag.id)}
              onDoubleClick={() => onOpenItems(tag)}
            >
              <button
                type="button"
                className="tag-row__fold"
                tabIndex={-1}
                aria-hidden={tag.childCount === 0}
                disabled={tag.childCount === 0}
                aria-label={folded ? `Unfold ${tag.path}` : `Fold ${tag.path}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggleFold(tag.id);
                }}
              >
                {tag.childCount > 0 ? (folded ? '▸' : '▾') : ''}
              </button>
              <span className="tag-dot" aria-hidden="true" />
              <span className="tag-row__name" title={tag.path}>
                {tag.name}
              </span>
              {tag.pinnedKey !== null && (
                <kbd className="kbd tag-row__key" title={`Pinned to key ${tag.pinnedKey}`}>
                  {tag.pinnedKey}
                </kbd>
              )}
              {tag.clipCount > 0 && (
                <span className="tag-row__clips" title={`${tag.clipCount} clips`}>
                  ✂ {count.format(tag.clipCount)}
                </span>
              )}
              <button
                type="button"
                className="tag-row__count"
                tabIndex={-1}
                title={
                  tag.childCount > 0
                    ? `${count.format(tag.count)} items tagged ${tag.name} itself; ${count.format(tag.totalCount)} with the tags under it — show them in Search`
                    : `${count.format(tag.count)} items — show them in Search`
                }
                onClick={(e) => {
                  e.stopPropagation();
                  onOpenItems(tag);
                }}
              >
                {count.format(tag.count)}
                {tag.childCount > 0 && (
                  <span className="tag-row__total"> / {count.format(tag.totalCount)}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {dragged !== null && (
        <div
          className={`tag-tree__top${over === 'top' ? ' is-drop-target' : ''}`}
          onDragOver={(e) => {
            if (!canDrop(tags, dragged, null)) return;
            e.preventDefault();
            setOver('top');
          }}
          onDragLeave={() => setOver(null)}
          onDrop={(e) => {
            e.preventDefault();
            drop(null);
          }}
        >
          Drop here to move to the top level
        </div>
      )}
    </div>
  );
}
