// The bitmap family (Redis 7.0 bitops.c): SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD
// BITFIELD_RO. A bitmap is a string value; these commands take it through lookupReadBytes /
// lookupWriteBytes as a ByteString and read or edit its bytes where they lie in strings.wasm's
// memory (no copy of the string per SETBIT; only a string of up to SHORT_BITMAP bytes is
// rebuilt, and GETBIT reads whichever form it finds). The bulk work is in wasm/bitmap.ts. Checks run in
// Redis 7.0's order: for BITCOUNT the key is looked up before the range is parsed, for BITPOS
// after the bit argument.
import { MAX_BIN_LENGTH, type Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { META_RAW } from '../keyspace/database.ts';
import { E, ErrorReply, err, type Reply } from '../reply.ts';
import { ByteString } from '../types/byte-string.ts';
import type { Value } from '../types/value.ts';
import { int64Reply, parseInt64, parseLong } from '../util/number.ts';
import { OP_AND, OP_NOT, OP_OR, OP_XOR, bitOpInto, countBits, firstBit, getBit, getField, setBit, setField, type BitOp } from '../wasm/bitmap.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import type { CommandSpec, KeySpec } from './spec.ts';

const E_BIT_OFFSET = err('ERR bit offset is not an integer or out of range');
const E_BIT_VALUE = err('ERR bit is not an integer or out of range');
const E_BIT_ARG = err('ERR The bit argument must be 1 or 0.');
const E_BITOP_NOT = err('ERR BITOP NOT must be called with a single source key.');
const E_FIELD_TYPE = err('ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.');
const E_OVERFLOW_TYPE = err('ERR Invalid OVERFLOW type specified');
const E_RO_GET_ONLY = err('ERR BITFIELD_RO only supports the GET subcommand');
/** Cinnabar's own limit: a string longer than V8's longest string cannot be read back as one. */
const E_TOO_BIG = err('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

const NOTIFY_GENERIC = 'g';
const NOTIFY_STRING = '$';
const RAW = { repr: META_RAW };

// ---- shared helpers ----

/**
 * A bit offset argument (getBitOffsetFromArgument): a non-negative integer whose byte lies below
 * proto-max-bulk-len. With `fieldBits` (BITFIELD), "#N" means N fields of that width; the
 * product wraps as Redis's int64 multiplication does.
 */
function bitOffsetArg(c: Client, arg: Bin, fieldBits = 0): number | ErrorReply {
  const hash = fieldBits > 0 && arg.charCodeAt(0) === 0x23;
  const digits = hash ? arg.slice(1) : arg;
  // A JS number: rounding past 2^53 keeps the sign and the hugeness, all the checks look at.
  let v = parseLong(digits);
  if (v === null) return E_BIT_OFFSET;
  if (hash) {
    v *= fieldBits;
    if (!Number.isSafeInteger(v)) v = Number(BigInt.asIntN(64, parseInt64(digits)! * BigInt(fieldBits)));
  }
  if (v < 0 || Math.floor(v / 8) >= c.engine.config.getNumber('proto-max-bulk-len')) return E_BIT_OFFSET;
  return v;
}

/** The string at `key` for a read, undefined when missing, WRONGTYPE for another type. */
function readBytes(c: Client, key: Bin): ByteString | undefined | ErrorReply {
  const v = c.db.lookupReadBytes(key);
  if (v === undefined) return undefined;
  return v.type === 'string' ? (v as ByteString) : E.wrongType;
}

interface Writable {
  b: ByteString;
  /** Created or lengthened to reach the bit. */
  grew: boolean;
}

/**
 * lookupStringForBitCommand: the string at `key` (`v`, from lookupBytesToEdit), created or
 * zero-padded so that bit `maxBit` exists. Redis unshares the value either way, so it is "raw"
 * from now on even if no bit changes (the lookup marked it).
 */
function writableBytes(c: Client, key: Bin, v: Exclude<Value, Bin> | undefined, maxBit: number): Writable | ErrorReply {
  const length = Math.floor(maxBit / 8) + 1;
  if (v !== undefined && v.type !== 'string') return E.wrongType;
  if (length > MAX_BIN_LENGTH) return E_TOO_BIG;
  if (v === undefined) {
    const b = ByteString.zeroed(length);
    c.db.setKey(key, b, RAW);
    return { b, grew: true };
  }
  const b = v as ByteString;
  const grew = length > b.length;
  b.grow(length);
  return { b, grew };
}

/** A BYTE|BIT unit keyword: true for BIT, null when neither. */
function unitArg(arg: Bin): boolean | null {
  if (is(arg, 'BIT')) return true;
  if (is(arg, 'BYTE')) return false;
  return null;
}

// ---- SETBIT / GETBIT ----

/**
 * Strings of up to this many bytes stay binary strings under SETBIT, which rebuilds them: a few
 * dozen bytes copy faster than a string goes through linear memory (a ByteString per key, one
 * more pointer to chase per lookup), and the copy stays bounded, so no SETBIT copies a bitmap.
 */
const SHORT_BITMAP = 64;

/** Bit `offset` of a binary string: 0 past its end. */
function bitOfBin(s: Bin, offset: number): number {
  const i = Math.floor(offset / 8);
  return i < s.length ? (s.charCodeAt(i) >> (7 - (offset % 8))) & 1 : 0;
}

/** SETBIT on a short binary string, or a missing key: the string is rebuilt around the bit. */
function setShortBit(c: Client, key: Bin, s: Bin | undefined, offset: number, on: number): number {
  const cur = s ?? '';
  const i = offset >> 3;
  const mask = 1 << (7 - (offset & 7));
  const byte = i < cur.length ? cur.charCodeAt(i) : 0;
  const old = byte & mask ? 1 : 0;
  if (s !== undefined && i < cur.length && old === on) return old;
  const head = i < cur.length ? cur.slice(0, i) : cur + '\0'.repeat(i - cur.length);
  const next = head + String.fromCharCode(on ? byte | mask : byte & ~mask) + cur.slice(i + 1);
  if (s === undefined) c.db.setKey(key, next, RAW);
  else c.db.replaceValue(key, next, META_RAW);
  notify(c, NOTIFY_STRING, 'setbit', key);
  c.engine.dirty++;
  return old;
}

function setbitCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const offset = bitOffsetArg(c, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  const on = parseLong(argv[3]);
  if (on === null || (on !== 0 && on !== 1)) return E_BIT_VALUE;
  const short = offset < SHORT_BITMAP * 8;
  const v = c.db.lookupBytesToEdit(key, short ? SHORT_BITMAP : -1);
  if (typeof v === 'string' || (v === undefined && short)) return setShortBit(c, key, v, offset, on);
  const w = writableBytes(c, key, v, offset);
  if (w instanceof ErrorReply) return w;
  const old = setBit(w.b, offset, on);
  if (w.grew || old !== on) {
    w.b.changed();
    c.db.touch(key); // already raw (writableBytes)
    notify(c, NOTIFY_STRING, 'setbit', key);
    c.engine.dirty++;
  }
  return old;
}

function getbitCommand(c: Client, argv: Bin[]): Reply {
  const offset = bitOffsetArg(c, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  // Whatever form the string is in now: GETBIT is no reason to move it into linear memory.
  const v = c.db.lookupReadStored(argv[1]);
  if (v === undefined) return 0;
  if (typeof v === 'string') return bitOfBin(v, offset);
  if (v.type !== 'string') return E.wrongType;
  return getBit(v as ByteString, offset);
}

// ---- BITCOUNT / BITPOS ----

/** A byte or bit range resolved against the string as Redis does: [start, end] in bytes, with
 *  the bits outside the range in the first and last byte as masks (BIT unit). */
interface Range {
  start: number;
  end: number;
  firstMask: number;
  lastMask: number;
}

/** Redis's negative-index conversion and clamping of [start, end] over `total` units. */
function resolveRange(start: number, end: number, total: number, isBit: boolean): Range {
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  let firstMask = 0;
  let lastMask = 0;
  if (isBit && start <= end) {
    firstMask = ~((1 << (8 - (start & 7))) - 1) & 0xff;
    lastMask = (1 << (7 - (end & 7))) - 1;
    start = Math.floor(start / 8);
    end = Math.floor(end / 8);
  }
  return { start, end, firstMask, lastMask };
}

/** An int64 range argument, as a number (exact enough once compared against a string's length). */
function int64Arg(arg: Bin): bigint | ErrorReply {
  const v = parseInt64(arg);
  return v === null ? E.notInteger : v;
}

/** A JS number for an int64 index: huge ones only need to stay huge and keep their sign. */
function indexNumber(v: bigint): number {
  return Number(v);
}

function popcount8(v: number): number {
  v = v - ((v >> 1) & 0x55);
  v = (v & 0x33) + ((v >> 2) & 0x33);
  return (v + (v >> 4)) & 0x0f;
}

function bitcountCommand(c: Client, argv: Bin[]): Reply {
  const b = readBytes(c, argv[1]);
  if (b === undefined) return 0;
  if (b instanceof ErrorReply) return b;
  let range: Range;
  if (argv.length === 4 || argv.length === 5) {
    const start = int64Arg(argv[2]);
    if (start instanceof ErrorReply) return start;
    const end = int64Arg(argv[3]);
    if (end instanceof ErrorReply) return end;
    if (start < 0n && end < 0n && start > end) return 0;
    let isBit = false;
    if (argv.length === 5) {
      const unit = unitArg(argv[4]);
      if (unit === null) return E.syntax;
      isBit = unit;
    }
    range = resolveRange(indexNumber(start), indexNumber(end), isBit ? b.length * 8 : b.length, isBit);
  } else if (argv.length === 2) {
    range = { start: 0, end: b.length - 1, firstMask: 0, lastMask: 0 };
  } else {
    return E.syntax;
  }
  const { start, end, firstMask, lastMask } = range;
  if (start > end) return 0;
  let count = countBits(b, start, end - start + 1);
  if (firstMask !== 0 || lastMask !== 0) {
    const mem = b.m.view();
    if (firstMask !== 0) count -= popcount8(mem[b.address + start] & firstMask);
    if (lastMask !== 0) count -= popcount8(mem[b.address + end] & lastMask);
  }
  return count;
}

/** redisBitpos over one byte. */
function bytePos(byte: number, bit: 0 | 1): number {
  if (bit) return byte === 0 ? -1 : Math.clz32(byte) - 24;
  return byte === 0xff ? 8 : Math.clz32(~byte & 0xff) - 24;
}

function bitposCommand(c: Client, argv: Bin[]): Reply {
  const bitArg = parseLong(argv[2]);
  if (bitArg === null) return E.notInteger;
  if (bitArg !== 0 && bitArg !== 1) return E_BIT_ARG;
  const bit = bitArg as 0 | 1;
  const b = readBytes(c, argv[1]);
  if (b === undefined) return bit ? -1 : 0;
  if (b instanceof ErrorReply) return b;
  let range: Range;
  let endGiven = false;
  if (argv.length >= 4 && argv.length <= 6) {
    const start = int64Arg(argv[3]);
    if (start instanceof ErrorReply) return start;
    let isBit = false;
    if (argv.length === 6) {
      const unit = unitArg(argv[5]);
      if (unit === null) return E.syntax;
      isBit = unit;
    }
    let end: number;
    if (argv.length >= 5) {
      const e = int64Arg(argv[4]);
      if (e instanceof ErrorReply) return e;
      end = indexNumber(e);
      endGiven = true;
    } else {
      end = isBit ? b.length * 8 + 7 : b.length - 1;
    }
    range = resolveRange(indexNumber(start), end, isBit ? b.length * 8 : b.length, isBit);
  } else if (argv.length === 3) {
    range = { start: 0, end: b.length - 1, firstMask: 0, lastMask: 0 };
  } else {
    return E.syntax;
  }
  let { start } = range;
  const { end, firstMask, lastMask } = range;
  if (start > end) return -1;
  const mem = () => b.m.view()[b.address + start];
  // As Redis: the first byte with its out-of-range bits forced to "not wanted", then the whole
  // bytes between, then the last byte likewise; each step may end the search.
  let bytes = end - start + 1;
  let pos = -1;
  search: {
    if (firstMask !== 0) {
      let byte = bit ? mem() & ~firstMask : mem() | firstMask;
      if (lastMask !== 0 && bytes === 1) byte = bit ? byte & ~lastMask : byte | lastMask;
      pos = bytePos(byte & 0xff, bit);
      if (bytes === 1 || (pos !== -1 && pos !== 8)) break search;
      start++;
      bytes--;
    }
    const whole = bytes - (lastMask !== 0 ? 1 : 0);
    if (whole > 0) {
      pos = firstBit(b, start, whole, bit);
      if (bytes === whole || (pos !== -1 && pos !== whole * 8)) break search;
      start += whole;
      bytes -= whole;
    }
    const last = b.m.view()[b.address + end];
    pos = bytePos((bit ? last & ~lastMask : last | lastMask) & 0xff, bit);
  }
  // With an explicit end, a 0 is not found past the range (no zero padding to the right).
  if (endGiven && bit === 0 && pos === bytes * 8) return -1;
  if (pos !== -1) pos += start * 8;
  return pos;
}

// ---- BITOP ----

function bitopCommand(c: Client, argv: Bin[]): Reply {
  let op: BitOp;
  if (is(argv[1], 'AND')) op = OP_AND;
  else if (is(argv[1], 'OR')) op = OP_OR;
  else if (is(argv[1], 'XOR')) op = OP_XOR;
  else if (is(argv[1], 'NOT')) op = OP_NOT;
  else return E.syntax;
  if (op === OP_NOT && argv.length !== 4) return E_BITOP_NOT;
  const dest = argv[2];
  const sources: (ByteString | undefined)[] = [];
  let maxLen = 0;
  for (let i = 3; i < argv.length; i++) {
    const s = readBytes(c, argv[i]);
    if (s instanceof ErrorReply) return s;
    sources.push(s);
    if (s && s.length > maxLen) maxLen = s.length;
  }
  if (maxLen > 0) {
    const result = ByteString.zeroed(maxLen);
    bitOpInto(op, result, sources);
    c.db.setKey(dest, result, RAW);
    notify(c, NOTIFY_STRING, 'set', dest);
    c.engine.dirty++;
  } else if (c.db.delete(dest)) {
    notify(c, NOTIFY_GENERIC, 'del', dest);
    c.engine.dirty++;
  }
  return maxLen;
}

// ---- BITFIELD ----

const OVERFLOW_WRAP = 0;
const OVERFLOW_SAT = 1;
const OVERFLOW_FAIL = 2;
type Overflow = typeof OVERFLOW_WRAP | typeof OVERFLOW_SAT | typeof OVERFLOW_FAIL;

interface FieldOp {
  kind: 'get' | 'set' | 'incrby';
  offset: number;
  bits: number;
  signed: boolean;
  value: bigint;
  overflow: Overflow;
}

/** A bitfield type "i<1..64>" or "u<1..63>" (the width ends at a NUL byte, as strlen). */
function fieldTypeArg(arg: Bin): { signed: boolean; bits: number } | ErrorReply {
  const sign = arg.charCodeAt(0);
  if (sign !== 0x69 && sign !== 0x75) return E_FIELD_TYPE;
  const signed = sign === 0x69;
  let width = arg.slice(1);
  const nul = width.indexOf('\0');
  if (nul >= 0) width = width.slice(0, nul);
  const bits = parseLong(width);
  if (bits === null || bits < 1 || (signed && bits > 64) || (!signed && bits > 63)) return E_FIELD_TYPE;
  return { signed, bits };
}

const U64 = (1n << 64n) - 1n;
const asI64 = (v: bigint) => BigInt.asIntN(64, v);
const asU64 = (v: bigint) => BigInt.asUintN(64, v);

/**
 * The overflow check of checkUnsignedBitfieldOverflow, with C's uint64/int64 wrapping: `value`
 * as the uint64 it is in C. [direction (0 none, 1 over, -1 under), the value to store instead].
 */
function unsignedOverflow(value: bigint, incr: bigint, bits: number, how: Overflow): [number, bigint] {
  const max = (1n << BigInt(bits)) - 1n;
  const maxIncr = asI64(max - value);
  const minIncr = asI64(-value);
  const wrap = () => asU64(value + incr) & max;
  if (value > max || (incr > 0n && incr > maxIncr)) return [1, how === OVERFLOW_WRAP ? wrap() : max];
  if (incr < 0n && incr < minIncr) return [-1, how === OVERFLOW_WRAP ? wrap() : 0n];
  return [0, 0n];
}

/** checkSignedBitfieldOverflow, int64 wrapping included. */
function signedOverflow(value: bigint, incr: bigint, bits: number, how: Overflow): [number, bigint] {
  const max = bits === 64 ? (1n << 63n) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncr = asI64(max - value);
  const minIncr = asI64(min - value);
  const wrap = () => {
    let r = asU64(value + incr);
    if (bits < 64) r = BigInt.asIntN(bits, r);
    return asI64(r);
  };
  if (value > max || (bits !== 64 && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) {
    return [1, how === OVERFLOW_WRAP ? wrap() : max];
  }
  if (value < min || (bits !== 64 && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) {
    return [-1, how === OVERFLOW_WRAP ? wrap() : min];
  }
  return [0, 0n];
}

/** The field's value: unsigned, or sign-extended from its width. */
function readField(b: ByteString | undefined, op: FieldOp): bigint {
  if (b === undefined) return 0n;
  const raw = getField(b, op.offset, op.bits);
  return op.signed ? BigInt.asIntN(op.bits, raw) : raw;
}

/** SET or INCRBY: the reply (null when OVERFLOW FAIL refused the write); writes unless refused. */
function writeField(b: ByteString, op: FieldOp): bigint | null {
  const old = readField(b, op);
  let next: bigint;
  let overflow: number;
  let limit: bigint;
  if (op.kind === 'incrby') {
    [overflow, limit] = op.signed
      ? signedOverflow(old, op.value, op.bits, op.overflow)
      : unsignedOverflow(old, op.value, op.bits, op.overflow);
    next = overflow ? limit : old + op.value;
  } else {
    // SET: the value as C holds it (an unsigned field takes the int64's bits as a uint64).
    const value = op.signed ? op.value : asU64(op.value);
    [overflow, limit] = op.signed
      ? signedOverflow(value, 0n, op.bits, op.overflow)
      : unsignedOverflow(value, 0n, op.bits, op.overflow);
    next = overflow ? limit : value;
  }
  if (overflow && op.overflow === OVERFLOW_FAIL) return null;
  setField(b, op.offset, op.bits, next & U64);
  return op.kind === 'incrby' ? next : old;
}

function bitfieldGeneric(c: Client, argv: Bin[], readOnlyCommand: boolean): Reply {
  const ops: FieldOp[] = [];
  let overflow: Overflow = OVERFLOW_WRAP;
  let readOnly = true;
  let highestWrite = 0;
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const sub = argv[j];
    let kind: FieldOp['kind'];
    if (is(sub, 'GET') && left >= 2) kind = 'get';
    else if (is(sub, 'SET') && left >= 3) kind = 'set';
    else if (is(sub, 'INCRBY') && left >= 3) kind = 'incrby';
    else if (is(sub, 'OVERFLOW') && left >= 1) {
      const how = argv[++j];
      if (is(how, 'WRAP')) overflow = OVERFLOW_WRAP;
      else if (is(how, 'SAT')) overflow = OVERFLOW_SAT;
      else if (is(how, 'FAIL')) overflow = OVERFLOW_FAIL;
      else return E_OVERFLOW_TYPE;
      continue;
    } else return E.syntax;
    const type = fieldTypeArg(argv[j + 1]);
    if (type instanceof ErrorReply) return type;
    const offset = bitOffsetArg(c, argv[j + 2], type.bits);
    if (offset instanceof ErrorReply) return offset;
    let value = 0n;
    if (kind !== 'get') {
      readOnly = false;
      if (offset + type.bits - 1 > highestWrite) highestWrite = offset + type.bits - 1;
      const v = parseInt64(argv[j + 3]);
      if (v === null) return E.notInteger;
      value = v;
    }
    ops.push({ kind, offset, bits: type.bits, signed: type.signed, value, overflow });
    j += kind === 'get' ? 2 : 3;
  }

  let b: ByteString | undefined;
  if (readOnly) {
    const r = readBytes(c, argv[1]);
    if (r instanceof ErrorReply) return r;
    b = r;
  } else {
    if (readOnlyCommand) return E_RO_GET_ONLY;
    const w = writableBytes(c, argv[1], c.db.lookupBytesToEdit(argv[1]), highestWrite);
    if (w instanceof ErrorReply) return w;
    b = w.b;
  }

  const replies: Reply[] = [];
  let changes = 0;
  for (const op of ops) {
    if (op.kind === 'get') {
      replies.push(int64Reply(readField(b, op)));
      continue;
    }
    const r = writeField(b!, op);
    if (r === null) {
      replies.push(null);
    } else {
      replies.push(int64Reply(r));
      changes++;
    }
  }
  if (changes > 0) {
    b!.changed();
    c.db.touch(argv[1]); // already raw (writableBytes)
    notify(c, NOTIFY_STRING, 'setbit', argv[1]);
    c.engine.dirty += changes;
  }
  return replies;
}

function bitfieldCommand(c: Client, argv: Bin[]): Reply {
  return bitfieldGeneric(c, argv, false);
}

function bitfieldRoCommand(c: Client, argv: Bin[]): Reply {
  return bitfieldGeneric(c, argv, true);
}

// ---- specs (COMMAND INFO / COMMAND DOCS of Redis 7.0.15) ----

const KEY_RW_ACCESS_UPDATE: KeySpec = { flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
const KEY_RO_ACCESS: KeySpec = { flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
const UNIT_ARG = {
  name: 'index_unit',
  type: 'oneof',
  since: '7.0.0',
  optional: true,
  args: [
    { name: 'byte', type: 'pure-token', token: 'BYTE' },
    { name: 'bit', type: 'pure-token', token: 'BIT' },
  ],
} as const;
const UNIT_HISTORY: [string, string][] = [['7.0.0', 'Added the `BYTE|BIT` option.']];

export const bitmapCommands: CommandSpec[] = [
  {
    name: 'setbit',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    keySpecs: [KEY_RW_ACCESS_UPDATE],
    group: 'bitmap',
    since: '2.2.0',
    summary: 'Sets or clears the bit at offset in the string value stored at key',
    complexity: 'O(1)',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
      { name: 'value', type: 'integer' },
    ],
    handler: setbitCommand,
  },
  {
    name: 'getbit',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'bitmap', 'fast'],
    keySpecs: [KEY_RO_ACCESS],
    group: 'bitmap',
    since: '2.2.0',
    summary: 'Returns the bit value at offset in the string value stored at key',
    complexity: 'O(1)',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
    ],
    handler: getbitCommand,
  },
  {
    name: 'bitcount',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'bitmap', 'slow'],
    keySpecs: [KEY_RO_ACCESS],
    group: 'bitmap',
    since: '2.6.0',
    summary: 'Count set bits in a string',
    complexity: 'O(N)',
    history: UNIT_HISTORY,
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      {
        name: 'index',
        type: 'block',
        optional: true,
        args: [
          { name: 'start', type: 'integer' },
          { name: 'end', type: 'integer' },
          { ...UNIT_ARG, args: [...UNIT_ARG.args] },
        ],
      },
    ],
    handler: bitcountCommand,
  },
  {
    name: 'bitpos',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'bitmap', 'slow'],
    keySpecs: [KEY_RO_ACCESS],
    group: 'bitmap',
    since: '2.8.7',
    summary: 'Find first bit set or clear in a string',
    complexity: 'O(N)',
    history: UNIT_HISTORY,
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'bit', type: 'integer' },
      {
        name: 'index',
        type: 'block',
        optional: true,
        args: [
          { name: 'start', type: 'integer' },
          {
            name: 'end_index',
            type: 'block',
            optional: true,
            args: [
              { name: 'end', type: 'integer' },
              { ...UNIT_ARG, args: [...UNIT_ARG.args] },
            ],
          },
        ],
      },
    ],
    handler: bitposCommand,
  },
  {
    name: 'bitop',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    keySpecs: [
      { flags: ['OW', 'update'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } },
      { flags: ['RO', 'access'], begin: { index: 3 }, find: { lastKey: -1, step: 1, limit: 0 } },
    ],
    group: 'bitmap',
    since: '2.6.0',
    summary: 'Perform bitwise operations between strings',
    complexity: 'O(N)',
    args: [
      { name: 'operation', type: 'string' },
      { name: 'destkey', type: 'key', keySpecIndex: 0 },
      { name: 'key', type: 'key', keySpecIndex: 1, multiple: true },
    ],
    handler: bitopCommand,
  },
  {
    name: 'bitfield',
    arity: -2,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    keySpecs: [
      {
        notes: 'This command allows both access and modification of the key',
        flags: ['RW', 'access', 'update', 'variable_flags'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'bitmap',
    since: '3.2.0',
    summary: 'Perform arbitrary bitfield integer operations on strings',
    complexity: 'O(1) for each subcommand specified',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      {
        name: 'operation',
        type: 'oneof',
        optional: true,
        multiple: true,
        args: [
          {
            name: 'encoding_offset',
            type: 'block',
            token: 'GET',
            args: [
              { name: 'encoding', type: 'string' },
              { name: 'offset', type: 'integer' },
            ],
          },
          {
            name: 'write',
            type: 'block',
            args: [
              {
                name: 'wrap_sat_fail',
                type: 'oneof',
                token: 'OVERFLOW',
                optional: true,
                args: [
                  { name: 'wrap', type: 'pure-token', token: 'WRAP' },
                  { name: 'sat', type: 'pure-token', token: 'SAT' },
                  { name: 'fail', type: 'pure-token', token: 'FAIL' },
                ],
              },
              {
                name: 'write_operation',
                type: 'oneof',
                args: [
                  {
                    name: 'encoding_offset_value',
                    type: 'block',
                    token: 'SET',
                    args: [
                      { name: 'encoding', type: 'string' },
                      { name: 'offset', type: 'integer' },
                      { name: 'value', type: 'integer' },
                    ],
                  },
                  {
                    name: 'encoding_offset_increment',
                    type: 'block',
                    token: 'INCRBY',
                    args: [
                      { name: 'encoding', type: 'string' },
                      { name: 'offset', type: 'integer' },
                      { name: 'increment', type: 'integer' },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    handler: bitfieldCommand,
  },
  {
    name: 'bitfield_ro',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'bitmap', 'fast'],
    keySpecs: [KEY_RO_ACCESS],
    group: 'bitmap',
    since: '6.0.0',
    summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD',
    complexity: 'O(1) for each subcommand specified',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      {
        name: 'encoding_offset',
        type: 'block',
        token: 'GET',
        optional: true,
        multiple: true,
        multipleToken: true,
        args: [
          { name: 'encoding', type: 'string' },
          { name: 'offset', type: 'integer' },
        ],
      },
    ],
    handler: bitfieldRoCommand,
  },
];
