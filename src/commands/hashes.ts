// Hash commands (Redis 7.0 t_hash.c). Each handler checks its arguments and the key's type in
// Redis's order, so that of two problems the same error wins; the hash itself (types/hash.ts)
// hides whether a listpack or a table holds it.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, ErrorReply, MapReply, OK, err, type Reply } from '../reply.ts';
import { RedisHash, type HashLimits } from '../types/hash.ts';
import { incrByFloat, isInfinite, parseLongDouble } from '../util/float.ts';
import { INT64_MAX, INT64_MIN, int64Reply, integerText, parseInt64, parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { scanCollection } from './keys.ts';
import { notify } from './events.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';
import { parseRandomCount, samplePositions } from './random-sample.ts';
import type { ArgSpec, CommandSpec, KeySpecFlag } from './spec.ts';

const E_NOT_INTEGER_VALUE = err('ERR hash value is not an integer');
const E_NOT_FLOAT_VALUE = err('ERR hash value is not a float');
const E_NAN_OR_INF_INCR = err('ERR value is NaN or Infinity');

/** Keyspace notification classes (notify-keyspace-events letters). */
const NOTIFY_GENERIC = 'g';
const NOTIFY_HASH = 'h';

function limits(c: Client): HashLimits {
  const config = c.engine.config;
  return { maxEntries: config.getNumber('hash-max-listpack-entries'), maxValue: config.getNumber('hash-max-listpack-value') };
}

/** A hash for a read: undefined when missing, WRONGTYPE for another type. */
function lookupHashRead(c: Client, key: Bin): RedisHash | undefined | ErrorReply {
  return lookupReadAs(c, key, RedisHash);
}

function lookupHashWrite(c: Client, key: Bin): RedisHash | undefined | ErrorReply {
  return lookupWriteAs(c, key, RedisHash);
}

/**
 * After a write: a new hash enters the keyspace (setKey), an existing one changed in place tells
 * WATCH (touch). Then the notification and the dirty count.
 */
function written(c: Client, key: Bin, hash: RedisHash, created: boolean, event: string, dirty: number): void {
  hash.trim();
  if (created) c.db.setKey(key, hash);
  else c.db.touch(key);
  notify(c, NOTIFY_HASH, event, key);
  c.engine.dirty += dirty;
}

// ---- setting ----

/** HSET and HMSET: every pair set, then the count of new fields (HSET) or OK (HMSET). */
function hsetGeneric(c: Client, argv: Bin[], name: string): Reply {
  if (argv.length % 2 === 1) return E.wrongArity(name);
  const key = argv[1];
  const found = lookupHashWrite(c, key);
  if (found instanceof ErrorReply) return found;
  const hash = found ?? new RedisHash();
  const lim = limits(c);
  let created = 0;
  for (let j = 2; j < argv.length; j += 2) if (hash.set(argv[j], argv[j + 1], lim)) created++;
  written(c, key, hash, found === undefined, 'hset', (argv.length - 2) / 2);
  return name === 'hset' ? created : OK;
}

function hsetCommand(c: Client, argv: Bin[]): Reply {
  return hsetGeneric(c, argv, 'hset');
}

function hmsetCommand(c: Client, argv: Bin[]): Reply {
  return hsetGeneric(c, argv, 'hmset');
}

function hsetnxCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const found = lookupHashWrite(c, key);
  if (found instanceof ErrorReply) return found;
  if (found !== undefined && found.has(argv[2])) return 0;
  const hash = found ?? new RedisHash();
  hash.set(argv[2], argv[3], limits(c));
  written(c, key, hash, found === undefined, 'hset', 1);
  return 1;
}

function hdelCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const hash = lookupHashWrite(c, key);
  if (hash === undefined) return 0;
  if (hash instanceof ErrorReply) return hash;
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (!hash.delete(argv[j])) continue;
    deleted++;
    if (hash.size === 0) {
      c.db.delete(key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    if (!keyRemoved) c.db.touch(key);
    notify(c, NOTIFY_HASH, 'hdel', key);
    if (keyRemoved) notify(c, NOTIFY_GENERIC, 'del', key);
    c.engine.dirty += deleted;
  }
  return deleted;
}

// ---- counters ----

function hincrbyCommand(c: Client, argv: Bin[]): Reply {
  const incr = parseInt64(argv[3]);
  if (incr === null) return E.notInteger;
  const key = argv[1];
  const field = argv[2];
  const found = lookupHashWrite(c, key);
  if (found instanceof ErrorReply) return found;
  let current = 0n;
  const old = found?.get(field);
  if (old !== undefined) {
    const v = parseInt64(old);
    if (v === null) return E_NOT_INTEGER_VALUE;
    current = v;
  }
  const next = current + incr;
  if (next > INT64_MAX || next < INT64_MIN) return E.overflow;
  const reply = int64Reply(next);
  const hash = found ?? new RedisHash();
  hash.set(field, integerText(reply), limits(c));
  written(c, key, hash, found === undefined, 'hincrby', 1);
  return reply;
}

function hincrbyfloatCommand(c: Client, argv: Bin[]): Reply {
  const incr = parseLongDouble(argv[3]);
  if (incr === null) return E.notFloat;
  if (isInfinite(incr)) return E_NAN_OR_INF_INCR;
  const key = argv[1];
  const field = argv[2];
  const found = lookupHashWrite(c, key);
  if (found instanceof ErrorReply) return found;
  const r = incrByFloat(found?.get(field) ?? null, argv[3]);
  if ('error' in r) return r.error === 'nan-or-inf' ? E.nanOrInfinity : E_NOT_FLOAT_VALUE;
  const hash = found ?? new RedisHash();
  hash.set(field, r.value, limits(c));
  written(c, key, hash, found === undefined, 'hincrbyfloat', 1);
  return r.value;
}

// ---- reading ----

function hgetCommand(c: Client, argv: Bin[]): Reply {
  const hash = lookupHashRead(c, argv[1]);
  if (hash === undefined) return null;
  if (hash instanceof ErrorReply) return hash;
  return hash.get(argv[2]) ?? null;
}

function hmgetCommand(c: Client, argv: Bin[]): Reply {
  const hash = lookupHashRead(c, argv[1]);
  if (hash instanceof ErrorReply) return hash;
  const out: Reply[] = new Array(argv.length - 2);
  for (let j = 2; j < argv.length; j++) out[j - 2] = hash?.get(argv[j]) ?? null;
  return out;
}

function hlenCommand(c: Client, argv: Bin[]): Reply {
  const hash = lookupHashRead(c, argv[1]);
  if (hash === undefined) return 0;
  return hash instanceof ErrorReply ? hash : hash.size;
}

function hstrlenCommand(c: Client, argv: Bin[]): Reply {
  const hash = lookupHashRead(c, argv[1]);
  if (hash === undefined) return 0;
  if (hash instanceof ErrorReply) return hash;
  return hash.get(argv[2])?.length ?? 0;
}

function hexistsCommand(c: Client, argv: Bin[]): Reply {
  const hash = lookupHashRead(c, argv[1]);
  if (hash === undefined) return 0;
  if (hash instanceof ErrorReply) return hash;
  return hash.has(argv[2]) ? 1 : 0;
}

const KEYS = 1;
const VALUES = 2;

/** genericHgetallCommand: HKEYS, HVALS, and HGETALL (a map in RESP3). */
function hgetallGeneric(c: Client, key: Bin, what: number): Reply {
  const hash = lookupHashRead(c, key);
  if (hash instanceof ErrorReply) return hash;
  const out: Reply[] = [];
  hash?.forEach((field, value) => {
    if (what & KEYS) out.push(field);
    if (what & VALUES) out.push(value);
  });
  return what === (KEYS | VALUES) ? new MapReply(out) : out;
}

function hgetallCommand(c: Client, argv: Bin[]): Reply {
  return hgetallGeneric(c, argv[1], KEYS | VALUES);
}

function hkeysCommand(c: Client, argv: Bin[]): Reply {
  return hgetallGeneric(c, argv[1], KEYS);
}

function hvalsCommand(c: Client, argv: Bin[]): Reply {
  return hgetallGeneric(c, argv[1], VALUES);
}

// ---- HRANDFIELD ----

function hrandfieldCommand(c: Client, argv: Bin[]): Reply {
  const random = (n: number): number => Math.floor(c.engine.host.random() * n);
  if (argv.length >= 3) {
    const args = parseRandomCount(argv, 'WITHVALUES');
    if (args instanceof ErrorReply) return args;
    const hash = lookupHashRead(c, argv[1]);
    if (hash === undefined) return [];
    if (hash instanceof ErrorReply) return hash;
    const nested = args.withValues && c.resp === 3;
    const out: Reply[] = [];
    // A listpack answers a distinct sample in its own order, as Redis's lpRandomPairsUnique does.
    for (const i of samplePositions(hash.size, args.count, random, hash.encoding() === 'listpack')) {
      if (nested) out.push([hash.fieldAt(i), hash.valueAt(i)]);
      else if (args.withValues) out.push(hash.fieldAt(i), hash.valueAt(i));
      else out.push(hash.fieldAt(i));
    }
    return out;
  }
  const hash = lookupHashRead(c, argv[1]);
  if (hash === undefined) return null;
  if (hash instanceof ErrorReply) return hash;
  return hash.fieldAt(random(hash.size));
}

// ---- HSCAN ----

function hscanCommand(c: Client, argv: Bin[]): Reply {
  return scanCollection(c, argv, lookupHashRead, (hash, start, count, items, matches) =>
    hash.scan(start, count, (field, value) => {
      if (matches(field)) items.push(field, value);
    }),
  );
}

// ---- the command table ----

/** A hash command's spec: its one key is argv[1], with these key-spec flags. */
type HashCommandSpec = Omit<CommandSpec, 'group' | 'keySpecs'> & { key: KeySpecFlag[] };

function hashCommand({ key, ...spec }: HashCommandSpec): CommandSpec {
  return { ...spec, keySpecs: [{ flags: key, begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }], group: 'hash' };
}

const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };

export const hashCommands: CommandSpec[] = [
  hashCommand({
    name: 'hset',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'update'],
    since: '2.0.0',
    summary: 'Set the string value of a hash field',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    history: [
      ['4.0.0', 'Accepts multiple `field` and `value` arguments.'],
    ],
    args: [
      KEY_ARG,
      { name: 'field_value', type: 'block', multiple: true, args: [
        { name: 'field', type: 'string' },
        { name: 'value', type: 'string' },
      ] },
    ],
    handler: hsetCommand,
  }),
  hashCommand({
    name: 'hsetnx',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'insert'],
    since: '2.0.0',
    summary: 'Set the value of a hash field, only if the field does not exist',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
      { name: 'value', type: 'string' },
    ],
    handler: hsetnxCommand,
  }),
  hashCommand({
    name: 'hget',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    key: ['RO', 'access'],
    since: '2.0.0',
    summary: 'Get the value of a hash field',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
    ],
    handler: hgetCommand,
  }),
  hashCommand({
    name: 'hmget',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    key: ['RO', 'access'],
    since: '2.0.0',
    summary: 'Get the values of all the given hash fields',
    complexity: 'O(N) where N is the number of fields being requested.',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string', multiple: true },
    ],
    handler: hmgetCommand,
  }),
  hashCommand({
    name: 'hmset',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'update'],
    since: '2.0.0',
    summary: 'Set multiple hash fields to multiple values',
    complexity: 'O(N) where N is the number of fields being set.',
    docFlags: ['deprecated'],
    deprecatedSince: '4.0.0',
    replacedBy: '`HSET` with multiple field-value pairs',
    args: [
      KEY_ARG,
      { name: 'field_value', type: 'block', multiple: true, args: [
        { name: 'field', type: 'string' },
        { name: 'value', type: 'string' },
      ] },
    ],
    handler: hmsetCommand,
  }),
  hashCommand({
    name: 'hgetall',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    key: ['RO', 'access'],
    since: '2.0.0',
    summary: 'Get all the fields and values in a hash',
    complexity: 'O(N) where N is the size of the hash.',
    tips: ['nondeterministic_output_order'],
    args: [
      KEY_ARG,
    ],
    handler: hgetallCommand,
  }),
  hashCommand({
    name: 'hdel',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'delete'],
    since: '2.0.0',
    summary: 'Delete one or more hash fields',
    complexity: 'O(N) where N is the number of fields to be removed.',
    history: [
      ['2.4.0', 'Accepts multiple `field` arguments.'],
    ],
    args: [
      KEY_ARG,
      { name: 'field', type: 'string', multiple: true },
    ],
    handler: hdelCommand,
  }),
  hashCommand({
    name: 'hlen',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    key: ['RO'],
    since: '2.0.0',
    summary: 'Get the number of fields in a hash',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
    ],
    handler: hlenCommand,
  }),
  hashCommand({
    name: 'hstrlen',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    key: ['RO'],
    since: '3.2.0',
    summary: 'Get the length of the value of a hash field',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
    ],
    handler: hstrlenCommand,
  }),
  hashCommand({
    name: 'hexists',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    key: ['RO'],
    since: '2.0.0',
    summary: 'Determine if a hash field exists',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
    ],
    handler: hexistsCommand,
  }),
  hashCommand({
    name: 'hkeys',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    key: ['RO', 'access'],
    since: '2.0.0',
    summary: 'Get all the fields in a hash',
    complexity: 'O(N) where N is the size of the hash.',
    tips: ['nondeterministic_output_order'],
    args: [
      KEY_ARG,
    ],
    handler: hkeysCommand,
  }),
  hashCommand({
    name: 'hvals',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    key: ['RO', 'access'],
    since: '2.0.0',
    summary: 'Get all the values in a hash',
    complexity: 'O(N) where N is the size of the hash.',
    tips: ['nondeterministic_output_order'],
    args: [
      KEY_ARG,
    ],
    handler: hvalsCommand,
  }),
  hashCommand({
    name: 'hincrby',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'access', 'update'],
    since: '2.0.0',
    summary: 'Increment the integer value of a hash field by the given number',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
      { name: 'increment', type: 'integer' },
    ],
    handler: hincrbyCommand,
  }),
  hashCommand({
    name: 'hincrbyfloat',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    key: ['RW', 'access', 'update'],
    since: '2.6.0',
    summary: 'Increment the float value of a hash field by the given amount',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'field', type: 'string' },
      { name: 'increment', type: 'double' },
    ],
    handler: hincrbyfloatCommand,
  }),
  hashCommand({
    name: 'hrandfield',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    key: ['RO', 'access'],
    since: '6.2.0',
    summary: 'Get one or multiple random fields from a hash',
    complexity: 'O(N) where N is the number of fields returned',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'options', type: 'block', optional: true, args: [
        { name: 'count', type: 'integer' },
        { name: 'withvalues', type: 'pure-token', token: 'WITHVALUES', optional: true },
      ] },
    ],
    handler: hrandfieldCommand,
  }),
  hashCommand({
    name: 'hscan',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    key: ['RO', 'access'],
    since: '2.8.0',
    summary: 'Incrementally iterate hash fields and associated values',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', optional: true },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: hscanCommand,
  }),
];
