// String commands (Redis 7.0 t_string.c): SET and its variants, GET and its variants, ranges,
// counters, INCRBYFLOAT and LCS. Values are the bare binary strings of the keyspace; the checks
// run in Redis's order, so that of two problems the same error wins.
import { MAX_BIN_LENGTH, type Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { META_PLAIN, META_RAW, type ExpireTime, type SetKeyOptions } from '../keyspace/database.ts';
import { E, ErrorReply, MapReply, OK, err, type Reply } from '../reply.ts';
import { incrByFloat } from '../util/float.ts';
import { INT64_MAX, INT64_MIN, int64Reply, integerText, parseInt64, parseLong } from '../util/number.ts';
import { LcsError, lcs } from '../wasm/index.ts';
import { notify } from './events.ts';
import type { CommandSpec } from './spec.ts';

const E_TOO_BIG = err('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
const E_OFFSET = err('ERR offset is out of range');
const E_DECR_OVERFLOW = err('ERR decrement would overflow');
const E_LCS_TYPES = err('ERR The specified keys must contain string values');
const E_LCS_LEN_AND_IDX = err('ERR If you want both the length and indexes, please just use IDX.');

const KEEP_TTL: SetKeyOptions = { keepTtl: true };
const PLAIN: SetKeyOptions = { repr: META_PLAIN };
const RAW: SetKeyOptions = { repr: META_RAW };

/** Keyspace notification classes (notify-keyspace-events letters). */
const NOTIFY_GENERIC = 'g';
const NOTIFY_STRING = '$';

function maxBulkLen(c: Client): number {
  return c.engine.config.getNumber('proto-max-bulk-len');
}

/** The longest string value APPEND/SETRANGE may build: proto-max-bulk-len, or what V8 can hold. */
function maxStringLength(c: Client): number {
  return Math.min(maxBulkLen(c), MAX_BIN_LENGTH);
}

/**
 * Redis compares options with strcasecmp on C strings: an argument ends at its first NUL
 * byte ("nx\0junk" is NX). The upper-cased keyword, or '' when too long to be one.
 */
function keyword(arg: Bin): string {
  const nul = arg.indexOf('\0');
  const s = nul < 0 ? arg : arg.slice(0, nul);
  return s.length > 12 ? '' : s.toUpperCase();
}

/** GET's lookup: the string, undefined when missing, WRONGTYPE for another type. */
export function lookupString(c: Client, key: Bin): Bin | undefined | ErrorReply {
  const v = c.db.lookupRead(key);
  if (v === undefined || typeof v === 'string') return v;
  return E.wrongType;
}

/** An int64 argument: a number when exact as one, else a bigint; null when not an integer. */
function int64Arg(arg: Bin): number | bigint | null {
  if (arg.length <= 15) return parseLong(arg);
  const v = parseInt64(arg);
  return v === null ? null : int64Reply(v);
}

// ---- SET / GETEX options ----

const NX = 1 << 0;
const XX = 1 << 1;
const GET = 1 << 2;
const KEEPTTL = 1 << 3;
const EX = 1 << 4;
const PX = 1 << 5;
const EXAT = 1 << 6;
const PXAT = 1 << 7;
const PERSIST = 1 << 8;
const ANY_EXPIRE = EX | PX | EXAT | PXAT;

interface ExtendedOptions {
  flags: number;
  expire: Bin | null;
}

/**
 * parseExtendedStringArgumentsOrReply: SET's options from argv[3], GETEX's from argv[2].
 * A conflicting option is a syntax error where it appears, as in Redis (so "EX 1 EX 2" is
 * allowed and the last wins, "EX 1 PX 2" is not).
 */
function parseExtended(argv: Bin[], start: number, forSet: boolean): ExtendedOptions | ErrorReply {
  let flags = 0;
  let expire: Bin | null = null;
  for (let j = start; j < argv.length; j++) {
    const opt = keyword(argv[j]);
    const hasNext = j < argv.length - 1;
    if (opt === 'NX' && forSet && !(flags & XX)) {
      flags |= NX;
    } else if (opt === 'XX' && forSet && !(flags & NX)) {
      flags |= XX;
    } else if (opt === 'GET' && forSet) {
      flags |= GET;
    } else if (opt === 'KEEPTTL' && forSet && !(flags & (PERSIST | ANY_EXPIRE))) {
      flags |= KEEPTTL;
    } else if (opt === 'PERSIST' && !forSet && !(flags & (ANY_EXPIRE | KEEPTTL))) {
      flags |= PERSIST;
    } else if (opt === 'EX' && hasNext && !(flags & (KEEPTTL | PERSIST | EXAT | PX | PXAT))) {
      flags |= EX;
      expire = argv[++j];
    } else if (opt === 'PX' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PXAT))) {
      flags |= PX;
      expire = argv[++j];
    } else if (opt === 'EXAT' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | PX | PXAT))) {
      flags |= EXAT;
      expire = argv[++j];
    } else if (opt === 'PXAT' && hasNext && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PX))) {
      flags |= PXAT;
      expire = argv[++j];
    } else {
      return E.syntax;
    }
  }
  return { flags, expire };
}

/**
 * getExpireMillisecondsOrReply: the absolute unix time in ms an EX/PX/EXAT/PXAT argument
 * means (a bigint beyond 2^53, to stay exact). Zero, negative, and anything whose ms value
 * would overflow int64 are refused with `ERR invalid expire time in '<cmd>' command`.
 */
function expireAtMs(c: Client, arg: Bin, flags: number, cmd: string): ExpireTime | ErrorReply {
  const v = parseInt64(arg);
  if (v === null) return E.notInteger;
  const seconds = (flags & (EX | EXAT)) !== 0;
  if (v <= 0n || (seconds && v > INT64_MAX / 1000n)) return E.invalidExpire(cmd);
  let ms = seconds ? v * 1000n : v;
  if (flags & (EX | PX)) ms += BigInt(c.engine.now());
  if (ms > INT64_MAX) return E.invalidExpire(cmd);
  return int64Reply(ms);
}

/**
 * setGenericCommand: SET with its options, SETNX, SETEX, PSETEX. `okReply` answers a write,
 * `abortReply` a write NX/XX refused; with GET the old value answers both.
 */
function setGeneric(
  c: Client, flags: number, key: Bin, value: Bin, expire: Bin | null, cmd: string, okReply: Reply, abortReply: Reply,
): Reply {
  let when: ExpireTime = 0;
  if (expire !== null) {
    const w = expireAtMs(c, expire, flags, cmd);
    if (w instanceof ErrorReply) return w;
    when = w;
  }
  let old: Bin | undefined;
  if (flags & GET) {
    const r = lookupString(c, key);
    if (r instanceof ErrorReply) return r;
    old = r;
  }
  const found = c.db.lookupWrite(key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? (old ?? null) : abortReply;
  c.db.setKey(key, value, flags & KEEPTTL ? KEEP_TTL : undefined);
  c.engine.dirty++;
  notify(c, NOTIFY_STRING, 'set', key);
  if (expire !== null) {
    c.db.setExpire(key, when);
    notify(c, NOTIFY_GENERIC, 'expire', key);
  }
  return flags & GET ? (old ?? null) : okReply;
}

function setCommand(c: Client, argv: Bin[]): Reply {
  if (argv.length === 3) {
    c.db.setKey(argv[1], argv[2]);
    c.engine.dirty++;
    notify(c, NOTIFY_STRING, 'set', argv[1]);
    return OK;
  }
  const opts = parseExtended(argv, 3, true);
  if (opts instanceof ErrorReply) return opts;
  return setGeneric(c, opts.flags, argv[1], argv[2], opts.expire, 'set', OK, null);
}

function setnxCommand(c: Client, argv: Bin[]): Reply {
  return setGeneric(c, NX, argv[1], argv[2], null, 'setnx', 1, 0);
}

function setexCommand(c: Client, argv: Bin[]): Reply {
  return setGeneric(c, EX, argv[1], argv[3], argv[2], 'setex', OK, null);
}

function psetexCommand(c: Client, argv: Bin[]): Reply {
  return setGeneric(c, PX, argv[1], argv[3], argv[2], 'psetex', OK, null);
}

// ---- GET and its variants ----

function getCommand(c: Client, argv: Bin[]): Reply {
  const v = c.db.lookupRead(argv[1]);
  if (v === undefined) return null;
  return typeof v === 'string' ? v : E.wrongType;
}

function getexCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  let flags = 0;
  let expire: Bin | null = null;
  if (argv.length > 2) {
    const opts = parseExtended(argv, 2, false);
    if (opts instanceof ErrorReply) return opts;
    flags = opts.flags;
    expire = opts.expire;
  }
  const v = lookupString(c, key);
  if (v === undefined || v instanceof ErrorReply) return v ?? null;
  let when: ExpireTime = 0;
  if (expire !== null) {
    const w = expireAtMs(c, expire, flags, 'getex');
    if (w instanceof ErrorReply) return w;
    when = w;
  }
  if (flags & (EXAT | PXAT) && when <= c.engine.now()) {
    // An absolute time already past: the key goes now.
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
    c.engine.dirty++;
  } else if (expire !== null) {
    c.db.setExpire(key, when);
    c.db.touch(key);
    notify(c, NOTIFY_GENERIC, 'expire', key);
    c.engine.dirty++;
  } else if (flags & PERSIST) {
    if (c.db.removeExpire(key)) {
      c.db.touch(key);
      notify(c, NOTIFY_GENERIC, 'persist', key);
      c.engine.dirty++;
    }
  }
  return v;
}

function getdelCommand(c: Client, argv: Bin[]): Reply {
  const v = lookupString(c, argv[1]);
  if (v === undefined || v instanceof ErrorReply) return v ?? null;
  if (c.db.delete(argv[1])) {
    notify(c, NOTIFY_GENERIC, 'del', argv[1]);
    c.engine.dirty++;
  }
  return v;
}

function getsetCommand(c: Client, argv: Bin[]): Reply {
  const old = lookupString(c, argv[1]);
  if (old instanceof ErrorReply) return old;
  c.db.setKey(argv[1], argv[2]);
  notify(c, NOTIFY_STRING, 'set', argv[1]);
  c.engine.dirty++;
  return old ?? null;
}

function mgetCommand(c: Client, argv: Bin[]): Reply {
  const out: Reply[] = new Array(argv.length - 1);
  for (let j = 1; j < argv.length; j++) {
    const v = c.db.lookupRead(argv[j]);
    out[j - 1] = typeof v === 'string' ? v : null;
  }
  return out;
}

function msetGeneric(c: Client, argv: Bin[], nx: boolean): Reply {
  if (argv.length % 2 === 0) return E.wrongArity(nx ? 'msetnx' : 'mset');
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) {
      if (c.db.lookupWrite(argv[j]) !== undefined) return 0;
    }
  }
  for (let j = 1; j < argv.length; j += 2) {
    c.db.setKey(argv[j], argv[j + 1]);
    notify(c, NOTIFY_STRING, 'set', argv[j]);
  }
  c.engine.dirty += (argv.length - 1) / 2;
  return nx ? 1 : OK;
}

// ---- lengths and ranges ----

function strlenCommand(c: Client, argv: Bin[]): Reply {
  const v = lookupString(c, argv[1]);
  if (v === undefined) return 0;
  return typeof v === 'string' ? v.length : v;
}

function appendCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const tail = argv[2];
  const old = c.db.lookupWrite(key);
  let length: number;
  if (old === undefined) {
    c.db.setKey(key, tail);
    length = tail.length;
  } else {
    if (typeof old !== 'string') return E.wrongType;
    length = old.length + tail.length;
    if (length > maxStringLength(c)) return E_TOO_BIG;
    c.db.replaceValue(key, old + tail, META_RAW);
  }
  notify(c, NOTIFY_STRING, 'append', key);
  c.engine.dirty++;
  return length;
}

function setrangeCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const offset = parseLong(argv[2]);
  if (offset === null) return E.notInteger;
  if (offset < 0) return E_OFFSET;
  const patch = argv[3];
  const old = c.db.lookupWrite(key);
  let next: Bin;
  if (old === undefined) {
    // Writing nothing to a missing key creates nothing.
    if (patch.length === 0) return 0;
    if (offset + patch.length > maxStringLength(c)) return E_TOO_BIG;
    next = '\0'.repeat(offset) + patch;
    c.db.setKey(key, next, RAW);
  } else {
    if (typeof old !== 'string') return E.wrongType;
    if (patch.length === 0) return old.length;
    if (offset + patch.length > maxStringLength(c)) return E_TOO_BIG;
    next = offset > old.length
      ? old + '\0'.repeat(offset - old.length) + patch
      : old.slice(0, offset) + patch + old.slice(offset + patch.length);
    c.db.replaceValue(key, next, META_RAW);
  }
  notify(c, NOTIFY_STRING, 'setrange', key);
  c.engine.dirty++;
  return next.length;
}

/** Any index beyond this is as good as infinite against a string's length. */
const FAR = 2 ** 53;

function getrangeCommand(c: Client, argv: Bin[]): Reply {
  const startArg = int64Arg(argv[2]);
  if (startArg === null) return E.notInteger;
  const endArg = int64Arg(argv[3]);
  if (endArg === null) return E.notInteger;
  const v = lookupString(c, argv[1]);
  if (v === undefined) return '';
  if (v instanceof ErrorReply) return v;
  // Number/bigint comparisons are exact in JS; this check must see the exact values.
  if (startArg < 0 && endArg < 0 && startArg > endArg) return '';
  let start = typeof startArg === 'bigint' ? (startArg < 0n ? -FAR : FAR) : startArg;
  let end = typeof endArg === 'bigint' ? (endArg < 0n ? -FAR : FAR) : endArg;
  const len = v.length;
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return '';
  return v.slice(start, end + 1);
}

// ---- counters ----

const E_NOT_INTEGER = E.notInteger;

/** incrDecrCommand: the key's integer plus `incr`, with Redis's overflow refusal. */
function incrDecr(c: Client, key: Bin, incr: number | bigint): Reply {
  const old = c.db.lookupWrite(key);
  let current: number | bigint;
  if (old === undefined) {
    current = 0;
  } else {
    if (typeof old !== 'string') return E.wrongType;
    const v = int64Arg(old);
    if (v === null) return E_NOT_INTEGER;
    current = v;
  }
  let next: number | bigint;
  if (typeof current === 'number' && typeof incr === 'number' && Number.isSafeInteger(current + incr)) {
    next = current + incr;
  } else {
    const sum = BigInt(current) + BigInt(incr);
    if (sum > INT64_MAX || sum < INT64_MIN) return E.overflow;
    next = int64Reply(sum);
  }
  const text = integerText(next);
  if (old === undefined) c.db.setKey(key, text);
  else c.db.replaceValue(key, text);
  notify(c, NOTIFY_STRING, 'incrby', key);
  c.engine.dirty++;
  return next;
}

function incrCommand(c: Client, argv: Bin[]): Reply {
  return incrDecr(c, argv[1], 1);
}

function decrCommand(c: Client, argv: Bin[]): Reply {
  return incrDecr(c, argv[1], -1);
}

function incrbyCommand(c: Client, argv: Bin[]): Reply {
  const incr = int64Arg(argv[2]);
  if (incr === null) return E_NOT_INTEGER;
  return incrDecr(c, argv[1], incr);
}

function decrbyCommand(c: Client, argv: Bin[]): Reply {
  const incr = int64Arg(argv[2]);
  if (incr === null) return E_NOT_INTEGER;
  // -INT64_MIN does not exist.
  if (incr === INT64_MIN) return E_DECR_OVERFLOW;
  return incrDecr(c, argv[1], typeof incr === 'number' ? -incr : int64Reply(-incr));
}

function incrbyfloatCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const old = c.db.lookupWrite(key);
  if (old !== undefined && typeof old !== 'string') return E.wrongType;
  const r = incrByFloat(old ?? null, argv[2]);
  if ('error' in r) return r.error === 'nan-or-inf' ? E.nanOrInfinity : E.notFloat;
  // Redis stores the formatted result as a plain string (never int-encoded), keeping the TTL.
  if (old === undefined) c.db.setKey(key, r.value, PLAIN);
  else c.db.replaceValue(key, r.value, META_PLAIN);
  notify(c, NOTIFY_STRING, 'incrbyfloat', key);
  c.engine.dirty++;
  return r.value;
}

// ---- LCS ----

function lcsCommand(c: Client, argv: Bin[]): Reply {
  const a = c.db.lookupRead(argv[1]);
  const b = c.db.lookupRead(argv[2]);
  if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) return E_LCS_TYPES;
  let len = false;
  let idx = false;
  let withMatchLen = false;
  let minMatchLen: number | bigint = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = keyword(argv[j]);
    if (opt === 'IDX') idx = true;
    else if (opt === 'LEN') len = true;
    else if (opt === 'WITHMATCHLEN') withMatchLen = true;
    else if (opt === 'MINMATCHLEN' && j < argv.length - 1) {
      const v = int64Arg(argv[++j]);
      if (v === null) return E_NOT_INTEGER;
      minMatchLen = v < 0 ? 0 : v;
    } else return E.syntax;
  }
  if (len && idx) return E_LCS_LEN_AND_IDX;
  let result;
  try {
    result = lcs((a as Bin | undefined) ?? '', (b as Bin | undefined) ?? '', { len, idx, minMatchLen, maxTableBytes: maxBulkLen(c) });
  } catch (e) {
    if (e instanceof LcsError) return err(e.message);
    throw e;
  }
  if (idx) {
    const matches: Reply[] = result.matches.map((m) =>
      withMatchLen ? [[m.a[0], m.a[1]], [m.b[0], m.b[1]], m.len] : [[m.a[0], m.a[1]], [m.b[0], m.b[1]]],
    );
    return new MapReply(['matches', matches, 'len', result.length]);
  }
  return len ? result.length : result.string;
}

// ---- the command table ----

export const stringCommands: CommandSpec[] = [
  {
    name: 'set',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update', 'variable_flags'],
        notes: 'RW and ACCESS due to the optional `GET` argument',
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Set the string value of a key',
    complexity: 'O(1)',
    history: [
      ['2.6.12', 'Added the `EX`, `PX`, `NX` and `XX` options.'],
      ['6.0.0', 'Added the `KEEPTTL` option.'],
      ['6.2.0', 'Added the `GET`, `EXAT` and `PXAT` option.'],
      ['7.0.0', 'Allowed the `NX` and `GET` options to be used together.'],
    ],
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
      {
        name: 'condition',
        type: 'oneof',
        optional: true,
        since: '2.6.12',
        args: [
          { name: 'nx', type: 'pure-token', token: 'NX' },
          { name: 'xx', type: 'pure-token', token: 'XX' },
        ],
      },
      { name: 'get', type: 'pure-token', token: 'GET', optional: true, since: '6.2.0' },
      {
        name: 'expiration',
        type: 'oneof',
        optional: true,
        args: [
          { name: 'seconds', type: 'integer', token: 'EX', since: '2.6.12' },
          { name: 'milliseconds', type: 'integer', token: 'PX', since: '2.6.12' },
          { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT', since: '6.2.0' },
          { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT', since: '6.2.0' },
          { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL', since: '6.0.0' },
        ],
      },
    ],
    handler: setCommand,
  },
  {
    name: 'get',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '1.0.0',
    summary: 'Get the value of a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: getCommand,
  },
  {
    name: 'getset',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Set the string value of a key and return its old value',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`SET` with the `!GET` argument',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'value', type: 'string' }],
    handler: getsetCommand,
  },
  {
    name: 'getdel',
    arity: 2,
    flags: ['write', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'delete'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '6.2.0',
    summary: 'Get the value of a key and delete the key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: getdelCommand,
  },
  {
    name: 'getex',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        notes: 'RW and UPDATE because it changes the TTL',
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '6.2.0',
    summary: 'Get the value of a key and optionally set its expiration',
    complexity: 'O(1)',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      {
        name: 'expiration',
        type: 'oneof',
        optional: true,
        args: [
          { name: 'seconds', type: 'integer', token: 'EX' },
          { name: 'milliseconds', type: 'integer', token: 'PX' },
          { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT' },
          { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT' },
          { name: 'persist', type: 'pure-token', token: 'PERSIST' },
        ],
      },
    ],
    handler: getexCommand,
  },
  {
    name: 'mget',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    group: 'string',
    since: '1.0.0',
    summary: 'Get the values of all the given keys',
    complexity: 'O(N) where N is the number of keys to retrieve.',
    tips: ['request_policy:multi_shard'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: mgetCommand,
  },
  {
    name: 'mset',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: -1, step: 2, limit: 0 } }],
    group: 'string',
    since: '1.0.1',
    summary: 'Set multiple keys to multiple values',
    complexity: 'O(N) where N is the number of keys to set.',
    tips: ['request_policy:multi_shard', 'response_policy:all_succeeded'],
    args: [
      {
        name: 'key_value',
        type: 'block',
        multiple: true,
        args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'value', type: 'string' }],
      },
    ],
    handler: (c, argv) => msetGeneric(c, argv, false),
  },
  {
    name: 'msetnx',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [{ flags: ['OW', 'insert'], begin: { index: 1 }, find: { lastKey: -1, step: 2, limit: 0 } }],
    group: 'string',
    since: '1.0.1',
    summary: 'Set multiple keys to multiple values, only if none of the keys exist',
    complexity: 'O(N) where N is the number of keys to set.',
    tips: ['request_policy:multi_shard', 'response_policy:agg_min'],
    args: [
      {
        name: 'key_value',
        type: 'block',
        multiple: true,
        args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'value', type: 'string' }],
      },
    ],
    handler: (c, argv) => msetGeneric(c, argv, true),
  },
  {
    name: 'setnx',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [{ flags: ['OW', 'insert'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '1.0.0',
    summary: 'Set the value of a key, only if the key does not exist',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'value', type: 'string' }],
    handler: setnxCommand,
  },
  {
    name: 'setex',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.0.0',
    summary: 'Set the value and expiration of a key',
    complexity: 'O(1)',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'seconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
    handler: setexCommand,
  },
  {
    name: 'psetex',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.6.0',
    summary: 'Set the value and expiration in milliseconds of a key',
    complexity: 'O(1)',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'milliseconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
    handler: psetexCommand,
  },
  {
    name: 'append',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.0.0',
    summary: 'Append a value to a key',
    complexity: 'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'value', type: 'string' }],
    handler: appendCommand,
  },
  {
    name: 'strlen',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.2.0',
    summary: 'Get the length of the value stored in a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: strlenCommand,
  },
  {
    name: 'getrange',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.4.0',
    summary: 'Get a substring of the string stored at a key',
    complexity: 'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'end', type: 'integer' },
    ],
    handler: getrangeCommand,
  },
  {
    name: 'setrange',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '2.2.0',
    summary: 'Overwrite part of a string at key starting at the specified offset',
    complexity: 'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
    handler: setrangeCommand,
  },
  {
    name: 'substr',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '1.0.0',
    summary: 'Get a substring of the string stored at a key',
    complexity: 'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    docFlags: ['deprecated'],
    deprecatedSince: '2.0.0',
    replacedBy: '`GETRANGE`',
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'end', type: 'integer' },
    ],
    handler: getrangeCommand,
  },
  {
    name: 'incr',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Increment the integer value of a key by one',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: incrCommand,
  },
  {
    name: 'decr',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Decrement the integer value of a key by one',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: decrCommand,
  },
  {
    name: 'incrby',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Increment the integer value of a key by the given amount',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'increment', type: 'integer' }],
    handler: incrbyCommand,
  },
  {
    name: 'decrby',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '1.0.0',
    summary: 'Decrement the integer value of a key by the given number',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'decrement', type: 'integer' }],
    handler: decrbyCommand,
  },
  {
    name: 'incrbyfloat',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'access', 'update'],
        begin: { index: 1 },
        find: { lastKey: 0, step: 1, limit: 0 },
      },
    ],
    group: 'string',
    since: '2.6.0',
    summary: 'Increment the float value of a key by the given amount',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'increment', type: 'double' }],
    handler: incrbyfloatCommand,
  },
  {
    name: 'lcs',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 1, step: 1, limit: 0 } }],
    group: 'string',
    since: '7.0.0',
    summary: 'Find longest common substring',
    complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
    args: [
      { name: 'key1', type: 'key', keySpecIndex: 0 },
      { name: 'key2', type: 'key', keySpecIndex: 0 },
      { name: 'len', type: 'pure-token', token: 'LEN', optional: true },
      { name: 'idx', type: 'pure-token', token: 'IDX', optional: true },
      { name: 'len', type: 'integer', token: 'MINMATCHLEN', optional: true },
      { name: 'withmatchlen', type: 'pure-token', token: 'WITHMATCHLEN', optional: true },
    ],
    handler: lcsCommand,
  },
];
