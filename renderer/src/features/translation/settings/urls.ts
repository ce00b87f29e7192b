// Checks on the engine addresses typed in Settings → Translation.

/** null when the address can be used; otherwise what is wrong with it, in words. */
export function urlProblem(value: string, what: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not an address. Type the ${what} with http:// or https://, e.g. http://127.0.0.1:2737.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `The ${what} must start with http:// or https://.`;
  if (url.username || url.password)
    return `Put no user name or password in the ${what}; keys go in the API key field.`;
  return null;
}

/** The address as it is stored: trimmed, without a trailing slash. */
export function normaliseUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}
