// HyperLogLog operations on ByteStrings (the HLL string's bytes in strings.wasm's memory), each
// served by the WASM module (assembly/hll.ts) or its TypeScript twin (src/wasm/ts/hll.ts),
// whichever measured faster (HLL_IMPLEMENTATIONS). The command layer
// (src/commands/hyperloglog.ts) calls only the functions exported here.
import type { Bin } from '../bytes.ts';
import type { ByteString } from '../types/byte-string.ts';
import { writeBin } from './module.ts';
import { stringsWasm, type StringsWasm } from './strings.ts';
import { HLL_DENSE_SIZE, HLL_HDR, HLL_INVALID, HLL_PROMOTED, HLL_REGISTERS, HllTwin, denseGet } from './ts/hll.ts';

export { HLL_DENSE_SIZE, HLL_HDR, HLL_REGISTERS };

/** The HLL exports of strings.wasm (assembly/hll.ts). Pointers are u32. */
export interface HllExports {
  hllDenseBuffer(): number;
  hllUnionRegisters(): number;
  hllLength(): number;
  hllToDense(ptr: number, len: number, past: number): number;
  hllAdd(ptr: number, len: number, cap: number, elems: number, n: number, maxSparse: number): number;
  hllCount(ptr: number, len: number, past: number): number;
  hllUnionReset(): void;
  hllUnionAdd(ptr: number, len: number, past: number): number;
  hllUnionCount(): number;
  hllUnionStore(ptr: number, len: number, cap: number, maxSparse: number): number;
}

/**
 * One implementation of the algorithms, over strings at addresses of `mem` (the module's memory).
 * `past` is the byte just past a sparse string (see assembly/hll.ts `ghost`); add and unionStore
 * find it in the buffer at ptr + len and leave it at ptr + length().
 */
export interface HllImpl {
  add(mem: Uint8Array, ptr: number, len: number, cap: number, elems: number, n: number, maxSparse: number): number;
  length(): number;
  /** The dense form left by a promotion or toDense (a view: copy before allocating). */
  denseResult(mem: Uint8Array): Uint8Array;
  toDense(mem: Uint8Array, ptr: number, len: number, past: number): number;
  count(mem: Uint8Array, ptr: number, len: number, past: number): number;
  unionReset(): void;
  unionAdd(mem: Uint8Array, ptr: number, len: number, past: number): number;
  unionCount(): number;
  unionStore(mem: Uint8Array, ptr: number, len: number, cap: number, maxSparse: number): number;
}

export function wasmHll(m: StringsWasm = stringsWasm()): HllImpl {
  const x = m.exportsAs<HllExports>();
  const dense = x.hllDenseBuffer();
  return {
    add: (_mem, ptr, len, cap, elems, n, max) => x.hllAdd(ptr, len, cap, elems, n, max),
    length: () => x.hllLength(),
    denseResult: () => m.view().subarray(dense, dense + HLL_DENSE_SIZE),
    toDense: (_mem, ptr, len, past) => x.hllToDense(ptr, len, past),
    count: (_mem, ptr, len, past) => x.hllCount(ptr, len, past),
    unionReset: () => x.hllUnionReset(),
    unionAdd: (_mem, ptr, len, past) => x.hllUnionAdd(ptr, len, past),
    unionCount: () => x.hllUnionCount(),
    unionStore: (_mem, ptr, len, cap, max) => x.hllUnionStore(ptr, len, cap, max),
  };
}

export function tsHll(): HllImpl {
  const t = new HllTwin();
  return {
    add: (mem, ptr, len, cap, elems, n, max) => t.add(mem, ptr, len, cap, elems, n, max),
    length: () => t.length(),
    denseResult: () => t.denseResult(),
    toDense: (mem, ptr, len, past) => t.toDense(mem, ptr, len, past),
    count: (mem, ptr, len, past) => t.count(mem, ptr, len, past),
    unionReset: () => t.unionReset(),
    unionAdd: (mem, ptr, len, past) => t.unionAdd(mem, ptr, len, past),
    unionCount: () => t.unionCount(),
    unionStore: (mem, ptr, len, cap, max) => t.unionStore(mem, ptr, len, cap, max),
  };
}

/**
 * Which implementation serves each operation, from bench/micro-hll.ts (Node 20, 2 shared cores;
 * the lead moves this into IMPLEMENTATIONS in src/wasm/index.ts).
 */
export const HLL_IMPLEMENTATIONS = {
  add: {
    use: 'wasm',
    why: 'PFADD of 1,000,000 elements: 10 per call 3.4-3.7x, 1 per call 2.6x, the kernel alone 6-8x the twin, which must multiply the 64-bit MurmurHash in 16-bit limbs; packing the elements into the scratch buffer is common to both',
  },
  count: {
    use: 'wasm',
    why: 'PFCOUNT of one dense key 2.3-2.5x: 8 registers per u64 read where the twin reads 4 per 3 bytes; the histogram increments dominate both',
  },
  union: {
    use: 'wasm',
    why: 'PFCOUNT of 10 dense keys 3.3x, PFMERGE of 10 keys 3.2-3.4x: 8 registers per u64 with a SWAR byte max where the twin has 32-bit words',
  },
} as const;

let impls: { add: HllImpl; count: HllImpl; union: HllImpl } | undefined;

function pick(): { add: HllImpl; count: HllImpl; union: HllImpl } {
  if (impls) return impls;
  const wasm = wasmHll();
  let ts: HllImpl | undefined;
  const of = (use: string) => (use === 'wasm' ? wasm : (ts ??= tsHll()));
  return (impls = {
    add: of(HLL_IMPLEMENTATIONS.add.use),
    count: of(HLL_IMPLEMENTATIONS.count.use),
    union: of(HLL_IMPLEMENTATIONS.union.use),
  });
}

/** The header of an empty HLL (sparse: one XZERO of 16384). */
export function emptyHll(): Uint8Array {
  const b = new Uint8Array(HLL_HDR + 2);
  b.set([0x48, 0x59, 0x4c, 0x4c, 1]);
  b[16] = 0x7f;
  b[17] = 0xff;
  return b;
}

/**
 * The byte past a sparse HLL, where Redis's is not the usual zero (an edit of a truncated XZERO
 * wrote its opcodes one byte past the new end). A ByteString's bytes past its length are always
 * zero and the ByteString itself goes when a plain lookup settles it, so the byte is kept here,
 * keyed by the string's contents. Empty unless corrupt HLLs were edited; bounded.
 */
const ghosts = new Map<Bin, number>();
const MAX_GHOSTS = 1024;

/** The byte past the string, as a truncated XZERO at its end reads it. */
export function hllPastEnd(b: ByteString): number {
  if (ghosts.size === 0 || b.length === HLL_DENSE_SIZE) return 0;
  return ghosts.get(b.toBin()) ?? 0;
}

/** Before a sparse edit: the string's contents if a past byte may be kept for them. */
function ghostKey(b: ByteString): Bin | undefined {
  return ghosts.size > 0 ? b.toBin() : undefined;
}

/** After growing the work buffer: the string's past byte into it (room past `len` is zero). */
function putGhost(b: ByteString, len: number, key: Bin | undefined): void {
  if (key === undefined) return;
  const g = ghosts.get(key);
  if (g !== undefined) {
    b.m.view()[b.address + len] = g;
    ghosts.delete(key);
  }
}

/** After a sparse edit: shortens the work buffer to `length` bytes, keeping the byte past them. */
function setLength(b: ByteString, length: number): void {
  const g = b.m.view()[b.address + length];
  if (length !== b.length) b.assign(b.bytes().subarray(0, length));
  if (g !== 0) {
    if (ghosts.size >= MAX_GHOSTS) ghosts.delete(ghosts.keys().next().value as Bin);
    ghosts.set(b.toBin(), g);
  }
}

/** Replaces the string with a promoted dense form. */
function takeDense(b: ByteString, impl: HllImpl): void {
  b.assign(impl.denseResult(b.m.view()).slice());
}

/** Room a sparse edit of `sets` register sets may need (3 bytes each, never past the limit). */
function workLength(len: number, sets: number, maxSparse: number): number {
  return Math.min(len + 3 * sets, Math.max(len, maxSparse)) + 8;
}

/** Packs elems[from, to) into the module's scratch buffer: u32 LE length, then the bytes. */
export function packElements(m: StringsWasm, elems: readonly Bin[], from = 0, to = elems.length): number {
  let total = 0;
  for (let i = from; i < to; i++) total += 4 + elems[i].length;
  const ptr = m.scratch(total);
  const u8 = m.u8;
  let at = ptr;
  for (let i = from; i < to; i++) {
    const e = elems[i];
    const n = e.length;
    u8[at] = n & 0xff;
    u8[at + 1] = (n >>> 8) & 0xff;
    u8[at + 2] = (n >>> 16) & 0xff;
    u8[at + 3] = n >>> 24;
    writeBin(e, u8, at + 4);
    at += 4 + n;
  }
  return ptr;
}

/**
 * PFADD's adds: elems[from, to) into the HLL (already checked valid). Returns how many registers
 * changed, or -1 when a corrupt sparse string was met (changes before it stay, as in Redis).
 */
export function hllAddElements(b: ByteString, elems: readonly Bin[], from: number, to: number, maxSparse: number, impl: HllImpl = pick().add): number {
  const m = b.m;
  const n = to - from;
  const scratch = packElements(m, elems, from, to);
  const len = b.length;
  const sparse = m.u8[b.address + 4] !== 0;
  if (sparse) {
    const key = ghostKey(b);
    b.grow(workLength(len, n, maxSparse));
    putGhost(b, len, key);
  }
  const res = impl.add(m.view(), b.address, len, b.length, scratch, n, maxSparse);
  if (sparse) {
    if (res !== HLL_INVALID && res & HLL_PROMOTED) takeDense(b, impl);
    else setLength(b, impl.length());
  }
  b.changed();
  return res === HLL_INVALID ? -1 : res >> 1;
}

/** The estimate of one HLL (already checked valid), or -1 for a corrupt sparse string. */
export function hllCardinality(b: ByteString, impl: HllImpl = pick().count): number {
  return impl.count(b.m.view(), b.address, b.length, hllPastEnd(b));
}

/** Converts a sparse HLL to dense in place: false if the sparse string is corrupt. */
export function hllToDense(b: ByteString, impl: HllImpl = pick().union): boolean {
  if (impl.toDense(b.m.view(), b.address, b.length, hllPastEnd(b)) !== 0) return false;
  takeDense(b, impl);
  b.changed();
  return true;
}

/** Starts a union (PFCOUNT of several keys, PFMERGE). */
export function hllUnionReset(impl: HllImpl = pick().union): void {
  impl.unionReset();
}

/** Adds one HLL to the union: false if it is a corrupt sparse string. */
export function hllUnionAdd(b: ByteString, impl: HllImpl = pick().union): boolean {
  return impl.unionAdd(b.m.view(), b.address, b.length, hllPastEnd(b)) === 0;
}

export function hllUnionCount(impl: HllImpl = pick().union): number {
  return impl.unionCount();
}

/** Writes the union into the HLL `b` (PFMERGE's target), cache invalidated. */
export function hllUnionStore(b: ByteString, maxSparse: number, impl: HllImpl = pick().union): void {
  const len = b.length;
  const sparse = b.bytes()[4] !== 0;
  if (sparse) {
    const key = ghostKey(b);
    b.grow(workLength(len, HLL_REGISTERS, maxSparse));
    putGhost(b, len, key);
  }
  const res = impl.unionStore(b.m.view(), b.address, len, b.length, maxSparse);
  if (sparse) {
    if (res & HLL_PROMOTED) takeDense(b, impl);
    else setLength(b, impl.length());
  }
  b.changed();
}

/** The 16384 registers of a dense HLL (PFDEBUG GETREG). */
export function hllRegisters(b: ByteString): number[] {
  const mem = b.bytes();
  const out: number[] = new Array(HLL_REGISTERS);
  for (let i = 0; i < HLL_REGISTERS; i++) out[i] = denseGet(mem, HLL_HDR, i);
  return out;
}
