// The plain TypeScript twin of assembly/bitmap.ts: the same algorithms over a Uint8Array (a
// view of strings.wasm's memory, or any byte array), `ptr` and `len` naming the bytes. JS has
// no 64-bit integers short of BigInt, so the word steps are 32-bit, over an Int32Array of the
// same buffer where the bytes are 4-aligned.

export const OP_AND = 0;
export const OP_OR = 1;
export const OP_XOR = 2;
export const OP_NOT = 3;
export type BitOp = typeof OP_AND | typeof OP_OR | typeof OP_XOR | typeof OP_NOT;

/** A source of BITOP: `len` bytes at `ptr`. */
export interface BitSource {
  ptr: number;
  len: number;
}

const BYTE_BITS = new Uint8Array(256);
for (let i = 1; i < 256; i++) BYTE_BITS[i] = (i & 1) + BYTE_BITS[i >> 1];

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The 32-bit words over `mem`'s buffer, for byte index `i` of `mem` 4-aligned in the buffer. */
function words(mem: Uint8Array): Int32Array {
  return new Int32Array(mem.buffer, 0, mem.buffer.byteLength >>> 2);
}

/** The number of bits set in mem[ptr, ptr+len). */
export function bitCount(mem: Uint8Array, ptr: number, len: number): number {
  const end = ptr + len;
  let p = ptr;
  let bits = 0;
  const base = mem.byteOffset;
  while (((base + p) & 3) !== 0 && p < end) bits += BYTE_BITS[mem[p++]];
  if (end - p >= 16) {
    const w = words(mem);
    let i = (base + p) >>> 2;
    const stop = i + ((end - p) >>> 2);
    let c0 = 0, c1 = 0;
    for (; i + 2 <= stop; i += 2) {
      c0 += popcount32(w[i]);
      c1 += popcount32(w[i + 1]);
    }
    if (i < stop) c0 += popcount32(w[i++]);
    bits += c0 + c1;
    p = (i << 2) - base;
  }
  while (p < end) bits += BYTE_BITS[mem[p++]];
  return bits;
}

/**
 * The position of the first bit equal to `bit` in mem[ptr, ptr+len). Not found: -1 for a 1,
 * len * 8 for a 0 (zero padding on the right), as Redis's redisBitpos.
 */
export function bitPos(mem: Uint8Array, ptr: number, len: number, bit: 0 | 1): number {
  const skip = bit ? 0 : 0xff;
  const end = ptr + len;
  const base = mem.byteOffset;
  let p = ptr;
  while (((base + p) & 3) !== 0 && p < end && mem[p] === skip) p++;
  if (((base + p) & 3) === 0 && end - p >= 4) {
    const w = words(mem);
    const skipWord = bit ? 0 : -1;
    let i = (base + p) >>> 2;
    const stop = i + ((end - p) >>> 2);
    while (i < stop && w[i] === skipWord) i++;
    p = (i << 2) - base;
  }
  while (p < end && mem[p] === skip) p++;
  if (p === end) return bit ? -1 : len * 8;
  const byte = bit ? mem[p] : ~mem[p] & 0xff;
  return (p - ptr) * 8 + Math.clz32(byte) - 24;
}

/** mem[dst, dst+n) = a op b for AND, OR or XOR: 32-bit words where all three are 4-aligned alike. */
function combine(mem: Uint8Array, op: BitOp, dst: number, a: number, b: number, n: number): void {
  const base = mem.byteOffset;
  let k = 0;
  if (n >= 16 && ((base + dst) & 3) === 0 && ((base + a) & 3) === 0 && ((base + b) & 3) === 0) {
    const w = words(mem);
    const count = n >>> 2;
    const d = (base + dst) >>> 2;
    const x = (base + a) >>> 2;
    const y = (base + b) >>> 2;
    if (op === OP_AND) for (let i = 0; i < count; i++) w[d + i] = w[x + i] & w[y + i];
    else if (op === OP_OR) for (let i = 0; i < count; i++) w[d + i] = w[x + i] | w[y + i];
    else for (let i = 0; i < count; i++) w[d + i] = w[x + i] ^ w[y + i];
    k = count << 2;
  }
  if (op === OP_AND) for (; k < n; k++) mem[dst + k] = mem[a + k] & mem[b + k];
  else if (op === OP_OR) for (; k < n; k++) mem[dst + k] = mem[a + k] | mem[b + k];
  else for (; k < n; k++) mem[dst + k] = mem[a + k] ^ mem[b + k];
}

/**
 * BITOP: mem[dst, dst+dstLen) = op over `sources` (each zero-padded to dstLen; dstLen is the
 * longest source's length). NOT takes one source. `dst` may not overlap a source. The same
 * passes as assembly/bitmap.ts: the tails that zero padding decides are filled, not computed.
 */
export function bitOp(mem: Uint8Array, op: BitOp, dst: number, dstLen: number, sources: readonly BitSource[]): void {
  const first = sources[0];
  if (op === OP_NOT) {
    const base = mem.byteOffset;
    let k = 0;
    if (first.len >= 16 && ((base + dst) & 3) === 0 && ((base + first.ptr) & 3) === 0) {
      const w = words(mem);
      const count = first.len >>> 2;
      const d = (base + dst) >>> 2;
      const f = (base + first.ptr) >>> 2;
      for (let i = 0; i < count; i++) w[d + i] = ~w[f + i];
      k = count << 2;
    }
    for (; k < first.len; k++) mem[dst + k] = ~mem[first.ptr + k];
    mem.fill(0xff, dst + first.len, dst + dstLen);
    return;
  }
  if (sources.length === 1) {
    mem.copyWithin(dst, first.ptr, first.ptr + first.len);
    mem.fill(0, dst + first.len, dst + dstLen);
    return;
  }
  const second = sources[1];
  if (op === OP_AND) {
    let minLen = Math.min(first.len, second.len);
    for (let i = 2; i < sources.length; i++) minLen = Math.min(minLen, sources[i].len);
    combine(mem, op, dst, first.ptr, second.ptr, minLen);
    for (let i = 2; i < sources.length; i++) combine(mem, op, dst, dst, sources[i].ptr, minLen);
    mem.fill(0, dst + minLen, dst + dstLen);
    return;
  }
  const both = Math.min(first.len, second.len);
  combine(mem, op, dst, first.ptr, second.ptr, both);
  const longer = first.len > both ? first : second;
  mem.copyWithin(dst + both, longer.ptr + both, longer.ptr + longer.len);
  mem.fill(0, dst + longer.len, dst + dstLen);
  for (let i = 2; i < sources.length; i++) combine(mem, op, dst, dst, sources[i].ptr, sources[i].len);
}

/** The `bits`-wide (1..64) unsigned integer at bit `offset` of mem[ptr, ptr+len), zero past the end. */
export function getField(mem: Uint8Array, ptr: number, len: number, offset: number, bits: number): bigint {
  const first = Math.floor(offset / 8);
  const shift = offset % 8;
  // The bytes that can hold the field, as a number while it stays exact (48 bits), else a bigint.
  const nbytes = (shift + bits + 7) >>> 3;
  if (nbytes <= 6) {
    let v = 0;
    for (let i = 0; i < nbytes; i++) v = v * 256 + (first + i < len ? mem[ptr + first + i] : 0);
    const drop = nbytes * 8 - shift - bits;
    return BigInt(Math.floor(v / 2 ** drop) % 2 ** bits);
  }
  let v = 0n;
  for (let i = 0; i < nbytes; i++) v = (v << 8n) | BigInt(first + i < len ? mem[ptr + first + i] : 0);
  return (v >> BigInt(nbytes * 8 - shift - bits)) & ((1n << BigInt(bits)) - 1n);
}

/** Writes the low `bits` of `value` at bit `offset` of the bytes at `ptr` (long enough). */
export function setField(mem: Uint8Array, ptr: number, offset: number, bits: number, value: bigint): void {
  let v = BigInt.asUintN(bits, value);
  // From the last bit back to the first: whole low bytes as they come, partial ones masked.
  let last = offset + bits - 1;
  let left = bits;
  while (left > 0) {
    const p = ptr + Math.floor(last / 8);
    const low = 7 - (last % 8); // the field's last bit sits `low` bits above the byte's LSB
    const n = Math.min(left, 8 - low);
    const mask = ((1 << n) - 1) << low;
    const part = (Number(v & BigInt((1 << n) - 1)) << low) & mask;
    mem[p] = (mem[p] & ~mask) | part;
    v >>= BigInt(n);
    left -= n;
    last -= n;
  }
}

// Bit offsets stay below 2^32 (a string holds at most MAX_BIN_LENGTH bytes), so `>>> 3` and
// `& 7` are exact on them.

/** SETBIT: sets bit `offset` of the bytes at `ptr` to `on`, returns the old bit. */
export function setBit(mem: Uint8Array, ptr: number, offset: number, on: number): number {
  const p = ptr + (offset >>> 3);
  const mask = 0x80 >> (offset & 7);
  const byte = mem[p];
  mem[p] = on ? byte | mask : byte & ~mask;
  return byte & mask ? 1 : 0;
}

/** GETBIT: bit `offset` of mem[ptr, ptr+len), 0 past the end. */
export function getBit(mem: Uint8Array, ptr: number, len: number, offset: number): number {
  const byte = offset >>> 3;
  return byte < len ? (mem[ptr + byte] >> (7 - (offset & 7))) & 1 : 0;
}
