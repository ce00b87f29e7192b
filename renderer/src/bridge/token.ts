// The browser-mode token: `sifter serve` prints http://127.0.0.1:PORT/#token=…; the page takes the
// token out of the address at once (so it is not left in history, bookmarks or screenshots) and
// keeps it in sessionStorage, which survives reloads of this tab and nothing else.

export const TOKEN_STORAGE_KEY = 'sifter.token';

/** Splits a `#token=…` (possibly among other `&`-joined hash parameters) out of a hash. */
export function splitTokenFromHash(hash: string): { token: string | null; rest: string } {
  const body = hash.replace(/^#/, '');
  const parts = body.split('&');
  let token: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    if (part.startsWith('token=')) {
      try {
        token = decodeURIComponent(part.slice('token='.length)) || null;
      } catch {
        token = null;
      }
    } else if (part !== '') {
      rest.push(part);
    }
  }
  return { token, rest: rest.length > 0 ? `#${rest.join('&')}` : '' };
}

/** Takes the token from the address bar if it is there (removing it), else from sessionStorage. */
export function consumeToken(): string | null {
  const { token, rest } = splitTokenFromHash(window.location.hash);
  if (token) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage disabled: the token still works for this page's life.
    }
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${rest}`,
    );
    return token;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
