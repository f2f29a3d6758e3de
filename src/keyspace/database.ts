// One of the numbered databases: the key -> value dict, the key -> expiry-time dict, and the
// lookups every command goes through (lazy expiry, the LRU clock, hit/miss stats, WATCH
// invalidation). Handlers read and write keys only through these methods, so those rules live
// in one place.
import type { Bin } from '../bytes.ts';
import type { Value } from '../types/value.ts';
import { ByteString } from '../types/byte-string.ts';
import { Dict } from './dict.ts';

/** What a database asks of the engine around it. */
export interface KeyspaceHooks {
  /** The time expiry is judged by (fixed for the duration of EXEC and scripts). */
  now(): number;
  /** The LRU clock: seconds, 24 bits, as Redis's. */
  lruClock(): number;
  /** A key was created: clients blocked on it may be served (BLPOP, BZPOPMIN...). */
  keyAdded(db: Database, key: Bin): void;
  /** A key's value changed or the key went away: WATCH and client-side caching care. */
  keyModified(db: Database, key: Bin): void;
  /** A key was deleted because its TTL passed. */
  keyExpired(db: Database, key: Bin): void;
  /**
   * A value left the keyspace (DEL, overwrite, expiry, RENAME/MOVE's source): clients blocked
   * on a stream's consumer group must learn that it is gone (Redis's signalDeletedKeyAsReady).
   */
  valueRemoved(db: Database, key: Bin, old: Value): void;
  /** Keyspace stats. */
  keyspaceHit(): void;
  keyspaceMiss(): void;
  /** Keyspace notifications (notify-keyspace-events): class letter, event name, key. */
  notify(cls: string, event: string, key: Bin, dbId: number): void;
  /** Whether this server may delete expired keys itself (a replica waits for its master). */
  expiresOwnKeys(): boolean;
}

// The meta word kept beside each entry: the LRU clock in the low 24 bits and flags above.
export const LRU_BITS = 24;
export const LRU_MASK = (1 << LRU_BITS) - 1;
// How a string value is represented in Redis, which OBJECT ENCODING / REFCOUNT report. None set:
// written whole, so Redis's tryObjectEncoding decides (int, embstr, raw; small ints shared).
/** Edited in place (APPEND, SETRANGE, SETBIT...): "raw" whatever it holds. */
export const META_RAW = 1 << 24;
/** A small integer held as its own object, not Redis's shared one (COPY's duplicate):
 *  OBJECT REFCOUNT says 1 instead of the shared object's count. */
export const META_UNSHARED = 1 << 25;
/** Created as a plain string object, never integer-encoded (INCRBYFLOAT's result): "embstr"
 *  up to 44 bytes even when it reads as an integer. */
export const META_PLAIN = 1 << 26;
/** The representation bits above, as a set: what RENAME/MOVE/COPY carry with a value. */
export const STRING_REPR_BITS = META_RAW | META_UNSHARED | META_PLAIN;

/** An absolute unix time in ms, an int64 in Redis: a bigint only beyond 2^53 (getExpireExact). */
export type ExpireTime = number | bigint;

export interface SetKeyOptions {
  keepTtl?: boolean;
  /** The string's representation: STRING_REPR_BITS (META_RAW, META_UNSHARED, META_PLAIN). */
  repr?: number;
}

export class Database {
  dict = new Dict<Value>();
  expires = new Dict<number>();
  /**
   * Expiry times beyond 2^53 ms, exact: `expires` holds them rounded, which is all that
   * deciding expiry needs, but PEXPIRETIME/PTTL must answer every digit. An entry counts only
   * while `expires` still holds its rounded value (see getExpireExact), so paths that drop a TTL
   * need not clean it.
   */
  private hugeExpires: Map<Bin, bigint> | null = null;

  constructor(readonly id: number, private readonly hooks: KeyspaceHooks) {}

  get size(): number {
    return this.dict.size;
  }

  /** The value for a read (GET, LRANGE...): counts a hit or miss and touches the LRU clock. */
  lookupRead(key: Bin): Value | undefined {
    const slot = this.readSlot(key);
    return slot < 0 ? undefined : this.settled(slot);
  }

  /** The value for a command about to write it: no stats, touches the LRU clock. */
  lookupWrite(key: Bin): Value | undefined {
    const slot = this.writeSlot(key);
    return slot < 0 ? undefined : this.settled(slot);
  }

  /** The value without touching LRU or stats (TYPE, OBJECT, TTL); expired keys still go. */
  peek(key: Bin): Value | undefined {
    if (this.expires.size > 0 && this.expireIfNeeded(key)) return undefined;
    const slot = this.dict.slotOf(key);
    return slot < 0 ? undefined : this.settled(slot);
  }

  /**
   * lookupRead for the commands that work on a string's bytes in place (GETBIT, BITCOUNT,
   * PFCOUNT...): a string value comes as a ByteString (converted once, and kept in that form
   * until an ordinary lookup settles it back); other types come as they are.
   */
  lookupReadBytes(key: Bin): Exclude<Value, Bin> | undefined {
    const slot = this.readSlot(key);
    return slot < 0 ? undefined : this.inPlace(slot);
  }

  /**
   * lookupRead with the value as it is stored: a string comes as a binary string or as a
   * ByteString, whichever it is now, so that GETBIT converts nothing.
   */
  lookupReadStored(key: Bin): Value | undefined {
    const slot = this.readSlot(key);
    return slot < 0 ? undefined : this.dict.valueAtSlot(slot);
  }

  /** lookupWrite's counterpart of lookupReadBytes (SETBIT, PFADD...). */
  lookupWriteBytes(key: Bin): Exclude<Value, Bin> | undefined {
    const slot = this.writeSlot(key);
    return slot < 0 ? undefined : this.inPlace(slot);
  }

  /** The value even past its TTL (DEBUG OBJECT shows keys not yet reclaimed), settled. */
  settledValue(key: Bin): Value | undefined {
    const slot = this.dict.slotOf(key);
    return slot < 0 ? undefined : this.settled(slot);
  }

  /**
   * lookupWriteBytes for a command about to edit the string in place (SETBIT, BITFIELD): a
   * string value is unshared ("raw") in the same lookup, as lookupStringForBitCommand does.
   */
  lookupBytesToEdit(key: Bin): Exclude<Value, Bin> | undefined;
  /**
   * ... or, with `keepShort`, a binary string of at most that many bytes as it is (SETBIT
   * rebuilds such a string, cheaper than the trip through linear memory).
   */
  lookupBytesToEdit(key: Bin, keepShort: number): Value | undefined;
  lookupBytesToEdit(key: Bin, keepShort = -1): Value | undefined {
    const slot = this.writeSlot(key);
    if (slot < 0) return undefined;
    const stored = this.dict.valueAtSlot(slot);
    const v = typeof stored === 'string' && stored.length <= keepShort ? stored : this.inPlace(slot);
    if (typeof v === 'string' || v.type === 'string') this.dict.setMetaAtSlot(slot, this.dict.metaAtSlot(slot) | META_RAW);
    return v;
  }

  /** A string edited in place: "raw" from now on, and WATCH must see it. */
  stringEdited(key: Bin): void {
    this.unshareString(key);
    this.hooks.keyModified(this, key);
  }

  /**
   * Redis's dbUnshareStringValue: the string becomes "raw" (OBJECT ENCODING) without counting
   * as a modification, as when SETBIT or PFADD is about to write but changes nothing.
   */
  unshareString(key: Bin): void {
    const slot = this.dict.slotOf(key);
    if (slot >= 0) this.dict.setMetaAtSlot(slot, this.dict.metaAtSlot(slot) | META_RAW);
  }

  private readSlot(key: Bin): number {
    if (this.expires.size > 0 && this.expireIfNeeded(key)) {
      this.hooks.keyspaceMiss();
      return -1;
    }
    const slot = this.dict.slotOf(key);
    if (slot < 0) {
      this.hooks.keyspaceMiss();
      return -1;
    }
    this.hooks.keyspaceHit();
    this.touchLru(slot);
    return slot;
  }

  private writeSlot(key: Bin): number {
    if (this.expires.size > 0 && this.expireIfNeeded(key)) return -1;
    const slot = this.dict.slotOf(key);
    if (slot >= 0) this.touchLru(slot);
    return slot;
  }

  /** The value at slot, a ByteString turned back into the binary string everything else reads. */
  private settled(slot: number): Value {
    const v = this.dict.valueAtSlot(slot);
    if (typeof v === 'string' || v.type !== 'string') return v;
    const s = (v as ByteString).toBin();
    this.dict.setValueAtSlot(slot, s);
    v.free?.();
    return s;
  }

  /** The value at slot, a binary string turned into its in-place form. */
  private inPlace(slot: number): Exclude<Value, Bin> {
    const v = this.dict.valueAtSlot(slot);
    if (typeof v !== 'string') return v;
    const bytes = ByteString.fromBin(v);
    this.dict.setValueAtSlot(slot, bytes);
    return bytes;
  }

  /** Whether a key exists now, with no side effect other than lazy expiry. */
  has(key: Bin): boolean {
    return this.peek(key) !== undefined;
  }

  /**
   * Whether the key has passed its TTL (it may still be in the dict). As Redis's keyIsExpired,
   * a key lives through the millisecond its TTL names.
   */
  isExpired(key: Bin): boolean {
    const when = this.expires.get(key);
    return when !== undefined && when < this.hooks.now();
  }

  /** Deletes the key if its TTL has passed; true when it is (logically) gone. */
  expireIfNeeded(key: Bin): boolean {
    const when = this.expires.get(key);
    if (when === undefined || when >= this.hooks.now()) return false;
    // A replica keeps expired keys until its master's DEL arrives, but reports them missing.
    if (!this.hooks.expiresOwnKeys()) return true;
    this.deleteExpired(key);
    return true;
  }

  /** Removes a key whose TTL passed (lazy or active expiry). */
  deleteExpired(key: Bin): void {
    if (this.dict.delete(key)) {
      this.hooks.valueRemoved(this, key, this.dict.removed!);
      this.dropRemoved();
    }
    this.expires.delete(key);
    this.hooks.notify('x', 'expired', key, this.id);
    this.hooks.keyExpired(this, key);
    this.hooks.keyModified(this, key);
  }

  /**
   * SET semantics: creates or overwrites the key, drops its TTL unless keepTtl, and signals
   * the modification.
   */
  setKey(key: Bin, value: Value, opts?: SetKeyOptions): void {
    const meta = (this.hooks.lruClock() & LRU_MASK) | ((opts?.repr ?? 0) & STRING_REPR_BITS);
    const added = this.dict.set(key, value, meta);
    if (!opts?.keepTtl && this.expires.size > 0) this.expires.delete(key);
    this.hooks.keyModified(this, key);
    if (added) {
      this.hooks.keyAdded(this, key);
    } else {
      const old = this.dict.replaced;
      this.dict.replaced = undefined;
      if (typeof old === 'object' && old !== value) {
        this.hooks.valueRemoved(this, key, old);
        old.free?.();
      }
    }
  }

  /**
   * Replaces the value of an existing key in place, keeping its TTL (INCR, APPEND...); `repr`
   * is the new value's representation bits.
   */
  replaceValue(key: Bin, value: Value, repr = 0): void {
    this.dict.set(key, value, (this.hooks.lruClock() & LRU_MASK) | (repr & STRING_REPR_BITS));
    this.hooks.keyModified(this, key);
  }

  /** Deletes a key and releases its value; true if it existed. Signals the modification. */
  delete(key: Bin): boolean {
    if (!this.detach(key)) return false;
    this.dropRemoved();
    return true;
  }

  /** Deletes a key whose value lives on elsewhere (RENAME, MOVE): the value is not released. */
  detach(key: Bin): boolean {
    if (this.expires.size > 0 && this.expireIfNeeded(key)) return false;
    if (!this.dict.delete(key)) return false;
    if (this.expires.size > 0) this.expires.delete(key);
    this.hooks.valueRemoved(this, key, this.dict.removed!);
    this.hooks.keyModified(this, key);
    return true;
  }

  /** Releases the value dict.delete just removed, when it holds memory outside the JS heap. */
  private dropRemoved(): void {
    const old = this.dict.removed;
    this.dict.removed = undefined;
    if (typeof old === 'object') old.free?.();
  }

  /** A collection was changed in place: WATCH must see it. */
  touch(key: Bin): void {
    this.hooks.keyModified(this, key);
  }

  /** Absolute unix time in ms. The key must exist. */
  setExpire(key: Bin, whenMs: ExpireTime): void {
    const rounded = Number(whenMs);
    if (typeof whenMs === 'bigint' && !Number.isSafeInteger(rounded)) (this.hugeExpires ??= new Map()).set(key, whenMs);
    else this.hugeExpires?.delete(key);
    this.expires.set(key, rounded);
  }

  removeExpire(key: Bin): boolean {
    return this.expires.delete(key);
  }

  /** Absolute unix ms, or -1 when the key has no TTL. */
  getExpire(key: Bin): number {
    const when = this.expires.get(key);
    return when === undefined ? -1 : when;
  }

  /** getExpire, exact beyond 2^53 (a bigint there). */
  getExpireExact(key: Bin): ExpireTime {
    const when = this.expires.get(key);
    if (when === undefined) return -1;
    if (this.hugeExpires !== null && !Number.isSafeInteger(when)) {
      const exact = this.hugeExpires.get(key);
      if (exact !== undefined && Number(exact) === when) return exact;
    }
    return when;
  }

  /** The representation bits of a key's string value (STRING_REPR_BITS). */
  stringRepr(key: Bin): number {
    return this.dict.getMeta(key) & STRING_REPR_BITS;
  }

  /** Seconds since the key was last touched, from the 24-bit LRU clock (wraps as Redis's). */
  idleSeconds(key: Bin): number {
    const now = this.hooks.lruClock() & LRU_MASK;
    const lru = this.dict.getMeta(key) & LRU_MASK;
    return now >= lru ? now - lru : now + (LRU_MASK + 1 - lru);
  }

  private touchLru(slot: number): void {
    const meta = this.dict.metaAtSlot(slot);
    const clock = this.hooks.lruClock() & LRU_MASK;
    if ((meta & LRU_MASK) !== clock) this.dict.setMetaAtSlot(slot, (meta & ~LRU_MASK) | clock);
  }

  /** A random live key (expired ones met on the way are reclaimed), as RANDOMKEY does. */
  randomKey(random: () => number): Bin | undefined {
    // Give up after a while when every key is expired but not yet reclaimed (a replica).
    for (let tries = 0; tries < 100 && this.dict.size > 0; tries++) {
      const key = this.dict.randomKey(random)!;
      if (this.expires.size === 0 || !this.expireIfNeeded(key)) return key;
    }
    return undefined;
  }

  /** Drops every key (FLUSHDB). The caller signals watchers first. */
  clear(): void {
    for (let slot = 0; slot < this.dict.size; slot++) {
      const v = this.dict.valueAtSlot(slot);
      if (typeof v === 'object') v.free?.();
    }
    this.dict.clear();
    this.expires.clear();
    this.hugeExpires = null;
  }

  /** Swaps contents with another database (SWAPDB); the Database objects keep their ids. */
  swapWith(other: Database): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.hugeExpires, other.hugeExpires] = [other.hugeExpires, this.hugeExpires];
  }
}
