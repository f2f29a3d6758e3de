// Redis's string2ll rules: parseLong (fast, JS number) must agree with parseInt64 (exact).
import { describe, expect, it } from 'vitest';
import { parseInt64, parseLong } from '../../src/util/number.ts';

describe('parseLong', () => {
  it('takes canonical integers only, as string2ll', () => {
    expect(parseLong('0')).toBe(0);
    expect(parseLong('-1')).toBe(-1);
    expect(parseLong('123456789012345')).toBe(123456789012345);
    for (const bad of ['', '-', '-0', '01', '+1', ' 1', '1 ', '1a', '00', '-01', '1.0', '\x001']) expect(parseLong(bad)).toBeNull();
    expect(parseLong('9223372036854775807')).toBe(9223372036854775807);
    expect(parseLong('9223372036854775808')).toBeNull();
  });

  it('agrees with parseInt64 on 20,000 random short strings', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = '0123456789-+ a';
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = rnd(18);
      for (let j = 0; j < len; j++) s += alphabet[rnd(j === 0 ? alphabet.length : 11)];
      const exact = parseInt64(s);
      expect(parseLong(s), JSON.stringify(s)).toBe(exact === null ? null : Number(exact));
    }
  });
});
