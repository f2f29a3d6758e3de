// MurmurHash64A (Redis hyperloglog.c), plain TypeScript twin of assembly/murmur.ts. The 64-bit
// state is kept as two u32 halves; 64x64-bit multiplication by the constant M is done in 16-bit
// limbs so every intermediate stays exact in a double.
import { type ByteInput, inputBytes } from './input.ts';

export const HLL_SEED = 0xadc83b19;

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;
const M_LO0 = M_LO & 0xffff;
const M_LO1 = M_LO >>> 16;

// Result of mulM, in module state so the hot loop allocates nothing.
let rHi = 0;
let rLo = 0;

/** (hi:lo * M) mod 2^64 into rHi:rLo. */
function mulM(hi: number, lo: number): void {
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const p00 = a0 * M_LO0;
  const p01 = a0 * M_LO1;
  const p10 = a1 * M_LO0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  rHi = (a1 * M_LO1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(hi, M_LO) + Math.imul(lo, M_HI)) >>> 0;
}

/** MurmurHash64A of bytes[start, end) into out[0] (low 32 bits) and out[1] (high 32 bits). */
export function murmur64aRange(bytes: Uint8Array, start: number, end: number, seed: number, out: Uint32Array): void {
  const len = end - start;
  mulM(0, len >>> 0);
  let hh = rHi;
  let hl = (rLo ^ seed) >>> 0;
  const blocksEnd = start + (len - (len & 7));
  let p = start;
  for (; p < blocksEnd; p += 8) {
    mulM(
      (bytes[p + 4] | (bytes[p + 5] << 8) | (bytes[p + 6] << 16) | (bytes[p + 7] << 24)) >>> 0,
      (bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24)) >>> 0,
    );
    mulM(rHi, (rLo ^ (rHi >>> 15)) >>> 0); // k ^= k >> 47
    mulM((hh ^ rHi) >>> 0, (hl ^ rLo) >>> 0);
    hh = rHi;
    hl = rLo;
  }
  // Redis's switch (len & 7) fall-through: tail byte i lands at bits 8*i.
  const rest = len & 7;
  if (rest !== 0) {
    let th = 0;
    let tl = 0;
    for (let i = rest - 1; i >= 4; i--) th = (th << 8) | bytes[p + i];
    for (let i = (rest < 4 ? rest : 4) - 1; i >= 0; i--) tl = (tl << 8) | bytes[p + i];
    mulM((hh ^ th) >>> 0, (hl ^ tl) >>> 0);
    hh = rHi;
    hl = rLo;
  }
  mulM(hh, (hl ^ (hh >>> 15)) >>> 0);
  out[0] = (rLo ^ (rHi >>> 15)) >>> 0;
  out[1] = rHi;
}

/** MurmurHash64A of `data` into out[0] (low 32 bits) and out[1] (high 32 bits). */
export function murmurHash64AInto(data: ByteInput, seed: number, out: Uint32Array): void {
  murmur64aRange(inputBytes(data), 0, data.length, seed >>> 0, out);
}

const halves = new Uint32Array(2);

/** MurmurHash64A of `data` as an unsigned 64-bit bigint. */
export function murmurHash64A(data: ByteInput, seed: number = HLL_SEED): bigint {
  murmurHash64AInto(data, seed, halves);
  return (BigInt(halves[1]) << 32n) | BigInt(halves[0]);
}
