// RedisSet against a plain model: which members an intset takes (string2ll's canonical int64
// texts), numeric order while an intset, the one-way conversion at the limit, random removal,
// scans that cover every member, and clones that share nothing.
import { describe, expect, it } from 'vitest';
import { RedisSet, isIntsetMember } from '../../src/types/set.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

function canonicalInt64(s: string): boolean {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return false;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}

function numericOrder(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

describe('isIntsetMember', () => {
  it('accepts exactly the canonical int64 texts', () => {
    const cases = [
      '0', '1', '-1', '10', '-10', '9223372036854775807', '-9223372036854775808', '9223372036854775808',
      '-9223372036854775809', '9999999999999999999', '-9999999999999999999', '10000000000000000000',
      '922337203685477580', '-0', '00', '01', '+1', ' 1', '1 ', '1.0', '1e3', '', '-', '0x10', '１',
      '18446744073709551616', '-', '--1', '1-', '12345678901234567890123',
    ];
    for (const s of cases) expect(isIntsetMember(s), s).toBe(canonicalInt64(s));
    const next = rng(7);
    for (let i = 0; i < 5000; i++) {
      const len = 1 + Math.floor(next() * 21);
      let s = '';
      for (let j = 0; j < len; j++) s += '-0123456789'[Math.floor(next() * 11)];
      expect(isIntsetMember(s), s).toBe(canonicalInt64(s));
    }
  });
});

describe('RedisSet', () => {
  it('matches a model under random adds, deletes and pops, converting once at the limit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      const limit = [0, 1, 4, 16, 64][seed % 5];
      const withStrings = seed % 3 === 0;
      const set = new RedisSet();
      const model = new Set<string>();
      let converted = false;
      for (let op = 0; op < 600; op++) {
        const r = next();
        const n = Math.floor(next() * 200) - 100;
        const m = withStrings && next() < 0.05 ? `s${n}` : next() < 0.02 ? (n < 0 ? '-9223372036854775808' : '9223372036854775807') : String(n);
        if (r < 0.55) {
          expect(set.add(m, limit)).toBe(!model.has(m));
          model.add(m);
          if (!canonicalInt64(m) || model.size > limit) converted = true;
        } else if (r < 0.85) {
          expect(set.delete(m)).toBe(model.delete(m));
        } else if (r < 0.95 && set.size > 0) {
          const popped = set.removeAt(Math.floor(next() * set.size));
          expect(model.delete(popped)).toBe(true);
        } else {
          expect(set.has(m)).toBe(model.has(m));
        }
        expect(set.size).toBe(model.size);
        expect(set.encoding()).toBe(converted ? 'hashtable' : 'intset');
      }
      const members = set.members();
      expect([...members].sort()).toEqual([...model].sort());
      if (set.isIntset) expect(members).toEqual([...model].sort(numericOrder));
      for (let i = 0; i < set.size; i++) expect(model.has(set.memberAt(i))).toBe(true);
    }
  });

  it('scans a table completely across cursors, an intset in one call', () => {
    const set = new RedisSet();
    for (let i = 0; i < 10; i++) set.add(String(i), 512);
    const once: string[] = [];
    expect(set.scan(123, 1, (m) => once.push(m))).toBe(0);
    expect(once).toEqual(set.members());
    for (let i = 0; i < 500; i++) set.add(`m${i}`, 512);
    const seen = new Set<string>();
    let cursor = 0;
    let calls = 0;
    do {
      cursor = set.scan(cursor, 17, (m) => seen.add(m));
      calls++;
    } while (cursor !== 0);
    expect(calls).toBeGreaterThan(20);
    expect(seen.size).toBe(510);
  });

  it('clones share nothing; replaceWith takes over the members and encoding', () => {
    const a = new RedisSet();
    a.add('1', 512);
    a.add('2', 512);
    const b = a.clone();
    b.add('x', 512);
    expect(a.encoding()).toBe('intset');
    expect(a.members()).toEqual(['1', '2']);
    expect(b.encoding()).toBe('hashtable');
    const c = b.clone();
    c.delete('x');
    expect(b.has('x')).toBe(true);
    const d = new RedisSet(true);
    expect(d.encoding()).toBe('hashtable');
    const e = new RedisSet();
    e.add('7', 512);
    b.replaceWith(e);
    expect(b.encoding()).toBe('intset');
    expect(b.members()).toEqual(['7']);
  });
});
