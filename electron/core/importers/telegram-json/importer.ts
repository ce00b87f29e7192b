// Telegram Desktop JSON export: a single chat (`name`, `type`, `id`, `messages`) or the full-account
// export (`chats.list[]` and `left_chats.list[]`). The file is walked token by token (a single
// result.json of more than ~290k messages is longer than the longest string Node can hold), and
// only one message at a time is built as an object.
import type { ImportRecord, Importer, ImporterContext, InputFile } from '../types';
import { ImportError } from '../errors';
import { jsonTokens, ValueBuilder, type Token } from '../json/tokens';
import { messageRecord, type ChatInfo } from './message';

const CHAT_TYPES =
  'personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|replies';

/** Judged from the head: a chat export starts with its name/type/id, a full export with "about". */
export function looksLikeTelegramJson(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{')) return false;
  if (/^\{\s*"about"\s*:\s*"Here is the data you requested/.test(text)) return true;
  if (/"personal_information"\s*:\s*\{/.test(text) && /"about"\s*:/.test(text)) return true;
  const chat = new RegExp(
    `^\\{\\s*"name"\\s*:\\s*(?:"(?:[^"\\\\]|\\\\.)*"|null)\\s*,\\s*"type"\\s*:\\s*"(?:${CHAT_TYPES})"\\s*,\\s*"id"\\s*:\\s*-?\\d+`,
  );
  return chat.test(text);
}

type Role = 'root' | 'chatsHolder' | 'chatList' | 'chat' | 'messages' | 'other';

interface Frame {
  role: Role;
  isArray: boolean;
  key: string | null;
  chat?: PendingChat;
}

interface PendingChat {
  name: string | null;
  type: string | null;
  id: string | null;
  info: ChatInfo | null;
}

const MAX_DEPTH = 64;

export const telegramJsonImporter: Importer = {
  format: 'telegram-json',
  label: 'Telegram Desktop export (JSON)',
  detect: ({ head }) => looksLikeTelegramJson(head.toString('utf8')),
  parse: parseTelegramJson,
};

async function* parseTelegramJson(file: InputFile, ctx: ImporterContext): AsyncGenerator<ImportRecord> {
  const stack: Frame[] = [];
  let builder: ValueBuilder | null = null;
  let rootChat: PendingChat | null = null;
  let sawMessages = false;
  let chats = 0;
  // Everything found in a chunk, in file order: records ready as they are, and raw messages
  // with their chat (one chunk can end one chat and begin the next).
  const queue: ({ record: ImportRecord } | { raw: Record<string, unknown>; chat: ChatInfo })[] = [];
  const warnings: string[] = [];

  const openChat = (chat: PendingChat, single: boolean): void => {
    if (chat.info) return;
    if (chat.id === null) throw new ImportError(file.displayName, 'a chat of this Telegram export has no id');
    chats++;
    const name = chat.name ?? `Chat ${chat.id}`;
    const info: ChatInfo = {
      id: chat.id,
      name,
      type: chat.type ?? 'unknown',
      sourceKey: `telegram:${chat.id}`,
      username: single ? (ctx.options.username ?? null) : null,
    };
    chat.info = info;
    queue.push({
      record: {
        type: 'source',
        source: {
          key: info.sourceKey,
          kind: 'telegram',
          name,
          username: info.username,
          url: info.username ? `https://t.me/${info.username}` : null,
          meta: { type: info.type },
        },
      },
    });
  };

  const scalar = (token: Token): string | null => {
    if (token.name === 'stringValue' || token.name === 'numberValue') return token.value;
    return null;
  };

  const consume = (token: Token): void => {
    if (builder) {
      builder.consume(token);
      if (builder.done) {
        const value = builder.value;
        builder = null;
        const chat = stack[stack.length - 1]?.chat?.info;
        if (!chat) throw new ImportError(file.displayName, 'messages outside of a chat');
        if (value && typeof value === 'object' && !Array.isArray(value))
          queue.push({ raw: value as Record<string, unknown>, chat });
        else queue.push({ record: { type: 'skipped', reason: 'a message that is not an object' } });
      }
      return;
    }
    const top = stack[stack.length - 1];
    switch (token.name) {
      case 'keyValue':
        if (top) top.key = token.value;
        return;
      case 'startObject':
      case 'startArray': {
        const isArray = token.name === 'startArray';
        if (stack.length >= MAX_DEPTH)
          throw new ImportError(file.displayName, `JSON nested deeper than ${MAX_DEPTH} levels`);
        if (top?.role === 'messages') {
          builder = new ValueBuilder();
          builder.consume(token);
          return;
        }
        let role: Role = 'other';
        let chat: PendingChat | undefined;
        if (!top) {
          if (isArray)
            throw new ImportError(file.displayName, 'not a Telegram export: the file is a JSON array');
          role = 'root';
          chat = rootChat = { name: null, type: null, id: null, info: null };
        } else if (top.role === 'root' && (top.key === 'chats' || top.key === 'left_chats') && !isArray)
          role = 'chatsHolder';
        else if (top.role === 'chatsHolder' && top.key === 'list' && isArray) role = 'chatList';
        else if (top.role === 'chatList' && !isArray) {
          role = 'chat';
          chat = { name: null, type: null, id: null, info: null };
        } else if ((top.role === 'chat' || top.role === 'root') && top.key === 'messages' && isArray) {
          const owner = top.chat;
          if (owner) openChat(owner, top.role === 'root');
          sawMessages = true;
          role = 'messages';
          chat = owner;
        }
        stack.push({ role, isArray, key: null, chat });
        return;
      }
      case 'endObject':
      case 'endArray':
        stack.pop();
        if (stack.length === 0 && rootChat === null)
          throw new ImportError(file.displayName, 'not a Telegram export');
        return;
      default: {
        if (top && (top.role === 'chat' || top.role === 'root') && top.chat && top.key) {
          const value = token.name === 'nullValue' ? null : scalar(token);
          if (top.key === 'name') top.chat.name = value;
          else if (top.key === 'type') top.chat.type = value;
          else if (top.key === 'id') top.chat.id = value;
        }
        if (top && !top.isArray) top.key = null;
      }
    }
  };

  const warn = (message: string): void => {
    if (warnings.length < 50) warnings.push(message);
  };

  for await (const tokens of jsonTokens(file, ctx.signal, (b) => ctx.reportBytes(b))) {
    for (const token of tokens) consume(token);
    for (const entry of queue.splice(0)) {
      if ('record' in entry) yield entry.record;
      else yield await messageRecord(entry.raw, entry.chat, ctx, warn);
    }
    for (const message of warnings.splice(0)) yield { type: 'warning', message };
  }
  if (!sawMessages)
    throw new ImportError(file.displayName, 'not a Telegram export: it has no "messages" list');
  if (chats === 0) throw new ImportError(file.displayName, 'not a Telegram export: no chat found');
}
