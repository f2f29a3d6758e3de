// LZF compression exactly as Redis's bundled liblzf 3.6 builds it (lzf_c.c with HLOG 16,
// VERY_FAST, no ULTRA_FAST): RDB files and DUMP payloads store strings longer than 20 bytes
// this way, and DEBUG OBJECT's serializedlength counts the compressed size. Same input, same
// bytes as Redis, so files move both ways.

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

function idx(h: number): number {
  // VERY_FAST: ((h >> (3*8 - HLOG)) - h*5) & (HSIZE - 1), in unsigned 32-bit arithmetic.
  return ((h >>> (24 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/**
 * lzf_compress: the compressed bytes, or null when they would not fit in `outLen` bytes
 * (Redis asks for at most len - 4 and stores the string plain otherwise).
 */
export function lzfCompress(input: Uint8Array, outLen: number): Uint8Array | null {
  const inLen = input.length;
  if (inLen === 0 || outLen <= 0) return null;
  const out = new Uint8Array(outLen);
  // Positions + 1 (0 = empty slot): a match at position 0 is never taken, as in C (ref > in_data).
  const htab = new Int32Array(HSIZE);
  let ip = 0;
  let op = 1; // start run
  let lit = 0;
  const inEnd = inLen;
  const frst = (p: number) => (input[p] << 8) | input[p + 1];
  const next = (v: number, p: number) => ((v << 8) | input[p + 2]) >>> 0;

  let hval = frst(ip);
  while (ip < inEnd - 2) {
    hval = next(hval, ip);
    const slot = idx(hval);
    const ref = htab[slot] - 1;
    htab[slot] = ip + 1;
    const off = ip - ref - 1;
    if (ref > 0 && off < MAX_OFF && ip + 4 < inEnd && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      out[op - lit - 1] = lit - 1; // stop run
      if (lit === 0) op--; // undo run if length is zero
      if (op + 3 + 1 >= outLen) return null;
      // C checks 16 more bytes unrolled (no bound check) before the bounded loop.
      let mismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16 && !mismatch; k++) {
          len++;
          mismatch = input[ref + len] !== input[ip + len];
        }
      }
      if (!mismatch) {
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
      }
      len -= 2; // len is now #octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >> 8) + (len << 5);
      } else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      ip -= 2;
      hval = frst(ip);
      hval = next(hval, ip);
      htab[idx(hval)] = ip + 1;
      ip++;
      hval = next(hval, ip);
      htab[idx(hval)] = ip + 1;
      ip++;
    } else {
      if (op >= outLen) return null;
      lit++;
      out[op++] = input[ip++];
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1; // stop run
        lit = 0;
        op++; // start run
      }
    }
  }
  if (op + 3 > outLen) return null;
  while (ip < inEnd) {
    lit++;
    out[op++] = input[ip++];
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1; // end run
  if (lit === 0) op--;
  return out.subarray(0, op);
}
