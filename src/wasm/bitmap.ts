// The bitmap operations the commands call (commands/bitmaps.ts), over ByteStrings' blocks in
// strings.wasm's memory. Each is served by the faster of the WASM functions (assembly/bitmap.ts)
// and their TypeScript twin (ts/bitmap.ts) on the same bytes, as bench/micro-bitmap.ts measured;
// BITMAP_IMPLEMENTATIONS records the choice and why.
import type { ByteString } from '../types/byte-string.ts';
import type { StringsWasmExports } from './strings.ts';
import * as twin from './ts/bitmap.ts';
import type { BitOp } from './ts/bitmap.ts';

export { OP_AND, OP_OR, OP_XOR, OP_NOT, type BitOp } from './ts/bitmap.ts';

/** assembly/bitmap.ts's exports. Pointers are u32; offsets, counts and positions f64. */
export interface BitmapExports {
  bitmapCount(ptr: number, len: number): number;
  bitmapPos(ptr: number, len: number, bit: number): number;
  bitmapOp(op: number, dst: number, dstLen: number, sources: number, count: number): void;
  bitmapGetField(ptr: number, len: number, offset: number, bits: number): bigint;
  bitmapSetField(ptr: number, offset: number, bits: number, value: bigint): void;
  bitmapSetBit(ptr: number, offset: number, on: number): number;
  bitmapGetBit(ptr: number, len: number, offset: number): number;
}

export type BitmapWasm = BitmapExports & StringsWasmExports;

/** Bytes per BITOP source descriptor in the scratch buffer (address, length: u32 each). */
export const SOURCE_BYTES = 8;

/**
 * Which implementation serves each operation and the measurement behind it (bench/micro-bitmap.ts,
 * 16 MB strings and 1M random offsets, Node 20 on the shared 2-core dev machine under load, so
 * ranges over three runs; ratios are WASM over TS). BITOP and BITCOUNT are well past the 2x the
 * issue asks of WASM with plain i64 words (SIMD measured no faster: see bitop) against 32-bit
 * words and a SWAR popcount in JS.
 */
export const BITMAP_IMPLEMENTATIONS = {
  bitcount: {
    use: 'wasm',
    why: 'WASM 4.8-6.8x (6.4-13.9 GB/s vs 1.3-2.1 GB/s): i64.popcnt on four independent word counters, where JS has no popcount and runs a SWAR count on 32-bit words',
  },
  bitpos: {
    use: 'wasm',
    why: 'WASM 2.5-4.5x (5-14 GB/s vs 1.2-5 GB/s): 64-bit word compares against 32-bit ones in JS',
  },
  bitop: {
    use: 'wasm',
    why: 'WASM 2.2-3.9x for AND/OR/XOR of two 16 MB strings (4.7-7.5 GB/s vs 1.7-2.3 GB/s), 3.5-4.4x for NOT: one tight i64 loop per operation, tails that zero padding decides filled rather than computed. v128 lanes measured no faster (memory-bound), and i8x16.popcnt slower than i64.popcnt, so SIMD is not needed',
  },
  bitfield: {
    use: 'wasm',
    why: 'WASM 4.6-8.3x on GET, 11-15x on SET of u1..u63 fields: native u64 shifts, where JS needs a BigInt per field (one BigInt still crosses back on GET)',
  },
  setbit: {
    use: 'ts',
    why: 'SETBIT 0.89-1.23x and GETBIT 0.5-1.14x WASM/TS: a byte edit on a view of the memory costs about what the call into WASM costs, so JS keeps it and crosses nothing (GETBIT also uses it)',
  },
} as const satisfies Record<string, { use: 'wasm' | 'ts'; why: string }>;

/** Whether the WASM function serves `op` (a plain string compare: the table's literal types
 *  would otherwise make one branch unreachable to the type checker). */
function wasmServes(op: keyof typeof BITMAP_IMPLEMENTATIONS): boolean {
  return (BITMAP_IMPLEMENTATIONS[op].use as string) === 'wasm';
}

function exportsOf(b: ByteString): BitmapWasm {
  return b.m.exportsAs<BitmapExports>();
}

/** Bits set in `len` bytes of `b` from byte `start` (the range lies within the string). */
export function countBits(b: ByteString, start: number, len: number): number {
  if (wasmServes('bitcount')) return exportsOf(b).bitmapCount(b.address + start, len);
  return twin.bitCount(b.m.view(), b.address + start, len);
}

/** redisBitpos over `len` bytes of `b` from byte `start`: -1 / len*8 when not found (see ts/bitmap.ts). */
export function firstBit(b: ByteString, start: number, len: number, bit: 0 | 1): number {
  if (wasmServes('bitpos')) return exportsOf(b).bitmapPos(b.address + start, len, bit);
  return twin.bitPos(b.m.view(), b.address + start, len, bit);
}

/**
 * BITOP into `dst` (already as long as the longest source) over `sources` (undefined: a missing
 * key, an empty string). The blocks stay where they are: no allocation happens in between.
 */
export function bitOpInto(op: BitOp, dst: ByteString, sources: readonly (ByteString | undefined)[]): void {
  const m = dst.m;
  if (wasmServes('bitop')) {
    const x = m.exportsAs<BitmapExports>();
    const desc = m.scratch(sources.length * SOURCE_BYTES);
    const view = new DataView(m.view().buffer);
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      // A missing source: address 0 with length 0 (never read).
      view.setUint32(desc + i * SOURCE_BYTES, s ? s.address : 0, true);
      view.setUint32(desc + i * SOURCE_BYTES + 4, s ? s.length : 0, true);
    }
    x.bitmapOp(op, dst.address, dst.length, desc, sources.length);
    return;
  }
  const list = sources.map((s) => (s ? { ptr: s.address, len: s.length } : { ptr: 0, len: 0 }));
  twin.bitOp(m.view(), op, dst.address, dst.length, list);
}

/** The unsigned `bits`-wide field at bit `offset` of `b` (zero past the end). */
export function getField(b: ByteString, offset: number, bits: number): bigint {
  if (wasmServes('bitfield')) {
    return BigInt.asUintN(64, exportsOf(b).bitmapGetField(b.address, b.length, offset, bits));
  }
  return twin.getField(b.m.view(), b.address, b.length, offset, bits);
}

/** Writes the low `bits` of `value` at bit `offset` of `b` (grown to hold it). */
export function setField(b: ByteString, offset: number, bits: number, value: bigint): void {
  if (wasmServes('bitfield')) {
    exportsOf(b).bitmapSetField(b.address, offset, bits, BigInt.asIntN(64, value));
    return;
  }
  twin.setField(b.m.view(), b.address, offset, bits, value);
}

/** SETBIT on `b` (grown to hold the bit): the old bit. */
export function setBit(b: ByteString, offset: number, on: number): number {
  if (wasmServes('setbit')) return exportsOf(b).bitmapSetBit(b.address, offset, on);
  return twin.setBit(b.m.view(), b.address, offset, on);
}

/** GETBIT on `b`: 0 past the end. */
export function getBit(b: ByteString, offset: number): number {
  if (wasmServes('setbit')) return exportsOf(b).bitmapGetBit(b.address, b.length, offset);
  return twin.getBit(b.m.view(), b.address, b.length, offset);
}
