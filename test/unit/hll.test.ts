// The HyperLogLog algorithms: the WASM module (assembly/hll.ts) and its TypeScript twin
// (src/wasm/ts/hll.ts) must leave byte-identical strings and equal counts for the same
// operations, and both must match bytes real Redis 7.0 produced (taken once with GET).
import { describe, expect, it } from 'vitest';
import { ByteString } from '../../src/types/byte-string.ts';
import {
  emptyHll,
  hllAddElements,
  hllCardinality,
  hllToDense,
  hllUnionAdd,
  hllUnionCount,
  hllUnionReset,
  hllUnionStore,
  tsHll,
  wasmHll,
  type HllImpl,
} from '../../src/wasm/hll.ts';
import { HLL_DENSE_SIZE, denseGet, denseSet } from '../../src/wasm/ts/hll.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

const wasm = wasmHll();
const ts = tsHll();

function bin(bytes: Uint8Array | number[]): string {
  return String.fromCharCode(...bytes);
}

function fresh(): ByteString {
  return ByteString.fromBin(bin(emptyHll()));
}

function hex(b: ByteString): string {
  return Array.from(b.bytes(), (x) => x.toString(16).padStart(2, '0')).join('');
}

describe('bytes as real Redis 7.0 writes them', () => {
  it('an empty HLL, and PFADD x y z', () => {
    const b = fresh();
    expect(hex(b)).toBe('48594c4c0100000000000000000000007fff');
    for (const impl of [wasm, ts]) {
      const k = fresh();
      expect(hllAddElements(k, ['x', 'y', 'z'], 0, 3, 3000, impl)).toBe(3);
      // redis-cli: PFADD b x y z; GET b
      expect(hex(k)).toBe('48594c4c010000000000000000000080' + '61848058cd8845a08408');
      expect(hllCardinality(k, impl)).toBe(3);
    }
  });
});

describe('register packing', () => {
  it('every register reads back what was set, neighbours untouched', () => {
    const regs = new Uint8Array(HLL_DENSE_SIZE);
    const next = rng(7);
    const expect6 = new Uint8Array(16384);
    for (let i = 0; i < 16384; i++) {
      expect6[i] = Math.floor(next() * 64);
      denseSet(regs, 16, i, expect6[i]);
    }
    for (let i = 0; i < 16384; i++) expect(denseGet(regs, 16, i)).toBe(expect6[i]);
  });
});

describe('the WASM module and its twin agree', () => {
  it('on PFADD batches across the sparse -> dense boundary at several thresholds', () => {
    for (const max of [0, 20, 300, 3000, 20000]) {
      const next = rng(max + 1);
      const a = fresh();
      const b = fresh();
      for (let round = 0; round < 60; round++) {
        const n = round < 30 ? 1 + Math.floor(next() * 5) : Math.floor(next() * 200);
        const elems = Array.from({ length: n }, () => `el${Math.floor(next() * 1e6)}`);
        expect(hllAddElements(a, elems, 0, n, max, wasm)).toBe(hllAddElements(b, elems, 0, n, max, ts));
        expect(a.toBin()).toBe(b.toBin());
        expect(hllCardinality(a, wasm)).toBe(hllCardinality(b, ts));
      }
    }
  });

  it('on unions, their counts and PFMERGE stores into sparse and dense targets', () => {
    const next = rng(99);
    const sources: ByteString[] = [];
    for (let k = 0; k < 6; k++) {
      const s = fresh();
      const n = [5, 50, 400, 2000, 20000, 1][k];
      hllAddElements(s, Array.from({ length: n }, () => `u${Math.floor(next() * 1e7)}`), 0, n, 3000, wasm);
      sources.push(s);
    }
    for (const pick of [[0], [0, 1], [1, 2], [2, 3, 4], [0, 1, 2, 3, 4, 5], [5]]) {
      const counts = [wasm, ts].map((impl: HllImpl) => {
        hllUnionReset(impl);
        for (const i of pick) expect(hllUnionAdd(sources[i], impl)).toBe(true);
        return hllUnionCount(impl);
      });
      expect(counts[0]).toBe(counts[1]);
      for (const max of [30, 3000]) {
        const targets = [wasm, ts].map((impl) => {
          const t = sources[pick[0]].clone();
          hllUnionReset(impl);
          for (const i of pick) hllUnionAdd(sources[i], impl);
          hllUnionStore(t, max, impl);
          return t;
        });
        expect(targets[0].toBin()).toBe(targets[1].toBin());
      }
    }
  });

  it('on corrupt sparse strings: the same errors, the same partial edits', () => {
    const next = rng(5);
    for (let i = 0; i < 3000; i++) {
      const ops = Array.from({ length: 1 + Math.floor(next() * 10) }, () => Math.floor(next() * 256));
      const bytes = bin([...emptyHll().subarray(0, 16), ...ops]);
      const elems = Array.from({ length: Math.floor(next() * 4) }, () => `c${Math.floor(next() * 1000)}`);
      const a = ByteString.fromBin(bytes);
      const b = ByteString.fromBin(bytes);
      expect(hllCardinality(a, wasm)).toBe(hllCardinality(b, ts));
      hllUnionReset(wasm);
      hllUnionReset(ts);
      expect(hllUnionAdd(a, wasm)).toBe(hllUnionAdd(b, ts));
      expect(hllUnionCount(wasm)).toBe(hllUnionCount(ts));
      expect(hllAddElements(a, elems, 0, elems.length, 3000, wasm)).toBe(hllAddElements(b, elems, 0, elems.length, 3000, ts));
      expect(a.toBin()).toBe(b.toBin());
      const da = a.clone();
      const db = b.clone();
      expect(hllToDense(da, wasm)).toBe(hllToDense(db, ts));
      expect(da.toBin()).toBe(db.toBin());
    }
  });
});

describe('the estimator', () => {
  it('counts nothing as 0 and stays within 2% on large sets', () => {
    expect(hllCardinality(fresh(), wasm)).toBe(0);
    const b = fresh();
    const elems = Array.from({ length: 100000 }, (_, i) => `member:${i}`);
    hllAddElements(b, elems, 0, elems.length, 3000, wasm);
    const count = hllCardinality(b, wasm);
    expect(Math.abs(count - 100000) / 100000).toBeLessThan(0.02);
    expect(hllCardinality(b, ts)).toBe(count);
  });
});
