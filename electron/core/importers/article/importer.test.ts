import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../errors';
import { collect, inputFile } from '../format-testing';
import { articleImporter } from './importer';

const STORY_OPENINGS = [
  'Relatives of Russian troops released a heartfelt message',
  'The group, mainly comprised of wives and mothers',
  'However, their advocacy has not gone unnoticed',
  'The Institute for the Study of War (ISW) think tank',
  'According to a translation by The Moscow Times',
  'The post continued with a poignant question',
  'Recognising the potential impact of public condemnations',
  'Accompanying the message was a video posted on Way Home',
  'The soldier criticised Putin for not allowing troops',
  'During the televised “Direct Line” Q&A session on December 14',
  'Responding to concerns, Putin said',
];

describe('saved web article importer', () => {
  it('imports the saved story with its metadata, every paragraph and no boilerplate', async () => {
    const { sources, items } = await collect(
      articleImporter,
      inputFile('articles/furious-families-front-line.html'),
    );
    expect(sources).toEqual([
      { key: 'site:news.example.com', kind: 'site', name: 'Example Daily', url: 'https://news.example.com' },
    ]);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      sourceKey: 'site:news.example.com',
      kind: 'article',
      externalId: 'https://news.example.com/world/furious-families-russian-troops-putin',
      url: 'https://news.example.com/world/furious-families-russian-troops-putin',
      title: "Furious families of Russian troops tell Vladimir Putin: 'Go to the front line and die'",
      author: 'Staff Reporter',
      channel: 'Example Daily',
      publishedAt: Date.UTC(2023, 11, 26, 14, 5),
      lang: 'en',
    });
    expect(item.timeZoneUnknown).toBeUndefined();

    const paragraphs = item.text.split('\n\n');
    expect(paragraphs).toHaveLength(STORY_OPENINGS.length);
    STORY_OPENINGS.forEach((opening, i) =>
      expect(paragraphs[i]).toMatch(new RegExp(`^${opening.replace(/[()?.]/g, '\\$&')}`)),
    );
    expect(paragraphs[10]).toBe(
      'Responding to concerns, Putin said: “The peace will come when we reach our goals, which remain unchanged — denazification, demilitarisation of Ukraine, and its neutral status.”',
    );
    for (const boilerplate of [
      'READ MORE',
      'Leave a Reply',
      'Previous Story',
      'Next Story',
      'We use cookies',
      'Accept',
      'Home News',
      'Sport',
      'Your email address',
      'Example Daily.',
      'By Staff Reporter',
    ]) {
      expect(item.text).not.toContain(boilerplate);
      expect(item.html).not.toContain(boilerplate);
    }
    // The tracking pixel and every other remote load are gone from the stored HTML.
    expect(item.html).not.toMatch(/tracker\.example\.net|<img|<script|<style|<form|onclick/i);
    expect(item.html).toContain('<p>Relatives of Russian troops released a heartfelt message');
  });

  it('decodes a windows-1251 page declared only in a meta tag', async () => {
    const { sources, items } = await collect(
      articleImporter,
      inputFile('articles/cp1251-wives-kremlin.html'),
    );
    const item = items[0]!;
    expect(item.title).toBe('Жёны мобилизованных вышли к Кремлю');
    expect(item.publishedAt).toBe(Date.UTC(2024, 0, 6, 12, 0));
    expect(item.text.split('\n\n')).toEqual([
      'В субботу около двадцати женщин возложили цветы к Вечному огню у Кремлёвской стены. Участницы движения «Путь домой» требуют демобилизации своих мужей.',
      'Полиция переписала данные участниц, но никого не задержала. Министерство обороны от комментариев отказалось.',
      'Ранее британская разведка сообщала, что Кремль пытался заставить родственников мобилизованных замолчать, предлагая им деньги.',
    ]);
    expect(item.text).not.toMatch(/Главная|Все права защищены/);
    expect(item.extra).toMatchObject({ encoding: 'windows-1251' });
    // No address in the page: the item is identified by its content, under the address-less site.
    expect(sources[0]?.key).toBe('site:unknown');
    expect(item.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(item.url).toBeNull();
  });

  it('decodes a KOI8-R page declared in a meta http-equiv', async () => {
    const { items } = await collect(articleImporter, inputFile('articles/koi8r-relatives-duma.html'));
    expect(items[0]?.title).toBe('Родственники мобилизованных обратились к депутатам');
    expect(items[0]?.text).toBe(
      'Жёны и матери мобилизованных направили обращение в Государственную думу с просьбой установить сроки службы.\n\nОтвета пока нет. Участницы движения обещают продолжить пикеты.',
    );
    expect(items[0]?.extra).toMatchObject({ encoding: 'koi8-r' });
  });

  it('gives the same page saved twice the same identity', async () => {
    const first = await collect(articleImporter, inputFile('articles/cp1251-wives-kremlin.html'));
    const second = await collect(articleImporter, inputFile('articles/cp1251-wives-kremlin.html'));
    expect(second.items[0]?.externalId).toBe(first.items[0]?.externalId);
  });

  it('neutralises script, handlers, forms, frames and remote loads in a hostile page', async () => {
    const { items } = await collect(articleImporter, inputFile('hostile/xss-article.html'));
    const item = items[0]!;
    expect(item.title).toBe('Harmless title');
    expect(item.text).toContain('Body text that is long enough');
    expect(item.html).not.toMatch(
      /<script|alert|onerror|onload|javascript:|<form|<input|<iframe|<svg|<img|tracker\.example\.net|evil\.example|file:/i,
    );
    expect(item.text).not.toContain('alert');
  });

  it('uses the address from the "saved from url" comment and keeps links absolute', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifter-article-'));
    const path = join(dir, 'page.htm');
    writeFileSync(
      path,
      '<!-- saved from url=(0060)https://www.example.org/a/story?utm_source=tg&utm_medium=social#top -->\n<html lang="uk"><head><title>Заголовок</title></head><body><article>' +
        '<p>Перший абзац статті, досить довгий, щоб його визнали змістом сторінки. <a href="/b/other">інша</a> <a href="data:text/html,x">дані</a></p>' +
        '<p style="background:url(https://evil.example/x.png)">Другий абзац.</p></article></body></html>',
    );
    const { sources, items } = await collect(articleImporter, { path, displayName: 'page.htm', size: 1 });
    expect(sources[0]?.key).toBe('site:example.org');
    expect(items[0]).toMatchObject({
      externalId: 'https://www.example.org/a/story',
      lang: 'uk',
      title: 'Заголовок',
    });
    expect(items[0]?.html).toContain('href="https://www.example.org/b/other"');
    expect(items[0]?.html).not.toMatch(/data:|evil\.example|style=/);
    expect(items[0]?.text).toBe(
      'Перший абзац статті, досить довгий, щоб його визнали змістом сторінки. інша дані\n\nДругий абзац.',
    );
  });

  it('keeps a short story that shares its wrapper with a cookie banner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifter-article-'));
    const path = join(dir, 'short.html');
    writeFileSync(
      path,
      '<html><body><div class="wrap"><div class="cookies">We use cookies. <button>OK</button></div>' +
        '<p>A short report of two sentences.</p><p>Nothing else happened.</p></div></body></html>',
    );
    const { items } = await collect(articleImporter, { path, displayName: 'short.html', size: 1 });
    expect(items[0]?.text).toBe('A short report of two sentences.\n\nNothing else happened.');
  });

  it('refuses a file that is not HTML, naming the file', async () => {
    const run = collect(articleImporter, inputFile('csv/media-monitoring-export.csv'));
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(/^csv\/media-monitoring-export\.csv: not an HTML page/);
  });

  it('detects HTML by its markup, not by its name', () => {
    const detect = (text: string, name = 'x.txt'): boolean =>
      articleImporter.detect({ head: Buffer.from(text), name });
    expect(detect('\uFEFF<!DOCTYPE html><html><body>x</body></html>')).toBe(true);
    expect(detect('<!-- saved from url=(0020)https://a.example/ -->\r\n<html>')).toBe(true);
    expect(
      detect('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>'),
    ).toBe(true);
    expect(detect('<?xml version="1.0"?><rss version="2.0"></rss>', 'feed.html')).toBe(false);
    expect(detect('{"html": "<html>"}', 'page.html')).toBe(false);
    expect(detect('Date,Headline\n1,<html>', 'page.html')).toBe(false);
  });
});
