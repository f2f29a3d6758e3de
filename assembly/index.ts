// cinnabar.wasm: a flat API of integers and pointers into linear memory. The JS side
// (src/wasm/module.ts) copies inputs into the scratch area (reserve) and reads results back.
export { reserve, scratchCapacity, resultPtr } from './memory';
export { murmur64a, murmur64aHalves, murmur64aStart, murmur64aBlocks, murmur64aFinish } from './murmur';
export { crc64 } from './crc64';
export { crc16, keyHashSlot } from './crc16';
export { lcsFill, lcsWalk, lcsLength } from './lcs';
export * from './geohash';
