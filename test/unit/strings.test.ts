// The string family in process: what the compat tests cannot reach yet (keys of other types,
// the per-key encoding bit, server.dirty per command) and the string type's encoding rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cinnabar, ReplyError } from '../../bindings/node/index.ts';
import { MAX_BIN_LENGTH } from '../../src/bytes.ts';
import { META_PLAIN, META_RAW, type Database } from '../../src/keyspace/database.ts';
import type { RedisObject } from '../../src/types/value.ts';
import { stringEncoding } from '../../src/types/string.ts';

let db: Cinnabar;
let keyspace: Database;

/** Stands for a key of another type (lists and the rest arrive with their families). */
const aList: RedisObject = { type: 'list', encoding: () => 'listpack' };

beforeEach(async () => {
  db = await Cinnabar.open();
  keyspace = db.engine.dbs[0];
});
afterEach(async () => {
  await db.close();
});

async function error(...args: string[]): Promise<string> {
  try {
    await db.call(...args);
  } catch (e) {
    if (e instanceof ReplyError) return e.message;
    throw e;
  }
  throw new Error(`${args.join(' ')} did not fail`);
}

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

describe('keys of another type', () => {
  beforeEach(() => {
    keyspace.setKey('l', aList);
  });

  it.each([
    ['GET', 'l'], ['GETSET', 'l', 'v'], ['GETDEL', 'l'], ['GETEX', 'l'], ['GETEX', 'l', 'PERSIST'],
    ['SET', 'l', 'v', 'GET'], ['SET', 'l', 'v', 'NX', 'GET'], ['APPEND', 'l', 'x'], ['STRLEN', 'l'],
    ['GETRANGE', 'l', '0', '-1'], ['SUBSTR', 'l', '0', '-1'], ['SETRANGE', 'l', '0', 'x'], ['SETRANGE', 'l', '0', ''],
    ['INCR', 'l'], ['DECR', 'l'], ['INCRBY', 'l', '2'], ['DECRBY', 'l', '2'], ['INCRBYFLOAT', 'l', '1.5'],
  ])('%s %s ... answers WRONGTYPE and leaves the key alone', async (...args) => {
    expect(await error(...args)).toBe(WRONGTYPE);
    expect(keyspace.peek('l')).toBe(aList);
  });

  it('argument errors come before the type check, as in Redis', async () => {
    expect(await error('INCRBY', 'l', 'x')).toBe('ERR value is not an integer or out of range');
    expect(await error('DECRBY', 'l', '-9223372036854775808')).toBe('ERR decrement would overflow');
    expect(await error('GETRANGE', 'l', 'x', '1')).toBe('ERR value is not an integer or out of range');
    expect(await error('SETRANGE', 'l', '-1', 'x')).toBe('ERR offset is out of range');
    expect(await error('SET', 'l', 'v', 'GET', 'EX', '0')).toBe("ERR invalid expire time in 'set' command");
    expect(await error('GETEX', 'l', 'EX', '1', 'PX', '1')).toBe('ERR syntax error');
  });

  it('GETEX on a missing key answers nil before judging the expire time', async () => {
    expect(await db.call('GETEX', 'missing', 'EX', 'x')).toBeNull();
    expect(await error('GETEX', 'l', 'EX', 'x')).toBe(WRONGTYPE);
  });

  it('MGET answers nil for it; SET, MSET and GETSET-free writes replace it', async () => {
    await db.call('SET', 's', 'v');
    expect(await db.call('MGET', 'l', 's', 'missing')).toEqual([null, 'v', null]);
    expect(await db.call('SETNX', 'l', 'v')).toBe(0);
    expect(await db.call('MSETNX', 'x', '1', 'l', 'v')).toBe(0);
    expect(await db.call('SET', 'l', 'v', 'XX')).toBe('OK');
    expect(await db.call('GET', 'l')).toBe('v');
  });

  it('LCS refuses with its own message', async () => {
    expect(await error('LCS', 'l', 'missing')).toBe('ERR The specified keys must contain string values');
    expect(await error('LCS', 'missing', 'l', 'BOGUS')).toBe('ERR The specified keys must contain string values');
  });
});

describe('encoding', () => {
  it('stringEncoding follows tryObjectEncoding', () => {
    expect(stringEncoding('123', 0)).toBe('int');
    expect(stringEncoding('-9223372036854775808', 0)).toBe('int');
    expect(stringEncoding('9223372036854775808', 0)).toBe('embstr');
    expect(stringEncoding('01', 0)).toBe('embstr');
    expect(stringEncoding('-0', 0)).toBe('embstr');
    expect(stringEncoding(' 1', 0)).toBe('embstr');
    expect(stringEncoding('', 0)).toBe('embstr');
    expect(stringEncoding('x'.repeat(44), 0)).toBe('embstr');
    expect(stringEncoding('x'.repeat(45), 0)).toBe('raw');
    expect(stringEncoding('1', META_RAW)).toBe('raw');
    expect(stringEncoding('11', META_PLAIN)).toBe('embstr');
    expect(stringEncoding('x'.repeat(45), META_PLAIN)).toBe('raw');
  });

  it('APPEND and SETRANGE mark the value as edited in place; whole writes clear it', async () => {
    await db.call('SET', 'k', '12');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(0);
    await db.call('APPEND', 'k', '');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(META_RAW);
    await db.call('INCR', 'k');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(0);
    await db.call('SETRANGE', 'k', '0', '');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(0);
    await db.call('SETRANGE', 'k', '0', '9');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(META_RAW);
    await db.call('SET', 'k', '12');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(0);
    await db.call('SETRANGE', 'new', '2', 'x');
    expect(keyspace.stringRepr('new') & META_RAW).toBe(META_RAW);
    await db.call('APPEND', 'new2', 'x');
    expect(keyspace.stringRepr('new2') & META_RAW).toBe(0);
  });
});

describe('server.dirty', () => {
  it.each([
    [['SET', 'k', 'v'], 1],
    [['SET', 'e', 'v', 'NX'], 0],
    [['SET', 'e', 'v', 'XX', 'GET'], 1],
    [['SET', 'missing', 'v', 'XX', 'GET'], 0],
    [['SETNX', 'e', 'v'], 0],
    [['SETEX', 'k', '10', 'v'], 1],
    [['MSET', 'a', '1', 'b', '2', 'a', '3'], 3],
    [['MSETNX', 'a', '1', 'e', '2'], 0],
    [['MSETNX', 'a', '1', 'b', '2'], 2],
    [['APPEND', 'e', ''], 1],
    [['SETRANGE', 'e', '0', ''], 0],
    [['SETRANGE', 'missing', '5', ''], 0],
    [['SETRANGE', 'e', '1', 'x'], 1],
    [['GETDEL', 'missing'], 0],
    [['GETDEL', 'e'], 1],
    [['GETEX', 'e'], 0],
    [['GETEX', 'e', 'PERSIST'], 0],
    [['GETEX', 'ttl', 'PERSIST'], 1],
    [['GETEX', 'e', 'EX', '10'], 1],
    [['GETEX', 'e', 'EXAT', '1'], 1],
    [['GETSET', 'e', 'v'], 1],
    [['INCR', 'e'], 0],
    [['INCR', 'n'], 1],
    [['INCRBYFLOAT', 'n', '1.5'], 1],
    [['INCRBYFLOAT', 'n', 'inf'], 0],
    [['GET', 'e'], 0],
    [['LCS', 'e', 'n'], 0],
  ] as [string[], number][])('%j adds %i', async (args, added) => {
    await db.call('SET', 'e', 'exists');
    await db.call('SET', 'ttl', 'v', 'EX', '100');
    const before = db.engine.dirty;
    try {
      await db.call(...args);
    } catch (e) {
      if (!(e instanceof ReplyError)) throw e;
    }
    expect(db.engine.dirty - before).toBe(added);
  });
});

describe('TTLs', () => {
  async function hasTtl(key: string): Promise<boolean> {
    return keyspace.getExpire(key) !== -1;
  }

  it('in-place changes keep the TTL; whole writes drop it unless KEEPTTL', async () => {
    await db.call('SET', 'k', '1', 'EX', '100');
    for (const args of [['INCR', 'k'], ['DECRBY', 'k', '2'], ['INCRBYFLOAT', 'k', '0.5'], ['APPEND', 'k', 'x'], ['SETRANGE', 'k', '0', 'y'], ['SET', 'k', 'v', 'KEEPTTL'], ['GETEX', 'k']]) {
      await db.call(...args);
      expect(await hasTtl('k')).toBe(true);
    }
    await db.call('GETSET', 'k', 'v');
    expect(await hasTtl('k')).toBe(false);
    await db.call('SET', 'k', 'v', 'PX', '100000');
    await db.call('SET', 'k', 'w');
    expect(await hasTtl('k')).toBe(false);
    await db.call('SET', 'k', 'v', 'PX', '100000');
    await db.call('MSET', 'k', 'w');
    expect(await hasTtl('k')).toBe(false);
  });

  it('EX/PX count from now; EXAT/PXAT are absolute', async () => {
    const now = db.engine.now();
    await db.call('SET', 'a', 'v', 'EX', '100');
    await db.call('SET', 'b', 'v', 'PX', '100');
    await db.call('SET', 'c', 'v', 'EXAT', '4000000000');
    await db.call('SET', 'd', 'v', 'PXAT', '4000000000123');
    expect(keyspace.getExpire('a') - now).toBeGreaterThan(99_000);
    expect(keyspace.getExpire('a') - now).toBeLessThanOrEqual(101_000);
    expect(keyspace.getExpire('b') - now).toBeLessThanOrEqual(1_100);
    expect(keyspace.getExpire('c')).toBe(4_000_000_000_000);
    expect(keyspace.getExpire('d')).toBe(4_000_000_000_123);
  });

  it('a far expiry stays exact beyond 2^53', async () => {
    await db.call('SET', 'k', 'v', 'PXAT', '9223372036854775807');
    expect(await db.call('PEXPIRETIME', 'k')).toBe(9223372036854775807n);
    await db.call('GETEX', 'k', 'EXAT', '9223372036854775');
    expect(await db.call('PEXPIRETIME', 'k')).toBe(9223372036854775000n);
  });
});

describe('values', () => {
  it('binary bytes round-trip through every write', async () => {
    const bytes = new Uint8Array([0, 255, 13, 10, 0, 128]);
    await db.call('SET', 'k', bytes);
    expect(await db.callBuffer('GET', 'k')).toEqual(bytes);
    await db.call('APPEND', 'k', new Uint8Array([0, 254]));
    expect(await db.callBuffer('GETRANGE', 'k', '-3', '-1')).toEqual(new Uint8Array([128, 0, 254]));
    await db.call('SETRANGE', 'k', '10', new Uint8Array([255]));
    expect(await db.callBuffer('GET', 'k')).toEqual(new Uint8Array([0, 255, 13, 10, 0, 128, 0, 254, 0, 0, 255]));
  });

  it('counters answer exact integers past 2^53', async () => {
    await db.call('SET', 'k', '9007199254740992');
    expect(await db.call('INCR', 'k')).toBe(9007199254740993n);
    expect(await db.call('INCRBY', 'k', '-9007199254740993')).toBe(0);
    expect(await db.call('DECRBY', 'k', '-9223372036854775807')).toBe(9223372036854775807n);
    expect(await error('INCR', 'k')).toBe('ERR increment or decrement would overflow');
  });
});

describe('the longest value', () => {
  // A value is one JS string: V8 holds at most MAX_BIN_LENGTH chars, 24 short of 512 MB.
  it('SETRANGE/APPEND up to MAX_BIN_LENGTH work, one byte more is refused as over proto-max-bulk-len', async () => {
    expect(await db.call('SETRANGE', 'big', String(MAX_BIN_LENGTH - 8), 'x'.repeat(8))).toBe(MAX_BIN_LENGTH);
    expect(await error('SETRANGE', 'big', String(MAX_BIN_LENGTH - 8), 'x'.repeat(9))).toBe('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
    expect(await error('APPEND', 'big', 'y')).toBe('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
    expect(await db.call('STRLEN', 'big')).toBe(MAX_BIN_LENGTH);
    await db.call('DEL', 'big');
  });
});
