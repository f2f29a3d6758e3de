// The set family against real Redis 7.0: the examples and edge cases of the command pages, the
// intset -> hashtable conversion (OBJECT ENCODING; the numeric order an intset answers in; what
// encoding SPOP, SMOVE and the *STORE commands leave), SPOP and SRANDMEMBER samples, SSCAN
// cursors over a table, WATCH and TTLs, and seeded random sequences mixing every command with
// wrong types, bad arities, syntax errors, bad counts and threshold crossings.
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

/** The members of an array or set reply, or null for any other reply. */
function members(r: RespValue): string[] | null {
  return (r.t === '*' || r.t === '~') && r.v !== null ? r.v.map(text) : null;
}

function sorted(items: string[]): string[] {
  return [...items].sort();
}

/** A comparison as a function (what the harness calls a custom Comparison). */
type Check = (redis: RespValue, cinnabar: RespValue) => string | null;

/** Same reply type, and the same members in any order (anything else compared exactly). */
const sameMembers: Check = (a, b) => {
  if (a.t !== b.t) return `type ${a.t} vs ${b.t}: redis ${show(a)} cinnabar ${show(b)}`;
  const ma = members(a);
  const mb = members(b);
  if (ma === null || mb === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
  return JSON.stringify(sorted(ma)) === JSON.stringify(sorted(mb)) ? null : `redis ${show(a)}\ncinnabar ${show(b)}`;
};

/** A canonical int64 text: what an intset can hold (checked here independently of the server code). */
function isInt64Text(s: string): boolean {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s) || s.length > 20) return false;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}

/**
 * A random sample of `count` members from `set` (SRANDMEMBER/SPOP with a count): same type on
 * both sides, the expected size, every member from the set, distinct unless the count is
 * negative. Returns each side's members through `seen` for later checks.
 */
function sampleCheck(set: () => string[] | null, count: number, seen?: (redis: string[], cinnabar: string[]) => void): Check {
  return (a, b) => {
    if (a.t !== b.t) return `type ${a.t} vs ${b.t}: redis ${show(a)} cinnabar ${show(b)}`;
    const ma = members(a);
    const mb = members(b);
    if (ma === null || mb === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
    const universe = set() ?? [];
    const size = universe.length;
    const expected = size === 0 ? 0 : count >= 0 ? Math.min(count, size) : -count;
    for (const [side, m] of [['redis', ma], ['cinnabar', mb]] as const) {
      if (m.length !== expected) return `${side}: expected ${expected} members, got ${m.length}: ${JSON.stringify(m)}`;
      for (const x of m) if (!universe.includes(x)) return `${side}: ${JSON.stringify(x)} is not a member of ${JSON.stringify(universe)}`;
      if (count > 0 && new Set(m).size !== m.length) return `${side}: repeated members ${JSON.stringify(m)}`;
    }
    seen?.(ma, mb);
    return null;
  };
}

describe('the command pages', () => {
  it('SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SMOVE', async () => {
    await h.reset();
    await h.checkAll([
      ['SADD', 'myset', 'Hello'],
      ['SADD', 'myset', 'World'],
      ['SADD', 'myset', 'World'],
      ['SADD', 'myset', 'a', 'b', 'a', 'c'],
      ['SCARD', 'myset'],
      ['SCARD', 'nokey'],
      ['SISMEMBER', 'myset', 'Hello'],
      ['SISMEMBER', 'myset', 'two'],
      ['SISMEMBER', 'nokey', 'two'],
      ['SMISMEMBER', 'myset', 'Hello', 'two', 'a', 'Hello'],
      ['SMISMEMBER', 'nokey', 'one', 'two'],
      ['SREM', 'myset', 'a', 'nope', 'a'],
      ['SREM', 'nokey', 'a'],
      ['SREM', 'myset', 'Hello', 'World', 'b', 'c', 'x'],
      ['EXISTS', 'myset'],
      ['SADD', 'ints', '3', '1', '2', '-7', '100', '0'],
      ['SMEMBERS', 'ints'],
      ['SMEMBERS', 'nokey'],
      ['SADD', 'src', 'one', 'two'],
      ['SADD', 'dst', 'three'],
      ['SMOVE', 'src', 'dst', 'two'],
      ['SMOVE', 'src', 'dst', 'two'],
      ['SMOVE', 'src', 'src', 'one'],
      ['SMOVE', 'src', 'src', 'zzz'],
      ['SMOVE', 'nokey', 'dst', 'one'],
      ['SMOVE', 'src', 'dst', 'three'],
      ['SMOVE', 'src', 'fresh', 'one'],
      ['EXISTS', 'src'],
      ['SMEMBERS', 'fresh'],
      ['SADD', 'dst2', '1'],
      ['SMOVE', 'dst', 'dst2', 'two'],
      ['OBJECT', 'ENCODING', 'dst2'],
      ['SADD', 'bin', '\x00\xff\r\n', '', ' '],
      ['SISMEMBER', 'bin', ''],
      ['SISMEMBER', 'bin', '\x00\xff\r\n'],
      ['TYPE', 'ints'],
      ['OBJECT', 'ENCODING', 'ints'],
      ['OBJECT', 'ENCODING', 'bin'],
    ]);
    await h.check(['SMEMBERS', 'bin'], sameMembers);
    await h.check(['SMEMBERS', 'dst'], sameMembers);
  });

  it('SINTER SUNION SDIFF and their STORE forms, SINTERCARD', async () => {
    await h.reset();
    await h.checkAll([
      ['SADD', 'key1', 'a', 'b', 'c', 'd'],
      ['SADD', 'key2', 'c'],
      ['SADD', 'key3', 'a', 'c', 'e'],
      ['SADD', 'n1', '1', '2', '3', '4', '5'],
      ['SADD', 'n2', '4', '5', '6'],
      ['SINTER', 'n1', 'n2'],
      ['SUNION', 'n1', 'n2'],
      ['SDIFF', 'n1', 'n2'],
      ['SDIFF', 'n2', 'n1'],
      ['SINTER', 'key1', 'nokey'],
      ['SINTER', 'nokey'],
      ['SUNION', 'nokey', 'nokey2'],
      ['SDIFF', 'nokey', 'key1'],
      ['SDIFF', 'key1', 'key1'],
      ['SINTER', 'key1', 'key1', 'key2'],
      ['SINTERCARD', '2', 'key1', 'key2'],
      ['SINTERCARD', '2', 'key1', 'key3'],
      ['SINTERCARD', '2', 'key1', 'key3', 'LIMIT', '1'],
      ['SINTERCARD', '2', 'key1', 'key3', 'limit', '0'],
      ['SINTERCARD', '2', 'key1', 'key3', 'LIMIT', '5', 'LIMIT', '1'],
      ['SINTERCARD', '1', 'key1'],
      ['SINTERCARD', '2', 'key1', 'nokey'],
      ['SINTERCARD', '3', 'key1', 'key1', 'key1'],
      ['SINTERSTORE', 'key', 'key1', 'key3'],
      ['SCARD', 'key'],
      ['SUNIONSTORE', 'u', 'n1', 'n2'],
      ['SMEMBERS', 'u'],
      ['OBJECT', 'ENCODING', 'u'],
      ['SDIFFSTORE', 'd', 'n1', 'n2'],
      ['SMEMBERS', 'd'],
      ['SINTERSTORE', 'i', 'n1', 'n2'],
      ['SMEMBERS', 'i'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SINTERSTORE', 'i', 'n1', 'nokey'],
      ['EXISTS', 'i'],
      ['SUNIONSTORE', 'd', 'nokey'],
      ['EXISTS', 'd'],
      ['SDIFFSTORE', 'n1', 'n1', 'n2'],
      ['SMEMBERS', 'n1'],
      ['SET', 'str', 'v'],
      ['SINTERSTORE', 'str', 'n1', 'n2'],
      ['TYPE', 'str'],
      ['SET', 'str2', 'v'],
      ['SDIFFSTORE', 'str2', 'nokey'],
      ['EXISTS', 'str2'],
      ['SUNIONSTORE', 'n2', 'n2', 'key2'],
      ['OBJECT', 'ENCODING', 'n2'],
    ]);
    for (const args of [['SMEMBERS', 'key'], ['SINTER', 'key1', 'key2', 'key3'], ['SUNION', 'key1', 'key2', 'key3'], ['SDIFF', 'key1', 'key2', 'key3'], ['SMEMBERS', 'n2'], ['SUNION', 'n2', 'key1']]) {
      await h.check(args, sameMembers);
    }
  });

  it('wrong types, arities and refused arguments, in Redis order', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 's', 'v'],
      ['SADD', 'set', '1', '2', '3'],
      ['SADD', 's', 'a'],
      ['SREM', 's', 'a'],
      ['SMEMBERS', 's'],
      ['SISMEMBER', 's', 'a'],
      ['SMISMEMBER', 's', 'a'],
      ['SCARD', 's'],
      ['SPOP', 's'],
      ['SPOP', 's', '1'],
      ['SPOP', 's', '0'],
      ['SPOP', 's', 'x'],
      ['SPOP', 'nokey', '0'],
      ['SPOP', 'nokey', '-1'],
      ['SPOP', 'set', '-1'],
      ['SPOP', 'set', 'x'],
      ['SPOP', 'set', '1.5'],
      ['SPOP', 'set', '9223372036854775808'],
      ['SPOP', 'set', '1', '2'],
      ['SPOP', 'nokey', '1', '2'],
      ['SRANDMEMBER', 's'],
      ['SRANDMEMBER', 's', '0'],
      ['SRANDMEMBER', 's', 'x'],
      ['SRANDMEMBER', 'set', 'x'],
      ['SRANDMEMBER', 'set', '-9223372036854775808'],
      ['SRANDMEMBER', 'set', '9223372036854775808'],
      ['SRANDMEMBER', 'set', '9223372036854775807'],
      ['SRANDMEMBER', 'set', '1', '2'],
      ['SRANDMEMBER', 'nokey', 'x'],
      ['SRANDMEMBER', 'nokey', '5'],
      ['SRANDMEMBER', 'nokey'],
      ['SPOP', 'nokey'],
      ['SPOP', 'nokey', '5'],
      ['SMOVE', 's', 'set', '1'],
      ['SMOVE', 'set', 's', '1'],
      ['SMOVE', 'set', 's', 'nonmember'],
      ['SMOVE', 'nokey', 's', '1'],
      ['SMOVE', 's', 'nokey', '1'],
      ['SINTER', 'nokey', 's'],
      ['SINTER', 's', 'nokey'],
      ['SINTER', 'set', 's'],
      ['SUNION', 'nokey', 's'],
      ['SDIFF', 'nokey', 's'],
      ['SDIFF', 'set', 's'],
      ['SINTERSTORE', 'd', 'nokey', 's'],
      ['SUNIONSTORE', 'd', 'set', 's'],
      ['SDIFFSTORE', 'd', 'set', 's'],
      ['EXISTS', 'd'],
      ['SINTERCARD', '2', 'nokey', 's'],
      ['SINTERCARD', '1', 'nokey', 's'],
      ['SINTERCARD', '0', 'set'],
      ['SINTERCARD', '-1', 'set'],
      ['SINTERCARD', 'x', 'set'],
      ['SINTERCARD', '9223372036854775808', 'set'],
      ['SINTERCARD', '9223372036854775807', 'set'],
      ['SINTERCARD', '3', 'set', 'set'],
      ['SINTERCARD', '1', 'set', 'LIMIT'],
      ['SINTERCARD', '1', 'set', 'LIMIT', 'x'],
      ['SINTERCARD', '1', 'set', 'LIMIT', '-1'],
      ['SINTERCARD', '1', 'set', 'LIMIT', '9223372036854775808'],
      ['SINTERCARD', '1', 'set', 'foo', 'bar'],
      ['SINTERCARD', '1', 'set', 'LIMIT', '1', 'foo'],
      ['SINTERCARD', '1', 's', 'LIMIT', 'x'],
      ['SINTERCARD', '2', 's', 'set', 'LIMIT', '1'],
      ['SSCAN', 's', '0'],
      ['SSCAN', 's', 'x'],
      ['SSCAN', 'set', 'x'],
      ['SSCAN', 'set', '-1'],
      ['SSCAN', 'set', '18446744073709551615'],
      ['SSCAN', 'set', '18446744073709551616'],
      ['SSCAN', 'set', '0', 'COUNT', '0'],
      ['SSCAN', 'set', '0', 'COUNT', 'x'],
      ['SSCAN', 'set', '0', 'COUNT'],
      ['SSCAN', 'set', '0', 'TYPE', 'string'],
      ['SSCAN', 'set', '0', 'MATCH', '1', 'COUNT', '1'],
      ['SSCAN', 'nokey', '0', 'COUNT', '0'],
      ['SSCAN', 'nokey', 'x'],
      ['SSCAN', 's', '0', 'COUNT', '0'],
      ['SADD', 's'],
      ['SADD'],
      ['SREM', 'set'],
      ['SMEMBERS'],
      ['SMEMBERS', 'a', 'b'],
      ['SISMEMBER', 'set'],
      ['SISMEMBER', 'set', '1', '2'],
      ['SMISMEMBER', 'set'],
      ['SCARD'],
      ['SPOP'],
      ['SRANDMEMBER'],
      ['SMOVE', 'a', 'b'],
      ['SINTER'],
      ['SUNION'],
      ['SDIFF'],
      ['SINTERSTORE', 'd'],
      ['SUNIONSTORE', 'd'],
      ['SDIFFSTORE', 'd'],
      ['SINTERCARD', '1'],
      ['SSCAN', 'set'],
    ]);
  });

  it('RESP3: sets where Redis answers a set, arrays elsewhere', async () => {
    await h.reset();
    const p = await h.pair();
    await Promise.all([p.redis.call('HELLO', '3'), p.cinnabar.call('HELLO', '3')]);
    await h.checkAll([
      ['SADD', 'a', '3', '1', '2'],
      ['SADD', 'b', '2', '3', '4'],
      ['SADD', 'one', 'x'],
      ['SMEMBERS', 'a'],
      ['SMEMBERS', 'nokey'],
      ['SINTER', 'a', 'b'],
      ['SINTER', 'a', 'nokey'],
      ['SUNION', 'a', 'b'],
      ['SDIFF', 'a', 'b'],
      ['SDIFF', 'nokey'],
      ['SMISMEMBER', 'a', '1', '9'],
      ['SMISMEMBER', 'nokey', '1'],
      ['SISMEMBER', 'a', '1'],
      ['SRANDMEMBER', 'a', '10'],
      ['SRANDMEMBER', 'a', '0'],
      ['SRANDMEMBER', 'nokey', '3'],
      ['SRANDMEMBER', 'nokey'],
      ['SRANDMEMBER', 'one', '-3'],
      ['SRANDMEMBER', 'one'],
      ['SPOP', 'nokey'],
      ['SPOP', 'nokey', '3'],
      ['SPOP', 'a', '0'],
      ['SSCAN', 'a', '0'],
      ['SSCAN', 'nokey', '0'],
      ['SINTERCARD', '2', 'a', 'b'],
      ['SPOP', 'a', '10'],
      ['SPOP', 'one'],
    ], 'exact', p);
  });
});

describe('the command table', () => {
  it('COMMAND INFO and COMMAND DOCS of every set command, in full', async () => {
    const names = ['sadd', 'srem', 'smembers', 'sismember', 'smismember', 'scard', 'spop', 'srandmember', 'smove', 'sinter', 'sintercard', 'sunion', 'sdiff', 'sinterstore', 'sunionstore', 'sdiffstore', 'sscan'];
    for (const name of names) {
      await h.check(['COMMAND', 'INFO', name]);
      await h.check(['COMMAND', 'DOCS', name]);
    }
    await h.checkAll([
      ['COMMAND', 'GETKEYS', 'SINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
      ['COMMAND', 'GETKEYS', 'SINTERCARD', '5', 'a', 'b'],
      ['COMMAND', 'GETKEYSANDFLAGS', 'SMOVE', 'a', 'b', 'm'],
      ['COMMAND', 'GETKEYSANDFLAGS', 'SUNIONSTORE', 'd', 'a', 'b'],
      ['COMMAND', 'GETKEYS', 'SINTERSTORE', 'd', 'a', 'b', 'c'],
    ]);
  });
});

describe('encodings', () => {
  it('intset while every member is a canonical int64 and there are few enough', async () => {
    await h.reset();
    await h.checkAll([
      ['SADD', 'i', '9223372036854775807', '-9223372036854775808', '0', '-1', '1', '10', '9', '-10', '-9', '100000000000'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SMEMBERS', 'i'],
      ['SSCAN', 'i', '0'],
      ['SSCAN', 'i', '12345', 'COUNT', '1'],
      ['SSCAN', 'i', '0', 'MATCH', '*0'],
      ['SSCAN', 'i', '0', 'MATCH', '-*'],
      ['SISMEMBER', 'i', '-9223372036854775808'],
      ['SISMEMBER', 'i', '9223372036854775808'],
      ['SISMEMBER', 'i', '010'],
      ['SISMEMBER', 'i', '+1'],
      ['SISMEMBER', 'i', '-0'],
      ['SREM', 'i', '010', '+1', '-0', ' 1', '1 ', '1.0'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SREM', 'i', '-1', '9223372036854775807'],
      ['SMEMBERS', 'i'],
    ]);
    for (const odd of ['9223372036854775808', '-9223372036854775809', '01', '-0', '+1', ' 1', '1 ', '1.0', '0x1', '', '1e3', '12345678901234567890123']) {
      await h.check(['DEL', 'k']);
      await h.checkAll([['SADD', 'k', '1', '2', odd], ['OBJECT', 'ENCODING', 'k'], ['SISMEMBER', 'k', odd], ['SCARD', 'k']]);
      await h.check(['DEL', 'k']);
      await h.checkAll([['SADD', 'k', odd], ['OBJECT', 'ENCODING', 'k'], ['SMEMBERS', 'k']]);
    }
  });

  it('set-max-intset-entries: one-way conversion, and what each command leaves', async () => {
    await h.reset();
    await h.checkAll([
      ['CONFIG', 'SET', 'set-max-intset-entries', '4'],
      ['SADD', 'a', '5', '4', '3', '2'],
      ['OBJECT', 'ENCODING', 'a'],
      ['SADD', 'a', '3'],
      ['OBJECT', 'ENCODING', 'a'],
      ['SADD', 'a', '1'],
      ['OBJECT', 'ENCODING', 'a'],
      ['SREM', 'a', '1', '2', '3', '4'],
      ['OBJECT', 'ENCODING', 'a'],
      ['SMEMBERS', 'a'],
      ['CONFIG', 'SET', 'set-max-intset-entries', '0'],
      ['SADD', 'zero', '1'],
      ['OBJECT', 'ENCODING', 'zero'],
      ['SMOVE', 'zero', 'moved', '1'],
      ['OBJECT', 'ENCODING', 'moved'],
      ['CONFIG', 'SET', 'set-max-intset-entries', '512'],
      ['SADD', 'big', ...Array.from({ length: 10 }, (_, i) => String(i))],
      ['CONFIG', 'SET', 'set-max-intset-entries', '3'],
      // An intset over the new limit stays one until a member is added.
      ['OBJECT', 'ENCODING', 'big'],
      ['SMEMBERS', 'big'],
      ['SADD', 'big', '5'],
      ['OBJECT', 'ENCODING', 'big'],
      ['SRANDMEMBER', 'big', '100'],
      ['SREM', 'big', '0'],
      ['SPOP', 'big', '0'],
      ['SADD', 'big', '0'],
      ['OBJECT', 'ENCODING', 'big'],
      // SMOVE into an intset at its limit converts it.
      ['SADD', 'full', '1', '2', '3'],
      ['SADD', 'from', '4', '5'],
      ['SMOVE', 'from', 'full', '4'],
      ['OBJECT', 'ENCODING', 'full'],
      ['OBJECT', 'ENCODING', 'from'],
      ['SMOVE', 'from', 'full', '5'],
      ['EXISTS', 'from'],
      // *STORE results start as intsets and convert as members arrive.
      ['SADD', 'x', '1', '2', '3'],
      ['SADD', 'y', '3', '4', '5'],
      ['SUNIONSTORE', 'u', 'x', 'y'],
      ['OBJECT', 'ENCODING', 'u'],
      ['SINTERSTORE', 'i', 'x', 'y'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SADD', 'h', 'a', '1', '2'],
      ['SINTERSTORE', 'i2', 'h', 'x'],
      ['OBJECT', 'ENCODING', 'i2'],
      ['SMEMBERS', 'i2'],
      ['SDIFFSTORE', 'd', 'x', 'y'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SDIFFSTORE', 'd2', 'h', 'x'],
      ['OBJECT', 'ENCODING', 'd2'],
    ]);
    // SDIFF's second algorithm adds the whole first set before removing: a first set past the
    // limit gives a table even when the difference is small; the first algorithm does not.
    await h.check(['SADD', 'many', ...Array.from({ length: 20 }, (_, i) => String(i))]);
    await h.check(['SADD', 'most', ...Array.from({ length: 18 }, (_, i) => String(i))]);
    await h.check(['SADD', 'few', '0', '1']);
    await h.checkAll([
      ['SDIFFSTORE', 'algo2', 'many', 'most'],
      ['OBJECT', 'ENCODING', 'algo2'],
      ['SMEMBERS', 'algo2'],
      ['SDIFFSTORE', 'algo1', 'many', 'few', 'most'],
      ['OBJECT', 'ENCODING', 'algo1'],
      ['SDIFFSTORE', 'algo1b', 'few', 'many'],
      ['EXISTS', 'algo1b'],
    ]);
    // SPOP taking most of an intset keeps the survivors in a new set, which converts when they
    // are over the limit; taking a few leaves the intset as it is.
    await h.check(['SADD', 'p', ...Array.from({ length: 30 }, (_, i) => String(i))]);
    await h.check(['SADD', 'q', ...Array.from({ length: 30 }, (_, i) => String(i))]);
    await h.check(['OBJECT', 'ENCODING', 'p']);
    await h.check(['CONFIG', 'SET', 'set-max-intset-entries', '512']);
    await h.check(['SADD', 'p', '100'], 'exact');
    await h.check(['CONFIG', 'SET', 'set-max-intset-entries', '3']);
    await h.check(['SPOP', 'p', '25'], (a, b) => (members(a)?.length === 25 && members(b)?.length === 25 ? null : 'bad spop'));
    await h.checkAll([['OBJECT', 'ENCODING', 'p'], ['SCARD', 'p']]);
    await h.check(['CONFIG', 'SET', 'set-max-intset-entries', '512']);
    await h.check(['SPOP', 'q', '2'], (a, b) => (members(a)?.length === 2 && members(b)?.length === 2 ? null : 'bad spop'));
    await h.checkAll([['OBJECT', 'ENCODING', 'q'], ['SCARD', 'q']]);
    // The whole set popped: answered in the order of a fresh union (sorted when it is an intset).
    await h.checkAll([
      ['SADD', 'w', '5', '3', '1', '4', '2'],
      ['CONFIG', 'SET', 'set-max-intset-entries', '2'],
      ['SADD', 'w', '0', 'x'],
      ['SREM', 'w', 'x'],
      ['CONFIG', 'SET', 'set-max-intset-entries', '512'],
      ['OBJECT', 'ENCODING', 'w'],
      ['SPOP', 'w', '6'],
      ['EXISTS', 'w'],
      ['SADD', 'w', '5', '3', '1', '4', '2'],
      ['SUNION', 'w'],
      ['SPOP', 'w', '5'],
      ['SADD', 'c', '1', '2'],
      ['COPY', 'c', 'c2'],
      ['OBJECT', 'ENCODING', 'c2'],
      ['SADD', 'c2', 'x'],
      ['SMEMBERS', 'c'],
      ['OBJECT', 'ENCODING', 'c2'],
      ['COPY', 'c2', 'c3'],
      ['OBJECT', 'ENCODING', 'c3'],
    ]);
    await h.check(['SMEMBERS', 'c3'], sameMembers);
  });

  it('a big set: SMEMBERS/SUNION as multisets, SSCAN cursors return every member', async () => {
    await h.reset();
    await h.check(['SADD', 'big', ...Array.from({ length: 1000 }, (_, i) => `m:${i}`)]);
    await h.check(['SADD', 'bigint', ...Array.from({ length: 2000 }, (_, i) => String(i * 7 - 5000))]);
    await h.checkAll([['OBJECT', 'ENCODING', 'big'], ['OBJECT', 'ENCODING', 'bigint'], ['SCARD', 'big'], ['SISMEMBER', 'big', 'm:999']]);
    await h.check(['SMEMBERS', 'big'], sameMembers);
    await h.check(['SMEMBERS', 'bigint'], sameMembers);
    await h.check(['SUNION', 'big', 'bigint'], sameMembers);
    await h.check(['SINTERCARD', '2', 'big', 'bigint'], 'exact');
    const p = await h.pair();
    let cursor = '0';
    const seen = new Set<string>();
    let calls = 0;
    do {
      const r = (await p.cinnabar.call('SSCAN', 'big', cursor, 'COUNT', '37')) as RespValue;
      const [c, items] = (r as { v: RespValue[] }).v;
      cursor = text(c);
      for (const m of members(items)!) seen.add(m);
      await p.cinnabar.call('SREM', 'big', `m:${calls * 7}`);
      await p.cinnabar.call('SADD', 'big', `new:${calls}`);
      calls++;
    } while (cursor !== '0');
    expect(calls).toBeGreaterThan(10);
    for (let i = 0; i < 1000; i++) {
      if (i % 7 === 0 && i / 7 < calls) continue;
      expect(seen.has(`m:${i}`)).toBe(true);
    }
    const matched = new Set<string>();
    cursor = '0';
    do {
      const r = (await p.cinnabar.call('SSCAN', 'big', cursor, 'MATCH', 'm:1?', 'COUNT', '100')) as { v: RespValue[] };
      cursor = text(r.v[0]);
      for (const m of members(r.v[1])!) matched.add(m);
    } while (cursor !== '0');
    expect([...matched].sort()).toEqual(['m:10', 'm:11', 'm:12', 'm:13', 'm:15', 'm:16', 'm:17', 'm:18', 'm:19']);
  });
});

describe('random members', () => {
  it('SRANDMEMBER samples: sizes, membership, distinctness; every member turns up', async () => {
    await h.reset();
    const small = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const ints = Array.from({ length: 20 }, (_, i) => String(i * 3));
    const big = Array.from({ length: 700 }, (_, i) => `b${i}`);
    await h.check(['SADD', 'small', ...small]);
    await h.check(['SADD', 'ints', ...ints]);
    await h.check(['SADD', 'big', ...big]);
    const resp3 = await h.pair();
    await Promise.all([resp3.redis.call('HELLO', '3'), resp3.cinnabar.call('HELLO', '3')]);
    for (const [key, set] of [['small', small], ['ints', ints], ['big', big]] as const) {
      for (const count of [1, 2, 5, 6, 7, 19, 20, 21, 100, 233, 234, 300, 699, 700, 800, -1, -2, -19, -30, -1000]) {
        await h.check(['SRANDMEMBER', key, String(count)], sampleCheck(() => set, count));
        await h.check(['SRANDMEMBER', key, String(count)], sampleCheck(() => set, count), resp3);
      }
      for (let i = 0; i < 20; i++) {
        await h.check(['SRANDMEMBER', key], (a, b) => (a.t === b.t && set.includes(text(b)) ? null : `bad ${show(b)}`));
      }
    }
    // The intset's whole-set answer is in numeric order.
    await h.check(['SRANDMEMBER', 'ints', '20']);
    const p = await h.pair();
    for (const [key, size] of [['small', 20], ['big', 700]] as const) {
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) for (const m of members(await p.cinnabar.call('SRANDMEMBER', key, String(-size)))!) seen.add(m);
      expect(seen.size).toBe(size);
    }
    // Roughly uniform: 20 members, 20000 draws, each near 1000.
    const counts = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      for (const m of members(await p.cinnabar.call('SRANDMEMBER', 'small', '-1000'))!) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    for (const m of small) expect(Math.abs((counts.get(m) ?? 0) - 1000)).toBeLessThan(200);
  });

  it('SPOP removes what it answers: counts, membership, the rest left behind', async () => {
    for (const [label, make] of [
      ['hashtable', (i: number) => `m${i}`],
      ['intset', (i: number) => String(i)],
    ] as const) {
      for (const count of [1, 3, 10, 30, 33, 34, 39, 40, 41, 100]) {
        await h.reset();
        const set = Array.from({ length: 40 }, (_, i) => make(i));
        await h.check(['SADD', 'k', ...set]);
        let poppedR: string[] = [];
        let poppedC: string[] = [];
        await h.check(['SPOP', 'k', String(count)], sampleCheck(() => set, count, (r, c) => ((poppedR = r), (poppedC = c))));
        await h.checkAll([['SCARD', 'k'], ['EXISTS', 'k'], ['OBJECT', 'ENCODING', 'k']]);
        // Each side lost exactly what it answered.
        const p = await h.pair();
        const [restR, restC] = await Promise.all([p.redis.call('SMEMBERS', 'k'), p.cinnabar.call('SMEMBERS', 'k')]);
        expect(sorted([...members(restR)!, ...poppedR]), label).toEqual(sorted(set));
        expect(sorted([...members(restC)!, ...poppedC]), label).toEqual(sorted(set));
      }
    }
    // Taking most of a table: the survivors form a new set, an intset when they all are integers.
    const p = await h.pair();
    const kinds = new Set<string>();
    for (let round = 0; round < 40; round++) {
      for (const side of [p.redis, p.cinnabar]) {
        await side.call('DEL', 'mixed');
        await side.call('SADD', 'mixed', 'a', 'b', ...Array.from({ length: 20 }, (_, i) => String(i)));
        await side.call('SPOP', 'mixed', '19');
        const rest = members(await side.call('SMEMBERS', 'mixed'))!;
        const encoding = text(await side.call('OBJECT', 'ENCODING', 'mixed'));
        expect(rest.length).toBe(3);
        expect(encoding, JSON.stringify(rest)).toBe(rest.every(isInt64Text) ? 'intset' : 'hashtable');
        if (side === p.cinnabar) kinds.add(encoding);
      }
    }
    expect(kinds.size).toBe(2);
    // Uniform: a member of a 10-member set (a table, then an intset) is popped by SPOP 3 about
    // 3 times in 10, and by a lone SPOP about 1 in 10.
    for (const ten of [Array.from({ length: 10 }, (_, i) => `u${i}`), Array.from({ length: 10 }, (_, i) => String(i * 11))]) {
      for (const count of ['3', null]) {
        await p.cinnabar.call('DEL', 'u');
        await p.cinnabar.call('SADD', 'u', ...ten);
        const times = new Map<string, number>();
        const rounds = 5000;
        for (let batch = 0; batch < rounds / 100; batch++) {
          const cmds: string[][] = [];
          for (let i = 0; i < 100; i++) cmds.push(count === null ? ['SPOP', 'u'] : ['SPOP', 'u', count], ['SADD', 'u', ...ten]);
          const replies = await p.cinnabar.callMany(cmds);
          for (let i = 0; i < replies.length; i += 2) {
            for (const m of members(replies[i]) ?? [text(replies[i])]) times.set(m, (times.get(m) ?? 0) + 1);
          }
        }
        const expected = (rounds * (count === null ? 1 : 3)) / 10;
        for (const m of ten) expect(Math.abs((times.get(m) ?? 0) - expected), `${m} popped ${times.get(m)} times`).toBeLessThan(expected * 0.25);
      }
    }
    // Single pops until empty.
    await h.reset();
    await h.check(['SADD', 'k', 'a', 'b', 'c', '1']);
    const got: string[] = [];
    for (let i = 0; i < 4; i++) await h.check(['SPOP', 'k'], (a, b) => (a.t === '$' && b.t === '$' ? (got.push(text(b)), null) : 'bad'));
    expect(sorted(got)).toEqual(['1', 'a', 'b', 'c']);
    await h.checkAll([['EXISTS', 'k'], ['SPOP', 'k']]);
  });
});

describe('keyspace effects', () => {
  it('WATCH sees changes only; emptied sets delete their key; TTLs', async () => {
    await h.reset();
    const watcher = await h.pair();
    const other = await h.pair();
    await h.checkAll([['SADD', 's', '1', '2', '3'], ['SADD', 't', 'x']]);
    for (const [cmd, expectAbort] of [
      [['SADD', 's', '1'], false],
      [['SADD', 's', '4'], true],
      [['SREM', 's', 'zz'], false],
      [['SREM', 's', '4'], true],
      [['SMOVE', 't', 's', 'nope'], false],
      [['SMOVE', 's', 's', '1'], false],
      [['SPOP', 's', '0'], false],
      [['SISMEMBER', 's', '1'], false],
      [['SINTERSTORE', 'none', 's', 'nokey'], false],
    ] as const) {
      await h.check(['WATCH', 's'], 'exact', watcher);
      await h.check([...cmd], 'exact', other);
      await h.check(['MULTI'], 'exact', watcher);
      await h.check(['PING'], 'exact', watcher);
      const r = await h.check(['EXEC'], 'exact', watcher);
      expect(r.t === '*' && r.v === null, JSON.stringify(cmd)).toBe(expectAbort);
    }
    await h.check(['WATCH', 's'], 'exact', watcher);
    await h.check(['SPOP', 's'], 'type', other);
    await h.check(['MULTI'], 'exact', watcher);
    const aborted = await h.check(['EXEC'], 'exact', watcher);
    expect(aborted.t === '*' && aborted.v === null).toBe(true);
    await h.checkAll([
      ['DEL', 's'],
      ['SADD', 's', ...Array.from({ length: 30 }, (_, i) => String(i))],
      ['EXPIRE', 's', '100'],
      ['SADD', 's', '100'],
      ['SREM', 's', '100'],
      ['TTL', 's'],
    ]);
    await h.check(['SPOP', 's', '28'], 'type');
    await h.check(['SPOP', 's', '1'], 'type');
    await h.checkAll([
      ['TTL', 's'],
      ['SCARD', 's'],
      ['SADD', 'd', '1'],
      ['EXPIRE', 'd', '100'],
      ['SUNIONSTORE', 'd', 'd', 'nokey'],
      ['TTL', 'd'],
      ['SADD', 'm', '1'],
      ['EXPIRE', 'm', '100'],
      ['SMOVE', 'd', 'm', '1'],
      ['TTL', 'm'],
      ['SREM', 's', ...Array.from({ length: 30 }, (_, i) => String(i))],
      ['EXISTS', 's'],
      ['TTL', 's'],
    ]);
  });
});

describe('transactions', () => {
  it('set replies inside EXEC, RESP2 and RESP3; errors queued and run', async () => {
    await h.reset();
    for (const proto of ['2', '3']) {
      const p = await h.pair();
      await Promise.all([p.redis.call('HELLO', proto), p.cinnabar.call('HELLO', proto)]);
      await h.checkAll([
        ['DEL', 'a', 'b', 's'],
        ['SET', 's', 'v'],
        ['MULTI'],
        ['SADD', 'a', '3', '1', '2'],
        ['SADD', 'b', '2', '3', 'x'],
        ['SMEMBERS', 'a'],
        ['SINTER', 'a', 'b'],
        ['SDIFF', 'a', 'b'],
        ['SINTERCARD', '2', 'a', 'b'],
        ['SMISMEMBER', 'b', 'x', 'y'],
        ['SPOP', 'a', '0'],
        ['SRANDMEMBER', 'a', '3'],
        ['SADD', 's', '1'],
        ['SINTERCARD', '0', 'a'],
        ['SPOP', 'a', '3'],
        ['EXISTS', 'a'],
        ['EXEC'],
        ['MULTI'],
        ['SADD', 'a'],
        ['EXEC'],
      ], 'exact', p);
    }
  });
});

describe('keyspace statistics', () => {
  it('keyspace_hits/misses: every source key of the multi-key commands is looked up', async () => {
    await h.reset();
    await h.checkAll([['SADD', 'a', '1', '2'], ['SADD', 'b', '2'], ['CONFIG', 'RESETSTAT']]);
    for (const args of [
      ['SINTERSTORE', 'd', 'a', 'b', 'nokey'], ['SUNIONSTORE', 'd', 'a', 'b', 'nokey'], ['SINTER', 'a', 'b', 'nokey'],
      ['SMOVE', 'a', 'b', '1'], ['SPOP', 'a'], ['SINTERCARD', '3', 'a', 'b', 'nokey'], ['SDIFFSTORE', 'd', 'a', 'b', 'nokey'],
      ['SRANDMEMBER', 'b'], ['SRANDMEMBER', 'b', '3'], ['SMISMEMBER', 'b', '1'], ['SISMEMBER', 'nokey', '1'], ['SCARD', 'b'],
      ['SSCAN', 'b', '0'], ['SMEMBERS', 'b'], ['SREM', 'b', '7'], ['SADD', 'b', '9'], ['SPOP', 'b', '1'], ['SUNION', 'b', 'nokey'],
    ]) {
      await h.check(args, 'type');
    }
    const stats = (r: RespValue) => text(r).split('\r\n').filter((l) => l.startsWith('keyspace_')).join(' ');
    await h.check(['INFO', 'stats'], (a, b) => (stats(a) === stats(b) && stats(a).includes('keyspace_hits:15 keyspace_misses:9') ? null : `redis ${stats(a)} cinnabar ${stats(b)}`));
  });
});

describe('dirty counts', () => {
  it('rdb_changes_since_last_save grows as Redis counts each set write', async () => {
    await h.reset();
    // Counted from each server's own starting point: earlier tests wrote different amounts.
    const changes = (r: RespValue) => Number(/rdb_changes_since_last_save:(\d+)/.exec(text(r))?.[1] ?? NaN);
    let baseR = NaN;
    let baseC = NaN;
    let last = 0;
    const grew: Comparison = (a, b) => {
      const ca = changes(a) - baseR;
      const cb = changes(b) - baseC;
      if (Number.isNaN(ca) || ca !== cb) return `redis +${ca} cinnabar +${cb}`;
      last = ca;
      return null;
    };
    await h.check(['CONFIG', 'SET', 'save', '']);
    await h.check(['INFO', 'persistence'], (a, b) => ((baseR = changes(a)), (baseC = changes(b)), null));
    for (const args of [
      ['SADD', 'a', ...Array.from({ length: 10 }, (_, i) => String(i + 1))], ['SADD', 'a', '1', '11'], ['SREM', 'a', '1', '2', '99'],
      ['SMOVE', 'a', 'b', '3'], ['SMOVE', 'a', 'b', '4'], ['SMOVE', 'b', 'b', '4'], ['SPOP', 'a'], ['SPOP', 'a', '2'], ['SPOP', 'a', '0'],
      ['SINTERSTORE', 'd', 'a', 'b'], ['SUNIONSTORE', 'd', 'a', 'b'], ['SDIFFSTORE', 'd', 'nokey'], ['SDIFFSTORE', 'd', 'nokey'],
      ['SADD', 'e', '1', '2'], ['SPOP', 'e', '5'], ['SADD', 'f', ...Array.from({ length: 10 }, (_, i) => String(i + 1))],
      ['SPOP', 'f', '9'], ['SREM', 'f', ...Array.from({ length: 11 }, (_, i) => String(i + 1))],
    ]) {
      await h.check(args, 'type');
      await h.check(['INFO', 'persistence'], grew);
    }
    expect(last).toBe(46);
  });
});

// ---- seeded random sequences ----

const MEMBERS = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '-1', '-5', '100', '-100000',
  '9223372036854775807', '-9223372036854775808', '4294967296', '-2147483649',
  '9223372036854775808', '01', '-0', '+1', ' 1', '1.5',
  'a', 'b', 'c', 'd', 'x', 'member:1', 'member:2', '', '\x00\xff', 'long'.repeat(10),
];
const INT_MEMBERS = ['9223372036854775807', '-9223372036854775808', '4294967296', '-2147483649', '-100000', '1000000'];
const SET_KEYS = ['s1', 's2', 's3'];
const KEYS = [...SET_KEYS, 's1', 's2', 'nokey', 'str', 'list'];

/** Per-sequence runtime state the comparators share (they run one step at a time, in order). */
interface Runtime {
  /** OBJECT ENCODING as Redis last answered it, per key. */
  encoding: Map<string, string | null>;
  /** SMEMBERS as Redis last answered it (both sides agreed), per key. */
  snapshot: Map<string, string[] | null>;
}

/** Runs `cmp`, then `after` on the Redis reply when they agreed. */
function recording(cmp: Comparison, after: (redis: RespValue, cinnabar: RespValue) => void): Comparison {
  return (a, b) => {
    const d = typeof cmp === 'function' ? cmp(a, b) : compareExactly(a, b, cmp);
    if (d === null) after(a, b);
    return d;
  };
}

function compareExactly(a: RespValue, b: RespValue, how: Comparison): string | null {
  if (how === 'exact') return show(a) === show(b) ? null : `redis ${show(a)}\ncinnabar ${show(b)}`;
  if (how === 'unordered') return sameMembers(a, b);
  return a.t === b.t ? null : `type ${a.t} vs ${b.t}`;
}

function genSets(rng: Rng): Step[] {
  const steps: Step[] = [];
  const rt: Runtime = { encoding: new Map(), snapshot: new Map() };
  let maxIntset = rng.pick([0, 1, 2, 3, 4, 5, 8, 16, 64, 512, 512]);
  steps.push({ args: ['CONFIG', 'SET', 'set-max-intset-entries', String(maxIntset)] });
  steps.push({ args: ['SET', 'str', 'v'] }, { args: ['RPUSH', 'list', 'a'] });
  if (rng.chance(0.25)) steps.push({ args: ['HELLO', '3'], compare: 'type' });
  // A third of the sequences keep to integers (intsets live longer there); the rest mix.
  const intsOnly = rng.chance(0.35);
  const member = () =>
    rng.chance(intsOnly ? 0.97 : 0.6) ? (rng.chance(0.9) ? String(rng.int(-3, 25)) : rng.pick(INT_MEMBERS)) : rng.pick(MEMBERS);
  const someMembers = (lo: number, hi: number) => Array.from({ length: rng.int(lo, hi) }, member);
  const setKey = () => rng.pick(SET_KEYS);
  const anyKey = () => rng.pick(KEYS);
  const keyList = (lo: number, hi: number) => Array.from({ length: rng.int(lo, hi) }, () => (rng.chance(0.85) ? setKey() : anyKey()));

  /** OBJECT ENCODING then SMEMBERS of `key`: exact for an intset (numeric order), else as multisets. */
  const snapshot = (key: string) => {
    steps.push({ args: ['OBJECT', 'ENCODING', key], compare: recording('exact', (a) => rt.encoding.set(key, a.t === '$' && a.v !== null ? text(a) : null)) });
    steps.push({
      args: ['SMEMBERS', key],
      compare: recording((a, b) => (rt.encoding.get(key) === 'intset' ? compareExactly(a, b, 'exact') : sameMembers(a, b)), (a) => rt.snapshot.set(key, members(a))),
    });
  };

  /**
   * After SPOP: each side lost different members. SCARD must agree; SMISMEMBER of everything
   * either side popped must show each side's own pops gone; SREM of them all then leaves both
   * sides with the same set again.
   */
  const afterPop = (key: string, popped: { r: string[]; c: string[] }) => {
    steps.push({ args: ['SCARD', key] });
    const union: string[] = [];
    const check = ['SMISMEMBER', key];
    const remove = ['SREM', key];
    steps.push({
      args: check,
      compare: (a, b) => {
        if (union.length === 0) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
        for (const [side, r, mine] of [['redis', a, popped.r], ['cinnabar', b, popped.c]] as const) {
          const want = `*[${union.map((m) => (mine.includes(m) ? ':0' : ':1')).join(', ')}]`;
          if (show(r) !== want) return `${side}: SMISMEMBER ${show(r)}, expected ${want} (popped ${JSON.stringify(mine)})`;
        }
        return null;
      },
    });
    // SPOP taking most of a table rebuilds it from the random survivors, as an intset when they
    // all are integers: the two sides may differ in encoding. A non-integer added and removed
    // makes both tables again (only after a table: an intset's encoding is deterministic).
    const syncAdd = ['EXISTS', key];
    const syncRem = ['EXISTS', key];
    steps.push({
      args: remove,
      compare: (a, b) => {
        if (union.length === 0) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
        const wantR = `:${union.length - popped.r.length}`;
        const wantC = `:${union.length - popped.c.length}`;
        return show(a) === wantR && show(b) === wantC ? null : `SREM: redis ${show(a)} (want ${wantR}), cinnabar ${show(b)} (want ${wantC})`;
      },
    });
    steps.push({ args: syncAdd }, { args: syncRem });
    // The SMISMEMBER/SREM arguments are filled in once SPOP has answered.
    return (r: string[], c: string[]) => {
      if (rt.encoding.get(key) === 'hashtable') {
        syncAdd.splice(0, 2, 'SADD', key, 'sync:not-an-integer');
        syncRem.splice(0, 2, 'SREM', key, 'sync:not-an-integer');
      }
      popped.r = r;
      popped.c = c;
      for (const m of [...r, ...c]) if (!union.includes(m)) union.push(m);
      check.push(...union);
      remove.push(...union);
    };
  };

  const n = rng.int(15, 45);
  for (let s = 0; s < n; s++) {
    switch (rng.int(-2, 21)) {
      case -2:
      case -1:
      case 0:
      case 1:
      case 2:
        steps.push({ args: ['SADD', rng.chance(0.9) ? setKey() : anyKey(), ...someMembers(1, 6)] });
        break;
      case 3: {
        // Many integers at once: crosses the intset limit.
        const k = setKey();
        steps.push({ args: ['SADD', k, ...Array.from({ length: rng.int(5, 20) }, () => String(rng.int(-50, 50)))] });
        break;
      }
      case 4:
        steps.push({ args: ['SREM', rng.chance(0.9) ? setKey() : anyKey(), ...someMembers(1, 5)] });
        break;
      case 5:
        snapshot(anyKey());
        break;
      case 6:
        steps.push({ args: [rng.pick(['SISMEMBER', 'SCARD', 'SMISMEMBER']), anyKey(), ...someMembers(0, 4)] });
        break;
      case 7:
        steps.push({ args: ['SMISMEMBER', anyKey(), ...someMembers(1, 4)] });
        break;
      case 8:
      case 9: {
        // SPOP with a count: compared on sizes, membership and distinctness, then reconciled.
        const key = rng.chance(0.9) ? setKey() : anyKey();
        snapshot(key);
        const count = rng.pick([0, 1, 2, 3, 4, 5, 8, 10, 20, 100]);
        const popped = { r: [] as string[], c: [] as string[] };
        const spop: Step = { args: ['SPOP', key, String(count)] };
        steps.push(spop);
        const reconcile = afterPop(key, popped);
        const sample = sampleCheck(() => rt.snapshot.get(key) ?? null, count, reconcile);
        const maxNow = maxIntset;
        spop.compare = (a, b) => {
          const d = sample(a, b);
          // All of it: the reply is a fresh union of the set (sorted when that is an intset).
          const snap = rt.snapshot.get(key);
          if (d === null && snap && count >= snap.length && snap.every(isInt64Text) && snap.length <= maxNow) return compareExactly(a, b, 'exact');
          return d;
        };
        break;
      }
      case 10: {
        const key = rng.chance(0.9) ? setKey() : anyKey();
        snapshot(key);
        const popped = { r: [] as string[], c: [] as string[] };
        const spop: Step = { args: ['SPOP', key] };
        steps.push(spop);
        const reconcile = afterPop(key, popped);
        spop.compare = (a, b) => {
          if (a.t !== b.t) return `type ${a.t} vs ${b.t}`;
          if (a.t !== '$' || a.v === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
          const snap = rt.snapshot.get(key) ?? [];
          if (!snap.includes(text(a)) || !snap.includes(text(b))) return `not members: ${show(a)} ${show(b)}`;
          reconcile([text(a)], [text(b)]);
          return null;
        };
        break;
      }
      case 11: {
        const key = anyKey();
        snapshot(key);
        const count = rng.pick([0, 1, 2, 3, 5, 10, 100, -1, -2, -5, -20]);
        steps.push({
          args: ['SRANDMEMBER', key, String(count)],
          compare: (a, b) => {
            const d = sampleCheck(() => rt.snapshot.get(key) ?? null, count)(a, b);
            // The whole set: in its own order, exact for an intset.
            const snap = rt.snapshot.get(key);
            if (d === null && snap && count >= snap.length && rt.encoding.get(key) === 'intset') return compareExactly(a, b, 'exact');
            return d;
          },
        });
        steps.push({
          args: ['SRANDMEMBER', key],
          compare: (a, b) => {
            if (a.t !== b.t) return `type ${a.t} vs ${b.t}`;
            if (a.t !== '$' || a.v === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
            return (rt.snapshot.get(key) ?? []).includes(text(b)) ? null : `not a member: ${show(b)}`;
          },
        });
        break;
      }
      case 12: {
        const cmd = rng.pick(['SPOP', 'SRANDMEMBER']);
        const bad = rng.pick([['x'], ['-9223372036854775808'], ['9223372036854775808'], ['1', '2'], ['1.0'], [''], ...(cmd === 'SPOP' ? [['-1']] : [])]);
        steps.push({ args: [cmd, anyKey(), ...bad] });
        break;
      }
      case 13:
        steps.push({ args: ['SMOVE', rng.chance(0.9) ? setKey() : anyKey(), rng.chance(0.9) ? setKey() : anyKey(), member()] });
        break;
      case 14: {
        const cmd = rng.pick(['SINTER', 'SUNION', 'SDIFF']);
        steps.push({ args: [cmd, ...keyList(1, 4)], compare: sameMembers });
        break;
      }
      case 15:
      case 16: {
        const cmd = rng.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']);
        const dst = rng.chance(0.8) ? setKey() : anyKey();
        steps.push({ args: [cmd, dst, ...keyList(1, 4)] });
        snapshot(dst);
        break;
      }
      case 17: {
        const keys = keyList(1, 4);
        const numkeys = rng.chance(0.85) ? String(keys.length) : rng.pick(['0', '-1', 'x', String(keys.length + 1), '1']);
        const opts = rng.chance(0.5) ? ['LIMIT', rng.pick(['0', '1', '2', '5', '-1', 'x'])] : [];
        if (rng.chance(0.1)) opts.push(rng.pick(['LIMIT', 'foo']));
        steps.push({ args: ['SINTERCARD', numkeys, ...keys, ...opts] });
        break;
      }
      case 18: {
        const key = anyKey();
        const opts: string[] = [];
        if (rng.chance(0.4)) opts.push('MATCH', rng.pick(['*', '1*', '?', '[0-5]', '-*', 'member:*', '']));
        if (rng.chance(0.4)) opts.push('COUNT', rng.pick(['1', '10', '1000', '0', '-1', 'x']));
        if (rng.chance(0.1)) opts.push(rng.pick(['TYPE', 'MATCH', 'bogus']));
        const cursor = rng.pick(['0', '0', '0', '5', 'x', '-1']);
        steps.push({ args: ['OBJECT', 'ENCODING', key], compare: recording('exact', (a) => rt.encoding.set(key, a.t === '$' && a.v !== null ? text(a) : null)) });
        steps.push({ args: ['SSCAN', key, cursor, ...opts], compare: (a, b) => sscanCheck(a, b, rt.encoding.get(key) === 'intset', cursor === '0') });
        break;
      }
      case 19: {
        maxIntset = rng.pick([0, 1, 2, 3, 5, 8, 512]);
        steps.push({ args: ['CONFIG', 'SET', 'set-max-intset-entries', String(maxIntset)] });
        break;
      }
      case 20:
        steps.push({ args: [...rng.pick([['OBJECT', 'ENCODING'], ['DEL'], ['TYPE'], ['EXISTS']]), setKey()] });
        break;
      default: {
        // Too few (or too many) arguments.
        const cmd = rng.pick(['SADD', 'SREM', 'SMEMBERS', 'SISMEMBER', 'SMISMEMBER', 'SCARD', 'SPOP', 'SRANDMEMBER', 'SMOVE', 'SINTER', 'SINTERCARD', 'SUNION', 'SDIFF', 'SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE', 'SSCAN']);
        const random = cmd === 'SPOP' || cmd === 'SRANDMEMBER';
        const extra = rng.chance(0.3) && ['SMEMBERS', 'SISMEMBER', 'SCARD'].includes(cmd) ? ['s1', 'a', 'b', 'c'] : ['s1'].slice(0, random ? 0 : rng.int(0, 1));
        steps.push({ args: [cmd, ...extra], compare: sameMembers });
        break;
      }
    }
  }
  for (const key of SET_KEYS) snapshot(key);
  steps.push({ args: ['CONFIG', 'SET', 'set-max-intset-entries', '512'] });
  return steps;
}

/**
 * One SSCAN call: errors exact; an intset answers all of it with cursor 0 (exact); a table's
 * cursors differ, but when both finish a scan in one call they must return the same members.
 */
function sscanCheck(a: RespValue, b: RespValue, intset: boolean, fromStart: boolean): string | null {
  if (a.t !== '*' || b.t !== '*' || intset) return show(a) === show(b) ? null : `redis ${show(a)}\ncinnabar ${show(b)}`;
  const [ca, ia] = a.v!;
  const [cb, ib] = b.v!;
  if (cb.t !== '$' || members(ib) === null) return `bad shape ${show(b)}`;
  if (fromStart && text(ca) === '0' && text(cb) === '0') return sameMembers(ia, ib);
  const mb = members(ib)!;
  return new Set(mb).size === mb.length ? null : `repeated members ${show(b)}`;
}

describe('random sequences', () => {
  it('600 seeded sequences mixing every set command', async () => {
    await h.sequences('sets', 600, genSets);
  }, 180_000);
});
