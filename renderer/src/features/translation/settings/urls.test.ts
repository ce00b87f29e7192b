import { normaliseUrl, urlProblem } from './urls';

describe('engine addresses in Settings', () => {
  it('accepts http(s) addresses and an empty field', () => {
    expect(urlProblem('http://127.0.0.1:2737', 'Apertium address')).toBeNull();
    expect(urlProblem(' https://libretranslate.example.org/ ', 'server address')).toBeNull();
    expect(urlProblem('', 'server address')).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(urlProblem('127.0.0.1:2737', 'Apertium address')).toMatch(/http:\/\/ or https:\/\//);
    expect(urlProblem('not a url', 'Apertium address')).toMatch(/is not an address/);
    expect(urlProblem('file:///etc/passwd', 'server address')).toMatch(/must start with http/);
    expect(urlProblem('https://user:secret@x.org', 'server address')).toMatch(/no user name or password/);
  });

  it('stores addresses without a trailing slash', () => {
    expect(normaliseUrl(' http://127.0.0.1:2737/ ')).toBe('http://127.0.0.1:2737');
  });
});
