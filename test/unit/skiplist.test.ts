// The sorted set's ordered index (ZOrderedIndex): the TypeScript skiplist and the WASM one,
// each checked against a naive sorted array under long seeded random sequences of every
// operation (insert, remove, updateScore, rank, range both ways, score and lex range ends,
// removeRange, clone, free), with binary and long members.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Bin } from '../../src/bytes.ts';
import type { LexBound, LexRange, ScoreRange, ZOrderedIndex } from '../../src/types/zset-index.ts';
import { createTsSkiplist } from '../../src/wasm/ts/skiplist.ts';
import { SkiplistWasm, compileSkiplistWasm, createWasmSkiplist } from '../../src/wasm/skiplist.ts';
import { Rng } from '../compat/harness.ts';

interface Entry {
  member: Bin;
  score: number;
}

function cmp(a: Entry, b: Entry): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/** The model: the elements in order, every question answered by a linear scan. */
class Model {
  items: Entry[] = [];
  position(e: Entry): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.items[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  insert(e: Entry): void {
    this.items.splice(this.position(e), 0, e);
  }
  indexOf(e: Entry): number {
    const i = this.position(e);
    return i < this.items.length && cmp(this.items[i], e) === 0 ? i : -1;
  }
  remove(e: Entry): boolean {
    const i = this.indexOf(e);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }
}

function inScore(s: number, r: ScoreRange): boolean {
  return (r.minExclusive ? s > r.min : s >= r.min) && (r.maxExclusive ? s < r.max : s <= r.max);
}

function inLex(m: Bin, r: LexRange): boolean {
  const gte = r.min.inf !== 0 ? r.min.inf < 0 : r.min.exclusive ? m > r.min.value : m >= r.min.value;
  const lte = r.max.inf !== 0 ? r.max.inf > 0 : r.max.exclusive ? m < r.max.value : m <= r.max.value;
  return gte && lte;
}

function firstWhere(items: Entry[], p: (e: Entry) => boolean): number {
  return items.findIndex(p);
}

function lastWhere(items: Entry[], p: (e: Entry) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (p(items[i])) return i;
  return -1;
}

const ALPHABET = ['a', 'b', 'c', '\x00', '\xff', 'ab', 'abc', '\x80'];

function randomMember(rng: Rng): Bin {
  const roll = rng.next();
  if (roll < 0.01) return 'L'.repeat(rng.int(100, 3000)) + String.fromCharCode(rng.int(0, 255));
  let s = '';
  const parts = rng.int(0, 4);
  for (let i = 0; i < parts; i++) s += rng.pick(ALPHABET);
  if (rng.chance(0.5)) s += String.fromCharCode(rng.int(0, 255), rng.int(0, 255));
  return s;
}

function randomScore(rng: Rng, sameScore: boolean): number {
  if (sameScore) return 0;
  const roll = rng.next();
  if (roll < 0.05) return rng.pick([-Infinity, Infinity, 0, -0, 1e308, -1e-308]);
  if (roll < 0.5) return rng.int(-5, 5);
  return (rng.next() - 0.5) * 1000;
}

function randomScoreRange(rng: Rng, m: Model): ScoreRange {
  const pickBound = (): number => {
    if (m.items.length > 0 && rng.chance(0.5)) return rng.pick(m.items).score;
    return rng.chance(0.1) ? rng.pick([-Infinity, Infinity]) : rng.int(-6, 6) + (rng.chance(0.3) ? rng.next() : 0);
  };
  let min = pickBound();
  let max = pickBound();
  if (rng.chance(0.8) && min > max) [min, max] = [max, min];
  return { min, max, minExclusive: rng.chance(0.3), maxExclusive: rng.chance(0.3) };
}

function randomLexBound(rng: Rng, m: Model): LexBound {
  const roll = rng.next();
  if (roll < 0.1) return { inf: -1, value: '', exclusive: false };
  if (roll < 0.2) return { inf: 1, value: '', exclusive: false };
  const value = m.items.length > 0 && rng.chance(0.5) ? rng.pick(m.items).member : randomMember(rng);
  return { inf: 0, value, exclusive: rng.chance(0.4) };
}

function contents(ix: ZOrderedIndex): Entry[] {
  const out: Entry[] = [];
  if (ix.length > 0) ix.range(0, ix.length - 1, false, (member, score) => out.push({ member, score }));
  return out;
}

/** Runs `ops` random operations on a fresh index and the model; fails at the first difference. */
function runSequence(create: () => ZOrderedIndex, seed: number, ops: number, sameScore: boolean): void {
  const rng = new Rng(seed);
  let ix = create();
  let m = new Model();
  const byMember = new Map<Bin, number>();
  const fail = (op: number, what: string, got: unknown, want: unknown): never => {
    throw new Error(`seed ${seed} op ${op} ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (let op = 0; op < ops; op++) {
    const roll = rng.next();
    const maxSize = sameScore ? 300 : 1500;
    if (roll < 0.3 && m.items.length < maxSize) {
      let member = randomMember(rng);
      while (byMember.has(member)) member += String.fromCharCode(rng.int(0, 255));
      const score = randomScore(rng, sameScore);
      ix.insert(member, score);
      m.insert({ member, score });
      byMember.set(member, score);
    } else if (roll < 0.4) {
      // remove: present, or a miss (absent member, or present member with another score)
      if (m.items.length > 0 && rng.chance(0.7)) {
        const e = rng.pick(m.items);
        if (!ix.remove(e.member, e.score)) fail(op, 'remove present', false, true);
        m.remove(e);
        byMember.delete(e.member);
      } else {
        const member = randomMember(rng);
        const score = byMember.has(member) ? (byMember.get(member)! > 0 ? -1 : 1) : randomScore(rng, sameScore);
        if (ix.remove(member, score)) fail(op, 'remove absent', true, false);
      }
    } else if (roll < 0.48 && m.items.length > 0) {
      const e = rng.pick(m.items);
      const score = sameScore ? 0 : rng.chance(0.3) ? e.score + (rng.next() - 0.5) * 0.001 : randomScore(rng, sameScore);
      ix.updateScore(e.member, e.score, score);
      m.remove(e);
      m.insert({ member: e.member, score });
      byMember.set(e.member, score);
    } else if (roll < 0.56 && m.items.length > 0) {
      const i = rng.int(0, m.items.length - 1);
      const e = m.items[i];
      const got = ix.rank(e.member, e.score);
      if (got !== i) fail(op, 'rank', got, i);
    } else if (roll < 0.66 && m.items.length > 0) {
      const a = rng.int(0, m.items.length - 1);
      const b = Math.min(m.items.length - 1, a + rng.int(0, 20));
      const reverse = rng.chance(0.5);
      const got: Entry[] = [];
      ix.range(a, b, reverse, (member, score) => got.push({ member, score }));
      const want = m.items.slice(a, b + 1);
      if (reverse) want.reverse();
      if (got.length !== want.length || got.some((e, k) => cmp(e, want[k]) !== 0 || !Object.is(e.score, want[k].score))) {
        fail(op, `range ${a} ${b} ${reverse}`, got, want);
      }
    } else if (roll < 0.76 && !sameScore) {
      const r = randomScoreRange(rng, m);
      const first = ix.firstInScoreRange(r);
      const wantFirst = firstWhere(m.items, (e) => inScore(e.score, r));
      if (first !== wantFirst) fail(op, `firstInScoreRange ${JSON.stringify(r)}`, first, wantFirst);
      const last = ix.lastInScoreRange(r);
      const wantLast = lastWhere(m.items, (e) => inScore(e.score, r));
      if (last !== wantLast) fail(op, `lastInScoreRange ${JSON.stringify(r)}`, last, wantLast);
    } else if (roll < 0.76) {
      const r = { min: randomLexBound(rng, m), max: randomLexBound(rng, m) };
      const first = ix.firstInLexRange(r);
      const wantFirst = firstWhere(m.items, (e) => inLex(e.member, r));
      if (first !== wantFirst) fail(op, `firstInLexRange ${JSON.stringify(r)}`, first, wantFirst);
      const last = ix.lastInLexRange(r);
      const wantLast = lastWhere(m.items, (e) => inLex(e.member, r));
      if (last !== wantLast) fail(op, `lastInLexRange ${JSON.stringify(r)}`, last, wantLast);
    } else if (roll < 0.78 && m.items.length > 0) {
      const a = rng.int(0, m.items.length - 1);
      const b = Math.min(m.items.length - 1, a + rng.int(0, 10));
      const removed: Bin[] = [];
      const n = ix.removeRange(a, b, (member) => removed.push(member));
      const want = m.items.splice(a, b - a + 1);
      for (const e of want) byMember.delete(e.member);
      if (n !== want.length) fail(op, 'removeRange count', n, want.length);
      if (removed.join('|') !== want.map((e) => e.member).join('|')) fail(op, 'removeRange members', removed, want);
    } else if (roll < 0.805) {
      // clone: the copy equals the original; then carry on with either, freeing the other
      const copy = ix.clone();
      const got = contents(copy);
      if (got.length !== m.items.length || got.some((e, k) => cmp(e, m.items[k]) !== 0)) fail(op, 'clone', got.length, m.items.length);
      if (rng.chance(0.5)) {
        ix.free();
        ix = copy;
      } else {
        copy.free();
      }
    } else if (roll < 0.8052) {
      // free, twice, and start over
      ix.free();
      ix.free();
      ix = create();
      m = new Model();
      byMember.clear();
    }
    if (ix.length !== m.items.length) fail(op, 'length', ix.length, m.items.length);
    if (ix.score !== undefined) {
      // The member index (WASM): a present member's score, and a miss for an absent one.
      if (m.items.length > 0) {
        const e = rng.pick(m.items);
        const got = ix.score(e.member);
        if (!Object.is(got, e.score)) fail(op, `score of ${JSON.stringify(e.member)}`, got, e.score);
      }
      const absent = randomMember(rng);
      if (!byMember.has(absent) && ix.score(absent) !== undefined) fail(op, 'score of an absent member', ix.score(absent), undefined);
    }
  }
  if (ix.score !== undefined) {
    for (const e of m.items) if (!Object.is(ix.score(e.member), e.score)) fail(ops, `final score of ${JSON.stringify(e.member)}`, ix.score(e.member), e.score);
  }
  const got = contents(ix);
  if (got.length !== m.items.length || got.some((e, k) => cmp(e, m.items[k]) !== 0)) fail(ops, 'final contents', got.length, m.items.length);
  ix.free();
}

const IMPLEMENTATIONS: [string, () => ZOrderedIndex][] = [
  ['TypeScript', createTsSkiplist],
  ['WASM', createWasmSkiplist],
];

for (const [name, create] of IMPLEMENTATIONS) {
  describe(`${name} skiplist`, () => {
    it('orders by score, then member bytes; ranks, ranges, range ends', () => {
      const ix = create();
      for (const [m, s] of [['b', 1], ['a', 1], ['', 2], ['\xff', 0], ['\x00', 0], ['ab', 1]] as const) ix.insert(m, s);
      expect(contents(ix)).toEqual([
        { member: '\x00', score: 0 }, { member: '\xff', score: 0 }, { member: 'a', score: 1 },
        { member: 'ab', score: 1 }, { member: 'b', score: 1 }, { member: '', score: 2 },
      ]);
      expect(ix.rank('ab', 1)).toBe(3);
      expect(ix.firstInScoreRange({ min: 1, max: 1, minExclusive: false, maxExclusive: false })).toBe(2);
      expect(ix.lastInScoreRange({ min: 1, max: 1, minExclusive: false, maxExclusive: false })).toBe(4);
      expect(ix.firstInScoreRange({ min: 1, max: 1, minExclusive: true, maxExclusive: false })).toBe(-1);
      expect(ix.firstInScoreRange({ min: 2, max: Infinity, minExclusive: true, maxExclusive: false })).toBe(-1);
      const rev: Bin[] = [];
      ix.range(1, 3, true, (m) => rev.push(m));
      expect(rev).toEqual(['ab', 'a', '\xff']);
      expect(ix.remove('ab', 2)).toBe(false);
      expect(ix.remove('ab', 1)).toBe(true);
      expect(ix.length).toBe(5);
      ix.free();
      ix.free();
    });

    it('matches a sorted-array model under 100k random operations (mixed scores)', () => {
      for (let seed = 1; seed <= 5; seed++) runSequence(create, seed, 20_000, false);
    });

    it('matches the model under 40k random operations with one score (lex ranges)', () => {
      for (let seed = 100; seed <= 103; seed++) runSequence(create, seed, 10_000, true);
    });
  });
}

describe('WASM skiplist memory', () => {
  it('keeps long members and many lists across memory growth; free returns the memory', () => {
    const m = new SkiplistWasm(compileSkiplistWasm());
    m.scratch(30_000);
    const baseline = m.allocatedBytes();
    const lists = Array.from({ length: 50 }, () => createWasmSkiplist(m));
    const big = (i: number): Bin => String.fromCharCode(i & 255).repeat(20_000) + i;
    const before = m.memoryBytes();
    for (let i = 0; i < 2000; i++) lists[i % 50].insert(big(i), i % 7);
    expect(m.memoryBytes()).toBeGreaterThan(before + 2000 * 20_000);
    const grown = m.memoryBytes();
    for (let k = 0; k < 50; k++) {
      const got: Bin[] = [];
      lists[k].range(0, lists[k].length - 1, false, (member) => got.push(member));
      const want = Array.from({ length: 40 }, (_, j) => ({ member: big(k + 50 * j), score: (k + 50 * j) % 7 }));
      want.sort(cmp);
      expect(got).toEqual(want.map((e) => e.member));
    }
    // Freed lists' blocks are reused: filling again does not grow memory.
    for (const l of lists) l.free();
    const again = Array.from({ length: 50 }, () => createWasmSkiplist(m));
    for (let i = 0; i < 2000; i++) again[i % 50].insert(big(i), i);
    expect(m.memoryBytes()).toBe(grown);
    // Removing elements one by one frees them as well.
    for (let i = 0; i < 2000; i++) expect(again[i % 50].remove(big(i), i)).toBe(true);
    for (let i = 0; i < 2000; i++) again[i % 50].insert(big(i), -i);
    expect(m.memoryBytes()).toBe(grown);
    for (const l of again) expect(l.length).toBe(40);
    const copies = again.map((l) => l.clone());
    for (const l of again) l.removeRange(0, 39, () => {});
    for (const l of [...again, ...copies]) l.free();
    expect(m.allocatedBytes()).toBe(baseline);
    // Used after free(): an error, not a write through a dangling handle.
    expect(again[0].length).toBe(0);
    expect(() => again[0].insert('a', 1)).toThrow('used after free()');
  });

  it('visits in range() may grow memory (inserting into another list) without stale reads', () => {
    const m = new SkiplistWasm(compileSkiplistWasm());
    const src = createWasmSkiplist(m);
    const dst = createWasmSkiplist(m);
    for (let i = 0; i < 300; i++) src.insert(`m${i}`.padEnd(5000, '.'), i);
    src.range(0, 299, false, (member, score) => dst.insert(member, score * 2));
    const got: [Bin, number][] = [];
    dst.range(0, 299, true, (member, score) => got.push([member, score]));
    expect(got.length).toBe(300);
    expect(got[0]).toEqual(['m299'.padEnd(5000, '.'), 598]);
    expect(got[299]).toEqual(['m0'.padEnd(5000, '.'), 0]);
  });
});

describe('WASM skiplist finalizer', () => {
  it('frees the memory of lists dropped without free() once they are collected', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const m = new SkiplistWasm(compileSkiplistWasm());
    m.scratch(64);
    const baseline = m.allocatedBytes();
    (() => {
      for (let k = 0; k < 20; k++) {
        const l = createWasmSkiplist(m);
        for (let i = 0; i < 100; i++) l.insert(`member:${i}`, i);
      }
    })();
    expect(m.allocatedBytes()).toBeGreaterThan(baseline);
    // Finalizers run on a later turn after the collection; give them a few.
    for (let tries = 0; tries < 50 && m.allocatedBytes() !== baseline; tries++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(m.allocatedBytes()).toBe(baseline);
  });
});
