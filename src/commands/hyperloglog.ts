// The HyperLogLog family (Redis 7.0 hyperloglog.c): PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST.
// An HLL is a plain string value in Redis's exact representation (see assembly/hll.ts), edited in
// place as a ByteString; the register work runs in src/wasm/hll.ts.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { META_RAW } from '../keyspace/database.ts';
import { E, OK, SimpleString, err, type ErrorReply, type Reply } from '../reply.ts';
import { ByteString } from '../types/byte-string.ts';
import {
  HLL_DENSE_SIZE,
  HLL_HDR,
  HLL_REGISTERS,
  emptyHll,
  hllAddElements,
  hllCardinality,
  hllPastEnd,
  hllRegisters,
  hllToDense,
  hllUnionAdd,
  hllUnionCount,
  hllUnionReset,
  hllUnionStore,
} from '../wasm/hll.ts';
import { denseGet, denseSet } from '../wasm/ts/hll.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import type { ArgSpec, CommandSpec } from './spec.ts';

const E_NOT_HLL = err('WRONGTYPE Key is not a valid HyperLogLog string value.');
const E_INVALID = err('INVALIDOBJ Corrupted HLL object detected');
const E_NO_KEY = err('ERR The specified key does not exist');
const E_NOT_SPARSE = err('ERR HLL encoding is not sparse');
const NOTIFY_STRING = '$';

/** The ceiling passed to the module (i32); no sparse string comes near it. */
const SPARSE_LIMIT_CAP = 0x3fffffff;

function maxSparse(c: Client): number {
  return Math.min(c.engine.config.getNumber('hll-sparse-max-bytes'), SPARSE_LIMIT_CAP);
}

/** isHLLObjectOrReply: the string as an HLL, or the error to answer. */
function asHll(v: unknown): ByteString | ErrorReply {
  if (!(v instanceof ByteString)) return E.wrongType;
  const len = v.length;
  if (len < HLL_HDR) return E_NOT_HLL;
  // Straight from the module's memory: no view allocated per command.
  const mem = v.m.view();
  const p = v.address;
  if (mem[p] !== 0x48 || mem[p + 1] !== 0x59 || mem[p + 2] !== 0x4c || mem[p + 3] !== 0x4c) return E_NOT_HLL;
  if (mem[p + 4] > 1) return E_NOT_HLL;
  if (mem[p + 4] === 0 && len !== HLL_DENSE_SIZE) return E_NOT_HLL;
  return v;
}

function newHll(c: Client, key: Bin): ByteString {
  const hll = ByteString.zeroed(0);
  hll.assign(emptyHll());
  c.db.setKey(key, hll, { repr: META_RAW });
  return hll;
}

function pfaddCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const v = c.db.lookupWriteBytes(key);
  let updated = 0;
  let hll: ByteString;
  if (v === undefined) {
    hll = newHll(c, key);
    updated++;
  } else {
    const h = asHll(v);
    if (!(h instanceof ByteString)) return h;
    hll = h;
  }
  if (argv.length > 2) {
    const changed = hllAddElements(hll, argv, 2, argv.length, maxSparse(c));
    if (changed < 0) {
      c.db.unshareString(key);
      return E_INVALID;
    }
    updated += changed;
  }
  if (updated === 0) {
    c.db.unshareString(key);
    return 0;
  }
  hll.m.view()[hll.address + 15] |= 0x80; // the cached cardinality is stale
  hll.changed();
  c.db.stringEdited(key);
  notify(c, NOTIFY_STRING, 'pfadd', key);
  c.engine.dirty += updated;
  return 1;
}

function cachedCard(b: Uint8Array): number | bigint | undefined {
  if (b[15] & 0x80) return undefined;
  const lo = (b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24)) >>> 0;
  const hi = (b[12] | (b[13] << 8) | (b[14] << 16) | (b[15] << 24)) >>> 0;
  return hi < 0x200000 ? hi * 0x100000000 + lo : (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * An estimate as Redis replies it: (long long)(uint64_t)llroundl(E). Past 2^53 the double is
 * already an integer and goes out exactly; llroundl of a value past 2^63 (all registers above
 * 51 make E infinite) is x86's "integer indefinite", 2^63, which replies as INT64_MIN.
 */
function cardReply(e: number): number | bigint {
  if (e <= Number.MAX_SAFE_INTEGER) return e;
  return e < 2 ** 63 ? BigInt(e) : -(2n ** 63n);
}

function pfcountCommand(c: Client, argv: Bin[]): Reply {
  if (argv.length > 2) {
    hllUnionReset();
    for (let j = 1; j < argv.length; j++) {
      const v = c.db.lookupReadBytes(argv[j]);
      if (v === undefined) continue;
      const h = asHll(v);
      if (!(h instanceof ByteString)) return h;
      if (!hllUnionAdd(h)) return E_INVALID;
    }
    return cardReply(hllUnionCount());
  }
  const key = argv[1];
  const v = c.db.lookupReadBytes(key);
  if (v === undefined) return 0;
  const h = asHll(v);
  if (!(h instanceof ByteString)) return h;
  c.db.unshareString(key);
  const cached = cachedCard(h.bytes());
  if (cached !== undefined) return cached;
  const card = hllCardinality(h);
  if (card < 0) return E_INVALID;
  const reply = cardReply(card);
  const b = h.bytes();
  let rest = BigInt.asUintN(64, BigInt(reply));
  for (let i = 8; i < 16; i++) {
    b[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  h.changed();
  // A read command that writes the cache: Redis signals the key and counts a change.
  c.db.stringEdited(key);
  c.engine.dirty++;
  return reply;
}

function pfmergeCommand(c: Client, argv: Bin[]): Reply {
  let useDense = false;
  hllUnionReset();
  for (let j = 1; j < argv.length; j++) {
    const v = c.db.lookupReadBytes(argv[j]);
    if (v === undefined) continue;
    const h = asHll(v);
    if (!(h instanceof ByteString)) return h;
    if (h.bytes()[4] === 0) useDense = true;
    if (!hllUnionAdd(h)) return E_INVALID;
  }
  const key = argv[1];
  const v = c.db.lookupWriteBytes(key);
  // The target was checked as the first source.
  const hll = v instanceof ByteString ? v : newHll(c, key);
  if (useDense && hll.bytes()[4] !== 0 && !hllToDense(hll)) return E_INVALID;
  hllUnionStore(hll, maxSparse(c));
  c.db.stringEdited(key);
  notify(c, NOTIFY_STRING, 'pfadd', key);
  c.engine.dirty++;
  return OK;
}

function decodeSparse(b: Uint8Array, past: number): Bin {
  const parts: string[] = [];
  const end = b.length;
  let p = HLL_HDR;
  while (p < end) {
    const op = b[p];
    if ((op & 0xc0) === 0) {
      parts.push(`z:${(op & 0x3f) + 1}`);
      p++;
    } else if ((op & 0xc0) === 0x40) {
      parts.push(`Z:${(((op & 0x3f) << 8) | (p + 1 < end ? b[p + 1] : past)) + 1}`);
      p += 2;
    } else {
      parts.push(`v:${((op >> 2) & 0x1f) + 1},${(op & 3) + 1}`);
      p++;
    }
  }
  return parts.join(' ');
}

function pfdebugCommand(c: Client, argv: Bin[]): Reply {
  const sub = argv[1];
  const v = c.db.lookupWriteBytes(argv[2]);
  if (v === undefined) return E_NO_KEY;
  const hll = asHll(v);
  if (!(hll instanceof ByteString)) return hll;
  c.db.unshareString(argv[2]);
  const sparse = hll.bytes()[4] === 1;
  if (is(sub, 'GETREG')) {
    if (sparse) {
      if (!hllToDense(hll)) return E_INVALID;
      c.engine.dirty++;
    }
    return hllRegisters(hll);
  }
  if (is(sub, 'DECODE')) {
    if (!sparse) return E_NOT_SPARSE;
    return decodeSparse(hll.bytes(), hllPastEnd(hll));
  }
  if (is(sub, 'ENCODING')) return new SimpleString(sparse ? 'sparse' : 'dense');
  if (is(sub, 'TODENSE')) {
    if (!sparse) return 0;
    if (!hllToDense(hll)) return E_INVALID;
    c.engine.dirty++;
    return 1;
  }
  return err(`ERR Unknown PFDEBUG subcommand '${sub}'`);
}

/**
 * PFSELFTEST as Redis runs it: the dense register packing (random values set and read back),
 * then unique elements (j XOR a random seed, as 8 little-endian bytes) added to a fresh HLL,
 * which must still be sparse at each checkpoint 1, 10, 100... below hll-sparse-max-bytes / 2.
 * Redis also checks, on a dense twin, that the estimate agrees with the sparse one and stays
 * within 6 standard errors up to 10,000,000 elements; those checks cannot fail here (one
 * estimator serves both encodings, and the unit tests cover its error), so they are not run.
 */
function pfselftestCommand(c: Client): Reply {
  const regs = new Uint8Array(HLL_DENSE_SIZE + 1);
  const expect = new Uint8Array(HLL_REGISTERS);
  for (let round = 0; round < 100; round++) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      expect[i] = (Math.random() * 64) & 63;
      denseSet(regs, HLL_HDR, i, expect[i]);
    }
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = denseGet(regs, HLL_HDR, i);
      if (v !== expect[i]) return err(`ERR TESTFAILED Register error, counter ${i} wrong value ${v} (should be ${expect[i]})`);
    }
  }
  const max = maxSparse(c);
  const hll = ByteString.zeroed(0);
  hll.assign(emptyHll());
  try {
    const seedLo = (Math.random() * 2 ** 32) >>> 0;
    const seedHi = (Math.random() * 2 ** 32) >>> 0;
    const element = (j: number) => {
      const lo = (j % 2 ** 32 ^ seedLo) >>> 0;
      const hi = (Math.floor(j / 2 ** 32) ^ seedHi) >>> 0;
      let e = '';
      for (let k = 0; k < 4; k++) e += String.fromCharCode((lo >>> (8 * k)) & 0xff);
      for (let k = 0; k < 4; k++) e += String.fromCharCode((hi >>> (8 * k)) & 0xff);
      return e;
    };
    let added = 0;
    for (let checkpoint = 1; checkpoint < max / 2 && checkpoint <= 10_000_000; checkpoint *= 10) {
      const batch: Bin[] = [];
      for (let j = added + 1; j <= checkpoint; j++) batch.push(element(j));
      if (hllAddElements(hll, batch, 0, batch.length, max) < 0) return E_INVALID;
      added = checkpoint;
      if (hll.bytes()[4] !== 1) return err('ERR TESTFAILED sparse encoding not used');
    }
  } finally {
    hll.free();
  }
  return OK;
}

const GROUP = 'hyperloglog';
const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };

export const hyperLogLogCommands: CommandSpec[] = [
  {
    name: 'pfadd',
    arity: -2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hyperloglog', 'fast'],
    keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: GROUP,
    since: '2.8.9',
    summary: 'Adds the specified elements to the specified HyperLogLog.',
    complexity: 'O(1) to add every element.',
    args: [KEY_ARG, { name: 'element', type: 'string', optional: true, multiple: true }],
    handler: pfaddCommand,
  },
  {
    name: 'pfcount',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'hyperloglog', 'slow'],
    keySpecs: [
      {
        flags: ['RW', 'access'],
        begin: { index: 1 },
        find: { lastKey: -1, step: 1, limit: 0 },
        notes: 'RW because it may change the internal representation of the key, and propagate to replicas',
      },
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).',
    complexity: 'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler: pfcountCommand,
  },
  {
    name: 'pfdebug',
    arity: 3,
    flags: ['write', 'denyoom', 'admin'],
    acl: ['write', 'hyperloglog', 'admin', 'slow', 'dangerous'],
    keySpecs: [{ flags: ['RW', 'access'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: GROUP,
    since: '2.8.9',
    summary: 'Internal commands for debugging HyperLogLog values',
    complexity: 'N/A',
    docFlags: ['syscmd'],
    args: [
      { name: 'subcommand', type: 'string' },
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
    handler: pfdebugCommand,
  },
  {
    name: 'pfmerge',
    arity: -2,
    flags: ['write', 'denyoom'],
    acl: ['write', 'hyperloglog', 'slow'],
    keySpecs: [
      { flags: ['RW', 'access', 'insert'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } },
      { flags: ['RO', 'access'], begin: { index: 2 }, find: { lastKey: -1, step: 1, limit: 0 } },
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Merge N different HyperLogLogs into a single one.',
    complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.',
    args: [
      { name: 'destkey', type: 'key', keySpecIndex: 0 },
      { name: 'sourcekey', type: 'key', keySpecIndex: 1, multiple: true },
    ],
    handler: pfmergeCommand,
  },
  {
    name: 'pfselftest',
    arity: 1,
    flags: ['admin'],
    acl: ['hyperloglog', 'admin', 'slow', 'dangerous'],
    group: GROUP,
    since: '2.8.9',
    summary: 'An internal command for testing HyperLogLog values',
    complexity: 'N/A',
    docFlags: ['syscmd'],
    handler: pfselftestCommand,
  },
];
