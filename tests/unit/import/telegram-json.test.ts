import { describe, expect, it } from 'vitest';
import {
  telegramJsonImporter,
  looksLikeTelegramJson,
} from '../../../electron/core/importers/telegram-json/importer';
import { ImportError } from '../../../electron/core/importers/errors';
import { collect, fixture, inputFile, itemsOf } from './helpers';
import { readFileSync } from 'node:fs';

describe('Telegram JSON export', () => {
  it('reads the channel export: 23 posts, 2 service messages skipped, text spans and links', async () => {
    const records = await collect(
      telegramJsonImporter,
      inputFile(fixture('telegram/channel-export/result.json')),
    );
    const items = itemsOf(records);
    expect(items).toHaveLength(23);
    expect(records.filter((r) => r.type === 'skipped')).toHaveLength(2);
    const byId = new Map(items.map((i) => [i.externalId, i]));
    const m13 = byId.get('13')!;
    const bold = m13.entities!.find((e) => e.type === 'bold')!;
    expect(m13.text.slice(bold.offset, bold.offset + bold.length)).toBe(
      'Мы, россияне, больше не видим надежды при вашем руководстве.',
    );
    const m18 = byId.get('18')!;
    const link = m18.entities!.find((e) => e.type === 'text_link')!;
    expect(link.href).toBe('https://example.org/isw/assessment-2023-12-22');
    expect(m18.text.slice(link.offset, link.offset + link.length)).toBe('отчёт от 22 декабря');
    expect(byId.get('8')!.replyToExternalId).toBe('7');
    const m19 = byId.get('19')!;
    expect(m19.text).toBe('');
    expect(m19.media).toEqual([expect.objectContaining({ kind: 'photo', missing: true, path: null })]);
    expect(byId.get('2')!.publishedAt).toBe(1700463900 * 1000);
    expect(byId.get('2')!.url).toBe('https://t.me/c/1000000001/2');
    expect(byId.get('5')!.editedAt).toBe(1701543911 * 1000);
    expect(byId.get('4')!.reactions).toEqual([
      { emoji: '👍', count: 214 },
      { emoji: '😢', count: 37 },
    ]);
    expect(byId.get('17')!.extra!.poll).toMatchObject({ question: 'Выйдете ли вы на пикет 6 января?' });
    expect(byId.get('24')!.forwardedFrom).toBe('Новости фронта');
    expect(byId.get('12')!.media).toEqual([
      expect.objectContaining({ kind: 'video', name: 'IMG_2231.MP4', missing: true }),
    ]);
    const source = records.find((r) => r.type === 'source');
    expect(source).toMatchObject({
      source: { key: 'telegram:1000000001', name: 'Ждём домой (тестовый канал)' },
    });
  });

  it('uses the given username for permalinks', async () => {
    const items = itemsOf(
      await collect(telegramJsonImporter, inputFile(fixture('telegram/channel-export/result.json')), {
        username: 'waiting_home',
      }),
    );
    expect(items[0]!.url).toBe('https://t.me/waiting_home/2');
  });

  it('reads the full-account export: 5 posts in 2 chats', async () => {
    const records = await collect(
      telegramJsonImporter,
      inputFile(fixture('telegram/full-account-export/result.json')),
    );
    const items = itemsOf(records);
    expect(items).toHaveLength(5);
    expect(new Set(items.map((i) => i.sourceKey))).toEqual(
      new Set(['telegram:1000000003', 'telegram:1000000004']),
    );
    expect(
      items.find((i) => i.sourceKey === 'telegram:1000000004' && i.externalId === '2')!.replyToExternalId,
    ).toBe('1');
    expect(records.filter((r) => r.type === 'source')).toHaveLength(2);
  });

  it('flags the 2019 export as zone-unknown local times', async () => {
    const items = itemsOf(
      await collect(telegramJsonImporter, inputFile(fixture('telegram/old-export-2019/result.json'))),
    );
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.timeZoneUnknown)).toBe(true);
    expect(items[0]!.publishedAt).toBe(Date.UTC(2019, 2, 1, 12, 0, 0));
  });

  it('drops a javascript: link and keeps markup as inert text', async () => {
    const records = await collect(
      telegramJsonImporter,
      inputFile(fixture('hostile/xss-channel/result.json')),
    );
    const [item] = itemsOf(records);
    expect(item!.entities).toEqual([]);
    expect(item!.html ?? null).toBeNull();
    expect(item!.text).toContain('click here');
    expect(records.some((r) => r.type === 'warning' && /unsafe address/.test(r.message))).toBe(true);
  });

  it('refuses a truncated export and JSON that is no export, naming the file', async () => {
    await expect(
      collect(telegramJsonImporter, inputFile(fixture('hostile/truncated-result.json'))),
    ).rejects.toThrow(ImportError);
    await expect(
      collect(telegramJsonImporter, inputFile(fixture('hostile/truncated-result.json'))),
    ).rejects.toThrow(/truncated-result\.json: .*(ends early|truncated)/);
    await expect(
      collect(telegramJsonImporter, inputFile(fixture('hostile/not-an-archive.json'))),
    ).rejects.toThrow(/not-an-archive\.json: not a Telegram export/);
  });

  it('detects exports by content only', () => {
    const head = (p: string) => readFileSync(fixture(p), 'utf8').slice(0, 65536);
    expect(looksLikeTelegramJson(head('telegram/channel-export/result.json'))).toBe(true);
    expect(looksLikeTelegramJson(head('telegram/full-account-export/result.json'))).toBe(true);
    expect(looksLikeTelegramJson(head('telegram/old-export-2019/result.json'))).toBe(true);
    expect(looksLikeTelegramJson(head('hostile/xss-channel/result.json'))).toBe(true);
    expect(looksLikeTelegramJson(head('hostile/not-an-archive.json'))).toBe(false);
    expect(looksLikeTelegramJson(head('ndjson/telegram-collector.ndjson'))).toBe(false);
  });
});
