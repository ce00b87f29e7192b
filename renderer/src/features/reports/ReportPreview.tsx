// The live preview: the exported HTML itself, in a sandboxed iframe (no script may run in it).
// The srcdoc document inherits the app's CSP, which refuses inline <style>, so the report's <style>
// is taken out and its CSS adopted as a constructed stylesheet; the preview still looks exactly
// like the exported file. Links do not navigate the frame: fragments scroll, others do nothing.
import { useCallback, useMemo, useRef } from 'react';

/** The report without its <style> element (the only one: every archive text in it is escaped). */
export function withoutInlineStyle(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '');
}

export function ReportPreview({ html, css }: { html: string; css: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const srcDoc = useMemo(() => withoutInlineStyle(html), [html]);

  const onLoad = useCallback(() => {
    const win = frame.current?.contentWindow as (Window & typeof globalThis) | null | undefined;
    const doc = frame.current?.contentDocument;
    if (!win || !doc) return;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
    doc.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#'))
        doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'start' });
    });
  }, [css]);

  return (
    <iframe
      ref={frame}
      className="report-preview__frame"
      title="Report preview"
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
      onLoad={onLoad}
    />
  );
}
