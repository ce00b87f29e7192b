// A translated sentence's text with its links, hashtags and mentions clickable. Each piece carries
// `data-offset` (its start in the item's translated text) so that selections on the translation
// map back to offsets (clips on the translation, highlights) exactly as on the original.
import { ExternalLink } from '../reader/ExternalLink';
import { linkify } from './linkify';

interface Props {
  text: string;
  /** Where this sentence starts in ItemTranslation.text. */
  base: number;
  onSearch(query: string): void;
}

export function SentenceText({ text, base, onSearch }: Props) {
  return (
    <>
      {linkify(text).map((run) => {
        const piece = <span data-offset={base + run.start}>{run.text}</span>;
        const target = run.target;
        if (!target) return <span key={run.start}>{piece}</span>;
        if (target.kind === 'url') {
          return (
            <ExternalLink key={run.start} href={target.href} className="entity-link">
              {piece}
            </ExternalLink>
          );
        }
        const query = target.kind === 'hashtag' ? target.tag : target.name;
        return (
          <button
            key={run.start}
            type="button"
            className={`entity-${target.kind}`}
            title={`Search for ${query}`}
            onClick={() => onSearch(query)}
          >
            {piece}
          </button>
        );
      })}
    </>
  );
}
