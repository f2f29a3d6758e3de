// The keyspace Dict: basic map behaviour, uniform random keys, and SCAN's guarantee (an entry
// present for the whole scan is visited at least once) under random inserts and deletes.
import { describe, expect, it } from 'vitest';
import { Dict } from '../../src/keyspace/dict.ts';
import { Rng } from '../compat/harness.ts';

/** Runs a whole scan, calling `between` after every step; returns every key visited, in order. */
function scanAll<V>(d: Dict<V>, count: number, between: () => void = () => {}): string[] {
  const visited: string[] = [];
  let cursor = 0;
  for (let steps = 0; ; steps++) {
    if (steps > 1_000_000) throw new Error('scan did not terminate');
    cursor = d.scan(cursor, count, (k) => visited.push(k));
    if (cursor === 0) return visited;
    between();
  }
}

describe('Dict', () => {
  it('get/set/delete/has/size, meta per entry, binary keys', () => {
    const d = new Dict<number>();
    expect(d.set('a', 1, 7)).toBe(true);
    expect(d.getMeta('a')).toBe(7);
    // An overwrite sets value and meta together (one lookup on the hot path).
    expect(d.set('a', 2, 9)).toBe(false);
    expect(d.get('a')).toBe(2);
    expect(d.getMeta('a')).toBe(9);
    expect(d.getMeta(d.keyAtSlot(d.slotOf('a')))).toBe(d.metaAtSlot(d.slotOf('a')));
    expect(d.slotOf('missing')).toBe(-1);
    expect(d.set('\x00\xff', 3)).toBe(true);
    expect(d.set('', 4)).toBe(true);
    expect(d.size).toBe(3);
    expect(d.delete('a')).toBe(true);
    expect(d.delete('a')).toBe(false);
    expect(d.has('a')).toBe(false);
    expect(d.get('\x00\xff')).toBe(3);
    expect(d.get('')).toBe(4);
    expect([...d.keys()].sort()).toEqual(['', '\x00\xff']);
    d.clear();
    expect(d.size).toBe(0);
    expect(d.randomKey(Math.random)).toBeUndefined();
  });

  it('meta follows its entry when deletes move entries around', () => {
    const d = new Dict<number>();
    for (let i = 0; i < 200; i++) d.set(`k${i}`, i, i + 1000);
    for (let i = 0; i < 200; i += 3) d.delete(`k${i}`);
    for (let i = 0; i < 200; i++) {
      if (i % 3 === 0) expect(d.has(`k${i}`)).toBe(false);
      else {
        expect(d.get(`k${i}`)).toBe(i);
        expect(d.getMeta(`k${i}`)).toBe(i + 1000);
      }
    }
  });

  it('randomKey is roughly uniform', () => {
    const d = new Dict<number>();
    for (let i = 0; i < 10; i++) d.set(`k${i}`, i);
    const rng = new Rng(1);
    const hits = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const k = d.randomKey(() => rng.next())!;
      hits.set(k, (hits.get(k) ?? 0) + 1);
    }
    expect(hits.size).toBe(10);
    for (const n of hits.values()) expect(n).toBeGreaterThan(1500);
  });

  it('an unmodified scan visits every key exactly once, for any COUNT', () => {
    for (const size of [0, 1, 2, 17, 1000]) {
      const d = new Dict<number>();
      for (let i = 0; i < size; i++) d.set(`k${i}`, i);
      for (const count of [1, 3, 10, 5000]) {
        const visited = scanAll(d, count);
        expect(visited.length).toBe(size);
        expect(new Set(visited).size).toBe(size);
      }
    }
  });

  it('property: keys present for the whole scan are visited under random inserts and deletes', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(seed);
      const d = new Dict<number>();
      const initial = rng.int(0, 300);
      for (let i = 0; i < initial; i++) d.set(`k${i}`, i);
      // Some of the initial keys are never touched: those must all be seen.
      const stable = new Set<string>();
      for (let i = 0; i < initial; i++) if (rng.chance(0.5)) stable.add(`k${i}`);
      const volatile = [...d.keys()].filter((k) => !stable.has(k));
      let next = initial;
      const visited = scanAll(d, rng.int(1, 20), () => {
        for (let ops = rng.int(0, 8); ops > 0; ops--) {
          const r = rng.next();
          if (r < 0.4) {
            d.set(`k${next++}`, next);
            volatile.push(`k${next - 1}`);
          } else if (r < 0.8 && volatile.length > 0) {
            const i = rng.int(0, volatile.length - 1);
            d.delete(volatile[i]);
            volatile.splice(i, 1);
          } else if (volatile.length > 0) {
            // Delete and re-add: the entry moves to the end.
            const k = rng.pick(volatile);
            d.delete(k);
            d.set(k, 0);
          }
        }
      });
      const seen = new Set(visited);
      for (const k of stable) expect(seen.has(k), `seed ${seed}: ${k} missed`).toBe(true);
      // Everything visited existed at some point: no garbage.
      for (const k of visited) expect(k.startsWith('k'), `seed ${seed}: ${k}`).toBe(true);
    }
  });

  it('a cursor beyond the current size (the dict shrank, or a client made it up) is safe', () => {
    const d = new Dict<number>();
    for (let i = 0; i < 100; i++) d.set(`k${i}`, i);
    const first: string[] = [];
    let cursor = d.scan(0, 10, (k) => first.push(k));
    for (let i = 0; i < 95; i++) if (!first.includes(`k${i}`)) d.delete(`k${i}`);
    const rest: string[] = [];
    while (cursor !== 0) cursor = d.scan(cursor, 10, (k) => rest.push(k));
    for (const k of d.keys()) expect(first.includes(k) || rest.includes(k)).toBe(true);
    const fromNowhere: string[] = [];
    cursor = d.scan(Number.MAX_SAFE_INTEGER, 1000, (k) => fromNowhere.push(k));
    expect(cursor).toBe(0);
    expect(fromNowhere.sort()).toEqual([...d.keys()].sort());
  });
});

describe('Dict index (open addressing, backward-shift deletion)', () => {
  it('agrees with a Map over 200,000 random inserts, overwrites and deletes, through growth and shrinking', () => {
    let seed = 12345;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const d = new Dict<number>();
    const ref = new Map<string, number>();
    for (let step = 0; step < 200_000; step++) {
      // The key space swells and shrinks so the index grows, shrinks and reshuffles probe runs.
      const space = step % 100_000 < 50_000 ? 5000 : 50;
      const key = `k${rnd(space)}` + (rnd(10) === 0 ? '\x00\xff'.repeat(rnd(200)) : '');
      if (rnd(3) === 0) {
        expect(d.delete(key)).toBe(ref.delete(key));
      } else {
        expect(d.set(key, step, step & 0xffff)).toBe(!ref.has(key));
        ref.set(key, step);
      }
      if (step % 997 === 0) {
        expect(d.size).toBe(ref.size);
        for (const [k, v] of ref) expect(d.get(k)).toBe(v);
        for (const k of d.keys()) expect(ref.has(k)).toBe(true);
      }
    }
    expect(d.get('missing')).toBeUndefined();
  });

  it('hashes long keys by length, head and tail, and still tells them apart', () => {
    const d = new Dict<number>();
    const a = 'x'.repeat(300) + 'a' + 'y'.repeat(300);
    const b = 'x'.repeat(300) + 'b' + 'y'.repeat(300);
    d.set(a, 1);
    d.set(b, 2);
    expect(d.get(a)).toBe(1);
    expect(d.get(b)).toBe(2);
    expect(d.delete(a)).toBe(true);
    expect(d.get(b)).toBe(2);
  });
});
