// Redis's glob matcher. The table was taken from real Redis 7.0.15 (each subject set as the only
// key, then KEYS pattern); keys.test.ts checks the same matcher against the live server.
import { describe, expect, it } from 'vitest';
import { GLOB_NESTING_LIMIT, globMatch } from '../../src/util/glob.ts';
import { Rng } from '../compat/harness.ts';

const REDIS_TABLE: [pattern: string, subject: string, matches: boolean][] = [
  ['**', '', false],
  ['', '', true],
  ['?', '', false],
  ['*', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'ba', false],
  ['*a', 'ba', true],
  ['a*c', 'abbbc', true],
  ['a*c', 'abbb', false],
  ['?', 'a', true],
  ['??', 'a', false],
  ['a?c', 'abc', true],
  ['h[ae]llo', 'hello', true],
  ['h[ae]llo', 'hillo', false],
  ['h[^e]llo', 'hallo', true],
  ['h[^e]llo', 'hello', false],
  ['h[!e]llo', 'h!llo', true],
  ['h[!e]llo', 'hallo', false],
  ['h[!e]llo', 'hello', true],
  ['[a-c]', 'b', true],
  ['[c-a]', 'b', true],
  ['[a-c]', 'd', false],
  ['[a-]', '-', false],
  ['[a-]', 'a', true],
  ['[-a]', '-', true],
  ['[]', ']', false],
  ['[]', '', false],
  ['[]]', ']', false],
  ['[]a]', 'a', false],
  ['[]a]', ']', false],
  ['[]a]', ']a]', false],
  ['[', '[', false],
  ['[', 'a', false],
  ['[^', 'x', true],
  ['[^', '', false],
  ['[abc', 'a', true],
  ['[abc', 'b', true],
  ['[abc', 'ab', false],
  ['[a-c', 'b', true],
  ['[\\]]', ']', true],
  ['[\\]', ']', true],
  ['[\\]', '\\', false],
  ['[\\', '\\', true],
  ['[\\', 'a', false],
  ['\\', '\\', true],
  ['\\\\', '\\', true],
  ['\\*', '*', true],
  ['\\*', 'a', false],
  ['a\\', 'a\\', true],
  ['a\\', 'a', false],
  ['\\a', 'a', true],
  ['*\\', 'x\\', true],
  ['[*]', '*', true],
  ['[*]', 'a', false],
  ['[\\-]', '-', true],
  ['[a\\-z]', 'b', false],
  ['[a\\-z]', '-', true],
  ['[^\\]]', ']', false],
  ['[^]]', 'x', false],
  ['[^]]', ']', false],
  ['[^]', 'x', true],
  ['\xff', '\xff', true],
  ['[\xff]', '\xff', true],
  ['[\x00-\xff]', 'a', false],
  ['[\x00-\xff]', '\x00', true],
  ['[\x00-\xff]', '\xff', true],
  ['[\xff-\x00]', '\x80', false],
  ['[a-\xff]', 'b', false],
  ['[a-\xff]', '\xff', true],
  ['[a-\xff]', '\x00', true],
  ['[a-\xff]', 'Z', true],
  ['[\x80-\xff]', '\x90', true],
  ['[\x80-\xff]', 'a', false],
  ['[\x7f-\x80]', 'a', true],
  ['[\x7f-\x80]', '\x81', true],
  ['[^\x00-\x7f]', '\xc0', true],
  ['*\x00*', 'a\x00b', true],
  ['*\x00', 'a', false],
  ['a\x00b', 'a\x00b', true],
  ['a\x00b', 'a', false],
  ['?\x00', '\x00\x00', true],
  ['a*b*c*d', 'aXbYcZd', true],
  ['a*b*c*d', 'abcdabcd', true],
  ['*a*a*a*a*b', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
  ['*[', 'x[', false],
  ['*[', 'x', false],
  ['[a]*', 'abc', true],
  ['*?', '', false],
  ['*?', 'a', true],
  ['?*', 'a', true],
  ['**?**', 'a', true],
  ['x*', 'x', true],
  ['*x*', 'axb', true],
  ['[[]', '[', true],
  ['[a-z][0-9]', 'b7', true],
];

describe('globMatch', () => {
  it.each(REDIS_TABLE)('%j against %j is %s, as in Redis', (pattern, subject, matches) => {
    expect(globMatch(pattern, subject)).toBe(matches);
  });

  it('a lone "*" does not match the empty string (KEYS and SCAN special-case "*" as match-all)', () => {
    expect(globMatch('*', '')).toBe(false);
    expect(globMatch('', '')).toBe(true);
  });

  it("'!' is a literal, not a negation", () => {
    expect(globMatch('[!a]', '!')).toBe(true);
    expect(globMatch('[!a]', 'b')).toBe(false);
  });

  it('ranges compare bytes as signed chars', () => {
    // 'a'..0xff is 97..-1 once signed, reordered to -1..97: 0xff and ASCII up to 'a', not 'b' nor 0x90.
    expect(globMatch('[a-\xff]', '\xff')).toBe(true);
    expect(globMatch('[a-\xff]', 'A')).toBe(true);
    expect(globMatch('[a-\xff]', '\x00')).toBe(true);
    expect(globMatch('[a-\xff]', 'b')).toBe(false);
    expect(globMatch('[a-\xff]', '\x90')).toBe(false);
  });

  it('nocase lowers ASCII letters only, range bounds after ordering them (CONFIG GET)', () => {
    expect(globMatch('H*', 'hz', true)).toBe(true);
    expect(globMatch('H*', 'hz', false)).toBe(false);
    expect(globMatch('[A-Z]z', 'hz', true)).toBe(true);
    expect(globMatch('H[A-z]', 'hz', true)).toBe(true);
    // 'a'-'Z' orders to 'Z'..'a', then lowers to 'z'..'a': an empty range (Redis: CONFIG GET H[a-Z] is empty).
    expect(globMatch('H[a-Z]', 'hz', true)).toBe(false);
    expect(globMatch('\xc0', '\xe0', true)).toBe(false);
  });

  it(`more than ${GLOB_NESTING_LIMIT} nested stars never match`, () => {
    const subject = 'a'.repeat(1100);
    expect(globMatch('*a'.repeat(GLOB_NESTING_LIMIT), subject)).toBe(true);
    expect(globMatch('*a'.repeat(GLOB_NESTING_LIMIT + 1), subject)).toBe(false);
    // A trailing star matches without recursing, so one more pair fits.
    expect(globMatch('a*'.repeat(GLOB_NESTING_LIMIT + 1), subject)).toBe(true);
    expect(globMatch('a*'.repeat(GLOB_NESTING_LIMIT + 2), subject)).toBe(false);
  });

  it('pathological patterns stay fast', () => {
    const t0 = Date.now();
    expect(globMatch(`${'a*'.repeat(40)}b`, 'a'.repeat(200))).toBe(false);
    expect(globMatch(`${'*a'.repeat(40)}*b`, 'a'.repeat(200))).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('agrees with a regular expression on patterns of plain bytes, * and ?', () => {
    const rng = new Rng(42);
    const alphabet = ['a', 'b', '\x00', '\xff', '.', '+'];
    const word = (chars: string[], max: number) => Array.from({ length: rng.int(0, max) }, () => rng.pick(chars)).join('');
    const toRegex = (p: string) =>
      new RegExp(`^${[...p].map((ch) => (ch === '*' ? '[\\s\\S]*' : ch === '?' ? '[\\s\\S]' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}$`);
    for (let i = 0; i < 5000; i++) {
      const pattern = word([...alphabet, '*', '?'], 8);
      const subject = word(alphabet, 10);
      // Redis's one deviation from the textbook glob: stars alone cannot match the empty string.
      const expected = subject === '' && /^\*+$/.test(pattern) ? false : toRegex(pattern).test(subject);
      expect(globMatch(pattern, subject), `${JSON.stringify(pattern)} ~ ${JSON.stringify(subject)}`).toBe(expected);
    }
  });
});
