// Longest common subsequence, as Redis 7.0's lcsCommand (t_string.c) computes it: the classic
// dynamic-programming table of u32 lengths, LCS(i, j) = length of the LCS of a[0, i) and
// b[0, j), stored row-major with (blen + 1) cells a row, then a walk back from (alen, blen)
// that yields the LCS bytes (back to front) and the matched ranges (from the end of the strings
// towards their start). The caller lays out the memory; see src/wasm/module.ts.

/** Bytes of one emitted range: aStart, aEnd, bStart, bEnd as u32 (ends inclusive). */
export const LCS_RANGE_BYTES: u32 = 16;

/**
 * Fills the table at `table` ((alen+1)*(blen+1) u32 cells, 4-aligned) for a = memory[a, a+alen)
 * and b = memory[b, b+blen). Returns LCS(alen, blen), the length of the LCS.
 */
export function lcsFill(a: usize, alen: u32, b: usize, blen: u32, table: usize): u32 {
  const rowBytes: usize = (<usize>blen + 1) << 2;
  memory.fill(table, 0, rowBytes); // row 0: LCS with an empty prefix of a
  let prev = table;
  for (let i: u32 = 1; i <= alen; i++) {
    const cur = prev + rowBytes;
    const ai = load<u8>(a + <usize>i - 1);
    store<u32>(cur, 0); // column 0: LCS with an empty prefix of b
    let diag: u32 = 0; // LCS(i-1, j-1)
    let left: u32 = 0; // LCS(i, j-1)
    for (let j: usize = 1; j <= <usize>blen; j++) {
      const up = load<u32>(prev + (j << 2)); // LCS(i-1, j)
      const v: u32 = ai == load<u8>(b + j - 1) ? diag + 1 : up > left ? up : left;
      store<u32>(cur + (j << 2), v);
      diag = up;
      left = v;
    }
    prev = cur;
  }
  return load<u32>(table + (<usize>alen * rowBytes) + (<usize>blen << 2));
}

/**
 * LCS(alen, blen) alone (the LEN reply), keeping one row of the table: `row` holds blen + 1
 * u32 cells. Same recurrence as lcsFill, O(blen) memory instead of O(alen * blen).
 */
export function lcsLength(a: usize, alen: u32, b: usize, blen: u32, row: usize): u32 {
  memory.fill(row, 0, (<usize>blen + 1) << 2);
  for (let i: u32 = 1; i <= alen; i++) {
    const ai = load<u8>(a + <usize>i - 1);
    let diag: u32 = 0;
    let left: u32 = 0;
    for (let j: usize = 1; j <= <usize>blen; j++) {
      const up = load<u32>(row + (j << 2));
      const v: u32 = ai == load<u8>(b + j - 1) ? diag + 1 : up > left ? up : left;
      store<u32>(row + (j << 2), v);
      diag = up;
      left = v;
    }
  }
  return load<u32>(row + (<usize>blen << 2));
}

// @ts-ignore: decorator
@inline
function cell(table: usize, rowBytes: usize, i: u32, j: u32): u32 {
  return load<u32>(table + <usize>i * rowBytes + (<usize>j << 2));
}

/**
 * Walks a filled table back from (alen, blen) exactly as Redis does (ties go to j - 1). Writes
 * the LCS bytes at strOut (LCS(alen, blen) bytes) and, when wantRanges, the ranges of at least
 * minMatchLen bytes (0 = all) at rangesOut, LCS_RANGE_BYTES each. Returns the number of ranges.
 */
export function lcsWalk(
  a: usize, alen: u32, b: usize, blen: u32, table: usize,
  strOut: usize, rangesOut: usize, minMatchLen: u32, wantRanges: bool,
): u32 {
  const rowBytes: usize = (<usize>blen + 1) << 2;
  let idx = cell(table, rowBytes, alen, blen);
  let aStart = alen; // alen means "no range open"
  let aEnd: u32 = 0;
  let bStart: u32 = 0;
  let bEnd: u32 = 0;
  let count: u32 = 0;
  let out = rangesOut;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    const ch = load<u8>(a + <usize>i - 1);
    if (ch == load<u8>(b + <usize>j - 1)) {
      store<u8>(strOut + <usize>idx - 1, ch);
      if (aStart == alen) {
        aStart = i - 1;
        aEnd = i - 1;
        bStart = j - 1;
        bEnd = j - 1;
      } else if (aStart == i && bStart == j) {
        // contiguous with the open range: extend it backwards
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      // matched the first byte of either string: the loop ends, close the range
      if (aStart == 0 || bStart == 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      if (cell(table, rowBytes, i - 1, j) > cell(table, rowBytes, i, j - 1)) i--;
      else j--;
      if (aStart != alen) emit = true;
    }
    if (emit) {
      const matchLen = aEnd - aStart + 1;
      if (wantRanges && (minMatchLen == 0 || matchLen >= minMatchLen)) {
        store<u32>(out, aStart);
        store<u32>(out, aEnd, 4);
        store<u32>(out, bStart, 8);
        store<u32>(out, bEnd, 12);
        out += LCS_RANGE_BYTES;
        count++;
      }
      aStart = alen;
    }
  }
  return count;
}
