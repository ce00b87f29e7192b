import { describe, expect, it } from 'vitest';
import {
  allowedHostNames,
  fetchSiteAllowed,
  hostAllowed,
  newToken,
  originAllowed,
  tokenMatches,
} from './access';

const local = { port: 4173, hostNames: allowedHostNames('127.0.0.1') };

describe('Host check', () => {
  it('accepts the loopback names with the server port only', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LOCALHOST:4173', '[::1]:4173'])
      expect(hostAllowed(local, host), host).toBe(true);
    for (const host of [
      '127.0.0.1:4174',
      '127.0.0.1',
      'evil.example:4173',
      'localhost.evil.example:4173',
      '127.0.0.1:4173@evil',
      '',
      undefined,
    ]) {
      expect(hostAllowed(local, host), String(host)).toBe(false);
    }
  });

  it('accepts the --host given, and on a wildcard bind this machine’s own names', () => {
    expect(hostAllowed({ port: 80, hostNames: allowedHostNames('10.0.0.5') }, '10.0.0.5')).toBe(true);
    const everywhere = allowedHostNames('0.0.0.0');
    expect(everywhere.has('127.0.0.1')).toBe(true);
    expect(everywhere.has('evil.example')).toBe(false);
  });
});

describe('Origin check', () => {
  it('passes requests without Origin and from the server’s own origin', () => {
    expect(originAllowed(local, undefined)).toBe(true);
    expect(originAllowed(local, 'http://127.0.0.1:4173')).toBe(true);
    expect(originAllowed(local, 'http://localhost:4173')).toBe(true);
  });

  it('refuses every other origin, including null and look-alikes', () => {
    for (const origin of [
      'null',
      'https://127.0.0.1:4173',
      'http://127.0.0.1:4174',
      'http://127.0.0.1:4173/path',
      'http://evil.example',
      'file://',
      '',
    ]) {
      expect(originAllowed(local, origin), origin).toBe(false);
    }
  });

  it('refuses what a browser labels cross-site or same-site', () => {
    expect(fetchSiteAllowed(undefined)).toBe(true);
    expect(fetchSiteAllowed('same-origin')).toBe(true);
    expect(fetchSiteAllowed('none')).toBe(true);
    expect(fetchSiteAllowed('same-site')).toBe(false);
    expect(fetchSiteAllowed('cross-site')).toBe(false);
  });
});

describe('token', () => {
  it('is fresh per run and compared exactly', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
  });
});
