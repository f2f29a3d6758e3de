// The generic keyspace commands (Redis's "generic" group): existence, deletion, renaming,
// copying and moving keys, iteration (KEYS, SCAN, RANDOMKEY), expiry (EXPIRE family, TTL
// family, PERSIST) and OBJECT introspection. Every read and write goes through Database, so
// lazy expiry, the LRU clock, WATCH and the keyspace stats stay right; each handler reproduces
// the lookup flavour Redis uses (read with LRU touch, read without touch, write), because those
// differ in stats, OBJECT IDLETIME and which keys get reclaimed.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { META_UNSHARED, type Database, type ExpireTime, type KeyspaceHooks } from '../keyspace/database.ts';
import { E, ErrorReply, OK, SimpleString, err, type Reply } from '../reply.ts';
import { typeOf, type Value } from '../types/value.ts';
import { stringEncoding } from '../types/string.ts';
import { globMatch } from '../util/glob.ts';
import { INT64_MAX, INT64_MIN, int64Reply, parseInt64, parseLong } from '../util/number.ts';
import { dbIndexArg, is } from './args.ts';
import { helpReply } from './help.ts';
import type { CommandSpec } from './spec.ts';

const SAME_OBJECT = err('ERR source and destination objects are the same');

// ---- shared pieces ----

/**
 * Redis's lookupKeyReadWithFlags(LOOKUP_NOTOUCH): counts a keyspace hit or miss and lazily
 * expires, but leaves the LRU clock alone (EXISTS, TYPE, TTL, OBJECT, SCAN TYPE).
 */
function lookupNoTouch(c: Client, key: Bin): Value | undefined {
  const v = c.db.peek(key);
  if (v === undefined) c.engine.keyspaceMiss();
  else c.engine.keyspaceHit();
  return v;
}

/** A generic-class ('g') keyspace event. */
function notifyGeneric(c: Client, event: string, key: Bin, db: Database = c.db): void {
  // Through the hooks interface: it carries the full signature the notifications family fills in.
  (c.engine as KeyspaceHooks).notify('g', event, key, db.id);
}

/** What a C string function sees of an argument: the bytes before the first NUL. */
function cString(s: Bin): Bin {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** An argument quoted into a formatted error as Redis does: cut at NUL, trailing CR/LF trimmed. */
function errorArg(s: Bin): Bin {
  return cString(s).replace(/[\r\n]+$/, '');
}

function asciiLower(s: Bin): Bin {
  return s.replace(/[A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x20));
}

function isUnshared(db: Database, key: Bin): boolean {
  return (db.dict.getMeta(key) & META_UNSHARED) !== 0;
}

function lfuPolicy(c: Client): boolean {
  return c.engine.config.get('maxmemory-policy').endsWith('-lfu');
}

// ---- DEL UNLINK EXISTS TOUCH TYPE ----

function deleteKeys(c: Client, argv: Bin[]): Reply {
  let deleted = 0;
  for (let i = 1; i < argv.length; i++) {
    if (!c.db.delete(argv[i])) continue;
    notifyGeneric(c, 'del', argv[i]);
    c.engine.dirty++;
    deleted++;
  }
  return deleted;
}

function delCommand(c: Client, argv: Bin[]): Reply {
  return deleteKeys(c, argv);
}

/** UNLINK frees in the background in Redis; here freeing is the garbage collector's anyway. */
function unlinkCommand(c: Client, argv: Bin[]): Reply {
  return deleteKeys(c, argv);
}

function existsCommand(c: Client, argv: Bin[]): Reply {
  let found = 0;
  for (let i = 1; i < argv.length; i++) if (lookupNoTouch(c, argv[i]) !== undefined) found++;
  return found;
}

/** Unlike EXISTS, TOUCH is a real read: it refreshes the LRU clock. */
function touchCommand(c: Client, argv: Bin[]): Reply {
  let touched = 0;
  for (let i = 1; i < argv.length; i++) if (c.db.lookupRead(argv[i]) !== undefined) touched++;
  return touched;
}

function typeCommand(c: Client, argv: Bin[]): Reply {
  const v = lookupNoTouch(c, argv[1]);
  return new SimpleString(v === undefined ? 'none' : typeOf(v));
}

// ---- KEYS SCAN RANDOMKEY ----

/** KEYS skips keys past their TTL without reclaiming them (it must not write). */
function keysCommand(c: Client, argv: Bin[]): Reply {
  const pattern = argv[1];
  const allKeys = pattern === '*';
  const db = c.db;
  const checkTtl = db.expires.size > 0;
  const out: Bin[] = [];
  for (const key of db.dict.keys()) {
    if ((allKeys || globMatch(pattern, key)) && !(checkTtl && db.isExpired(key))) out.push(key);
  }
  return out;
}

const ULONG_MAX = 18446744073709551615n;

function isCSpace(ch: number): boolean {
  return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
}

/**
 * A SCAN cursor read as Redis reads it, with strtoul: an optional sign ("-1" wraps to 2^64-1),
 * decimal digits, and nothing after them but the end or a NUL byte; an empty string is 0;
 * leading space and overflow are invalid. null when invalid.
 */
export function parseScanCursor(s: Bin): bigint | null {
  if (s.length > 0 && isCSpace(s.charCodeAt(0))) return null;
  let i = 0;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    i++;
  }
  const digitsStart = i;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  // No digits: strtoul points back at the start, so only an empty C string is acceptable.
  if (i === digitsStart) return s.length === 0 || s.charCodeAt(0) === 0 ? 0n : null;
  if (i < s.length && s.charCodeAt(i) !== 0) return null;
  const magnitude = BigInt(s.slice(digitsStart, i));
  if (magnitude > ULONG_MAX) return null;
  return negative && magnitude !== 0n ? ULONG_MAX + 1n - magnitude : magnitude;
}

export interface ScanOptions {
  count: number;
  /** null when every element matches ("*" is no filter: it matches the empty string too). */
  pattern: Bin | null;
  /** SCAN's TYPE filter; null when not given. */
  type: Bin | null;
}

/**
 * The options of SCAN and of HSCAN/SSCAN/ZSCAN from argv[from] on, as Redis's
 * scanGenericCommand reads them: COUNT (an integer, at least 1), MATCH, and TYPE for SCAN only.
 */
export function parseScanOptions(argv: Bin[], from: number, allowType: boolean): ScanOptions | ErrorReply {
  const options: ScanOptions = { count: 10, pattern: null, type: null };
  for (let i = from; i < argv.length; i += 2) {
    const hasValue = i + 1 < argv.length;
    if (is(argv[i], 'COUNT') && hasValue) {
      const n = parseLong(argv[i + 1]);
      if (n === null) return E.notInteger;
      if (n < 1) return E.syntax;
      options.count = n;
    } else if (is(argv[i], 'MATCH') && hasValue) {
      options.pattern = argv[i + 1] === '*' ? null : argv[i + 1];
    } else if (allowType && is(argv[i], 'TYPE') && hasValue) {
      options.type = argv[i + 1];
    } else {
      return E.syntax;
    }
  }
  return options;
}

/** Where a scan starts: cursors past any table's size (client-made values) restart from the top, safely. */
export function scanStart(cursor: bigint): number {
  return cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(cursor);
}

/**
 * HSCAN, SSCAN and ZSCAN: the cursor, then the collection (an empty scan when the key is
 * missing), then the options, in Redis's order; `walk` visits from `start` and pushes onto
 * `items` the reply of each entry whose element `matches` the pattern, returning the next cursor.
 */
export function scanCollection<T>(
  c: Client,
  argv: Bin[],
  lookup: (c: Client, key: Bin) => T | undefined | ErrorReply,
  walk: (collection: T, start: number, count: number, items: Bin[], matches: (element: Bin) => boolean) => number,
): Reply {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return E.invalidCursor;
  const collection = lookup(c, argv[1]);
  if (collection === undefined) return ['0', []];
  if (collection instanceof ErrorReply) return collection;
  const options = parseScanOptions(argv, 3, false);
  if (options instanceof ErrorReply) return options;
  const { count, pattern } = options;
  const items: Bin[] = [];
  const matches = (element: Bin) => pattern === null || globMatch(pattern, element);
  return [String(walk(collection, scanStart(cursor), count, items, matches)), items];
}

function scanCommand(c: Client, argv: Bin[]): Reply {
  const cursor = parseScanCursor(argv[1]);
  if (cursor === null) return err('ERR invalid cursor');
  const options = parseScanOptions(argv, 2, true);
  if (options instanceof ErrorReply) return options;
  const { count, pattern, type: typeName } = options;

  const db = c.db;
  const found: Bin[] = [];
  const next = db.dict.scan(scanStart(cursor), count, (key) => found.push(key));

  // Filter after the walk, in Redis's order: pattern, type (a counted lookup that may reclaim
  // the key, whose type then reads "none"), then expiry.
  const wantedType = typeName === null ? null : asciiLower(cString(typeName));
  const keys: Bin[] = [];
  for (const key of found) {
    if (pattern !== null && !globMatch(pattern, key)) continue;
    if (wantedType !== null) {
      const v = lookupNoTouch(c, key);
      if ((v === undefined ? 'none' : typeOf(v)) !== wantedType) continue;
    }
    if (db.expires.size > 0 && db.expireIfNeeded(key)) continue;
    keys.push(key);
  }
  return [String(next), keys];
}

function randomkeyCommand(c: Client): Reply {
  const key = c.db.randomKey(() => c.engine.host.random());
  return key === undefined ? null : key;
}

// ---- RENAME RENAMENX COPY MOVE ----

/**
 * Puts `value` under `key` in `db` with the given expiry and the string-encoding flags of the
 * key it came from. Overwrites whatever was there (its TTL included) and signals WATCH.
 */
function placeValue(db: Database, key: Bin, value: Value, expire: ExpireTime, repr: number): void {
  db.setKey(key, value, { repr });
  if (expire !== -1) db.setExpire(key, expire);
}

function renameGeneric(c: Client, argv: Bin[], nx: boolean): Reply {
  const [, src, dst] = argv;
  const db = c.db;
  const value = db.lookupWrite(src);
  if (value === undefined) return E.noSuchKey;
  // Renaming a key onto itself changes nothing (no TTL loss, no event).
  if (src === dst) return nx ? 0 : OK;
  const expire = db.getExpireExact(src);
  const repr = db.stringRepr(src);
  // Looked up even when it will be overwritten: an expired destination is reclaimed first.
  if (db.lookupWrite(dst) !== undefined && nx) return 0;
  placeValue(db, dst, value, expire, repr);
  db.detach(src);
  notifyGeneric(c, 'rename_from', src);
  notifyGeneric(c, 'rename_to', dst);
  c.engine.dirty++;
  return nx ? 1 : OK;
}

function renameCommand(c: Client, argv: Bin[]): Reply {
  return renameGeneric(c, argv, false);
}

function renamenxCommand(c: Client, argv: Bin[]): Reply {
  return renameGeneric(c, argv, true);
}

/** A deep copy for COPY: strings are immutable JS strings; collections copy themselves. */
function copyValue(v: Value): Value {
  if (typeof v === 'string') return v;
  if (!v.clone) throw new Error(`COPY of a ${v.type} value: the type does not implement clone()`);
  return v.clone();
}

function copyCommand(c: Client, argv: Bin[]): Reply {
  const [, src, dst] = argv;
  const from = c.db;
  let to = c.db;
  let replace = false;
  for (let i = 3; i < argv.length; i++) {
    if (is(argv[i], 'REPLACE')) {
      replace = true;
    } else if (is(argv[i], 'DB') && i + 1 < argv.length) {
      const idx = dbIndexArg(argv[++i], c.engine.dbs.length);
      if (typeof idx !== 'number') return idx;
      to = c.engine.dbs[idx];
    } else {
      return E.syntax;
    }
  }
  if (from === to && src === dst) return SAME_OBJECT;
  const value = from.lookupRead(src);
  if (value === undefined) return 0;
  const expire = from.getExpireExact(src);
  if (to.lookupWrite(dst) !== undefined && !replace) return 0;
  // The duplicate is a new object: a small integer is no longer Redis's shared one.
  placeValue(to, dst, copyValue(value), expire, from.stringRepr(src) | META_UNSHARED);
  notifyGeneric(c, 'copy_to', dst, to);
  c.engine.dirty++;
  return 1;
}

function moveCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const idx = dbIndexArg(argv[2], c.engine.dbs.length);
  if (typeof idx !== 'number') return idx;
  const from = c.db;
  const to = c.engine.dbs[idx];
  if (from === to) return SAME_OBJECT;
  const value = from.lookupWrite(key);
  if (value === undefined) return 0;
  const expire = from.getExpireExact(key);
  if (to.lookupWrite(key) !== undefined) return 0;
  placeValue(to, key, value, expire, from.stringRepr(key));
  from.detach(key);
  notifyGeneric(c, 'move_from', key, from);
  notifyGeneric(c, 'move_to', key, to);
  c.engine.dirty++;
  return 1;
}

// ---- EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST ----

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

/** The NX/XX/GT/LT flags, or Redis's error for an unknown or conflicting one. */
function expireConditions(argv: Bin[]): number | ErrorReply {
  let flags = 0;
  for (let i = 3; i < argv.length; i++) {
    const opt = argv[i];
    if (is(opt, 'NX')) flags |= EXPIRE_NX;
    else if (is(opt, 'XX')) flags |= EXPIRE_XX;
    else if (is(opt, 'GT')) flags |= EXPIRE_GT;
    else if (is(opt, 'LT')) flags |= EXPIRE_LT;
    else return err(`ERR Unsupported option ${errorArg(opt)}`);
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) {
    return err('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) return err('ERR GT and LT options at the same time are not compatible');
  return flags;
}

/** Below this, seconds * 1000 + a unix-ms base stays a safe integer: no bigint needed. */
const SAFE_EXPIRE_ARG = 2 ** 43;

/**
 * The absolute unix-ms time an EXPIRE-family argument names. Redis refuses (rather than wraps)
 * a value whose unit conversion or addition to the base time overflows int64.
 */
function expireTarget(arg: Bin, baseMs: number, seconds: boolean, command: string): ExpireTime | ErrorReply {
  const small = parseLong(arg);
  if (small === null) return E.notInteger;
  if (Math.abs(small) < SAFE_EXPIRE_ARG) return (seconds ? small * 1000 : small) + baseMs;
  let when = parseInt64(arg)!;
  if (seconds) {
    // C division truncates toward zero, as BigInt division does.
    if (when > INT64_MAX / 1000n || when < INT64_MIN / 1000n) return E.invalidExpire(command);
    when *= 1000n;
  }
  if (when > INT64_MAX - BigInt(baseMs)) return E.invalidExpire(command);
  return when + BigInt(baseMs);
}

function expireGeneric(c: Client, argv: Bin[], command: string, baseMs: number, seconds: boolean): Reply {
  const flags = expireConditions(argv);
  if (flags instanceof ErrorReply) return flags;
  const when = expireTarget(argv[2], baseMs, seconds, command);
  if (when instanceof ErrorReply) return when;
  const key = argv[1];
  const db = c.db;
  if (db.lookupWrite(key) === undefined) return 0;
  if (flags !== 0) {
    const current = db.getExpireExact(key);
    if (flags & EXPIRE_NX && current !== -1) return 0;
    if (flags & EXPIRE_XX && current === -1) return 0;
    // No TTL counts as an infinite one: never "greater than" it, always "less than" it.
    if (flags & EXPIRE_GT && (current === -1 || when <= current)) return 0;
    if (flags & EXPIRE_LT && current !== -1 && when >= current) return 0;
  }
  if (when <= c.engine.now()) {
    // A time already past deletes the key at once (and replicates as DEL).
    db.delete(key);
    notifyGeneric(c, 'del', key);
  } else {
    db.setExpire(key, when);
    db.touch(key);
    notifyGeneric(c, 'expire', key);
  }
  c.engine.dirty++;
  return 1;
}

function expireCommand(c: Client, argv: Bin[]): Reply {
  return expireGeneric(c, argv, 'expire', c.engine.now(), true);
}

function pexpireCommand(c: Client, argv: Bin[]): Reply {
  return expireGeneric(c, argv, 'pexpire', c.engine.now(), false);
}

function expireatCommand(c: Client, argv: Bin[]): Reply {
  return expireGeneric(c, argv, 'expireat', 0, true);
}

function pexpireatCommand(c: Client, argv: Bin[]): Reply {
  return expireGeneric(c, argv, 'pexpireat', 0, false);
}

function persistCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  if (c.db.lookupWrite(key) === undefined || !c.db.removeExpire(key)) return 0;
  c.db.touch(key);
  notifyGeneric(c, 'persist', key);
  c.engine.dirty++;
  return 1;
}

// ---- TTL PTTL EXPIRETIME PEXPIRETIME ----

/** -2 for a missing key, -1 without a TTL, else the TTL or the absolute time, never negative. */
function ttlGeneric(c: Client, key: Bin, inMs: boolean, absolute: boolean): Reply {
  if (lookupNoTouch(c, key) === undefined) return -2;
  const when = c.db.getExpireExact(key);
  if (when === -1) return -1;
  if (typeof when === 'number') {
    const ms = Math.max(0, absolute ? when : when - c.engine.now());
    // Seconds round half up, as Redis's (ttl+500)/1000.
    return inMs ? ms : Math.floor((ms + 500) / 1000);
  }
  let ms = absolute ? when : when - BigInt(c.engine.now());
  if (ms < 0n) ms = 0n;
  return int64Reply(inMs ? ms : (ms + 500n) / 1000n);
}

function ttlCommand(c: Client, argv: Bin[]): Reply {
  return ttlGeneric(c, argv[1], false, false);
}

function pttlCommand(c: Client, argv: Bin[]): Reply {
  return ttlGeneric(c, argv[1], true, false);
}

function expiretimeCommand(c: Client, argv: Bin[]): Reply {
  return ttlGeneric(c, argv[1], false, true);
}

function pexpiretimeCommand(c: Client, argv: Bin[]): Reply {
  return ttlGeneric(c, argv[1], true, true);
}

// ---- OBJECT ----

const OBJECT_HELP = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

/** Redis's refcount of a shared object (small integers are one shared object each). */
const SHARED_REFCOUNT = 2147483647;
/** Integers 0..9999 are shared objects in Redis (OBJ_SHARED_INTEGERS). */
const SHARED_INTEGERS = 10000;
/** LFU counter of a new key (LFU_INIT_VAL). */
const LFU_INIT_VAL = 5;

function objectHelp(_c: Client, argv: Bin[]): Reply {
  return helpReply(argv[0], OBJECT_HELP);
}

function objectEncoding(c: Client, argv: Bin[]): Reply {
  const key = argv[2];
  const v = lookupNoTouch(c, key);
  if (v === undefined) return null;
  return typeof v === 'string' ? stringEncoding(v, c.db.stringRepr(key)) : v.encoding();
}

/**
 * The refcount Redis would report for the value of `key` in `db` (OBJECT REFCOUNT, DEBUG
 * OBJECT): every value is its key's own object except the integers 0..9999, which SET & co.
 * point at one shared object each, unless the value was duplicated (COPY) or an LRU/LFU policy
 * with a memory limit needs a clock per key. The policy is judged now, not when the value was
 * written as Redis does: the two differ only if the policy changed in between.
 */
export function valueRefcount(c: Client, db: Database, key: Bin, v: Value): number {
  if (typeof v !== 'string' || isUnshared(db, key) || stringEncoding(v, db.stringRepr(key)) !== 'int') return 1;
  const n = Number(v);
  if (n < 0 || n >= SHARED_INTEGERS) return 1;
  const policy = c.engine.config.get('maxmemory-policy');
  const evictsByUse = policy.endsWith('-lru') || policy.endsWith('-lfu');
  return evictsByUse && c.engine.config.get('maxmemory') !== '0' ? 1 : SHARED_REFCOUNT;
}

function objectRefcount(c: Client, argv: Bin[]): Reply {
  const key = argv[2];
  const v = lookupNoTouch(c, key);
  return v === undefined ? null : valueRefcount(c, c.db, key, v);
}

function objectIdletime(c: Client, argv: Bin[]): Reply {
  const key = argv[2];
  if (lookupNoTouch(c, key) === undefined) return null;
  if (lfuPolicy(c)) {
    return err(
      'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
    );
  }
  return c.db.idleSeconds(key);
}

function objectFreq(c: Client, argv: Bin[]): Reply {
  const key = argv[2];
  if (lookupNoTouch(c, key) === undefined) return null;
  if (!lfuPolicy(c)) {
    return err(
      'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
    );
  }
  // The keyspace keeps an access clock per key, not an LFU counter yet: this is the counter of
  // a key not read since it was written, decayed by one per lfu-decay-time minutes.
  const decayMinutes = Number(c.engine.config.get('lfu-decay-time'));
  const periods = decayMinutes > 0 ? Math.floor(c.db.idleSeconds(key) / 60 / decayMinutes) : 0;
  return Math.max(0, LFU_INIT_VAL - periods);
}

// ---- the table ----

export const keyCommands: CommandSpec[] = [
  {
    name: 'del',
    arity: -2,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [{ flags: ['RM', 'delete'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Delete a key',
    complexity: 'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: delCommand,
  },
  {
    name: 'unlink',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RM', 'delete'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    group: 'generic',
    since: '4.0.0',
    summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
    complexity: 'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: unlinkCommand,
  },
  {
    name: 'exists',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Determine if a key exists',
    complexity: 'O(N) where N is the number of keys to check.',
    history: [['3.0.3', 'Accepts multiple `key` arguments.']],
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: existsCommand,
  },
  {
    name: 'type',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Determine the type stored at key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: typeCommand,
  },
  {
    name: 'keys',
    arity: 2,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow', 'dangerous'],
    group: 'generic',
    since: '1.0.0',
    summary: 'Find all keys matching the given pattern',
    complexity: 'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    tips: ['request_policy:all_shards', 'nondeterministic_output_order'],
    args: [{ name: 'pattern', type: 'pattern' }],
    handler: keysCommand,
  },
  {
    name: 'scan',
    arity: -2,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    group: 'generic',
    since: '2.8.0',
    summary: 'Incrementally iterate the keys space',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    history: [['6.0.0', 'Added the `TYPE` subcommand.']],
    tips: ['nondeterministic_output', 'request_policy:special'],
    args: [{ name: 'cursor', type: 'integer' }, { name: 'pattern', type: 'pattern', token: 'MATCH', optional: true }, { name: 'count', type: 'integer', token: 'COUNT', optional: true }, { name: 'type', type: 'string', token: 'TYPE', optional: true, since: '6.0.0' }],
    handler: scanCommand,
  },
  {
    name: 'randomkey',
    arity: 1,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    group: 'generic',
    since: '1.0.0',
    summary: 'Return a random key from the keyspace',
    complexity: 'O(1)',
    tips: ['request_policy:all_shards', 'nondeterministic_output'],
    handler: randomkeyCommand,
  },
  {
    name: 'rename',
    arity: 3,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }, { flags: ['OW', 'update'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Rename a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'newkey', type: 'key', keySpecIndex: 1 }],
    handler: renameCommand,
  },
  {
    name: 'renamenx',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }, { flags: ['OW', 'insert'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Rename a key, only if the new key does not exist',
    complexity: 'O(1)',
    history: [['3.2.0', 'The command no longer returns an error when source and destination names are the same.']],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'newkey', type: 'key', keySpecIndex: 1 }],
    handler: renamenxCommand,
  },
  {
    name: 'copy',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }, { flags: ['OW', 'update'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '6.2.0',
    summary: 'Copy a key',
    complexity: 'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
    args: [{ name: 'source', type: 'key', keySpecIndex: 0 }, { name: 'destination', type: 'key', keySpecIndex: 1 }, { name: 'destination-db', type: 'integer', token: 'DB', optional: true }, { name: 'replace', type: 'pure-token', token: 'REPLACE', optional: true }],
    handler: copyCommand,
  },
  {
    name: 'move',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Move a key to another database',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'db', type: 'integer' }],
    handler: moveCommand,
  },
  {
    name: 'touch',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    group: 'generic',
    since: '3.2.1',
    summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
    complexity: 'O(N) where N is the number of keys that will be touched.',
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: touchCommand,
  },
  {
    name: 'expire',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: "Set a key's time to live in seconds",
    complexity: 'O(1)',
    history: [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'seconds', type: 'integer' }, { name: 'condition', type: 'oneof', optional: true, since: '7.0.0', args: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }, { name: 'gt', type: 'pure-token', token: 'GT' }, { name: 'lt', type: 'pure-token', token: 'LT' }] }],
    handler: expireCommand,
  },
  {
    name: 'pexpire',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '2.6.0',
    summary: "Set a key's time to live in milliseconds",
    complexity: 'O(1)',
    history: [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'milliseconds', type: 'integer' }, { name: 'condition', type: 'oneof', optional: true, since: '7.0.0', args: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }, { name: 'gt', type: 'pure-token', token: 'GT' }, { name: 'lt', type: 'pure-token', token: 'LT' }] }],
    handler: pexpireCommand,
  },
  {
    name: 'expireat',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.2.0',
    summary: 'Set the expiration for a key as a UNIX timestamp',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'unix-time-seconds', type: 'unix-time' }, { name: 'condition', type: 'oneof', optional: true, since: '7.0.0', args: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }, { name: 'gt', type: 'pure-token', token: 'GT' }, { name: 'lt', type: 'pure-token', token: 'LT' }] }],
    handler: expireatCommand,
  },
  {
    name: 'pexpireat',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '2.6.0',
    summary: 'Set the expiration for a key as a UNIX timestamp specified in milliseconds',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'unix-time-milliseconds', type: 'unix-time' }, { name: 'condition', type: 'oneof', optional: true, since: '7.0.0', args: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }, { name: 'gt', type: 'pure-token', token: 'GT' }, { name: 'lt', type: 'pure-token', token: 'LT' }] }],
    handler: pexpireatCommand,
  },
  {
    name: 'ttl',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '1.0.0',
    summary: 'Get the time to live for a key in seconds',
    complexity: 'O(1)',
    history: [['2.8.0', 'Added the -2 reply.']],
    tips: ['nondeterministic_output'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: ttlCommand,
  },
  {
    name: 'pttl',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '2.6.0',
    summary: 'Get the time to live for a key in milliseconds',
    complexity: 'O(1)',
    history: [['2.8.0', 'Added the -2 reply.']],
    tips: ['nondeterministic_output'],
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: pttlCommand,
  },
  {
    name: 'expiretime',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '7.0.0',
    summary: 'Get the expiration Unix timestamp for a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: expiretimeCommand,
  },
  {
    name: 'pexpiretime',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '7.0.0',
    summary: 'Get the expiration Unix timestamp for a key in milliseconds',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: pexpiretimeCommand,
  },
  {
    name: 'persist',
    arity: 2,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'generic',
    since: '2.2.0',
    summary: 'Remove the expiration from a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler: persistCommand,
  },
  {
    name: 'object',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'generic',
    since: '2.2.3',
    summary: 'A container for object introspection commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
        {
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      acl: ['keyspace', 'slow'],
      group: 'generic',
      since: '6.2.0',
      summary: 'Show helpful text about the different subcommands',
      complexity: 'O(1)',
      handler: objectHelp,
    },
        {
      name: 'idletime',
      arity: 3,
      flags: ['readonly'],
      acl: ['keyspace', 'read', 'slow'],
      keySpecs: [{ flags: ['RO'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
      group: 'generic',
      since: '2.2.3',
      summary: 'Get the time since a Redis object was last accessed',
      complexity: 'O(1)',
      tips: ['nondeterministic_output'],
      args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
      handler: objectIdletime,
    },
        {
      name: 'freq',
      arity: 3,
      flags: ['readonly'],
      acl: ['keyspace', 'read', 'slow'],
      keySpecs: [{ flags: ['RO'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
      group: 'generic',
      since: '4.0.0',
      summary: 'Get the logarithmic access frequency counter of a Redis object',
      complexity: 'O(1)',
      tips: ['nondeterministic_output'],
      args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
      handler: objectFreq,
    },
        {
      name: 'encoding',
      arity: 3,
      flags: ['readonly'],
      acl: ['keyspace', 'read', 'slow'],
      keySpecs: [{ flags: ['RO'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
      group: 'generic',
      since: '2.2.3',
      summary: 'Inspect the internal encoding of a Redis object',
      complexity: 'O(1)',
      tips: ['nondeterministic_output'],
      args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
      handler: objectEncoding,
    },
        {
      name: 'refcount',
      arity: 3,
      flags: ['readonly'],
      acl: ['keyspace', 'read', 'slow'],
      keySpecs: [{ flags: ['RO'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
      group: 'generic',
      since: '2.2.3',
      summary: 'Get the number of references to the value of the key',
      complexity: 'O(1)',
      tips: ['nondeterministic_output'],
      args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
      handler: objectRefcount,
    },
    ],
  },
];
