// LCS as Redis 7.0's LCS command computes it: the shapes, limits and errors shared by the WASM
// (assembly/lcs.ts via module.ts) and plain TypeScript (ts/lcs.ts) implementations.
//
// Both lay out their results the same way: the LCS bytes, and the match ranges as u32 words
// aStart, aEnd, bStart, bEnd (inclusive ends), listed from the end of the strings backwards.
import type { Bin } from '../bytes.ts';

/** Redis's default proto-max-bulk-len, the cap on the table's size in bytes. */
export const DEFAULT_PROTO_MAX_BULK_LEN = 512 * 1024 * 1024;
/** Redis refuses strings of UINT32_MAX - 1 bytes or more (its table indexes are u32). */
const LCS_MAX_STRING_LEN = 0xffffffff - 1;
export const LCS_RANGE_WORDS = 4;
const U32_MAX = 0xffffffff;

export const LCS_ERR_TOO_LONG = 'ERR String too long for LCS';
export const LCS_ERR_EXCEEDS_LIMIT = 'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len';
export const LCS_ERR_ALLOC_FAILED = 'ERR Insufficient memory, failed allocating transient memory for LCS';

export type LcsErrorCode = 'too-long' | 'exceeds-limit' | 'alloc-failed';

/** Thrown by lcs(); `message` is Redis's whole error line, ready for an ErrorReply. */
export class LcsError extends Error {
  constructor(readonly code: LcsErrorCode) {
    super(code === 'too-long' ? LCS_ERR_TOO_LONG : code === 'exceeds-limit' ? LCS_ERR_EXCEEDS_LIMIT : LCS_ERR_ALLOC_FAILED);
    this.name = 'LcsError';
  }
}

/** The LCS command's options, as its handler parsed them. */
export interface LcsOptions {
  /** LEN: only the length is wanted; the walk back is skipped (unless idx). */
  len?: boolean;
  /** IDX: collect the match ranges. */
  idx?: boolean;
  /** MINMATCHLEN: ranges shorter than this are left out of `matches` (negative = 0 = all). */
  minMatchLen?: number | bigint;
  /** proto-max-bulk-len: tables larger than this many bytes are refused. */
  maxTableBytes?: number;
}

export interface LcsMatch {
  /** [start, end] in the first string, inclusive. */
  a: [number, number];
  /** [start, end] in the second string, inclusive. */
  b: [number, number];
  /** Length of the match (WITHMATCHLEN), end - start + 1. */
  len: number;
}

export interface LcsResult {
  /** Length of the LCS (the LEN reply, and "len" of the IDX reply). */
  length: number;
  /** The LCS itself; '' when only LEN was asked. */
  string: Bin;
  /** The IDX "matches", from the end of the strings backwards; [] unless idx. */
  matches: LcsMatch[];
}

/** What a run has to do, after Redis's up-front refusals. */
export interface LcsPlan {
  alen: number;
  blen: number;
  /** (alen + 1) * (blen + 1) * 4 */
  tableBytes: number;
  /** Walk back (produces the string and, if wanted, the ranges). */
  walk: boolean;
  wantRanges: boolean;
  /** MINMATCHLEN clamped to u32 (0 = no filter). */
  minMatchLen: number;
  /** An upper bound on the LCS length, sizing the output areas. */
  maxLength: number;
}

/** Bytes of the DP table Redis would allocate for strings of these lengths. */
export function lcsTableBytes(alen: number, blen: number): number {
  return (alen + 1) * (blen + 1) * 4;
}

/** Redis's checks, in Redis's order, before any allocation. Throws LcsError. */
export function planLcs(alen: number, blen: number, opts: LcsOptions): LcsPlan {
  if (alen >= LCS_MAX_STRING_LEN || blen >= LCS_MAX_STRING_LEN) throw new LcsError('too-long');
  const tableBytes = lcsTableBytes(alen, blen);
  if (tableBytes > (opts.maxTableBytes ?? DEFAULT_PROTO_MAX_BULK_LEN)) throw new LcsError('exceeds-limit');
  const wantRanges = !!opts.idx;
  const m = opts.minMatchLen ?? 0;
  const minMatchLen = m <= 0 ? 0 : m >= U32_MAX ? U32_MAX : Number(m);
  return {
    alen,
    blen,
    tableBytes,
    walk: wantRanges || !opts.len,
    wantRanges,
    minMatchLen,
    maxLength: Math.min(alen, blen),
  };
}

/** The answer when either string is empty (no table needed). */
export function emptyLcs(): LcsResult {
  return { length: 0, string: '', matches: [] };
}

/** Match objects from `count` ranges stored as LCS_RANGE_WORDS u32 words each from `offset`. */
export function decodeLcsRanges(words: Uint32Array, offset: number, count: number): LcsMatch[] {
  const matches = new Array<LcsMatch>(count);
  for (let r = 0, w = offset; r < count; r++, w += LCS_RANGE_WORDS) {
    const aStart = words[w];
    const aEnd = words[w + 1];
    matches[r] = { a: [aStart, aEnd], b: [words[w + 2], words[w + 3]], len: aEnd - aStart + 1 };
  }
  return matches;
}
