// The hash table behind the keyspace (and, later, hashes and sets).
//
// Dense slot arrays hold key, value, the key's hash and a 32-bit meta word (the LRU clock and
// encoding bits); an open-addressing index (linear probing, backward-shift deletion) maps a
// key's hash to its slot. The dense arrays give what a bare Map cannot:
//  - a uniformly random entry in O(1) (RANDOMKEY, active expiry sampling, eviction, SPOP);
//  - a SCAN cursor that never misses an entry present for the whole scan. Deleting moves the
//    last slot into the hole; the cursor walks slots from the top down, so a moved entry either
//    stays on the visited side or reappears on the unvisited side (a duplicate, which SCAN
//    allows), and new entries land on the visited side.
// The index is ours rather than a Map because a Map hashes every freshly parsed key string
// through a V8 runtime call; our hash is a JIT-compiled loop, and the index costs about 12
// bytes a key where a Map entry costs about 29.
import type { Bin } from '../bytes.ts';

/** Per-process seed, so that which keys collide cannot be worked out in advance. */
const HASH_SEED = (Math.random() * 0x100000000) >>> 0;
/** Keys longer than this are hashed on their length, head and tail only. */
const FULL_HASH_LIMIT = 256;

/** FNV-1a over the chars, with murmur3's finalizer for spread: a 32-bit hash of a key. */
export function hashKey(s: Bin): number {
  const n = s.length;
  let h = (0x811c9dc5 ^ HASH_SEED ^ n) | 0;
  if (n <= FULL_HASH_LIMIT) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  } else {
    const half = FULL_HASH_LIMIT / 2;
    for (let i = 0; i < half; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    for (let i = n - half; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return finishHash(h);
}

/** hashKey of the binary string that bytes b[p, p + n) spell, read where they lie. */
export function hashBytes(b: Uint8Array, p: number, n: number): number {
  let h = (0x811c9dc5 ^ HASH_SEED ^ n) | 0;
  if (n <= FULL_HASH_LIMIT) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ b[p + i], 0x01000193);
  } else {
    const half = FULL_HASH_LIMIT / 2;
    for (let i = 0; i < half; i++) h = Math.imul(h ^ b[p + i], 0x01000193);
    for (let i = n - half; i < n; i++) h = Math.imul(h ^ b[p + i], 0x01000193);
  }
  return finishHash(h);
}

function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Backward-shift deletion in a linear-probing table: whether the entry at position j, whose
 * home position is `home`, must stay put rather than move into the hole (its home lies
 * cyclically in (hole, j]).
 */
export function staysAfterHole(hole: number, j: number, home: number): boolean {
  return hole <= j ? hole < home && home <= j : hole < home || home <= j;
}

const MIN_TABLE = 16;

export class Dict<V> {
  private keyAt: Bin[] = [];
  private valAt: V[] = [];
  private metaAt: Uint32Array;
  private hashAt: Int32Array;
  /** Open addressing: slot + 1 per position, 0 when empty; at most half full. */
  private table = new Int32Array(MIN_TABLE);
  private mask = MIN_TABLE - 1;

  constructor(initialCapacity = 16) {
    this.metaAt = new Uint32Array(initialCapacity);
    this.hashAt = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.keyAt.length;
  }

  /** The table position holding `key`, or -1 - (the empty position where it would go). */
  private find(key: Bin, h: number): number {
    const table = this.table;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const e = table[i];
      if (e === 0) return -1 - i;
      const slot = e - 1;
      if (this.hashAt[slot] === h && this.keyAt[slot] === key) return i;
      i = (i + 1) & mask;
    }
  }

  // Slot access, so that a command reading value and meta looks its key up once. A slot is
  // valid until the next insert or delete.

  /**
   * The slot the last lookup found or filled. A command tends to look its key up more than once
   * (a lookup, then a write or a flag), and trying this slot first skips hashing and probing.
   * Never stale in a harmful way: a key lives in one slot only, so a slot holding an equal key
   * is that key's slot, whatever moved since.
   */
  private lastSlot = 0;

  /** The key's slot, -1 when absent. */
  slotOf(key: Bin): number {
    const guess = this.lastSlot;
    if (guess < this.keyAt.length && this.keyAt[guess] === key) return guess;
    const pos = this.find(key, hashKey(key));
    return pos < 0 ? -1 : (this.lastSlot = this.table[pos] - 1);
  }

  get(key: Bin): V | undefined {
    const slot = this.slotOf(key);
    return slot < 0 ? undefined : this.valAt[slot];
  }

  has(key: Bin): boolean {
    return this.slotOf(key) >= 0;
  }

  /** The value the last overwriting set() replaced (the database frees WASM-backed values). */
  replaced: V | undefined = undefined;
  /** The value the last delete() removed. */
  removed: V | undefined = undefined;

  /** Inserts or overwrites value and meta; returns true when the key is new. */
  set(key: Bin, value: V, meta = 0): boolean {
    const guess = this.lastSlot;
    if (guess < this.keyAt.length && this.keyAt[guess] === key) {
      this.overwrite(guess, value, meta);
      return false;
    }
    const h = hashKey(key);
    const pos = this.find(key, h);
    if (pos >= 0) {
      this.overwrite((this.lastSlot = this.table[pos] - 1), value, meta);
      return false;
    }
    const slot = (this.lastSlot = this.keyAt.length);
    this.keyAt.push(key);
    this.valAt.push(value);
    if (slot >= this.metaAt.length) {
      const metaAt = new Uint32Array(this.metaAt.length * 2);
      metaAt.set(this.metaAt);
      this.metaAt = metaAt;
      const hashAt = new Int32Array(this.hashAt.length * 2);
      hashAt.set(this.hashAt);
      this.hashAt = hashAt;
    }
    this.metaAt[slot] = meta;
    this.hashAt[slot] = h;
    if ((slot + 1) * 2 > this.table.length) this.rebuild(this.table.length * 2);
    else this.table[-1 - pos] = slot + 1;
    return true;
  }

  private overwrite(slot: number, value: V, meta: number): void {
    this.replaced = this.valAt[slot];
    this.valAt[slot] = value;
    this.metaAt[slot] = meta;
  }

  delete(key: Bin): boolean {
    const pos = this.find(key, hashKey(key));
    if (pos < 0) return false;
    const slot = this.table[pos] - 1;
    this.removed = this.valAt[slot];
    this.unlinkPosition(pos);
    const last = this.keyAt.length - 1;
    if (slot !== last) {
      // The last slot moves into the hole; its index entry follows it.
      this.keyAt[slot] = this.keyAt[last];
      this.valAt[slot] = this.valAt[last];
      this.metaAt[slot] = this.metaAt[last];
      const h = (this.hashAt[slot] = this.hashAt[last]);
      let i = h & this.mask;
      while (this.table[i] !== last + 1) i = (i + 1) & this.mask;
      this.table[i] = slot + 1;
    }
    this.keyAt.pop();
    this.valAt.pop();
    if (this.metaAt.length > 64 && this.keyAt.length < this.metaAt.length / 8) {
      this.metaAt = this.metaAt.slice(0, this.metaAt.length / 4);
      this.hashAt = this.hashAt.slice(0, this.hashAt.length / 4);
    }
    if (this.table.length > MIN_TABLE && this.keyAt.length * 8 < this.table.length) this.rebuild(this.table.length / 4);
    return true;
  }

  /** Empties a table position, shifting later entries of its probe run back (no tombstones). */
  private unlinkPosition(pos: number): void {
    const table = this.table;
    const mask = this.mask;
    let hole = pos;
    let j = pos;
    for (;;) {
      j = (j + 1) & mask;
      const e = table[j];
      if (e === 0) break;
      if (!staysAfterHole(hole, j, this.hashAt[e - 1] & mask)) {
        table[hole] = e;
        hole = j;
      }
    }
    table[hole] = 0;
  }

  /** A new index of `size` positions (a power of two), built from the slots' hashes. */
  private rebuild(size: number): void {
    const table = new Int32Array(Math.max(MIN_TABLE, size));
    const mask = table.length - 1;
    const n = this.keyAt.length;
    for (let slot = 0; slot < n; slot++) {
      let i = this.hashAt[slot] & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = slot + 1;
    }
    this.table = table;
    this.mask = mask;
  }

  metaAtSlot(i: number): number {
    return this.metaAt[i];
  }

  setMetaAtSlot(i: number, meta: number): void {
    this.metaAt[i] = meta;
  }

  getMeta(key: Bin): number {
    const i = this.slotOf(key);
    return i < 0 ? 0 : this.metaAt[i];
  }

  setMeta(key: Bin, meta: number): void {
    const i = this.slotOf(key);
    if (i >= 0) this.metaAt[i] = meta;
  }

  clear(): void {
    this.keyAt = [];
    this.valAt = [];
    this.metaAt = new Uint32Array(16);
    this.hashAt = new Int32Array(16);
    this.table = new Int32Array(MIN_TABLE);
    this.mask = MIN_TABLE - 1;
  }

  /** A uniformly random key, or undefined when empty. `random` returns [0, 1). */
  randomKey(random: () => number): Bin | undefined {
    const n = this.keyAt.length;
    return n === 0 ? undefined : this.keyAt[Math.floor(random() * n)];
  }

  /** The entry in slot i (0 <= i < size): for sampling without a key in hand. */
  keyAtSlot(i: number): Bin {
    return this.keyAt[i];
  }

  valueAtSlot(i: number): V {
    return this.valAt[i];
  }

  /** Replaces the value in slot i, keeping key and meta (a value changing representation). */
  setValueAtSlot(i: number, value: V): void {
    this.valAt[i] = value;
  }

  /**
   * Visits about `count` entries from `cursor` (0 starts a scan) and returns the next cursor,
   * 0 when the scan is complete. The cursor is the number of slots not yet visited.
   */
  scan(cursor: number, count: number, visit: (key: Bin, value: V) => void): number {
    let next = cursor === 0 || cursor > this.keyAt.length ? this.keyAt.length : cursor;
    const stop = Math.max(0, next - Math.max(1, count));
    while (next > stop) {
      next--;
      visit(this.keyAt[next], this.valAt[next]);
    }
    return next;
  }

  keys(): readonly Bin[] {
    return this.keyAt;
  }

  forEach(fn: (value: V, key: Bin) => void): void {
    for (let i = 0; i < this.keyAt.length; i++) fn(this.valAt[i], this.keyAt[i]);
  }
}
