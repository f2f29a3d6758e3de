// The hash type, in Redis 7.0's two encodings. A small hash is a "listpack": its fields and
// values side by side in one flat array, in insertion order (an update keeps its place, a
// delete closes the gap), which is the order Redis's HGETALL/HKEYS/HVALS/HSCAN answer in. Once it
// holds more than hash-max-listpack-entries fields, or a field or value longer than
// hash-max-listpack-value bytes, it becomes a "hashtable" for good: our Dict, which gives O(1)
// lookups, uniformly random fields (HRANDFIELD) and SCAN cursors that never miss a field present
// for the whole scan.
import type { Bin } from '../bytes.ts';
import { Dict } from '../keyspace/dict.ts';
import type { RedisObject } from './value.ts';

/** The thresholds in force when a hash is written (read from the config at write time). */
export interface HashLimits {
  maxEntries: number;
  maxValue: number;
}

export class RedisHash implements RedisObject {
  readonly type = 'hash';
  /** listpack encoding: field, value, field, value... in insertion order; null once a table. */
  private pairs: Bin[] | null = [];
  /** hashtable encoding. */
  private table: Dict<Bin> | null = null;

  encoding(): string {
    return this.table === null ? 'listpack' : 'hashtable';
  }

  get size(): number {
    return this.table !== null ? this.table.size : this.pairs!.length >> 1;
  }

  /** The position of `field` in the flat listpack array, -1 when absent. */
  private indexOf(field: Bin): number {
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === field) return i;
    return -1;
  }

  get(field: Bin): Bin | undefined {
    if (this.table !== null) return this.table.get(field);
    const i = this.indexOf(field);
    return i < 0 ? undefined : this.pairs![i + 1];
  }

  has(field: Bin): boolean {
    return this.table !== null ? this.table.has(field) : this.indexOf(field) >= 0;
  }

  /**
   * hashTypeSet: sets a field, converting to a table first when the field or value is too long
   * for a listpack, or after when the listpack has more entries than the limit (an update
   * included). True when the field is new.
   */
  set(field: Bin, value: Bin, limits: HashLimits): boolean {
    if (this.table === null && (field.length > limits.maxValue || value.length > limits.maxValue)) this.toTable();
    if (this.table !== null) return this.table.set(field, value);
    const pairs = this.pairs!;
    const i = this.indexOf(field);
    if (i >= 0) {
      pairs[i + 1] = value;
    } else {
      pairs.push(field, value);
      this.grown = true;
    }
    // Checked after an update too: the limit may have been lowered since the hash was built.
    if (pairs.length >> 1 > limits.maxEntries) this.toTable();
    return i < 0;
  }

  /** Whether the listpack array grew since the last trim(): it may hold spare capacity. */
  private grown = false;

  /**
   * Drops the spare capacity appends leave in the listpack array (V8 grows an array by half
   * again plus 16 slots): a command calls it once after its writes, so that a small hash costs
   * what it holds, as a listpack does.
   */
  trim(): void {
    if (!this.grown) return;
    this.grown = false;
    if (this.pairs !== null) this.pairs = this.pairs.slice();
  }

  /** Removes a field; true when it was there. */
  delete(field: Bin): boolean {
    if (this.table !== null) {
      const deleted = this.table.delete(field);
      this.table.removed = undefined;
      return deleted;
    }
    const i = this.indexOf(field);
    if (i < 0) return false;
    this.pairs!.splice(i, 2);
    return true;
  }

  private toTable(): void {
    const pairs = this.pairs!;
    const table = new Dict<Bin>(Math.max(16, pairs.length >> 1));
    for (let i = 0; i < pairs.length; i += 2) table.set(pairs[i], pairs[i + 1]);
    this.table = table;
    this.pairs = null;
  }

  /** Every field and value, in the encoding's order (insertion order for a listpack). */
  forEach(fn: (field: Bin, value: Bin) => void): void {
    if (this.table !== null) {
      const t = this.table;
      for (let i = 0; i < t.size; i++) fn(t.keyAtSlot(i), t.valueAtSlot(i));
    } else {
      const pairs = this.pairs!;
      for (let i = 0; i < pairs.length; i += 2) fn(pairs[i], pairs[i + 1]);
    }
  }

  /** The i-th field in the encoding's order (0 <= i < size): random sampling by position. */
  fieldAt(i: number): Bin {
    return this.table !== null ? this.table.keyAtSlot(i) : this.pairs![2 * i];
  }

  valueAt(i: number): Bin {
    return this.table !== null ? this.table.valueAtSlot(i) : this.pairs![2 * i + 1];
  }

  /**
   * HSCAN: a listpack answers everything at once with cursor 0, as Redis does; a table visits
   * about `count` fields from `cursor` and returns the next cursor (0 when done).
   */
  scan(cursor: number, count: number, visit: (field: Bin, value: Bin) => void): number {
    if (this.table === null) {
      this.forEach(visit);
      return 0;
    }
    return this.table.scan(cursor, count, visit);
  }

  clone(): RedisHash {
    const copy = new RedisHash();
    if (this.table !== null) {
      const t = new Dict<Bin>(Math.max(16, this.table.size));
      this.forEach((f, v) => t.set(f, v));
      copy.table = t;
      copy.pairs = null;
    } else {
      copy.pairs = this.pairs!.slice();
    }
    return copy;
  }
}
