// The "?" overlay listing every shortcut, the frame's and those features registered.
import { useEffect, useRef } from 'react';
import { setHelpOpen, useHelpOpen, useShortcutGroups } from './keyboard';
import { CloseIcon } from './ui/icons';
import { Kbd } from './ui/Kbd';

export function KeyboardHelp() {
  const open = useHelpOpen();
  const groups = useShortcutGroups();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => before?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setHelpOpen(false)}>
      <div
        className="modal keyboard-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keyboard-help-title"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={(e) => {
          // Keep Tab inside the dialog: its only control is the Close button.
          if (e.key !== 'Tab') return;
          e.preventDefault();
          dialog.current?.querySelector<HTMLElement>('button')?.focus();
        }}
      >
        <header className="modal__header">
          <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-button" onClick={() => setHelpOpen(false)} aria-label="Close">
            <CloseIcon />
          </button>
        </header>
        <div className="keyboard-help__groups">
          {groups.map((group) => (
            <section key={group.id} className="keyboard-help__group">
              <h3>{group.title}</h3>
              <dl>
                {group.shortcuts.map((s) => (
                  <div key={s.description} className="keyboard-help__row">
                    <dt>{s.description}</dt>
                    <dd>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="keyboard-help__or">or</span>}
                          <Kbd keys={k} />
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="keyboard-help__note">Plain digit keys 1–9 are kept for pinned tags.</p>
      </div>
    </div>
  );
}
