import { describe, expect, it } from 'vitest';
import { boundedUserAgent, summariseUserAgent } from './user-agent-summary';

const agents: Array<[string, string, string]> = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome',
    'Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'Edge',
    'Windows',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Safari',
    'iOS',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    'Samsung Internet',
    'Android',
  ],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:132.0) Gecko/20100101 Firefox/132.0', 'Firefox', 'macOS'],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'Linux'],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'Chrome',
    'Linux',
  ],
  ['lightMyRequest', 'unknown', 'unknown'],
];

describe('user agent summary', () => {
  it.each(agents)('names the browser and system of %s', (agent, browser, os) => {
    expect(summariseUserAgent(agent)).toEqual({ browser, os });
  });

  it('says unknown without a header', () => {
    expect(summariseUserAgent(undefined)).toEqual({ browser: 'unknown', os: 'unknown' });
  });

  it('keeps at most 300 printable characters of the header', () => {
    expect(boundedUserAgent(`a\u0000b${'x'.repeat(400)}`)).toHaveLength(300);
    expect(boundedUserAgent(`a\u0000b`)).toBe('ab');
    expect(boundedUserAgent('')).toBeNull();
  });
});
