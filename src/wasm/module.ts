// Loads cinnabar.wasm (built from assembly/ by build/wasm.mjs) and wraps its flat API of
// integers and pointers in typed functions. Host-agnostic: the bytes are handed in (the engine
// uses the embedded copy, see index.ts), and only the standard WebAssembly API is used.
//
// Inputs are copied once, straight into the scratch area of linear memory (binary strings
// char code by char code); results are read back from memory. The scratch area starts at the
// address reserve() returns and only grows, so:
//  - hashes of inputs larger than the scratch area are streamed through it in chunks;
//  - LCS jobs that need more than SHARED_LCS_MAX_BYTES run in a spare instance of the same
//    compiled module, held only through a WeakRef: its memory goes with the next GC, so one big
//    LCS does not leave the engine holding hundreds of MB, while back-to-back LCS calls reuse
//    memory that is already mapped (touching fresh pages costs more than the DP on them).
//    Jobs above SPARE_LCS_MAX_BYTES get an instance of their own, dropped right after.
import { type Bin, encodeBinInto, bytesToBin } from '../bytes.ts';
import {
  type LcsOptions, type LcsResult, LcsError, LCS_RANGE_WORDS, decodeLcsRanges, emptyLcs, planLcs,
} from './lcs.ts';
import * as twin from './ts/crc16.ts';
import { HLL_SEED } from './ts/murmur64a.ts';

export type ByteInput = Uint8Array | Bin;

export { HLL_SEED };

/** The exports of cinnabar.wasm (see assembly/index.ts). Pointers and lengths are u32. */
export interface CinnabarWasmExports {
  memory: WebAssembly.Memory;
  reserve(bytes: number): number;
  scratchCapacity(): number;
  resultPtr(): number;
  murmur64a(ptr: number, len: number, seed: number): bigint;
  murmur64aHalves(ptr: number, len: number, seed: number): number;
  murmur64aStart(totalLen: number, seed: number): void;
  murmur64aBlocks(ptr: number, len: number): void;
  murmur64aFinish(ptr: number, rest: number): bigint;
  crc64(crc: bigint, ptr: number, len: number): bigint;
  crc16(ptr: number, len: number): number;
  keyHashSlot(ptr: number, len: number): number;
  lcsFill(a: number, alen: number, b: number, blen: number, table: number): number;
  lcsWalk(
    a: number, alen: number, b: number, blen: number, table: number,
    strOut: number, rangesOut: number, minMatchLen: number, wantRanges: number,
  ): number;
  lcsLength(a: number, alen: number, b: number, blen: number, row: number): number;
  geoOutPtr(): number;
  geoEncode(lon: number, lat: number): number;
  geoDecode(score: number): void;
  geoHashBits(score: number): number;
  geoDistance(lon1: number, lat1: number, lon2: number, lat2: number): number;
  geoAreas(lon: number, lat: number, shape: number, width: number, height: number, conversion: number): number;
  geoFilter(
    ptr: number, n: number, out: number, lon: number, lat: number, shape: number, width: number, height: number,
    conversion: number,
  ): void;
}

/** LCS jobs needing more scratch than this run in a spare instance. */
export const SHARED_LCS_MAX_BYTES = 8 * 1024 * 1024;
/** LCS jobs needing more than this get an instance of their own, not the weakly held spare. */
export const SPARE_LCS_MAX_BYTES = 64 * 1024 * 1024;
/** Bytes copied per step when streaming a hash over an input larger than the scratch area. */
const STREAM_CHUNK = 64 * 1024;
/** Binary strings up to this length are copied in by a plain loop, longer ones by the codec. */
const SHORT_COPY = 32;
const WASM32_MAX_BYTES = 2 ** 32;

/** Rounds up to a multiple of 4 without 32-bit bitwise ops (offsets may pass 2 GiB). */
function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** Copies s[start, end) into memory at ptr: short runs by a plain loop, long ones by the codec. */
export function writeBin(s: Bin, mem: Uint8Array, ptr: number, start = 0, end = s.length): void {
  if (end - start <= SHORT_COPY) {
    for (let i = start; i < end; i++) mem[ptr++] = s.charCodeAt(i);
  } else {
    encodeBinInto(start === 0 && end === s.length ? s : s.slice(start, end), mem, ptr);
  }
}

export function compileWasm(bytes: Uint8Array | ArrayBuffer): WebAssembly.Module {
  return new WebAssembly.Module(bytes as BufferSource);
}

/** One instance of cinnabar.wasm and its scratch area. */
export class CinnabarWasm {
  readonly exports: CinnabarWasmExports;
  private mem: Uint8Array;
  private words: Uint32Array;
  private scratch: number;
  private capacity: number;
  private readonly resultWord: number;
  private spare: WeakRef<CinnabarWasm> | undefined;

  constructor(readonly module: WebAssembly.Module, instance?: WebAssembly.Instance) {
    this.exports = (instance ?? new WebAssembly.Instance(module, {})).exports as unknown as CinnabarWasmExports;
    this.scratch = this.exports.reserve(0);
    this.capacity = this.exports.scratchCapacity();
    this.mem = new Uint8Array(this.exports.memory.buffer);
    this.words = new Uint32Array(this.exports.memory.buffer);
    this.resultWord = this.exports.resultPtr() >>> 2;
  }

  /** Scratch address with room for `bytes`, growing memory if needed; 0 if it cannot grow. */
  private reserve(bytes: number): number {
    if (bytes <= this.capacity) return this.scratch;
    if (this.scratch + bytes > WASM32_MAX_BYTES) return 0;
    const ptr = this.exports.reserve(bytes);
    if (ptr === 0) return 0;
    this.capacity = this.exports.scratchCapacity();
    this.mem = new Uint8Array(this.exports.memory.buffer);
    this.words = new Uint32Array(this.exports.memory.buffer);
    return ptr;
  }

  /** Copies data[start, end) to memory at ptr. */
  private write(data: ByteInput, start: number, end: number, ptr: number): void {
    if (typeof data !== 'string') {
      this.mem.set(start === 0 && end === data.length ? data : data.subarray(start, end), ptr);
    } else {
      writeBin(data, this.mem, ptr, start, end);
    }
  }

  private streamMurmur(data: ByteInput, seed: number): bigint {
    const n = data.length;
    const x = this.exports;
    x.murmur64aStart(n, seed);
    const blocks = n - (n & 7);
    let off = 0;
    for (; off < blocks; off += STREAM_CHUNK) {
      const end = Math.min(off + STREAM_CHUNK, blocks);
      this.write(data, off, end, this.scratch);
      x.murmur64aBlocks(this.scratch, end - off);
    }
    this.write(data, blocks, n, this.scratch);
    return x.murmur64aFinish(this.scratch, n & 7);
  }

  /** MurmurHash64A of `data` (Redis HyperLogLog's hash) as an unsigned 64-bit bigint. */
  murmurHash64A(data: ByteInput, seed: number = HLL_SEED): bigint {
    const n = data.length;
    if (n > this.capacity) return BigInt.asUintN(64, this.streamMurmur(data, seed));
    this.write(data, 0, n, this.scratch);
    return BigInt.asUintN(64, this.exports.murmur64a(this.scratch, n, seed));
  }

  /** MurmurHash64A of `data` into out[0] (low 32 bits) and out[1] (high 32 bits); no bigint. */
  murmurHash64AInto(data: ByteInput, seed: number, out: Uint32Array): void {
    const n = data.length;
    if (n > this.capacity) {
      this.streamMurmur(data, seed);
    } else {
      this.write(data, 0, n, this.scratch);
      this.exports.murmur64aHalves(this.scratch, n, seed);
    }
    out[0] = this.words[this.resultWord];
    out[1] = this.words[this.resultWord + 1];
  }

  /** Redis's crc64(crc, data): continues `crc` (unsigned 64-bit) over `data`. */
  crc64(crc: bigint, data: ByteInput): bigint {
    const n = data.length;
    const chunk = Math.min(this.capacity, Math.max(n, 1));
    for (let off = 0; off < n; off += chunk) {
      const end = Math.min(off + chunk, n);
      this.write(data, off, end, this.scratch);
      crc = this.exports.crc64(crc, this.scratch, end - off);
    }
    return BigInt.asUintN(64, crc);
  }

  // Keys bigger than the scratch area (rare: it holds ~100 KB) go to the TS twin rather than
  // growing memory for good.

  /** CRC16-CCITT/XMODEM of `data` (Redis Cluster's hash). */
  crc16(data: ByteInput): number {
    const n = data.length;
    if (n > this.capacity) return twin.crc16(data);
    this.write(data, 0, n, this.scratch);
    return this.exports.crc16(this.scratch, n);
  }

  /** Redis Cluster hash slot of `key` (hash tags honoured). */
  keyHashSlot(key: ByteInput): number {
    const n = key.length;
    if (n > this.capacity) return twin.keyHashSlot(key);
    this.write(key, 0, n, this.scratch);
    return this.exports.keyHashSlot(this.scratch, n);
  }

  /**
   * The LCS command's computation (Redis 7.0 lcsCommand). Throws LcsError, as Redis refuses:
   * 'too-long', 'exceeds-limit' (table > maxTableBytes, i.e. proto-max-bulk-len) or
   * 'alloc-failed' (linear memory could not grow to hold the table).
   */
  lcs(a: ByteInput, b: ByteInput, opts: LcsOptions = {}): LcsResult {
    const plan = planLcs(a.length, b.length, opts);
    const { alen, blen } = plan;
    if (alen === 0 || blen === 0) return emptyLcs();
    if (!plan.walk) return { length: this.lcsLength(a, b), string: '', matches: [] };
    // Scratch layout: a | b | pad to 4 | table | ranges (u32 x4 each) | LCS bytes
    const tableOff = align4(alen + blen);
    const rangesOff = tableOff + plan.tableBytes;
    const strOff = rangesOff + (plan.wantRanges ? plan.maxLength * LCS_RANGE_WORDS * 4 : 0);
    const total = strOff + plan.maxLength;
    const inst = this.lcsInstance(total);
    const base = inst.reserve(total);
    if (base === 0) throw new LcsError('alloc-failed');
    inst.write(a, 0, alen, base);
    inst.write(b, 0, blen, base + alen);
    const x = inst.exports;
    const length = x.lcsFill(base, alen, base + alen, blen, base + tableOff);
    const count = x.lcsWalk(
      base, alen, base + alen, blen, base + tableOff,
      base + strOff, base + rangesOff, plan.minMatchLen, plan.wantRanges ? 1 : 0,
    );
    const mem = inst.mem;
    const string = bytesToBin(mem, base + strOff, base + strOff + length);
    const matches = count === 0 ? [] : decodeLcsRanges(new Uint32Array(mem.buffer, base + rangesOff, count * LCS_RANGE_WORDS), 0, count);
    return { length, string, matches };
  }

  /** Where an LCS job needing `bytes` of scratch runs (see the top of this file). */
  private lcsInstance(bytes: number): CinnabarWasm {
    if (bytes <= this.capacity || bytes <= SHARED_LCS_MAX_BYTES) return this;
    try {
      if (bytes > SPARE_LCS_MAX_BYTES) return new CinnabarWasm(this.module);
      let spare = this.spare?.deref();
      if (!spare) {
        spare = new CinnabarWasm(this.module);
        this.spare = new WeakRef(spare);
      }
      return spare;
    } catch {
      throw new LcsError('alloc-failed');
    }
  }

  // ---- geohash (assembly/geohash.ts) ----

  private geoF64: Float64Array | undefined;

  /** A Float64Array over linear memory, renewed after the memory grew. */
  private f64(): Float64Array {
    const buf = this.exports.memory.buffer;
    if (this.geoF64 === undefined || this.geoF64.buffer !== buf) this.geoF64 = new Float64Array(buf);
    return this.geoF64;
  }

  /** The 52-bit geohash score of lon/lat (within Redis's limits). */
  geoEncode(lon: number, lat: number): number {
    return this.exports.geoEncode(lon, lat);
  }

  /** Decodes a score into out[0] (longitude), out[1] (latitude). */
  geoDecode(score: number, out: Float64Array): void {
    this.exports.geoDecode(score);
    const f = this.f64();
    const at = this.exports.geoOutPtr() >>> 3;
    out[0] = f[at];
    out[1] = f[at + 1];
  }

  /** Bits 2..51 of the standard (latitude -90..90) geohash of a score's point. */
  geoHashBits(score: number): number {
    return this.exports.geoHashBits(score);
  }

  geoDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
    return this.exports.geoDistance(lon1, lat1, lon2, lat2);
  }

  /** The [min, max) score ranges covering a search area, into out; returns how many (<= 9). */
  geoAreas(lon: number, lat: number, shape: number, width: number, height: number, conversion: number, out: Float64Array): number {
    const n = this.exports.geoAreas(lon, lat, shape, width, height, conversion);
    const f = this.f64();
    const at = (this.exports.geoOutPtr() >>> 3) + 2;
    for (let i = 0; i < 2 * n; i++) out[i] = f[at + i];
    return n;
  }

  /**
   * The shape test over scores[0..n) in one call: [distance or -1, lon, lat] per score at 3i of
   * the returned view of linear memory (valid until the next call into the module).
   */
  geoFilter(
    scores: Float64Array, n: number, lon: number, lat: number, shape: number, width: number, height: number, conversion: number,
  ): Float64Array {
    const base = this.reserve(n * 32);
    if (base === 0) throw new RangeError('geo search: linear memory cannot grow');
    const f = this.f64();
    const at = base >>> 3;
    f.set(n === scores.length ? scores : scores.subarray(0, n), at);
    this.exports.geoFilter(base, n, base + n * 8, lon, lat, shape, width, height, conversion);
    return this.f64().subarray(at + n, at + 4 * n);
  }

  /** LEN only: the DP with one row (as long as the shorter string) instead of the table. */
  private lcsLength(a: ByteInput, b: ByteInput): number {
    const [outer, inner] = a.length < b.length ? [b, a] : [a, b];
    const rowOff = align4(outer.length + inner.length);
    const total = rowOff + (inner.length + 1) * 4;
    const inst = this.lcsInstance(total);
    const base = inst.reserve(total);
    if (base === 0) throw new LcsError('alloc-failed');
    inst.write(outer, 0, outer.length, base);
    inst.write(inner, 0, inner.length, base + outer.length);
    return inst.exports.lcsLength(base, outer.length, base + outer.length, inner.length, base + rowOff);
  }
}

/** Instantiates cinnabar.wasm synchronously (fine for its few KB on every host). */
export function initWasmSync(bytes: Uint8Array | ArrayBuffer): CinnabarWasm {
  return new CinnabarWasm(compileWasm(bytes));
}

/** Instantiates cinnabar.wasm with the asynchronous compile (off the main thread where it can). */
export async function initWasm(bytes: Uint8Array | ArrayBuffer): Promise<CinnabarWasm> {
  const module = await WebAssembly.compile(bytes as BufferSource);
  return new CinnabarWasm(module, await WebAssembly.instantiate(module, {}));
}
