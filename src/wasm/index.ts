// The engine's hashes and LCS. Each function is served by the faster of its two
// implementations, WASM (module.ts over assembly/) or the plain TypeScript twin (ts/), as
// measured by bench/micro-wasm.ts; IMPLEMENTATIONS records the choice and why. The WASM module
// is instantiated synchronously from the embedded bytes on first use, unless a host installed
// one first (initWasm / installWasm).
import type { Bin } from '../bytes.ts';
import { type CinnabarWasm, initWasm as instantiate, initWasmSync } from './module.ts';
import { embeddedWasmBytes } from './embedded.ts';
import type { LcsOptions, LcsResult } from './lcs.ts';
import * as tsMurmur from './ts/murmur64a.ts';
import * as tsCrc64 from './ts/crc64.ts';
import * as tsCrc16 from './ts/crc16.ts';
import * as tsLcs from './ts/lcs.ts';
import type { ZOrderedIndex } from '../types/zset-index.ts';
import { createWasmSkiplist } from './skiplist.ts';
import { createTsSkiplist } from './ts/skiplist.ts';

export type { ByteInput } from './module.ts';
export { CinnabarWasm, HLL_SEED } from './module.ts';
export {
  type LcsOptions, type LcsResult, type LcsMatch, type LcsErrorCode, LcsError,
  DEFAULT_PROTO_MAX_BULK_LEN, lcsTableBytes,
} from './lcs.ts';
export { CLUSTER_SLOTS } from './ts/crc16.ts';
export { createWasmSkiplist, skiplistWasm } from './skiplist.ts';
export { createTsSkiplist } from './ts/skiplist.ts';

type Input = Uint8Array | Bin;

let instance: CinnabarWasm | undefined;

/** The engine's WASM instance (created from the embedded module on first call). */
export function wasm(): CinnabarWasm {
  return (instance ??= initWasmSync(embeddedWasmBytes()));
}

/** Uses `w` from now on (e.g. one a host compiled asynchronously from its own copy of the file). */
export function installWasm(w: CinnabarWasm): void {
  instance = w;
}

/** Compiles `bytes` (default: the embedded module) asynchronously and installs the instance. */
export async function initWasm(bytes: Uint8Array | ArrayBuffer = embeddedWasmBytes()): Promise<CinnabarWasm> {
  const w = await instantiate(bytes);
  installWasm(w);
  return w;
}

export type Implementation = 'wasm' | 'ts';

/**
 * Which implementation serves each function, and the measurement behind the choice
 * (bench/micro-wasm.ts, Node 20 on the 2-core dev machine; ratios are WASM ops/s over TS ops/s).
 * The structures over strings.wasm and the geo math keep their tables beside the code that
 * switches on them: BITMAP_IMPLEMENTATIONS (wasm/bitmap.ts), HLL_IMPLEMENTATIONS (wasm/hll.ts),
 * GEOHASH_IMPLEMENTATION (wasm/geohash.ts).
 */
export const IMPLEMENTATIONS = {
  murmurHash64A: {
    use: 'wasm',
    why: 'WASM 4-6x faster at 16 B, 6x (JS byte codec) to 40x (Node latin1 codec) at 1 KB: native i64.mul, where the TS twin multiplies in 16-bit limbs',
  },
  crc64: {
    use: 'wasm',
    why: 'WASM 2.7-4.6x faster on 1 MB (1.6x when a binary string is copied in by the plain JS codec): one u64 table load per byte lane vs two u32 loads and the shifts to join them',
  },
  crc16: {
    use: 'ts',
    why: 'TS ~2x faster on short keys: crossing into WASM and copying the key in cost more than the hash itself',
  },
  keyHashSlot: {
    use: 'ts',
    why: 'TS ~2x faster on short keys: same boundary cost, and indexOf finds the hash tag natively',
  },
  zsetIndex: {
    use: 'wasm',
    why: 'WASM 3-5x faster on 1M members (insert 4.9x, ZRANK 2.9x, score/index range of 10 3.1x, update/remove 2.8-3x) and 52 allocated bytes per member (member bytes included) against 197 of JS heap for the TS nodes: one flat block per node, byte compares with no string indirection',
  },
  lcs: {
    use: 'wasm',
    why: 'WASM 5-9x faster (500 B and 2 KB strings): the DP compiles to branch-free selects; the JIT keeps a mispredicted branch and bounds checks per cell',
  },
} as const satisfies Record<string, { use: Implementation; why: string }>;

/** MurmurHash64A (Redis HyperLogLog's hash, seed HLL_SEED by default) as an unsigned bigint. */
export function murmurHash64A(data: Input, seed: number = tsMurmur.HLL_SEED): bigint {
  return wasm().murmurHash64A(data, seed);
}

/** MurmurHash64A into out[0] (low 32 bits) and out[1] (high 32 bits), allocating nothing. */
export function murmurHash64AInto(data: Input, seed: number, out: Uint32Array): void {
  wasm().murmurHash64AInto(data, seed, out);
}

/** Redis's crc64(crc, data) (CRC-64/Jones; DUMP and RDB checksums); start with crc = 0n. */
export function crc64(crc: bigint, data: Input): bigint {
  return wasm().crc64(crc, data);
}

/** CRC16-CCITT/XMODEM (Redis Cluster). */
export function crc16(data: Input): number {
  return tsCrc16.crc16(data);
}

/** Redis Cluster hash slot of a key, 0..16383, honouring {hash tags}. */
export function keyHashSlot(key: Input): number {
  return tsCrc16.keyHashSlot(key);
}

/**
 * The LCS command's computation (Redis 7.0). Throws LcsError (its message is Redis's error
 * line) when the strings are too long, the table would exceed opts.maxTableBytes
 * (proto-max-bulk-len), or memory for it cannot be had.
 */
export function lcs(a: Input, b: Input, opts?: LcsOptions): LcsResult {
  return wasm().lcs(a, b, opts);
}

/** Which ordered index new sorted sets get; benchmarks switch it to compare the twins end to end. */
let orderedIndexImplementation: Implementation = IMPLEMENTATIONS.zsetIndex.use;

export function useOrderedIndex(impl: Implementation): void {
  orderedIndexImplementation = impl;
}

/** A new, empty ordered index for a sorted set (the skiplist of its skiplist encoding). */
export function createOrderedIndex(): ZOrderedIndex {
  return orderedIndexImplementation === 'wasm' ? createWasmSkiplist() : createTsSkiplist();
}

/** The plain TypeScript twins, for benchmarks and cross-checks. */
export const tsTwins = {
  murmurHash64A: tsMurmur.murmurHash64A,
  murmurHash64AInto: tsMurmur.murmurHash64AInto,
  crc64: tsCrc64.crc64,
  crc16: tsCrc16.crc16,
  keyHashSlot: tsCrc16.keyHashSlot,
  lcs: tsLcs.lcs,
};
