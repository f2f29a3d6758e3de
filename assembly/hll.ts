// HyperLogLog over strings.wasm's byte blocks (PFADD, PFCOUNT, PFMERGE), byte for byte as Redis
// 7.0's hyperloglog.c lays it out:
//
//   header   "HYLL", encoding (0 dense, 1 sparse), 3 unused bytes, the cached cardinality as 8
//            bytes little endian whose top bit (bit 7 of byte 15) marks the cache stale
//   dense    16384 registers of 6 bits, register i at bit 6*i counted from the LSB of byte 0
//   sparse   run-length opcodes: ZERO 00xxxxxx (1-64 zero registers), XZERO 01xxxxxx yyyyyyyy
//            (1-16384 zero registers), VAL 1vvvvvxx (1-4 registers holding 1-32)
//
// A sparse string changes length as registers are set. The JS side gives a call the string at
// `ptr` with `len` bytes used and `cap` bytes it may use (all zero past `len`); the new length is
// read back with hllLength(). When a sparse string must become dense (a register above 32, or
// the string passing hll-sparse-max-bytes) the dense form is built in this module's own buffer
// (hllDenseBuffer()) and the call goes on there; the JS side then copies it over the string.
// The plain TypeScript twin of every function here is src/wasm/ts/hll.ts.
import { HLL_SEED, murmur64a } from './murmur';

const HDR: usize = 16;
const REGISTERS: i32 = 16384;
const DENSE_SIZE: usize = 12304;
const SPARSE_VAL_MAX: i32 = 32;
const ZERO_MAX: i32 = 64;
const INVALID: i32 = -1;
/** Result bit: the string was converted to dense, the result is in hllDenseBuffer(). */
const PROMOTED: i32 = 1;
/** Internal result of sparseSet: the register needs the dense form. */
const PROMOTE: i32 = 2;
const ALPHA_INF: f64 = 0.72134752044448170368;

/** Where a sparse string turned dense is built (one spare byte past the registers). */
const denseBuf: usize = memory.data(12320, 16);
/** The max registers of a union (PFCOUNT of several keys, PFMERGE), one byte each. */
const unionRegs: usize = memory.data(16384, 16);
/** The register histogram of a count. */
const histo: usize = memory.data(64 * 4, 16);

/**
 * The byte just past the string, which a truncated XZERO at the end reads as its second byte.
 * In Redis it is the sds terminator, zero, except after a sparse edit that wrote its new opcodes
 * one byte past the new end (an edit of such a truncated XZERO): the JS side keeps that byte
 * with the string and passes it in; during an edit it lives in the buffer at sp + slen.
 */
let ghost: u32 = 0;

// The sparse string being edited: address, used bytes, usable bytes, promotion threshold.
let sp: usize = 0;
let slen: i32 = 0;
let scap: i32 = 0;
let maxSparse: i32 = 0;
/** Set when the string was converted: registers now live at denseBuf + HDR. */
let dense = false;

export function hllDenseBuffer(): usize {
  return denseBuf;
}

export function hllUnionRegisters(): usize {
  return unionRegs;
}

/** The sparse string's length after the last hllAdd / hllUnionStore. */
export function hllLength(): i32 {
  return slen;
}

// ------------------------------------------------------------------------------ registers

// @ts-ignore: decorator
@inline function denseGet(r: usize, i: u32): u32 {
  const bit = i * 6;
  const at = r + (bit >> 3);
  const fb = bit & 7;
  let v = <u32>load<u8>(at) >> fb;
  if (fb > 2) v |= <u32>load<u8>(at + 1) << (8 - fb);
  return v & 63;
}

// @ts-ignore: decorator
@inline function denseSet(r: usize, i: u32, v: u32): void {
  const bit = i * 6;
  const at = r + (bit >> 3);
  const fb = bit & 7;
  store<u8>(at, (<u32>load<u8>(at) & ~(<u32>63 << fb)) | (v << fb));
  if (fb > 2) store<u8>(at + 1, (<u32>load<u8>(at + 1) & ~(<u32>63 >> (8 - fb))) | (v >> (8 - fb)));
}

// Element hashing: register index in the low 14 bits, the run of zeros after them plus one.
let hashIndex: u32 = 0;

// @ts-ignore: decorator
@inline function patLen(ptr: usize, len: u32): u32 {
  const h = murmur64a(ptr, len, HLL_SEED);
  hashIndex = <u32>h & 16383;
  return <u32>ctz((h >> 14) | (<u64>1 << 50)) + 1;
}

// ------------------------------------------------------------------------------ sparse

// @ts-ignore: decorator
@inline function second(p: usize, end: usize): u32 {
  return p + 1 < end ? <u32>load<u8>(p + 1) : ghost;
}

// @ts-ignore: decorator
@inline function valOp(v: i32, len: i32): u8 {
  return <u8>(((v - 1) << 2) | (len - 1) | 0x80);
}

/** Puts a ZERO or XZERO run of `len` at q; returns the bytes written. */
function zeroRun(q: usize, len: i32): usize {
  if (len > ZERO_MAX) {
    store<u8>(q, ((len - 1) >> 8) | 0x40);
    store<u8>(q + 1, (len - 1) & 0xff);
    return 2;
  }
  store<u8>(q, len - 1);
  return 1;
}

const seq: usize = memory.data(8, 8);

/** hllSparseSet: 0 unchanged, 1 set, INVALID, PROMOTE. */
function sparseSet(index: i32, count: i32): i32 {
  if (count > SPARSE_VAL_MAX) return PROMOTE;
  ghost = load<u8>(sp + <usize>slen);
  const sparse = sp + HDR;
  let end = sp + <usize>slen;
  let p = sparse;
  let prev: usize = 0;
  let first = 0;
  let span = 0;
  while (p < end) {
    const b = <i32>load<u8>(p);
    let oplen: usize = 1;
    if ((b & 0xc0) == 0) span = (b & 0x3f) + 1;
    else if ((b & 0xc0) == 0x40) {
      span = (((b & 0x3f) << 8) | <i32>second(p, end)) + 1;
      oplen = 2;
    } else span = (b & 3) + 1;
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span == 0 || p >= end) return INVALID;
  const op = <i32>load<u8>(p);
  const isXzero = (op & 0xc0) == 0x40;
  const isZero = (op & 0xc0) == 0;
  let next: usize = isXzero ? p + 2 : p + 1;
  if (next >= end) next = 0;
  let runlen: i32;
  if (isZero) runlen = (op & 0x3f) + 1;
  else if (isXzero) runlen = (((op & 0x3f) << 8) | <i32>second(p, end)) + 1;
  else runlen = (op & 3) + 1;

  let simple = false;
  if (!isZero && !isXzero) {
    if (((op >> 2) & 0x1f) + 1 >= count) return 0;
    if (runlen == 1) simple = true;
  } else if (isZero && runlen == 1) simple = true;

  if (simple) {
    store<u8>(p, valOp(count, 1));
  } else {
    let n = seq;
    const last = first + span - 1;
    if (isZero || isXzero) {
      if (index != first) n += zeroRun(n, index - first);
      store<u8>(n++, valOp(count, 1));
      if (index != last) n += zeroRun(n, last - index);
    } else {
      const cur = ((op >> 2) & 0x1f) + 1;
      if (index != first) store<u8>(n++, valOp(cur, index - first));
      store<u8>(n++, valOp(count, 1));
      if (index != last) store<u8>(n++, valOp(cur, last - index));
    }
    const seqlen = <i32>(n - seq);
    const delta = seqlen - (isXzero ? 2 : 1);
    if (delta > 0 && slen + delta > maxSparse) return PROMOTE;
    if (slen + delta + 6 > scap) return PROMOTE; // never: the JS side gives room for 3 bytes a set
    if (delta != 0 && next != 0) memory.copy(next + delta, next, end - next);
    slen += delta;
    end = sp + <usize>slen;
    // As sdsIncrLen then memcpy: the terminator first, then the opcodes, which pass the new end
    // by one byte when they replaced a truncated XZERO.
    store<u8>(end, 0);
    memory.copy(p, seq, seqlen);
  }

  // Merge adjacent VAL opcodes of one value, scanning up to 5 opcodes from prev.
  p = prev != 0 ? prev : sparse;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const b = <i32>load<u8>(p);
    if ((b & 0xc0) == 0x40) {
      p += 2;
      continue;
    }
    if ((b & 0xc0) == 0) {
      p++;
      continue;
    }
    if (p + 1 < end) {
      const b2 = <i32>load<u8>(p + 1);
      if (b2 & 0x80 && ((b >> 2) & 0x1f) == ((b2 >> 2) & 0x1f)) {
        const len = (b & 3) + (b2 & 3) + 2;
        if (len <= 4) {
          store<u8>(p + 1, valOp(((b >> 2) & 0x1f) + 1, len));
          memory.copy(p, p + 1, end - p - 1);
          slen--;
          end--;
          store<u8>(end, 0);
          continue;
        }
      }
    }
    p++;
  }
  store<u8>(sp + 15, load<u8>(sp + 15) | 0x80);
  return 1;
}

/**
 * Spreads the sparse string at (ptr, len) over registers: into denseBuf's dense registers
 * (hllSparseToDense) or, with `union`, into the union's max registers (hllMerge). 0, or INVALID
 * when the runs do not cover exactly the 16384 registers.
 */
function spreadSparse(ptr: usize, len: usize, union: bool): i32 {
  const r = denseBuf + HDR;
  const end = ptr + len;
  let p = ptr + HDR;
  let idx = 0;
  while (p < end) {
    const b = <i32>load<u8>(p);
    if ((b & 0xc0) == 0) {
      idx += (b & 0x3f) + 1;
      if (idx > REGISTERS) return INVALID;
      p++;
    } else if ((b & 0xc0) == 0x40) {
      idx += (((b & 0x3f) << 8) | <i32>second(p, end)) + 1;
      if (idx > REGISTERS) return INVALID;
      p += 2;
    } else {
      let run = (b & 3) + 1;
      const v = ((b >> 2) & 0x1f) + 1;
      if (run + idx > REGISTERS) return INVALID;
      if (union) {
        for (; run > 0; run--, idx++) {
          const a = unionRegs + <usize>idx;
          if (<u8>v > load<u8>(a)) store<u8>(a, <u8>v);
        }
      } else {
        for (; run > 0; run--, idx++) denseSet(r, idx, v);
      }
      p++;
    }
  }
  return idx == REGISTERS ? 0 : INVALID;
}

/** hllSparseToDense of the string at (ptr, len) into denseBuf: 0, or INVALID. */
function sparseToDense(ptr: usize, len: usize): i32 {
  memory.copy(denseBuf, ptr, HDR);
  store<u8>(denseBuf + 4, 0);
  memory.fill(denseBuf + HDR, 0, DENSE_SIZE - HDR + 1);
  return spreadSparse(ptr, len, false);
}

/** PFDEBUG TODENSE / GETREG, PFMERGE's dense target: the dense form into hllDenseBuffer(). */
export function hllToDense(ptr: usize, len: usize, past: u32): i32 {
  ghost = past;
  return sparseToDense(ptr, len);
}

// Sets one register in whichever form the string is in now; 1 if it changed, or INVALID.
// @ts-ignore: decorator
@inline function setRegister(index: i32, count: i32): i32 {
  if (dense) {
    const r = denseBuf + HDR;
    if (denseGet(r, index) >= <u32>count) return 0;
    denseSet(r, index, count);
    return 1;
  }
  const res = sparseSet(index, count);
  if (res != PROMOTE) return res;
  ghost = load<u8>(sp + <usize>slen);
  if (sparseToDense(sp, slen) != 0) return INVALID;
  dense = true;
  denseSet(denseBuf + HDR, index, count);
  return 1;
}

function begin(ptr: usize, len: i32, cap: i32, max: i32): void {
  sp = ptr;
  slen = len;
  scap = cap;
  maxSparse = max;
  dense = false;
}

// (updates << 1) | PROMOTED, or INVALID (the string may still have changed: see hllLength()).
// @ts-ignore: decorator
@inline function finish(updates: i32): i32 {
  if (updates > 0) {
    const h: usize = dense ? denseBuf : sp;
    store<u8>(h + 15, load<u8>(h + 15) | 0x80);
  }
  return (updates << 1) | (dense ? PROMOTED : 0);
}

/**
 * PFADD of `n` elements packed at `elems` (each a u32 length, little endian, then its bytes)
 * into the HLL at ptr: returns (registers changed << 1) | PROMOTED, or INVALID.
 */
export function hllAdd(ptr: usize, len: i32, cap: i32, elems: usize, n: i32, max: i32): i32 {
  let e = elems;
  let updates = 0;
  if (load<u8>(ptr + 4) == 0) {
    const r = ptr + HDR;
    for (let i = 0; i < n; i++) {
      const l = load<u32>(e);
      const count = patLen(e + 4, l);
      e += 4 + <usize>l;
      if (denseGet(r, hashIndex) < count) {
        denseSet(r, hashIndex, count);
        updates++;
      }
    }
    if (updates > 0) store<u8>(ptr + 15, load<u8>(ptr + 15) | 0x80);
    return updates << 1;
  }
  begin(ptr, len, cap, max);
  for (let i = 0; i < n; i++) {
    const l = load<u32>(e);
    const count = <i32>patLen(e + 4, l);
    e += 4 + <usize>l;
    const res = setRegister(<i32>hashIndex, count);
    if (res == INVALID) return INVALID;
    updates += res;
  }
  return finish(updates);
}

// ------------------------------------------------------------------------------ counting

// Dense registers go 8 at a time: 48 bits (6 bytes) spread into the 8 bytes of a u64 ("lanes"),
// and packed back. The 6 bytes are read as a u32 and a u16 so that no read passes the string.

// @ts-ignore: decorator
@inline function load48(p: usize): u64 {
  return <u64>load<u32>(p) | (<u64>load<u16>(p + 4) << 32);
}

// @ts-ignore: decorator
@inline function spread(w: u64): u64 {
  const a = (w & 0xffffff) | (((w >> 24) & 0xffffff) << 32);
  const b = (a & 0x00000fff00000fff) | (((a >> 12) & 0x00000fff00000fff) << 16);
  return (b & 0x003f003f003f003f) | (((b >> 6) & 0x003f003f003f003f) << 8);
}

// @ts-ignore: decorator
@inline function pack(c: u64): u64 {
  const b = (c & 0x003f003f003f003f) | (((c >> 8) & 0x003f003f003f003f) << 6);
  const a = (b & 0x00000fff00000fff) | (((b >> 16) & 0x00000fff00000fff) << 12);
  return (a & 0xffffff) | (((a >> 32) & 0xffffff) << 24);
}

const HIGH: u64 = 0x8080808080808080;

/** Byte-wise max of lanes below 128 (SWAR: a byte's high bit after (a|0x80)-b says a >= b). */
// @ts-ignore: decorator
@inline function maxLanes(a: u64, b: u64): u64 {
  const ge = (((a | HIGH) - b) & HIGH) >> 7;
  const m = ge * 0xff;
  return (a & m) | (b & ~m);
}

/** Four histograms, summed at the end, so that equal neighbours do not wait on one counter. */
const histos: usize = memory.data(4 * 64 * 4, 16);

// @ts-ignore: decorator
@inline function bump(table: usize, lane: u64): void {
  const a = table + ((<usize>lane & 63) << 2);
  store<i32>(a, load<i32>(a) + 1);
}

// @ts-ignore: decorator
@inline function count8(x: u64): void {
  // Byte k of the lanes goes to table k & 3.
  bump(histos, x);
  bump(histos + 256, x >> 8);
  bump(histos + 512, x >> 16);
  bump(histos + 768, x >> 24);
  bump(histos, x >> 32);
  bump(histos + 256, x >> 40);
  bump(histos + 512, x >> 48);
  bump(histos + 768, x >> 56);
}

function sumHistos(): void {
  for (let v: usize = 0; v < 64; v++) {
    const a = histos + (v << 2);
    store<i32>(histo + (v << 2), load<i32>(a) + load<i32>(a + 256) + load<i32>(a + 512) + load<i32>(a + 768));
  }
}

function histogramDense(r: usize): void {
  memory.fill(histos, 0, 4 * 64 * 4);
  for (let q: usize = 0; q < DENSE_SIZE - HDR; q += 6) count8(spread(load48(r + q)));
  sumHistos();
}

function histogramSparse(ptr: usize, len: usize): bool {
  const end = ptr + len;
  let p = ptr + HDR;
  let idx = 0;
  while (p < end) {
    const b = <i32>load<u8>(p);
    if ((b & 0xc0) == 0) {
      const run = (b & 0x3f) + 1;
      idx += run;
      store<i32>(histo, load<i32>(histo) + run);
      p++;
    } else if ((b & 0xc0) == 0x40) {
      const run = (((b & 0x3f) << 8) | <i32>second(p, end)) + 1;
      idx += run;
      store<i32>(histo, load<i32>(histo) + run);
      p += 2;
    } else {
      const run = (b & 3) + 1;
      const a = histo + (((b >> 2) & 0x1f) + 1) * 4;
      idx += run;
      store<i32>(a, load<i32>(a) + run);
      p++;
    }
  }
  return idx == REGISTERS;
}

function sigma(x: f64): f64 {
  if (x == 1.0) return Infinity;
  let y: f64 = 1;
  let z = x;
  let zPrime: f64;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime != z);
  return z;
}

function tau(x: f64): f64 {
  if (x == 0.0 || x == 1.0) return 0.0;
  let y: f64 = 1.0;
  let z = 1 - x;
  let zPrime: f64;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (zPrime != z);
  return z / 3;
}

/** Redis 7's estimator (Ertl's improved raw estimator) over the histogram. */
function estimate(): f64 {
  const m: f64 = <f64>REGISTERS;
  let z = m * tau((m - <f64>load<i32>(histo + 51 * 4)) / m);
  for (let j = 50; j >= 1; j--) {
    z += <f64>load<i32>(histo + j * 4);
    z *= 0.5;
  }
  z += m * sigma(<f64>load<i32>(histo) / m);
  const e = (ALPHA_INF * m * m) / z;
  // llroundl: halves away from zero.
  const f = Math.floor(e);
  return e - f >= 0.5 ? f + 1 : f;
}

/** The cardinality of the HLL at (ptr, len), or -1 for a corrupt sparse string. */
export function hllCount(ptr: usize, len: usize, past: u32): f64 {
  ghost = past;
  if (load<u8>(ptr + 4) == 0) histogramDense(ptr + HDR);
  else {
    memory.fill(histo, 0, 64 * 4);
    if (!histogramSparse(ptr, len)) return -1;
  }
  return estimate();
}

// ------------------------------------------------------------------------------ unions

export function hllUnionReset(): void {
  memory.fill(unionRegs, 0, REGISTERS);
}

/** hllMerge: max of the union's registers and the HLL's; 0, or INVALID. */
export function hllUnionAdd(ptr: usize, len: usize, past: u32): i32 {
  ghost = past;
  if (load<u8>(ptr + 4) == 0) {
    const r = ptr + HDR;
    let u = unionRegs;
    for (let q: usize = 0; q < DENSE_SIZE - HDR; q += 6) {
      store<u64>(u, maxLanes(spread(load48(r + q)), load<u64>(u)));
      u += 8;
    }
    return 0;
  }
  return spreadSparse(ptr, len, true);
}

/** The cardinality of the union (Redis's HLL_RAW count). */
export function hllUnionCount(): f64 {
  memory.fill(histos, 0, 4 * 64 * 4);
  for (let i: usize = 0; i < <usize>REGISTERS; i += 8) count8(load<u64>(unionRegs + i));
  sumHistos();
  return estimate();
}

/**
 * PFMERGE's write of the union into the HLL at ptr (dense, or sparse with room `cap`); the
 * cache is invalidated. Returns PROMOTED if the result is in hllDenseBuffer(), or INVALID.
 */
export function hllUnionStore(ptr: usize, len: i32, cap: i32, max: i32): i32 {
  if (load<u8>(ptr + 4) == 0) {
    const r = ptr + HDR;
    let u = unionRegs;
    for (let q: usize = 0; q < DENSE_SIZE - HDR; q += 6) {
      const w = pack(maxLanes(spread(load48(r + q)), load<u64>(u)));
      store<u32>(r + q, <u32>w);
      store<u16>(r + q + 4, <u16>(w >> 32));
      u += 8;
    }
    store<u8>(ptr + 15, load<u8>(ptr + 15) | 0x80);
    return 0;
  }
  begin(ptr, len, cap, max);
  for (let i = 0; i < REGISTERS; i++) {
    const v = <i32>load<u8>(unionRegs + <usize>i);
    if (v == 0) continue;
    // Redis ignores a failed sparse set here (the target was already checked as a source).
    setRegister(i, v);
  }
  finish(1);
  return dense ? PROMOTED : 0;
}
