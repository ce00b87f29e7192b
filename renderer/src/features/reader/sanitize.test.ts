// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import hostileArticle from '../../../../tests/fixtures/hostile/xss-article.html?raw';
import { createArticleSanitizer } from './sanitize';

const sanitizer = createArticleSanitizer();

describe('article sanitizer', () => {
  it('removes scripts, handlers, frames, forms and styles', () => {
    const out = sanitizer.toHtml(
      '<div onclick="steal()">Text<script>alert(1)</script><iframe src="https://evil.example"></iframe>' +
        '<form action="https://evil.example"><input name="q"></form><style>body{background:url(https://t.example/p.gif)}</style>' +
        '<span style="background:url(https://t.example/x)">styled</span><svg><image href="https://t.example/s"/></svg></div>',
    );
    expect(out).toBe('<div>Text<span>styled</span></div>');
  });

  it('loads nothing remote: images lose their source and keep their alt text', () => {
    const out = sanitizer.toHtml(
      '<img src="https://tracker.example/pixel.gif" alt="Families at the Duma" srcset="https://x/1.jpg 2x"><img src="//cdn.example/a.png">',
    );
    expect(out).toContain('alt="Families at the Duma"');
    expect(out).not.toMatch(/https?:|\/\/cdn|srcset/);
    expect(out).toContain('data-remote-image="blocked"');
  });

  it('keeps http(s) links, opening outside the app, and drops other link targets', () => {
    const out = sanitizer.toHtml(
      '<a href="https://news.example/a">ok</a><a href="javascript:alert(1)">js</a><a href="/relative">rel</a>',
    );
    expect(out).toBe(
      '<a href="https://news.example/a" target="_blank" rel="noopener noreferrer">ok</a><a>js</a><a>rel</a>',
    );
  });

  it('neutralises the hostile fixture article', () => {
    const fragment = sanitizer.toFragment(hostileArticle);
    expect(fragment.textContent?.length).toBeGreaterThan(100);
    const box = document.createElement('div');
    box.append(fragment);
    expect(box.querySelector('script, iframe, object, embed, form, style, link, meta, base')).toBeNull();
    for (const el of box.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
      expect(el.getAttribute('src') ?? '').not.toMatch(/^(https?:)?\/\//);
      const href = el.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https?|mailto):/);
    }
  });
});
