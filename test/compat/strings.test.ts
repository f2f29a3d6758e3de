// The string family against real Redis 7.0: the examples and edge cases of the command pages,
// INCRBYFLOAT's long double arithmetic over many values, the proto-max-bulk-len limits, and
// seeded random sequences mixing every command with bad arities, syntax errors, option
// conflicts, overflows, binary bytes and expiry.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Compat, Rng, type Comparison, type Step } from './harness.ts';
import type { Arg, RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

/** Integers (TTL, PTTL) that may differ by the time between the two servers' clocks. */
function near(tolerance: number): Comparison {
  return (a: RespValue, b: RespValue) => {
    if (a.t !== ':' || b.t !== ':') return a.t === b.t && JSON.stringify(a) === JSON.stringify(b) ? null : `types ${a.t} vs ${b.t}`;
    if (a.v < 0n || b.v < 0n) return a.v === b.v ? null : `${a.v} vs ${b.v}`;
    const d = a.v - b.v;
    return d <= BigInt(tolerance) && d >= -BigInt(tolerance) ? null : `${a.v} vs ${b.v}`;
  };
}

describe('SET and GET', () => {
  it('the SET page: options, GET, NX/XX, conflicts', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', 'Hello'],
      ['GET', 'mykey'],
      ['SET', 'anotherkey', 'will expire in a minute', 'EX', '60'],
      ['SET', 'mykey', 'World', 'NX'],
      ['SET', 'mykey', 'World', 'XX', 'GET'],
      ['SET', 'nokey', 'x', 'XX'],
      ['SET', 'nokey', 'x', 'XX', 'GET'],
      ['SET', 'mykey', 'again', 'NX', 'GET'],
      ['SET', 'fresh', 'v', 'NX', 'GET'],
      ['GET', 'fresh'],
      ['SET', 'k', 'v', 'NX', 'XX'],
      ['SET', 'k', 'v', 'EX', '10', 'PX', '100'],
      ['SET', 'k', 'v', 'KEEPTTL', 'EX', '10'],
      ['SET', 'k', 'v', 'EX', '10', 'KEEPTTL'],
      ['SET', 'k', 'v', 'EX', '10', 'EX', '20'],
      ['SET', 'k', 'v', 'EX'],
      ['SET', 'k', 'v', 'PERSIST'],
      ['SET', 'k', 'v', 'ex', '0'],
      ['SET', 'k', 'v', 'px', '-1'],
      ['SET', 'k', 'v', 'EX', 'ten'],
      ['SET', 'k', 'v', 'EX', '9223372036854775'],
      ['SET', 'k', 'v', 'PX', '9223372036854775807'],
      ['SET', 'k', 'v', 'EXAT', '1'],
      ['GET', 'k'],
      ['SET', 'k', 'v', 'PXAT', '9223372036854775807', 'GET'],
      ['PEXPIRETIME', 'k'],
      ['SET', 'k', '\x00\xff binary \r\n', 'KEEPTTL'],
      ['GET', 'k'],
      ['SET', 'k', 'v', 'nx\x00ignored'],
      ['SET', '', ''],
      ['GET', ''],
    ]);
    await h.check(['TTL', 'anotherkey'], near(1));
    await h.check(['PTTL', 'k'], near(1000));
  });

  it('SETNX, SETEX, PSETEX, GETSET, GETDEL, MSET, MSETNX, MGET pages', async () => {
    await h.reset();
    await h.checkAll([
      ['SETNX', 'mykey', 'Hello'],
      ['SETNX', 'mykey', 'World'],
      ['GET', 'mykey'],
      ['SETEX', 'mykey', '10', 'Hello'],
      ['GET', 'mykey'],
      ['SETEX', 'mykey', '0', 'Hello'],
      ['SETEX', 'mykey', '-10', 'Hello'],
      ['PSETEX', 'mykey', '100000', 'Hello'],
      ['PSETEX', 'mykey', '0', 'Hello'],
      ['PSETEX', 'mykey', 'x', 'Hello'],
      ['INCR', 'mycounter'],
      ['GETSET', 'mycounter', '0'],
      ['GET', 'mycounter'],
      ['GETSET', 'nothing', 'x'],
      ['GETDEL', 'mykey'],
      ['GET', 'mykey'],
      ['GETDEL', 'mykey'],
      ['MSET', 'key1', 'Hello', 'key2', 'World'],
      ['MGET', 'key1', 'key2', 'nonexisting'],
      ['MSET', 'key1', 'a', 'key1', 'b'],
      ['GET', 'key1'],
      ['MSET', 'key1'],
      ['MSET', 'key1', 'a', 'key2'],
      ['MSETNX', 'key3', 'Hello', 'key4', 'there'],
      ['MSETNX', 'key4', 'there', 'key5', 'world'],
      ['MGET', 'key3', 'key4', 'key5'],
      ['MSETNX', 'key6'],
      ['PSETEX', 'mykey', '100000', 'Hello'],
    ]);
    await h.check(['PTTL', 'mykey'], near(1000));
  });

  it('GETEX: PERSIST, EX/PX/EXAT/PXAT, conflicts, a past time deletes', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', 'Hello'],
      ['GETEX', 'mykey'],
      ['GETEX', 'mykey', 'EX', '60'],
    ]);
    await h.check(['TTL', 'mykey'], near(1));
    await h.checkAll([
      ['GETEX', 'mykey', 'PERSIST'],
      ['TTL', 'mykey'],
      ['GETEX', 'mykey', 'PERSIST', 'EX', '1'],
      ['GETEX', 'mykey', 'EX', '1', 'PERSIST'],
      ['GETEX', 'mykey', 'KEEPTTL'],
      ['GETEX', 'mykey', 'NX'],
      ['GETEX', 'mykey', 'EX'],
      ['GETEX', 'mykey', 'EX', 'abc'],
      ['GETEX', 'mykey', 'PX', '0'],
      ['GETEX', 'missing', 'EX', 'abc'],
      ['GETEX', 'missing', 'bogus'],
      ['GETEX', 'mykey', 'EX', '9223372036854775'],
      ['GETEX', 'mykey', 'EXAT', '1'],
      ['EXISTS', 'mykey'],
      ['SET', 'mykey', 'v'],
      ['GETEX', 'mykey', 'PXAT', '1'],
      ['GET', 'mykey'],
    ]);
  });
});

describe('APPEND, STRLEN, GETRANGE, SETRANGE', () => {
  it('the command pages and edge cases', async () => {
    await h.reset();
    await h.checkAll([
      ['EXISTS', 'mykey'],
      ['APPEND', 'mykey', 'Hello'],
      ['APPEND', 'mykey', ' World'],
      ['GET', 'mykey'],
      ['STRLEN', 'mykey'],
      ['STRLEN', 'nonexisting'],
      ['APPEND', 'empty', ''],
      ['EXISTS', 'empty'],
      ['SET', 'mykey', 'This is a string'],
      ['GETRANGE', 'mykey', '0', '3'],
      ['GETRANGE', 'mykey', '-3', '-1'],
      ['GETRANGE', 'mykey', '0', '-1'],
      ['GETRANGE', 'mykey', '10', '100'],
      ['GETRANGE', 'mykey', '-1', '-5'],
      ['GETRANGE', 'mykey', '5', '3'],
      ['GETRANGE', 'mykey', '-100', '-90'],
      ['GETRANGE', 'mykey', '-9223372036854775807', '-9223372036854775808'],
      ['GETRANGE', 'mykey', '9223372036854775807', '9223372036854775806'],
      ['GETRANGE', 'mykey', '-9223372036854775808', '9223372036854775807'],
      ['GETRANGE', 'mykey', '0', '9223372036854775808'],
      ['GETRANGE', 'mykey', 'a', '1'],
      ['GETRANGE', 'nokey', '0', '-1'],
      ['SUBSTR', 'mykey', '0', '3'],
      ['SET', 'num', '-12345'],
      ['GETRANGE', 'num', '1', '2'],
      ['SET', 'key1', 'Hello World'],
      ['SETRANGE', 'key1', '6', 'Redis'],
      ['GET', 'key1'],
      ['SETRANGE', 'key2', '6', 'Redis'],
      ['GET', 'key2'],
      ['SETRANGE', 'key3', '0', ''],
      ['EXISTS', 'key3'],
      ['SETRANGE', 'key1', '100', ''],
      ['SETRANGE', 'key1', '-1', 'x'],
      ['SETRANGE', 'key1', 'x', 'x'],
      ['SETRANGE', 'key1', '536870911', 'xy'],
      ['SETRANGE', 'key1', '536870912', ''],
      ['SETRANGE', 'key4', '536870912', ''],
      ['SETRANGE', 'key1', '9223372036854775807', 'x'],
      ['SETRANGE', 'key1', '9223372036854775808', 'x'],
      ['SETRANGE', 'key1', '3', '\x00\xff'],
      ['GET', 'key1'],
      ['SETRANGE', 'key1', '20', 'tail'],
      ['GET', 'key1'],
    ]);
  });

  it('OBJECT ENCODING of strings written whole and edited in place', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'a', '123'],
      ['OBJECT', 'ENCODING', 'a'],
      ['APPEND', 'a', ''],
      ['OBJECT', 'ENCODING', 'a'],
      ['APPEND', 'b', '123'],
      ['OBJECT', 'ENCODING', 'b'],
      ['SET', 'c', 'abc'],
      ['SETRANGE', 'c', '1', ''],
      ['OBJECT', 'ENCODING', 'c'],
      ['SETRANGE', 'c', '1', 'x'],
      ['OBJECT', 'ENCODING', 'c'],
      ['SET', 'd', '9223372036854775807'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SET', 'd', '9223372036854775808'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SET', 'd', '-0'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SET', 'd', 'x'.repeat(44)],
      ['OBJECT', 'ENCODING', 'd'],
      ['SET', 'd', 'x'.repeat(45)],
      ['OBJECT', 'ENCODING', 'd'],
      ['INCR', 'c2'],
      ['OBJECT', 'ENCODING', 'c2'],
      ['SET', 'e', 'abc'],
      ['APPEND', 'e', 'd'],
      ['INCR', 'e'],
      ['GETSET', 'e', '5'],
      ['OBJECT', 'ENCODING', 'e'],
      ['SETRANGE', 'e', '0', '6'],
      ['INCR', 'e'],
      ['OBJECT', 'ENCODING', 'e'],
      ['INCRBYFLOAT', 'f', '1.5'],
      ['OBJECT', 'ENCODING', 'f'],
    ]);
  });
});

describe('counters', () => {
  it('INCR, DECR, INCRBY, DECRBY: parsing, int64 extremes, overflow', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', '10'],
      ['INCR', 'mykey'],
      ['GET', 'mykey'],
      ['DECR', 'mykey'],
      ['SET', 'mykey', '234293482390480948029348230948'],
      ['INCR', 'mykey'],
      ['DECR', 'mykey'],
      ['INCRBY', 'mykey', '5'],
      ['SET', 'mykey', '10'],
      ['DECRBY', 'mykey', '3'],
      ['SET', 'i', '9223372036854775806'],
      ['INCR', 'i'],
      ['INCR', 'i'],
      ['DECRBY', 'i', '-1'],
      ['INCRBY', 'i', '-9223372036854775808'],
      ['INCRBY', 'i', '-9223372036854775808'],
      ['SET', 'i', '-9223372036854775807'],
      ['DECR', 'i'],
      ['DECR', 'i'],
      ['DECRBY', 'i', '-9223372036854775808'],
      ['DECRBY', 'z', '-9223372036854775808'],
      ['INCRBY', 'z', '9223372036854775807'],
      ['INCRBY', 'z', '0'],
      ['INCRBY', 'z', '-9223372036854775807'],
      ['INCRBY', 'big', '9007199254740993'],
      ['INCRBY', 'big', '9007199254740993'],
      ['DECRBY', 'big', '18014398509481985'],
      ['INCRBY', 'i', '9223372036854775808'],
      ['INCRBY', 'i', '1.5'],
      ['INCRBY', 'i', ' 1'],
      ['INCRBY', 'i', '+1'],
      ['INCRBY', 'i', '01'],
      ['INCRBY', 'i', '-0'],
      ['INCRBY', 'i', ''],
      ['SET', 's', ' 1'],
      ['INCR', 's'],
      ['SET', 's', '1 '],
      ['INCR', 's'],
      ['SET', 's', '+1'],
      ['INCR', 's'],
      ['SET', 's', '00'],
      ['INCR', 's'],
      ['SET', 's', '12345678901234567890'],
      ['INCR', 's'],
      ['SET', 's', '\x001'],
      ['INCR', 's'],
      ['SET', 's', ''],
      ['INCR', 's'],
    ]);
  });

  it('INCRBYFLOAT: the page, long double precision, accepted syntax', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', '10.50'],
      ['INCRBYFLOAT', 'mykey', '0.1'],
      ['INCRBYFLOAT', 'mykey', '-5'],
      ['SET', 'mykey', '5.0e3'],
      ['INCRBYFLOAT', 'mykey', '2.0e2'],
      ['SET', 'f', '3.0e3'],
      ['INCRBYFLOAT', 'f', '5.0e3'],
      ['INCRBYFLOAT', 'g', '1e400'],
      ['STRLEN', 'g'],
      ['INCRBYFLOAT', 'g', '1e5000'],
      ['INCRBYFLOAT', 'g', '-1e400'],
      ['INCRBYFLOAT', 'h', 'inf'],
      ['INCRBYFLOAT', 'h', '-Infinity'],
      ['INCRBYFLOAT', 'h', 'nan'],
      ['INCRBYFLOAT', 'h', ' 1'],
      ['INCRBYFLOAT', 'h', '1 '],
      ['INCRBYFLOAT', 'h', '1\x00'],
      ['INCRBYFLOAT', 'h', ''],
      ['INCRBYFLOAT', 'h', '0x1p3'],
      ['INCRBYFLOAT', 'h', '0X1.8P1'],
      ['INCRBYFLOAT', 'h', '0x'],
      ['INCRBYFLOAT', 'h', '.5'],
      ['INCRBYFLOAT', 'h', '5.'],
      ['INCRBYFLOAT', 'h', '+1'],
      ['INCRBYFLOAT', 'h', '1e'],
      ['INCRBYFLOAT', 'h', '1e-4940'],
      ['INCRBYFLOAT', 'h2', '1e-4940'],
      ['INCRBYFLOAT', 'h3', '1e-4960'],
      ['INCRBYFLOAT', 'h4', '0.000003814697265625'],
      ['INCRBYFLOAT', 'h5', '1.00000762939453125'],
      ['INCRBYFLOAT', 'h6', '1.18e4932'],
      ['INCRBYFLOAT', 'h6', '1.18e4932'],
      ['INCRBYFLOAT', 'h7', '1.19e4932'],
      ['SET', 'm', 'inf'],
      ['INCRBYFLOAT', 'm', '1'],
      ['SET', 'm', '-0.0'],
      ['INCRBYFLOAT', 'm', '-0'],
      ['SET', 'm', '9223372036854775807'],
      ['INCRBYFLOAT', 'm', '1'],
      ['INCRBYFLOAT', 'm', '0.5'],
      ['SET', 'm', 'abc'],
      ['INCRBYFLOAT', 'm', '1'],
      ['INCRBYFLOAT', 'm', 'abc'],
    ]);
  });

  it('INCRBYFLOAT matches over 1500 random chains', async () => {
    const rng = new Rng(20240507);
    const digits = (n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
    const number = (): string => {
      const sign = rng.pick(['', '', '-', '+']);
      switch (rng.int(0, 9)) {
        case 0: return sign + digits(rng.int(1, 22));
        case 1: return sign + digits(rng.int(0, 6)) + '.' + digits(rng.int(1, 22));
        case 2: return sign + digits(rng.int(1, 3)) + '.' + digits(rng.int(0, 4)) + 'e' + rng.pick(['', '-', '+']) + rng.int(0, 60);
        case 3: return sign + '0x' + rng.pick(['1', 'ff', '1.8', 'abc.def', '.8']) + 'p' + rng.pick(['', '-']) + rng.int(0, 80);
        case 4: return sign + '0.' + '0'.repeat(rng.int(0, 18)) + digits(rng.int(1, 5));
        case 5: return sign + String(rng.int(-1e6, 1e6) / rng.pick([10, 100, 1000, 8, 3, 7]));
        case 6: return sign + digits(rng.int(15, 20)) + '.' + digits(rng.int(1, 4));
        case 7: return sign + rng.pick(['1', '2.5', '9.99']) + 'e' + rng.pick(['-', '']) + rng.int(300, 4940);
        case 8: return rng.pick(['0.1', '0.2', '0.3', '1.1', '2.2', '3.3', '-0.1', '1e-17', '5e-18', '0.00000000000000001']);
        default: return sign + String(rng.int(0, 100)) + '.' + rng.pick(['5', '25', '125', '0625', '1', '01', '001']);
      }
    };
    await h.reset();
    for (let chain = 0; chain < 150; chain++) {
      const key = `f${chain}`;
      if (rng.chance(0.5)) await h.check(['SET', key, number()]);
      for (let i = 0; i < 10; i++) await h.check(['INCRBYFLOAT', key, number()]);
      await h.check(['GET', key]);
    }
  });
});

describe('LCS', () => {
  it('the LCS page and its errors', async () => {
    await h.reset();
    await h.checkAll([
      ['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'],
      ['LCS', 'key1', 'key2'],
      ['LCS', 'key1', 'key2', 'LEN'],
      ['LCS', 'key1', 'key2', 'IDX'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'idx', 'withmatchlen', 'minmatchlen', '-5'],
      ['LCS', 'key1', 'key2', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'LEN', 'IDX'],
      ['LCS', 'key1', 'key2', 'MINMATCHLEN'],
      ['LCS', 'key1', 'key2', 'MINMATCHLEN', 'x'],
      ['LCS', 'key1', 'key2', 'bogus'],
      ['LCS', 'key1', 'missing'],
      ['LCS', 'key1', 'missing', 'IDX'],
      ['LCS', 'missing', 'missing', 'LEN'],
      ['SET', 'b1', '\x00\xff\x00abc\xff'],
      ['SET', 'b2', '\xff\x00ab\x00c'],
      ['LCS', 'b1', 'b2', 'IDX', 'WITHMATCHLEN'],
      ['LCS', 'b1', 'b2'],
    ]);
  });
});

describe('RESP3', () => {
  it('nulls, the LCS IDX map and the rest answer as Redis does after HELLO 3', async () => {
    await h.reset();
    const p = await h.pair();
    await h.check(['HELLO', '3'], 'type', p);
    for (const args of [
      ['GET', 'missing'], ['MGET', 'missing', 'k'], ['SET', 'k', 'ohmytext'], ['SET', 'k2', 'mynewtext', 'GET'],
      ['SET', 'k2', 'x', 'NX'], ['GETEX', 'missing'], ['GETDEL', 'missing'], ['GETSET', 'missing', 'v'],
      ['LCS', 'k', 'k2', 'IDX', 'WITHMATCHLEN'], ['LCS', 'k', 'k2', 'LEN'], ['INCRBYFLOAT', 'f', '1.5'],
      ['INCRBY', 'n', '9223372036854775807'], ['GETRANGE', 'k', '0', '2'], ['SETNX', 'k', 'v'],
    ]) {
      await h.check(args, 'exact', p);
    }
  });
});

describe('wrong arity', () => {
  it('every command refuses a bad argument count', async () => {
    await h.checkAll([
      ['GET'], ['GET', 'a', 'b'], ['SET', 'k'], ['SETNX', 'k'], ['SETEX', 'k', '10'], ['PSETEX', 'k', '1'],
      ['GETSET', 'k'], ['GETDEL'], ['GETDEL', 'a', 'b'], ['GETEX'], ['MGET'], ['MSET'], ['MSETNX', 'a'],
      ['APPEND', 'k'], ['STRLEN'], ['GETRANGE', 'k', '0'], ['SUBSTR', 'k'], ['SETRANGE', 'k', '0'],
      ['INCR'], ['DECR', 'a', 'b'], ['INCRBY', 'k'], ['DECRBY', 'k', '1', '2'], ['INCRBYFLOAT', 'k'], ['LCS', 'a'],
    ]);
  });
});

describe('proto-max-bulk-len', () => {
  let small: Compat;
  beforeAll(async () => {
    small = await Compat.start({ config: { 'proto-max-bulk-len': '1048576' } });
  });
  afterAll(async () => {
    await small?.stop();
  });
  it('SETRANGE, APPEND and LCS respect the configured limit', async () => {
    await small.reset();
    await small.checkAll([
      ['SETRANGE', 'k', '1048576', 'x'],
      ['SETRANGE', 'k', '1048575', 'xy'],
      ['SETRANGE', 'k', '1048570', 'abcdef'],
      ['STRLEN', 'k'],
      ['APPEND', 'k', 'x'],
      ['APPEND', 'k', ''],
      ['SETRANGE', 'k', '1048575', 'z'],
      ['GETRANGE', 'k', '-8', '-1'],
      ['SET', 'j', 'x'.repeat(1000)],
      ['SETRANGE', 'j', '1047000', 'y'.repeat(576)],
      ['APPEND', 'j', 'z'],
      ['STRLEN', 'j'],
      ['SET', 'a', 'a'.repeat(600)],
      ['SET', 'b', 'b'.repeat(600)],
      ['LCS', 'a', 'b'],
      ['SET', 'b', 'ab'.repeat(200)],
      ['LCS', 'a', 'b', 'LEN'],
    ]);
  });
});

// ---- seeded random sequences ----

const KEYS = ['k1', 'k2', 'k3', 'n', '\x00\xff', ''];
const INTS = [
  '0', '1', '-1', '7', '42', '-42', '9999', '10000', '-10000', '123456789', '9007199254740993', '-9007199254740993',
  '9223372036854775807', '-9223372036854775808', '9223372036854775806', '-9223372036854775807',
  '9223372036854775808', '-9223372036854775809', '12345678901234567890', '05', '-0', '+5', ' 5', '5 ', '1.0', '',
];
const FLOATS = [
  '0.1', '-0.1', '1.5', '10.5', '3.0e3', '5.0e3', '-5', '1e-5', '0.000003814697265625', '1.00000762939453125',
  '1e400', '-1e400', '1e5000', 'inf', '-inf', 'nan', '0x1p3', '0X1.8P1', '.5', '5.', '1e', 'abc', '', ' 1', '1 ',
  '1e-4940', '1.18e4932', '123456789012345678.5', '9223372036854775807', '-9223372036854775808', '0.3', '2.2',
];
const STRINGS = [
  '', 'v', 'hello', 'Hello World', 'ohmytext', 'mynewtext', '\x00', '\xff\x00\xfe', 'x'.repeat(44), 'y'.repeat(45),
  'abc\x00def', 'This is a string', 'tEXt', '\r\n',
];
const INDEXES = [
  '0', '1', '-1', '2', '-2', '3', '5', '-5', '10', '-10', '100', '-100', '9223372036854775807',
  '-9223372036854775808', '9223372036854775806', '-9223372036854775807', 'abc', '1.5', '', '+1',
];
const SAFE_OFFSETS = ['0', '1', '3', '5', '10', '44', '100', '1000', '65536', '-1', 'abc', '1.0'];
const HUGE_OFFSETS = ['536870912', '536870911', '9223372036854775807', '9223372036854775808'];

function genStrings(rng: Rng): Step[] {
  const steps: Step[] = [];
  const nowSec = Math.floor(Date.now() / 1000);
  const key = () => rng.pick(KEYS);
  const value = (): string => {
    const r = rng.next();
    return r < 0.4 ? rng.pick(STRINGS) : r < 0.75 ? rng.pick(INTS) : rng.pick(FLOATS);
  };
  let expireSoon = false;
  /** An expiry option and its argument; a short or past one makes the next step wait. */
  const expiry = (forGetex: boolean): string[] => {
    const r = rng.next();
    if (forGetex && r < 0.15) return [rng.caseOf('PERSIST')];
    if (!forGetex && r < 0.15) return [rng.caseOf('KEEPTTL')];
    const which = rng.pick(['EX', 'PX', 'EXAT', 'PXAT']);
    let amount: string;
    const v = rng.next();
    if (v < 0.55) {
      amount = which === 'EX' ? String(rng.int(10, 100000)) : which === 'PX' ? String(rng.int(10000, 100000000))
        : which === 'EXAT' ? String(nowSec + rng.int(100, 100000)) : String((nowSec + rng.int(100, 100000)) * 1000);
    } else if (v < 0.65) {
      amount = which === 'PX' ? '1' : which === 'EXAT' ? String(rng.int(1, nowSec - 10)) : which === 'PXAT' ? String(rng.int(1, nowSec - 10) * 1000) : '100';
      expireSoon = true;
    } else {
      amount = rng.pick(['0', '-1', 'abc', '', '9223372036854775', '9223372036854776', '9223372036854775807', '1.5']);
      if (which === 'EXAT' || which === 'PXAT') expireSoon = true;
    }
    return [rng.caseOf(which), amount];
  };
  const setOptions = (): string[] => {
    const opts: string[] = [];
    const n = rng.int(0, 3);
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.2) opts.push(rng.caseOf('NX'));
      else if (r < 0.4) opts.push(rng.caseOf('XX'));
      else if (r < 0.6) opts.push(rng.caseOf('GET'));
      else if (r < 0.93) opts.push(...expiry(false));
      else opts.push(rng.pick(['PERSIST', 'FOO', 'EX', 'nx\x00x']));
    }
    return opts;
  };
  const commands: (() => string[])[] = [
    () => ['SET', key(), value(), ...setOptions()],
    () => ['SET', key(), value()],
    () => ['GET', key()],
    () => ['GETSET', key(), value()],
    () => ['GETDEL', key()],
    () => { const k = key(); return rng.chance(0.3) ? ['GETEX', k] : ['GETEX', k, ...expiry(true), ...(rng.chance(0.1) ? expiry(true) : [])]; },
    () => ['MGET', ...Array.from({ length: rng.int(1, 4) }, key)],
    () => ['MSET', ...Array.from({ length: rng.int(1, 3) }, () => [key(), value()]).flat(), ...(rng.chance(0.1) ? [key()] : [])],
    () => ['MSETNX', ...Array.from({ length: rng.int(1, 3) }, () => [key(), value()]).flat(), ...(rng.chance(0.1) ? [key()] : [])],
    () => ['SETNX', key(), value()],
    () => ['SETEX', key(), rng.pick(['100', '50000', '0', '-1', 'abc', '9223372036854775']), value()],
    () => ['PSETEX', key(), rng.pick(['100000', '0', '-5', 'abc', '9223372036854775807', '250000']), value()],
    () => ['APPEND', key(), value()],
    () => ['STRLEN', key()],
    () => [rng.chance(0.8) ? 'GETRANGE' : 'SUBSTR', key(), rng.pick(INDEXES), rng.pick(INDEXES)],
    () => {
      if (rng.chance(0.15)) return ['SETRANGE', key(), rng.pick(HUGE_OFFSETS), rng.pick(['', 'xy', 'hello'])];
      return ['SETRANGE', key(), rng.pick(SAFE_OFFSETS), rng.pick(STRINGS)];
    },
    () => ['INCR', key()],
    () => ['DECR', key()],
    () => ['INCRBY', key(), rng.pick(INTS)],
    () => ['DECRBY', key(), rng.pick(INTS)],
    () => ['INCRBYFLOAT', key(), rng.chance(0.5) ? rng.pick(FLOATS) : rng.pick(INTS)],
    () => {
      const opts: string[] = [];
      const n = rng.int(0, 3);
      for (let i = 0; i < n; i++) {
        const t = rng.pick(['LEN', 'IDX', 'IDX', 'WITHMATCHLEN', 'MINMATCHLEN', 'BOGUS']);
        opts.push(rng.caseOf(t));
        if (t === 'MINMATCHLEN' && rng.chance(0.9)) opts.push(rng.pick(['0', '1', '2', '4', '-3', 'x', '9223372036854775807']));
      }
      return ['LCS', key(), key(), ...opts];
    },
    () => rng.pick([
      ['GET'], ['SET', key()], ['SETNX', key()], ['SETEX', key(), '10'], ['PSETEX', key()], ['GETSET', key()], ['GETDEL'],
      ['GETEX'], ['MGET'], ['MSET'], ['MSETNX', key()], ['APPEND', key()], ['STRLEN', key(), key()], ['GETRANGE', key(), '0'],
      ['SUBSTR', key()], ['SETRANGE', key(), '0'], ['INCR'], ['DECR', key(), key()], ['INCRBY', key()], ['DECRBY', key()],
      ['INCRBYFLOAT', key()], ['LCS', key()],
    ]),
  ];
  const checks: (() => Step)[] = [
    () => ({ args: ['TTL', key()], compare: near(1) }),
    () => ({ args: ['PTTL', key()], compare: near(1000) }),
    () => ({ args: ['EXISTS', key()] }),
    () => ({ args: ['OBJECT', 'ENCODING', key()] }),
  ];

  const dirty = dirtyTracker();
  steps.push(dirty.start);
  const n = rng.int(10, 40);
  for (let i = 0; i < n; i++) {
    const sleepBefore = expireSoon ? 5 : undefined;
    expireSoon = false;
    if (rng.chance(0.2)) {
      steps.push({ ...rng.pick(checks)(), sleepBefore });
    } else {
      steps.push({ args: rng.pick(commands)(), sleepBefore });
    }
  }
  steps.push(dirty.end);
  return steps;
}


/**
 * Steps that read Redis's rdb_changes_since_last_save (server.dirty) before and after a
 * sequence, and compare its growth with Cinnabar's engine.dirty over the same commands.
 */
function dirtyTracker(): { start: Step; end: Step } {
  let redisStart = 0n;
  let cinnabarStart = 0;
  const redisDirty = (r: RespValue): bigint => {
    if (r.t !== '$' || !r.v) throw new Error('INFO persistence did not answer a bulk string');
    const m = /rdb_changes_since_last_save:(\d+)/.exec(r.v.toString());
    if (!m) throw new Error('no rdb_changes_since_last_save in INFO');
    return BigInt(m[1]);
  };
  return {
    start: {
      args: ['INFO', 'persistence'],
      compare: (r) => {
        redisStart = redisDirty(r);
        cinnabarStart = h.db.engine.dirty;
        return null;
      },
    },
    end: {
      args: ['INFO', 'persistence'],
      compare: (r) => {
        const redisDelta = redisDirty(r) - redisStart;
        const cinnabarDelta = BigInt(h.db.engine.dirty - cinnabarStart);
        return redisDelta === cinnabarDelta ? null : `dirty grew by ${redisDelta} in Redis, ${cinnabarDelta} in Cinnabar`;
      },
    },
  };
}

describe('strings (random)', () => {
  it('matches real Redis over 600 seeded sequences', async () => {
    await h.sequences('strings', 600, genStrings);
  });
});

