// A string value held as bytes in strings.wasm's linear memory, so that the commands which edit
// strings a few bytes at a time (SETBIT, BITFIELD, PFADD...) do so in place, and the bulk
// operations (BITCOUNT, BITOP, PFCOUNT) run over the bytes where they lie.
//
// It is a representation, not a type: TYPE says "string", and every command other than those
// families sees the plain binary string, because the database's ordinary lookups turn a
// ByteString back into a Bin ("settle") before handing it out. Only Database.lookupReadBytes /
// lookupWriteBytes hand out this form, converting a Bin into it on first use.
import { type Bin, bytesToBin } from '../bytes.ts';
import { type StringsWasm, stringsWasm } from '../wasm/strings.ts';
import { writeBin } from '../wasm/module.ts';
import type { RedisObject } from './value.ts';

/** Growth beyond this is linear, as Redis's sdsMakeRoomFor (SDS_MAX_PREALLOC). */
const MAX_PREALLOC = 1024 * 1024;

export class ByteString implements RedisObject {
  readonly type = 'string' as const;
  /** Bytes of the block; bytes in [length, capacity) are always zero. */
  private capacity: number;
  /** The Bin form, kept until the bytes change. */
  private cached: Bin | null = null;

  private constructor(
    readonly m: StringsWasm,
    private ptr: number,
    public length: number,
    capacity: number,
  ) {
    this.capacity = capacity;
    m.finalizer.register(this, ptr, this);
  }

  /** A new zero-filled string of `length` bytes. */
  static zeroed(length: number, m: StringsWasm = stringsWasm()): ByteString {
    return new ByteString(m, m.x.allocString(length), length, length);
  }

  /** The bytes of a binary string, copied into linear memory. */
  static fromBin(s: Bin, m: StringsWasm = stringsWasm()): ByteString {
    const b = ByteString.zeroed(s.length, m);
    writeBin(s, m.view(), b.ptr);
    b.cached = s;
    return b;
  }

  /** The block's address in the module's memory: valid until this string grows or is freed. */
  get address(): number {
    if (this.ptr === 0) throw new Error('ByteString: used after free()');
    return this.ptr;
  }

  /** A view of the bytes: valid until the module next allocates (any string growing, scratch). */
  bytes(): Uint8Array {
    return this.m.view().subarray(this.address, this.ptr + this.length);
  }

  /**
   * Makes the string at least `length` bytes long, the new bytes zero (SETBIT past the end).
   * Capacity grows as Redis's sds does: doubling up to 1 MB, then by 1 MB.
   */
  grow(length: number): void {
    if (length <= this.length) return;
    if (length > this.capacity) {
      const capacity = length < MAX_PREALLOC ? length * 2 : length + MAX_PREALLOC;
      const moved = this.m.x.resizeString(this.address, this.length, capacity);
      if (moved !== this.ptr) {
        this.m.finalizer.unregister(this);
        this.m.finalizer.register(this, moved, this);
        this.ptr = moved;
      }
      this.capacity = capacity;
    }
    this.length = length;
    this.cached = null;
  }

  /** Replaces the whole contents (an HLL rewritten in another encoding, BITOP's result...). */
  assign(bytes: Uint8Array): void {
    if (bytes.length > this.length) this.grow(bytes.length);
    else if (bytes.length < this.length) {
      // Keep the invariant that bytes past the end are zero.
      this.bytes().fill(0, bytes.length);
      this.length = bytes.length;
    }
    this.bytes().set(bytes);
    this.cached = null;
  }

  /** Must be called after the bytes were edited in place through bytes() or a WASM call. */
  changed(): void {
    this.cached = null;
  }

  /** The value as a binary string (what GET returns). */
  toBin(): Bin {
    if (this.cached === null) {
      const mem = this.m.view();
      this.cached = bytesToBin(mem, this.address, this.ptr + this.length);
    }
    return this.cached;
  }

  /** Only seen by code that bypasses the lookups; a string edited in place is "raw" in Redis. */
  encoding(): string {
    return 'raw';
  }

  clone(): ByteString {
    const m = this.m;
    const copy = new ByteString(m, m.x.copyString(this.address, this.length, this.length), this.length, this.length);
    copy.cached = this.cached;
    return copy;
  }

  free(): void {
    if (this.ptr === 0) return;
    this.m.finalizer.unregister(this);
    this.m.x.freeString(this.ptr);
    this.ptr = 0;
    this.length = 0;
    this.cached = null;
  }
}
