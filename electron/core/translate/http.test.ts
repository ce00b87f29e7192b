import { describeUrl, excerpt, parseRetryAfter } from './http';

describe('engine HTTP helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('never shows a query string (where a key may travel) in messages', () => {
    expect(describeUrl('https://libre.example.org/translate?api_key=SECRET')).toBe(
      'https://libre.example.org/translate',
    );
    expect(describeUrl('https://user:pw@host.example/v1')).toBe('https://host.example/v1');
  });

  it('shortens an error body to its message, one line', () => {
    expect(excerpt('{"message":"Quota exceeded"}')).toBe('Quota exceeded');
    expect(excerpt('{"error":{"message":"bad\\nthing"}}')).toBe('bad thing');
    expect(excerpt('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBe('502 Bad Gateway');
    expect(excerpt('x'.repeat(500))).toHaveLength(201);
  });
});
