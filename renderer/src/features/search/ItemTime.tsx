// A published time as analysts read it: UTC first, the analyst's own zone beside it when set,
// and a flag when the archive gave a local time without saying which zone.
import { useSettings } from '../../app/settings';
import { describeTime } from './time';

export function ItemTime({ ms, zoneUnknown }: { ms: number | null; zoneUnknown: boolean }) {
  const timeZone = useSettings((s) => s.timeZone);
  if (ms === null) return <span className="item-time item-time--none">no date</span>;
  const { utc, local } = describeTime(ms, timeZone);
  return (
    <span className="item-time" title={local ? `${utc}\n${local}` : utc}>
      <time dateTime={new Date(ms).toISOString()}>{utc}</time>
      {local && <span className="item-time__local">{local}</span>}
      {zoneUnknown && (
        <span
          className="item-time__unknown"
          title="The archive gave a local time without a time zone; it is shown as if it were UTC."
        >
          time zone unknown
        </span>
      )}
    </span>
  );
}
