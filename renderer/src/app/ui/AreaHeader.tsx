// The title row of an area. Its heading can take focus (tabIndex -1): the frame moves focus there
// when an area is opened by keyboard, so a screen reader announces where the analyst landed.
import type { ReactNode } from 'react';

export function AreaHeader({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="area-header">
      <div className="area-header__titles">
        <h1 className="area-header__title" tabIndex={-1} data-area-heading="">
          {title}
        </h1>
        {subtitle && <p className="area-header__subtitle">{subtitle}</p>}
      </div>
      {children && <div className="area-header__actions">{children}</div>}
    </header>
  );
}
