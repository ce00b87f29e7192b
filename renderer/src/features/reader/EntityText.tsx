// An item's text with its formatting and links, as React elements (never HTML). Hashtags and
// mentions search for themselves; links open outside the app.
import type { ReactNode } from 'react';
import type { ItemEntity } from '../../../../shared/domain';
import { entityRuns, type Piece } from './entities';
import { ExternalLink } from './ExternalLink';

const STYLE_TAGS: Record<string, (children: ReactNode) => ReactNode> = {
  bold: (c) => <strong>{c}</strong>,
  italic: (c) => <em>{c}</em>,
  underline: (c) => <u>{c}</u>,
  strikethrough: (c) => <s>{c}</s>,
  code: (c) => <code>{c}</code>,
  pre: (c) => <code className="entity-pre">{c}</code>,
  spoiler: (c) => <span className="entity-spoiler">{c}</span>,
  blockquote: (c) => <span className="entity-quote">{c}</span>,
};

function PieceView({ piece }: { piece: Piece }) {
  let node: ReactNode = piece.text;
  for (const style of piece.styles) node = STYLE_TAGS[style]?.(node) ?? node;
  return <span data-offset={piece.start}>{node}</span>;
}

interface Props {
  text: string;
  entities: readonly ItemEntity[];
  /** Called with "#hashtag" or "@mention" when one is clicked. */
  onSearch(query: string): void;
}

export function EntityText({ text, entities, onSearch }: Props) {
  const runs = entityRuns(text, entities);
  return (
    <div className="entity-text" data-reader-text="original">
      {runs.map((run, i) => {
        const pieces = run.pieces.map((p) => <PieceView key={p.start} piece={p} />);
        const target = run.target;
        if (!target) return <span key={i}>{pieces}</span>;
        if (target.kind === 'url') {
          return (
            <ExternalLink key={i} href={target.href} className="entity-link">
              {pieces}
            </ExternalLink>
          );
        }
        const query = target.kind === 'hashtag' ? target.tag : target.name;
        return (
          <button
            key={i}
            type="button"
            className={`entity-${target.kind}`}
            title={`Search for ${query}`}
            onClick={() => onSearch(query)}
          >
            {pieces}
          </button>
        );
      })}
    </div>
  );
}
