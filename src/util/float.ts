// Floating point exactly as Redis's C gets it from glibc, without relying on the host's own
// number formatting:
//
// - `long double` (x87 80-bit extended: 64-bit mantissa, 15-bit exponent, denormals) for
//   INCRBYFLOAT and HINCRBYFLOAT: strtold parsing (util.c string2ld), addition, and the
//   "%.17Lf then trim" formatting of ld2string(LD_STR_HUMAN). JS has no such type, so values are
//   emulated with BigInt: sign, integer mantissa and binary exponent, rounded half-to-even at
//   every step as the FPU does.
// - `double` for scores and the like: strtod parsing with string2d's checks, and "%.17g"
//   formatting (addReplyDouble / d2string), with glibc's round-half-even on exact ties.
import type { Bin } from '../bytes.ts';

/** A binary floating point format: how many mantissa bits, where the exponent range ends. */
interface BinaryFormat {
  /** Mantissa bits, the leading one included (64 for x87 extended, 53 for double). */
  precision: number;
  /** Exponent of the last mantissa bit of the smallest denormal (2^minExp is that denormal). */
  minExp: number;
  /** Every finite value is below 2^maxExp. */
  maxExp: number;
  /** Decimal shortcuts: a value >= 10^decMax overflows, one below 10^decMin rounds to zero. */
  decMax: number;
  decMin: number;
}

const EXTENDED: BinaryFormat = { precision: 64, minExp: -16445, maxExp: 16384, decMax: 4933, decMin: -4952 };
const DOUBLE: BinaryFormat = { precision: 53, minExp: -1074, maxExp: 1024, decMax: 309, decMin: -325 };

/**
 * An x87 extended-precision value. Finite: (-1)^neg * m * 2^e with m < 2^64 (m = 0 is zero,
 * which keeps its sign). `inf` marks an infinity (m and e are then meaningless).
 */
export interface LongDouble {
  readonly neg: boolean;
  readonly m: bigint;
  readonly e: number;
  readonly inf: boolean;
}

/** Redis's MAX_LONG_DOUBLE_CHARS: string2ld refuses inputs of this length or more. */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

const ZERO: LongDouble = { neg: false, m: 0n, e: 0, inf: false };

function finite(neg: boolean, m: bigint, e: number): LongDouble {
  return { neg, m, e, inf: false };
}

function infinity(neg: boolean): LongDouble {
  return { neg, m: 0n, e: 0, inf: true };
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * (-1)^neg * (num/den) * 2^exp rounded to `fmt`, half to even, with denormals and overflow to
 * infinity, exactly as an IEEE-style FPU in round-to-nearest mode. num > 0, den > 0.
 */
function roundToFormat(neg: boolean, num: bigint, den: bigint, exp: number, fmt: BinaryFormat): LongDouble {
  const p = fmt.precision;
  // num/den lies in [2^(d-1), 2^(d+1)) for d = bitLength(num) - bitLength(den); scaling by
  // 2^(p-d) puts the quotient in [2^(p-1), 2^(p+1)), one step from the normalized range.
  let shift = p - (bitLength(num) - bitLength(den));
  const limit = 1n << BigInt(p);
  if (scaledQuotient(num, den, shift) >= limit) shift--;
  // Below the normal range the mantissa loses bits instead (denormals).
  if (exp - shift < fmt.minExp) shift = exp - fmt.minExp;
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  const twiceRem = (n - q * d) * 2n;
  if (twiceRem > d || (twiceRem === d && (q & 1n) === 1n)) q++;
  let e = exp - shift;
  if (q === limit) {
    q >>= 1n;
    e++;
  }
  if (q !== 0n && bitLength(q) + e > fmt.maxExp) return infinity(neg);
  return finite(neg, q, e);
}

function scaledQuotient(num: bigint, den: bigint, shift: number): bigint {
  return shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
}

const DECIMAL_RE = /^([+-]?)(?:(\d+)\.?(\d*)|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const HEX_RE = /^([+-]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([+-]?\d+))?$/;
const INF_RE = /^([+-]?)(?:inf|infinity)$/i;

/** An exponent's digits as a number, saturated far beyond any format's range. */
function exponentValue(s: string | undefined): number {
  if (s === undefined) return 0;
  const v = parseInt(s, 10);
  return v > 1e9 ? 1e9 : v < -1e9 ? -1e9 : v;
}

/** What strtod/strtold make of a whole string; 'invalid' covers trailing garbage and NaN. */
type Parsed = LongDouble | 'invalid' | 'underflow';

/**
 * strtod/strtold in the C locale over the whole string, rounded to `fmt`. Leading spaces and
 * anything left unparsed are refused (string2d/string2ld check both), as is NaN. A nonzero
 * input that rounds to zero reports 'underflow' (strtod's ERANGE with a zero result).
 */
function parseBinaryFloat(s: Bin, fmt: BinaryFormat): Parsed {
  let m = DECIMAL_RE.exec(s);
  if (m !== null) {
    const neg = m[1] === '-';
    let digits = m[4] !== undefined ? m[4] : m[2] + m[3];
    let scale = exponentValue(m[5]) - (m[4] !== undefined ? m[4].length : m[3].length);
    let start = 0;
    while (start < digits.length && digits.charCodeAt(start) === 0x30) start++;
    if (start === digits.length) return finite(neg, 0n, 0);
    let end = digits.length;
    while (digits.charCodeAt(end - 1) === 0x30) end--;
    scale += digits.length - end;
    digits = digits.slice(start, end);
    // The value lies in [10^(scale+len-1), 10^(scale+len)).
    if (scale + digits.length - 1 >= fmt.decMax) return infinity(neg);
    if (scale + digits.length < fmt.decMin) return 'underflow';
    const mant = BigInt(digits);
    const r = scale >= 0
      ? roundToFormat(neg, mant * 10n ** BigInt(scale), 1n, 0, fmt)
      : roundToFormat(neg, mant, 5n ** BigInt(-scale), scale, fmt);
    return !r.inf && r.m === 0n ? 'underflow' : r;
  }
  m = HEX_RE.exec(s);
  if (m !== null) {
    const neg = m[1] === '-';
    const digits = m[4] !== undefined ? m[4] : m[2] + m[3];
    const fracDigits = m[4] !== undefined ? m[4].length : m[3].length;
    const mant = BigInt('0x' + digits);
    if (mant === 0n) return finite(neg, 0n, 0);
    const exp = exponentValue(m[5]) - 4 * fracDigits;
    const top = exp + bitLength(mant);
    if (top > fmt.maxExp + 1) return infinity(neg);
    if (top < fmt.minExp - 1) return 'underflow';
    const r = roundToFormat(neg, mant, 1n, exp, fmt);
    return !r.inf && r.m === 0n ? 'underflow' : r;
  }
  m = INF_RE.exec(s);
  if (m !== null) return infinity(m[1] === '-');
  return 'invalid';
}

/**
 * Redis's string2ld: the long double a string holds, or null when Redis refuses it (empty,
 * MAX_LONG_DOUBLE_CHARS or longer, leading space, trailing bytes, NaN, overflow, underflow to
 * zero). "inf" and "-infinity" are accepted; hex floats ("0x1.8p3") too.
 */
export function parseLongDouble(s: Bin): LongDouble | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  const r = parseBinaryFloat(s, EXTENDED);
  if (typeof r === 'string') return null;
  // strtold reports overflow with ERANGE and HUGE_VAL, which string2ld refuses; an "inf"
  // literal is no overflow.
  if (r.inf && !INF_RE.test(s)) return null;
  return r;
}

/** The long double holding an integer exactly (any int64 fits the 64-bit mantissa). */
export function longDoubleFromInt(v: bigint | number): LongDouble {
  const b = BigInt(v);
  if (b === 0n) return ZERO;
  return finite(b < 0n, b < 0n ? -b : b, 0);
}

/** a + b in extended precision; null for NaN (inf + -inf). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | null {
  if (a.inf || b.inf) {
    if (a.inf && b.inf && a.neg !== b.neg) return null;
    return a.inf ? a : b;
  }
  if (a.m === 0n && b.m === 0n) return finite(a.neg && b.neg, 0n, 0);
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const av = a.m << BigInt(a.e - e);
  const bv = b.m << BigInt(b.e - e);
  const sum = (a.neg ? -av : av) + (b.neg ? -bv : bv);
  // x + (-x) is +0 when rounding to nearest.
  if (sum === 0n) return ZERO;
  return roundToFormat(sum < 0n, sum < 0n ? -sum : sum, 1n, e, EXTENDED);
}

export function isInfinite(x: LongDouble): boolean {
  return x.inf;
}

const TEN_17 = 10n ** 17n;

/**
 * ld2string(LD_STR_HUMAN): printf "%.17Lf" (exact, ties to even), then trailing zeros and a
 * bare point removed, and "-0" written "0". Infinities are "inf" / "-inf".
 */
export function formatLongDoubleHuman(x: LongDouble): string {
  if (x.inf) return x.neg ? '-inf' : 'inf';
  let text: string;
  if (x.e >= 0) {
    text = (x.m << BigInt(x.e)).toString();
  } else {
    const scaled = x.m * TEN_17;
    const sh = BigInt(-x.e);
    let q = scaled >> sh;
    const rem = scaled - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    const intPart = (q / TEN_17).toString();
    let frac = (q % TEN_17).toString().padStart(17, '0');
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--;
    frac = frac.slice(0, end);
    text = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  }
  if (x.neg && text !== '0') return '-' + text;
  return text;
}

/** INCRBYFLOAT's arithmetic on strings: the new value, or which operand Redis refuses. */
export type LongDoubleIncrResult = { value: string } | { error: 'value' | 'increment' | 'nan-or-inf' };

/**
 * current (null = missing key, 0) + increment with Redis's string2ld on both and the
 * ld2string(LD_STR_HUMAN) result, as INCRBYFLOAT and HINCRBYFLOAT compute it.
 */
export function incrByFloat(current: Bin | null, increment: Bin): LongDoubleIncrResult {
  const a = current === null ? ZERO : parseLongDouble(current);
  if (a === null) return { error: 'value' };
  const b = parseLongDouble(increment);
  if (b === null) return { error: 'increment' };
  const sum = addLongDouble(a, b);
  if (sum === null || sum.inf) return { error: 'nan-or-inf' };
  return { value: formatLongDoubleHuman(sum) };
}

// ---- double ----

const DECIMAL_DIGIT_RE = /[1-9]/;

/** 10^0 .. 10^15, each exact in a double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Redis's string2d (getDoubleFromObject and friends): strtod over the whole string, refusing
 * empty input, a leading space, trailing bytes, NaN, overflow and underflow to zero. "inf",
 * "-inf", "infinity" and hex floats are accepted. null when refused.
 */
export function parseDouble(s: Bin): number | null {
  const n = s.length;
  if (n === 0) return null;
  const c = s.charCodeAt(0);
  // Fast path: plain decimals of up to 15 digits, optionally signed and with one point (scores
  // and coordinates as clients mostly send them), no regex. The digits make an integer m, exact
  // in a double; m / 10^k with k <= 15 (also exact) is one correctly rounded division, which
  // is what strtod returns (Clinger's fast path).
  if (n <= 17) {
    let i = c === 0x2d || c === 0x2b ? 1 : 0;
    let m = 0;
    let digits = 0;
    let point = -1;
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 0x2e && point < 0) {
        point = i;
        continue;
      }
      const d = ch - 0x30;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
    }
    if (i === n && digits > 0 && digits <= 15) {
      const v = point < 0 ? m : m / POW10[n - 1 - point];
      return c === 0x2d ? -v : v;
    }
  }
  // Decimal syntax is JS's own (Number() is correctly rounded, ties to even, like glibc).
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
    if (DECIMAL_RE.test(s)) {
      const v = Number(s);
      if (v === Infinity || v === -Infinity) return null;
      if (v === 0) {
        const mantissa = s.replace(/[eE].*$/, '');
        if (DECIMAL_DIGIT_RE.test(mantissa)) return null;
      }
      return v;
    }
  }
  const r = parseBinaryFloat(s, DOUBLE);
  if (typeof r === 'string') return null;
  if (r.inf) return INF_RE.test(s) ? (r.neg ? -Infinity : Infinity) : null;
  const v = Number(r.m) * 2 ** r.e;
  return r.neg ? -v : v;
}

/** The exact m and e of a finite nonzero double |d| = m * 2^e (m an integer < 2^53). */
function decompose(d: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(d));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** Whether |d| equals digits * 10^pow exactly. */
function equalsDecimal(d: number, digits: bigint, pow: number): boolean {
  const [m, e] = decompose(d);
  // m * 2^e == digits * 10^pow, all in integers.
  let left = m;
  let right = digits;
  if (e >= 0) left <<= BigInt(e);
  else right <<= BigInt(-e);
  if (pow >= 0) right *= 10n ** BigInt(pow);
  else left *= 10n ** BigInt(-pow);
  return left === right;
}

/**
 * Whether |d| might be an exact tie at the 17th significant digit: a value of exactly 18
 * significant digits (the last a 5). Such a value has at most 17 binary fraction digits
 * beyond its leading decimal zeros, which this exact test (scaling by a power of two is
 * exact) rules out for almost every double.
 */
function mayBeTie(a: number): boolean {
  return Number.isInteger(a >= 1 ? a * 262144 : a * 2 ** (19 + Math.ceil(-Math.log10(a))));
}

/** The 17 significant digits of printf "%.17g" and the decimal exponent of the first one. */
function seventeenDigits(a: number): [string, number] {
  // JS rounds exact ties away from zero, glibc to even.
  if (mayBeTie(a)) {
    const t = a.toExponential(17);
    const tPos = t.indexOf('e');
    if (t.charCodeAt(tPos - 1) === 0x35 /* '5' */) {
      const tDigits = t.charAt(0) + t.slice(2, tPos);
      const tExp = Number(t.slice(tPos + 1));
      if (equalsDecimal(a, BigInt(tDigits), tExp - 17) && (tDigits.charCodeAt(16) & 1) === 0) {
        return [tDigits.slice(0, 17), tExp];
      }
    }
  }
  const s = a.toExponential(16);
  const sPos = s.indexOf('e');
  return [s.charAt(0) + s.slice(2, sPos), Number(s.slice(sPos + 1))];
}

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/**
 * printf "%.17g" as glibc prints a double, as Redis 7.0's addReplyDouble and d2string reply:
 * "inf", "-inf", "nan", "-0", integers without a point, exponents as e+XX.
 */
export function formatDouble(d: number): string {
  if (d !== d) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  // Integers below 2^53 print every digit either way.
  if (Number.isInteger(d) && d < 9007199254740992 && d > -9007199254740992) return String(d);
  const a = Math.abs(d);
  if (a >= 1e-4 && a < 1e16 && !mayBeTie(a)) {
    // Where %g picks fixed notation JS's toPrecision(17) writes the same digits, with the
    // trailing zeros %g drops.
    const s = d.toPrecision(17);
    if (s.indexOf('e') < 0) {
      const trimmed = trimZeros(s);
      return trimmed.charCodeAt(trimmed.length - 1) === 0x2e ? trimmed.slice(0, -1) : trimmed;
    }
  }
  const [digits, exp] = seventeenDigits(a);
  const sign = d < 0 ? '-' : '';
  if (exp < -4 || exp >= 17) {
    const frac = trimZeros(digits.slice(1));
    const absExp = Math.abs(exp);
    const expText = (exp < 0 ? 'e-' : 'e+') + (absExp < 10 ? '0' : '') + absExp;
    return sign + digits.charAt(0) + (frac.length > 0 ? '.' + frac : '') + expText;
  }
  const intPart = exp >= 0 ? digits.slice(0, exp + 1) : '0';
  const frac = trimZeros(exp >= 0 ? digits.slice(exp + 1) : '0'.repeat(-exp - 1) + digits);
  return sign + intPart + (frac.length > 0 ? '.' + frac : '');
}
