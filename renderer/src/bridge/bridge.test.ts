import { describe, expect, it } from 'vitest';
import { encodePath } from './http-bridge';
import { SseParser } from './sse-stream';
import { droppedRoot, droppedRoots } from './stage';
import { splitTokenFromHash } from './token';

describe('token in the address', () => {
  it('is taken out of the hash, leaving the rest of it', () => {
    expect(splitTokenFromHash('#token=abc_DEF-1')).toEqual({ token: 'abc_DEF-1', rest: '' });
    expect(splitTokenFromHash('#token=abc&/search?q=x')).toEqual({ token: 'abc', rest: '#/search?q=x' });
    expect(splitTokenFromHash('#/reader?item=3')).toEqual({ token: null, rest: '#/reader?item=3' });
    expect(splitTokenFromHash('')).toEqual({ token: null, rest: '' });
    expect(splitTokenFromHash('#token=%E0%A4%A')).toEqual({ token: null, rest: '' });
  });
});

describe('dropped roots in the app', () => {
  it('is the file itself, or the folder the relative path starts from', () => {
    expect(droppedRoot('/home/a/result.json', 'result.json')).toBe('/home/a/result.json');
    expect(droppedRoot('/home/a/ChatExport/photos/1.jpg', 'ChatExport/photos/1.jpg')).toBe(
      '/home/a/ChatExport',
    );
    expect(droppedRoot('C:\\Users\\a\\ChatExport\\result.json', 'ChatExport/result.json')).toBe(
      'C:\\Users\\a\\ChatExport',
    );
  });

  it('lists each dropped file or folder once, in drop order', () => {
    expect(
      droppedRoots([
        { path: '/d/Export/result.json', relativePath: 'Export/result.json' },
        { path: '/d/Export/photos/1.jpg', relativePath: 'Export/photos/1.jpg' },
        { path: '/d/feed.rss', relativePath: 'feed.rss' },
      ]),
    ).toEqual(['/d/Export', '/d/feed.rss']);
  });
});

describe('SSE parsing', () => {
  it('yields the data of each event across chunk boundaries and ignores heartbeats', () => {
    const seen: string[] = [];
    const parser = new SseParser((data) => seen.push(data));
    parser.push('retry: 2000\n: connected\n\nda');
    parser.push('ta: {"event":"a"}\r\n\r\n: ping\n\n');
    parser.push('data: line 1\ndata: line 2\n\n');
    expect(seen).toEqual(['{"event":"a"}', 'line 1\nline 2']);
  });
});

describe('media paths in URLs', () => {
  it('encode each segment but keep the folders', () => {
    expect(encodePath('channel/photo 1#x?.jpg')).toBe('channel/photo%201%23x%3F.jpg');
  });
});
