// A full-width message above the content (a corrupt settings file, an unreachable back end).
import type { ReactNode } from 'react';
import { CloseIcon, InfoIcon, WarningIcon } from './icons';

export function Banner({
  kind = 'warning',
  children,
  onDismiss,
}: {
  kind?: 'warning' | 'error' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
}) {
  return (
    <div className={`banner banner--${kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {kind === 'info' ? <InfoIcon className="banner__icon" /> : <WarningIcon className="banner__icon" />}
      <div className="banner__text">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss">
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
