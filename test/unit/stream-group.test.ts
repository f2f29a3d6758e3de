// The consumer-group structures: the ordered PEL index against a sorted-array model (random
// inserts, deletes, seeks and walks across chunk splits and merges), and a group's deliveries,
// acknowledgements, transfers, consumer deletion and deep copy.
import { describe, expect, it } from 'vitest';
import { INVALID_ENTRIES_READ } from '../../src/types/stream.ts';
import { PelIndex, StreamGroup, idKey, incrementCount, keyId } from '../../src/types/stream-group.ts';

/** A 16-byte big-endian ID key, as the PEL stores them. */
function key(ms: number, seq = 0): string {
  return idKey({ ms: BigInt(ms), seq: BigInt(seq) });
}

function mulberry(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function walk(index: PelIndex<number>, from: string): string[] {
  const out: string[] = [];
  index.forEachFrom(from, (k) => {
    out.push(k);
    return true;
  });
  return out;
}

describe('ID keys', () => {
  it('encode IDs as 16 big-endian bytes whose string order is ID order, and decode back', () => {
    const ids = [
      { ms: 0n, seq: 0n },
      { ms: 1n, seq: 18446744073709551615n },
      { ms: 4294967296n, seq: 0n },
      { ms: 9007199254740993n, seq: 7n },
      { ms: 18446744073709551615n, seq: 18446744073709551615n },
    ];
    const keys = ids.map(idKey);
    expect(keys.every((k) => k.length === 16)).toBe(true);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.map(keyId)).toEqual(ids);
  });
});

describe('PelIndex', () => {
  it('keeps keys in ID order (ms before seq, bytes above 0x7f) and answers seeks', () => {
    const index = new PelIndex<number>();
    const ids = [key(5, 1), key(1, 300), key(256, 0), key(1, 2), key(2 ** 40, 7), key(1, 255)];
    ids.forEach((k, i) => index.set(k, i));
    expect(index.size).toBe(6);
    expect(walk(index, key(0))).toEqual([key(1, 2), key(1, 255), key(1, 300), key(5, 1), key(256, 0), key(2 ** 40, 7)]);
    expect(index.first()).toBe(key(1, 2));
    expect(index.last()).toBe(key(2 ** 40, 7));
    expect(index.ceiling(key(1, 256))).toBe(key(1, 300));
    expect(index.ceiling(key(2 ** 41))).toBeUndefined();
    expect(index.after(key(5, 1))).toBe(key(256, 0));
    expect(index.after(key(2 ** 40, 7))).toBeUndefined();
    expect(index.get(key(256))).toBe(2);
    index.set(key(256), 99);
    expect(index.get(key(256))).toBe(99);
    expect(index.size).toBe(6);
    expect(index.delete(key(256))).toBe(true);
    expect(index.delete(key(256))).toBe(false);
    expect(index.has(key(256))).toBe(false);
    expect(index.size).toBe(5);
  });

  it('matches a sorted-array model over 20,000 random operations (splits and merges)', () => {
    const rnd = mulberry(7);
    const index = new PelIndex<number>();
    const model = new Map<string, number>();
    const sorted = () => [...model.keys()].sort();
    for (let op = 0; op < 20_000; op++) {
      const r = rnd();
      const k = key(Math.floor(rnd() * 3000), Math.floor(rnd() * 3));
      if (r < 0.55) {
        index.set(k, op);
        model.set(k, op);
      } else if (r < 0.9) {
        expect(index.delete(k)).toBe(model.delete(k));
      } else if (r < 0.97) {
        expect(index.get(k)).toBe(model.get(k));
        const keys = sorted();
        expect(index.ceiling(k)).toBe(keys.find((x) => x >= k));
        expect(index.after(k)).toBe(keys.find((x) => x > k));
      } else {
        const keys = sorted();
        expect(index.size).toBe(keys.length);
        expect(walk(index, k)).toEqual(keys.filter((x) => x >= k));
        expect(index.first()).toBe(keys[0]);
        expect(index.last()).toBe(keys[keys.length - 1]);
      }
    }
  });

  it('grows at its end cheaply: a million in-order appends, then a seek into the middle', () => {
    const index = new PelIndex<number>();
    for (let i = 0; i < 1_000_000; i++) index.set(key(1_700_000_000_000 + i), i);
    expect(index.size).toBe(1_000_000);
    const got: number[] = [];
    index.forEachFrom(key(1_700_000_500_000), (_, v) => {
      got.push(v);
      return got.length < 3;
    });
    expect(got).toEqual([500_000, 500_001, 500_002]);
  });
});

describe('StreamGroup', () => {
  it('delivers, re-delivers to another consumer, acknowledges, and drops a consumer with its entries', () => {
    const g = new StreamGroup({ ms: 0n, seq: 0n }, 0);
    const alice = g.createConsumer('alice', 1000)!;
    expect(g.createConsumer('alice', 2000)).toBeUndefined();
    const { consumer: bob, created } = g.lookupOrCreateConsumer('bob', 1500);
    expect(created).toBe(true);
    g.deliver(key(1), alice, 1100);
    g.deliver(key(2), alice, 1100);
    g.deliver(key(3), bob, 1200);
    expect(g.pel.size).toBe(3);
    expect(alice.pel.size).toBe(2);
    // Delivered again after XGROUP SETID: moves to bob, count back to 1.
    const nack = g.pel.get(key(2))!;
    nack.deliveryCount = 5;
    g.deliver(key(2), bob, 1300);
    expect(nack).toMatchObject({ consumer: bob, deliveryCount: 1, deliveryTime: 1300 });
    expect(alice.pel.size).toBe(1);
    expect(bob.pel.size).toBe(2);
    expect(g.ack(key(1))).toBe(true);
    expect(g.ack(key(1))).toBe(false);
    expect(alice.pel.size).toBe(0);
    g.transfer(key(3), g.pel.get(key(3))!, alice);
    expect(alice.pel.has(key(3))).toBe(true);
    expect(bob.pel.has(key(3))).toBe(false);
    expect(g.sortedConsumers().map((c) => c.name)).toEqual(['alice', 'bob']);
    expect(g.deleteConsumer(bob)).toBe(1);
    expect(g.pel.has(key(2))).toBe(false);
    expect(g.pel.size).toBe(1);
    expect(g.consumer('bob')).toBeUndefined();
  });

  it('clones deeply: the copy shares no consumer, NACK or index with the original', () => {
    const g = new StreamGroup({ ms: 9n, seq: 1n }, INVALID_ENTRIES_READ);
    const a = g.createConsumer('a', 10)!;
    const b = g.createConsumer('b', 20)!;
    g.deliver(key(1), a, 11);
    g.deliver(key(2), b, 21);
    const copy = g.clone();
    expect(copy.lastId).toEqual({ ms: 9n, seq: 1n });
    expect(copy.entriesRead).toBe(INVALID_ENTRIES_READ);
    const ca = copy.consumer('a')!;
    expect(ca).not.toBe(a);
    expect(copy.pel.get(key(1))!.consumer).toBe(ca);
    expect(ca.pel.get(key(1))).toBe(copy.pel.get(key(1)));
    copy.ack(key(1));
    copy.consumer('b')!.seenTime = 99;
    expect(g.pel.size).toBe(2);
    expect(a.pel.size).toBe(1);
    expect(b.seenTime).toBe(20);
  });

  it('counts deliveries as Redis does past 2^53 and wraps at 2^63 as a signed long long', () => {
    expect(incrementCount(1)).toBe(2);
    expect(incrementCount(Number.MAX_SAFE_INTEGER)).toBe(9007199254740992n);
    expect(incrementCount(9223372036854775807n)).toBe(-9223372036854775808n);
  });
});
