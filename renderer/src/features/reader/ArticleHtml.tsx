// An article's HTML, after the renderer's own sanitizer (sanitize.ts). The sanitized nodes are
// adopted into the page as they are — no string round trip through innerHTML that could be
// re-parsed differently.
import { useLayoutEffect, useRef } from 'react';
import { articleSanitizer } from './sanitize';

export function ArticleHtml({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.replaceChildren(articleSanitizer().toFragment(html));
  }, [html]);
  return <div ref={ref} className="article-html" data-reader-text="article" />;
}
