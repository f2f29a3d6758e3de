// CRC16-CCITT/XMODEM and the cluster key slot (Redis crc16.c, cluster.c keyHashSlot), plain
// TypeScript twin of assembly/crc16.ts. Reads binary strings directly: keys are short, and
// indexOf finds the hash tag natively.
import type { Bin } from '../../bytes.ts';
import type { ByteInput } from './input.ts';

export const CLUSTER_SLOTS = 16384;
const SLOT_MASK = CLUSTER_SLOTS - 1;
const TABLE = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  TABLE[n] = c;
}

function crc16Bin(s: Bin, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ s.charCodeAt(i)) & 0xff]) & 0xffff;
  return crc;
}

function crc16Bytes(b: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b[i]) & 0xff]) & 0xffff;
  return crc;
}

/** CRC16 of data[start, end). */
export function crc16(data: ByteInput, start = 0, end = data.length): number {
  return typeof data === 'string' ? crc16Bin(data, start, end) : crc16Bytes(data, start, end);
}

/**
 * The cluster slot of `key`: the bytes between the first '{' and the first '}' after it are
 * hashed if there is at least one; otherwise (no tag, or "{}" first) the whole key is.
 */
export function keyHashSlot(key: ByteInput): number {
  const n = key.length;
  const s = typeof key === 'string' ? key.indexOf('{') : key.indexOf(0x7b);
  if (s >= 0) {
    const e = typeof key === 'string' ? key.indexOf('}', s + 1) : key.indexOf(0x7d, s + 1);
    if (e > s + 1) return crc16(key, s + 1, e) & SLOT_MASK;
  }
  return crc16(key, 0, n) & SLOT_MASK;
}
