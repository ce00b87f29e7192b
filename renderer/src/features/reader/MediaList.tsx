// Photos, videos and files of an item. Files the export left out are named as such, not hidden:
// an analyst must know that a post had a photo, even without the photo.
import { useState } from 'react';
import type { ItemMedia } from '../../../../shared/domain';
import { mediaUrl } from '../../bridge';

const IMAGE = new Set(['photo', 'image', 'sticker']);
const VIDEO = new Set(['video', 'animation']);
const AUDIO = new Set(['audio', 'voice']);

function MediaView({ media }: { media: ItemMedia }) {
  const [undecodable, setUndecodable] = useState(false);
  const name = media.name ?? media.kind;
  if (media.missing || !media.path) {
    return (
      <div className="media media--missing" data-testid="media-missing">
        <span className="media__kind">{media.kind}</span>
        <span>file not included in the export</span>
        {media.name && !media.name.startsWith('(') && <span className="media__name">{media.name}</span>}
      </div>
    );
  }
  const src = mediaUrl(media.path);
  if (IMAGE.has(media.kind) && undecodable) {
    return (
      <div className="media media--file" data-testid="media-undecodable">
        <span className="media__kind">{media.kind}</span>
        <span>the file is there but cannot be shown as an image</span>
        <a href={src} target="_blank" rel="noopener noreferrer" download={name}>
          {name}
        </a>
      </div>
    );
  }
  if (IMAGE.has(media.kind)) {
    return (
      <figure className="media media--image">
        <a href={src} target="_blank" rel="noopener noreferrer" title="Open the full image">
          <img src={src} alt={name} loading="lazy" onError={() => setUndecodable(true)} />
        </a>
      </figure>
    );
  }
  if (VIDEO.has(media.kind)) {
    return (
      <figure className="media media--video">
        <video src={src} controls preload="metadata" />
        <figcaption className="media__name">{name}</figcaption>
      </figure>
    );
  }
  if (AUDIO.has(media.kind)) {
    return (
      <figure className="media media--audio">
        <audio src={src} controls preload="metadata" />
        <figcaption className="media__name">{name}</figcaption>
      </figure>
    );
  }
  return (
    <div className="media media--file">
      <span className="media__kind">{media.kind}</span>
      <a href={src} target="_blank" rel="noopener noreferrer" download={name}>
        {name}
      </a>
    </div>
  );
}

export function MediaList({ media }: { media: readonly ItemMedia[] }) {
  if (media.length === 0) return null;
  return (
    <div className="media-list" aria-label="Media">
      {media.map((m, i) => (
        <MediaView key={`${m.path ?? m.name ?? m.kind}-${i}`} media={m} />
      ))}
    </div>
  );
}
