// A snippet with its matched words in <mark>, built from the highlight ranges as text nodes —
// never as HTML, so nothing in an archive can inject markup here.
import type { Highlight } from '../../../../shared/domain';
import { highlightSegments } from './highlight';

export function Snippet({
  text,
  highlights,
  className,
}: {
  text: string;
  highlights: readonly Highlight[];
  className?: string;
}) {
  return (
    <p className={className ?? 'snippet'}>
      {highlightSegments(text, highlights).map((seg, i) =>
        seg.marked ? <mark key={i}>{seg.text}</mark> : seg.text,
      )}
    </p>
  );
}
