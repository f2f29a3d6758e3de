// The hash family against real Redis 7.0: the examples and edge cases of the command pages,
// the listpack -> hashtable conversion (OBJECT ENCODING, and the insertion order a listpack
// answers HGETALL/HKEYS/HVALS/HSCAN in), HINCRBYFLOAT's long double arithmetic, HRANDFIELD's
// shapes (RESP2 and RESP3) and samples, HSCAN cursors over a table, and seeded random sequences
// mixing every command with wrong types, bad arities, syntax errors and bad numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat, Rng, type Comparison, type Pair, type Step } from './harness.ts';
import { replyText } from './harness.ts';
import { show, type Arg, type RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const text = replyText;

/** Items of an array reply ('*'), or null. */
function items(r: RespValue): RespValue[] | null {
  return r.t === '*' && r.v !== null ? r.v : null;
}

/** Both sides must be a map (RESP3) or an array (RESP2) of the same field/value pairs, any order. */
const samePairs: Comparison = (a, b) => {
  const pairs = (r: RespValue): string[] | null => {
    if (r.t === '%') return r.v.map(([k, v]) => show(k) + '=' + show(v)).sort();
    const v = items(r);
    if (v === null) return null;
    const out: string[] = [];
    for (let i = 0; i < v.length; i += 2) out.push(show(v[i]) + '=' + show(v[i + 1]));
    return out.sort();
  };
  if (a.t !== b.t) return `type ${a.t} vs ${b.t}`;
  const pa = pairs(a);
  if (pa === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
  const pb = pairs(b);
  return JSON.stringify(pa) === JSON.stringify(pb) ? null : `redis ${show(a)}\ncinnabar ${show(b)}`;
};

/**
 * HRANDFIELD with a count: the reply is random, so check what is certain: same reply type, same
 * length, every field in the hash (`hash` field -> value as the test tracks it) with its value,
 * distinct fields when the count is positive, the RESP3 pairs nested.
 */
function randfieldCheck(hash: Map<string, string>, count: number, withValues: boolean, resp3: boolean): Comparison {
  return (a, b) => {
    if (a.t !== b.t) return `type ${a.t} vs ${b.t}`;
    if (a.t !== '*') return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
    const ra = items(a)!;
    const rb = items(b)!;
    if (ra.length !== rb.length) return `length ${ra.length} vs ${rb.length}`;
    const fields: string[] = [];
    if (withValues && resp3) {
      for (const pair of rb) {
        const p = items(pair);
        if (p === null || p.length !== 2) return `not a pair: ${show(pair)}`;
        if (!known(hash, text(p[0]), text(p[1]))) return `wrong pair ${show(pair)}`;
        fields.push(text(p[0]));
      }
    } else if (withValues) {
      for (let i = 0; i < rb.length; i += 2) {
        if (!known(hash, text(rb[i]), text(rb[i + 1]))) return `wrong pair ${show(rb[i])} ${show(rb[i + 1])}`;
        fields.push(text(rb[i]));
      }
    } else {
      for (const f of rb) {
        if (!hash.has(text(f))) return `not a field: ${show(f)}`;
        fields.push(text(f));
      }
    }
    if (count > 0 && new Set(fields).size !== fields.length) return `repeated fields: ${fields}`;
    const expected = hash.size === 0 ? 0 : count >= 0 ? Math.min(count, hash.size) : -count;
    const exactModel = ![...hash.values()].includes(UNKNOWN);
    if (fields.length !== expected && (exactModel || (count < 0 && fields.length !== 0))) return `expected ${expected} fields, got ${fields.length}`;
    return null;
  };
}

/** Whether the model allows field = value (an UNKNOWN field allows any value). */
function known(hash: Map<string, string>, field: string, value: string): boolean {
  const v = hash.get(field);
  return v === value || (v === UNKNOWN && hash.has(field));
}

describe('the command pages', () => {
  it('HSET HGET HMSET HMGET HSETNX HGETALL HKEYS HVALS HLEN HSTRLEN HEXISTS HDEL', async () => {
    await h.reset();
    await h.checkAll([
      ['HSET', 'myhash', 'field1', 'Hello'],
      ['HGET', 'myhash', 'field1'],
      ['HSET', 'myhash', 'field2', 'Hi', 'field3', 'World'],
      ['HGET', 'myhash', 'field2'],
      ['HGET', 'myhash', 'field3'],
      ['HGETALL', 'myhash'],
      ['HSET', 'myhash', 'field1', 'again', 'field4', 'x', 'field4', 'y'],
      ['HGETALL', 'myhash'],
      ['HSET', 'myhash', 'field1'],
      ['HSET', 'myhash'],
      ['HMSET', 'myhash', 'a', '1', 'b'],
      ['HMSET', 'h2', 'field1', 'Hello', 'field2', 'World'],
      ['HMGET', 'h2', 'field1', 'field2', 'nofield'],
      ['HMGET', 'nokey', 'a', 'b'],
      ['HSETNX', 'h3', 'field', 'Hello'],
      ['HSETNX', 'h3', 'field', 'World'],
      ['HGET', 'h3', 'field'],
      ['HKEYS', 'myhash'],
      ['HVALS', 'myhash'],
      ['HLEN', 'myhash'],
      ['HLEN', 'nokey'],
      ['HKEYS', 'nokey'],
      ['HVALS', 'nokey'],
      ['HGETALL', 'nokey'],
      ['HGET', 'nokey', 'f'],
      ['HSET', 'h4', 'f1', 'HelloWorld', 'f2', '99', 'f3', '-256'],
      ['HSTRLEN', 'h4', 'f1'],
      ['HSTRLEN', 'h4', 'f2'],
      ['HSTRLEN', 'h4', 'f3'],
      ['HSTRLEN', 'h4', 'nofield'],
      ['HSTRLEN', 'nokey', 'f'],
      ['HEXISTS', 'h4', 'f1'],
      ['HEXISTS', 'h4', 'f9'],
      ['HEXISTS', 'nokey', 'f9'],
      ['HDEL', 'h4', 'f1', 'f1', 'nofield'],
      ['HDEL', 'h4', 'f2', 'f3', 'f1'],
      ['EXISTS', 'h4'],
      ['HDEL', 'h4', 'f1'],
      ['HSET', 'empty', '', ''],
      ['HGETALL', 'empty'],
      ['HSTRLEN', 'empty', ''],
      ['HSET', 'bin', '\x00\xff\r\n', '\xff\x00'],
      ['HGETALL', 'bin'],
      ['HGET', 'bin', '\x00\xff\r\n'],
      ['TYPE', 'myhash'],
      ['OBJECT', 'ENCODING', 'myhash'],
    ]);
  });

  it('wrong types and arities', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 's', 'v'],
      ['RPUSH', 'l', 'a'],
      ['HSET', 's', 'f', 'v'],
      ['HMSET', 's', 'f', 'v'],
      ['HSETNX', 's', 'f', 'v'],
      ['HGET', 's', 'f'],
      ['HMGET', 's', 'f'],
      ['HGETALL', 's'],
      ['HKEYS', 'l'],
      ['HVALS', 'l'],
      ['HLEN', 's'],
      ['HSTRLEN', 's', 'f'],
      ['HEXISTS', 's', 'f'],
      ['HDEL', 's', 'f'],
      ['HINCRBY', 's', 'f', '1'],
      ['HINCRBY', 's', 'f', 'x'],
      ['HINCRBYFLOAT', 's', 'f', '1'],
      ['HINCRBYFLOAT', 's', 'f', 'x'],
      ['HINCRBYFLOAT', 's', 'f', 'inf'],
      ['HRANDFIELD', 's'],
      ['HRANDFIELD', 's', '1'],
      ['HRANDFIELD', 's', 'x'],
      ['HRANDFIELD', 's', '1', 'bad'],
      ['HRANDFIELD', 's', '0'],
      ['HSCAN', 's', '0'],
      ['HSCAN', 's', 'x'],
      ['HSCAN', 's', '0', 'COUNT', 'x'],
      ['GET', 's'],
      ['HGET', 'h'],
      ['HDEL', 'h'],
      ['HLEN'],
      ['HSETNX', 'h', 'f'],
      ['HINCRBY', 'h', 'f'],
      ['HRANDFIELD'],
      ['HSCAN', 'h'],
      ['HMGET', 'h'],
      ['HKEYS', 'h', 'x'],
    ]);
  });
});

describe('counters', () => {
  it('HINCRBY: the page, int64 limits, refusals', async () => {
    await h.reset();
    await h.checkAll([
      ['HSET', 'myhash', 'field', '5'],
      ['HINCRBY', 'myhash', 'field', '1'],
      ['HINCRBY', 'myhash', 'field', '-1'],
      ['HINCRBY', 'myhash', 'field', '-10'],
      ['HINCRBY', 'myhash', 'new', '7'],
      ['HINCRBY', 'fresh', 'f', '-3'],
      ['HGETALL', 'fresh'],
      ['HSET', 'myhash', 'max', '9223372036854775807', 'min', '-9223372036854775808'],
      ['HINCRBY', 'myhash', 'max', '1'],
      ['HINCRBY', 'myhash', 'max', '0'],
      ['HINCRBY', 'myhash', 'max', '-9223372036854775808'],
      ['HINCRBY', 'myhash', 'min', '-1'],
      ['HINCRBY', 'myhash', 'min', '9223372036854775807'],
      ['HINCRBY', 'myhash', 'big', '9007199254740993'],
      ['HINCRBY', 'myhash', 'big', '9007199254740993'],
      ['HINCRBY', 'myhash', 'field', '9223372036854775808'],
      ['HINCRBY', 'myhash', 'field', '1.5'],
      ['HINCRBY', 'myhash', 'field', ' 1'],
      ['HINCRBY', 'myhash', 'field', '+1'],
      ['HINCRBY', 'myhash', 'field', ''],
      ['HINCRBY', 'nokey', 'field', 'x'],
      ['EXISTS', 'nokey'],
      ['HSET', 'myhash', 's', 'abc', 'sp', ' 1', 'z', '01', 'e', '', 'm0', '-0'],
      ['HINCRBY', 'myhash', 's', '1'],
      ['HINCRBY', 'myhash', 'sp', '1'],
      ['HINCRBY', 'myhash', 'z', '1'],
      ['HINCRBY', 'myhash', 'e', '1'],
      ['HINCRBY', 'myhash', 'm0', '1'],
      ['HGETALL', 'myhash'],
    ]);
  });

  it('HINCRBYFLOAT: the page, long double precision, accepted syntax, errors', async () => {
    await h.reset();
    await h.checkAll([
      ['HSET', 'mykey', 'field', '10.50'],
      ['HINCRBYFLOAT', 'mykey', 'field', '0.1'],
      ['HINCRBYFLOAT', 'mykey', 'field', '-5'],
      ['HSET', 'mykey', 'field', '5.0e3'],
      ['HINCRBYFLOAT', 'mykey', 'field', '2.0e2'],
      ['HINCRBYFLOAT', 'mykey', 'n', '1e400'],
      ['HSTRLEN', 'mykey', 'n'],
      ['OBJECT', 'ENCODING', 'mykey'],
      ['HINCRBYFLOAT', 'f', 'a', '1.18e4932'],
      ['HINCRBYFLOAT', 'f', 'a', '1.18e4932'],
      ['HINCRBYFLOAT', 'f', 'a', 'inf'],
      ['HINCRBYFLOAT', 'f', 'a', '-infinity'],
      ['HINCRBYFLOAT', 'f', 'a', 'nan'],
      ['HINCRBYFLOAT', 'f', 'a', 'abc'],
      ['HINCRBYFLOAT', 'f', 'a', ''],
      ['HINCRBYFLOAT', 'f', 'a', ' 1'],
      ['HINCRBYFLOAT', 'f', 'a', '1\x00'],
      ['HINCRBYFLOAT', 'f', 'b', '0x1p3'],
      ['HINCRBYFLOAT', 'f', 'b', '.5'],
      ['HINCRBYFLOAT', 'f', 'b', '5.'],
      ['HINCRBYFLOAT', 'f', 'b', '+1'],
      ['HINCRBYFLOAT', 'f', 'c', '1e-4940'],
      ['HINCRBYFLOAT', 'f', 'd', '0.1'],
      ['HINCRBYFLOAT', 'f', 'd', '0.2'],
      ['HSET', 'f', 'i', '9223372036854775807', 's', 'abc', 'inf', 'inf', 'mz', '-0.0'],
      ['HINCRBYFLOAT', 'f', 'i', '1'],
      ['HINCRBYFLOAT', 'f', 's', '1'],
      ['HINCRBYFLOAT', 'f', 'inf', '1'],
      ['HINCRBYFLOAT', 'f', 'mz', '-0'],
      ['HINCRBYFLOAT', 'nokey', 'f', 'x'],
      ['HINCRBYFLOAT', 'nokey', 'f', 'inf'],
      ['EXISTS', 'nokey'],
      ['OBJECT', 'ENCODING', 'f'],
    ]);
    await h.check(['HGETALL', 'f'], samePairs);
  });
});

describe('encodings', () => {
  it('listpack until hash-max-listpack-entries / -value, then hashtable for good', async () => {
    await h.reset();
    await h.checkAll([
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '4'],
      ['CONFIG', 'SET', 'hash-max-listpack-value', '8'],
      ['HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HSET', 'h', 'a', 'x'],
      ['HDEL', 'h', 'b'],
      ['HSET', 'h', 'b', 'y'],
      ['HGETALL', 'h'],
      ['HKEYS', 'h'],
      ['HVALS', 'h'],
      ['HSCAN', 'h', '0'],
      ['HSCAN', 'h', '7', 'COUNT', '1'],
      ['HSCAN', 'h', '0', 'MATCH', '[ab]'],
      ['HSET', 'h', 'e', '5'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HDEL', 'h', 'a', 'b', 'c'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HSET', 'v', 'f', '12345678'],
      ['OBJECT', 'ENCODING', 'v'],
      ['HSET', 'v', 'f', '123456789'],
      ['OBJECT', 'ENCODING', 'v'],
      ['HSET', 'w', '123456789', 'f'],
      ['OBJECT', 'ENCODING', 'w'],
      ['HSET', 'x', 'a', '1'],
      ['HSETNX', 'x', 'a', '123456789'],
      ['OBJECT', 'ENCODING', 'x'],
      ['HSETNX', 'x', 'b', '123456789'],
      ['OBJECT', 'ENCODING', 'x'],
      ['HSET', 'y', 'a', '1'],
      ['HINCRBY', 'y', '123456789', '1'],
      ['OBJECT', 'ENCODING', 'y'],
      ['HSET', 'z', 'a', '1'],
      ['HINCRBYFLOAT', 'z', 'a', '1e10'],
      ['OBJECT', 'ENCODING', 'z'],
      ['HMSET', 'm', 'a', '1', 'b', '123456789'],
      ['OBJECT', 'ENCODING', 'm'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '4'],
      ['HSET', 'u', 'a', '1', 'b', '2', 'c', '3'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '2'],
      ['HSETNX', 'u', 'a', '5'],
      ['HDEL', 'u', 'zz'],
      ['OBJECT', 'ENCODING', 'u'],
      ['HSET', 'u', 'a', '9'],
      ['OBJECT', 'ENCODING', 'u'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '4'],
      ['HSET', 'u2', 'a', '1', 'b', '2', 'c', '3'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '2'],
      ['HINCRBY', 'u2', 'a', '1'],
      ['OBJECT', 'ENCODING', 'u2'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '0'],
      ['HSET', 'zero', 'a', '1'],
      ['OBJECT', 'ENCODING', 'zero'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '512'],
      ['CONFIG', 'SET', 'hash-max-listpack-value', '64'],
      ['HSET', 'c', 'a', '1'],
      ['COPY', 'c', 'c2'],
      ['OBJECT', 'ENCODING', 'c2'],
      ['HSET', 'c2', 'b', '2'],
      ['HGETALL', 'c'],
      ['HGETALL', 'c2'],
      ['COPY', 'h', 'h2'],
      ['OBJECT', 'ENCODING', 'h2'],
    ]);
    await h.check(['HGETALL', 'h2'], samePairs);
  });

  it('a big hash: HGETALL/HKEYS/HVALS as multisets, HSCAN cursors return every field', async () => {
    await h.reset();
    const args: string[] = ['HSET', 'big'];
    for (let i = 0; i < 1000; i++) args.push(`field:${i}`, `v${i}`);
    await h.check(args);
    await h.checkAll([['OBJECT', 'ENCODING', 'big'], ['HLEN', 'big'], ['HGET', 'big', 'field:999']]);
    await h.check(['HGETALL', 'big'], samePairs);
    await h.check(['HKEYS', 'big'], 'unordered');
    await h.check(['HVALS', 'big'], 'unordered');
    // A full scan with fields deleted and added along the way: every field present throughout
    // is returned at least once, each with its value.
    const p = await h.pair();
    let cursor = '0';
    const seen = new Map<string, string>();
    let calls = 0;
    do {
      const r = items(await p.cinnabar.call('HSCAN', 'big', cursor, 'COUNT', '37'))!;
      cursor = text(r[0]);
      const kv = items(r[1])!;
      for (let i = 0; i < kv.length; i += 2) seen.set(text(kv[i]), text(kv[i + 1]));
      await p.cinnabar.call('HDEL', 'big', `field:${calls * 7}`);
      await p.cinnabar.call('HSET', 'big', `new:${calls}`, 'n');
      calls++;
    } while (cursor !== '0');
    expect(calls).toBeGreaterThan(10);
    for (let i = 0; i < 1000; i++) {
      if (i % 7 === 0 && i / 7 < calls) continue;
      expect(seen.get(`field:${i}`)).toBe(`v${i}`);
    }
    // MATCH filters the fields of a table scan too.
    const matched = new Set<string>();
    cursor = '0';
    do {
      const r = items(await p.cinnabar.call('HSCAN', 'big', cursor, 'MATCH', 'field:1?', 'COUNT', '100'))!;
      cursor = text(r[0]);
      const kv = items(r[1])!;
      for (let i = 0; i < kv.length; i += 2) matched.add(text(kv[i]));
    } while (cursor !== '0');
    expect([...matched].sort()).toEqual(['field:10', 'field:11', 'field:12', 'field:13', 'field:15', 'field:16', 'field:17', 'field:18', 'field:19']);
  });
});

describe('HSCAN', () => {
  it('listpack: everything in one call with cursor 0; options and cursors checked as Redis does', async () => {
    await h.reset();
    await h.checkAll([
      ['HSET', 'h', 'name', 'Jack', 'age', '33', 'nick', 'jj', '', 'empty'],
      ['HSCAN', 'h', '0'],
      ['HSCAN', 'h', '0', 'MATCH', '*a*'],
      ['HSCAN', 'h', '0', 'MATCH', '*'],
      ['HSCAN', 'h', '0', 'MATCH', ''],
      ['HSCAN', 'h', '0', 'match', 'n*', 'count', '1'],
      ['HSCAN', 'h', '0', 'COUNT', '1', 'COUNT', '2', 'MATCH', 'x', 'MATCH', 'a*'],
      ['HSCAN', 'h', '99'],
      ['HSCAN', 'h', '18446744073709551615'],
      ['HSCAN', 'h', '18446744073709551616'],
      ['HSCAN', 'h', '-1'],
      ['HSCAN', 'h', '+5'],
      ['HSCAN', 'h', ' 1'],
      ['HSCAN', 'h', '1x'],
      ['HSCAN', 'h', ''],
      ['HSCAN', 'h', '0', 'COUNT', '0'],
      ['HSCAN', 'h', '0', 'COUNT', '-1'],
      ['HSCAN', 'h', '0', 'COUNT', 'x'],
      ['HSCAN', 'h', '0', 'COUNT'],
      ['HSCAN', 'h', '0', 'MATCH'],
      ['HSCAN', 'h', '0', 'TYPE', 'hash'],
      ['HSCAN', 'h', '0', 'NOVALUES'],
      ['HSCAN', 'h', '0', 'count\x00x', '5'],
      ['HSCAN', 'nokey', '0', 'COUNT', 'x'],
      ['HSCAN', 'nokey', 'x'],
      ['HSCAN', 'nokey', '0', 'bogus'],
    ]);
  });
});

describe('HRANDFIELD', () => {
  it('errors, empty and missing keys, whole-hash answers in listpack order', async () => {
    await h.reset();
    await h.checkAll([
      ['HRANDFIELD', 'nokey'],
      ['HRANDFIELD', 'nokey', '5'],
      ['HRANDFIELD', 'nokey', '-5', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '5', 'WITHVALUE'],
      ['HRANDFIELD', 'nokey', '5', 'WITHVALUES', 'x'],
      ['HRANDFIELD', 'nokey', 'x'],
      ['HRANDFIELD', 'nokey', '1.5'],
      ['HRANDFIELD', 'nokey', '-9223372036854775808'],
      ['HRANDFIELD', 'nokey', '-9223372036854775807'],
      ['HRANDFIELD', 'nokey', '9223372036854775808'],
      ['HRANDFIELD', 'nokey', '4611686018427387904', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '-4611686018427387904', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '4611686018427387903', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '-4611686018427387903', 'withvalues'],
      ['HSET', 'coin', 'heads', 'obverse', 'tails', 'reverse', 'edge', 'null'],
      ['HRANDFIELD', 'coin', '0'],
      ['HRANDFIELD', 'coin', '0', 'WITHVALUES'],
      ['HRANDFIELD', 'coin', '3'],
      ['HRANDFIELD', 'coin', '5', 'WITHVALUES'],
      ['HRANDFIELD', 'coin', '9223372036854775807'],
      ['HRANDFIELD', 'coin', '4611686018427387903', 'WITHVALUES'],
      ['HSET', 'one', 'f', 'v'],
      ['HRANDFIELD', 'one'],
      ['HRANDFIELD', 'one', '-3'],
      ['HRANDFIELD', 'one', '-3', 'WITHVALUES'],
      ['HRANDFIELD', 'one', '1', 'WITHVALUES'],
    ]);
    const p = await h.pair();
    await Promise.all([p.redis.call('HELLO', '3'), p.cinnabar.call('HELLO', '3')]);
    await h.checkAll([
      ['HRANDFIELD', 'nokey'],
      ['HRANDFIELD', 'nokey', '2', 'WITHVALUES'],
      ['HRANDFIELD', 'coin', '5', 'WITHVALUES'],
      ['HRANDFIELD', 'coin', '3'],
      ['HRANDFIELD', 'one', '-3', 'WITHVALUES'],
      ['HRANDFIELD', 'one', '1', 'WITHVALUES'],
      ['HGETALL', 'coin'],
      ['HGETALL', 'nokey'],
    ], 'exact', p);
  });

  it('random samples: sizes, membership, values, distinctness, RESP3 pairs', async () => {
    await h.reset();
    const small = new Map<string, string>();
    const big = new Map<string, string>();
    for (let i = 0; i < 20; i++) small.set(`f${i}`, `v${i}`);
    for (let i = 0; i < 700; i++) big.set(`f${i}`, `v${i}`);
    await h.check(['HSET', 'small', ...[...small].flat()]);
    await h.check(['HSET', 'big', ...[...big].flat()]);
    await h.checkAll([['OBJECT', 'ENCODING', 'small'], ['OBJECT', 'ENCODING', 'big']]);
    const resp3 = await h.pair();
    await Promise.all([resp3.redis.call('HELLO', '3'), resp3.cinnabar.call('HELLO', '3')]);
    for (const [key, hash] of [['small', small], ['big', big]] as const) {
      for (const count of [1, 2, 5, 19, 20, 21, 100, 300, 699, 700, 800, -1, -2, -19, -30, -1000]) {
        for (const withValues of [false, true]) {
          const args = ['HRANDFIELD', key, String(count), ...(withValues ? ['WITHVALUES'] : [])];
          await h.check(args, randfieldCheck(hash, count, withValues, false));
          await h.check(args, randfieldCheck(hash, count, withValues, true), resp3);
        }
      }
      for (let i = 0; i < 20; i++) {
        await h.check(['HRANDFIELD', key], (a, b) => (a.t === b.t && hash.has(text(b)) ? null : `bad ${show(b)}`));
      }
    }
    // Every field turns up: the samples are not stuck on a few.
    const seen = new Set<string>();
    const p = await h.pair();
    for (let i = 0; i < 50; i++) for (const f of items(await p.cinnabar.call('HRANDFIELD', 'small', '-20'))!) seen.add(text(f));
    expect(seen.size).toBe(20);
  });
});

describe('keyspace effects', () => {
  it('WATCH sees in-place writes; HDEL of the last field deletes the key; TTL kept', async () => {
    await h.reset();
    const watcher = await h.pair();
    const other = await h.pair();
    await h.checkAll([['HSET', 'h', 'a', '1', 'b', '2']]);
    for (const [cmd, expectAbort] of [
      [['HSET', 'h', 'c', '3'], true],
      [['HSETNX', 'h', 'c', '3'], false],
      [['HINCRBY', 'h', 'a', '1'], true],
      [['HINCRBYFLOAT', 'h', 'a', '1.5'], true],
      [['HDEL', 'h', 'zz'], false],
      [['HDEL', 'h', 'c'], true],
      [['HGET', 'h', 'a'], false],
    ] as const) {
      await h.check(['WATCH', 'h'], 'exact', watcher);
      await h.check([...cmd], 'exact', other);
      await h.check(['MULTI'], 'exact', watcher);
      await h.check(['PING'], 'exact', watcher);
      const r = await h.check(['EXEC'], 'exact', watcher);
      expect(r.t === '*' && r.v === null).toBe(expectAbort);
    }
    await h.checkAll([
      ['EXPIRE', 'h', '100'],
      ['HSET', 'h', 'z', '1'],
      ['HDEL', 'h', 'z'],
      ['HINCRBY', 'h', 'n', '1'],
      ['TTL', 'h'],
      ['HDEL', 'h', 'a', 'b', 'n', 'x'],
      ['EXISTS', 'h'],
      ['TTL', 'h'],
    ]);
  });
});

// ---- seeded random sequences ----

/** A field the model cannot predict (after HINCRBY*): it may exist, with any value. */
const UNKNOWN = '\u0100';

const FIELDS = ['a', 'b', 'c', 'd', 'e', 'f1', 'f2', 'field:1', 'field:2', '', '\x00\xff', 'x'.repeat(20), 'long'.repeat(10)];
const KEYS = ['h1', 'h2', 'h3', 'str', 'list'];

function genValue(rng: Rng): string {
  switch (rng.int(0, 9)) {
    case 0: return String(rng.int(-100, 100));
    case 1: return rng.pick(['9223372036854775807', '-9223372036854775808', '9223372036854775806', '-1', '0']);
    case 2: return (rng.int(-10000, 10000) / rng.pick([10, 100, 8, 3])).toString();
    case 3: return rng.pick(['abc', '', ' 1', '1.5e3', 'inf', '-0', '01', '1e400', '\x00\r\n']);
    case 4: return 'v'.repeat(rng.int(5, 30));
    default: return rng.pick(['v1', 'v2', 'hello', 'world', String(rng.int(0, 9))]);
  }
}

function genIncr(rng: Rng, float: boolean): string {
  if (rng.chance(0.1)) return rng.pick(['x', '', '1.5', ' 1', '+1', '9223372036854775808', '-9223372036854775809', 'nan', 'inf', '-inf', '1e', '0x10']);
  if (rng.chance(0.1)) return rng.pick(['9223372036854775807', '-9223372036854775808', '1e4932', '-1e4932']);
  if (float && rng.chance(0.5)) return (rng.int(-100000, 100000) / rng.pick([10, 100, 1000, 7, 3])).toString();
  return String(rng.int(-50, 50));
}

/**
 * A random sequence, with a field/value model of every hash key kept in step for HRANDFIELD's
 * checks; `resp3` sequences start with HELLO 3.
 */
const genHashes = (resp3: boolean) => (rng: Rng): Step[] => {
  const steps: Step[] = [];
  if (resp3) steps.push({ args: ['HELLO', '3'], compare: 'type' });
  let entries = rng.pick([0, 1, 2, 3, 5, 8, 512]);
  const valueLimit = rng.pick([3, 8, 64]);
  steps.push({ args: ['CONFIG', 'SET', 'hash-max-listpack-entries', String(entries)] });
  steps.push({ args: ['CONFIG', 'SET', 'hash-max-listpack-value', String(valueLimit)] });
  steps.push({ args: ['SET', 'str', 'v'] }, { args: ['RPUSH', 'list', 'a'] });
  // Whether a key is a table now, as far as the generator can tell (then order is undefined).
  const model = new Map<string, Map<string, string>>();
  const table = new Set<string>();
  const hashOf = (key: string) => {
    let m = model.get(key);
    if (!m) model.set(key, (m = new Map()));
    return m;
  };
  const setField = (key: string, f: string, v: string) => {
    const m = hashOf(key);
    if (f.length > valueLimit || v.length > valueLimit) table.add(key);
    m.set(f, v);
    if (m.size > entries) table.add(key);
  };
  const dropIfEmpty = (key: string) => {
    if (model.get(key)?.size === 0) {
      model.delete(key);
      table.delete(key);
    }
  };
  const order = (key: string): Comparison => (table.has(key) ? 'unordered' : 'exact');
  const n = rng.int(10, 40);
  for (let s = 0; s < n; s++) {
    const key = rng.pick(KEYS);
    const isHash = key.startsWith('h');
    const field = () => rng.pick(FIELDS);
    switch (rng.int(0, 18)) {
      case 0:
      case 1: {
        const pairs: string[] = [];
        const k = rng.int(1, 4);
        for (let i = 0; i < k; i++) pairs.push(field(), genValue(rng));
        if (rng.chance(0.05)) pairs.pop();
        const cmd = rng.chance(0.8) ? 'HSET' : 'HMSET';
        steps.push({ args: [cmd, key, ...pairs] });
        if (isHash && pairs.length % 2 === 0) for (let i = 0; i < pairs.length; i += 2) setField(key, pairs[i], pairs[i + 1]);
        break;
      }
      case 2: {
        const f = field();
        const v = genValue(rng);
        steps.push({ args: ['HSETNX', key, f, v] });
        if (isHash && !hashOf(key).has(f)) setField(key, f, v);
        break;
      }
      case 3:
        steps.push({ args: ['HGET', key, field()] });
        break;
      case 4:
        steps.push({ args: ['HMGET', key, ...Array.from({ length: rng.int(1, 4) }, field)] });
        break;
      case 5: {
        const fs = Array.from({ length: rng.int(1, 3) }, field);
        steps.push({ args: ['HDEL', key, ...fs] });
        if (isHash) {
          for (const f of fs) hashOf(key).delete(f);
          dropIfEmpty(key);
        }
        break;
      }
      case 6:
        steps.push({ args: [rng.pick(['HLEN', 'HSTRLEN', 'HEXISTS']), key, field()].slice(0, rng.chance(0.3) ? 2 : 3) });
        break;
      case 7:
        steps.push({ args: [rng.pick(['HSTRLEN', 'HEXISTS']), key, field()] });
        break;
      case 8:
        steps.push({ args: ['HGETALL', key], compare: table.has(key) ? samePairs : 'exact' });
        break;
      case 9:
        steps.push({ args: [rng.pick(['HKEYS', 'HVALS']), key], compare: order(key) });
        break;
      case 10:
      case 11: {
        // HINCRBY / HINCRBYFLOAT: the model does not predict the arithmetic; the field becomes
        // "unknown" (it may exist, with any value), and the result is read back with HGET.
        const float = rng.chance(0.5);
        const f = field();
        steps.push({ args: [float ? 'HINCRBYFLOAT' : 'HINCRBY', key, f, genIncr(rng, float)] });
        steps.push({ args: ['HGET', key, f] });
        if (isHash) {
          hashOf(key).set(f, UNKNOWN);
          if (float || f.length > valueLimit || valueLimit < 20 || hashOf(key).size > entries) table.add(key);
        }
        break;
      }
      case 12: {
        const count = rng.pick([0, 1, 2, 3, 5, 10, 100, -1, -2, -5, -20]);
        const withValues = rng.chance(0.5);
        // A snapshot: the comparison runs after the whole sequence is generated.
        const m = new Map(model.get(key) ?? []);
        const args = ['HRANDFIELD', key, String(count), ...(withValues ? ['WITHVALUES'] : [])];
        // A whole listpack answers in its own order: exact; anything else is a random sample.
        const whole = count >= m.size && !table.has(key) && ![...m.values()].includes(UNKNOWN);
        steps.push({ args, compare: !isHash || whole ? 'exact' : randfieldCheck(m, count, withValues, resp3) });
        break;
      }
      case 13: {
        const bad = rng.pick([['x'], ['1', 'WITHVALUE'], ['1', 'WITHVALUES', 'x'], ['-9223372036854775808'], ['4611686018427387904', 'WITHVALUES'], ['1.0']]);
        steps.push({ args: ['HRANDFIELD', key, ...bad] });
        break;
      }
      case 14: {
        const live = model.get(key);
        const m = live && new Map(live);
        steps.push({
          args: ['HRANDFIELD', key],
          compare: m && isHash ? (a, b) => (show(a) === show(b) || (a.t === b.t && b.t === '$' && b.v !== null && m.has(text(b))) ? null : `bad ${show(b)}`) : 'exact',
        });
        break;
      }
      case 15: {
        const opts: string[] = [];
        if (rng.chance(0.4)) opts.push('MATCH', rng.pick(['*', 'f*', '?', 'field:[12]', '*\\x*', '']));
        if (rng.chance(0.4)) opts.push('COUNT', rng.pick(['1', '10', '1000', '0', '-1', 'x']));
        if (rng.chance(0.1)) opts.push(rng.pick(['TYPE', 'MATCH', 'bogus']));
        const cursor = rng.pick(['0', '0', '0', '5', 'x', '-1']);
        steps.push({ args: ['HSCAN', key, cursor, ...opts], compare: table.has(key) ? hscanAllPairs : 'exact' });
        break;
      }
      case 16:
        steps.push({ args: ['OBJECT', 'ENCODING', key] });
        break;
      case 17:
        // The limit changes under existing hashes: the next write to a listpack over it converts.
        entries = rng.pick([1, 2, 3, 5, 512]);
        steps.push({ args: ['CONFIG', 'SET', 'hash-max-listpack-entries', String(entries)] });
        break;
      default: {
        // Too few arguments (HRANDFIELD with a key alone is valid: it gets none).
        const cmd = rng.pick(['HSET', 'HGET', 'HDEL', 'HINCRBY', 'HINCRBYFLOAT', 'HSCAN', 'HRANDFIELD', 'HSETNX', 'HMGET', 'HEXISTS', 'HSTRLEN', 'HGETALL', 'HKEYS', 'HVALS', 'HLEN']);
        const given = ['HRANDFIELD', 'HGETALL', 'HKEYS', 'HVALS', 'HLEN'].includes(cmd) ? 0 : rng.int(0, 1);
        steps.push({ args: [cmd, ...[key, field()].slice(0, given)] });
        break;
      }
    }
  }
  for (const key of ['h1', 'h2', 'h3']) {
    steps.push({ args: ['HGETALL', key], compare: table.has(key) ? samePairs : 'exact' });
    steps.push({ args: ['OBJECT', 'ENCODING', key] });
  }
  steps.push({ args: ['CONFIG', 'SET', 'hash-max-listpack-entries', '512'] }, { args: ['CONFIG', 'SET', 'hash-max-listpack-value', '64'] });
  return steps;
};

/** HSCAN of a table: cursors differ, so compare one call loosely (errors exact, pairs a subset). */
const hscanAllPairs: Comparison = (a, b) => {
  if (a.t !== '*' || b.t !== '*') return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
  const rb = items(b)!;
  return rb.length === 2 && rb[0].t === '$' && rb[1].t === '*' && items(rb[1])!.length % 2 === 0 ? null : `bad shape ${show(b)}`;
};

describe('random sequences', () => {
  it('600 seeded sequences mixing every hash command', async () => {
    await h.sequences('hashes', 600, genHashes(false));
  }, 120_000);

  it('200 more in RESP3 (maps, nested HRANDFIELD pairs, nulls)', async () => {
    await h.sequences('hashes-resp3', 200, genHashes(true));
  }, 60_000);
});
