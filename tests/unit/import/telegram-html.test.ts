import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  telegramHtmlImporter,
  looksLikeTelegramHtml,
} from '../../../electron/core/importers/telegram-html/importer';
import { collect, fixture, inputFile, itemsOf } from './helpers';

describe('Telegram HTML export', () => {
  it('reads both pages as one chat: 6 posts with UTC times, replies, links and carried-over senders', async () => {
    const first = inputFile(fixture('telegram/html-export/messages.html'));
    first.parts = [inputFile(fixture('telegram/html-export/messages2.html'))];
    const records = await collect(telegramHtmlImporter, first);
    const items = itemsOf(records);
    expect(items.map((i) => i.externalId)).toEqual(['101', '102', '103', '104', '105', '106']);
    expect(records.filter((r) => r.type === 'skipped')).toHaveLength(0); // the date separator is no message
    const byId = new Map(items.map((i) => [i.externalId, i]));
    expect(byId.get('101')!.publishedAt).toBe(Date.UTC(2023, 11, 15, 7, 2, 11));
    expect(byId.get('101')!.timeZoneUnknown).toBe(false);
    expect(byId.get('101')!.text).toBe(
      'Губернатор сообщил об атаке беспилотников на Белгород. Пострадавших нет.',
    );
    expect(byId.get('103')!.replyToExternalId).toBe('102');
    const faq = byId.get('104')!;
    expect(faq.text).toBe('Ответ на вопрос подписчиков: частые вопросы.');
    expect(faq.entities).toEqual([
      { type: 'text_link', offset: 29, length: 14, href: 'https://example.org/faq' },
    ]);
    expect(byId.get('106')!.author).toBe('Новости фронта');
    expect(byId.get('105')!.author).toBe('Новости фронта');
    expect(byId.get('106')!.publishedAt).toBe(Date.UTC(2023, 11, 17, 9, 1, 30));
    expect(records.find((r) => r.type === 'source')).toMatchObject({
      source: { name: 'Новости фронта', key: 'telegram-html:Новости фронта' },
    });
  });

  it('reads a date title without a zone as zone-unknown', async () => {
    const { fromHtmlTitle } = await import('../../../electron/core/importers/telegram/dates');
    expect(fromHtmlTitle('15.12.2023 10:02:11')).toEqual({
      at: Date.UTC(2023, 11, 15, 10, 2, 11),
      zoneUnknown: true,
    });
    expect(fromHtmlTitle('15.12.2023 10:02:11 UTC-05:30')).toEqual({
      at: Date.UTC(2023, 11, 15, 15, 32, 11),
      zoneUnknown: false,
    });
  });

  it('detects the pages by content', () => {
    expect(looksLikeTelegramHtml(readFileSync(fixture('telegram/html-export/messages2.html'), 'utf8'))).toBe(
      true,
    );
    expect(
      looksLikeTelegramHtml(readFileSync(fixture('articles/furious-families-front-line.html'), 'utf8')),
    ).toBe(false);
  });
});
