import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, REDACTED, redactText, registerSecret } from './redact.js';

afterEach(() => clearSecrets());

describe('redactText: credentials whatever their value', () => {
  it.each([
    ['a bearer token', 'GET /api/admin authorization: Bearer abc.DEF-123_xyz', 'abc.DEF-123_xyz'],
    ['basic credentials', 'Authorization: Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['a URL password', 'cannot reach http://izde:hunter2-pass@meili.example:7700/health', 'hunter2-pass'],
    ['an authorization header in JSON', '{"headers":{"authorization":"Digest realm=x, nonce=abc"}}', 'nonce=abc'],
    ['a cookie header in JSON', '{"cookie":"session=s3cret; theme=dark"}', 's3cret'],
    ['a set-cookie header', 'set-cookie: id=deadbeef; Path=/; HttpOnly', 'deadbeef'],
    ['an apiKey field', '{"apiKey":"k-0123456789","host":"x"}', 'k-0123456789'],
    ['a masterKey field', 'masterKey=mk-0123456789 port=7700', 'mk-0123456789'],
    ['a token in a query string', 'GET /x?token=t0k3n-value&q=a', 't0k3n-value'],
    ['an x-meili-api-key header', "'x-meili-api-key': 'meili-key-123'", 'meili-key-123'],
  ])('%s', (_name, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each([
    'GET /api/search?q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B 200 4 ms',
    'Starting Meilisearch (/tmp/x/data.ms) at http://127.0.0.1:7700',
    'Indexed 5 articles from 5 files in 1.2 s.',
    'skipped /data/a.json:3: the record has no `text`',
    'http://127.0.0.1:7700/indexes/articles/search',
  ])('leaves an ordinary line alone: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('registered secrets', () => {
  it('are replaced wherever they appear, raw or JSON-escaped', () => {
    const key = 'weird "key" with \\ and spaces';
    registerSecret(key);
    registerSecret('0123456789abcdef0123456789abcdef');
    const line = JSON.stringify({ msg: `engine failed with ${key}`, stack: 'at x (0123456789abcdef0123456789abcdef)' });
    const out = redactText(line);
    expect(out).not.toContain('0123456789abcdef');
    expect(out).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(JSON.parse(out).msg).toBe(`engine failed with ${REDACTED}`);
    expect(redactText(`raw ${key}.`)).toBe(`raw ${REDACTED}.`);
  });

  it('a key that contains another registered key is replaced whole', () => {
    registerSecret('abcdefgh');
    registerSecret('abcdefgh-and-more');
    expect(redactText('x abcdefgh-and-more y')).toBe(`x ${REDACTED} y`);
  });

  it('ignores blank and short values (they would garble every line)', () => {
    registerSecret('');
    registerSecret('   ');
    registerSecret('abc');
    expect(redactText('abc and more')).toBe('abc and more');
  });
});
