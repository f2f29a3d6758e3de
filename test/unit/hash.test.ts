// The hash type on its own: listpack order, the one-way conversion to a table at the limits,
// scan cursors over a table that changes, and copies that share nothing.
import { describe, expect, it } from 'vitest';
import { RedisHash, type HashLimits } from '../../src/types/hash.ts';

const LIMITS: HashLimits = { maxEntries: 4, maxValue: 8 };

function pairs(h: RedisHash): string[] {
  const out: string[] = [];
  h.forEach((f, v) => out.push(f, v));
  return out;
}

describe('RedisHash', () => {
  it('a listpack keeps insertion order: updates stay in place, deletes close the gap', () => {
    const h = new RedisHash();
    expect(h.set('a', '1', LIMITS)).toBe(true);
    expect(h.set('b', '2', LIMITS)).toBe(true);
    expect(h.set('c', '3', LIMITS)).toBe(true);
    expect(h.set('a', 'x', LIMITS)).toBe(false);
    expect(h.delete('b')).toBe(true);
    expect(h.delete('b')).toBe(false);
    h.set('b', 'y', LIMITS);
    expect(pairs(h)).toEqual(['a', 'x', 'c', '3', 'b', 'y']);
    expect(h.encoding()).toBe('listpack');
    expect([h.fieldAt(1), h.valueAt(1)]).toEqual(['c', '3']);
  });

  it('becomes a table past maxEntries or with a field or value past maxValue, and stays one', () => {
    const h = new RedisHash();
    for (const f of ['a', 'b', 'c', 'd']) h.set(f, f, LIMITS);
    expect(h.encoding()).toBe('listpack');
    h.set('e', 'e', LIMITS);
    expect(h.encoding()).toBe('hashtable');
    for (const f of ['a', 'b', 'c', 'd']) h.delete(f);
    expect(h.encoding()).toBe('hashtable');
    expect(h.size).toBe(1);
    expect(h.get('e')).toBe('e');

    const long = new RedisHash();
    long.set('f', '12345678', LIMITS);
    expect(long.encoding()).toBe('listpack');
    long.set('f', '123456789', LIMITS);
    expect(long.encoding()).toBe('hashtable');
    const longField = new RedisHash();
    longField.set('123456789', 'v', LIMITS);
    expect(longField.encoding()).toBe('hashtable');
    expect(longField.get('123456789')).toBe('v');
    expect(new RedisHash().encoding()).toBe('listpack');
  });

  it('a listpack scan answers everything with cursor 0; a table scan misses nothing present throughout', () => {
    const small = new RedisHash();
    small.set('a', '1', LIMITS);
    small.set('b', '2', LIMITS);
    const seenSmall: string[] = [];
    expect(small.scan(12345, 1, (f, v) => seenSmall.push(f, v))).toBe(0);
    expect(seenSmall).toEqual(['a', '1', 'b', '2']);

    const big = new RedisHash();
    const limits = { maxEntries: 16, maxValue: 64 };
    for (let i = 0; i < 1000; i++) big.set(`f${i}`, `v${i}`, limits);
    const seen = new Set<string>();
    let cursor = 0;
    let round = 0;
    do {
      cursor = big.scan(cursor, 13, (f) => seen.add(f));
      big.delete(`f${round * 3}`);
      big.set(`new${round}`, 'x', limits);
      round++;
    } while (cursor !== 0);
    for (let i = 0; i < 1000; i++) if (i % 3 !== 0 || i / 3 >= round) expect(seen.has(`f${i}`)).toBe(true);
  });

  it('clone copies either encoding deeply', () => {
    for (const n of [2, 10]) {
      const h = new RedisHash();
      for (let i = 0; i < n; i++) h.set(`f${i}`, `v${i}`, LIMITS);
      const copy = h.clone();
      expect(copy.encoding()).toBe(h.encoding());
      expect(pairs(copy)).toEqual(pairs(h));
      copy.set('f0', 'changed', LIMITS);
      copy.delete('f1');
      expect(h.get('f0')).toBe('v0');
      expect(h.get('f1')).toBe('v1');
    }
  });
});
