// A stream's consumer groups (Redis 7.0 t_stream.c streamCG / streamConsumer / streamNACK):
// the group's last-delivered ID and entries-read counter, its consumers, and the pending
// entries list (PEL) of entries delivered but not yet acknowledged.
//
// Redis keeps each PEL in a radix tree keyed by the 128-bit big-endian ID, the group's and
// each consumer's sharing the same NACK records. Here a PEL is a PelIndex keyed by the same
// 16-byte big-endian ID as a binary string (JS string order is then ID order): an ordered
// map in sorted chunks, so that XPENDING ranges and XAUTOCLAIM seek to their start in
// O(log n) and walk only what they return, however many entries are pending.
import type { Bin } from '../bytes.ts';
import type { StreamID } from './stream.ts';

/** One pending entry: who has it, when it was last delivered, how many times. */
export interface Nack {
  /** Unix ms of the last delivery (XCLAIM IDLE/TIME may set it). */
  deliveryTime: number;
  /**
   * Deliveries so far. XCLAIM RETRYCOUNT may set any int64: a bigint only beyond 2^53, and
   * increments wrap as Redis's uint64 (shown as a signed long long).
   */
  deliveryCount: number | bigint;
  consumer: Consumer;
}

/** One consumer of a group: its name, when it was last seen, and its own PEL. */
export class Consumer {
  /** Its pending entries: the same Nack records as in the group's PEL. */
  readonly pel = new PelIndex<Nack>();
  constructor(
    readonly name: Bin,
    /** Unix ms of its last XREADGROUP / XCLAIM / XAUTOCLAIM (or its creation). */
    public seenTime: number,
  ) {}
}

/** A 128-bit stream ID as its 16-byte big-endian binary string: the PEL's keys. */
export type IdKey = Bin;

const TWO_32 = 0x100000000;

/** The high and low 32 bits of an unsigned 64-bit value (plain numbers below 2^53, the usual case). */
function halves(v: bigint): [number, number] {
  if (v <= 9007199254740991n) {
    const n = Number(v);
    return [Math.floor(n / TWO_32), n >>> 0];
  }
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
}

function u64At(k: IdKey, at: number): bigint {
  const hi = ((k.charCodeAt(at) << 24) | (k.charCodeAt(at + 1) << 16) | (k.charCodeAt(at + 2) << 8) | k.charCodeAt(at + 3)) >>> 0;
  const lo = ((k.charCodeAt(at + 4) << 24) | (k.charCodeAt(at + 5) << 16) | (k.charCodeAt(at + 6) << 8) | k.charCodeAt(at + 7)) >>> 0;
  return hi < 0x200000 ? BigInt(hi * TWO_32 + lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

/** An ID as its PEL key (Redis's streamEncodeID). */
export function idKey(id: StreamID): IdKey {
  const [a, b] = halves(id.ms);
  const [c, d] = halves(id.seq);
  // One flat 16-character string (not a concatenation), compared often.
  return String.fromCharCode(
    a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255,
    b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255,
    c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255,
    d >>> 24, (d >>> 16) & 255, (d >>> 8) & 255, d & 255,
  );
}

/** A PEL key back to its ID (streamDecodeID). */
export function keyId(k: IdKey): StreamID {
  return { ms: u64At(k, 0), seq: u64At(k, 8) };
}

export class StreamGroup {
  /** Pending entries of every consumer, by ID. */
  readonly pel = new PelIndex<Nack>();
  /** Consumers by name (listed in byte order, as Redis's rax). */
  readonly consumers = new Map<Bin, Consumer>();

  constructor(
    /** The last delivered ID. */
    public lastId: StreamID,
    /** How many entries the group has read (a logical counter), or INVALID_ENTRIES_READ (-1). */
    public entriesRead: number,
  ) {}

  /** The consumer named `name`, or undefined. */
  consumer(name: Bin): Consumer | undefined {
    return this.consumers.get(name);
  }

  /** Creates a consumer; undefined when one of that name exists (streamCreateConsumer). */
  createConsumer(name: Bin, now: number): Consumer | undefined {
    if (this.consumers.has(name)) return undefined;
    const c = new Consumer(name, now);
    this.consumers.set(name, c);
    return c;
  }

  /** Looks a consumer up, creating it when missing; `created` tells which (XREADGROUP, XCLAIM). */
  lookupOrCreateConsumer(name: Bin, now: number): { consumer: Consumer; created: boolean } {
    const found = this.consumers.get(name);
    if (found) return { consumer: found, created: false };
    return { consumer: this.createConsumer(name, now)!, created: true };
  }

  /** Removes a consumer and its pending entries from the group's PEL; returns how many it had. */
  deleteConsumer(c: Consumer): number {
    const pending = c.pel.size;
    for (let k = c.pel.first(); k !== undefined; k = c.pel.after(k)) this.pel.delete(k);
    this.consumers.delete(c.name);
    return pending;
  }

  /** Consumers in Redis's (byte) order of names. */
  sortedConsumers(): Consumer[] {
    const names = [...this.consumers.keys()].sort(compareBin);
    return names.map((n) => this.consumers.get(n)!);
  }

  /**
   * Records a delivery of `id` to `consumer` (streamReplyWithRange with a group): a new NACK,
   * or an existing one (another consumer's, after XGROUP SETID moved the group back) moved to
   * this consumer with its count reset to 1.
   */
  deliver(id: IdKey, consumer: Consumer, now: number): void {
    const nack = this.pel.get(id);
    if (nack === undefined) {
      const created: Nack = { deliveryTime: now, deliveryCount: 1, consumer };
      this.pel.set(id, created);
      consumer.pel.set(id, created);
      return;
    }
    nack.consumer.pel.delete(id);
    nack.consumer = consumer;
    nack.deliveryTime = now;
    nack.deliveryCount = 1;
    consumer.pel.set(id, nack);
  }

  /** XACK of one ID: true when it was pending. */
  ack(id: IdKey): boolean {
    const nack = this.pel.get(id);
    if (nack === undefined) return false;
    this.pel.delete(id);
    nack.consumer.pel.delete(id);
    return true;
  }

  /** Gives a pending entry to `consumer` (XCLAIM, XAUTOCLAIM). */
  transfer(id: IdKey, nack: Nack, consumer: Consumer): void {
    if (nack.consumer === consumer) return;
    nack.consumer.pel.delete(id);
    consumer.pel.set(id, nack);
    nack.consumer = consumer;
  }

  /** A deep copy (COPY of a stream): same state, nothing mutable shared. */
  clone(): StreamGroup {
    const g = new StreamGroup(this.lastId, this.entriesRead);
    const byOld = new Map<Consumer, Consumer>();
    for (const [name, c] of this.consumers) {
      const copy = new Consumer(name, c.seenTime);
      g.consumers.set(name, copy);
      byOld.set(c, copy);
    }
    g.pel.appendAll(this.pel, (id, nack) => {
      const owner = byOld.get(nack.consumer)!;
      const copy: Nack = { deliveryTime: nack.deliveryTime, deliveryCount: nack.deliveryCount, consumer: owner };
      owner.pel.set(id, copy);
      return copy;
    });
    return g;
  }
}

/** Byte order of two binary strings (Redis's memcmp order of rax keys). */
export function compareBin(a: Bin, b: Bin): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Redis's uint64 delivery counter plus one, as a signed long long would show it. */
export function incrementCount(n: number | bigint): number | bigint {
  if (typeof n === 'number') return n + 1 <= Number.MAX_SAFE_INTEGER ? n + 1 : BigInt(n) + 1n;
  const next = n + 1n;
  return next > 9223372036854775807n ? next - 18446744073709551616n : next;
}

// ---- the ordered index ----

/** Keys per chunk before it splits; chunks stay between LOAD/2 and 2*LOAD keys or so. */
const LOAD = 256;

interface Chunk<V> {
  keys: Bin[];
  vals: V[];
}

/**
 * An ordered map from binary-string keys to values, as a list of sorted chunks with the
 * largest key of each chunk kept in `maxes` (a two-level sorted list): lookups and seeks are
 * two binary searches, inserts and deletes move at most one chunk's worth of slots, and
 * walking from a key touches only the keys walked. The typical PEL grows at its end (IDs are
 * delivered in order), which only ever appends to the last chunk.
 */
export class PelIndex<V> {
  private chunks: Chunk<V>[] = [];
  private maxes: Bin[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Index of the first chunk whose largest key is >= key; chunks.length when none. */
  private chunkFor(key: Bin): number {
    const maxes = this.maxes;
    let lo = 0;
    let hi = maxes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (maxes[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(key: Bin): V | undefined {
    const ci = this.chunkFor(key);
    if (ci === this.chunks.length) return undefined;
    const chunk = this.chunks[ci];
    const i = lowerBound(chunk.keys, key);
    return chunk.keys[i] === key ? chunk.vals[i] : undefined;
  }

  has(key: Bin): boolean {
    return this.get(key) !== undefined;
  }

  /** Inserts or replaces. */
  set(key: Bin, value: V): void {
    const chunks = this.chunks;
    if (chunks.length === 0) {
      chunks.push({ keys: [key], vals: [value] });
      this.maxes.push(key);
      this.count = 1;
      return;
    }
    let ci = this.chunkFor(key);
    if (ci === chunks.length) {
      // Beyond every key: append to the last chunk.
      ci--;
      const chunk = chunks[ci];
      chunk.keys.push(key);
      chunk.vals.push(value);
      this.maxes[ci] = key;
    } else {
      const chunk = chunks[ci];
      const i = lowerBound(chunk.keys, key);
      if (chunk.keys[i] === key) {
        chunk.vals[i] = value;
        return;
      }
      chunk.keys.splice(i, 0, key);
      chunk.vals.splice(i, 0, value);
    }
    this.count++;
    if (chunks[ci].keys.length > 2 * LOAD) this.split(ci);
  }

  private split(ci: number): void {
    const chunk = this.chunks[ci];
    const half = chunk.keys.length >>> 1;
    const right: Chunk<V> = { keys: chunk.keys.slice(half), vals: chunk.vals.slice(half) };
    chunk.keys.length = half;
    chunk.vals.length = half;
    this.chunks.splice(ci + 1, 0, right);
    this.maxes.splice(ci, 1, chunk.keys[half - 1], right.keys[right.keys.length - 1]);
  }

  /** Removes a key; true when it was there. */
  delete(key: Bin): boolean {
    const ci = this.chunkFor(key);
    if (ci === this.chunks.length) return false;
    const chunk = this.chunks[ci];
    const i = lowerBound(chunk.keys, key);
    if (chunk.keys[i] !== key) return false;
    chunk.keys.splice(i, 1);
    chunk.vals.splice(i, 1);
    this.count--;
    if (chunk.keys.length === 0) {
      this.chunks.splice(ci, 1);
      this.maxes.splice(ci, 1);
    } else {
      this.maxes[ci] = chunk.keys[chunk.keys.length - 1];
      // Merge small neighbours so that chunks stay reasonably full.
      if (chunk.keys.length < LOAD / 4 && ci + 1 < this.chunks.length && chunk.keys.length + this.chunks[ci + 1].keys.length <= LOAD) {
        const next = this.chunks[ci + 1];
        chunk.keys.push(...next.keys);
        chunk.vals.push(...next.vals);
        this.chunks.splice(ci + 1, 1);
        this.maxes.splice(ci, 2, chunk.keys[chunk.keys.length - 1]);
      }
    }
    return true;
  }

  first(): Bin | undefined {
    return this.chunks.length === 0 ? undefined : this.chunks[0].keys[0];
  }

  last(): Bin | undefined {
    return this.maxes.length === 0 ? undefined : this.maxes[this.maxes.length - 1];
  }

  /** The smallest key >= `key`, or undefined (a rax seek ">="). */
  ceiling(key: Bin): Bin | undefined {
    const ci = this.chunkFor(key);
    if (ci === this.chunks.length) return undefined;
    const chunk = this.chunks[ci];
    return chunk.keys[lowerBound(chunk.keys, key)];
  }

  /** The smallest key > `key`, or undefined. */
  after(key: Bin): Bin | undefined {
    const ci = this.chunkFor(key);
    if (ci === this.chunks.length) return undefined;
    const chunk = this.chunks[ci];
    let i = lowerBound(chunk.keys, key);
    if (chunk.keys[i] === key) i++;
    if (i < chunk.keys.length) return chunk.keys[i];
    return ci + 1 < this.chunks.length ? this.chunks[ci + 1].keys[0] : undefined;
  }

  /** Every (key, value) from the smallest key >= `from` on, in order, while `fn` returns true. */
  forEachFrom(from: Bin, fn: (key: Bin, value: V) => boolean): void {
    let ci = this.chunkFor(from);
    if (ci === this.chunks.length) return;
    let i = lowerBound(this.chunks[ci].keys, from);
    for (; ci < this.chunks.length; ci++, i = 0) {
      const { keys, vals } = this.chunks[ci];
      for (; i < keys.length; i++) if (!fn(keys[i], vals[i])) return;
    }
  }

  /** Every (key, value) in order, while `fn` returns true. */
  forEach(fn: (key: Bin, value: V) => boolean): void {
    for (const { keys, vals } of this.chunks) for (let i = 0; i < keys.length; i++) if (!fn(keys[i], vals[i])) return;
  }

  /** Fills an empty index with another's keys in order, each value mapped (clone). */
  appendAll<W>(from: PelIndex<W>, map: (key: Bin, value: W) => V): void {
    from.forEach((k, v) => {
      this.set(k, map(k, v));
      return true;
    });
  }
}

function lowerBound(keys: readonly Bin[], key: Bin): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
