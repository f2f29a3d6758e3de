// MurmurHash64A as Redis's hyperloglog.c has it (MurmurHash2, 64-bit, little-endian reads, the
// tail folded in byte by byte). HyperLogLog hashes every element with seed HLL_SEED.

import { RESULT_PTR } from './memory';

export const HLL_SEED: u32 = 0xadc83b19;

const M: u64 = 0xc6a4a7935bd1e995;
const R: u64 = 47;

// Running state of a streamed hash (murmur64aStart/Blocks/Finish), for inputs larger than the
// scratch chunk the JS side copies at a time.
let state: u64 = 0;

// @ts-ignore: decorator
@inline
function mixBlocks(h: u64, ptr: usize, end: usize): u64 {
  for (let p = ptr; p < end; p += 8) {
    let k = load<u64>(p);
    k *= M;
    k ^= k >> R;
    k *= M;
    h ^= k;
    h *= M;
  }
  return h;
}

// @ts-ignore: decorator
@inline
function finish(h: u64, tail: usize, rest: u32): u64 {
  if (rest != 0) {
    // Redis's switch(len & 7) fall-through: byte i of the tail lands at bits 8*i.
    let t: u64 = 0;
    for (let i = <i32>rest - 1; i >= 0; i--) t = (t << 8) | <u64>load<u8>(tail + <usize>i);
    h ^= t;
    h *= M;
  }
  h ^= h >> R;
  h *= M;
  h ^= h >> R;
  return h;
}

/** MurmurHash64A of memory[ptr, ptr+len). */
export function murmur64a(ptr: usize, len: u32, seed: u32): u64 {
  const blocks = len & ~7;
  const h = mixBlocks(<u64>seed ^ (<u64>len * M), ptr, ptr + blocks);
  return finish(h, ptr + blocks, len & 7);
}

/** Same hash as two u32 halves: returns the low half, stores [low, high] at RESULT_PTR. */
export function murmur64aHalves(ptr: usize, len: u32, seed: u32): u32 {
  const h = murmur64a(ptr, len, seed);
  store<u64>(RESULT_PTR, h);
  return <u32>h;
}

/** Starts a streamed hash of `totalLen` bytes. */
export function murmur64aStart(totalLen: u32, seed: u32): void {
  state = <u64>seed ^ (<u64>totalLen * M);
}

/** Feeds memory[ptr, ptr+len) into a streamed hash; len must be a multiple of 8. */
export function murmur64aBlocks(ptr: usize, len: u32): void {
  state = mixBlocks(state, ptr, ptr + (len & ~7));
}

/** Ends a streamed hash with its last (len & 7) bytes at ptr; stores [low, high] at RESULT_PTR. */
export function murmur64aFinish(ptr: usize, rest: u32): u64 {
  const h = finish(state, ptr, rest & 7);
  store<u64>(RESULT_PTR, h);
  return h;
}
