import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { sanitizeHtml } from './sanitize';

/** Every attribute of every element of a fragment, as [tag, name, value]. */
function attributes(html: string): [string, string, string][] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const out: [string, string, string][] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    for (const attr of Array.from(element.attributes))
      out.push([element.tagName.toLowerCase(), attr.name, attr.value]);
  }
  return out;
}

describe('sanitizeHtml', () => {
  it('keeps document structure and safe links', () => {
    expect(
      sanitizeHtml(
        '<h2>Title</h2><p>One <b>bold</b> <a href="https://a.example/x" title="t">link</a></p><ul><li>item</li></ul><blockquote>q</blockquote>',
      ),
    ).toBe(
      '<h2>Title</h2><p>One <b>bold</b> <a href="https://a.example/x" title="t" rel="noopener noreferrer nofollow">link</a></p><ul><li>item</li></ul><blockquote>q</blockquote>',
    );
  });

  it('removes script, style, frames, embeds, forms and their UI text', () => {
    const html = sanitizeHtml(
      '<p>keep</p><script>alert(1)</script><style>p{}</style><iframe src="https://e.example"></iframe><object data="x.swf"></object><embed src="x">' +
        '<form action="https://e.example"><input name="q"><button>Send</button><textarea>secret</textarea><select><option>o</option></select></form><noscript><img src="https://t.example/p"></noscript>',
    );
    expect(html).toBe('<p>keep</p>');
  });

  it('drops event handlers and every remote load: images, srcset, CSS, backgrounds, video posters', () => {
    const html = sanitizeHtml(
      '<p onclick="x()" style="background:url(https://t.example/a.png)">text</p><img src="https://t.example/p.gif" width="1" height="1">' +
        '<picture><source srcset="https://t.example/b.webp"></picture><table background="https://t.example/bg.png"><tr><td>cell</td></tr></table>' +
        '<video poster="https://t.example/v.jpg" src="https://t.example/v.mp4"></video><svg><image href="https://t.example/s.png"/></svg><link rel="stylesheet" href="https://t.example/c.css">',
    );
    expect(html).not.toMatch(/t\.example|onclick|style=|<img|<svg|<video|<link/);
    expect(html).toContain('text');
    expect(html).toContain('<td>cell</td>');
  });

  it('keeps only absolute http(s) and mailto links, resolving relative ones against the page', () => {
    const links = sanitizeHtml(
      '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="file:///etc/passwd">c</a><a href="/rel/path">d</a><a href="mailto:x@y.example">e</a><a href=" JaVaScRiPt:alert(1)">f</a>',
      { baseUrl: 'https://site.example/news/1' },
    );
    expect(
      attributes(links)
        .filter(([, name]) => name === 'href')
        .map(([, , value]) => value),
    ).toEqual(['https://site.example/rel/path', 'mailto:x@y.example']);
    expect(sanitizeHtml('<a href="/rel">d</a>')).toBe('<a>d</a>');
  });

  it('never lets a handler, a script URL or a remote load through, whatever the markup', () => {
    const fragment = fc.constantFrom(
      '<p>',
      '</p>',
      '<a href="javascript:x()">',
      '<a href="https://ok.example/">',
      '</a>',
      '<img src="https://t.example/p.gif">',
      '<script>alert(1)</script>',
      '<div onmouseover="x()">',
      '</div>',
      '<svg onload="x()">',
      '<iframe src="https://e.example">',
      '<style>*{background:url(https://t.example/c)}</style>',
      '<p style="background-image:url(https://t.example/s)">',
      '<math><mi xlink:href="javascript:x()">',
      '<form action="https://e.example">',
      '<<',
      '"',
      "'",
      '>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">',
      '<video poster="https://t.example/v">',
      '<body background="https://t.example/b">',
      'text',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 20 }), (parts) => {
        const clean = sanitizeHtml(parts.join(''));
        for (const [tag, name, value] of attributes(clean)) {
          expect(name.startsWith('on')).toBe(false);
          expect(['src', 'srcset', 'style', 'background', 'poster', 'action', 'xlink:href']).not.toContain(
            name,
          );
          if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/);
          expect(['script', 'style', 'img', 'iframe', 'svg', 'form', 'video', 'math']).not.toContain(tag);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('sanitizeHtml on whole-page forms', () => {
  it('keeps the text of a page wrapped in one <form> (ASP.NET WebForms) while dropping its controls', () => {
    expect(
      sanitizeHtml(
        '<form id="aspnetForm" action="/x"><p>Story text.</p><input type="hidden" value="v"><button>Go</button></form>',
      ),
    ).toBe('<p>Story text.</p>');
  });
});
