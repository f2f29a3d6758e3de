// List commands (Redis 7.0 t_list.c): pushes, pops (with a count, and from the first non-empty
// of several keys), index and range access, LPOS, LMOVE, and the blocking pops and moves. The
// checks run in Redis's order, so that of two problems the same error wins.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { BLOCKED, blockClient, parseTimeout, type ServeBlocked } from '../keyspace/blocking.ts';
import { E, ErrorReply, NULL_ARRAY, OK, err, type Reply } from '../reply.ts';
import { ListValue } from '../types/list.ts';
import { parseInt64, parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';
import type { ArgSpec, CommandSpec, Handler, KeySpec, KeySpecFlag } from './spec.ts';

const E_RANK_ZERO = err(
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
);
const E_COUNT_NEGATIVE = err("ERR COUNT can't be negative");
const E_MAXLEN_NEGATIVE = err("ERR MAXLEN can't be negative");

/** Which end of a list: Redis's LIST_HEAD (LEFT) and LIST_TAIL (RIGHT). */
type End = 'left' | 'right';

const NOTIFY_GENERIC = 'g';
const NOTIFY_LIST = 'l';

/** The list at `key` for a write: undefined when missing, WRONGTYPE for another type. */
function listForWrite(c: Client, key: Bin): ListValue | undefined | ErrorReply {
  return lookupWriteAs(c, key, ListValue);
}

function listForRead(c: Client, key: Bin): ListValue | undefined | ErrorReply {
  return lookupReadAs(c, key, ListValue);
}

/** getListPositionFromObjectOrReply: LEFT or RIGHT, else a syntax error. */
function endArg(arg: Bin): End | ErrorReply {
  if (is(arg, 'LEFT')) return 'left';
  if (is(arg, 'RIGHT')) return 'right';
  return E.syntax;
}

/** getLongFromObjectOrReply. */
function longArg(arg: Bin): number | ErrorReply {
  const v = parseLong(arg);
  return v === null ? E.notInteger : v;
}

/** getRangeLongFromObjectOrReply with a custom message: an integer in [min, LONG_MAX]. */
function longAtLeast(arg: Bin, min: number, error: ErrorReply): number | ErrorReply {
  const v = parseLong(arg);
  return v === null || v < min ? error : v;
}

function pop(list: ListValue, end: End): Bin {
  return end === 'left' ? list.popHead() : list.popTail();
}

function push(list: ListValue, end: End, value: Bin): void {
  if (end === 'left') list.pushHead(value);
  else list.pushTail(value);
}

/** Pops up to `count` elements from one end, in the order they come off. */
function popMany(list: ListValue, end: End, count: number): Bin[] {
  const n = Math.min(count, list.length);
  let out: Bin[];
  if (end === 'left') {
    out = list.range(0, n - 1);
    list.trim(n, 0);
  } else {
    out = list.rangeReversed(list.length - n, list.length - 1);
    list.trim(0, n);
  }
  return out;
}

/** listElementsRemoved: events, the emptied key's deletion, WATCH, dirty. */
function elementsRemoved(c: Client, key: Bin, end: End, list: ListValue, count: number): void {
  notify(c, NOTIFY_LIST, end === 'left' ? 'lpop' : 'rpop', key);
  if (list.length === 0) {
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
  } else {
    c.db.touch(key);
  }
  c.engine.dirty += count;
}

// ---- pushes ----

function pushGeneric(c: Client, argv: Bin[], end: End, onlyExisting: boolean): Reply {
  const key = argv[1];
  const found = listForWrite(c, key);
  if (found instanceof ErrorReply) return found;
  if (found === undefined && onlyExisting) return 0;
  const list = found ?? new ListValue();
  if (end === 'left') for (let j = 2; j < argv.length; j++) list.pushHead(argv[j]);
  else for (let j = 2; j < argv.length; j++) list.pushTail(argv[j]);
  if (found === undefined) c.db.setKey(key, list);
  else c.db.touch(key);
  notify(c, NOTIFY_LIST, end === 'left' ? 'lpush' : 'rpush', key);
  c.engine.dirty += argv.length - 2;
  return list.length;
}

function lpushCommand(c: Client, argv: Bin[]): Reply {
  return pushGeneric(c, argv, 'left', false);
}

function rpushCommand(c: Client, argv: Bin[]): Reply {
  return pushGeneric(c, argv, 'right', false);
}

function lpushxCommand(c: Client, argv: Bin[]): Reply {
  return pushGeneric(c, argv, 'left', true);
}

function rpushxCommand(c: Client, argv: Bin[]): Reply {
  return pushGeneric(c, argv, 'right', true);
}

// ---- pops ----

/** LPOP/RPOP: one element as a bulk string, or with a count an array (null array when missing). */
function popGeneric(c: Client, argv: Bin[], end: End): Reply {
  if (argv.length > 3) return E.wrongArity(end === 'left' ? 'lpop' : 'rpop');
  const hasCount = argv.length === 3;
  let count = 0;
  if (hasCount) {
    const n = longAtLeast(argv[2], 0, E.mustBePositive);
    if (n instanceof ErrorReply) return n;
    count = n;
  }
  const key = argv[1];
  const list = listForWrite(c, key);
  if (list === undefined) return hasCount ? NULL_ARRAY : null;
  if (list instanceof ErrorReply) return list;
  if (!hasCount) {
    const v = pop(list, end);
    elementsRemoved(c, key, end, list, 1);
    return v;
  }
  if (count === 0) return [];
  const out = popMany(list, end, count);
  elementsRemoved(c, key, end, list, out.length);
  return out;
}

function lpopCommand(c: Client, argv: Bin[]): Reply {
  return popGeneric(c, argv, 'left');
}

function rpopCommand(c: Client, argv: Bin[]): Reply {
  return popGeneric(c, argv, 'right');
}

/**
 * mpopGenericCommand: pops up to `count` from the first non-empty list among `keys`, replying
 * [key, [elements]]; WRONGTYPE as soon as a key of another type comes first; null when none.
 */
function mpop(c: Client, keys: Bin[], end: End, count: number): Reply | undefined {
  for (const key of keys) {
    const list = listForWrite(c, key);
    if (list === undefined) continue;
    if (list instanceof ErrorReply) return list;
    const out = popMany(list, end, count);
    elementsRemoved(c, key, end, list, out.length);
    return [key, out];
  }
  return undefined;
}

interface MpopArgs {
  keys: Bin[];
  end: End;
  count: number;
}

/** lmpopGenericCommand's parsing: numkeys at argv[numkeysIdx], keys, LEFT|RIGHT, [COUNT n]. */
function parseMpop(argv: Bin[], numkeysIdx: number): MpopArgs | ErrorReply {
  const numkeys = longAtLeast(argv[numkeysIdx], 1, E.numkeysPositive);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return E.syntax;
  const end = endArg(argv[whereIdx]);
  if (end instanceof ErrorReply) return end;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && is(argv[j], 'COUNT') && j + 1 < argv.length) {
      const n = longAtLeast(argv[++j], 1, E.countPositive);
      if (n instanceof ErrorReply) return n;
      count = n;
    } else {
      return E.syntax;
    }
  }
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), end, count: count === -1 ? 1 : count };
}

function lmpopCommand(c: Client, argv: Bin[]): Reply {
  const args = parseMpop(argv, 1);
  if (args instanceof ErrorReply) return args;
  return mpop(c, args.keys, args.end, args.count) ?? NULL_ARRAY;
}

// ---- reads by index and range ----

function llenCommand(c: Client, argv: Bin[]): Reply {
  const list = listForRead(c, argv[1]);
  if (list === undefined) return 0;
  return list instanceof ErrorReply ? list : list.length;
}

/** A user index (negative counts from the tail) as a 0-based one, or -1 when out of range. */
function resolveIndex(list: ListValue, index: number): number {
  const i = index < 0 ? list.length + index : index;
  return i >= 0 && i < list.length ? i : -1;
}

function lindexCommand(c: Client, argv: Bin[]): Reply {
  const list = listForRead(c, argv[1]);
  if (list === undefined) return null;
  if (list instanceof ErrorReply) return list;
  const index = longArg(argv[2]);
  if (index instanceof ErrorReply) return index;
  const i = resolveIndex(list, index);
  return i < 0 ? null : list.at(i);
}

function lsetCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const list = listForWrite(c, key);
  if (list === undefined) return E.noSuchKey;
  if (list instanceof ErrorReply) return list;
  const index = longArg(argv[2]);
  if (index instanceof ErrorReply) return index;
  const i = resolveIndex(list, index);
  if (i < 0) return E.outOfRange;
  list.set(i, argv[3]);
  c.db.touch(key);
  notify(c, NOTIFY_LIST, 'lset', key);
  c.engine.dirty++;
  return OK;
}

/**
 * Redis's range rule (LRANGE, LTRIM): negative indexes count from the tail, start clamps to 0,
 * end to the last element. [start, end] in range, or null when the range is empty.
 */
function clampRange(length: number, start: number, end: number): [number, number] | null {
  if (start < 0) start = length + start;
  if (end < 0) end = length + end;
  if (start < 0) start = 0;
  if (start > end || start >= length) return null;
  if (end >= length) end = length - 1;
  return [start, end];
}

function lrangeCommand(c: Client, argv: Bin[]): Reply {
  const start = longArg(argv[2]);
  if (start instanceof ErrorReply) return start;
  const end = longArg(argv[3]);
  if (end instanceof ErrorReply) return end;
  const list = listForRead(c, argv[1]);
  if (list === undefined) return [];
  if (list instanceof ErrorReply) return list;
  const r = clampRange(list.length, start, end);
  return r === null ? [] : list.range(r[0], r[1]);
}

function ltrimCommand(c: Client, argv: Bin[]): Reply {
  const start = longArg(argv[2]);
  if (start instanceof ErrorReply) return start;
  const end = longArg(argv[3]);
  if (end instanceof ErrorReply) return end;
  const key = argv[1];
  const list = listForWrite(c, key);
  if (list === undefined) return OK;
  if (list instanceof ErrorReply) return list;
  const length = list.length;
  const r = clampRange(length, start, end);
  const front = r === null ? length : r[0];
  const back = r === null ? 0 : length - r[1] - 1;
  list.trim(front, back);
  notify(c, NOTIFY_LIST, 'ltrim', key);
  if (list.length === 0) {
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
  } else {
    c.db.touch(key);
  }
  c.engine.dirty += front + back;
  return OK;
}

function lremCommand(c: Client, argv: Bin[]): Reply {
  const count = longArg(argv[2]);
  if (count instanceof ErrorReply) return count;
  const key = argv[1];
  const list = listForWrite(c, key);
  if (list === undefined) return 0;
  if (list instanceof ErrorReply) return list;
  const removed = list.remove(argv[3], Math.abs(count), count < 0);
  if (removed > 0) {
    c.engine.dirty += removed;
    notify(c, NOTIFY_LIST, 'lrem', key);
    if (list.length === 0) {
      c.db.delete(key);
      notify(c, NOTIFY_GENERIC, 'del', key);
    } else {
      c.db.touch(key);
    }
  }
  return removed;
}

function linsertCommand(c: Client, argv: Bin[]): Reply {
  let after: boolean;
  if (is(argv[2], 'AFTER')) after = true;
  else if (is(argv[2], 'BEFORE')) after = false;
  else return E.syntax;
  const key = argv[1];
  const list = listForWrite(c, key);
  if (list === undefined) return 0;
  if (list instanceof ErrorReply) return list;
  const pivot = list.indexOf(argv[3]);
  if (pivot < 0) return -1;
  list.insert(after ? pivot + 1 : pivot, argv[4]);
  c.db.touch(key);
  notify(c, NOTIFY_LIST, 'linsert', key);
  c.engine.dirty++;
  return list.length;
}

/** LONG_MIN, which LPOS accepts as a RANK and negates into itself (see lposCommand). */
const LONG_MIN = -9223372036854775808n;

function lposCommand(c: Client, argv: Bin[]): Reply {
  const element = argv[2];
  let rank = 1;
  let rankIsLongMin = false;
  let count = -1; // -1: no COUNT option
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const hasNext = j + 1 < argv.length;
    if (is(argv[j], 'RANK') && hasNext) {
      const v = parseInt64(argv[++j]);
      if (v === null) return E.notInteger;
      if (v === 0n) return E_RANK_ZERO;
      rank = Number(v);
      rankIsLongMin = v === LONG_MIN;
    } else if (is(argv[j], 'COUNT') && hasNext) {
      const v = longAtLeast(argv[++j], 0, E_COUNT_NEGATIVE);
      if (v instanceof ErrorReply) return v;
      count = v;
    } else if (is(argv[j], 'MAXLEN') && hasNext) {
      const v = longAtLeast(argv[++j], 0, E_MAXLEN_NEGATIVE);
      if (v instanceof ErrorReply) return v;
      maxlen = v;
    } else {
      return E.syntax;
    }
  }
  const fromTail = rank < 0;
  // Redis negates the rank in a C long: LONG_MIN stays negative, so every match qualifies
  // (and with COUNT the stop test overflows and never fires).
  if (fromTail) rank = rankIsLongMin ? -Infinity : -rank;
  const list = listForRead(c, argv[1]);
  if (list === undefined) return count !== -1 ? [] : null;
  if (list instanceof ErrorReply) return list;
  const length = list.length;
  const limit = maxlen === 0 ? length : Math.min(maxlen, length);
  const found: number[] = [];
  let matches = 0;
  for (let k = 0; k < limit; k++) {
    const index = fromTail ? length - 1 - k : k;
    if (list.at(index) !== element) continue;
    matches++;
    if (matches < rank) continue;
    if (count === -1) return index;
    found.push(index);
    if (count !== 0 && !rankIsLongMin && matches - rank + 1 >= count) break;
  }
  return count === -1 ? null : found;
}

// ---- moves ----

/** lmoveHandlePush: pushes onto the destination, creating it when missing. */
function pushTo(c: Client, key: Bin, dest: ListValue | undefined, end: End, value: Bin): void {
  const list = dest ?? new ListValue();
  push(list, end, value);
  if (dest === undefined) c.db.setKey(key, list);
  else c.db.touch(key);
  notify(c, NOTIFY_LIST, end === 'left' ? 'lpush' : 'rpush', key);
}

/**
 * lmoveGenericCommand on a non-empty source list: checks the destination's type, pops, pushes,
 * and replies with the element.
 */
function move(c: Client, srcKey: Bin, src: ListValue, dstKey: Bin, from: End, to: End): Reply {
  const dest = listForWrite(c, dstKey);
  if (dest instanceof ErrorReply) return dest;
  const value = pop(src, from);
  pushTo(c, dstKey, dest, to, value);
  notify(c, NOTIFY_LIST, from === 'left' ? 'lpop' : 'rpop', srcKey);
  if (src.length === 0) {
    c.db.delete(srcKey);
    notify(c, NOTIFY_GENERIC, 'del', srcKey);
  } else {
    c.db.touch(srcKey);
  }
  c.engine.dirty++;
  return value;
}

function lmoveGeneric(c: Client, argv: Bin[], from: End, to: End): Reply {
  const src = listForWrite(c, argv[1]);
  if (src === undefined) return null;
  if (src instanceof ErrorReply) return src;
  return move(c, argv[1], src, argv[2], from, to);
}

function lmoveCommand(c: Client, argv: Bin[]): Reply {
  const from = endArg(argv[3]);
  if (from instanceof ErrorReply) return from;
  const to = endArg(argv[4]);
  if (to instanceof ErrorReply) return to;
  return lmoveGeneric(c, argv, from, to);
}

function rpoplpushCommand(c: Client, argv: Bin[]): Reply {
  return lmoveGeneric(c, argv, 'right', 'left');
}

// ---- blocking variants ----
//
// Each tries to serve at once as its non-blocking twin does, then parks the client. A blocked
// client times out with a null array, even BLMOVE and BRPOPLPUSH (Redis's
// replyToBlockedClientTimedOut); inside MULTI those two answer a null bulk string instead.

/** The list at `key` when it can serve a blocked client now, else undefined (keep waiting). */
function readyList(c: Client, key: Bin): ListValue | undefined {
  const v = c.db.lookupWrite(key);
  return v instanceof ListValue && v.length > 0 ? v : undefined;
}

/** BLPOP/BRPOP: [key, element] from the first non-empty list. */
function blockingPop(c: Client, argv: Bin[], end: End): Reply {
  const timeoutAt = parseTimeout(c, argv[argv.length - 1], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  const keys = argv.slice(1, -1);
  for (const key of keys) {
    const list = listForWrite(c, key);
    if (list === undefined) continue;
    if (list instanceof ErrorReply) return list;
    const v = pop(list, end);
    elementsRemoved(c, key, end, list, 1);
    return [key, v];
  }
  const serve: ServeBlocked = (bc, key) => {
    const list = readyList(bc, key);
    if (list === undefined) return undefined;
    const v = pop(list, end);
    elementsRemoved(bc, key, end, list, 1);
    return [key, v];
  };
  return blockClient(c, keys, timeoutAt, serve, NULL_ARRAY);
}

function blpopCommand(c: Client, argv: Bin[]): Reply {
  return blockingPop(c, argv, 'left');
}

function brpopCommand(c: Client, argv: Bin[]): Reply {
  return blockingPop(c, argv, 'right');
}

function blmpopCommand(c: Client, argv: Bin[]): Reply {
  const args = parseMpop(argv, 2);
  if (args instanceof ErrorReply) return args;
  const timeoutAt = parseTimeout(c, argv[1], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  const { end, count } = args;
  const now = mpop(c, args.keys, end, count);
  if (now !== undefined) return now;
  const serve: ServeBlocked = (bc, key) => {
    const list = readyList(bc, key);
    if (list === undefined) return undefined;
    const out = popMany(list, end, count);
    elementsRemoved(bc, key, end, list, out.length);
    return [key, out];
  };
  return blockClient(c, args.keys, timeoutAt, serve, NULL_ARRAY);
}

/** BLMOVE/BRPOPLPUSH once the arguments are parsed (blmoveGenericCommand). */
function blmoveGeneric(c: Client, argv: Bin[], from: End, to: End, timeoutAt: number): Reply {
  const srcKey = argv[1];
  const dstKey = argv[2];
  const src = listForWrite(c, srcKey);
  if (src instanceof ErrorReply) return src;
  if (src !== undefined) return move(c, srcKey, src, dstKey, from, to);
  const serve: ServeBlocked = (bc, key) => {
    const list = readyList(bc, key);
    if (list === undefined) return undefined;
    // A destination of another type ends the wait with WRONGTYPE, the source untouched.
    return move(bc, key, list, dstKey, from, to);
  };
  const r = blockClient(c, [srcKey], timeoutAt, serve, NULL_ARRAY);
  return r === BLOCKED ? r : null;
}

function blmoveCommand(c: Client, argv: Bin[]): Reply {
  const from = endArg(argv[3]);
  if (from instanceof ErrorReply) return from;
  const to = endArg(argv[4]);
  if (to instanceof ErrorReply) return to;
  const timeoutAt = parseTimeout(c, argv[5], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  return blmoveGeneric(c, argv, from, to, timeoutAt);
}

function brpoplpushCommand(c: Client, argv: Bin[]): Reply {
  const timeoutAt = parseTimeout(c, argv[3], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  return blmoveGeneric(c, argv, 'right', 'left', timeoutAt);
}

// ---- command table (data from Redis 7.0's COMMAND INFO and COMMAND DOCS) ----

/** A key spec for the single key at argv[index]. */
function key(index: number, flags: KeySpecFlag[]): KeySpec {
  return { flags, begin: { index }, find: { lastKey: 0, step: 1, limit: 0 } };
}

const KEY: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };

/** A LEFT | RIGHT argument. */
function leftRight(name: string): ArgSpec {
  return {
    name,
    type: 'oneof',
    args: [
      { name: 'left', type: 'pure-token', token: 'LEFT' },
      { name: 'right', type: 'pure-token', token: 'RIGHT' },
    ],
  };
}

/** LPUSH, RPUSH, LPUSHX, RPUSHX: alike but for the end, the X, and when they took many elements. */
function pushSpec(name: string, since: string, summary: string, multipleSince: string, handler: Handler): CommandSpec {
  return {
    name,
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'list', 'fast'],
    keySpecs: [key(1, ['RW', 'insert'])],
    group: 'list',
    since,
    summary,
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    history: [[multipleSince, 'Accepts multiple `element` arguments.']],
    args: [KEY, { name: 'element', type: 'string', multiple: true }],
    handler,
  };
}

function popSpec(name: string, summary: string, handler: Handler): CommandSpec {
  return {
    name,
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'list', 'fast'],
    keySpecs: [key(1, ['RW', 'access', 'delete'])],
    group: 'list',
    since: '1.0.0',
    summary,
    complexity: 'O(N) where N is the number of elements returned',
    history: [['6.2.0', 'Added the `count` argument.']],
    args: [KEY, { name: 'count', type: 'integer', since: '6.2.0', optional: true }],
    handler,
  };
}

function blockingPopSpec(name: string, summary: string, handler: Handler): CommandSpec {
  return {
    name,
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2, step: 1, limit: 0 } }],
    group: 'list',
    since: '2.0.0',
    summary,
    complexity: 'O(N) where N is the number of provided keys.',
    history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'timeout', type: 'double' },
    ],
    handler,
  };
}

export const listCommands: CommandSpec[] = [
  pushSpec('lpush', '1.0.0', 'Prepend one or multiple elements to a list', '2.4.0', lpushCommand),
  pushSpec('rpush', '1.0.0', 'Append one or multiple elements to a list', '2.4.0', rpushCommand),
  pushSpec('lpushx', '2.2.0', 'Prepend an element to a list, only if the list exists', '4.0.0', lpushxCommand),
  pushSpec('rpushx', '2.2.0', 'Append an element to a list, only if the list exists', '4.0.0', rpushxCommand),
  popSpec('lpop', 'Remove and get the first elements in a list', lpopCommand),
  popSpec('rpop', 'Remove and get the last elements in a list', rpopCommand),
  {
    name: 'llen',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'list', 'fast'],
    keySpecs: [key(1, ['RO'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Get the length of a list',
    complexity: 'O(1)',
    args: [
      KEY,
    ],
    handler: llenCommand,
  },
  {
    name: 'lindex',
    arity: 3,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    keySpecs: [key(1, ['RO', 'access'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Get an element from a list by its index',
    complexity: 'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).',
    args: [
      KEY,
      { name: 'index', type: 'integer' },
    ],
    handler: lindexCommand,
  },
  {
    name: 'lset',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'update'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Set the value of an element in a list by its index',
    complexity: 'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).',
    args: [
      KEY,
      { name: 'index', type: 'integer' },
      { name: 'element', type: 'string' },
    ],
    handler: lsetCommand,
  },
  {
    name: 'lrange',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    keySpecs: [key(1, ['RO', 'access'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Get a range of elements from a list',
    complexity: 'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.',
    args: [
      KEY,
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
    ],
    handler: lrangeCommand,
  },
  {
    name: 'ltrim',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'delete'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Trim a list to the specified range',
    complexity: 'O(N) where N is the number of elements to be removed by the operation.',
    args: [
      KEY,
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
    ],
    handler: ltrimCommand,
  },
  {
    name: 'lrem',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'delete'])],
    group: 'list',
    since: '1.0.0',
    summary: 'Remove elements from a list',
    complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.',
    args: [
      KEY,
      { name: 'count', type: 'integer' },
      { name: 'element', type: 'string' },
    ],
    handler: lremCommand,
  },
  {
    name: 'linsert',
    arity: 5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'insert'])],
    group: 'list',
    since: '2.2.0',
    summary: 'Insert an element before or after another element in a list',
    complexity: 'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).',
    args: [
      KEY,
      { name: 'where', type: 'oneof', args: [
        { name: 'before', type: 'pure-token', token: 'BEFORE' },
        { name: 'after', type: 'pure-token', token: 'AFTER' },
      ] },
      { name: 'pivot', type: 'string' },
      { name: 'element', type: 'string' },
    ],
    handler: linsertCommand,
  },
  {
    name: 'lpos',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    keySpecs: [key(1, ['RO', 'access'])],
    group: 'list',
    since: '6.0.6',
    summary: 'Return the index of matching elements on a list',
    complexity: 'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.',
    args: [
      KEY,
      { name: 'element', type: 'string' },
      { name: 'rank', type: 'integer', token: 'RANK', optional: true },
      { name: 'num-matches', type: 'integer', token: 'COUNT', optional: true },
      { name: 'len', type: 'integer', token: 'MAXLEN', optional: true },
    ],
    handler: lposCommand,
  },
  {
    name: 'lmove',
    arity: 5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'access', 'delete']), key(2, ['RW', 'insert'])],
    group: 'list',
    since: '6.2.0',
    summary: 'Pop an element from a list, push it to another list and return it',
    complexity: 'O(1)',
    args: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      leftRight('wherefrom'),
      leftRight('whereto'),
    ],
    handler: lmoveCommand,
  },
  {
    name: 'rpoplpush',
    arity: 3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [key(1, ['RW', 'access', 'delete']), key(2, ['RW', 'insert'])],
    group: 'list',
    since: '1.2.0',
    summary: 'Remove the last element in a list, prepend it to another list and return it',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`LMOVE` with the `RIGHT` and `LEFT` arguments',
    args: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
    ],
    handler: rpoplpushCommand,
  },
  {
    name: 'lmpop',
    arity: -4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } },
    ],
    group: 'list',
    since: '7.0.0',
    summary: 'Pop elements from a list',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
    args: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      leftRight('where'),
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: lmpopCommand,
  },
  blockingPopSpec('blpop', 'Remove and get the first element in a list, or block until one is available', blpopCommand),
  blockingPopSpec('brpop', 'Remove and get the last element in a list, or block until one is available', brpopCommand),
  {
    name: 'blmove',
    arity: 6,
    flags: ['write', 'denyoom', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    keySpecs: [key(1, ['RW', 'access', 'delete']), key(2, ['RW', 'insert'])],
    group: 'list',
    since: '6.2.0',
    summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
    complexity: 'O(1)',
    args: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      leftRight('wherefrom'),
      leftRight('whereto'),
      { name: 'timeout', type: 'double' },
    ],
    handler: blmoveCommand,
  },
  {
    name: 'brpoplpush',
    arity: 4,
    flags: ['write', 'denyoom', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    keySpecs: [key(1, ['RW', 'access', 'delete']), key(2, ['RW', 'insert'])],
    group: 'list',
    since: '2.2.0',
    summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`BLMOVE` with the `RIGHT` and `LEFT` arguments',
    history: [
      ['6.0.0', '`timeout` is interpreted as a double instead of an integer.'],
    ],
    args: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      { name: 'timeout', type: 'double' },
    ],
    handler: brpoplpushCommand,
  },
  {
    name: 'blmpop',
    arity: -5,
    flags: ['write', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 2 }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } },
    ],
    group: 'list',
    since: '7.0.0',
    summary: 'Pop elements from a list, or block until one is available',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
    args: [
      { name: 'timeout', type: 'double' },
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      leftRight('where'),
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: blmpopCommand,
  },
];
