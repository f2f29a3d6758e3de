// The stream family without consumer groups (Redis 7.0 t_stream.c): XADD, XTRIM, XLEN, XRANGE,
// XREVRANGE, XDEL, XREAD (with BLOCK) and XSETID. Arguments are checked in Redis's order so
// that of two problems the same error wins; the entries live in types/stream.ts.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { blockClient, parseTimeout, type ServeBlocked } from '../keyspace/blocking.ts';
import { E, ErrorReply, MapReply, NULL_ARRAY, OK, err, type Reply } from '../reply.ts';
import {
  MAX_ID,
  Stream,
  ZERO_ID,
  compareIds,
  decrId,
  idToString,
  incrId,
  isZeroId,
  parseStreamId,
  type StreamID,
  type TrimArgs,
} from '../types/stream.ts';
import { parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import type { ArgSpec, CommandSpec, KeySpec, KeySpecFlag } from './spec.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';

const NOTIFY_STREAM = 't';

const E_INVALID_ID = err('ERR Invalid stream ID specified as stream command argument');
const E_XADD_ZERO = err('ERR The ID specified in XADD must be greater than 0-0');
const E_XADD_SMALLER = err('ERR The ID specified in XADD is equal or smaller than the target stream top item');
const E_XADD_EXHAUSTED = err('ERR The stream has exhausted the last possible ID, unable to add more items');
const E_TOO_LARGE = err('ERR Elements are too large to be stored');
const E_MAXLEN_MINID = err('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
const E_MAXLEN_NEGATIVE = err('ERR The MAXLEN argument must be >= 0.');
const E_LIMIT_NEGATIVE = err('ERR The LIMIT argument must be >= 0.');
const E_LIMIT_NO_STRATEGY = err('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
const E_XTRIM_NO_STRATEGY = err('ERR syntax error, XTRIM must be called with a trimming strategy');
const E_LIMIT_NO_TILDE = err('ERR syntax error, LIMIT cannot be used without the special ~ option');
const E_START_INTERVAL = err('ERR invalid start ID for the interval');
const E_END_INTERVAL = err('ERR invalid end ID for the interval');
const E_UNBALANCED = err("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
const E_GROUP_XREAD = err('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
const E_NOACK_XREAD = err('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
const E_GT_XREAD = err('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
const E_ENTRIES_ADDED_NEGATIVE = err('ERR entries_added must be positive');
const E_XSETID_MAXDELETED = err('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
const E_XSETID_SMALLER = err('ERR The ID specified in XSETID is smaller than the target stream top item');
const E_XSETID_ENTRIES_ADDED = err('ERR The entries_added specified in XSETID is smaller than the target stream length');

/** STREAM_LISTPACK_MAX_SIZE: XADD refuses fields and values over 1 GiB in all. */
const LISTPACK_MAX_SIZE = 1 << 30;
/** XREAD_BLOCKED_DEFAULT_COUNT: a blocked XREAD without COUNT gets at most this many entries. */
const BLOCKED_DEFAULT_COUNT = 1000;

/** The bytes before the first NUL: what C's string compares see of an argument. */
function cString(s: Bin): Bin {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** A strict ID argument (no `-`/`+`): the ID, or the invalid-ID error. */
export function strictIdArg(arg: Bin): StreamID | ErrorReply {
  const p = parseStreamId(arg, 0n, true);
  return p === null ? E_INVALID_ID : p.id;
}

/**
 * A range bound (streamParseIntervalIDOrReply): `(` makes it exclusive (then strict), an
 * incomplete ID gets `missingSeq`.
 */
function intervalArg(arg: Bin, missingSeq: bigint): { id: StreamID; exclusive: boolean } | ErrorReply {
  const exclusive = arg.length > 1 && arg.charCodeAt(0) === 0x28;
  const p = exclusive ? parseStreamId(arg.slice(1), missingSeq, true) : parseStreamId(arg, missingSeq, false);
  return p === null ? E_INVALID_ID : { id: p.id, exclusive };
}

/** One entry as Redis replies with it: [id, [field, value, ...]]. */
export function entryReply(id: StreamID, fields: Bin[]): Reply {
  return [idToString(id), fields];
}

/** The live entries of [start, end] (rev: backward), at most `count` (0: all), as replies. */
export function rangeReply(s: Stream, start: StreamID, end: StreamID, rev: boolean, count: number): Reply[] {
  const out: Reply[] = [];
  s.range(start, end, rev, count, (id, fields) => {
    out.push(entryReply(id, fields));
  });
  return out;
}

/** The node limits in force now (read at write time, as Redis reads its server.* settings). */
function nodeLimits(c: Client): { maxBytes: number; maxEntries: number } {
  return {
    maxBytes: c.engine.config.getNumber('stream-node-max-bytes'),
    maxEntries: c.engine.config.getNumber('stream-node-max-entries'),
  };
}

// ---------------------------------------------------------------------------------------------
// XADD / XTRIM options (streamParseAddOrTrimArgsOrReply).

interface AddTrimArgs {
  trim: TrimArgs | null;
  /** XADD: where the ID argument is, the ID, whether it was given, whether its seq was. */
  idPos: number;
  id: StreamID;
  idGiven: boolean;
  seqGiven: boolean;
  noMkStream: boolean;
}

function parseAddOrTrim(c: Client, argv: Bin[], xadd: boolean): AddTrimArgs | ErrorReply {
  let strategy: TrimArgs['strategy'] | null = null;
  let approx = false;
  let maxlen = 0;
  let minid: StreamID = ZERO_ID;
  let limit = 0;
  let limitGiven = false;
  const out: AddTrimArgs = { trim: null, idPos: 0, id: ZERO_ID, idGiven: false, seqGiven: true, noMkStream: false };
  let i = 2;
  for (; i < argv.length; i++) {
    const moreArgs = argv.length - 1 - i;
    const opt = argv[i];
    if (xadd && cString(opt) === '*') break;
    if ((is(opt, 'MAXLEN') || is(opt, 'MINID')) && moreArgs) {
      if (strategy !== null) return E_MAXLEN_MINID;
      approx = false;
      const next = cString(argv[i + 1]);
      if (moreArgs >= 2 && next === '~') {
        approx = true;
        i++;
      } else if (moreArgs >= 2 && next === '=') {
        i++;
      }
      if (is(opt, 'MAXLEN')) {
        const v = parseLong(argv[i + 1]);
        if (v === null) return E.notInteger;
        if (v < 0) return E_MAXLEN_NEGATIVE;
        maxlen = v;
        strategy = 'maxlen';
      } else {
        const id = strictIdArg(argv[i + 1]);
        if (id instanceof ErrorReply) return id;
        minid = id;
        strategy = 'minid';
      }
      i++;
    } else if (is(opt, 'LIMIT') && moreArgs) {
      const v = parseLong(argv[i + 1]);
      if (v === null) return E.notInteger;
      if (v < 0) return E_LIMIT_NEGATIVE;
      limit = v;
      limitGiven = true;
      i++;
    } else if (xadd && is(opt, 'NOMKSTREAM')) {
      out.noMkStream = true;
    } else if (xadd) {
      const p = parseStreamId(opt, 0n, true, true);
      if (p === null) return E_INVALID_ID;
      out.id = p.id;
      out.seqGiven = p.seqGiven;
      out.idGiven = true;
      break;
    } else {
      return E.syntax;
    }
  }
  out.idPos = i;
  if (limit && strategy === null) return E_LIMIT_NO_STRATEGY;
  if (!xadd && strategy === null) return E_XTRIM_NO_STRATEGY;
  if (limitGiven) {
    if (!approx) return E_LIMIT_NO_TILDE;
  } else if (approx) {
    // At most 100 nodes' worth of work per trim, whatever stream-node-max-entries says.
    limit = 100 * c.engine.config.getNumber('stream-node-max-entries');
    if (limit <= 0) limit = 10000;
    if (limit > 1000000) limit = 1000000;
  } else {
    limit = 0;
  }
  if (strategy !== null) out.trim = { strategy, maxlen, minid, approx, limit };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Handlers.

function xaddCommand(c: Client, argv: Bin[]): Reply {
  const args = parseAddOrTrim(c, argv, true);
  if (args instanceof ErrorReply) return args;
  const fieldPos = args.idPos + 1;
  const numArgs = argv.length - fieldPos;
  if (numArgs < 2 || numArgs % 2 === 1) return E.wrongArity('xadd');
  if (args.idGiven && args.seqGiven && isZeroId(args.id)) return E_XADD_ZERO;

  const key = argv[1];
  const found = lookupWriteAs(c, key, Stream);
  if (found instanceof ErrorReply) return found;
  if (found === undefined && args.noMkStream) return null;
  const s = found ?? new Stream();
  if (compareIds(s.lastId, MAX_ID) === 0) return E_XADD_EXHAUSTED;

  let id: StreamID;
  if (!args.idGiven) {
    id = s.nextAutoId(c.engine.now());
  } else if (args.seqGiven) {
    id = args.id;
  } else if (s.lastId.ms === args.id.ms) {
    // 7.0 reports a sequence overflow of `<ms>-*` with the "too large" text (its errno check).
    if (s.lastId.seq === MAX_ID.seq) return E_TOO_LARGE;
    id = { ms: s.lastId.ms, seq: s.lastId.seq + 1n };
  } else {
    id = args.id;
  }
  if (compareIds(id, s.lastId) <= 0) return E_XADD_SMALLER;
  let total = 0;
  for (let i = fieldPos; i < argv.length; i++) total += argv[i].length;
  if (total > LISTPACK_MAX_SIZE) return E_TOO_LARGE;

  s.append(id, argv, fieldPos, nodeLimits(c));
  if (found === undefined) c.db.setKey(key, s);
  const reply = idToString(id);
  notify(c, NOTIFY_STREAM, 'xadd', key);
  c.engine.dirty++;
  if (args.trim !== null && s.trim(args.trim) > 0) notify(c, NOTIFY_STREAM, 'xtrim', key);
  c.db.touch(key);
  c.engine.signalKeyAsReady(c.db, key);
  return reply;
}

function xtrimCommand(c: Client, argv: Bin[]): Reply {
  const args = parseAddOrTrim(c, argv, false);
  if (args instanceof ErrorReply) return args;
  const key = argv[1];
  const s = lookupWriteAs(c, key, Stream);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const deleted = s.trim(args.trim!);
  if (deleted > 0) {
    notify(c, NOTIFY_STREAM, 'xtrim', key);
    c.db.touch(key);
    c.engine.dirty += deleted;
  }
  return deleted;
}

function xlenCommand(c: Client, argv: Bin[]): Reply {
  const s = lookupReadAs(c, argv[1], Stream);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  return s.length;
}

/** XRANGE / XREVRANGE (xrangeGenericCommand). */
function xrangeGeneric(c: Client, argv: Bin[], rev: boolean): Reply {
  const start = intervalArg(rev ? argv[3] : argv[2], 0n);
  if (start instanceof ErrorReply) return start;
  let startId: StreamID | null = start.id;
  if (start.exclusive && (startId = incrId(startId)) === null) return E_START_INTERVAL;
  const end = intervalArg(rev ? argv[2] : argv[3], MAX_ID.seq);
  if (end instanceof ErrorReply) return end;
  let endId: StreamID | null = end.id;
  if (end.exclusive && (endId = decrId(endId)) === null) return E_END_INTERVAL;
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (is(argv[j], 'COUNT') && argv.length - j - 1 >= 1) {
      const v = parseLong(argv[j + 1]);
      if (v === null) return E.notInteger;
      count = v < 0 ? 0 : v;
      j++;
    } else {
      return E.syntax;
    }
  }
  const s = lookupReadAs(c, argv[1], Stream);
  if (s === undefined) return [];
  if (s instanceof ErrorReply) return s;
  if (count === 0) return NULL_ARRAY;
  return rangeReply(s, startId, endId, rev, count === -1 ? 0 : count);
}

function xrangeCommand(c: Client, argv: Bin[]): Reply {
  return xrangeGeneric(c, argv, false);
}

function xrevrangeCommand(c: Client, argv: Bin[]): Reply {
  return xrangeGeneric(c, argv, true);
}

function xdelCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const s = lookupWriteAs(c, key, Stream);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const ids: StreamID[] = [];
  for (let j = 2; j < argv.length; j++) {
    const id = strictIdArg(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }
  const deleted = s.delete(ids);
  if (deleted > 0) {
    c.db.touch(key);
    notify(c, NOTIFY_STREAM, 'xdel', key);
    c.engine.dirty += deleted;
  }
  return deleted;
}

function xsetidCommand(c: Client, argv: Bin[]): Reply {
  const id = strictIdArg(argv[2]);
  if (id instanceof ErrorReply) return id;
  let entriesAdded = -1;
  let maxDeleted: StreamID = ZERO_ID;
  for (let i = 3; i < argv.length; ) {
    const moreArgs = argv.length - 1 - i;
    if (is(argv[i], 'ENTRIESADDED') && moreArgs) {
      const v = parseLong(argv[i + 1]);
      if (v === null) return E.notInteger;
      if (v < 0) return E_ENTRIES_ADDED_NEGATIVE;
      entriesAdded = v;
      i += 2;
    } else if (is(argv[i], 'MAXDELETEDID') && moreArgs) {
      const m = strictIdArg(argv[i + 1]);
      if (m instanceof ErrorReply) return m;
      if (compareIds(id, m) < 0) return E_XSETID_MAXDELETED;
      maxDeleted = m;
      i += 2;
    } else {
      return E.syntax;
    }
  }
  const key = argv[1];
  const s = lookupWriteAs(c, key, Stream);
  if (s === undefined) return E.noSuchKey;
  if (s instanceof ErrorReply) return s;
  if (s.length > 0) {
    if (compareIds(id, s.lastValidId()) < 0) return E_XSETID_SMALLER;
    if (entriesAdded !== -1 && s.length > entriesAdded) return E_XSETID_ENTRIES_ADDED;
  }
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  if (!isZeroId(maxDeleted)) s.maxDeletedId = maxDeleted;
  c.engine.dirty++;
  notify(c, NOTIFY_STREAM, 'xsetid', key);
  return OK;
}

/** XREAD's reply: per stream [key, entries] (RESP2), or a map key -> entries (RESP3). */
function keyedReply(c: Client, parts: [Bin, Reply[]][]): Reply {
  if (c.resp === 3) return new MapReply(parts.flat());
  return parts;
}

function xreadCommand(c: Client, argv: Bin[]): Reply {
  let timeoutAt = -1;
  let count = 0;
  let streamsArg = 0;
  let streamsCount = 0;
  for (let i = 1; i < argv.length; i++) {
    const moreArgs = argv.length - i - 1;
    const o = argv[i];
    if (is(o, 'BLOCK') && moreArgs) {
      i++;
      const t = parseTimeout(c, argv[i], 'milliseconds');
      if (t instanceof ErrorReply) return t;
      timeoutAt = t;
    } else if (is(o, 'COUNT') && moreArgs) {
      i++;
      const v = parseLong(argv[i]);
      if (v === null) return E.notInteger;
      count = v < 0 ? 0 : v;
    } else if (is(o, 'STREAMS') && moreArgs) {
      streamsArg = i + 1;
      streamsCount = argv.length - streamsArg;
      if (streamsCount % 2 !== 0) return E_UNBALANCED;
      streamsCount /= 2;
      break;
    } else if (is(o, 'GROUP') && moreArgs >= 2) {
      return E_GROUP_XREAD;
    } else if (is(o, 'NOACK')) {
      return E_NOACK_XREAD;
    } else {
      return E.syntax;
    }
  }
  if (streamsArg === 0) return E.syntax;

  const keys = argv.slice(streamsArg, streamsArg + streamsCount);
  const ids: StreamID[] = [];
  for (let k = 0; k < streamsCount; k++) {
    const s = lookupReadAs(c, keys[k], Stream);
    if (s instanceof ErrorReply) return s;
    const arg = cString(argv[streamsArg + streamsCount + k]);
    if (arg === '$') {
      ids.push(s ? s.lastId : ZERO_ID);
      continue;
    }
    if (arg === '>') return E_GT_XREAD;
    const id = strictIdArg(argv[streamsArg + streamsCount + k]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }

  const parts: [Bin, Reply[]][] = [];
  for (let k = 0; k < streamsCount; k++) {
    const s = lookupReadAs(c, keys[k], Stream);
    if (s === undefined || s instanceof ErrorReply || s.length === 0) continue;
    if (compareIds(s.lastValidId(), ids[k]) <= 0) continue;
    parts.push([keys[k], rangeReply(s, incrId(ids[k])!, MAX_ID, false, count)]);
  }
  if (parts.length > 0) return keyedReply(c, parts);
  if (timeoutAt === -1) return NULL_ARRAY;

  // Blocked: each key waits for entries past its ID (the first one given for a repeated key).
  const waitFor = new Map<Bin, StreamID>();
  keys.forEach((key, k) => {
    if (!waitFor.has(key)) waitFor.set(key, ids[k]);
  });
  const blockedCount = count || BLOCKED_DEFAULT_COUNT;
  const serve: ServeBlocked = (bc, key) => {
    const v = bc.db.lookupWrite(key);
    if (!(v instanceof Stream)) return undefined;
    const after = waitFor.get(key)!;
    if (compareIds(v.lastId, after) <= 0) return undefined;
    return keyedReply(bc, [[key, rangeReply(v, incrId(after)!, MAX_ID, false, blockedCount)]]);
  };
  return blockClient(c, keys, timeoutAt, serve, NULL_ARRAY);
}

/** xreadGetKeys: the keys after the STREAMS option (skipping BLOCK/COUNT/GROUP/NOACK). */
function xreadGetKeys(argv: Bin[]): number[] {
  let streamsPos = -1;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (is(a, 'BLOCK') || is(a, 'COUNT')) i++;
    else if (is(a, 'GROUP')) i += 2;
    else if (is(a, 'NOACK')) continue;
    else if (is(a, 'STREAMS')) {
      streamsPos = i;
      break;
    } else break;
  }
  const num = argv.length - streamsPos - 1;
  if (streamsPos === -1 || num === 0 || num % 2 !== 0) return [];
  const keys: number[] = [];
  for (let i = 0; i < num / 2; i++) keys.push(streamsPos + 1 + i);
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Specs, as Redis 7.0's COMMAND INFO / COMMAND DOCS give them.

const GROUP = 'stream';
const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };

function firstKey(flags: KeySpecFlag[], notes?: string): KeySpec {
  const spec: KeySpec = { flags, begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
  if (notes) spec.notes = notes;
  return spec;
}

const TRIM_ARG: ArgSpec = { name: 'trim', type: 'block', args: [
  { name: 'strategy', type: 'oneof', args: [
    { name: 'maxlen', type: 'pure-token', token: 'MAXLEN' },
    { name: 'minid', type: 'pure-token', token: 'MINID', since: '6.2.0' },
  ] },
  { name: 'operator', type: 'oneof', optional: true, args: [
    { name: 'equal', type: 'pure-token', token: '=' },
    { name: 'approximately', type: 'pure-token', token: '~' },
  ] },
  { name: 'threshold', type: 'string' },
  { name: 'count', type: 'integer', token: 'LIMIT', optional: true, since: '6.2.0' },
] };

const COUNT_ARG: ArgSpec = { name: 'count', type: 'integer', token: 'COUNT', optional: true };

/** What XRANGE and XREVRANGE share. */
const RANGE_SPEC = {
  arity: -4,
  flags: ['readonly'],
  acl: ['read', 'stream', 'slow'],
  keySpecs: [firstKey(['RO', 'access'])],
  group: GROUP,
  since: '5.0.0',
  history: [['6.2.0', 'Added exclusive ranges.']],
} satisfies Partial<CommandSpec>;

export const streamCommands: CommandSpec[] = [
  {
    name: 'xadd',
    arity: -5,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [firstKey(['RW', 'update'], 'UPDATE instead of INSERT because of the optional trimming feature')],
    group: GROUP,
    since: '5.0.0',
    summary: 'Appends a new entry to a stream',
    complexity: 'O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.',
    history: [
      ['6.2.0', 'Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option.'],
      ['7.0.0', 'Added support for the `<ms>-*` explicit ID form.'],
    ],
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'nomkstream', type: 'pure-token', token: 'NOMKSTREAM', optional: true, since: '6.2.0' },
      { ...TRIM_ARG, optional: true },
      { name: 'id_or_auto', type: 'oneof', args: [
        { name: 'auto_id', type: 'pure-token', token: '*' },
        { name: 'id', type: 'string' },
      ] },
      { name: 'field_value', type: 'block', multiple: true, args: [
        { name: 'field', type: 'string' },
        { name: 'value', type: 'string' },
      ] },
    ],
    handler: xaddCommand,
  },
  {
    name: 'xtrim',
    arity: -4,
    flags: ['write'],
    acl: ['write', 'stream', 'slow'],
    keySpecs: [firstKey(['RW', 'delete'])],
    group: GROUP,
    since: '5.0.0',
    summary: "Trims the stream to (approximately if '~' is passed) a certain size",
    complexity:
      'O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.',
    history: [['6.2.0', 'Added the `MINID` trimming strategy and the `LIMIT` option.']],
    tips: ['nondeterministic_output'],
    args: [KEY_ARG, TRIM_ARG],
    handler: xtrimCommand,
  },
  {
    ...RANGE_SPEC,
    name: 'xrange',
    summary: 'Return a range of elements in a stream, with IDs matching the specified IDs interval',
    complexity:
      'O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).',
    args: [KEY_ARG, { name: 'start', type: 'string' }, { name: 'end', type: 'string' }, COUNT_ARG],
    handler: xrangeCommand,
  },
  {
    ...RANGE_SPEC,
    name: 'xrevrange',
    summary:
      'Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE',
    complexity:
      'O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).',
    args: [KEY_ARG, { name: 'end', type: 'string' }, { name: 'start', type: 'string' }, COUNT_ARG],
    handler: xrevrangeCommand,
  },
  {
    name: 'xlen',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'stream', 'fast'],
    keySpecs: [firstKey(['RO'])],
    group: GROUP,
    since: '5.0.0',
    summary: 'Return the number of entries in a stream',
    complexity: 'O(1)',
    args: [KEY_ARG],
    handler: xlenCommand,
  },
  {
    name: 'xdel',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [firstKey(['RW', 'delete'])],
    group: GROUP,
    since: '5.0.0',
    summary:
      'Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.',
    complexity: 'O(1) for each single item to delete in the stream, regardless of the stream size.',
    args: [KEY_ARG, { name: 'id', type: 'string', multiple: true }],
    handler: xdelCommand,
  },
  {
    name: 'xread',
    arity: -4,
    flags: ['readonly', 'blocking', 'movablekeys'],
    acl: ['read', 'stream', 'slow', 'blocking'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { keyword: 'STREAMS', startFrom: 1 }, find: { lastKey: -1, step: 1, limit: 2 } }],
    getKeys: xreadGetKeys,
    group: GROUP,
    since: '5.0.0',
    summary:
      'Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.',
    complexity:
      'For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.',
    args: [
      COUNT_ARG,
      { name: 'milliseconds', type: 'integer', token: 'BLOCK', optional: true },
      { name: 'streams', type: 'block', token: 'STREAMS', args: [
        { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
        { name: 'id', type: 'string', multiple: true },
      ] },
    ],
    handler: xreadCommand,
  },
  {
    name: 'xsetid',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [firstKey(['RW', 'update'])],
    group: GROUP,
    since: '5.0.0',
    summary: 'An internal command for replicating stream values',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added the `entries_added` and `max_deleted_entry_id` arguments.']],
    args: [
      KEY_ARG,
      { name: 'last-id', type: 'string' },
      { name: 'entries_added', type: 'integer', token: 'ENTRIESADDED', optional: true, since: '7.0.0' },
      { name: 'max_deleted_entry_id', type: 'string', token: 'MAXDELETEDID', optional: true, since: '7.0.0' },
    ],
    handler: xsetidCommand,
  },
];
