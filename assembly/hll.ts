// HyperLogLog over strings.wasm's byte blocks (PFADD, PFCOUNT, PFMERGE): being built.
export const HLL_OPS_VERSION: u32 = 0;
