// Stream consumer groups (Redis 7.0 t_stream.c): XGROUP, XREADGROUP (with BLOCK), XACK,
// XPENDING, XCLAIM, XAUTOCLAIM and XINFO. Arguments are checked in Redis's order so that of two
// problems the same error wins; the group state lives in types/stream-group.ts, the entries in
// the stream (types/stream.ts), reached through the small adapter below.
//
// None of these commands touches WATCH (Redis calls no signalModifiedKey for them), except
// XGROUP CREATE MKSTREAM, which creates the key.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { blockClient, parseTimeout, type ServeBlocked } from '../keyspace/blocking.ts';
import { E, ErrorReply, MapReply, NULL_ARRAY, OK, err, type Reply } from '../reply.ts';
import { StreamGroup, idKey, incrementCount, keyId, type Consumer, type IdKey, type Nack } from '../types/stream-group.ts';
import {
  INVALID_ENTRIES_READ,
  MAX_ID,
  Stream,
  U64_MAX,
  ZERO_ID,
  compareIds,
  decrId,
  idToString,
  incrId,
  parseStreamId,
  type StreamEntry,
  type StreamID,
} from '../types/stream.ts';
import { parseInt64 } from '../util/number.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import { helpReply, subcommandSyntaxError } from './help.ts';
import type { ArgSpec, CommandSpec, Handler, KeySpec, KeySpecFlag } from './spec.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';

const NOTIFY_STREAM = 't';

const E_INVALID_ID = err('ERR Invalid stream ID specified as stream command argument');
const E_BUSYGROUP = err('BUSYGROUP Consumer Group name already exists');
const E_KEY_REQUIRED = err(
  'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
);
const E_ENTRIESREAD = err('ERR value for ENTRIESREAD must be positive or -1');
const E_START_INTERVAL = err('ERR invalid start ID for the interval');
const E_END_INTERVAL = err('ERR invalid end ID for the interval');
const E_MISSING_GROUP = err('ERR Missing GROUP option for XREADGROUP');
const E_DOLLAR = err(
  'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
);
const E_GROUP_GONE = err('NOGROUP the consumer group this client was blocked on no longer exists');
const E_KEY_GONE = err('UNBLOCKED the stream key no longer exists');
// Redis 7.0 words it for XREAD whichever command it is.
const E_UNBALANCED = err("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
const E_AUTOCLAIM_COUNT = err('ERR COUNT must be > 0');

/** What a C format's %s shows of an argument: the bytes before the first NUL. */
function cString(s: Bin): Bin {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

function noGroupFor(group: Bin, key: Bin): ErrorReply {
  return err(`NOGROUP No such consumer group '${cString(group)}' for key name '${cString(key)}'`);
}

function noKeyOrGroup(key: Bin, group: Bin, suffix = ''): ErrorReply {
  return err(`NOGROUP No such key '${cString(key)}' or consumer group '${cString(group)}'${suffix}`);
}

/** getLongLongFromObjectOrReply, with Redis's default or a custom message. */
function int64Arg(arg: Bin, message?: string): bigint | ErrorReply {
  const v = parseInt64(arg);
  return v === null ? (message ? err(`ERR ${message}`) : E.notInteger) : v;
}

/** An ID argument (streamParseIDOrReply; `strict` refuses '-' and '+'), or null. */
function parseId(arg: Bin, missingSeq: 'zero' | 'max', strict: boolean): StreamID | null {
  return parseStreamId(arg, missingSeq === 'max' ? U64_MAX : 0n, strict)?.id ?? null;
}

/** A strict ID argument (no '-' / '+'), or the invalid-ID error. */
function strictId(arg: Bin): StreamID | ErrorReply {
  return parseId(arg, 'zero', true) ?? E_INVALID_ID;
}

/** streamParseIntervalIDOrReply + the '(' exclusive bound moved by one. */
function intervalId(arg: Bin, missingSeq: 'zero' | 'max', isStart: boolean): StreamID | ErrorReply {
  const exclusive = arg.length > 1 && arg.charCodeAt(0) === 0x28;
  const id = exclusive ? parseId(arg.slice(1), missingSeq, true) : parseId(arg, missingSeq, false);
  if (id === null) return E_INVALID_ID;
  if (!exclusive) return id;
  const moved = isStart ? incrId(id) : decrId(id);
  return moved ?? (isStart ? E_START_INTERVAL : E_END_INTERVAL);
}

/** What C's strcmp sees: the argument up to its first NUL is exactly `word` ('$', '>'). */
function isSymbol(arg: Bin, word: string): boolean {
  return cString(arg) === word;
}

function streamForRead(c: Client, key: Bin): Stream | undefined | ErrorReply {
  return lookupReadAs(c, key, Stream);
}

function streamForWrite(c: Client, key: Bin): Stream | undefined | ErrorReply {
  return lookupWriteAs(c, key, Stream);
}

function lookupGroup(s: Stream, name: Bin): StreamGroup | undefined {
  return s.groups?.get(name);
}

/** An entry as replies show it: [id, [field, value, ...]]. */
function entryReply(id: StreamID, fields: Bin[]): Reply {
  return [idToString(id), fields];
}

/** A PEL key as replies show it. */
function keyText(k: IdKey): Bin {
  return idToString(keyId(k));
}

// ---- lag (streamReplyWithCGLag) ----

/** The group's lag: entries in the stream not yet delivered to it, or null when unknowable. */
export function groupLag(s: Stream, g: StreamGroup): number | null {
  if (s.entriesAdded === 0) return 0;
  if (g.entriesRead !== INVALID_ENTRIES_READ && !s.rangeHasTombstones(g.lastId, null)) return s.entriesAdded - g.entriesRead;
  const read = s.estimateDistanceFromFirstEverEntry(g.lastId);
  return read === INVALID_ENTRIES_READ ? null : s.entriesAdded - read;
}

// ---- delivering entries to a group (streamReplyWithRange with a group) ----

interface Delivery {
  group: StreamGroup;
  consumer: Consumer;
  noack: boolean;
}

/** The live entries after the group's last-delivered ID, up to `count` (0 for all). */
function newEntries(s: Stream, group: StreamGroup, count: number): StreamEntry[] {
  const start = incrId(group.lastId);
  return start === null ? [] : s.entries(start, MAX_ID, false, count);
}

/**
 * Delivers entries read by newEntries to a consumer: each moves the group's last ID and read
 * counter, and unless NOACK becomes pending for the consumer.
 */
function deliverNew(c: Client, s: Stream, d: Delivery, entries: StreamEntry[]): Reply[] {
  const { group, consumer } = d;
  const now = c.engine.now();
  const out: Reply[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const { id, fields } = entries[i];
    if (compareIds(id, group.lastId) > 0) {
      if (group.entriesRead !== INVALID_ENTRIES_READ && !s.rangeHasTombstones(id, null)) group.entriesRead++;
      else if (s.entriesAdded !== 0) group.entriesRead = s.estimateDistanceFromFirstEverEntry(id);
      group.lastId = id;
    }
    out[i] = entryReply(id, fields);
    if (!d.noack) group.deliver(idKey(id), consumer, now);
  }
  if (entries.length > 0) c.engine.dirty++;
  return out;
}

/**
 * The consumer's own pending entries from `start` (streamReplyWithRangeFromConsumerPEL): each
 * counts as delivered again; one deleted from the stream meanwhile shows as [id, nil].
 */
function deliverHistory(c: Client, s: Stream, consumer: Consumer, start: StreamID, count: number): Reply[] {
  const out: Reply[] = [];
  const now = c.engine.now();
  consumer.pel.forEachFrom(idKey(start), (k, nack) => {
    if (count !== 0 && out.length >= count) return false;
    const id = keyId(k);
    const fields = s.get(id);
    if (fields === undefined) {
      out.push([idToString(id), NULL_ARRAY]);
    } else {
      out.push(entryReply(id, fields));
      nack.deliveryTime = now;
      nack.deliveryCount = incrementCount(nack.deliveryCount);
    }
    return true;
  });
  return out;
}

/** The consumer a read or claim is for, created if needed and seen now (streamLookupConsumer SLC_DEFAULT). */
function activeConsumer(c: Client, group: StreamGroup, name: Bin, key: Bin, now: number): Consumer {
  const { consumer, created } = group.lookupOrCreateConsumer(name, now);
  if (created) {
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-createconsumer', key);
  }
  consumer.seenTime = now;
  return consumer;
}

// ---- XGROUP ----

function xgroupCommand(c: Client, argv: Bin[]): Reply {
  const sub = argv[1];
  const isCreate = is(sub, 'CREATE');
  const isSetid = is(sub, 'SETID');
  if (argv.length === 2 && is(sub, 'HELP')) return helpReply('xgroup', XGROUP_HELP);
  let mkstream = false;
  let entriesRead = INVALID_ENTRIES_READ;
  let s: Stream | undefined;
  let group: StreamGroup | undefined;
  const key = argv[2];
  const groupName = argv[3];
  if (argv.length >= 4) {
    for (let i = 5; i < argv.length; ) {
      if (isCreate && is(argv[i], 'MKSTREAM')) {
        mkstream = true;
        i++;
      } else if ((isCreate || isSetid) && is(argv[i], 'ENTRIESREAD') && i + 1 < argv.length) {
        const n = int64Arg(argv[i + 1]);
        if (n instanceof ErrorReply) return n;
        if (n < 0n && n !== -1n) return E_ENTRIESREAD;
        entriesRead = Number(n);
        i += 2;
      } else {
        return subcommandSyntaxError(argv);
      }
    }
    const found = streamForWrite(c, key);
    if (found instanceof ErrorReply) return found;
    s = found;
    if (!mkstream) {
      if (s === undefined) return E_KEY_REQUIRED;
      group = lookupGroup(s, groupName);
      if (group === undefined && (isSetid || is(sub, 'CREATECONSUMER') || is(sub, 'DELCONSUMER'))) return noGroupFor(groupName, key);
    }
  }

  if (isCreate && argv.length >= 5 && argv.length <= 8) {
    let id: StreamID;
    if (isSymbol(argv[4], '$')) id = s ? s.lastId : ZERO_ID;
    else {
      const parsed = strictId(argv[4]);
      if (parsed instanceof ErrorReply) return parsed;
      id = parsed;
    }
    if (s === undefined) {
      s = new Stream();
      c.db.setKey(key, s);
    }
    if (s.groups?.has(groupName)) return E_BUSYGROUP;
    (s.groups ??= new Map()).set(groupName, new StreamGroup(id, entriesRead));
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-create', key);
    return OK;
  }
  if (isSetid && (argv.length === 5 || argv.length === 7)) {
    let id: StreamID;
    if (isSymbol(argv[4], '$')) id = s!.lastId;
    else {
      const parsed = parseId(argv[4], 'zero', false);
      if (parsed === null) return E_INVALID_ID;
      id = parsed;
    }
    group!.lastId = id;
    group!.entriesRead = entriesRead;
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-setid', key);
    return OK;
  }
  if (is(sub, 'DESTROY') && argv.length === 4) {
    if (group === undefined) return 0;
    s!.groups!.delete(groupName);
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-destroy', key);
    // XREADGROUP clients blocked on this group learn of it (-NOGROUP).
    c.engine.signalKeyAsReady(c.db, key);
    return 1;
  }
  if (is(sub, 'CREATECONSUMER') && argv.length === 5) {
    const created = group!.createConsumer(argv[4], c.engine.now());
    if (created === undefined) return 0;
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-createconsumer', key);
    return 1;
  }
  if (is(sub, 'DELCONSUMER') && argv.length === 5) {
    const consumer = group!.consumer(argv[4]);
    if (consumer === undefined) return 0;
    const pending = group!.deleteConsumer(consumer);
    c.engine.dirty++;
    notify(c, NOTIFY_STREAM, 'xgroup-delconsumer', key);
    return pending;
  }
  return subcommandSyntaxError(argv);
}

const XGROUP_HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

// ---- XREADGROUP ----

/** Entries served to a client blocked without COUNT at a time (XREAD_BLOCKED_DEFAULT_COUNT). */
const BLOCKED_DEFAULT_COUNT = 1000;

/** The '>' ID: Redis marks it as the largest ID, as here. */
const NEW_ENTRIES = MAX_ID;

interface ReadGroupArgs {
  timeoutAt: number;
  blocking: boolean;
  count: number;
  noack: boolean;
  groupName: Bin;
  consumerName: Bin;
  keys: Bin[];
  ids: StreamID[];
  groups: StreamGroup[];
}

/** One key's part of the reply: [key, entries] (RESP3: a map entry). */
function keyReply(c: Client, parts: [Bin, Reply[]][]): Reply {
  if (c.resp === 3) return new MapReply(parts.flat());
  return parts;
}

function xreadgroupCommand(c: Client, argv: Bin[]): Reply {
  let timeoutAt = 0;
  let blocking = false;
  let count = 0;
  let streamsAt = 0;
  let noack = false;
  let groupName: Bin | null = null;
  let consumerName: Bin = '';
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = argv[i];
    if (is(o, 'BLOCK') && more > 0) {
      const t = parseTimeout(c, argv[++i], 'milliseconds');
      if (t instanceof ErrorReply) return t;
      timeoutAt = t;
      blocking = true;
    } else if (is(o, 'COUNT') && more > 0) {
      const n = int64Arg(argv[++i]);
      if (n instanceof ErrorReply) return n;
      count = n < 0n ? 0 : Number(n);
    } else if (is(o, 'STREAMS') && more > 0) {
      streamsAt = i + 1;
      if ((argv.length - streamsAt) % 2 !== 0) {
        return E_UNBALANCED;
      }
      break;
    } else if (is(o, 'GROUP') && more >= 2) {
      groupName = argv[i + 1];
      consumerName = argv[i + 2];
      i += 2;
    } else if (is(o, 'NOACK')) {
      noack = true;
    } else {
      return E.syntax;
    }
  }
  if (streamsAt === 0) return E.syntax;
  if (groupName === null) return E_MISSING_GROUP;
  const n = (argv.length - streamsAt) / 2;
  const args: ReadGroupArgs = { timeoutAt, blocking, count, noack, groupName, consumerName, keys: argv.slice(streamsAt, streamsAt + n), ids: [], groups: [] };
  for (let i = 0; i < n; i++) {
    const key = args.keys[i];
    const s = streamForRead(c, key);
    if (s instanceof ErrorReply) return s;
    const group = s === undefined ? undefined : lookupGroup(s, groupName);
    if (group === undefined) return noKeyOrGroup(key, groupName, ' in XREADGROUP with GROUP option');
    args.groups.push(group);
    const arg = argv[streamsAt + n + i];
    if (isSymbol(arg, '$')) return E_DOLLAR;
    if (isSymbol(arg, '>')) {
      args.ids.push(NEW_ENTRIES);
      continue;
    }
    const id = strictId(arg);
    if (id instanceof ErrorReply) return id;
    args.ids.push(id);
  }
  return readGroup(c, args);
}

function readGroup(c: Client, a: ReadGroupArgs): Reply {
  const parts: [Bin, Reply[]][] = [];
  const now = c.engine.now();
  for (let i = 0; i < a.keys.length; i++) {
    const s = c.db.lookupRead(a.keys[i]) as Stream;
    const group = a.groups[i];
    const id = a.ids[i];
    // An ID of 2^64-1-(2^64-1) reads as '>', as in Redis.
    const history = compareIds(id, NEW_ENTRIES) !== 0;
    // '>' serves when a live entry follows the group's last ID (streamLastValidID > last_id).
    const entries = history ? null : newEntries(s, group, a.count);
    if (entries !== null && entries.length === 0) continue;
    // The consumer is created (and seen) only when served.
    const consumer = activeConsumer(c, group, a.consumerName, a.keys[i], now);
    if (entries === null) parts.push([a.keys[i], deliverHistory(c, s, consumer, incrId(id) ?? ZERO_ID, a.count)]);
    else parts.push([a.keys[i], deliverNew(c, s, { group, consumer, noack: a.noack }, entries)]);
  }
  if (parts.length > 0) return keyReply(c, parts);
  if (!a.blocking) return NULL_ARRAY;
  const count = a.count === 0 ? BLOCKED_DEFAULT_COUNT : a.count;
  const serve: ServeBlocked = (bc, key) => serveBlocked(bc, key, a, count);
  return blockClient(c, a.keys, a.timeoutAt, serve, NULL_ARRAY);
}

/**
 * A client blocked in XREADGROUP, woken on `key` (serveClientsBlockedOnStreamKey and
 * unblockDeletedStreamReadgroupClients): an error when the key or the group went away, the
 * new entries when the stream's last ID moved past the group's, else keep waiting.
 */
function serveBlocked(c: Client, key: Bin, a: ReadGroupArgs, count: number): Reply | undefined {
  const v = c.db.lookupRead(key);
  if (!(v instanceof Stream)) return E_KEY_GONE;
  const group = lookupGroup(v, a.groupName);
  if (group === undefined) return E_GROUP_GONE;
  if (compareIds(v.lastId, group.lastId) <= 0) return undefined;
  const now = c.engine.now();
  const consumer = activeConsumer(c, group, a.consumerName, key, now);
  return keyReply(c, [[key, deliverNew(c, v, { group, consumer, noack: a.noack }, newEntries(v, group, count))]]);
}

// ---- XACK ----

function xackCommand(c: Client, argv: Bin[]): Reply {
  const s = streamForRead(c, argv[1]);
  if (s instanceof ErrorReply) return s;
  const group = s === undefined ? undefined : lookupGroup(s, argv[2]);
  if (group === undefined) return 0;
  const ids: IdKey[] = [];
  for (let j = 3; j < argv.length; j++) {
    const id = strictId(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(idKey(id));
  }
  let acked = 0;
  for (const id of ids) {
    if (group.ack(id)) {
      acked++;
      c.engine.dirty++;
    }
  }
  return acked;
}

// ---- XPENDING ----

function xpendingCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const groupName = argv[2];
  const summary = argv.length === 3;
  if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) return E.syntax;
  let start = ZERO_ID;
  let end = MAX_ID;
  let count = 0;
  let minIdle = 0;
  let consumerName: Bin | null = null;
  if (argv.length >= 6) {
    let at = 3;
    if (is(argv[3], 'IDLE')) {
      const idle = int64Arg(argv[4]);
      if (idle instanceof ErrorReply) return idle;
      if (argv.length < 8) return E.syntax;
      minIdle = Number(idle);
      at += 2;
    }
    const n = int64Arg(argv[at + 2]);
    if (n instanceof ErrorReply) return n;
    count = n < 0n ? 0 : Number(n);
    const from = intervalId(argv[at], 'zero', true);
    if (from instanceof ErrorReply) return from;
    const to = intervalId(argv[at + 1], 'max', false);
    if (to instanceof ErrorReply) return to;
    start = from;
    end = to;
    if (at + 3 < argv.length) consumerName = argv[at + 3];
  }
  const s = streamForRead(c, key);
  if (s instanceof ErrorReply) return s;
  const group = s === undefined ? undefined : lookupGroup(s, groupName);
  if (group === undefined) return noKeyOrGroup(key, groupName);

  if (summary) {
    const pel = group.pel;
    if (pel.size === 0) return [0, null, null, NULL_ARRAY];
    const owners: Reply[] = [];
    for (const consumer of group.sortedConsumers()) {
      if (consumer.pel.size > 0) owners.push([consumer.name, String(consumer.pel.size)]);
    }
    return [pel.size, keyText(pel.first()!), keyText(pel.last()!), owners];
  }
  let pel = group.pel;
  if (consumerName !== null) {
    const consumer = group.consumer(consumerName);
    if (consumer === undefined) return [];
    pel = consumer.pel;
  }
  const now = c.engine.now();
  const out: Reply[] = [];
  if (count === 0) return out;
  const endKey = idKey(end);
  pel.forEachFrom(idKey(start), (k, nack) => {
    if (k > endKey) return false;
    const idle = now - nack.deliveryTime;
    if (minIdle !== 0 && idle < minIdle) return true;
    out.push([keyText(k), nack.consumer.name, idle < 0 ? 0 : idle, nack.deliveryCount]);
    return out.length < count;
  });
  return out;
}

// ---- XCLAIM ----


function xclaimCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const s = streamForRead(c, key);
  if (s instanceof ErrorReply) return s;
  const group = s === undefined ? undefined : lookupGroup(s, argv[2]);
  if (s === undefined || group === undefined) return noKeyOrGroup(key, argv[2]);
  const minIdleArg = int64Arg(argv[4], 'Invalid min-idle-time argument for XCLAIM');
  if (minIdleArg instanceof ErrorReply) return minIdleArg;
  const minIdle = minIdleArg < 0n ? 0 : Number(minIdleArg);

  // The IDs come first; the first argument that is not one starts the options.
  const ids: StreamID[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const id = parseId(argv[j], 'zero', true);
    if (id === null) break;
    ids.push(id);
  }
  const now = c.engine.now();
  let force = false;
  let justid = false;
  let deliveryTime = -1;
  let retryCount: bigint = -1n;
  let lastId = ZERO_ID;
  for (; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j];
    if (is(opt, 'FORCE')) force = true;
    else if (is(opt, 'JUSTID')) justid = true;
    else if (is(opt, 'IDLE') && more > 0) {
      const v = int64Arg(argv[++j], 'Invalid IDLE option argument for XCLAIM');
      if (v instanceof ErrorReply) return v;
      deliveryTime = now - Number(v);
    } else if (is(opt, 'TIME') && more > 0) {
      const v = int64Arg(argv[++j], 'Invalid TIME option argument for XCLAIM');
      if (v instanceof ErrorReply) return v;
      deliveryTime = Number(v);
    } else if (is(opt, 'RETRYCOUNT') && more > 0) {
      const v = int64Arg(argv[++j], 'Invalid RETRYCOUNT option argument for XCLAIM');
      if (v instanceof ErrorReply) return v;
      retryCount = v;
    } else if (is(opt, 'LASTID') && more > 0) {
      const v = strictId(argv[++j]);
      if (v instanceof ErrorReply) return v;
      lastId = v;
    } else {
      return err(`ERR Unrecognized XCLAIM option '${cString(opt)}'`);
    }
  }
  if (compareIds(lastId, group.lastId) > 0) group.lastId = lastId;
  // A bogus time (negative, or in the future) means now.
  if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;

  // The consumer is looked up (and created) only when it claims something.
  let consumer: Consumer | null = null;
  const out: Reply[] = [];
  for (const id of ids) {
    const k = idKey(id);
    let nack = group.pel.get(k);
    const fields = s.get(id);
    if (fields === undefined) {
      // Deleted from the stream: its pending entry goes too.
      if (nack !== undefined) {
        group.ack(k);
        c.engine.dirty++;
      }
      continue;
    }
    if (nack !== undefined && minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    if (nack === undefined && !force) continue;
    consumer ??= activeConsumer(c, group, argv[3], key, now);
    if (nack === undefined) {
      nack = { deliveryTime: now, deliveryCount: 1, consumer };
      group.pel.set(k, nack);
      consumer.pel.set(k, nack);
    } else {
      group.transfer(k, nack, consumer);
    }
    nack.deliveryTime = deliveryTime;
    if (retryCount >= 0n) nack.deliveryCount = retryCount <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(retryCount) : retryCount;
    else if (!justid) nack.deliveryCount = incrementCount(nack.deliveryCount);
    out.push(justid ? idToString(id) : entryReply(id, fields));
    c.engine.dirty++;
  }
  return out;
}

// ---- XAUTOCLAIM ----

/** XAUTOCLAIM looks at up to COUNT * 10 pending entries per call. */
const AUTOCLAIM_ATTEMPTS_FACTOR = 10;
/** LONG_MAX / max(sizeof(streamID), attempts factor): the largest COUNT Redis accepts. */
const AUTOCLAIM_MAX_COUNT = 9223372036854775807n / 16n;

function xautoclaimCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const minIdleArg = int64Arg(argv[4], 'Invalid min-idle-time argument for XAUTOCLAIM');
  if (minIdleArg instanceof ErrorReply) return minIdleArg;
  const minIdle = minIdleArg < 0n ? 0 : Number(minIdleArg);
  const start = intervalId(argv[5], 'zero', true);
  if (start instanceof ErrorReply) return start;
  let count = 100;
  let justid = false;
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (is(argv[j], 'COUNT') && more > 0) {
      const v = parseInt64(argv[j + 1]);
      if (v === null || v < 1n || v > AUTOCLAIM_MAX_COUNT) return E_AUTOCLAIM_COUNT;
      count = Number(v);
      j++;
    } else if (is(argv[j], 'JUSTID')) {
      justid = true;
    } else {
      return E.syntax;
    }
  }
  const s = streamForRead(c, key);
  if (s instanceof ErrorReply) return s;
  const group = s === undefined ? undefined : lookupGroup(s, argv[2]);
  if (s === undefined || group === undefined) return noKeyOrGroup(key, argv[2]);

  const now = c.engine.now();
  let consumer: Consumer | null = null;
  let attempts = count * AUTOCLAIM_ATTEMPTS_FACTOR;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let cursor = group.pel.ceiling(idKey(start));
  while (attempts-- > 0 && count > 0 && cursor !== undefined) {
    const k: IdKey = cursor;
    const nack: Nack = group.pel.get(k)!;
    const id = keyId(k);
    const fields = s.get(id);
    if (fields === undefined) {
      // Deleted from the stream: drop it from the PEL and report it.
      group.ack(k);
      c.engine.dirty++;
      deleted.push(idToString(id));
      count--;
      cursor = group.pel.ceiling(k);
      continue;
    }
    cursor = group.pel.after(k);
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= activeConsumer(c, group, argv[3], key, now);
    group.transfer(k, nack, consumer);
    nack.deliveryTime = now;
    if (!justid) nack.deliveryCount = incrementCount(nack.deliveryCount);
    claimed.push(justid ? idToString(id) : entryReply(id, fields));
    count--;
    c.engine.dirty++;
  }
  // The next call's start: the entry after the last one looked at, or 0-0 when done.
  return [cursor === undefined ? '0-0' : keyText(cursor), claimed, deleted];
}

// ---- XINFO ----

function xinfoCommand(c: Client, argv: Bin[]): Reply {
  if (is(argv[1], 'HELP')) return helpReply('xinfo', XINFO_HELP);
  const key = argv[2];
  const s = streamForRead(c, key);
  if (s instanceof ErrorReply) return s;
  if (s === undefined) return E.noSuchKey;
  const sub = argv[1];
  if (is(sub, 'CONSUMERS') && argv.length === 4) {
    const group = lookupGroup(s, argv[3]);
    if (group === undefined) return noGroupFor(argv[3], key);
    const now = c.engine.now();
    return group.sortedConsumers().map((consumer) => {
      const idle = now - consumer.seenTime;
      return new MapReply(['name', consumer.name, 'pending', consumer.pel.size, 'idle', idle < 0 ? 0 : idle]);
    });
  }
  if (is(sub, 'GROUPS') && argv.length === 3) {
    if (s.groups === null) return [];
    return sortedGroups(s).map(
      ([name, g]) =>
        new MapReply([
          'name', name,
          'consumers', g.consumers.size,
          'pending', g.pel.size,
          'last-delivered-id', idToString(g.lastId),
          'entries-read', g.entriesRead === INVALID_ENTRIES_READ ? null : g.entriesRead,
          'lag', groupLag(s, g),
        ]),
    );
  }
  if (is(sub, 'STREAM')) return xinfoStream(argv, s);
  return subcommandSyntaxError(argv);
}

function sortedGroups(s: Stream): [Bin, StreamGroup][] {
  return [...(s.groups ?? new Map<Bin, StreamGroup>()).entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** XINFO STREAM <key> [FULL [COUNT <count>]] (xinfoReplyWithStreamInfo). */
function xinfoStream(argv: Bin[], s: Stream): Reply {
  const opts = argv.length - 3;
  let full = false;
  let count = 10;
  if (opts !== 0) {
    if (opts !== 1 && opts !== 3) return subcommandSyntaxError(argv);
    if (!is(argv[3], 'FULL')) return subcommandSyntaxError(argv);
    if (opts === 3) {
      if (!is(argv[4], 'COUNT')) return subcommandSyntaxError(argv);
      const n = int64Arg(argv[5]);
      if (n instanceof ErrorReply) return n;
      count = n < 0n ? 10 : Number(n);
    }
    full = true;
  }
  const head: Reply[] = [
    'length', s.length,
    'radix-tree-keys', s.nodeCount,
    'radix-tree-nodes', s.radixTreeNodes(),
    'last-generated-id', idToString(s.lastId),
    'max-deleted-entry-id', idToString(s.maxDeletedId),
    'entries-added', s.entriesAdded,
    'recorded-first-entry-id', idToString(s.firstId),
  ];
  if (!full) {
    const first = firstOrLast(s, false);
    const last = firstOrLast(s, true);
    return new MapReply([...head, 'groups', s.groups?.size ?? 0, 'first-entry', first, 'last-entry', last]);
  }
  const entries: Reply[] = [];
  s.range(ZERO_ID, MAX_ID, false, count, (id, fields) => {
    entries.push(entryReply(id, fields));
  });
  const groups = sortedGroups(s).map(([name, g]) => {
    const pending: Reply[] = [];
    g.pel.forEach((k, nack) => {
      if (count !== 0 && pending.length >= count) return false;
      pending.push([keyText(k), nack.consumer.name, nack.deliveryTime, nack.deliveryCount]);
      return true;
    });
    const consumers = g.sortedConsumers().map((consumer) => {
      const own: Reply[] = [];
      consumer.pel.forEach((k, nack) => {
        if (count !== 0 && own.length >= count) return false;
        own.push([keyText(k), nack.deliveryTime, nack.deliveryCount]);
        return true;
      });
      return new MapReply(['name', consumer.name, 'seen-time', consumer.seenTime, 'pel-count', consumer.pel.size, 'pending', own]);
    });
    return new MapReply([
      'name', name,
      'last-delivered-id', idToString(g.lastId),
      'entries-read', g.entriesRead === INVALID_ENTRIES_READ ? null : g.entriesRead,
      'lag', groupLag(s, g),
      'pel-count', g.pel.size,
      'pending', pending,
      'consumers', consumers,
    ]);
  });
  return new MapReply([...head, 'entries', entries, 'groups', groups]);
}

function firstOrLast(s: Stream, last: boolean): Reply {
  let found: Reply = null;
  s.range(ZERO_ID, MAX_ID, last, 1, (id, fields) => {
    found = entryReply(id, fields);
  });
  return found;
}

const XINFO_HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

// ---- specs (COMMAND INFO / COMMAND DOCS of Redis 7.0.15) ----

const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };
const GROUPNAME_ARG: ArgSpec = { name: 'groupname', type: 'string' };
const CONSUMERNAME_ARG: ArgSpec = { name: 'consumername', type: 'string' };
const ENTRIES_READ_ARG: ArgSpec = { name: 'entries_read', type: 'integer', token: 'ENTRIESREAD', optional: true };
const ID_OR_NEW_ARG: ArgSpec = { name: 'id', type: 'oneof', args: [
  { name: 'id', type: 'string' },
  { name: 'new_id', type: 'pure-token', token: '$' },
] };

/** The one key at argv[index]. */
function keyAt(index: number, flags: KeySpecFlag[]): KeySpec {
  return { flags, begin: { index }, find: { lastKey: 0, step: 1, limit: 0 } };
}

/** XGROUP HELP / XINFO HELP. */
function helpSubcommand(handler: Handler): CommandSpec {
  return {
    name: 'help',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['stream', 'slow'],
    group: 'stream',
    since: '5.0.0',
    summary: 'Show helpful text about the different subcommands',
    complexity: 'O(1)',
    handler,
  };
}

export const streamGroupCommands: CommandSpec[] = [
  {
    name: 'xgroup',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'stream',
    since: '5.0.0',
    summary: 'A container for consumer groups commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'delconsumer',
        arity: 5,
        flags: ['write'],
        acl: ['write', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RW', 'delete'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'Delete a consumer from a consumer group.',
        complexity: 'O(1)',
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
          CONSUMERNAME_ARG,
        ],
        handler: xgroupCommand,
      },
      {
        name: 'destroy',
        arity: 4,
        flags: ['write'],
        acl: ['write', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RW', 'delete'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'Destroy a consumer group.',
        complexity: 'O(N) where N is the number of entries in the group\'s pending entries list (PEL).',
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
        ],
        handler: xgroupCommand,
      },
      helpSubcommand(xgroupCommand),
      {
        name: 'create',
        arity: -5,
        flags: ['write', 'denyoom'],
        acl: ['write', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RW', 'insert'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'Create a consumer group.',
        complexity: 'O(1)',
        history: [['7.0.0', 'Added the `entries_read` named argument.']],
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
          ID_OR_NEW_ARG,
          { name: 'mkstream', type: 'pure-token', token: 'MKSTREAM', optional: true },
          ENTRIES_READ_ARG,
        ],
        handler: xgroupCommand,
      },
      {
        name: 'createconsumer',
        arity: 5,
        flags: ['write', 'denyoom'],
        acl: ['write', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RW', 'insert'])],
        group: 'stream',
        since: '6.2.0',
        summary: 'Create a consumer in a consumer group.',
        complexity: 'O(1)',
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
          CONSUMERNAME_ARG,
        ],
        handler: xgroupCommand,
      },
      {
        name: 'setid',
        arity: -5,
        flags: ['write'],
        acl: ['write', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RW', 'update'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'Set a consumer group to an arbitrary last delivered ID value.',
        complexity: 'O(1)',
        history: [['7.0.0', 'Added the optional `entries_read` argument.']],
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
          ID_OR_NEW_ARG,
          ENTRIES_READ_ARG,
        ],
        handler: xgroupCommand,
      },
    ],
  },
  {
    name: 'xreadgroup',
    arity: -7,
    flags: ['write', 'blocking', 'movablekeys'],
    acl: ['write', 'stream', 'slow', 'blocking'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { keyword: 'STREAMS', startFrom: 4 }, find: { lastKey: -1, step: 1, limit: 2 } }],
    group: 'stream',
    since: '5.0.0',
    summary: 'Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.',
    complexity: 'For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.',
    args: [
      { name: 'group_consumer', type: 'block', token: 'GROUP', args: [
        { name: 'group', type: 'string' },
        { name: 'consumer', type: 'string' },
      ] },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
      { name: 'milliseconds', type: 'integer', token: 'BLOCK', optional: true },
      { name: 'noack', type: 'pure-token', token: 'NOACK', optional: true },
      { name: 'streams', type: 'block', token: 'STREAMS', args: [
        { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
        { name: 'id', type: 'string', multiple: true },
      ] },
    ],
    handler: xreadgroupCommand,
  },
  {
    name: 'xack',
    arity: -4,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'update'])],
    group: 'stream',
    since: '5.0.0',
    summary: 'Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.',
    complexity: 'O(1) for each message ID processed.',
    args: [
      KEY_ARG,
      { name: 'group', type: 'string' },
      { name: 'id', type: 'string', multiple: true },
    ],
    handler: xackCommand,
  },
  {
    name: 'xpending',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    keySpecs: [keyAt(1, ['RO', 'access'])],
    group: 'stream',
    since: '5.0.0',
    summary: 'Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.',
    complexity: 'O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.',
    history: [['6.2.0', 'Added the `IDLE` option and exclusive range intervals.']],
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'group', type: 'string' },
      { name: 'filters', type: 'block', optional: true, args: [
        { name: 'min-idle-time', type: 'integer', token: 'IDLE', optional: true, since: '6.2.0' },
        { name: 'start', type: 'string' },
        { name: 'end', type: 'string' },
        { name: 'count', type: 'integer' },
        { name: 'consumer', type: 'string', optional: true },
      ] },
    ],
    handler: xpendingCommand,
  },
  {
    name: 'xclaim',
    arity: -6,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'update'])],
    group: 'stream',
    since: '5.0.0',
    summary: 'Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.',
    complexity: 'O(log N) with N being the number of messages in the PEL of the consumer group.',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'group', type: 'string' },
      { name: 'consumer', type: 'string' },
      { name: 'min-idle-time', type: 'string' },
      { name: 'id', type: 'string', multiple: true },
      { name: 'ms', type: 'integer', token: 'IDLE', optional: true },
      { name: 'unix-time-milliseconds', type: 'unix-time', token: 'TIME', optional: true },
      { name: 'count', type: 'integer', token: 'RETRYCOUNT', optional: true },
      { name: 'force', type: 'pure-token', token: 'FORCE', optional: true },
      { name: 'justid', type: 'pure-token', token: 'JUSTID', optional: true },
      { name: 'id', type: 'string', token: 'LASTID', optional: true },
    ],
    handler: xclaimCommand,
  },
  {
    name: 'xautoclaim',
    arity: -6,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'delete'])],
    group: 'stream',
    since: '6.2.0',
    summary: 'Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.',
    complexity: 'O(1) if COUNT is small.',
    history: [['7.0.0', 'Added an element to the reply array, containing deleted entries the command cleared from the PEL']],
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'group', type: 'string' },
      { name: 'consumer', type: 'string' },
      { name: 'min-idle-time', type: 'string' },
      { name: 'start', type: 'string' },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
      { name: 'justid', type: 'pure-token', token: 'JUSTID', optional: true },
    ],
    handler: xautoclaimCommand,
  },
  {
    name: 'xinfo',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'stream',
    since: '5.0.0',
    summary: 'A container for stream introspection commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'stream',
        arity: -3,
        flags: ['readonly'],
        acl: ['read', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RO', 'access'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'Get information about a stream',
        complexity: 'O(1)',
        history: [['6.0.0', 'Added the `FULL` modifier.'], ['7.0.0', 'Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, `entries-read` and `lag` fields']],
        args: [
          KEY_ARG,
          { name: 'full', type: 'block', token: 'FULL', optional: true, args: [
            { name: 'count', type: 'integer', token: 'COUNT', optional: true },
          ] },
        ],
        handler: xinfoCommand,
      },
      {
        name: 'consumers',
        arity: 4,
        flags: ['readonly'],
        acl: ['read', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RO', 'access'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'List the consumers in a consumer group',
        complexity: 'O(1)',
        tips: ['nondeterministic_output'],
        args: [
          KEY_ARG,
          GROUPNAME_ARG,
        ],
        handler: xinfoCommand,
      },
      helpSubcommand(xinfoCommand),
      {
        name: 'groups',
        arity: 3,
        flags: ['readonly'],
        acl: ['read', 'stream', 'slow'],
        keySpecs: [keyAt(2, ['RO', 'access'])],
        group: 'stream',
        since: '5.0.0',
        summary: 'List the consumer groups of a stream',
        complexity: 'O(1)',
        history: [['7.0.0', 'Added the `entries-read` and `lag` fields']],
        args: [
          KEY_ARG,
        ],
        handler: xinfoCommand,
      },
    ],
  },

];
