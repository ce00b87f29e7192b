import { decodeBasicEntities, htmlToText } from './html-text';

describe('htmlToText', () => {
  it('separates paragraphs by one blank line and collapses whitespace inside them', () => {
    expect(
      htmlToText(
        '<div><h2> Title </h2>\n<p>One\n   two <b>three</b></p><p>Line<br>break</p><ul><li>a</li><li>b</li></ul></div>',
      ),
    ).toBe('Title\n\nOne two three\n\nLine\nbreak\n\na\n\nb');
  });

  it('keeps preformatted text and skips scripts and styles', () => {
    expect(
      htmlToText('<pre>a  b\n  c</pre><script>x()</script><style>p{}</style><p>&amp; &lt;tag&gt;</p>'),
    ).toBe('a  b\n  c\n\n& <tag>');
  });
});

describe('decodeBasicEntities', () => {
  it('decodes the XML names, &nbsp; and numeric references only', () => {
    expect(
      decodeBasicEntities('&amp; &lt; &gt; &quot; &#39; &#x1F9F5; &#1046; &nbsp; &hellip; &#0; &amp;amp;'),
    ).toBe('& < > " \' 🧵 Ж \u00a0 &hellip; &#0; &amp;');
  });
});
