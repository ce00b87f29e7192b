// Who may talk to the server. Any web page the analyst visits can send requests to 127.0.0.1, and
// a DNS-rebinding page can even make them look same-origin, so every request is checked three ways:
// the Host header must name this server (defeats rebinding), an Origin header, when the browser
// sends one, must be this server's own origin (defeats cross-site requests), and every /api request
// must carry the per-run secret token (defeats everything else that can reach the port).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';

export const TOKEN_HEADER = 'x-sifter-token';

/** A fresh secret for one server run: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares tokens in constant time, so the comparison leaks nothing about the secret. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** Formats a host for a URL or Host header: IPv6 literals get brackets. */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The host names a legitimate page uses to reach this server: the loopback names, the --host
 * given, and — when bound to every interface (a shared analyst desk) — this machine's addresses
 * and name. Lower-case, IPv6 in brackets, without the port.
 */
export function allowedHostNames(bindHost: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  names.add(hostForUrl(bindHost).toLowerCase());
  if (WILDCARD_HOSTS.has(bindHost)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) names.add(hostForUrl(address.address).toLowerCase());
    }
  }
  return names;
}

export interface AccessPolicy {
  port: number;
  hostNames: Set<string>;
}

/** The Host header must be one of our names with our port (a rebinding attacker's name fails). */
export function hostAllowed(policy: AccessPolicy, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
  if (!match) return false;
  const [, name = '', port = '80'] = match;
  return Number(port) === policy.port && policy.hostNames.has(name.toLowerCase());
}

/** An Origin header, when present, must be exactly this server's origin ("null" is refused too). */
export function originAllowed(policy: AccessPolicy, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // An origin is scheme://host[:port] and nothing more; anything else is not a browser's Origin.
  if (url.protocol !== 'http:' || url.origin !== origin) return false;
  const port = url.port === '' ? 80 : Number(url.port);
  return port === policy.port && policy.hostNames.has(url.hostname.toLowerCase());
}

/**
 * Browsers label every request with Sec-Fetch-Site; a request another site started is refused even
 * when it carries no Origin (a plain <img> or navigation). Non-browser clients send no such header.
 */
export function fetchSiteAllowed(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}
