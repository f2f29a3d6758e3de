// The sorted-set type on its own: both encodings against a sorted-array model under random
// operations (ranks, ranges, score and lex range ends, range removal), the one-way conversion at
// the limits, scans, copies that share nothing, and -0 as a listpack stores it.
import { describe, expect, it } from 'vitest';
import { RedisZset, type ZsetLimits } from '../../src/types/zset.ts';
import { ZListpack } from '../../src/types/zset-listpack.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

function entries(z: RedisZset): [string, number][] {
  const out: [string, number][] = [];
  z.forEach((m, s) => out.push([m, s]));
  return out;
}

function sorted(model: Map<string, number>): [string, number][] {
  return [...model].sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

describe('RedisZset', () => {
  for (const lim of [{ maxEntries: 128, maxValue: 64 }, { maxEntries: 8, maxValue: 64 }, { maxEntries: 0, maxValue: 64 }] as ZsetLimits[]) {
    it(`matches a sorted model under random operations (max entries ${lim.maxEntries})`, () => {
      const random = rng(lim.maxEntries + 1);
      const model = new Map<string, number>();
      const z = RedisZset.forMember('m', lim);
      for (let step = 0; step < 4000; step++) {
        const member = 'm' + Math.floor(random() * 40);
        const score = Math.floor(random() * 10) - 5 + (random() < 0.2 ? 0.5 : 0);
        const op = random();
        const cur = z.score(member);
        expect(cur).toBe(model.get(member));
        if (op < 0.45) {
          if (cur === undefined) z.insert(member, score, lim);
          else z.update(member, cur, score);
          model.set(member, score);
        } else if (op < 0.7) {
          expect(z.delete(member)).toBe(model.delete(member));
        } else if (op < 0.75 && model.size > 0) {
          const all = sorted(model);
          const a = Math.floor(random() * all.length);
          const b = Math.min(all.length - 1, a + Math.floor(random() * 3));
          expect(z.removeRange(a, b)).toBe(b - a + 1);
          for (let i = a; i <= b; i++) model.delete(all[i][0]);
        } else {
          const all = sorted(model);
          expect(z.size).toBe(all.length);
          const rank = all.findIndex(([m]) => m === member);
          expect(z.rank(member, false)).toBe(rank);
          expect(z.rank(member, true)).toBe(rank < 0 ? -1 : all.length - 1 - rank);
          const r = { min: score - 1, max: score + 1, minExclusive: random() < 0.5, maxExclusive: random() < 0.5 };
          const inside = all.map(([, s], i) => [s, i] as const).filter(([s]) => (r.minExclusive ? s > r.min : s >= r.min) && (r.maxExclusive ? s < r.max : s <= r.max));
          expect(z.firstInScoreRange(r)).toBe(inside.length ? inside[0][1] : -1);
          expect(z.lastInScoreRange(r)).toBe(inside.length ? inside[inside.length - 1][1] : -1);
        }
        if (lim.maxEntries === 0 || model.size > lim.maxEntries) expect(z.encoding()).toBe('skiplist');
      }
      expect(entries(z)).toEqual(sorted(model));
      z.free();
    });
  }

  it('converts to a skiplist past maxEntries or for a long member, and stays one', () => {
    const lim = { maxEntries: 2, maxValue: 4 };
    const z = RedisZset.forMember('a', lim);
    z.insert('a', 1, lim);
    z.insert('b', 2, lim);
    expect(z.encoding()).toBe('listpack');
    z.insert('c', 3, lim);
    expect(z.encoding()).toBe('skiplist');
    z.delete('c');
    z.delete('b');
    expect(z.encoding()).toBe('skiplist');
    const long = RedisZset.forMember('a', lim);
    long.insert('a', 1, lim);
    long.insert('toolong', 1, lim);
    expect(long.encoding()).toBe('skiplist');
    expect(RedisZset.forMember('toolong', lim).encoding()).toBe('skiplist');
    expect(RedisZset.forMember('a', { maxEntries: 0, maxValue: 64 }).encoding()).toBe('skiplist');
    expect(RedisZset.fromEntries(['a', 'b'], [2, 1], lim).encoding()).toBe('listpack');
    expect(RedisZset.fromEntries(['a', 'b', 'c'], [2, 1, 0], lim).encoding()).toBe('skiplist');
    expect(entries(RedisZset.fromEntries(['a', 'b', 'c'], [2, 1, 1], lim))).toEqual([['b', 1], ['c', 1], ['a', 2]]);
    z.free();
    long.free();
  });

  it('a listpack stores -0 as 0, a skiplist keeps it', () => {
    const lp = RedisZset.forMember('a', { maxEntries: 8, maxValue: 64 });
    lp.insert('a', -0, { maxEntries: 8, maxValue: 64 });
    expect(Object.is(lp.score('a'), 0)).toBe(true);
    const sl = RedisZset.forMember('a', { maxEntries: 0, maxValue: 64 });
    sl.insert('a', -0, { maxEntries: 0, maxValue: 64 });
    expect(Object.is(sl.score('a'), -0)).toBe(true);
    sl.free();
  });

  it('lex spans walk a listpack as Redis does, even over unordered members', () => {
    const lim = { maxEntries: 8, maxValue: 64 };
    const z = RedisZset.fromEntries(['e', 'd', 'zz', 'f'], [1, 2, 3, 4], lim);
    const r = { min: { inf: 0, value: 'a', exclusive: true }, max: { inf: 0, value: 'm', exclusive: true } } as const;
    expect(z.lexSpan(r, false)).toEqual([0, 1]);
    expect(z.lexSpan(r, true)).toEqual([0, 3]);
  });

  it('scans: a listpack at once, a skiplist by cursor without missing members', () => {
    const lim = { maxEntries: 4, maxValue: 64 };
    const small = RedisZset.fromEntries(['a', 'b'], [1, 2], lim);
    const got: string[] = [];
    expect(small.scan(7, 1, (m) => got.push(m))).toBe(0);
    expect(got).toEqual(['a', 'b']);
    const members = Array.from({ length: 50 }, (_, i) => 'm' + i);
    const big = RedisZset.fromEntries(members, members.map((_, i) => i), lim);
    const seen = new Set<string>();
    let cursor = 0;
    do cursor = big.scan(cursor, 7, (m, s) => {
      expect(s).toBe(Number(m.slice(1)));
      seen.add(m);
    });
    while (cursor !== 0);
    expect(seen.size).toBe(50);
    big.free();
  });

  it('clones share nothing', () => {
    for (const lim of [{ maxEntries: 8, maxValue: 64 }, { maxEntries: 1, maxValue: 64 }]) {
      const z = RedisZset.fromEntries(['a', 'b'], [1, 2], lim);
      const copy = z.clone();
      z.insert('c', 3, lim);
      z.delete('a');
      expect(entries(copy)).toEqual([['a', 1], ['b', 2]]);
      expect(copy.encoding()).toBe(z.encoding() === 'listpack' && lim.maxEntries === 8 ? 'listpack' : copy.encoding());
      expect(copy.score('a')).toBe(1);
      z.free();
      copy.free();
    }
  });
});

describe('ZListpack', () => {
  it('keeps (score, member) order and removes ranges', () => {
    const lp = new ZListpack();
    lp.insert('b', 1);
    lp.insert('a', 1);
    lp.insert('c', 0);
    lp.insert('d', 5);
    expect(lp.members).toEqual(['c', 'a', 'b', 'd']);
    lp.updateScore('c', 0, 2);
    expect(lp.members).toEqual(['a', 'b', 'c', 'd']);
    const gone: string[] = [];
    expect(lp.removeRange(1, 2, (m) => gone.push(m))).toBe(2);
    expect(gone).toEqual(['b', 'c']);
    expect(lp.members).toEqual(['a', 'd']);
    expect(lp.scores).toEqual([1, 5]);
  });
});
