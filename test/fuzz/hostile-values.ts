import fc from 'fast-check';

/**
 * Text an attacker or a broken client sends where an id, a name or a number is expected: NUL
 * bytes (PostgreSQL text cannot hold them), lone surrogates, SQL and HTML, path tricks, numbers
 * that are not numbers, very long strings, full-width digits and emoji.
 */
const FIXED: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  "' OR '1'='1' --",
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '%',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '\r\nSet-Cookie: x=1',
  '１２３４５６',
  '目黒区上目黒１－１',
  'ｶﾀｶﾅ',
  '\u202eevil',
  '😀👨‍👩‍👧‍👦',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01',
  '9007199254740993',
  'a'.repeat(201),
  'あ'.repeat(2_001),
  'x'.repeat(20_000),
];

/** One hostile string: a fixed nasty one or a random one of any Unicode (lone surrogates included). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIXED) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', "'", '<', '%'))
      .map(([s, bad]) => `${s}${bad}${s}`),
  },
);

/** Any JSON value of the wrong kind where a string, number or object is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      [],
      {},
      [null],
      { __proto__: null, constructor: 'x' },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** encodeURIComponent throws on a lone surrogate: send its replacement character instead. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}
