// X/Twitter archive: data/tweets.js (and the older data/tweet.js). The account comes from
// account.js beside it when the archive has one; permalinks then name the account.
import { dirname, join } from 'node:path';
import { ImportError } from '../errors';
import type { Importer, ImportRecord, SourceRecord } from '../types';
import { tweetItem, tweetMedia, tweetOf, type Account, type Json } from './tweet';
import { readSmallYtd, ytdElements, ytdName } from './ytd';

/** Data files that hold the account's tweets. */
const TWEET_FILES = new Set(['tweets', 'tweet']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The archive owner from account.js (`[{ "account": { "username", "accountDisplayName", "accountId" } }]`). */
async function readAccount(tweetsPath: string): Promise<Account | null> {
  const entries = await readSmallYtd(join(dirname(tweetsPath), 'account.js'));
  const account = entries?.map((e) => (isObject(e) && isObject(e.account) ? e.account : null)).find(Boolean);
  const username = typeof account?.username === 'string' ? account.username : null;
  if (!account || !username || !/^\w{1,50}$/.test(username)) return null;
  return {
    username,
    displayName: typeof account.accountDisplayName === 'string' ? account.accountDisplayName : null,
    id: typeof account.accountId === 'string' ? account.accountId : null,
  };
}

/** The author as a tweet itself may carry it (exports from other tools add a `user`). */
function accountFromTweet(tweet: Json | null): Account | null {
  const user = tweet && isObject(tweet.user) ? tweet.user : null;
  const username = typeof user?.screen_name === 'string' ? user.screen_name : null;
  if (!user || !username || !/^\w{1,50}$/.test(username)) return null;
  return {
    username,
    displayName: typeof user.name === 'string' ? user.name : null,
    id: typeof user.id_str === 'string' ? user.id_str : null,
  };
}

function sourceFor(account: Account | null): SourceRecord {
  if (!account)
    return { key: 'x:archive', kind: 'x', name: 'X archive (account unknown)', username: null, url: null };
  return {
    key: `x:${account.username.toLowerCase()}`,
    kind: 'x',
    name: account.displayName ? `${account.displayName} (@${account.username})` : `@${account.username}`,
    username: account.username,
    url: `https://x.com/${account.username}`,
    meta: account.id ? { accountId: account.id } : {},
  };
}

export const xArchiveImporter: Importer = {
  format: 'x-archive',
  label: 'X/Twitter archive (tweets.js)',
  detect: ({ head }) => {
    const name = ytdName(head.subarray(0, 4096).toString('utf8'));
    return name !== null && TWEET_FILES.has(name);
  },
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    let account = await readAccount(file.path);
    let source: SourceRecord | null = null;
    let index = 0;
    for await (const entry of ytdElements(file, ctx)) {
      ctx.signal.throwIfAborted();
      index++;
      const tweet = tweetOf(entry);
      if (!source) {
        account ??= accountFromTweet(tweet);
        source = sourceFor(account);
        yield { type: 'source', source };
      }
      const id =
        tweet &&
        (typeof tweet.id_str === 'string' ? tweet.id_str : typeof tweet.id === 'string' ? tweet.id : null);
      if (!tweet || !id || !/^\d+$/.test(id)) {
        yield { type: 'skipped', reason: `entry ${index} is not a tweet with an id` };
        continue;
      }
      const item = tweetItem(tweet, id, account);
      const media = await tweetMedia(tweet, id, (relative) => ctx.copyMedia(relative));
      if (media.length) item.media = media;
      yield { type: 'item', sourceKey: source.key, item };
    }
    if (!source) throw new ImportError(file.displayName, 'the archive file holds no tweets');
  },
};
