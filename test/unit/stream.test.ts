// The stream type on its own: ranges, lookups, deletion and trimming against a plain sorted
// model; node sizes as Redis's listpack arithmetic gives them; ID parsing; the rax node count;
// the lag helpers; clones.
import { describe, expect, it } from 'vitest';
import {
  MAX_ID,
  Stream,
  ZERO_ID,
  compareIds,
  decrId,
  idToString,
  incrId,
  parseStreamId,
  type StreamID,
  type TrimArgs,
} from '../../src/types/stream.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

const LIMITS = { maxBytes: 4096, maxEntries: 100 };
const id = (ms: number | bigint, seq: number | bigint = 0): StreamID => ({ ms: BigInt(ms), seq: BigInt(seq) });

interface ModelEntry {
  id: StreamID;
  fields: string[];
}

function modelRange(model: ModelEntry[], start: StreamID, end: StreamID, rev: boolean, count: number): string[] {
  let out = model.filter((e) => compareIds(e.id, start) >= 0 && compareIds(e.id, end) <= 0);
  if (rev) out = out.reverse();
  if (count) out = out.slice(0, count);
  return out.map((e) => `${idToString(e.id)}:${e.fields.join(',')}`);
}

function streamRange(s: Stream, start: StreamID, end: StreamID, rev: boolean, count: number): string[] {
  return s.entries(start, end, rev, count).map((e) => `${idToString(e.id)}:${e.fields.join(',')}`);
}

describe('Stream against a sorted model', () => {
  it('ranges, lookups, deletes and trims agree over random operations and node limits', () => {
    for (const [seed, limits] of [
      [1, LIMITS],
      [2, { maxBytes: 4096, maxEntries: 3 }],
      [3, { maxBytes: 120, maxEntries: 0 }],
      [4, { maxBytes: 0, maxEntries: 1 }],
    ] as const) {
      const r = rng(seed);
      const s = new Stream();
      let model: ModelEntry[] = [];
      let ms = 1n;
      for (let step = 0; step < 3000; step++) {
        const op = r();
        if (op < 0.55) {
          ms += BigInt(Math.floor(r() * 3));
          const next = compareIds(id(ms, 0), s.lastId) > 0 ? id(ms, 0) : incrId(s.lastId)!;
          const n = 1 + Math.floor(r() * 3);
          const argv: string[] = [];
          for (let i = 0; i < n; i++) argv.push(r() < 0.7 ? ['a', 'b', 'c'][i] : `f${Math.floor(r() * 4)}`, r() < 0.3 ? String(Math.floor(r() * 1e6) - 5e5) : 'v'.repeat(Math.floor(r() * 90)));
          s.append(next, argv, 0, limits);
          model.push({ id: next, fields: argv });
        } else if (op < 0.7 && model.length > 0) {
          const victims = [model[Math.floor(r() * model.length)].id, id(ms + 5n)];
          const before = model.length;
          model = model.filter((e) => compareIds(e.id, victims[0]) !== 0);
          expect(s.delete(victims)).toBe(before - model.length);
        } else if (op < 0.75) {
          const maxlen = Math.floor(r() * 50);
          const args: TrimArgs = { strategy: 'maxlen', maxlen, minid: ZERO_ID, approx: false, limit: 0 };
          const removed = s.trim(args);
          expect(removed).toBe(Math.max(0, model.length - maxlen));
          model = model.slice(Math.max(0, model.length - maxlen));
        } else if (op < 0.8) {
          const minid = id(ms - BigInt(Math.floor(r() * 10)));
          const removed = s.trim({ strategy: 'minid', maxlen: 0, minid, approx: r() < 0.5, limit: 0 });
          const kept = model.filter((e) => compareIds(e.id, minid) >= 0 || false);
          // Approximate trims keep whole nodes: never more removed than exact, and what is left is a suffix.
          expect(removed).toBeLessThanOrEqual(model.length - kept.length);
          model = model.slice(removed);
        } else {
          const a = id(ms - BigInt(Math.floor(r() * 20)), Math.floor(r() * 2));
          const b = id(ms - BigInt(Math.floor(r() * 20)), Math.floor(r() * 2));
          const count = Math.floor(r() * 5);
          expect(streamRange(s, a, b, false, count)).toEqual(modelRange(model, a, b, false, count));
          expect(streamRange(s, b, a, true, count)).toEqual(modelRange(model, b, a, true, count));
          const probe = model.length > 0 && r() < 0.8 ? model[Math.floor(r() * model.length)] : undefined;
          if (probe) {
            expect(s.get(probe.id)).toEqual(probe.fields);
            expect(s.has(probe.id)).toBe(true);
          }
          expect(s.has(id(ms + 100n))).toBe(false);
        }
        expect(s.length).toBe(model.length);
        expect(s.firstId).toEqual(model.length ? model[0].id : ZERO_ID);
        expect(s.lastValidId()).toEqual(model.length ? model[model.length - 1].id : ZERO_ID);
      }
      expect(streamRange(s, ZERO_ID, MAX_ID, false, 0)).toEqual(modelRange(model, ZERO_ID, MAX_ID, false, 0));
    }
  });
});

describe('listpack arithmetic', () => {
  it('one entry costs what lpBytes says in Redis: header, master entry, entry, end byte', () => {
    const s = new Stream();
    // 7 (header + end) + count 2 + deleted 2 + num-fields 2 + "f" 3 + master terminator 2
    // + flags 2 + ms-delta 2 + seq-delta 2 + "v" 3 + lp-count 2 = 29
    s.append(id(1), ['f', 'v'], 0, LIMITS);
    expect(s.listpackBytes()).toBe(29);
    // Same fields: flags, deltas, value, lp-count only.
    s.append(id(2), ['f', 'w'], 0, LIMITS);
    expect(s.listpackBytes()).toBe(29 + 11);
    // Other fields: num-fields and the field name too.
    s.append(id(3), ['g', 'w'], 0, LIMITS);
    expect(s.listpackBytes()).toBe(29 + 11 + 16);
  });

  it('integers take their listpack widths, strings their length headers and backlen', () => {
    const cost = (value: string) => {
      const s = new Stream();
      s.append(id(1), ['f', value], 0, LIMITS);
      return s.listpackBytes() - 26;
    };
    expect(cost('127')).toBe(2);
    expect(cost('128')).toBe(3);
    expect(cost('-4096')).toBe(3);
    expect(cost('32767')).toBe(4);
    expect(cost('8388607')).toBe(5);
    expect(cost('2147483647')).toBe(6);
    expect(cost('9223372036854775807')).toBe(10);
    expect(cost('9223372036854775808')).toBe(21);
    expect(cost('01')).toBe(4);
    expect(cost('-0')).toBe(4);
    expect(cost('x'.repeat(63))).toBe(65);
    expect(cost('x'.repeat(64))).toBe(67);
    expect(cost('x'.repeat(4096))).toBe(4096 + 5 + 2);
  });

  it('a node closes at stream-node-max-entries (live and deleted) or when the next entry would reach max-bytes', () => {
    const s = new Stream();
    for (let i = 1; i <= 100; i++) s.append(id(i), ['f', 'v'], 0, LIMITS);
    expect(s.nodeCount).toBe(1);
    s.delete([id(50)]);
    s.append(id(101), ['f', 'v'], 0, LIMITS);
    expect(s.nodeCount).toBe(2);
    const big = new Stream();
    big.append(id(1), ['f', 'a'.repeat(4080)], 0, LIMITS);
    big.append(id(2), ['f', 'v'], 0, LIMITS);
    expect(big.nodeCount).toBe(2);
  });

  it('values round-trip whatever their encoding, binary bytes included', () => {
    const values = ['0', '-1', '4095', '-4097', '70000', '-9000000', '3000000000', '-9223372036854775808', '18446744073709551616', '', '\x00\xff\x80', 'z'.repeat(5000)];
    const s = new Stream();
    values.forEach((v, i) => s.append(id(i + 1), [v, v], 0, LIMITS));
    values.forEach((v, i) => expect(s.get(id(i + 1))).toEqual([v, v]));
  });

  it('negative sequence deltas (a later ms with a smaller seq) and 64-bit IDs decode exactly', () => {
    const s = new Stream();
    const ids = [id(5, 1000), id(6, 0), id(6, 18446744073709551615n), id(18446744073709551615n, 3), id(18446744073709551615n, 18446744073709551615n)];
    for (const i of ids) s.append(i, ['f', 'v'], 0, LIMITS);
    expect(s.entries(ZERO_ID, MAX_ID, false, 0).map((e) => e.id)).toEqual(ids);
    expect(s.entries(ZERO_ID, MAX_ID, true, 2).map((e) => e.id)).toEqual([ids[4], ids[3]]);
  });
});

describe('IDs', () => {
  it('parses as streamGenericParseIDOrReply does', () => {
    const p = (a: string, strict = false, star = false) => {
      const r = parseStreamId(a, 7n, strict, star);
      return r === null ? null : `${idToString(r.id)}${r.seqGiven ? '' : '*'}`;
    };
    expect(p('5')).toBe('5-7');
    expect(p('5-3')).toBe('5-3');
    expect(p('-')).toBe('0-0');
    expect(p('+')).toBe('18446744073709551615-18446744073709551615');
    expect(p('-', true)).toBeNull();
    expect(p(' 7-+3')).toBe('7-3');
    expect(p('8--01')).toBe('8-18446744073709551615');
    expect(p('8--1')).toBeNull();
    expect(p('9-\x00x')).toBeNull();
    expect(p('9\x00-1')).toBe('9-7');
    expect(p('18446744073709551616')).toBeNull();
    expect(p('1-*')).toBeNull();
    expect(p('1-*', false, true)).toBe('1-0*');
    expect(p('x'.repeat(128))).toBeNull();
  });

  it('increments and decrements across the seq boundary, refusing past the ends', () => {
    expect(incrId(id(1, 18446744073709551615n))).toEqual(id(2, 0));
    expect(incrId(MAX_ID)).toBeNull();
    expect(decrId(id(2, 0))).toEqual(id(1, 18446744073709551615n));
    expect(decrId(ZERO_ID)).toBeNull();
  });
});

describe('rax node count (XINFO radix-tree-nodes)', () => {
  it('is 1 for an empty stream, 2 for one node, and counts shared prefixes and branches', () => {
    const s = new Stream();
    expect(s.radixTreeNodes()).toBe(1);
    s.append(id(1), ['f', 'v'], 0, { maxBytes: 0, maxEntries: 1 });
    expect(s.radixTreeNodes()).toBe(2);
    // 1-0 and 2-0 share 7 bytes, then differ: prefix, branch, two tails, two leaves.
    s.append(id(2), ['f', 'v'], 0, { maxBytes: 0, maxEntries: 1 });
    expect(s.radixTreeNodes()).toBe(6);
  });
});

describe('lag helpers', () => {
  it('estimate the distance from the first entry ever added as Redis does', () => {
    const s = new Stream();
    expect(s.estimateDistanceFromFirstEverEntry(id(5))).toBe(0);
    for (let i = 1; i <= 10; i++) s.append(id(i), ['f', 'v'], 0, LIMITS);
    expect(s.estimateDistanceFromFirstEverEntry(id(10))).toBe(10);
    expect(s.estimateDistanceFromFirstEverEntry(id(1))).toBe(1);
    expect(s.estimateDistanceFromFirstEverEntry(id(0, 5))).toBe(0);
    expect(s.estimateDistanceFromFirstEverEntry(id(11))).toBe(-1);
    s.trim({ strategy: 'maxlen', maxlen: 5, minid: ZERO_ID, approx: false, limit: 0 });
    expect(s.estimateDistanceFromFirstEverEntry(id(6))).toBe(6);
    expect(s.estimateDistanceFromFirstEverEntry(id(3))).toBe(5);
    expect(s.estimateDistanceFromFirstEverEntry(id(8))).toBe(-1);
    expect(s.rangeHasTombstones(null, null)).toBe(false);
    s.delete([id(8)]);
    expect(s.rangeHasTombstones(id(7), null)).toBe(true);
    expect(s.rangeHasTombstones(id(9), null)).toBe(false);
    expect(s.estimateDistanceFromFirstEverEntry(id(7))).toBe(-1);
  });
});

describe('clone', () => {
  it('copies entries and counters, sharing nothing mutable', () => {
    const s = new Stream();
    for (let i = 1; i <= 250; i++) s.append(id(i), ['f', String(i)], 0, LIMITS);
    const c = s.clone();
    s.delete([id(1), id(200)]);
    s.append(id(300), ['f', 'x'], 0, LIMITS);
    expect(c.length).toBe(250);
    expect(c.get(id(200))).toEqual(['f', '200']);
    expect(c.lastId).toEqual(id(250));
    c.append(id(251), ['f', 'y'], 0, LIMITS);
    expect(s.get(id(251))).toBeUndefined();
    expect(c.entries(id(249), MAX_ID, false, 0).length).toBe(3);
  });
});
