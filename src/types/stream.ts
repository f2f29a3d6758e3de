// The stream type (Redis 7.0 t_stream.c): an ordered array of nodes, each the byte-exact twin of
// one of Redis's listpacks. A node holds up to stream-node-max-entries entries or
// stream-node-max-bytes bytes, closed exactly where Redis closes its listpack, so approximate
// trimming (`~`, which only drops whole nodes) leaves the same entries as Redis.
//
// A node keeps its master entry (the first entry's field names, Redis's delta base) as JS values
// and its entries in a Uint8Array encoded exactly as listpack.c encodes them:
//
//   flags | ms-delta | seq-delta | [num-fields | field...] value... | lp-count
//
// (the field names and their count are left out when the entry has the master's fields: the
// SAMEFIELDS flag), each element an lp integer or string followed by its backlen. So a node's
// listpack size, which decides where nodes end, is the header (6), the master entry, the live
// and deleted counters, these bytes and the end byte: the same number Redis's lpBytes gives.
// Deleting marks an entry's flags (one byte, in place) and moves the node's counters; a node
// whose last live entry is deleted by XDEL goes away, as in Redis.
//
// Nodes are found by binary search on their master ID, so ranges, lookups and trims never scan
// the whole stream; trimming from the head drops whole nodes.
//
// IDs are {ms, seq} of bigints (each an unsigned 64-bit value, 0 to 2^64-1): exact over the
// whole range, which numbers are not.
import type { Bin } from '../bytes.ts';
import { parseInt64 } from '../util/number.ts';
import type { StreamGroup } from './stream-group.ts';
import type { RedisObject } from './value.ts';

/** An entry ID: milliseconds and sequence, each an unsigned 64-bit integer. */
export interface StreamID {
  readonly ms: bigint;
  readonly seq: bigint;
}

export const U64_MAX = 0xffffffffffffffffn;
export const ZERO_ID: StreamID = Object.freeze({ ms: 0n, seq: 0n });
export const MAX_ID: StreamID = Object.freeze({ ms: U64_MAX, seq: U64_MAX });

/** Redis's SCG_INVALID_ENTRIES_READ: a group's entries-read counter that is not known. */
export const INVALID_ENTRIES_READ = -1;

/** An entry: its ID and its fields and values, flat (field, value, field, value...). */
export interface StreamEntry {
  id: StreamID;
  fields: Bin[];
}

/** Negative when a < b, 0 when equal, positive when a > b (streamCompareID). */
export function compareIds(a: StreamID, b: StreamID): number {
  if (a.ms !== b.ms) return a.ms > b.ms ? 1 : -1;
  if (a.seq !== b.seq) return a.seq > b.seq ? 1 : -1;
  return 0;
}

export function isZeroId(id: StreamID): boolean {
  return id.ms === 0n && id.seq === 0n;
}

/** "<ms>-<seq>", as Redis replies with an ID. */
/** The last ms part formatted, with its dash: XADD * formats the same millisecond repeatedly. */
let formattedMs = -1n;
let formattedMsDash = '';

export function idToString(id: StreamID): Bin {
  if (id.ms !== formattedMs) {
    formattedMs = id.ms;
    formattedMsDash = `${id.ms}-`;
  }
  // Small sequence numbers go through Number, whose small-integer strings V8 keeps cached.
  return formattedMsDash + (id.seq <= 0xffffffffn ? String(Number(id.seq)) : String(id.seq));
}

/** The ID after `id` (streamIncrID), or null past the last possible ID. */
export function incrId(id: StreamID): StreamID | null {
  if (id.seq === U64_MAX) return id.ms === U64_MAX ? null : { ms: id.ms + 1n, seq: 0n };
  return { ms: id.ms, seq: id.seq + 1n };
}

/** The ID before `id` (streamDecrID), or null before 0-0. */
export function decrId(id: StreamID): StreamID | null {
  if (id.seq === 0n) return id.ms === 0n ? null : { ms: id.ms - 1n, seq: U64_MAX };
  return { ms: id.ms, seq: id.seq - 1n };
}

// ---------------------------------------------------------------------------------------------
// Parsing IDs as streamGenericParseIDOrReply does.

/** A parsed ID argument; `seqGiven` is false for the `<ms>-*` form (XADD). */
export interface ParsedId {
  id: StreamID;
  seqGiven: boolean;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Redis's string2ull: a canonical int64 (string2ll) is taken as is, refused when negative;
 * anything else goes to strtoull in base 10: leading white space, one sign, leading zeros, a
 * '-' negating modulo 2^64; no digits, trailing bytes or overflow refused.
 */
function string2ull(s: string): bigint | null {
  const canonical = parseInt64(s);
  if (canonical !== null) return canonical < 0n ? null : canonical;
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) {
    neg = s.charCodeAt(i) === 0x2d;
    i++;
  }
  const digitsAt = i;
  while (i < n && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  if (i === digitsAt || i !== n) return null;
  const v = BigInt(s.slice(digitsAt));
  if (v > U64_MAX) return null;
  return neg && v !== 0n ? U64_MAX + 1n - v : v;
}

/**
 * Parses an ID argument (streamGenericParseIDOrReply): `-` and `+` (unless `strict`), `<ms>`
 * (seq = `missingSeq`), `<ms>-<seq>`, and `<ms>-*` when `allowSeqStar` (XADD). Null when invalid.
 */
export function parseStreamId(arg: Bin, missingSeq: bigint, strict: boolean, allowSeqStar = false): ParsedId | null {
  if (arg.length > 127) return null;
  const nul = arg.indexOf('\0');
  const s = nul < 0 ? arg : arg.slice(0, nul);
  if (s === '-' || s === '+') {
    if (strict) return null;
    return { id: s === '-' ? ZERO_ID : MAX_ID, seqGiven: true };
  }
  const dash = s.indexOf('-');
  const ms = string2ull(dash < 0 ? s : s.slice(0, dash));
  if (ms === null) return null;
  if (dash < 0) return { id: { ms, seq: missingSeq }, seqGiven: true };
  const rest = s.slice(dash + 1);
  if (allowSeqStar && rest === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = string2ull(rest);
  if (seq === null) return null;
  return { id: { ms, seq }, seqGiven: true };
}

// ---------------------------------------------------------------------------------------------
// Listpack element encoding (listpack.c): sizes, writing, reading.

const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;
/** lpNew's header (total bytes + element count) and the end byte. */
const LP_HEADER_AND_END = 7;
/** STREAM_LISTPACK_MAX_SIZE: no listpack grows past 1 GiB whatever the config says. */
const LISTPACK_MAX_SIZE = 1 << 30;

/** Bytes of the backlen that follows an element whose encoding takes `l` bytes. */
function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Encoded bytes of an lp integer (without backlen). */
function intEncLen(v: number): number {
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

/** Whole element size (encoding + backlen) of an integer. */
function intSize(v: number | bigint): number {
  const l = typeof v === 'number' ? intEncLen(v) : 9;
  return l + 1;
}

/**
 * lpStringToInt64: the string as an integer when listpack would store it as one (canonical
 * decimal, no leading zeros, no "-0", fits int64), else null. A number when exact, else bigint.
 */
function lpInteger(s: Bin): number | bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  let c = s.charCodeAt(0);
  if (n === 1) return c >= 0x30 && c <= 0x39 ? c - 0x30 : null;
  let i = 0;
  const neg = c === 0x2d;
  if (neg) {
    i = 1;
    c = s.charCodeAt(1);
  }
  if (c < 0x31 || c > 0x39) return null;
  let v = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    v = v * 10 + (c - 0x30);
  }
  if (v <= Number.MAX_SAFE_INTEGER) return neg ? -v : v;
  const b = BigInt(s);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return null;
  return b;
}

/** Whole element size of a string value as listpack stores it (maybe as an integer). */
function binSize(s: Bin): number {
  const v = lpInteger(s);
  if (v !== null) return intSize(v);
  const n = s.length;
  const enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
  return enc + backlenSize(enc);
}

/** Writes listpack elements at the end of a growable byte buffer. */
class Writer {
  buf: Uint8Array;
  used: number;
  constructor(buf: Uint8Array, used: number) {
    this.buf = buf;
    this.used = used;
  }

  /** Makes room for `n` more bytes: int() and bin() write without checking. */
  reserve(n: number): void {
    if (this.used + n <= this.buf.length) return;
    let cap = Math.max(64, this.buf.length * 2);
    while (cap < this.used + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }

  private backlen(l: number): void {
    const b = this.buf;
    let p = this.used;
    if (l <= 127) {
      b[p++] = l;
    } else if (l < 16383) {
      b[p++] = l >>> 7;
      b[p++] = (l & 127) | 128;
    } else if (l < 2097151) {
      b[p++] = l >>> 14;
      b[p++] = ((l >>> 7) & 127) | 128;
      b[p++] = (l & 127) | 128;
    } else if (l < 268435455) {
      b[p++] = l >>> 21;
      b[p++] = ((l >>> 14) & 127) | 128;
      b[p++] = ((l >>> 7) & 127) | 128;
      b[p++] = (l & 127) | 128;
    } else {
      b[p++] = Math.floor(l / 2 ** 28);
      b[p++] = ((l >>> 21) & 127) | 128;
      b[p++] = ((l >>> 14) & 127) | 128;
      b[p++] = ((l >>> 7) & 127) | 128;
      b[p++] = (l & 127) | 128;
    }
    this.used = p;
  }

  int(v: number | bigint): void {
    const b = this.buf;
    let p = this.used;
    if (typeof v === 'bigint' || intEncLen(v) === 9) {
      const big = BigInt.asUintN(64, BigInt(v));
      b[p++] = 0xf4;
      let lo = Number(big & 0xffffffffn);
      let hi = Number(big >> 32n);
      for (let i = 0; i < 4; i++, lo = Math.floor(lo / 256)) b[p++] = lo & 255;
      for (let i = 0; i < 4; i++, hi = Math.floor(hi / 256)) b[p++] = hi & 255;
      this.used = p;
      this.backlen(9);
      return;
    }
    const l = intEncLen(v);
    if (l === 1) {
      b[p++] = v;
    } else if (l === 2) {
      const u = v < 0 ? 8192 + v : v;
      b[p++] = 0xc0 | (u >>> 8);
      b[p++] = u & 255;
    } else {
      const bytes = l - 1;
      let u = v < 0 ? 2 ** (8 * bytes) + v : v;
      b[p++] = bytes === 2 ? 0xf1 : bytes === 3 ? 0xf2 : 0xf3;
      for (let i = 0; i < bytes; i++, u = Math.floor(u / 256)) b[p++] = u & 255;
    }
    this.used = p;
    this.backlen(l);
  }

  bin(s: Bin): void {
    const v = lpInteger(s);
    if (v !== null) {
      this.int(v);
      return;
    }
    const n = s.length;
    const b = this.buf;
    let p = this.used;
    let enc: number;
    if (n < 64) {
      b[p++] = 0x80 | n;
      enc = 1 + n;
    } else if (n < 4096) {
      b[p++] = 0xe0 | (n >>> 8);
      b[p++] = n & 255;
      enc = 2 + n;
    } else {
      b[p++] = 0xf0;
      b[p++] = n & 255;
      b[p++] = (n >>> 8) & 255;
      b[p++] = (n >>> 16) & 255;
      b[p++] = (n >>> 24) & 255;
      enc = 5 + n;
    }
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.used = p;
    this.backlen(enc);
  }
}

const NO_BYTES = new Uint8Array(0);
/** A new node's buffer: the default stream-node-max-bytes at most (bigger nodes grow). */
const NODE_INITIAL_MAX = 4096;
/** The one writer: appends go through it, pointed at the tail node's buffer (no allocation). */
const writer = new Writer(NO_BYTES, 0);

// The reader: one element at a time, its value left in these module variables (no allocation
// per element). After readElement(buf, p): rdInt is the integer (rdIsInt) or the string is
// buf[rdStr, rdStr + rdLen).
let rdIsInt = false;
let rdInt: number | bigint = 0;
let rdPos = 0;
let rdStr = 0;
let rdLen = 0;

/** Reads the element at `p`; returns the offset of the next one. */
function readElement(b: Uint8Array, p: number): number {
  const c = b[p];
  let enc: number;
  if (c < 0x80) {
    rdIsInt = true;
    rdInt = c;
    enc = 1;
  } else if ((c & 0xc0) === 0x80) {
    rdIsInt = false;
    rdStr = p + 1;
    rdLen = c & 0x3f;
    enc = 1 + rdLen;
  } else if ((c & 0xe0) === 0xc0) {
    rdIsInt = true;
    const u = ((c & 0x1f) << 8) | b[p + 1];
    rdInt = u >= 4096 ? u - 8192 : u;
    enc = 2;
  } else if ((c & 0xf0) === 0xe0) {
    rdIsInt = false;
    rdStr = p + 2;
    rdLen = ((c & 0x0f) << 8) | b[p + 1];
    enc = 2 + rdLen;
  } else if (c === 0xf0) {
    rdIsInt = false;
    rdStr = p + 5;
    rdLen = b[p + 1] + b[p + 2] * 256 + b[p + 3] * 65536 + b[p + 4] * 16777216;
    enc = 5 + rdLen;
  } else if (c === 0xf4) {
    rdIsInt = true;
    const lo = b[p + 1] + b[p + 2] * 256 + b[p + 3] * 65536 + b[p + 4] * 16777216;
    const hi = b[p + 5] + b[p + 6] * 256 + b[p + 7] * 65536 + b[p + 8] * 16777216;
    const v = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
    rdInt = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
    enc = 9;
  } else {
    rdIsInt = true;
    const bytes = c === 0xf1 ? 2 : c === 0xf2 ? 3 : 4;
    let u = 0;
    for (let i = bytes; i >= 1; i--) u = u * 256 + b[p + i];
    const half = 2 ** (8 * bytes - 1);
    rdInt = u >= half ? u - 2 * half : u;
    enc = 1 + bytes;
  }
  return p + enc + backlenSize(enc);
}

/** Reads an integer element at `p` (flags, counts); rdPos is where the next element starts. */
function readInt(b: Uint8Array, p: number): number {
  rdPos = readElement(b, p);
  return Number(rdInt);
}

/** The element just read, as a binary string. */
function elementBin(b: Uint8Array): Bin {
  if (rdIsInt) return String(rdInt);
  const end = rdStr + rdLen;
  if (rdLen < 64) {
    // Through a small array: quicker than concatenating one char at a time or a subarray.
    const codes: number[] = new Array(rdLen);
    for (let i = 0; i < rdLen; i++) codes[i] = b[rdStr + i];
    return String.fromCharCode.apply(null, codes);
  }
  let s = '';
  for (let i = rdStr; i < end; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  return s;
}

/** The offset past `n` elements from `p`, reading only their headers. */
function skipElements(b: Uint8Array, p: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const c = b[p];
    let enc: number;
    if (c < 0x80) enc = 1;
    else if (c < 0xc0) enc = 1 + (c & 0x3f);
    else if (c < 0xe0) enc = 2;
    else if (c < 0xf0) enc = 2 + (((c & 0x0f) << 8) | b[p + 1]);
    else if (c === 0xf0) enc = 5 + b[p + 1] + b[p + 2] * 256 + b[p + 3] * 65536 + b[p + 4] * 16777216;
    else enc = c === 0xf1 ? 3 : c === 0xf2 ? 4 : c === 0xf3 ? 5 : 9;
    p += enc + backlenSize(enc);
  }
  return p;
}

/** An ID as Redis's rax key: ms then seq, 8 big-endian bytes each, as a binary string. */
function idKeyBytes(ms: bigint, seq: bigint): string {
  let s = '';
  for (const v of [ms, seq]) for (let shift = 56n; shift >= 0n; shift -= 8n) s += String.fromCharCode(Number((v >> shift) & 255n));
  return s;
}

// ---------------------------------------------------------------------------------------------
// Nodes.

/** One listpack of the stream. */
class StreamNode {
  /** Master ID: the first entry's ID, the delta base of every entry (the rax key). */
  ms: bigint;
  seq: bigint;
  /** The ID of the last entry in the node, deleted or not (lpGetEdgeStreamID, last). */
  lastMs: bigint;
  lastSeq: bigint;
  /** Master entry field names. */
  fields: Bin[];
  /** Listpack bytes of num-fields, the field names and the master's 0 terminator. */
  masterBytes: number;
  /** ms and seq as numbers when both are exact as numbers, else -1 (see readEntryHeader). */
  msN: number;
  seqN: number;
  /** Live and deleted-but-present entries (the master entry's counters). */
  count = 0;
  deleted = 0;
  buf: Uint8Array;
  used: number;

  constructor(ms: bigint, seq: bigint, fields: Bin[], buf: Uint8Array, used: number) {
    this.ms = ms;
    this.seq = seq;
    this.lastMs = ms;
    this.lastSeq = seq;
    const safe = ms <= SAFE && seq <= SAFE;
    this.msN = safe ? Number(ms) : -1;
    this.seqN = safe ? Number(seq) : -1;
    this.fields = fields;
    let bytes = intSize(fields.length) + intSize(0);
    for (const f of fields) bytes += binSize(f);
    this.masterBytes = bytes;
    this.buf = buf;
    this.used = used;
  }

  /** lpBytes: the whole listpack's size in Redis. */
  lpBytes(): number {
    return LP_HEADER_AND_END + intSize(this.count) + intSize(this.deleted) + this.masterBytes + this.used;
  }

  compareMaster(id: StreamID): number {
    if (this.ms !== id.ms) return this.ms > id.ms ? 1 : -1;
    if (this.seq !== id.seq) return this.seq > id.seq ? 1 : -1;
    return 0;
  }

  clone(): StreamNode {
    const n = new StreamNode(this.ms, this.seq, this.fields, this.buf.slice(0, this.used), this.used);
    n.lastMs = this.lastMs;
    n.lastSeq = this.lastSeq;
    n.count = this.count;
    n.deleted = this.deleted;
    return n;
  }
}

// The entry the node cursor is on, after readEntryHeader(node, p): its flags, ID, field count,
// where its fields start and where the next entry starts. Module variables: no allocation. The
// ID is kept as numbers while exact (enMsN/enSeqN, -1 beyond 2^53), the common case, and as
// bigints only when asked for (entryId) or when a number cannot hold it.
let enNode: StreamNode;
/** Where the entry starts (its flags byte). */
let enStart = 0;
let enFlags = 0;
let enMsDelta: number | bigint = 0;
let enSeqDelta: number | bigint = 0;
let enMsN = 0;
let enSeqN = 0;
let enFieldCount = 0;
let enBody = 0;
let enNext = 0;

/** Reads the entry starting at `p` in `node` (the ID, flags, where its parts are). */
function readEntryHeader(node: StreamNode, p: number): void {
  const b = node.buf;
  enNode = node;
  enStart = p;
  // Flags (0-3) and small deltas are one-byte integers: read those in place.
  enFlags = b[p];
  p += 2;
  if (b[p] < 0x80) {
    enMsDelta = b[p];
    p += 2;
  } else {
    p = readElement(b, p);
    enMsDelta = rdInt;
  }
  if (b[p] < 0x80) {
    enSeqDelta = b[p];
    p += 2;
  } else {
    p = readElement(b, p);
    enSeqDelta = rdInt;
  }
  enMsN = -1;
  if (node.msN >= 0 && typeof enMsDelta === 'number' && typeof enSeqDelta === 'number') {
    const ms = node.msN + enMsDelta;
    const seq = node.seqN + enSeqDelta;
    if (ms >= 0 && ms <= Number.MAX_SAFE_INTEGER && seq >= 0 && seq <= Number.MAX_SAFE_INTEGER) {
      enMsN = ms;
      enSeqN = seq;
    }
  }
  let valuesAndFields: number;
  if (enFlags & FLAG_SAMEFIELDS) {
    enFieldCount = node.fields.length;
    valuesAndFields = enFieldCount;
  } else {
    enFieldCount = readInt(b, p);
    p = rdPos;
    valuesAndFields = enFieldCount * 2;
  }
  enBody = p;
  enNext = skipElements(b, p, valuesAndFields + 1); // past lp-count
}

/** The ID of the entry readEntryHeader just read. */
function entryId(): StreamID {
  if (enMsN >= 0) return { ms: BigInt(enMsN), seq: BigInt(enSeqN) };
  const n = enNode;
  return {
    ms: enMsDelta === 0 ? n.ms : BigInt.asUintN(64, n.ms + BigInt(enMsDelta)),
    seq: enSeqDelta === 0 ? n.seq : BigInt.asUintN(64, n.seq + BigInt(enSeqDelta)),
  };
}

/** An ID to compare entries with, with its numbers when exact (msN -1 otherwise). */
interface Bound {
  id: StreamID;
  msN: number;
  seqN: number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bound(id: StreamID): Bound {
  const safe = id.ms <= SAFE && id.seq <= SAFE;
  return { id, msN: safe ? Number(id.ms) : -1, seqN: safe ? Number(id.seq) : -1 };
}

/** The entry just read compared with `b`: negative, 0 or positive. */
function compareEntry(b: Bound): number {
  if (enMsN >= 0) {
    if (b.msN >= 0) return enMsN !== b.msN ? enMsN - b.msN : enSeqN - b.seqN;
  }
  return compareIds(entryId(), b.id);
}

/** The fields and values of the entry readEntryHeader just read. */
function entryFields(node: StreamNode): Bin[] {
  const b = node.buf;
  const out: Bin[] = new Array(enFieldCount * 2);
  let p = enBody;
  const same = (enFlags & FLAG_SAMEFIELDS) !== 0;
  for (let i = 0; i < enFieldCount; i++) {
    if (same) {
      out[2 * i] = node.fields[i];
    } else {
      p = readElement(b, p);
      out[2 * i] = elementBin(b);
    }
    p = readElement(b, p);
    out[2 * i + 1] = elementBin(b);
  }
  return out;
}

/** Offsets of every entry in `node`, in order (for walking it backward). */
function entryOffsets(node: StreamNode): number[] {
  const out: number[] = [];
  for (let p = 0; p < node.used; p = enNext) {
    out.push(p);
    readEntryHeader(node, p);
  }
  return out;
}

/** How XADD/XTRIM trim (streamAddTrimArgs). */
export interface TrimArgs {
  strategy: 'maxlen' | 'minid';
  /** MAXLEN's count. */
  maxlen: number;
  /** MINID's ID. */
  minid: StreamID;
  /** `~`: only whole nodes go. */
  approx: boolean;
  /** At most this many entries removed (0: no limit). */
  limit: number;
}

/** The node limits in force when an entry is added (stream-node-max-bytes/-entries). */
export interface StreamNodeLimits {
  maxBytes: number;
  maxEntries: number;
}

/** Called for each entry of a range; return false to stop. */
export type EntryVisitor = (id: StreamID, fields: Bin[]) => boolean | void;

export class Stream implements RedisObject {
  readonly type = 'stream';
  /** Live entries. */
  length = 0;
  /** The last ID ever added (or set by XSETID): new IDs must be greater. */
  lastId: StreamID = ZERO_ID;
  /** The first live entry's ID, 0-0 when empty (s->first_id). */
  firstId: StreamID = ZERO_ID;
  /** The greatest ID ever deleted by XDEL (or set by XSETID MAXDELETEDID). */
  maxDeletedId: StreamID = ZERO_ID;
  /** Entries ever added (XADD), or as set by XSETID ENTRIESADDED. */
  entriesAdded = 0;
  /** Consumer groups, created on demand (src/types/stream-group.ts). */
  groups: Map<Bin, StreamGroup> | null = null;
  /** The listpacks, in ID order. */
  private nodes: StreamNode[] = [];

  encoding(): string {
    return 'stream';
  }

  /** XINFO's radix-tree-keys: how many listpacks. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /**
   * XINFO's radix-tree-nodes: how many nodes Redis's rax of listpacks has. The rax keys are the
   * master IDs as 16 big-endian bytes, and a rax over keys of one length is canonical: a run of
   * bytes all keys below share is one compressed node, a byte where they differ is one branching
   * node, each key ends in a leaf node, and an empty rax is its root alone.
   */
  radixTreeNodes(): number {
    const keys = this.nodes.map((n) => idKeyBytes(n.ms, n.seq));
    if (keys.length === 0) return 1;
    const count = (lo: number, hi: number, depth: number): number => {
      if (depth === 16) return 1;
      const first = keys[lo];
      const last = keys[hi - 1];
      let shared = depth;
      while (shared < 16 && first.charCodeAt(shared) === last.charCodeAt(shared)) shared++;
      if (shared > depth) return 1 + count(lo, hi, shared);
      let total = 1;
      for (let i = lo; i < hi; ) {
        const byte = keys[i].charCodeAt(depth);
        let j = i + 1;
        while (j < hi && keys[j].charCodeAt(depth) === byte) j++;
        total += count(i, j, depth + 1);
        i = j;
      }
      return total;
    };
    return count(0, keys.length, 0);
  }

  /** The ID `*` gives now (streamNextID): the time, or the last ID's successor. */
  nextAutoId(nowMs: number): StreamID {
    const ms = BigInt(nowMs);
    if (ms > this.lastId.ms) return { ms, seq: 0n };
    return incrId(this.lastId) ?? ZERO_ID;
  }

  /**
   * Appends an entry with ID `id` (greater than lastId: the caller checks) and the fields and
   * values argv[from...] (streamAppendItem), into the tail node or a new one.
   */
  append(id: StreamID, argv: readonly Bin[], from: number, limits: StreamNodeLimits): void {
    const numFields = (argv.length - from) >> 1;
    let node: StreamNode | undefined = this.nodes[this.nodes.length - 1];
    let maxBytes = limits.maxBytes;
    if (maxBytes === 0 || maxBytes > LISTPACK_MAX_SIZE) maxBytes = LISTPACK_MAX_SIZE;
    if (node !== undefined) {
      let totalLen = 0;
      for (let i = from; i < argv.length; i++) totalLen += argv[i].length;
      if (node.lpBytes() + totalLen >= maxBytes || (limits.maxEntries !== 0 && node.count + node.deleted >= limits.maxEntries)) {
        if (node.buf.length > node.used) node.buf = node.buf.slice(0, node.used); // lpShrinkToFit
        node = undefined;
      }
    }
    let same = true;
    if (node === undefined) {
      const fields: Bin[] = new Array(numFields);
      for (let i = 0; i < numFields; i++) fields[i] = argv[from + 2 * i];
      // Room for a whole node up front (it is shrunk to fit when closed) rather than growing
      // by doubling: one allocation per node instead of seven copies on the XADD path.
      node = new StreamNode(id.ms, id.seq, fields, new Uint8Array(Math.min(maxBytes, NODE_INITIAL_MAX)), 0);
      this.nodes.push(node);
    } else if (numFields === node.fields.length) {
      for (let i = 0; i < numFields; i++) {
        if (argv[from + 2 * i] !== node.fields[i]) {
          same = false;
          break;
        }
      }
    } else {
      same = false;
    }
    const w = writer;
    w.buf = node.buf;
    w.used = node.used;
    // Each element takes at most its bytes + 10 (header and backlen, or a 64-bit integer).
    let room = 50;
    for (let i = from; i < argv.length; i++) room += argv[i].length + 10;
    w.reserve(room);
    w.int(same ? FLAG_SAMEFIELDS : 0);
    if (node.msN >= 0 && id.ms <= SAFE && id.seq <= SAFE) {
      w.int(Number(id.ms) - node.msN);
      w.int(Number(id.seq) - node.seqN);
    } else {
      const msDelta = BigInt.asIntN(64, id.ms - node.ms);
      const seqDelta = BigInt.asIntN(64, id.seq - node.seq);
      w.int(msDelta >= -SAFE && msDelta <= SAFE ? Number(msDelta) : msDelta);
      w.int(seqDelta >= -SAFE && seqDelta <= SAFE ? Number(seqDelta) : seqDelta);
    }
    if (!same) w.int(numFields);
    for (let i = 0; i < numFields; i++) {
      if (!same) w.bin(argv[from + 2 * i]);
      w.bin(argv[from + 2 * i + 1]);
    }
    w.int(same ? numFields + 3 : 2 * numFields + 4);
    node.buf = w.buf;
    node.used = w.used;
    w.buf = NO_BYTES;
    node.count++;
    node.lastMs = id.ms;
    node.lastSeq = id.seq;
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
  }

  /** Index of the last node whose master ID is <= id, or -1. */
  private nodeAtOrBefore(id: StreamID): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.nodes[mid].compareMaster(id) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * Where the live entry with this ID is: its node's index, its cursor left on it by
   * readEntryHeader; -1 when there is none (never added, deleted, or trimmed).
   */
  private findLive(id: StreamID): number {
    // As streamIteratorStart(id, id) + GetID walk: from the node at or before `id` (the first one
    // when none is), skipping tombstones, until the first live entry >= id.
    const b = bound(id);
    for (let ni = Math.max(0, this.nodeAtOrBefore(id)); ni < this.nodes.length; ni++) {
      const node = this.nodes[ni];
      for (let p = 0; p < node.used; p = enNext) {
        readEntryHeader(node, p);
        if (enFlags & FLAG_DELETED) continue;
        const cmp = compareEntry(b);
        if (cmp < 0) continue;
        return cmp > 0 ? -1 : ni;
      }
    }
    return -1;
  }

  /** The live entry with this ID (fields and values flat), or undefined. */
  get(id: StreamID): Bin[] | undefined {
    const ni = this.findLive(id);
    return ni < 0 ? undefined : entryFields(this.nodes[ni]);
  }

  /** Whether a live entry has this ID (streamEntryExists). */
  has(id: StreamID): boolean {
    return this.findLive(id) >= 0;
  }

  /**
   * Visits the live entries with start <= ID <= end, forward (or backward when `rev`), at most
   * `count` of them (0: all), as streamIteratorGetID walks them. Returns how many were visited.
   */
  range(start: StreamID, end: StreamID, rev: boolean, count: number, visit: EntryVisitor): number {
    let emitted = 0;
    if (this.nodes.length === 0 || compareIds(start, end) > 0) return 0;
    const from = bound(start);
    const to = bound(end);
    if (!rev) {
      // From the node at or before `start`, or the first one when none is (raxSeek "<=", then "^").
      for (let ni = Math.max(0, this.nodeAtOrBefore(start)); ni < this.nodes.length; ni++) {
        const node = this.nodes[ni];
        for (let p = 0; p < node.used; p = enNext) {
          readEntryHeader(node, p);
          if (enFlags & FLAG_DELETED) continue;
          if (compareEntry(from) < 0) continue;
          if (compareEntry(to) > 0) return emitted;
          const id = entryId();
          const next = enNext;
          emitted++;
          const more = visit(id, entryFields(node));
          enNext = next;
          if (more === false || emitted === count) return emitted;
        }
      }
      return emitted;
    }
    // From the node at or before `end`, or the last one when none is (raxSeek "<=", then "$").
    let last = this.nodeAtOrBefore(end);
    if (last < 0) last = this.nodes.length - 1;
    for (let ni = last; ni >= 0; ni--) {
      const node = this.nodes[ni];
      const offsets = entryOffsets(node);
      for (let k = offsets.length - 1; k >= 0; k--) {
        readEntryHeader(node, offsets[k]);
        if (enFlags & FLAG_DELETED) continue;
        if (compareEntry(to) > 0) continue;
        if (compareEntry(from) < 0) return emitted;
        emitted++;
        if (visit(entryId(), entryFields(node)) === false || emitted === count) return emitted;
      }
    }
    return emitted;
  }

  /** The live entries of a range as an array (see range()). */
  entries(start: StreamID, end: StreamID, rev: boolean, count: number): StreamEntry[] {
    const out: StreamEntry[] = [];
    this.range(start, end, rev, count, (id, fields) => {
      out.push({ id, fields });
    });
    return out;
  }

  /** The first live entry's ID, 0-0 when empty (streamGetEdgeID first, skipping tombstones). */
  firstValidId(): StreamID {
    let found: StreamID = ZERO_ID;
    this.range(ZERO_ID, MAX_ID, false, 1, (id) => {
      found = id;
    });
    return found;
  }

  /** The last live entry's ID, 0-0 when empty (streamLastValidID). */
  lastValidId(): StreamID {
    let found: StreamID = ZERO_ID;
    this.range(ZERO_ID, MAX_ID, true, 1, (id) => {
      found = id;
    });
    return found;
  }

  /**
   * Deletes the live entries with these IDs (XDEL): each marked deleted in its node, a node
   * left with no live entry removed; the first ID and the greatest deleted ID follow. Returns
   * how many were deleted.
   */
  delete(ids: readonly StreamID[]): number {
    let deleted = 0;
    let firstDeleted = false;
    for (const id of ids) {
      if (!this.deleteOne(id)) continue;
      if (compareIds(id, this.firstId) === 0) firstDeleted = true;
      if (compareIds(id, this.maxDeletedId) > 0) this.maxDeletedId = id;
      deleted++;
    }
    if (deleted > 0) {
      if (this.length === 0) this.firstId = ZERO_ID;
      else if (firstDeleted) this.firstId = this.firstValidId();
    }
    return deleted;
  }

  private deleteOne(id: StreamID): boolean {
    const ni = this.findLive(id);
    if (ni < 0) return false;
    const node = this.nodes[ni];
    if (node.count === 1) {
      this.nodes.splice(ni, 1);
    } else {
      node.buf[enStart] = enFlags | FLAG_DELETED; // flags 0-3: a one-byte lp integer, in place
      node.count--;
      node.deleted++;
    }
    this.length--;
    return true;
  }

  /** Trims from the head as streamTrim does; returns how many entries were removed. */
  trim(args: TrimArgs): number {
    let deleted = 0;
    let dropFrom = 0; // nodes[0, dropFrom) are removed whole
    const minid = args.minid;
    const minBound = bound(minid);
    for (let ni = 0; ni < this.nodes.length; ni++) {
      if (args.strategy === 'maxlen' && this.length <= args.maxlen) break;
      const node = this.nodes[ni];
      const entries = node.count;
      if (args.limit && deleted + entries > args.limit) break;
      let removeNode: boolean;
      if (args.strategy === 'maxlen') {
        removeNode = this.length - entries >= args.maxlen;
      } else {
        removeNode = node.lastMs !== minid.ms ? node.lastMs < minid.ms : node.lastSeq < minid.seq;
      }
      if (removeNode) {
        dropFrom = ni + 1;
        this.length -= entries;
        deleted += entries;
        continue;
      }
      if (args.approx) break;
      // Mark entries deleted from the node's start.
      let fromNode = 0;
      for (let p = 0; p < node.used; p = enNext) {
        readEntryHeader(node, p);
        const stop = args.strategy === 'maxlen' ? this.length <= args.maxlen : compareEntry(minBound) >= 0;
        if (stop) break;
        if (!(enFlags & FLAG_DELETED)) {
          node.buf[p] = enFlags | FLAG_DELETED;
          fromNode++;
          this.length--;
        }
      }
      deleted += fromNode;
      node.count -= fromNode;
      node.deleted += fromNode;
      break;
    }
    if (dropFrom > 0) this.nodes.splice(0, dropFrom);
    if (this.length === 0) this.firstId = ZERO_ID;
    else if (deleted) this.firstId = this.firstValidId();
    return deleted;
  }

  // The two helpers behind consumer-group lag (XINFO, XREADGROUP's entries-read), as Redis
  // 7.0.15 has them: streamRangeHasTombstones first rules out a tombstone older than the first
  // entry, and streamEstimateDistanceFromFirstEverEntry does not check the ID against the
  // greatest tombstone (both changed after 7.0).

  /** streamRangeHasTombstones: whether a deleted entry may lie in [start, end] (null: open). */
  rangeHasTombstones(start: StreamID | null, end: StreamID | null): boolean {
    if (this.length === 0 || isZeroId(this.maxDeletedId)) return false;
    if (compareIds(this.firstId, this.maxDeletedId) > 0) return false;
    return compareIds(start ?? ZERO_ID, this.maxDeletedId) <= 0 && compareIds(this.maxDeletedId, end ?? MAX_ID) <= 0;
  }

  /**
   * streamEstimateDistanceFromFirstEverEntry: the logical read counter of `id` (how many
   * entries were added up to it), or INVALID_ENTRIES_READ when it cannot be known.
   */
  estimateDistanceFromFirstEverEntry(id: StreamID): number {
    if (this.entriesAdded === 0) return 0;
    if (this.length === 0 && compareIds(id, this.lastId) < 1) return this.entriesAdded;
    const cmpLast = compareIds(id, this.lastId);
    if (cmpLast === 0) return this.entriesAdded;
    if (cmpLast > 0) return INVALID_ENTRIES_READ;
    if (isZeroId(this.maxDeletedId) || compareIds(this.maxDeletedId, this.firstId) < 0) {
      const cmpFirst = compareIds(id, this.firstId);
      if (cmpFirst < 0) return this.entriesAdded - this.length;
      if (cmpFirst === 0) return this.entriesAdded - this.length + 1;
    }
    return INVALID_ENTRIES_READ;
  }

  /** A deep copy (COPY): nodes, counters and consumer groups. */
  clone(): Stream {
    const s = new Stream();
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    s.nodes = this.nodes.map((n) => n.clone());
    if (this.groups !== null) {
      s.groups = new Map();
      for (const [name, g] of this.groups) s.groups.set(name, g.clone());
    }
    return s;
  }

  /** Listpack bytes of every node (what Redis allocates for the entries, headers included). */
  listpackBytes(): number {
    let total = 0;
    for (const n of this.nodes) total += n.lpBytes();
    return total;
  }
}
