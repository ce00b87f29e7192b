// A link out of the app: http(s) (and mailto) only, opened in the system browser. In a browser tab
// that is a new tab without a window.opener; in the app the main process turns the new-window
// request into shell.openExternal after checking the URL again.
import type { ReactNode } from 'react';
import { safeHref } from './entities';

export function ExternalLink({
  href,
  children,
  className,
}: {
  href: string;
  children?: ReactNode;
  className?: string;
}) {
  const safe = safeHref(href);
  if (!safe || !/^https?:|^mailto:/i.test(href.trim()))
    return <span className={className}>{children ?? href}</span>;
  return (
    <a className={className} href={safe} target="_blank" rel="noopener noreferrer" title={safe}>
      {children ?? href}
    </a>
  );
}
