// The hash table behind the keyspace (and, later, hashes and sets).
//
// A Map from key to a slot, plus dense slot arrays holding key, value and a 32-bit meta word
// (the LRU clock and encoding bits). The dense arrays give what a bare Map cannot:
//  - a uniformly random entry in O(1) (RANDOMKEY, active expiry sampling, eviction, SPOP);
//  - a SCAN cursor that never misses an entry present for the whole scan. Deleting moves the
//    last slot into the hole; the cursor walks slots from the top down, so a moved entry either
//    stays on the visited side or reappears on the unvisited side (a duplicate, which SCAN
//    allows), and new entries land on the visited side.
import type { Bin } from '../bytes.ts';

export class Dict<V> {
  private readonly index = new Map<Bin, number>();
  private keyAt: Bin[] = [];
  private valAt: V[] = [];
  private metaAt: Uint32Array;

  constructor(initialCapacity = 16) {
    this.metaAt = new Uint32Array(initialCapacity);
  }

  get size(): number {
    return this.keyAt.length;
  }

  get(key: Bin): V | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.valAt[i];
  }

  has(key: Bin): boolean {
    return this.index.has(key);
  }

  /** Inserts or overwrites value and meta; returns true when the key is new. */
  set(key: Bin, value: V, meta = 0): boolean {
    const i = this.index.get(key);
    if (i !== undefined) {
      this.valAt[i] = value;
      this.metaAt[i] = meta;
      return false;
    }
    const slot = this.keyAt.length;
    this.index.set(key, slot);
    this.keyAt.push(key);
    this.valAt.push(value);
    if (slot >= this.metaAt.length) {
      const grown = new Uint32Array(this.metaAt.length * 2);
      grown.set(this.metaAt);
      this.metaAt = grown;
    }
    this.metaAt[slot] = meta;
    return true;
  }

  delete(key: Bin): boolean {
    const i = this.index.get(key);
    if (i === undefined) return false;
    this.index.delete(key);
    const last = this.keyAt.length - 1;
    if (i !== last) {
      const movedKey = this.keyAt[last];
      this.keyAt[i] = movedKey;
      this.valAt[i] = this.valAt[last];
      this.metaAt[i] = this.metaAt[last];
      this.index.set(movedKey, i);
    }
    this.keyAt.pop();
    this.valAt.pop();
    if (this.metaAt.length > 64 && this.keyAt.length < this.metaAt.length / 8) {
      this.metaAt = this.metaAt.slice(0, this.metaAt.length / 4);
    }
    return true;
  }

  // Slot access, so that a command reading value and meta looks its key up once. A slot is
  // valid until the next insert or delete.

  /** The key's slot, -1 when absent. */
  slotOf(key: Bin): number {
    const i = this.index.get(key);
    return i === undefined ? -1 : i;
  }

  metaAtSlot(i: number): number {
    return this.metaAt[i];
  }

  setMetaAtSlot(i: number, meta: number): void {
    this.metaAt[i] = meta;
  }

  getMeta(key: Bin): number {
    const i = this.index.get(key);
    return i === undefined ? 0 : this.metaAt[i];
  }

  setMeta(key: Bin, meta: number): void {
    const i = this.index.get(key);
    if (i !== undefined) this.metaAt[i] = meta;
  }

  clear(): void {
    this.index.clear();
    this.keyAt = [];
    this.valAt = [];
    this.metaAt = new Uint32Array(16);
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
