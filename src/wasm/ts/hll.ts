// Plain TypeScript twin of assembly/hll.ts: the same HyperLogLog algorithms (Redis 7.0's
// hyperloglog.c representation: HYLL header, sparse ZERO/XZERO/VAL opcodes, dense 6-bit
// registers, Ertl's estimator) over a Uint8Array addressed like the module's memory, so the two
// can serve the same strings and be measured against each other on the same data.
import { HLL_SEED, murmur64aRange } from './murmur64a.ts';

export const HLL_HDR = 16;
export const HLL_REGISTERS = 16384;
export const HLL_DENSE_SIZE = 12304;
const SPARSE_VAL_MAX = 32;
const ZERO_MAX = 64;
export const HLL_INVALID = -1;
/** Result bit: the string was converted to dense; the result is in denseResult(). */
export const HLL_PROMOTED = 1;
const PROMOTE = 2;
const ALPHA_INF = 0.72134752044448170368;

export function denseGet(m: Uint8Array, r: number, i: number): number {
  const bit = i * 6;
  const at = r + (bit >>> 3);
  const fb = bit & 7;
  let v = m[at] >>> fb;
  if (fb > 2) v |= m[at + 1] << (8 - fb);
  return v & 63;
}

export function denseSet(m: Uint8Array, r: number, i: number, v: number): void {
  const bit = i * 6;
  const at = r + (bit >>> 3);
  const fb = bit & 7;
  m[at] = (m[at] & ~(63 << fb)) | (v << fb);
  if (fb > 2) m[at + 1] = (m[at + 1] & ~(63 >>> (8 - fb))) | (v >>> (8 - fb));
}

// Dense registers go 4 at a time (the twin's word is 32 bits where the module's is 64): 24 bits
// (3 bytes) spread into the 4 bytes of a u32 ("lanes"), and packed back.

function spread(w: number): number {
  const b = (w & 0xfff) | ((w >>> 12) << 16);
  return ((b & 0x003f003f) | (((b >>> 6) & 0x003f003f) << 8)) >>> 0;
}

function pack(c: number): number {
  const b = (c & 0x003f003f) | (((c >>> 8) & 0x003f003f) << 6);
  return (b & 0xfff) | ((b >>> 16) << 12);
}

/** Byte-wise max of lanes below 128 (SWAR: a byte's high bit after (a|0x80)-b says a >= b). */
function maxLanes(a: number, b: number): number {
  const ge = ((((a | 0x80808080) - b) & 0x80808080) >>> 7) >>> 0;
  const m = (ge * 0xff) >>> 0;
  return ((a & m) | (b & ~m)) >>> 0;
}

/** Counts the 4 lanes into 4 histograms (table k & 3 of 64 counters for lane k). */
function count4(h4: Int32Array, lanes: number): void {
  h4[lanes & 63]++;
  h4[64 + ((lanes >>> 8) & 63)]++;
  h4[128 + ((lanes >>> 16) & 63)]++;
  h4[192 + (lanes >>> 24)]++;
}

function sumHistos(h4: Int32Array, h: Int32Array): void {
  for (let v = 0; v < 64; v++) h[v] = h4[v] + h4[64 + v] + h4[128 + v] + h4[192 + v];
}

function valOp(v: number, len: number): number {
  return ((v - 1) << 2) | (len - 1) | 0x80;
}

/** Redis's estimator over a register histogram (64 counts). */
export function hllEstimate(histo: Int32Array): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histo[51]) / m);
  for (let j = 50; j >= 1; j--) {
    z += histo[j];
    z *= 0.5;
  }
  z += m * sigma(histo[0] / m);
  const e = (ALPHA_INF * m * m) / z;
  const f = Math.floor(e);
  return e - f >= 0.5 ? f + 1 : f;
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let zPrime: number;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let zPrime: number;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (zPrime !== z);
  return z / 3;
}

/** The twin's state: the buffers the module keeps in its static memory, and the edit in progress. */
export class HllTwin {
  readonly denseBuf = new Uint8Array(HLL_DENSE_SIZE + 16);
  readonly unionRegs = new Uint8Array(HLL_REGISTERS);
  private readonly histo = new Int32Array(64);
  private readonly histos = new Int32Array(4 * 64);
  private readonly union32 = new Uint32Array(this.unionRegs.buffer);
  private readonly seq = new Uint8Array(8);
  private readonly hash = new Uint32Array(2);
  private hashIndex = 0;
  // The sparse string being edited (see assembly/hll.ts).
  private m: Uint8Array = this.denseBuf;
  private sp = 0;
  private slen = 0;
  private scap = 0;
  private maxSparse = 0;
  private dense = false;
  /** The byte past the string: see assembly/hll.ts `ghost`. */
  private ghost = 0;

  /** The sparse string's length after the last add / unionStore. */
  length(): number {
    return this.slen;
  }

  /** The dense form after a promotion or toDense(). */
  denseResult(): Uint8Array {
    return this.denseBuf.subarray(0, HLL_DENSE_SIZE);
  }

  private patLen(m: Uint8Array, at: number, len: number): number {
    const h = this.hash;
    murmur64aRange(m, at, at + len, HLL_SEED, h);
    this.hashIndex = h[0] & 16383;
    const lo = ((h[0] >>> 14) | (h[1] << 18)) >>> 0;
    if (lo !== 0) return 32 - Math.clz32(lo & -lo);
    const hi = (h[1] >>> 14) | (1 << 18);
    return 64 - Math.clz32(hi & -hi);
  }

  private zeroRun(q: number, len: number): number {
    const s = this.seq;
    if (len > ZERO_MAX) {
      s[q] = ((len - 1) >> 8) | 0x40;
      s[q + 1] = (len - 1) & 0xff;
      return 2;
    }
    s[q] = len - 1;
    return 1;
  }

  private sparseSet(index: number, count: number): number {
    if (count > SPARSE_VAL_MAX) return PROMOTE;
    const m = this.m;
    const sp = this.sp;
    this.ghost = m[sp + this.slen];
    const sparse = sp + HLL_HDR;
    let end = sp + this.slen;
    let p = sparse;
    let prev = 0;
    let first = 0;
    let span = 0;
    while (p < end) {
      const b = m[p];
      let oplen = 1;
      if ((b & 0xc0) === 0) span = (b & 0x3f) + 1;
      else if ((b & 0xc0) === 0x40) {
        span = (((b & 0x3f) << 8) | (p + 1 < end ? m[p + 1] : this.ghost)) + 1;
        oplen = 2;
      } else span = (b & 3) + 1;
      if (index <= first + span - 1) break;
      prev = p;
      p += oplen;
      first += span;
    }
    if (span === 0 || p >= end) return HLL_INVALID;
    const op = m[p];
    const isXzero = (op & 0xc0) === 0x40;
    const isZero = (op & 0xc0) === 0;
    let next = isXzero ? p + 2 : p + 1;
    if (next >= end) next = 0;
    let runlen: number;
    if (isZero) runlen = (op & 0x3f) + 1;
    else if (isXzero) runlen = (((op & 0x3f) << 8) | (p + 1 < end ? m[p + 1] : this.ghost)) + 1;
    else runlen = (op & 3) + 1;

    let simple = false;
    if (!isZero && !isXzero) {
      if (((op >> 2) & 0x1f) + 1 >= count) return 0;
      if (runlen === 1) simple = true;
    } else if (isZero && runlen === 1) simple = true;

    if (simple) {
      m[p] = valOp(count, 1);
    } else {
      const s = this.seq;
      let n = 0;
      const last = first + span - 1;
      if (isZero || isXzero) {
        if (index !== first) n += this.zeroRun(n, index - first);
        s[n++] = valOp(count, 1);
        if (index !== last) n += this.zeroRun(n, last - index);
      } else {
        const cur = ((op >> 2) & 0x1f) + 1;
        if (index !== first) s[n++] = valOp(cur, index - first);
        s[n++] = valOp(count, 1);
        if (index !== last) s[n++] = valOp(cur, last - index);
      }
      const delta = n - (isXzero ? 2 : 1);
      if (delta > 0 && this.slen + delta > this.maxSparse) return PROMOTE;
      if (this.slen + delta + 6 > this.scap) return PROMOTE;
      if (delta !== 0 && next !== 0) m.copyWithin(next + delta, next, end);
      this.slen += delta;
      end = sp + this.slen;
      m[end] = 0;
      for (let i = 0; i < n; i++) m[p + i] = s[i];
    }

    p = prev !== 0 ? prev : sparse;
    let scan = 5;
    while (p < end && scan-- > 0) {
      const b = m[p];
      if ((b & 0xc0) === 0x40) {
        p += 2;
        continue;
      }
      if ((b & 0xc0) === 0) {
        p++;
        continue;
      }
      if (p + 1 < end) {
        const b2 = m[p + 1];
        if (b2 & 0x80 && ((b >> 2) & 0x1f) === ((b2 >> 2) & 0x1f)) {
          const len = (b & 3) + (b2 & 3) + 2;
          if (len <= 4) {
            m[p + 1] = valOp(((b >> 2) & 0x1f) + 1, len);
            m.copyWithin(p, p + 1, end);
            this.slen--;
            end--;
            m[end] = 0;
            continue;
          }
        }
      }
      p++;
    }
    m[sp + 15] |= 0x80;
    return 1;
  }

  /** See assembly/hll.ts spreadSparse: into denseBuf's registers, or the union's. */
  private spreadSparse(m: Uint8Array, ptr: number, len: number, union: boolean): number {
    const d = this.denseBuf;
    const u = this.unionRegs;
    const end = ptr + len;
    let p = ptr + HLL_HDR;
    let idx = 0;
    while (p < end) {
      const b = m[p];
      if ((b & 0xc0) === 0) {
        idx += (b & 0x3f) + 1;
        if (idx > HLL_REGISTERS) return HLL_INVALID;
        p++;
      } else if ((b & 0xc0) === 0x40) {
        idx += (((b & 0x3f) << 8) | (p + 1 < end ? m[p + 1] : this.ghost)) + 1;
        if (idx > HLL_REGISTERS) return HLL_INVALID;
        p += 2;
      } else {
        let run = (b & 3) + 1;
        const v = ((b >> 2) & 0x1f) + 1;
        if (run + idx > HLL_REGISTERS) return HLL_INVALID;
        if (union) {
          for (; run > 0; run--, idx++) if (v > u[idx]) u[idx] = v;
        } else {
          for (; run > 0; run--, idx++) denseSet(d, HLL_HDR, idx, v);
        }
        p++;
      }
    }
    return idx === HLL_REGISTERS ? 0 : HLL_INVALID;
  }

  private sparseToDense(m: Uint8Array, ptr: number, len: number): number {
    const d = this.denseBuf;
    d.set(m.subarray(ptr, ptr + HLL_HDR));
    d[4] = 0;
    d.fill(0, HLL_HDR);
    return this.spreadSparse(m, ptr, len, false);
  }

  /** The dense form of the sparse HLL at ptr into denseResult(): 0, or HLL_INVALID. */
  toDense(m: Uint8Array, ptr: number, len: number, past = 0): number {
    this.ghost = past;
    return this.sparseToDense(m, ptr, len);
  }

  private setRegister(index: number, count: number): number {
    if (this.dense) {
      const d = this.denseBuf;
      if (denseGet(d, HLL_HDR, index) >= count) return 0;
      denseSet(d, HLL_HDR, index, count);
      return 1;
    }
    const res = this.sparseSet(index, count);
    if (res !== PROMOTE) return res;
    this.ghost = this.m[this.sp + this.slen];
    if (this.sparseToDense(this.m, this.sp, this.slen) !== 0) return HLL_INVALID;
    this.dense = true;
    denseSet(this.denseBuf, HLL_HDR, index, count);
    return 1;
  }

  private begin(m: Uint8Array, ptr: number, len: number, cap: number, max: number): void {
    this.m = m;
    this.sp = ptr;
    this.slen = len;
    this.scap = cap;
    this.maxSparse = max;
    this.dense = false;
  }

  private finish(updates: number): number {
    if (updates > 0) {
      if (this.dense) this.denseBuf[15] |= 0x80;
      else this.m[this.sp + 15] |= 0x80;
    }
    return (updates << 1) | (this.dense ? HLL_PROMOTED : 0);
  }

  /** PFADD of n elements packed at `elems` (u32 LE length, bytes): see assembly/hll.ts hllAdd. */
  add(m: Uint8Array, ptr: number, len: number, cap: number, elems: number, n: number, max: number): number {
    let e = elems;
    let updates = 0;
    if (m[ptr + 4] === 0) {
      const r = ptr + HLL_HDR;
      for (let i = 0; i < n; i++) {
        const l = m[e] | (m[e + 1] << 8) | (m[e + 2] << 16) | (m[e + 3] << 24);
        const count = this.patLen(m, e + 4, l);
        e += 4 + l;
        if (denseGet(m, r, this.hashIndex) < count) {
          denseSet(m, r, this.hashIndex, count);
          updates++;
        }
      }
      if (updates > 0) m[ptr + 15] |= 0x80;
      return updates << 1;
    }
    this.begin(m, ptr, len, cap, max);
    for (let i = 0; i < n; i++) {
      const l = m[e] | (m[e + 1] << 8) | (m[e + 2] << 16) | (m[e + 3] << 24);
      const count = this.patLen(m, e + 4, l);
      e += 4 + l;
      const res = this.setRegister(this.hashIndex, count);
      if (res === HLL_INVALID) return HLL_INVALID;
      updates += res;
    }
    return this.finish(updates);
  }

  /** The cardinality of the HLL at (ptr, len), or -1 for a corrupt sparse string. */
  count(m: Uint8Array, ptr: number, len: number, past = 0): number {
    this.ghost = past;
    const h = this.histo;
    h.fill(0);
    if (m[ptr + 4] === 0) {
      const r = ptr + HLL_HDR;
      const h4 = this.histos;
      h4.fill(0);
      for (let q = 0; q < HLL_DENSE_SIZE - HLL_HDR; q += 3) count4(h4, spread(m[r + q] | (m[r + q + 1] << 8) | (m[r + q + 2] << 16)));
      sumHistos(h4, h);
    } else {
      const end = ptr + len;
      let p = ptr + HLL_HDR;
      let idx = 0;
      while (p < end) {
        const b = m[p];
        if ((b & 0xc0) === 0) {
          const run = (b & 0x3f) + 1;
          idx += run;
          h[0] += run;
          p++;
        } else if ((b & 0xc0) === 0x40) {
          const run = (((b & 0x3f) << 8) | (p + 1 < end ? m[p + 1] : this.ghost)) + 1;
          idx += run;
          h[0] += run;
          p += 2;
        } else {
          const run = (b & 3) + 1;
          idx += run;
          h[((b >> 2) & 0x1f) + 1] += run;
          p++;
        }
      }
      if (idx !== HLL_REGISTERS) return -1;
    }
    return hllEstimate(h);
  }

  unionReset(): void {
    this.unionRegs.fill(0);
  }

  /** hllMerge: the union's registers take the max with the HLL's; 0, or HLL_INVALID. */
  unionAdd(m: Uint8Array, ptr: number, len: number, past = 0): number {
    this.ghost = past;
    if (m[ptr + 4] === 0) {
      const r = ptr + HLL_HDR;
      const u = this.union32;
      for (let q = 0, i = 0; q < HLL_DENSE_SIZE - HLL_HDR; q += 3, i++) {
        u[i] = maxLanes(spread(m[r + q] | (m[r + q + 1] << 8) | (m[r + q + 2] << 16)), u[i]);
      }
      return 0;
    }
    return this.spreadSparse(m, ptr, len, true);
  }

  unionCount(): number {
    const h4 = this.histos;
    h4.fill(0);
    const u = this.union32;
    for (let i = 0; i < HLL_REGISTERS / 4; i++) count4(h4, u[i]);
    sumHistos(h4, this.histo);
    return hllEstimate(this.histo);
  }

  /** PFMERGE's write of the union into the HLL at ptr: see assembly/hll.ts hllUnionStore. */
  unionStore(m: Uint8Array, ptr: number, len: number, cap: number, max: number): number {
    const u = this.unionRegs;
    if (m[ptr + 4] === 0) {
      const r = ptr + HLL_HDR;
      const u32 = this.union32;
      for (let q = 0, i = 0; q < HLL_DENSE_SIZE - HLL_HDR; q += 3, i++) {
        const w = pack(maxLanes(spread(m[r + q] | (m[r + q + 1] << 8) | (m[r + q + 2] << 16)), u32[i]));
        m[r + q] = w;
        m[r + q + 1] = w >>> 8;
        m[r + q + 2] = w >>> 16;
      }
      m[ptr + 15] |= 0x80;
      return 0;
    }
    this.begin(m, ptr, len, cap, max);
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = u[i];
      if (v !== 0) this.setRegister(i, v);
    }
    this.finish(1);
    return this.dense ? HLL_PROMOTED : 0;
  }
}
