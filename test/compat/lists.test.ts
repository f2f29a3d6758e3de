// The list family against real Redis 7.0: the examples and edge cases of the command pages
// (counted pops, negative indexes, LPOS's RANK/COUNT/MAXLEN and their errors, LMPOP's numkeys),
// the blocking commands where they answer at once (served from a non-empty list, inside
// MULTI, after a short timeout), RESP3 nulls, and seeded random sequences mixing every command
// with wrong types, syntax errors, bad integers and out-of-range indexes.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Compat, compareReplies, type Pair, type Rng, type Step } from './harness.ts';
import type { Arg, RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

async function all(commands: Arg[][]): Promise<void> {
  for (const args of commands) await h.check(args);
}

describe('pushes and pops', () => {
  it('LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP pages', async () => {
    await h.reset();
    await h.checkAll([
      ['LPUSH', 'mylist', 'world'],
      ['LPUSH', 'mylist', 'hello'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['RPUSH', 'mylist', 'one', 'two', 'three', 'four', 'five'],
      ['LPUSH', 'mylist', 'a', 'b', 'c'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LPUSHX', 'nolist', 'x'],
      ['RPUSHX', 'nolist', 'x', 'y'],
      ['EXISTS', 'nolist'],
      ['LPUSHX', 'mylist', 'x', 'y'],
      ['RPUSHX', 'mylist', 'z'],
      ['LPOP', 'mylist'],
      ['RPOP', 'mylist'],
      ['LPOP', 'mylist', '2'],
      ['RPOP', 'mylist', '3'],
      ['LPOP', 'mylist', '0'],
      ['RPOP', 'mylist', '0'],
      ['LPOP', 'mylist', '-1'],
      ['LPOP', 'mylist', 'x'],
      ['LPOP', 'mylist', '1', '2'],
      ['RPOP', 'mylist', '100'],
      ['EXISTS', 'mylist'],
      ['LPOP', 'mylist'],
      ['LPOP', 'mylist', '1'],
      ['RPOP', 'mylist', '0'],
      ['LPOP', 'nolist', '-1'],
      ['SET', 'str', 'v'],
      ['LPUSH', 'str', 'x'],
      ['RPUSHX', 'str', 'x'],
      ['LPOP', 'str'],
      ['LPOP', 'str', '0'],
      ['RPOP', 'str', 'x'],
      ['RPUSH', 'bin', '\x00', '', '\xff\xfe', 'a\r\nb'],
      ['LRANGE', 'bin', '0', '-1'],
      ['OBJECT', 'ENCODING', 'bin'],
      ['TYPE', 'bin'],
    ]);
  });

  it('LMPOP: first non-empty key, COUNT, numkeys and option errors', async () => {
    await h.reset();
    await h.checkAll([
      ['LMPOP', '2', 'non1', 'non2', 'LEFT', 'COUNT', '10'],
      ['LPUSH', 'mylist', 'one', 'two', 'three', 'four', 'five'],
      ['LMPOP', '1', 'mylist', 'LEFT'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LMPOP', '1', 'mylist', 'RIGHT', 'COUNT', '10'],
      ['LPUSH', 'mylist', 'one', 'two', 'three', 'four', 'five'],
      ['LPUSH', 'mylist2', 'a', 'b', 'c', 'd', 'e'],
      ['LMPOP', '2', 'mylist', 'mylist2', 'right', 'count', '3'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LMPOP', '2', 'mylist', 'mylist2', 'RIGHT', 'COUNT', '5'],
      ['LMPOP', '2', 'mylist', 'mylist2', 'RIGHT', 'COUNT', '10'],
      ['EXISTS', 'mylist', 'mylist2'],
      ['SET', 'str', 'v'],
      ['RPUSH', 'l', 'x'],
      ['LMPOP', '2', 'str', 'l', 'LEFT'],
      ['LMPOP', '2', 'missing', 'l', 'LEFT'],
      ['LMPOP', '0', 'l', 'LEFT'],
      ['LMPOP', '-1', 'l', 'LEFT'],
      ['LMPOP', 'x', 'l', 'LEFT'],
      ['LMPOP', '2', 'l', 'LEFT'],
      ['LMPOP', '1', 'l', 'MIDDLE'],
      ['LMPOP', '1', 'l', 'LEFT', 'COUNT'],
      ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '0'],
      ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '-1'],
      ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '1', 'COUNT', '1'],
      ['LMPOP', '1', 'l', 'LEFT', 'FOO'],
      ['LMPOP', '9223372036854775807', 'l', 'LEFT'],
      ['LMPOP', '1', 'l'],
    ]);
  });
});

describe('index and range access', () => {
  it('LLEN, LINDEX, LSET, LRANGE, LTRIM pages and out-of-range indexes', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'mylist', 'one', 'two', 'three'],
      ['LLEN', 'mylist'],
      ['LLEN', 'nolist'],
      ['LINDEX', 'mylist', '0'],
      ['LINDEX', 'mylist', '-1'],
      ['LINDEX', 'mylist', '3'],
      ['LINDEX', 'mylist', '-4'],
      ['LINDEX', 'mylist', 'x'],
      ['LINDEX', 'nolist', 'x'],
      ['LINDEX', 'mylist', '9223372036854775807'],
      ['LINDEX', 'mylist', '-9223372036854775808'],
      ['LINDEX', 'mylist', '9223372036854775808'],
      ['LSET', 'mylist', '0', 'four'],
      ['LSET', 'mylist', '-2', 'five'],
      ['LSET', 'mylist', '3', 'x'],
      ['LSET', 'mylist', '-4', 'x'],
      ['LSET', 'mylist', 'x', 'x'],
      ['LSET', 'nolist', 'x', 'x'],
      ['LSET', 'nolist', '0', 'x'],
      ['LRANGE', 'mylist', '0', '0'],
      ['LRANGE', 'mylist', '-3', '2'],
      ['LRANGE', 'mylist', '-100', '100'],
      ['LRANGE', 'mylist', '5', '10'],
      ['LRANGE', 'mylist', '2', '1'],
      ['LRANGE', 'mylist', '-1', '-2'],
      ['LRANGE', 'mylist', '-9223372036854775808', '9223372036854775807'],
      ['LRANGE', 'mylist', 'a', '1'],
      ['LRANGE', 'nolist', '0', 'b'],
      ['LRANGE', 'nolist', '0', '-1'],
      ['LTRIM', 'mylist', '1', '-1'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LTRIM', 'mylist', '0', '100'],
      ['LTRIM', 'mylist', 'x', '1'],
      ['LTRIM', 'nolist', '0', '1'],
      ['LTRIM', 'mylist', '-1', '-2'],
      ['EXISTS', 'mylist'],
      ['RPUSH', 'mylist', 'a', 'b', 'c', 'd', 'e'],
      ['LTRIM', 'mylist', '-3', '-2'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LTRIM', 'mylist', '5', '10'],
      ['EXISTS', 'mylist'],
      ['SET', 'str', 'v'],
      ['LLEN', 'str'],
      ['LINDEX', 'str', '0'],
      ['LINDEX', 'str', 'x'],
      ['LSET', 'str', '0', 'x'],
      ['LRANGE', 'str', '0', '1'],
      ['LRANGE', 'str', 'x', '1'],
      ['LTRIM', 'str', '0', '1'],
    ]);
  });

  it('LRANGE and LTRIM over a list that wrapped around its buffer', async () => {
    await h.reset();
    const cmds: Arg[][] = [];
    for (let i = 0; i < 40; i++) cmds.push([i % 3 === 0 ? 'LPUSH' : 'RPUSH', 'big', `e${i}`, `f${i}`]);
    cmds.push(['LPOP', 'big', '7'], ['RPOP', 'big', '5'], ['LRANGE', 'big', '0', '-1'], ['LRANGE', 'big', '10', '30']);
    for (let i = 0; i < 30; i++) cmds.push(['LPUSH', 'big', `g${i}`], ['RPOP', 'big']);
    cmds.push(['LRANGE', 'big', '0', '-1'], ['LINDEX', 'big', '33'], ['LTRIM', 'big', '3', '-4'], ['LRANGE', 'big', '0', '-1']);
    cmds.push(['LINSERT', 'big', 'BEFORE', 'e30', 'ins'], ['LINSERT', 'big', 'AFTER', 'f3', 'ins2'], ['LRANGE', 'big', '0', '-1']);
    cmds.push(['LREM', 'big', '0', 'ins'], ['LREM', 'big', '-1', 'ins2'], ['LLEN', 'big']);
    await h.checkAll(cmds);
  });
});

describe('LREM, LINSERT, LPOS', () => {
  it('LREM and LINSERT pages', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'mylist', 'hello', 'hello', 'foo', 'hello'],
      ['LREM', 'mylist', '-2', 'hello'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['RPUSH', 'mylist', 'a', 'hello', 'a', 'hello'],
      ['LREM', 'mylist', '1', 'hello'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LREM', 'mylist', '0', 'hello'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LREM', 'mylist', '0', 'nothere'],
      ['LREM', 'mylist', 'x', 'a'],
      ['LREM', 'nolist', 'x', 'a'],
      ['LREM', 'nolist', '0', 'a'],
      ['LREM', 'mylist', '0', 'a'],
      ['LREM', 'mylist', '0', 'foo'],
      ['EXISTS', 'mylist'],
      ['RPUSH', 'mylist', 'Hello', 'World'],
      ['LINSERT', 'mylist', 'BEFORE', 'World', 'There'],
      ['LINSERT', 'mylist', 'after', 'World', '!'],
      ['LINSERT', 'mylist', 'AFTER', 'nothere', 'x'],
      ['LINSERT', 'mylist', 'MIDDLE', 'World', 'x'],
      ['LINSERT', 'nolist', 'BEFORE', 'a', 'x'],
      ['LINSERT', 'nolist', 'x', 'a', 'x'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['SET', 'str', 'v'],
      ['LREM', 'str', '0', 'v'],
      ['LREM', 'str', 'x', 'v'],
      ['LINSERT', 'str', 'BEFORE', 'a', 'b'],
      ['LINSERT', 'str', 'x', 'a', 'b'],
    ]);
  });

  it('LPOS page: RANK, COUNT, MAXLEN and their errors', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'mylist', 'a', 'b', 'c', '1', '2', '3', 'c', 'c'],
      ['LPOS', 'mylist', 'c'],
      ['LPOS', 'mylist', 'c', 'RANK', '2'],
      ['LPOS', 'mylist', 'c', 'RANK', '-1'],
      ['LPOS', 'mylist', 'c', 'COUNT', '2'],
      ['LPOS', 'mylist', 'c', 'RANK', '-1', 'COUNT', '2'],
      ['LPOS', 'mylist', 'c', 'COUNT', '0'],
      ['LPOS', 'mylist', 'c', 'RANK', '2', 'COUNT', '0'],
      ['LPOS', 'mylist', 'c', 'COUNT', '0', 'MAXLEN', '7'],
      ['LPOS', 'mylist', 'c', 'RANK', '-1', 'COUNT', '0', 'MAXLEN', '2'],
      ['LPOS', 'mylist', 'c', 'MAXLEN', '2'],
      ['LPOS', 'mylist', 'c', 'RANK', '4'],
      ['LPOS', 'mylist', 'c', 'RANK', '4', 'COUNT', '1'],
      ['LPOS', 'mylist', 'x'],
      ['LPOS', 'mylist', 'x', 'COUNT', '1'],
      ['LPOS', 'nolist', 'x'],
      ['LPOS', 'nolist', 'x', 'COUNT', '0'],
      ['LPOS', 'nolist', 'x', 'RANK', '0'],
      ['LPOS', 'mylist', 'c', 'RANK', '0'],
      ['LPOS', 'mylist', 'c', 'RANK', 'x'],
      ['LPOS', 'mylist', 'c', 'RANK', '-9223372036854775808'],
      ['LPOS', 'mylist', 'c', 'RANK', '-9223372036854775808', 'COUNT', '2'],
      ['LPOS', 'mylist', 'c', 'RANK', '-9223372036854775807', 'COUNT', '2'],
      ['LPOS', 'mylist', 'c', 'RANK', '9223372036854775807'],
      ['LPOS', 'mylist', 'c', 'COUNT', '-1'],
      ['LPOS', 'mylist', 'c', 'COUNT', 'x'],
      ['LPOS', 'mylist', 'c', 'MAXLEN', '-1'],
      ['LPOS', 'mylist', 'c', 'MAXLEN', 'x'],
      ['LPOS', 'mylist', 'c', 'COUNT'],
      ['LPOS', 'mylist', 'c', 'FOO', '1'],
      ['LPOS', 'mylist', 'c', 'rank', '1', 'rank', '-2'],
      ['SET', 'str', 'v'],
      ['LPOS', 'str', 'v'],
      ['LPOS', 'str', 'v', 'RANK', '0'],
    ]);
  });
});

describe('LMOVE and RPOPLPUSH', () => {
  it('the pages, rotation on one key, missing source, wrong types', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'mylist', 'one', 'two', 'three'],
      ['LMOVE', 'mylist', 'myotherlist', 'RIGHT', 'LEFT'],
      ['LMOVE', 'mylist', 'myotherlist', 'LEFT', 'RIGHT'],
      ['LRANGE', 'mylist', '0', '-1'],
      ['LRANGE', 'myotherlist', '0', '-1'],
      ['RPOPLPUSH', 'myotherlist', 'mylist'],
      ['RPUSH', 'rot', 'a', 'b', 'c'],
      ['LMOVE', 'rot', 'rot', 'LEFT', 'RIGHT'],
      ['RPOPLPUSH', 'rot', 'rot'],
      ['LRANGE', 'rot', '0', '-1'],
      ['RPUSH', 'one', 'x'],
      ['LMOVE', 'one', 'one', 'RIGHT', 'RIGHT'],
      ['LRANGE', 'one', '0', '-1'],
      ['LMOVE', 'one', 'two', 'LEFT', 'LEFT'],
      ['EXISTS', 'one'],
      ['LMOVE', 'nolist', 'two', 'LEFT', 'LEFT'],
      ['RPOPLPUSH', 'nolist', 'two'],
      ['LMOVE', 'two', 'x', 'UP', 'LEFT'],
      ['LMOVE', 'two', 'x', 'LEFT', 'DOWN'],
      ['LMOVE', 'nolist', 'x', 'UP', 'LEFT'],
      ['SET', 'str', 'v'],
      ['LMOVE', 'str', 'two', 'LEFT', 'LEFT'],
      ['LMOVE', 'two', 'str', 'LEFT', 'LEFT'],
      ['RPOPLPUSH', 'two', 'str'],
      ['RPOPLPUSH', 'nolist', 'str'],
      ['LRANGE', 'two', '0', '-1'],
    ]);
  });
});

describe('generic commands on lists', () => {
  it('COPY makes an independent list; RENAME, MOVE, TYPE, OBJECT ENCODING; pushes keep the TTL; SCAN TYPE', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'src', 'a', 'b', 'c'],
      ['COPY', 'src', 'dst'],
      ['LPUSH', 'dst', 'z'],
      ['RPOP', 'src'],
      ['LRANGE', 'src', '0', '-1'],
      ['LRANGE', 'dst', '0', '-1'],
      ['COPY', 'src', 'dst'],
      ['COPY', 'src', 'dst', 'REPLACE'],
      ['LRANGE', 'dst', '0', '-1'],
      ['RENAME', 'dst', 'renamed'],
      ['LRANGE', 'renamed', '0', '-1'],
      ['MOVE', 'renamed', '1'],
      ['EXISTS', 'renamed'],
      ['SELECT', '1'],
      ['LRANGE', 'renamed', '0', '-1'],
      ['TYPE', 'renamed'],
      ['OBJECT', 'ENCODING', 'renamed'],
      ['FLUSHDB'],
      ['SELECT', '0'],
      ['EXPIRE', 'src', '100'],
      ['LPUSH', 'src', 'x'],
      ['TTL', 'src'],
      ['LTRIM', 'src', '1', '0'],
      ['TTL', 'src'],
      ['EXISTS', 'src'],
      ['SCAN', '0', 'TYPE', 'list'],
    ]);
  });
});

describe('blocking commands that answer at once', () => {
  it('served from a non-empty list as their non-blocking twins', async () => {
    await h.reset();
    await h.checkAll([
      ['RPUSH', 'list1', 'a', 'b', 'c'],
      ['BLPOP', 'list1', 'list2', '0'],
      ['BLPOP', 'list2', 'list1', '0'],
      ['BRPOP', 'list2', 'list1', '0'],
      ['EXISTS', 'list1'],
      ['RPUSH', 'list1', 'a', 'b', 'c'],
      ['BLMOVE', 'list1', 'dst', 'RIGHT', 'LEFT', '0'],
      ['BRPOPLPUSH', 'list1', 'dst', '0'],
      ['LRANGE', 'dst', '0', '-1'],
      ['BLMPOP', '0', '2', 'nolist', 'dst', 'RIGHT', 'COUNT', '5'],
      ['RPUSH', 'list1', 'x', 'y'],
      ['BLMPOP', '0', '1', 'list1', 'LEFT'],
      ['SET', 'str', 'v'],
      ['BLPOP', 'str', '0'],
      ['BLPOP', 'nolist', 'str', 'list1', '0'],
      ['BLPOP', 'list1', 'str', '0'],
      ['BLMPOP', '0', '2', 'str', 'list1', 'LEFT'],
      ['BLMOVE', 'str', 'dst', 'LEFT', 'LEFT', '0'],
      ['RPUSH', 'list1', 'z'],
      ['BLMOVE', 'list1', 'str', 'LEFT', 'LEFT', '0'],
      ['BRPOPLPUSH', 'list1', 'str', '0'],
      ['LRANGE', 'list1', '0', '-1'],
    ]);
  });

  it('timeout and argument errors in Redis order', async () => {
    await h.reset();
    await h.checkAll([
      ['BLPOP', 'k', '-1'],
      ['BLPOP', 'k', 'x'],
      ['BLPOP', 'k', 'inf'],
      ['BRPOP', 'k', '-0.5'],
      ['BLMOVE', 'k', 'd', 'UP', 'LEFT', 'x'],
      ['BLMOVE', 'k', 'd', 'LEFT', 'LEFT', 'x'],
      ['BRPOPLPUSH', 'k', 'd', '-1'],
      ['BLMPOP', 'x', '1', 'k', 'LEFT'],
      ['BLMPOP', '-1', '1', 'k', 'LEFT'],
      ['BLMPOP', 'x', '0', 'k', 'LEFT'],
      ['BLMPOP', 'x', '1', 'k', 'UP'],
      ['BLMPOP', 'x', '1', 'k', 'LEFT', 'COUNT', '0'],
      ['BLMPOP', '0', '2', 'k', 'LEFT'],
      ['SET', 'str', 'v'],
      ['BLPOP', 'str', 'x'],
    ]);
  });

  it('a short timeout ends with a null array, even for BLMOVE and BRPOPLPUSH', async () => {
    await h.reset();
    await h.checkAll([
      ['BLPOP', 'k', '0.01'],
      ['BRPOP', 'k', 'k2', '0.01'],
      ['BLMPOP', '0.01', '2', 'k', 'k2', 'LEFT', 'COUNT', '3'],
      ['BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0.01'],
      ['BRPOPLPUSH', 'k', 'd', '0.01'],
      ['SET', 'd', 'v'],
      ['BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0.01'],
    ]);
  });

  it('inside MULTI nothing blocks: null arrays, and null bulk strings for BLMOVE and BRPOPLPUSH', async () => {
    await h.reset();
    await h.checkAll([
      ['MULTI'],
      ['BLPOP', 'k', '0'],
      ['BRPOP', 'k', 'k2', '0'],
      ['BLMPOP', '0', '2', 'k', 'k2', 'LEFT'],
      ['BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0'],
      ['BRPOPLPUSH', 'k', 'd', '0'],
      ['RPUSH', 'k', 'a', 'b', 'c', 'd', 'e'],
      ['BLPOP', 'k', '0'],
      ['BRPOP', 'k', 'k2', '0'],
      ['BLMPOP', '0', '2', 'k2', 'k', 'RIGHT', 'COUNT', '2'],
      ['BRPOPLPUSH', 'k', 'd', '0'],
      ['BLPOP', 'k', 'x'],
      ['EXEC'],
      ['LRANGE', 'd', '0', '-1'],
    ]);
  });
});

describe('blocked clients served by other clients', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** Sends a blocking command on both servers; the result compares the replies once they come. */
  async function blocked(p: Pair, args: Arg[]): Promise<() => Promise<void>> {
    const replies = Promise.all([p.redis.call(...args), p.cinnabar.call(...args)]);
    await sleep(30);
    return async () => {
      const [r, c] = await replies;
      const diff = compareReplies(r, c);
      if (diff) throw new Error(`mismatch on ${args.join(' ')}\n${diff}`);
    };
  }

  it('BLPOP, BRPOP, BLMPOP and BLMOVE get what another client pushes', async () => {
    await h.reset();
    const [a, b, c] = [await h.pair(), await h.pair(), await h.pair()];
    let done = await blocked(a, ['BLPOP', 'k1', 'k2', '0']);
    await h.check(['RPUSH', 'k2', 'x', 'y'], 'exact', c);
    await done();
    await h.check(['LRANGE', 'k2', '0', '-1'], 'exact', c);
    done = await blocked(a, ['BLMPOP', '0', '2', 'm1', 'm2', 'RIGHT', 'COUNT', '2']);
    await h.check(['RPUSH', 'm2', 'a', 'b', 'c'], 'exact', c);
    await done();
    await h.check(['LRANGE', 'm2', '0', '-1'], 'exact', c);
    done = await blocked(a, ['BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0']);
    const done2 = await blocked(b, ['BRPOP', 'dst', '0']);
    await h.check(['LPUSH', 'src', 'one', 'two'], 'exact', c);
    await done();
    await done2();
    await h.check(['LRANGE', 'src', '0', '-1'], 'exact', c);
    await h.check(['EXISTS', 'dst'], 'exact', c);
    done = await blocked(a, ['BRPOPLPUSH', 'src2', 'src2', '0']);
    await h.check(['RPUSH', 'src2', 'p', 'q'], 'exact', c);
    await done();
    await h.check(['LRANGE', 'src2', '0', '-1'], 'exact', c);
  });

  it('clients blocked on one key are served first come, first served', async () => {
    await h.reset();
    const [a, b, c] = [await h.pair(), await h.pair(), await h.pair()];
    const first = await blocked(a, ['BLPOP', 'q', '0']);
    const second = await blocked(b, ['BRPOP', 'q', '0']);
    await h.check(['RPUSH', 'q', 'job1'], 'exact', c);
    await first();
    await h.check(['RPUSH', 'q', 'job2', 'job3'], 'exact', c);
    await second();
    await h.check(['LRANGE', 'q', '0', '-1'], 'exact', c);
  });

  it('a push inside MULTI/EXEC wakes a client after EXEC', async () => {
    await h.reset();
    const [a, c] = [await h.pair(), await h.pair()];
    const done = await blocked(a, ['BLMPOP', '0', '1', 'k', 'LEFT', 'COUNT', '5']);
    await h.check(['MULTI'], 'exact', c);
    await h.check(['RPUSH', 'k', 'a', 'b'], 'exact', c);
    await h.check(['LPOP', 'k'], 'exact', c);
    await h.check(['RPUSH', 'k', 'c'], 'exact', c);
    await h.check(['EXEC'], 'exact', c);
    await done();
    await h.check(['EXISTS', 'k'], 'exact', c);
  });

  it('a key of another type keeps the client waiting; a destination of another type answers WRONGTYPE', async () => {
    await h.reset();
    const [a, c] = [await h.pair(), await h.pair()];
    let done = await blocked(a, ['BLPOP', 'k', '0']);
    await h.check(['SET', 'k', 'string'], 'exact', c);
    await sleep(30);
    await h.check(['DEL', 'k'], 'exact', c);
    await h.check(['RPUSH', 'k', 'now'], 'exact', c);
    await done();
    await h.check(['SET', 'dst', 'string'], 'exact', c);
    done = await blocked(a, ['BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0']);
    await h.check(['RPUSH', 'src', 'a', 'b'], 'exact', c);
    await done();
    await h.check(['LRANGE', 'src', '0', '-1'], 'exact', c);
    done = await blocked(a, ['BLPOP', 'gone', '0.2']);
    await h.check(['MULTI'], 'exact', c);
    await h.check(['RPUSH', 'gone', 'x'], 'exact', c);
    await h.check(['DEL', 'gone'], 'exact', c);
    await h.check(['EXEC'], 'exact', c);
    await done();
  });
});

describe('RESP3', () => {
  it('null arrays and null bulks answer as Redis does after HELLO 3', async () => {
    await h.reset();
    const p = await h.pair();
    await h.check(['HELLO', '3'], 'type', p);
    for (const args of [
      ['LPOP', 'missing'], ['LPOP', 'missing', '1'], ['RPOP', 'missing', '0'], ['LINDEX', 'missing', '0'],
      ['LMPOP', '1', 'missing', 'LEFT'], ['LPOS', 'missing', 'x'], ['LPOS', 'missing', 'x', 'COUNT', '0'],
      ['LMOVE', 'missing', 'd', 'LEFT', 'LEFT'], ['BLPOP', 'missing', '0.01'], ['BLMOVE', 'missing', 'd', 'LEFT', 'LEFT', '0.01'],
      ['RPUSH', 'l', 'a', 'b'], ['LPOS', 'l', 'x'], ['LINDEX', 'l', '5'], ['BLMPOP', '0', '1', 'l', 'RIGHT', 'COUNT', '5'],
      ['MULTI'], ['BLPOP', 'missing', '0'], ['BLMOVE', 'missing', 'd', 'LEFT', 'LEFT', '0'], ['EXEC'],
    ]) {
      await h.check(args, 'exact', p);
    }
  });
});

describe('wrong arity', () => {
  it('every command refuses a bad argument count', async () => {
    await h.checkAll([
      ['LPUSH', 'k'], ['RPUSH'], ['LPUSHX', 'k'], ['RPUSHX'], ['LPOP'], ['RPOP', 'k', '1', '2'], ['LLEN'], ['LLEN', 'a', 'b'],
      ['LINDEX', 'k'], ['LSET', 'k', '0'], ['LRANGE', 'k', '0'], ['LTRIM', 'k', '0'], ['LREM', 'k', '0'],
      ['LINSERT', 'k', 'BEFORE', 'p'], ['LPOS', 'k'], ['LMOVE', 'a', 'b', 'LEFT'], ['RPOPLPUSH', 'a'], ['LMPOP', '1', 'k'],
      ['BLPOP', 'k'], ['BRPOP'], ['BLMOVE', 'a', 'b', 'LEFT', 'LEFT'], ['BRPOPLPUSH', 'a', 'b'], ['BLMPOP', '0', '1', 'k'],
    ]);
  });
});

// ---- seeded random sequences ----

const KEYS = ['l1', 'l2', 'l3', 'str', '\x00\xff', ''];
const ELEMENTS = ['a', 'b', 'c', 'a', 'b', '1', '-1', '', '\x00', '\xff\x00', 'x'.repeat(50), 'hello world'];
const INDEXES = [
  '0', '0', '1', '2', '3', '-1', '-1', '-2', '-3', '5', '-5', '10', '-10', '100', '-100',
  '9223372036854775807', '-9223372036854775808', '9223372036854775808', 'x', '', '1.5', '01', '-0', '+1',
];
const COUNTS = ['0', '1', '1', '2', '3', '5', '100', '-1', 'x', '9223372036854775807', '', '1.0'];
const RANKS = ['1', '1', '2', '3', '-1', '-2', '-3', '0', 'x', '-9223372036854775808', '9223372036854775807', '10'];
const TIMEOUTS_NOW = ['0.01', '0.01', '0.02', '-1', 'x', 'inf', '1e400', '-0.5', ''];
const TIMEOUTS_MULTI = ['0', '0', '1', '0.5', '-1', 'x', 'inf', '100'];

function genLists(rng: Rng): Step[] {
  const steps: Step[] = [];
  const key = () => rng.pick(KEYS);
  const elem = () => rng.pick(ELEMENTS);
  const elems = (max: number) => Array.from({ length: rng.int(1, max) }, elem);
  const end = () => (rng.chance(0.93) ? rng.caseOf(rng.pick(['LEFT', 'RIGHT'])) : rng.pick(['UP', 'LEFTX', '']));
  const keys = () => Array.from({ length: rng.int(1, 3) }, key);
  const mpopArgs = (): string[] => {
    const ks = keys();
    const r = rng.next();
    const numkeys = r < 0.85 ? String(ks.length) : rng.pick(['0', '-1', 'x', String(ks.length + 1), String(ks.length - 1)]);
    const args = [numkeys, ...ks, end()];
    if (rng.chance(0.5)) args.push(rng.caseOf('COUNT'), rng.pick(COUNTS));
    if (rng.chance(0.05)) args.push(rng.pick(['COUNT', 'FOO', 'COUNT 1']));
    return args;
  };
  const lposOptions = (): string[] => {
    const opts: string[] = [];
    const n = rng.int(0, 3);
    for (let i = 0; i < n; i++) {
      const which = rng.pick(['RANK', 'RANK', 'COUNT', 'COUNT', 'MAXLEN', 'FOO']);
      opts.push(rng.caseOf(which));
      if (which === 'RANK') opts.push(rng.pick(RANKS));
      else if (which === 'COUNT' || which === 'MAXLEN') opts.push(rng.pick(COUNTS));
    }
    if (rng.chance(0.05)) opts.push('COUNT');
    return opts;
  };
  const blocking = (timeouts: string[]): (() => string[])[] => [
    () => ['BLPOP', ...keys(), rng.pick(timeouts)],
    () => ['BRPOP', ...keys(), rng.pick(timeouts)],
    () => ['BLMOVE', key(), key(), end(), end(), rng.pick(timeouts)],
    () => ['BRPOPLPUSH', key(), key(), rng.pick(timeouts)],
    () => ['BLMPOP', rng.pick(timeouts), ...mpopArgs()],
  ];
  const plain: (() => string[])[] = [
    () => ['LPUSH', key(), ...elems(4)],
    () => ['RPUSH', key(), ...elems(4)],
    () => ['RPUSH', key(), ...elems(30)],
    () => ['LPUSHX', key(), ...elems(3)],
    () => ['RPUSHX', key(), ...elems(3)],
    () => ['LPOP', key()],
    () => ['RPOP', key()],
    () => ['LPOP', key(), rng.pick(COUNTS)],
    () => ['RPOP', key(), rng.pick(COUNTS)],
    () => ['LLEN', key()],
    () => ['LINDEX', key(), rng.pick(INDEXES)],
    () => ['LSET', key(), rng.pick(INDEXES), elem()],
    () => ['LRANGE', key(), rng.pick(INDEXES), rng.pick(INDEXES)],
    () => ['LRANGE', key(), '0', '-1'],
    () => ['LTRIM', key(), rng.pick(INDEXES), rng.pick(INDEXES)],
    () => ['LREM', key(), rng.pick(['0', '1', '2', '-1', '-2', '5', '-5', 'x', '9223372036854775807', '-9223372036854775808']), elem()],
    () => ['LINSERT', key(), rng.chance(0.9) ? rng.caseOf(rng.pick(['BEFORE', 'AFTER'])) : 'MIDDLE', elem(), elem()],
    () => ['LPOS', key(), elem(), ...lposOptions()],
    () => ['LMOVE', key(), key(), end(), end()],
    () => ['RPOPLPUSH', key(), key()],
    () => ['LMPOP', ...mpopArgs()],
    () => ['SET', 'str', elem()],
    () => ['DEL', key()],
  ];
  const commands: (() => string[])[] = [
    ...plain,
    // Outside MULTI: served at once, or a short wait that times out.
    () => rng.pick(blocking(TIMEOUTS_NOW))(),
    () => rng.pick(blocking(TIMEOUTS_NOW))(),
    () => rng.pick([
      ['LPUSH', key()], ['RPUSH'], ['LPUSHX', key()], ['RPUSHX'], ['LPOP'], ['RPOP', key(), '1', '2'], ['LLEN', key(), key()],
      ['LINDEX', key()], ['LSET', key(), '0'], ['LRANGE', key(), '0'], ['LTRIM', key()], ['LREM', key(), '0'],
      ['LINSERT', key(), 'BEFORE', 'a'], ['LPOS', key()], ['LMOVE', key(), key(), 'LEFT'], ['RPOPLPUSH', key()],
      ['LMPOP', '1'], ['BLPOP', key()], ['BRPOP'], ['BLMOVE', key(), key(), 'LEFT', 'LEFT'], ['BRPOPLPUSH', key(), key()],
      ['BLMPOP', '0', '1'],
    ]),
  ];
  const checks: (() => string[])[] = [
    () => ['LRANGE', key(), '0', '-1'],
    () => ['TYPE', key()],
    () => ['OBJECT', 'ENCODING', key()],
    () => ['EXISTS', ...KEYS],
  ];

  const dirty = dirtyDelta();
  if (rng.chance(0.2)) steps.push({ args: ['HELLO', '3'], compare: 'type' });
  if (rng.chance(0.7)) steps.push({ args: ['SET', 'str', 'v'] });
  const n = rng.int(15, 45);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.15) {
      steps.push({ args: rng.pick(checks)() });
    } else if (r < 0.22) {
      // A transaction: blocking commands answer at once inside it.
      const inMulti = [...plain, ...blocking(TIMEOUTS_MULTI), ...blocking(TIMEOUTS_MULTI)];
      steps.push({ args: ['MULTI'] });
      const m = rng.int(1, 6);
      for (let j = 0; j < m; j++) steps.push({ args: rng.pick(inMulti)() });
      steps.push({ args: ['EXEC'] });
    } else {
      steps.push({ args: rng.pick(commands)() });
    }
  }
  for (const k of KEYS) steps.push({ args: ['LRANGE', k, '0', '-1'] });
  return [dirty.start, ...steps, dirty.end];
}

/** rdb_changes_since_last_save from an INFO reply (bulk or RESP3 verbatim string). */
function changesSinceSave(r: RespValue): bigint {
  const text = (r.t === '$' || r.t === '=') && r.v ? r.v.toString('latin1') : '';
  const m = /rdb_changes_since_last_save:(\d+)/.exec(text);
  if (!m) throw new Error('no rdb_changes_since_last_save in INFO');
  return BigInt(m[1]);
}

/**
 * Two INFO steps around a sequence that compare how far each server's dirty counter (what
 * Redis counts towards its next save) moved over the same commands.
 */
function dirtyDelta(): { start: Step; end: Step } {
  let before: [bigint, bigint] = [0n, 0n];
  return {
    start: {
      args: ['INFO', 'persistence'],
      compare: (r, c) => {
        before = [changesSinceSave(r), changesSinceSave(c)];
        return null;
      },
    },
    end: {
      args: ['INFO', 'persistence'],
      compare: (r, c) => {
        const redis = changesSinceSave(r) - before[0];
        const ours = changesSinceSave(c) - before[1];
        return redis === ours ? null : `dirty grew by ${redis} in Redis, ${ours} in Cinnabar`;
      },
    },
  };
}

/**
 * WATCH against list writes: client 1 runs a random list command between client 0's WATCH and
 * EXEC, and EXEC must abort exactly when Redis's does (a write that changed nothing, such as an
 * LREM that found nothing, leaves the watch intact; LTRIM always touches the key).
 */
function genWatch(rng: Rng): Step[] {
  const steps: Step[] = [{ args: ['RPUSH', 'l1', 'a', 'b', 'c', 'a'] }, { args: ['SET', 'str', 'v'] }];
  for (let i = 0; i < 8; i++) {
    // Not the blocking commands: those drawn for a transaction may wait forever outside one.
    const skip = ['INFO', 'HELLO', 'MULTI', 'EXEC', 'BLPOP', 'BRPOP', 'BLMOVE', 'BRPOPLPUSH', 'BLMPOP'];
    const inner = genLists(rng).filter((s) => !skip.includes(String(s.args[0])));
    steps.push({ args: ['WATCH', rng.pick(KEYS)], client: 0 });
    steps.push({ ...rng.pick(inner), client: 1 });
    steps.push({ args: ['MULTI'], client: 0 }, { args: ['LLEN', 'l1'], client: 0 }, { args: ['EXEC'], client: 0 });
  }
  return steps;
}

describe('lists (random)', () => {
  it('matches real Redis over 600 seeded sequences', async () => {
    await h.sequences('lists', 600, genLists);
  });

  it('WATCH sees exactly the list writes Redis signals, over 150 sequences', async () => {
    await h.sequences('lists-watch', 150, genWatch, 2);
  });
});

describe('COMMAND', () => {
  const NAMES = [
    'lpush', 'rpush', 'lpushx', 'rpushx', 'lpop', 'rpop', 'llen', 'lindex', 'lset', 'lrange', 'ltrim', 'lrem', 'linsert',
    'lpos', 'lmove', 'rpoplpush', 'lmpop', 'blpop', 'brpop', 'blmove', 'brpoplpush', 'blmpop',
  ];
  it('COMMAND INFO and COMMAND DOCS of every list command are Redis 7.0\'s, in RESP2 and RESP3', async () => {
    const resp2 = await h.pair();
    const resp3 = await h.pair();
    await h.check(['HELLO', '3'], 'type', resp3);
    for (const p of [resp2, resp3]) {
      for (const name of NAMES) {
        await h.check(['COMMAND', 'INFO', name], 'exact', p);
        await h.check(['COMMAND', 'DOCS', name], 'exact', p);
      }
    }
  });

  it('COMMAND GETKEYS finds the keys of the numkeys and trailing-timeout forms', async () => {
    await h.checkAll([
      ['COMMAND', 'GETKEYS', 'LMPOP', '2', 'a', 'b', 'LEFT', 'COUNT', '2'],
      ['COMMAND', 'GETKEYS', 'BLMPOP', '0', '3', 'a', 'b', 'c', 'RIGHT'],
      ['COMMAND', 'GETKEYS', 'BLPOP', 'a', 'b', '0'],
      ['COMMAND', 'GETKEYS', 'BLMOVE', 'a', 'b', 'LEFT', 'RIGHT', '0'],
      ['COMMAND', 'GETKEYSANDFLAGS', 'LMOVE', 'a', 'b', 'LEFT', 'RIGHT'],
      ['COMMAND', 'GETKEYSANDFLAGS', 'BRPOP', 'a', 'b', '1'],
      ['COMMAND', 'GETKEYS', 'LMPOP', '0', 'a', 'LEFT'],
    ]);
  });
});
