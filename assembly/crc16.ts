// CRC16-CCITT (XMODEM) as Redis Cluster uses it: polynomial 0x1021, not reflected, init 0,
// crc16("123456789") == 0x31c3. keyHashSlot is Redis's cluster.c keyHashSlot.

export const CLUSTER_SLOTS: u32 = 16384;
const POLY: u32 = 0x1021;
const TABLE: usize = memory.data(256 * 2, 16);

function buildTable(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ POLY : c << 1;
    store<u16>(TABLE + (<usize>n << 1), <u16>c);
  }
}
buildTable();

/** CRC16 of memory[ptr, ptr+len). */
export function crc16(ptr: usize, len: usize): u32 {
  let crc: u32 = 0;
  const end = ptr + len;
  for (let p = ptr; p < end; p++) {
    crc = ((crc << 8) ^ <u32>load<u16>(TABLE + (<usize>(((crc >> 8) ^ <u32>load<u8>(p)) & 0xff) << 1))) & 0xffff;
  }
  return crc;
}

/**
 * The cluster slot of the key at memory[ptr, ptr+len). If the key has a '{' and a '}' after
 * it with at least one byte between them, only the bytes between the first '{' and the first
 * '}' after it are hashed; otherwise (no tag, or an empty "{}" first) the whole key is.
 */
export function keyHashSlot(ptr: usize, len: usize): u32 {
  let s: usize = 0;
  while (s < len && load<u8>(ptr + s) != 0x7b) s++;
  if (s == len) return crc16(ptr, len) & (CLUSTER_SLOTS - 1);
  let e: usize = s + 1;
  while (e < len && load<u8>(ptr + e) != 0x7d) e++;
  if (e == len || e == s + 1) return crc16(ptr, len) & (CLUSTER_SLOTS - 1);
  return crc16(ptr + s + 1, e - s - 1) & (CLUSTER_SLOTS - 1);
}
