// LCS (Redis 7.0 lcsCommand), plain TypeScript twin of assembly/lcs.ts: the same row-major
// Uint32Array table of (alen+1)*(blen+1) lengths and the same walk back.
import { binToBytes, bytesToBin } from '../../bytes.ts';
import { type LcsOptions, type LcsResult, LcsError, LCS_RANGE_WORDS, decodeLcsRanges, emptyLcs, planLcs } from '../lcs.ts';
import type { ByteInput } from './input.ts';

/** Fills `table` for a and b; returns the LCS length. */
export function lcsFill(a: Uint8Array, alen: number, b: Uint8Array, blen: number, table: Uint32Array): number {
  const row = blen + 1;
  table.fill(0, 0, row);
  let prev = 0;
  for (let i = 1; i <= alen; i++) {
    const cur = prev + row;
    const ai = a[i - 1];
    table[cur] = 0;
    let diag = 0;
    let left = 0;
    for (let j = 1; j <= blen; j++) {
      const up = table[prev + j];
      const v = ai === b[j - 1] ? diag + 1 : up > left ? up : left;
      table[cur + j] = v;
      diag = up;
      left = v;
    }
    prev = cur;
  }
  return table[alen * row + blen];
}

/** LCS(alen, blen) alone (the LEN reply), with one row of blen + 1 cells instead of the table. */
export function lcsLength(a: Uint8Array, alen: number, b: Uint8Array, blen: number, row: Uint32Array): number {
  row.fill(0, 0, blen + 1);
  for (let i = 1; i <= alen; i++) {
    const ai = a[i - 1];
    let diag = 0;
    let left = 0;
    for (let j = 1; j <= blen; j++) {
      const up = row[j];
      const v = ai === b[j - 1] ? diag + 1 : up > left ? up : left;
      row[j] = v;
      diag = up;
      left = v;
    }
  }
  return row[blen];
}

/**
 * Redis's walk back from (alen, blen): LCS bytes into str, ranges of at least minMatchLen
 * (0 = all) into ranges (LCS_RANGE_WORDS each) when wantRanges. Returns the number of ranges.
 */
export function lcsWalk(
  a: Uint8Array, alen: number, b: Uint8Array, blen: number, table: Uint32Array,
  str: Uint8Array, ranges: Uint32Array, minMatchLen: number, wantRanges: boolean,
): number {
  const row = blen + 1;
  let idx = table[alen * row + blen];
  let aStart = alen; // alen means "no range open"
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let count = 0;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    const ch = a[i - 1];
    if (ch === b[j - 1]) {
      str[idx - 1] = ch;
      if (aStart === alen) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      if (table[(i - 1) * row + j] > table[i * row + j - 1]) i--;
      else j--;
      if (aStart !== alen) emit = true;
    }
    if (emit) {
      const matchLen = aEnd - aStart + 1;
      if (wantRanges && (minMatchLen === 0 || matchLen >= minMatchLen)) {
        const w = count * LCS_RANGE_WORDS;
        ranges[w] = aStart;
        ranges[w + 1] = aEnd;
        ranges[w + 2] = bStart;
        ranges[w + 3] = bEnd;
        count++;
      }
      aStart = alen;
    }
  }
  return count;
}

function bytesOf(data: ByteInput): Uint8Array {
  return typeof data === 'string' ? binToBytes(data) : data;
}

/** The LCS command's computation. Throws LcsError as Redis refuses. */
export function lcs(a: ByteInput, b: ByteInput, opts: LcsOptions = {}): LcsResult {
  const plan = planLcs(a.length, b.length, opts);
  if (plan.alen === 0 || plan.blen === 0) return emptyLcs();
  if (!plan.walk) {
    // LEN: the length is symmetric, so keep one row as long as the shorter string
    const [outer, inner] = plan.alen < plan.blen ? [b, a] : [a, b];
    const row = new Uint32Array(inner.length + 1);
    return { length: lcsLength(bytesOf(outer), outer.length, bytesOf(inner), inner.length, row), string: '', matches: [] };
  }
  let table: Uint32Array;
  try {
    table = new Uint32Array(plan.tableBytes / 4);
  } catch {
    throw new LcsError('alloc-failed');
  }
  const ab = bytesOf(a);
  const bb = bytesOf(b);
  const length = lcsFill(ab, plan.alen, bb, plan.blen, table);
  const str = new Uint8Array(length);
  const ranges = new Uint32Array(plan.wantRanges ? length * LCS_RANGE_WORDS : 0);
  const count = lcsWalk(ab, plan.alen, bb, plan.blen, table, str, ranges, plan.minMatchLen, plan.wantRanges);
  return { length, string: bytesToBin(str), matches: decodeLcsRanges(ranges, 0, count) };
}
