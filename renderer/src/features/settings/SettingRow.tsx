// One labelled row of the settings form: label and help on the left, the control on the right,
// and a line under it for what happened (saved, or why not).
import type { ReactNode } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function SettingRow({
  label,
  htmlFor,
  help,
  state,
  children,
}: {
  label: string;
  htmlFor?: string;
  help?: ReactNode;
  state?: SaveState;
  children: ReactNode;
}) {
  const statusId = htmlFor ? `${htmlFor}-status` : undefined;
  return (
    <div className="setting">
      <div className="setting__label">
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
        {help && <p className="setting__help">{help}</p>}
      </div>
      <div className="setting__control">
        {children}
        <p
          className={`setting__status setting__status--${state?.kind ?? 'idle'}`}
          id={statusId}
          aria-live="polite"
        >
          {state?.kind === 'saved' ? 'Saved' : state?.kind === 'error' ? state.message : ''}
        </p>
      </div>
    </div>
  );
}

export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" id={`settings-${id}`} aria-labelledby={`settings-${id}-title`}>
      <h2 className="settings-section__title" id={`settings-${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
