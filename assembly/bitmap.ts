// Bitmap operations over strings.wasm's byte blocks (BITCOUNT, BITPOS, BITOP, BITFIELD): being built.
export const BITMAP_OPS_VERSION: u32 = 0;
