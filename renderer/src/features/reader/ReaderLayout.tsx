// The Reader's page grid. Slots, so that other features add to it without rearranging it:
//   header   — title and source line
//   toolbar  — actions (context, copies…) followed by extensions' toolbars (tag picker…)
//   original — the item's text, media, poll
//   second   — an optional column beside the original (the translation, side by side)
//   below    — panels under the text (notes, clips)
//   aside    — metadata, links, copies, context
import type { ReactNode } from 'react';

export interface ReaderLayoutProps {
  header: ReactNode;
  toolbar?: ReactNode;
  original: ReactNode;
  second?: ReactNode;
  below?: ReactNode;
  aside?: ReactNode;
}

export function ReaderLayout({ header, toolbar, original, second, below, aside }: ReaderLayoutProps) {
  return (
    <div className="reader">
      <div className="reader__main">
        {header}
        {toolbar && (
          <div className="reader__toolbar" role="toolbar" aria-label="Item actions">
            {toolbar}
          </div>
        )}
        <div className={`reader__columns${second ? ' reader__columns--two' : ''}`}>
          <section className="reader__original" aria-label="Original">
            {original}
          </section>
          {second && (
            <section className="reader__second" aria-label="Second column">
              {second}
            </section>
          )}
        </div>
        {below && <div className="reader__below">{below}</div>}
      </div>
      {aside && (
        <aside className="reader__aside" aria-label="About this item">
          {aside}
        </aside>
      )}
    </div>
  );
}
