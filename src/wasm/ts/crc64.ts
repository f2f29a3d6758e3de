// CRC-64/Jones (Redis crc64.c), plain TypeScript twin of assembly/crc64.ts: slice-by-8 over
// tables of u32 halves (lo/hi), reflected, crc64(0, "123456789") == 0xe9c6d914c4b8d9ca.
import { type ByteInput, inputBytes } from './input.ts';

/** The Jones polynomial 0xad93d23594c935a9 bit-reversed, as halves. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;
const SLICES = 8;
const LO = new Uint32Array(256 * SLICES);
const HI = new Uint32Array(256 * SLICES);

for (let n = 0; n < 256; n++) {
  let lo = n;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const bit = lo & 1;
    lo = ((lo >>> 1) | (hi << 31)) >>> 0;
    hi = hi >>> 1;
    if (bit) {
      lo = (lo ^ POLY_LO) >>> 0;
      hi = (hi ^ POLY_HI) >>> 0;
    }
  }
  LO[n] = lo;
  HI[n] = hi;
}
for (let n = 0; n < 256; n++) {
  let lo = LO[n];
  let hi = HI[n];
  for (let s = 1; s < SLICES; s++) {
    const t = lo & 0xff;
    lo = (LO[t] ^ ((lo >>> 8) | (hi << 24))) >>> 0;
    hi = (HI[t] ^ (hi >>> 8)) >>> 0;
    LO[s * 256 + n] = lo;
    HI[s * 256 + n] = hi;
  }
}

const S1 = 256;
const S2 = 512;
const S3 = 768;
const S4 = 1024;
const S5 = 1280;
const S6 = 1536;
const S7 = 1792;

/** Continues the crc held in state[0] (low) / state[1] (high) over bytes[start, end). */
export function crc64Range(state: Uint32Array, bytes: Uint8Array, start: number, end: number): void {
  let lo = state[0];
  let hi = state[1];
  let p = start;
  const end8 = start + ((end - start) & ~7);
  for (; p < end8; p += 8) {
    lo ^= bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
    hi ^= bytes[p + 4] | (bytes[p + 5] << 8) | (bytes[p + 6] << 16) | (bytes[p + 7] << 24);
    const b0 = S7 + (lo & 0xff);
    const b1 = S6 + ((lo >>> 8) & 0xff);
    const b2 = S5 + ((lo >>> 16) & 0xff);
    const b3 = S4 + (lo >>> 24);
    const b4 = S3 + (hi & 0xff);
    const b5 = S2 + ((hi >>> 8) & 0xff);
    const b6 = S1 + ((hi >>> 16) & 0xff);
    const b7 = hi >>> 24;
    lo = LO[b0] ^ LO[b1] ^ LO[b2] ^ LO[b3] ^ LO[b4] ^ LO[b5] ^ LO[b6] ^ LO[b7];
    hi = HI[b0] ^ HI[b1] ^ HI[b2] ^ HI[b3] ^ HI[b4] ^ HI[b5] ^ HI[b6] ^ HI[b7];
  }
  for (; p < end; p++) {
    const t = (lo ^ bytes[p]) & 0xff;
    lo = LO[t] ^ ((lo >>> 8) | (hi << 24));
    hi = HI[t] ^ (hi >>> 8);
  }
  state[0] = lo;
  state[1] = hi;
}

const state = new Uint32Array(2);

/** Redis's crc64(crc, data): continues `crc` (an unsigned 64-bit value) over `data`. */
export function crc64(crc: bigint, data: ByteInput): bigint {
  state[0] = Number(crc & 0xffffffffn);
  state[1] = Number((crc >> 32n) & 0xffffffffn);
  crc64Range(state, inputBytes(data), 0, data.length);
  return (BigInt(state[1]) << 32n) | BigInt(state[0]);
}
