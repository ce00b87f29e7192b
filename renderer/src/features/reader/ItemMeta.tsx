// Where an item comes from and when: the facts an analyst cites.
import type { ItemDetail } from '../../../../shared/domain';
import { ItemTime } from '../search/ItemTime';
import { kindLabel, languageLabel } from '../search/labels';
import { ExternalLink } from './ExternalLink';

export function ItemMeta({ item }: { item: ItemDetail }) {
  const permalinkOk = item.url !== null && /^https?:\/\//i.test(item.url.trim());
  return (
    <dl className="item-meta" data-testid="item-meta">
      <dt>Source</dt>
      <dd>
        {item.source} <span className="muted">({item.sourceKind})</span>
      </dd>
      {item.channel && (
        <>
          <dt>Channel</dt>
          <dd>{item.channel}</dd>
        </>
      )}
      {item.author && item.author !== item.channel && (
        <>
          <dt>Author</dt>
          <dd>{item.author}</dd>
        </>
      )}
      <dt>Published</dt>
      <dd>
        <ItemTime ms={item.publishedAt} zoneUnknown={item.timeZoneUnknown} />
      </dd>
      {item.editedAt !== null && (
        <>
          <dt>Edited</dt>
          <dd>
            <ItemTime ms={item.editedAt} zoneUnknown={item.timeZoneUnknown} />
          </dd>
        </>
      )}
      <dt>Language</dt>
      <dd>{languageLabel(item.lang)}</dd>
      <dt>Kind</dt>
      <dd>{kindLabel(item.kind)}</dd>
      {item.forwardedFrom && (
        <>
          <dt>Forwarded from</dt>
          <dd>{item.forwardedFrom}</dd>
        </>
      )}
      {item.url && (
        <>
          <dt>Permalink</dt>
          <dd className="item-meta__url">
            {permalinkOk ? (
              <ExternalLink href={item.url} />
            ) : (
              <span title="Not a web address; not opened">{item.url}</span>
            )}
          </dd>
        </>
      )}
      <dt>Id</dt>
      <dd className="muted">
        {item.externalId} · #{item.id}
      </dd>
    </dl>
  );
}
