// The clips carrying a tag (or a tag under it), newest first, each with its note and a way to the
// item it was cut from. Refetched whenever the tag list is reloaded (every tagging change reloads
// it), never on the raw event: a tag just merged or deleted must not be asked for.
import { useEffect, useState } from 'react';
import type { ClipInfo, TagNode } from '../../../../shared/domain';
import { call } from '../../app/api';
import { navigate } from '../../app/nav';

export function TagClips({ tag }: { tag: TagNode }) {
  const [clips, setClips] = useState<ClipInfo[] | null>(null);

  useEffect(() => {
    let live = true;
    void call('clips.list', { tagId: tag.id }).then((r) => {
      if (live) setClips(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [tag]);

  if (!clips || clips.length === 0) return null;
  return (
    <section className="tag-details__clips" aria-label="Clips with this tag">
      <h3 className="aside-section__title">Clips ({clips.length})</h3>
      <ol className="clip-list">
        {clips.map((clip) => (
          <li key={clip.id} className="clip" data-testid="tag-clip">
            <button
              type="button"
              className="clip__quote"
              title="Open the item in the Reader"
              onClick={() => navigate({ area: 'reader', itemId: clip.itemId })}
            >
              {clip.quote}
            </button>
            {clip.note && <p className="clip__note">{clip.note}</p>}
            {clip.detached && <span className="badge badge--warning">detached</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
