// The set type, in Redis 7.0's two encodings. An "intset" holds only members that Redis's
// string2ll accepts (canonical int64 text), kept sorted by numeric value, which is the order
// Redis's SMEMBERS/SSCAN answer an intset in. A member that is not such an integer, or more than
// set-max-intset-entries members, turns it into a "hashtable" for good: our Dict, which gives O(1)
// membership, uniformly random members (SPOP, SRANDMEMBER) and SCAN cursors that never miss a
// member present for the whole scan.
//
// The intset keeps the members as their decimal strings rather than numbers: int64 does not fit
// a JS number, the replies want the text anyway, and canonical integer texts compare numerically
// by sign, then length, then characters.
import type { Bin } from '../bytes.ts';
import { Dict } from '../keyspace/dict.ts';
import type { RedisObject } from './value.ts';

/** Redis limits an intset to 2^30 entries whatever set-max-intset-entries says. */
const INTSET_HARD_LIMIT = 1 << 30;

/**
 * isSdsRepresentableAsLongLong: an optional '-', digits without a leading zero ("0" alone
 * excepted, "-0" refused), within int64.
 */
export function isIntsetMember(s: Bin): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  const neg = s.charCodeAt(0) === 0x2d;
  let i = neg ? 1 : 0;
  if (i === n) return false;
  const first = s.charCodeAt(i);
  if (first === 0x30) return n === 1;
  if (first < 0x31 || first > 0x39) return false;
  for (i++; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  const digits = neg ? n - 1 : n;
  if (digits < 19) return true;
  if (digits > 19) return false;
  return neg ? s.slice(1) <= '9223372036854775808' : s <= '9223372036854775807';
}

/** Numeric order of two canonical integer texts. */
function compareIntegers(a: Bin, b: Bin): number {
  const negA = a.charCodeAt(0) === 0x2d;
  const negB = b.charCodeAt(0) === 0x2d;
  if (negA !== negB) return negA ? -1 : 1;
  let r: number;
  if (a.length !== b.length) r = a.length < b.length ? -1 : 1;
  else r = a < b ? -1 : a > b ? 1 : 0;
  return negA ? -r : r;
}

export class RedisSet implements RedisObject {
  readonly type = 'set';
  /** intset encoding: canonical integer texts in numeric order; null once a table. */
  private ints: Bin[] | null;
  /** hashtable encoding. */
  private table: Dict<null> | null;

  /** An empty set: an intset, as Redis's createIntsetObject, unless `hashtable` is asked for. */
  constructor(hashtable = false) {
    this.ints = hashtable ? null : [];
    this.table = hashtable ? new Dict<null>() : null;
  }

  encoding(): string {
    return this.table === null ? 'intset' : 'hashtable';
  }

  get isIntset(): boolean {
    return this.table === null;
  }

  get size(): number {
    return this.table !== null ? this.table.size : this.ints!.length;
  }

  /** The position of `m` in the intset, or -1 - (where it would go). `m` must be an integer text. */
  private search(m: Bin): number {
    const ints = this.ints!;
    let lo = 0;
    let hi = ints.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = compareIntegers(ints[mid], m);
      if (r < 0) lo = mid + 1;
      else if (r > 0) hi = mid - 1;
      else return mid;
    }
    return -1 - lo;
  }

  has(m: Bin): boolean {
    if (this.table !== null) return this.table.has(m);
    return isIntsetMember(m) && this.search(m) >= 0;
  }

  /**
   * setTypeAdd: adds a member, converting to a table when it is not an integer, or when the
   * intset grows past `maxIntset` entries. True when the member is new.
   */
  add(m: Bin, maxIntset: number): boolean {
    if (this.table !== null) return this.table.set(m, null);
    if (!isIntsetMember(m)) {
      this.toTable();
      return this.table!.set(m, null);
    }
    const pos = this.search(m);
    if (pos >= 0) return false;
    const ints = this.ints!;
    const at = -1 - pos;
    if (at === ints.length) ints.push(m);
    else ints.splice(at, 0, m);
    if (ints.length > Math.min(maxIntset, INTSET_HARD_LIMIT)) this.toTable();
    return true;
  }

  /** Removes a member; true when it was there. */
  delete(m: Bin): boolean {
    if (this.table !== null) return this.table.delete(m);
    if (!isIntsetMember(m)) return false;
    const pos = this.search(m);
    if (pos < 0) return false;
    this.ints!.splice(pos, 1);
    return true;
  }

  /** The i-th member in the encoding's order (0 <= i < size): random sampling by position. */
  memberAt(i: number): Bin {
    return this.table !== null ? this.table.keyAtSlot(i) : this.ints![i];
  }

  /** Removes and returns the i-th member (SPOP). */
  removeAt(i: number): Bin {
    if (this.table !== null) {
      const m = this.table.keyAtSlot(i);
      this.table.delete(m);
      return m;
    }
    const ints = this.ints!;
    const m = ints[i];
    if (i === ints.length - 1) ints.pop();
    else ints.splice(i, 1);
    return m;
  }

  private toTable(): void {
    const ints = this.ints!;
    const table = new Dict<null>(Math.max(16, ints.length + 1));
    for (const m of ints) table.set(m, null);
    this.table = table;
    this.ints = null;
  }

  /** Every member, in the encoding's order (numeric for an intset). */
  forEach(fn: (m: Bin) => void): void {
    if (this.table !== null) {
      const t = this.table;
      for (let i = 0; i < t.size; i++) fn(t.keyAtSlot(i));
    } else {
      for (const m of this.ints!) fn(m);
    }
  }

  /** The members as a new array, in the encoding's order. */
  members(): Bin[] {
    return this.table !== null ? this.table.keys().slice() : this.ints!.slice();
  }

  /**
   * SSCAN: an intset answers everything at once with cursor 0, as Redis does; a table visits
   * about `count` members from `cursor` and returns the next cursor (0 when done).
   */
  scan(cursor: number, count: number, visit: (m: Bin) => void): number {
    if (this.table === null) {
      this.forEach(visit);
      return 0;
    }
    return this.table.scan(cursor, count, visit);
  }

  /** Takes over another set's members and encoding (SPOP keeping the remaining members). */
  replaceWith(other: RedisSet): void {
    this.ints = other.ints;
    this.table = other.table;
    other.ints = [];
    other.table = null;
  }

  clone(): RedisSet {
    const copy = new RedisSet(this.table !== null);
    if (this.table !== null) {
      const t = new Dict<null>(Math.max(16, this.table.size));
      this.forEach((m) => t.set(m, null));
      copy.table = t;
    } else {
      copy.ints = this.ints!.slice();
    }
    return copy;
  }
}
