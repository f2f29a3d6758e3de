// Allocation for the modules built with the minimal runtime (skiplist.wasm, strings.wasm):
// AssemblyScript's TLSF allocator (heap.alloc/heap.free), a count of the bytes handed out for
// memory accounting, and a reusable scratch buffer where JS writes a call's input bytes.

/** Bytes in blocks handed out (payload plus the allocator's header), for memory accounting. */
let allocatedBytes: usize = 0;
/** TLSF's block header: the size word just before the payload (low 2 bits are flags). */
const BLOCK_OVERHEAD: usize = 4;

// @ts-ignore: decorator
@inline function blockBytes(ptr: usize): usize {
  return (load<u32>(ptr - BLOCK_OVERHEAD) & ~3) + BLOCK_OVERHEAD;
}

export function alloc(size: usize): usize {
  const ptr = heap.alloc(size);
  allocatedBytes += blockBytes(ptr);
  return ptr;
}

export function release(ptr: usize): void {
  allocatedBytes -= blockBytes(ptr);
  heap.free(ptr);
}

/** Moves or resizes a block (contents up to the smaller size kept), as realloc. */
export function reallocate(ptr: usize, size: usize): usize {
  allocatedBytes -= blockBytes(ptr);
  const moved = heap.realloc(ptr, size);
  allocatedBytes += blockBytes(moved);
  return moved;
}

export function allocated(): usize {
  return allocatedBytes;
}

let scratchPtr: usize = 0;
let scratchCap: usize = 0;

/** A buffer of at least `bytes` where JS writes a call's input bytes; contents are not kept. */
export function scratch(bytes: usize): usize {
  if (bytes > scratchCap) {
    if (scratchPtr) release(scratchPtr);
    let cap: usize = 256;
    while (cap < bytes) cap <<= 1;
    scratchPtr = alloc(cap);
    scratchCap = cap;
  }
  return scratchPtr;
}
