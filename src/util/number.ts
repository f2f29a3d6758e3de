// Integer parsing and formatting with Redis's rules (util.c string2ll / ll2string): a valid
// integer is an optional '-', then digits without leading zeros, fitting a signed 64-bit
// integer. "+1", " 1", "01", "-0" and "" are not integers.
import type { Bin } from '../bytes.ts';

export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;

/** The canonical-integer check on its own (no range check beyond 20 chars). */
function isIntegerSyntax(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  if (n === 1) return s.charCodeAt(0) >= 0x30 && s.charCodeAt(0) <= 0x39;
  let i = 0;
  if (s.charCodeAt(0) === 0x2d) i = 1;
  const first = s.charCodeAt(i);
  if (first < 0x31 || first > 0x39) return false;
  for (i++; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** string2ll exactly: the value as a bigint, or null when not a valid int64. */
export function parseInt64(s: Bin): bigint | null {
  if (!isIntegerSyntax(s)) return null;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? null : v;
}

/**
 * string2ll validity, value as a JS number. Exact up to 2^53; beyond that it is rounded, which
 * is fine for indexes, counts and clamped ranges. Use parseInt64 where every digit matters.
 */
export function parseLong(s: Bin): number | null {
  const n = s.length;
  if (n <= 15) {
    // Checked and accumulated in one pass: short integers are the hot case (INCR, indexes).
    if (n === 0) return null;
    let i = 0;
    const neg = s.charCodeAt(0) === 0x2d;
    if (neg) {
      if (n === 1) return null;
      i = 1;
    }
    let c = s.charCodeAt(i);
    if (c === 0x30) return n === 1 ? 0 : null; // "0" only: no leading zeros, no "-0"
    if (c < 0x31 || c > 0x39) return null;
    let v = c - 0x30;
    for (i++; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return null;
      v = v * 10 + (c - 0x30);
    }
    return neg ? -v : v;
  }
  const v = parseInt64(s);
  return v === null ? null : Number(v);
}

/** A value that fits in a JS number exactly as a number, else a bigint: how integers leave. */
export function int64Reply(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** Redis's OBJ_SHARED_INTEGERS: the integers it keeps one shared object for. */
export const SHARED_INTEGERS = 10_000;
const sharedIntegerText: string[] = [];

/**
 * The decimal text of an integer, one string per small value (0 to 9999) as Redis shares its
 * small integer objects: counters (INCR) then store no new string per increment.
 */
export function integerText(n: number | bigint): string {
  if (typeof n === 'number' && n >= 0 && n < SHARED_INTEGERS) return (sharedIntegerText[n] ??= String(n));
  return String(n);
}
