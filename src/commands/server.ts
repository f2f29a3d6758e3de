// Server commands: FLUSHDB FLUSHALL SWAPDB DBSIZE TIME DEBUG SHUTDOWN. INFO, CONFIG and COMMAND
// have their own files.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { Database } from '../keyspace/database.ts';
import { LRU_MASK } from '../keyspace/database.ts';
import { E, err, MultiReply, OK, SimpleString, type Reply } from '../reply.ts';
import { stringEncoding } from '../types/string.ts';
import { lzfCompress } from '../util/lzf.ts';
import { parseInt64, parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { valueRefcount } from './keys.ts';
import { helpReply, subcommandSyntaxError } from './help.ts';
import type { CommandSpec } from './spec.ts';

/** Empties a database, invalidating WATCHes on keys it held first. */
export function emptyDatabase(c: Client, db: Database): void {
  c.engine.touchAllWatchedKeys(db, null);
  c.engine.dirty += db.size;
  db.clear();
  c.engine.databaseReplaced(db);
}

function flushMode(argv: string[]): Reply | null {
  if (argv.length > 2) return E.syntax;
  if (argv.length === 2 && !is(argv[1], 'ASYNC') && !is(argv[1], 'SYNC')) return E.syntax;
  return null;
}

// ---- SWAPDB ----

function swapdb(c: Client, argv: Bin[]): Reply {
  const a = parseLong(argv[1]);
  if (a === null || a < -2147483648 || a > 2147483647) return err('ERR invalid first DB index');
  const b = parseLong(argv[2]);
  if (b === null || b < -2147483648 || b > 2147483647) return err('ERR invalid second DB index');
  const dbs = c.engine.dbs;
  if (a < 0 || a >= dbs.length || b < 0 || b >= dbs.length) return E.dbIndex;
  if (a === b) return OK;
  // A watcher of either database sees its keys replaced by the other's.
  c.engine.touchAllWatchedKeys(dbs[a], dbs[b]);
  c.engine.touchAllWatchedKeys(dbs[b], dbs[a]);
  dbs[a].swapWith(dbs[b]);
  // Clients blocked on keys the swap brought in are served (Redis's scanDatabaseForReadyKeys).
  c.engine.databaseReplaced(dbs[a]);
  c.engine.databaseReplaced(dbs[b]);
  c.engine.dirty++;
  return OK;
}

// ---- DEBUG ----

/** C's atoi: leading spaces, a sign, digits; anything else ends it (so "x" is 0). */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** C's strtod on a prefix ("abc" is 0, "1e-3" is 0.001). */
function strtodPrefix(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** Blocks the whole engine, as Redis's nanosleep in DEBUG SLEEP blocks the server. */
function blockFor(c: Client, seconds: number): void {
  const usec = Math.trunc(seconds * 1e6);
  if (!(usec > 0)) return;
  const ms = usec / 1000;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  } catch {
    // Where the thread may not wait (a browser page), spin.
    const end = c.engine.host.monotonicUs() + usec;
    while (c.engine.host.monotonicUs() < end);
  }
}

/** rdbSaveLen: how many bytes RDB's length encoding takes. */
function rdbLenSize(len: number): number {
  if (len < 1 << 6) return 1;
  if (len < 1 << 14) return 2;
  return len <= 0xffffffff ? 5 : 9;
}

/** rdbEncodeInteger: the bytes of RDB's integer encoding, or 0 beyond 32 bits. */
function rdbIntSize(v: bigint): number {
  if (v >= -128n && v <= 127n) return 2;
  if (v >= -32768n && v <= 32767n) return 3;
  if (v >= -2147483648n && v <= 2147483647n) return 5;
  return 0;
}

/** rdbSavedObjectLen of a string: integer encoding, LZF when it pays, else length + bytes. */
function stringSerializedLength(c: Client, value: Bin, encoding: string): number {
  if (encoding === 'int' || value.length <= 11) {
    const v = parseInt64(value);
    if (v !== null) {
      const n = rdbIntSize(v);
      if (n > 0) return n;
    }
  }
  if (c.engine.config.getBool('rdbcompression') && value.length > 20) {
    const bytes = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i);
    const packed = lzfCompress(bytes, value.length - 4);
    if (packed) return 1 + rdbLenSize(packed.length) + rdbLenSize(value.length) + packed.length;
  }
  return rdbLenSize(value.length) + value.length;
}

/** A made-up but stable address for "Value at:" (Redis prints the object's pointer). */
function fakeAddress(key: Bin): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return `0x7f${((h & 0xfffffff0) >>> 0).toString(16).padStart(8, '0')}`;
}

function debugObject(c: Client, key: Bin): Reply {
  // DEBUG OBJECT looks at the dict directly: a key past its TTL but not yet reclaimed is shown.
  const value = c.db.dict.has(key) ? c.db.settledValue(key) : undefined;
  if (value === undefined) return E.noSuchKey;
  let encoding: string;
  let serialized: number;
  if (typeof value === 'string') {
    encoding = stringEncoding(value, c.db.stringRepr(key));
    serialized = stringSerializedLength(c, value, encoding);
  } else {
    encoding = value.encoding();
    // Other types report their RDB size once the persistence layer can compute it.
    serialized = (value as { serializedLength?: () => number }).serializedLength?.() ?? 0;
  }
  const rc = valueRefcount(c, c.db, key, value);
  const lru = c.db.dict.getMeta(key) & LRU_MASK;
  return new SimpleString(
    `Value at:${fakeAddress(key)} refcount:${rc} encoding:${encoding} serializedlength:${serialized} lru:${lru} lru_seconds_idle:${c.db.idleSeconds(key)}`,
  );
}

const DEBUG_HELP = [
  'AOF-FLUSH-SLEEP <microsec>',
  '    Server will sleep before flushing the AOF, this is used for testing.',
  'ASSERT',
  '    Crash by assertion failed.',
  'CHANGE-REPL-ID',
  '    Change the replication IDs of the instance.',
  '    Dangerous: should be used only for testing the replication subsystem.',
  'CONFIG-REWRITE-FORCE-ALL',
  '    Like CONFIG REWRITE but writes all configuration options, including',
  '    keywords not listed in original configuration file or default values.',
  'CRASH-AND-RECOVER [<milliseconds>]',
  '    Hard crash and restart after a <milliseconds> delay (default 0).',
  'DIGEST',
  '    Output a hex signature representing the current DB content.',
  'DIGEST-VALUE <key> [<key> ...]',
  '    Output a hex signature of the values of all the specified keys.',
  'ERROR <string>',
  '    Return a Redis protocol error with <string> as message. Useful for clients',
  '    unit tests to simulate Redis errors.',
  'LEAK <string>',
  '    Create a memory leak of the input string.',
  'LOG <message>',
  '    Write <message> to the server log.',
  'HTSTATS <dbid>',
  '    Return hash table statistics of the specified Redis database.',
  'HTSTATS-KEY <key>',
  "    Like HTSTATS but for the hash table stored at <key>'s value.",
  'LOADAOF',
  '    Flush the AOF buffers on disk and reload the AOF in memory.',
  'REPLICATE <string>',
  '    Replicates the provided string to replicas, allowing data divergence.',
  'MALLCTL <key> [<val>]',
  '    Get or set a malloc tuning integer.',
  'MALLCTL-STR <key> [<val>]',
  '    Get or set a malloc tuning string.',
  'OBJECT <key>',
  '    Show low level info about `key` and associated value.',
  'DROP-CLUSTER-PACKET-FILTER <packet-type>',
  '    Drop all packets that match the filtered type. Set to -1 allow all packets.',
  'OOM',
  '    Crash the server simulating an out-of-memory error.',
  'PANIC',
  '    Crash the server simulating a panic.',
  'POPULATE <count> [<prefix>] [<size>]',
  '    Create <count> string keys named key:<num>. If <prefix> is specified then',
  '    it is used instead of the \'key\' prefix. These are not propagated to',
  '    replicas. Cluster slots are not respected so keys not belonging to the',
  '    current node can be created in cluster mode.',
  'PROTOCOL <type>',
  '    Reply with a test value of the specified type. <type> can be: string,',
  '    integer, double, bignum, null, array, set, map, attrib, push, verbatim,',
  '    true, false.',
  'RELOAD [option ...]',
  '    Save the RDB on disk and reload it back to memory. Valid <option> values:',
  '    * MERGE: conflicting keys will be loaded from RDB.',
  '    * NOFLUSH: the existing database will not be removed before load, but',
  '      conflicting keys will generate an exception and kill the server.',
  '    * NOSAVE: the database will be loaded from an existing RDB file.',
  '    Examples:',
  '    * DEBUG RELOAD: verify that the server is able to persist, flush and reload',
  '      the database.',
  '    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an',
  '      existing RDB file.',
  '    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB',
  '      file to the database.',
  'RESTART [<milliseconds>]',
  '    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).',
  'SDSLEN <key>',
  '    Show low level SDS string info representing `key` and value.',
  'SEGFAULT',
  '    Crash the server with sigsegv.',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Setting it to 0 disables expiring keys in background when they are not',
  '    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the',
  '    default.',
  'QUICKLIST-PACKED-THRESHOLD <size>',
  '    Sets the threshold for elements to be inserted as plain vs packed nodes',
  '    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.',
  'SET-SKIP-CHECKSUM-VALIDATION <0|1>',
  '    Enables or disables checksum checks for RDB files and RESTORE\'s payload.',
  'SLEEP <seconds>',
  '    Stop the server for <seconds>. Decimals allowed.',
  'STRINGMATCH-TEST',
  '    Run a fuzz tester against the stringmatchlen() function.',
  'STRUCTSIZE',
  '    Return the size of different Redis core C structures.',
  'LISTPACK <key>',
  '    Show low level info about the listpack encoding of <key>.',
  'QUICKLIST <key> [<0|1>]',
  '    Show low level info about the quicklist encoding of <key>.',
  '    The optional argument (0 by default) sets the level of detail',
  'CLIENT-EVICTION',
  '    Show low level client eviction pools info (maxmemory-clients).',
  'PAUSE-CRON <0|1>',
  '    Stop periodic cron job processing.',
  'REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>',
  '    Sets the time (in milliseconds) to wait between client reply buffer peak resets.',
  '    In case NEVER is provided the last observed peak will never be reset',
  '    In case RESET is provided the peak reset time will be restored to the default value',
  'REPLYBUFFER RESIZING <0|1>',
  '    Enable or disable the reply buffer resize cron job',
  'CLUSTERLINK KILL <to|from|all> <node-id>',
  '    Kills the link based on the direction to/from (both) with the provided node.',
];

/** DEBUG: a command of its own (not a container), its subcommands parsed here as Redis does. */
function debug(c: Client, argv: Bin[]): Reply {
  const sub = argv[1];
  const n = argv.length;
  if (is(sub, 'HELP') && n === 2) return helpReply('debug', DEBUG_HELP);
  if (is(sub, 'SLEEP') && n === 3) {
    blockFor(c, strtodPrefix(argv[2]));
    return OK;
  }
  if (is(sub, 'SET-ACTIVE-EXPIRE') && n === 3) {
    c.engine.activeExpireEnabled = atoi(argv[2]) !== 0;
    return OK;
  }
  if (is(sub, 'OBJECT') && n === 3) return debugObject(c, argv[2]);
  if (is(sub, 'LOG') && n === 3) {
    c.engine.host.log('warning', `DEBUG LOG: ${argv[2]}`);
    return OK;
  }
  return subcommandSyntaxError(argv);
}

// ---- SHUTDOWN ----

/**
 * SHUTDOWN asks the host to stop (the Node server closes its listeners and exits). The client
 * gets no reply: the connection just closes, as with Redis. An engine embedded without a
 * shutdown hook (the in-process API, a browser page) cannot stop its host, so it answers the
 * error Redis gives when a shutdown fails and logs why.
 */
function shutdown(c: Client, argv: Bin[]): Reply {
  let save: boolean | null = null;
  let now = false;
  let force = false;
  let abort = false;
  let nosave = false;
  let saveFlag = false;
  for (let i = 1; i < argv.length; i++) {
    if (is(argv[i], 'NOSAVE')) nosave = true;
    else if (is(argv[i], 'SAVE')) saveFlag = true;
    else if (is(argv[i], 'NOW')) now = true;
    else if (is(argv[i], 'FORCE')) force = true;
    else if (is(argv[i], 'ABORT')) abort = true;
    else return E.syntax;
  }
  if ((abort && (nosave || saveFlag || now || force)) || (nosave && saveFlag)) return E.syntax;
  // Nothing waits for replicas here, so a shutdown is never pending.
  if (abort) return err('ERR No shutdown in progress.');
  if (nosave) save = false;
  if (saveFlag) save = true;
  const host = c.engine.host;
  if (!host.shutdown) {
    host.log('warning', 'SHUTDOWN refused: this engine runs embedded, without a server to stop (close it from the API instead).');
    return err('ERR Errors trying to SHUTDOWN. Check logs.');
  }
  void host.shutdown({ save, now, force });
  c.closeAfterReply = true;
  return new MultiReply([]);
}

// ---- TIME ----

function time(c: Client): Reply {
  // The engine's command time carries microseconds (the host clock may tick in milliseconds).
  const us = Math.floor(c.engine.now() * 1000);
  return [String(Math.floor(us / 1e6)), String(us % 1e6)];
}

/** What FLUSHDB and FLUSHALL share in COMMAND DOCS: the ASYNC|SYNC modifier and its history. */
const FLUSH_DOCS: Pick<CommandSpec, 'history' | 'tips' | 'args'> = {
  history: [
    ['4.0.0', 'Added the `ASYNC` flushing mode modifier.'],
    ['6.2.0', 'Added the `SYNC` flushing mode modifier.'],
  ],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  args: [
    {
      name: 'async',
      type: 'oneof',
      optional: true,
      args: [
        { name: 'async', type: 'pure-token', token: 'ASYNC', since: '4.0.0' },
        { name: 'sync', type: 'pure-token', token: 'SYNC', since: '6.2.0' },
      ],
    },
  ],
};

export const serverCommands: CommandSpec[] = [
  {
    name: 'flushdb',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    group: 'server',
    since: '1.0.0',
    summary: 'Remove all keys from the current database',
    complexity: 'O(N) where N is the number of keys in the selected database',
    ...FLUSH_DOCS,
    handler(c, argv) {
      const e = flushMode(argv);
      if (e) return e;
      emptyDatabase(c, c.db);
      return OK;
    },
  },
  {
    name: 'flushall',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    group: 'server',
    since: '1.0.0',
    summary: 'Remove all keys from all databases',
    complexity: 'O(N) where N is the total number of keys in all databases',
    ...FLUSH_DOCS,
    handler(c, argv) {
      const e = flushMode(argv);
      if (e) return e;
      for (const db of c.engine.dbs) emptyDatabase(c, db);
      // Redis counts the FLUSHALL itself as one more change.
      c.engine.dirty++;
      return OK;
    },
  },
  {
    name: 'swapdb',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast', 'dangerous'],
    group: 'server',
    since: '4.0.0',
    summary: 'Swaps two Redis databases',
    complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
    args: [
      { name: 'index1', type: 'integer' },
      { name: 'index2', type: 'integer' },
    ],
    handler: swapdb,
  },
  {
    name: 'dbsize',
    arity: 1,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    group: 'server',
    since: '1.0.0',
    summary: 'Return the number of keys in the selected database',
    complexity: 'O(1)',
    tips: ['request_policy:all_shards', 'response_policy:agg_sum'],
    handler: (c) => c.db.size,
  },
  {
    name: 'time',
    arity: 1,
    flags: ['loading', 'stale', 'fast'],
    acl: ['fast'],
    group: 'server',
    since: '2.6.0',
    summary: 'Return the current server time',
    complexity: 'O(1)',
    tips: ['nondeterministic_output'],
    handler: time,
  },
  {
    name: 'debug',
    arity: -2,
    flags: ['admin', 'noscript', 'loading', 'stale', 'protected'],
    acl: ['admin', 'slow', 'dangerous'],
    group: 'server',
    since: '1.0.0',
    summary: 'A container for debugging commands',
    complexity: 'Depends on subcommand.',
    docFlags: ['syscmd'],
    handler: debug,
  },
  {
    name: 'shutdown',
    arity: -1,
    flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'allow_busy'],
    acl: ['admin', 'slow', 'dangerous'],
    group: 'server',
    since: '1.0.0',
    summary: 'Synchronously save the dataset to disk and then shut down the server',
    complexity: 'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    history: [['7.0.0', 'Added the `NOW`, `FORCE` and `ABORT` modifiers.']],
    args: [
      {
        name: 'nosave_save',
        type: 'oneof',
        optional: true,
        args: [
          { name: 'nosave', type: 'pure-token', token: 'NOSAVE' },
          { name: 'save', type: 'pure-token', token: 'SAVE' },
        ],
      },
      { name: 'now', type: 'pure-token', token: 'NOW', since: '7.0.0', optional: true },
      { name: 'force', type: 'pure-token', token: 'FORCE', since: '7.0.0', optional: true },
      { name: 'abort', type: 'pure-token', token: 'ABORT', since: '7.0.0', optional: true },
    ],
    handler: shutdown,
  },
];
