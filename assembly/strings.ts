// strings.wasm: string values that commands edit in place — bitmaps (SETBIT, BITFIELD, BITOP)
// and HyperLogLogs (PFADD, PFMERGE) — live here as plain byte blocks, so that an edit touches a
// few bytes instead of copying the whole string, and the bulk operations (BITCOUNT, BITOP,
// PFCOUNT) run over the bytes where they lie. JS holds each string as a pointer plus its length
// (src/types/byte-string.ts); blocks come from the TLSF allocator (assembly/heap.ts).
import { alloc, release, reallocate } from './heap';
export { allocated, scratch } from './heap';

/** A block of `capacity` bytes, all zero (a block is never empty, so the pointer is never 0). */
export function allocString(capacity: usize): usize {
  const ptr = alloc(capacity > 0 ? capacity : 1);
  memory.fill(ptr, 0, capacity);
  return ptr;
}

/** Resizes a string's block to `capacity` bytes, keeping its first `used` bytes; the rest is zero. */
export function resizeString(ptr: usize, used: usize, capacity: usize): usize {
  const moved = reallocate(ptr, capacity > 0 ? capacity : 1);
  if (capacity > used) memory.fill(moved + used, 0, capacity - used);
  return moved;
}

export function freeString(ptr: usize): void {
  release(ptr);
}

/** A new block holding a copy of `len` bytes at `ptr`, with room for `capacity`. */
export function copyString(ptr: usize, len: usize, capacity: usize): usize {
  const copy = allocString(capacity);
  memory.copy(copy, ptr, len);
  return copy;
}

export * from './bitmap';
export * from './hll';
