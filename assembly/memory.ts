// Linear memory plan of cinnabar.wasm.
//
//   [0, __heap_base)        static data: the CRC lookup tables (memory.data segments)
//   [SCRATCH_BASE, end)     scratch: where JS copies a call's inputs and reads its outputs
//
// The scratch area belongs to one call at a time: every export that uses it treats its
// contents as garbage on entry, so there is nothing to free. It only grows (memory.grow); the JS
// side keeps big transient jobs (large LCS tables) in a throwaway instance so that the shared
// instance stays small. No code in assembly/ allocates from the runtime heap (--runtime stub and
// no managed objects), which is what lets the scratch area start right at __heap_base.

export const PAGE_BYTES: u64 = 65536;
export const SCRATCH_ALIGN: usize = 16;

// @ts-ignore: decorator
@inline
export function scratchBase(): usize {
  return (__heap_base + SCRATCH_ALIGN - 1) & ~(SCRATCH_ALIGN - 1);
}

/**
 * Makes room for `bytes` bytes at the scratch base and returns its address, or 0 when linear
 * memory cannot grow that far (the host refuses, or it would pass 4 GiB).
 */
export function reserve(bytes: usize): usize {
  const base = scratchBase();
  const end: u64 = <u64>base + <u64>bytes;
  const have: u64 = <u64>memory.size() * PAGE_BYTES;
  if (end > have) {
    const pages: u64 = (end - have + PAGE_BYTES - 1) / PAGE_BYTES;
    if (pages > 65536 || memory.grow(<i32>pages) < 0) return 0;
  }
  return base;
}

/** Bytes of scratch usable without growing memory. */
export function scratchCapacity(): usize {
  return <usize>(<u64>memory.size() * PAGE_BYTES - <u64>scratchBase());
}

/** A small fixed slot for results wider than one return value (two u32 words). */
export const RESULT_PTR: usize = memory.data(16, 16);

export function resultPtr(): usize {
  return RESULT_PTR;
}
