// The toast stack (bottom right). Errors are announced assertively, the rest politely.
import { dismissNotice, useNotices, type Notice } from './notices';
import { CheckIcon, CloseIcon, InfoIcon, WarningIcon } from './ui/icons';

function NoticeIcon({ kind }: { kind: Notice['kind'] }) {
  if (kind === 'success') return <CheckIcon className="notice__icon" />;
  if (kind === 'info') return <InfoIcon className="notice__icon" />;
  return <WarningIcon className="notice__icon" />;
}

export function Notices() {
  const notices = useNotices();
  return (
    <div className="notices" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <NoticeIcon kind={n.kind} />
          <div className="notice__text">
            <p className="notice__title">{n.title}</p>
            {n.message && <p className="notice__message">{n.message}</p>}
          </div>
          <button
            type="button"
            className="icon-button"
            onClick={() => dismissNotice(n.id)}
            aria-label="Dismiss notification"
          >
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
