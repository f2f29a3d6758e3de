// The sorted-set family against real Redis 7.0: the examples and edge cases of the command
// pages (option conflicts, NaN refusals, exclusive and infinite score bounds, lex ranges, score
// formatting), the listpack -> skiplist conversion at the config thresholds, RESP3 shapes
// (doubles, nested pairs), blocking pops inside MULTI, ZRANDMEMBER samples, ZSCAN cursors, and
// seeded random sequences mixing every command with wrong types and syntax errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat, Rng, type Comparison, type Pair, type Step } from './harness.ts';
import { RespClient, show, type Arg, type RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

async function resp3(): Promise<Pair> {
  const p = await h.pair();
  await h.check(['HELLO', '3'], 'type', p);
  return p;
}

describe('the command pages', () => {
  it('ZADD options and their conflicts', async () => {
    await h.reset();
    await h.checkAll([
      ['ZADD', 'myzset', '1', 'one'],
      ['ZADD', 'myzset', '1', 'uno'],
      ['ZADD', 'myzset', '2', 'two', '3', 'two'],
      ['ZRANGE', 'myzset', '0', '-1', 'WITHSCORES'],
      ['ZADD', 'myzset', 'NX', '5', 'one', '6', 'new'],
      ['ZADD', 'myzset', 'XX', '5', 'one', '6', 'other'],
      ['ZADD', 'myzset', 'XX', 'CH', '7', 'one', '6', 'other'],
      ['ZADD', 'myzset', 'CH', '7', 'one', '8', 'two', '1', 'z'],
      ['ZADD', 'myzset', 'GT', 'CH', '1', 'one', '100', 'two'],
      ['ZADD', 'myzset', 'LT', 'CH', '1', 'one', '100', 'two', '5', 'added'],
      ['ZADD', 'myzset', 'XX', 'GT', '200', 'two'],
      ['ZADD', 'myzset', 'INCR', '10', 'one'],
      ['ZADD', 'myzset', 'INCR', 'NX', '10', 'one'],
      ['ZADD', 'myzset', 'INCR', 'XX', '10', 'missing'],
      ['ZADD', 'myzset', 'INCR', 'GT', '-1', 'one'],
      ['ZADD', 'myzset', 'INCR', 'LT', '-1', 'one'],
      ['ZADD', 'myzset', 'NX', 'XX', '1', 'a'],
      ['ZADD', 'myzset', 'NX', 'GT', '1', 'a'],
      ['ZADD', 'myzset', 'LT', 'GT', '1', 'a'],
      ['ZADD', 'myzset', 'NX', 'LT', '1', 'a'],
      ['ZADD', 'myzset', 'INCR', '1', 'a', '2', 'b'],
      ['ZADD', 'myzset', 'NX', 'XX', '1'],
      ['ZADD', 'myzset', '1'],
      ['ZADD', 'myzset', 'nx'],
      ['ZADD', 'myzset', 'x', 'a'],
      ['ZADD', 'myzset', '1', 'a', 'nan', 'b'],
      ['ZADD', 'myzset', ' 1', 'a'],
      ['ZADD', 'myzset', '1.5e3', 'e', '-inf', 'ninf', '+inf', 'pinf', '0x10', 'hex', '-0', 'negzero', '1e-320', 'tiny'],
      ['ZADD', 'myzset', '1e400', 'big'],
      ['ZADD', 'myzset', 'INCR', '-inf', 'pinf'],
      ['ZINCRBY', 'myzset', '+inf', 'ninf'],
      ['ZINCRBY', 'myzset', 'inf', 'pinf'],
      ['ZINCRBY', 'myzset', '0', 'negzero'],
      ['ZSCORE', 'myzset', 'negzero'],
      ['ZRANGE', 'myzset', '0', '-1', 'WITHSCORES'],
      ['ZADD', 'xx', 'XX', '1', 'a'],
      ['ZADD', 'xx', 'XX', 'INCR', '1', 'a'],
      ['EXISTS', 'xx'],
      ['ZADD', 'g', 'GT', '1', 'a'],
      ['ZADD', 'g', 'GT', 'INCR', '1', 'a'],
      ['ZINCRBY', 'g', 'x', 'a'],
      ['ZINCRBY', 'g', '0.1', 'a'],
      ['ZINCRBY', 'g', '0.2', 'a'],
      ['ZINCRBY', 'g', '1e300', 'b'],
      ['ZINCRBY', 'g', '1e300', 'b'],
      ['ZSCORE', 'g', 'a'],
      ['ZMSCORE', 'g', 'a', 'nope', 'b'],
      ['ZMSCORE', 'none', 'a', 'b'],
      ['ZSCORE', 'none', 'a'],
    ]);
  });

  it('ranges: ranks, scores, lex, REV, LIMIT, WITHSCORES and their errors', async () => {
    await h.reset();
    await h.checkAll([
      ['ZADD', 'z', '1', 'one', '2', 'two', '3', 'three', '4', 'four', '4', 'fourb', '5.5', 'five'],
      ['ZRANGE', 'z', '0', '-1'],
      ['ZRANGE', 'z', '2', '3'],
      ['ZRANGE', 'z', '-2', '-1', 'WITHSCORES'],
      ['ZRANGE', 'z', '-100', '100'],
      ['ZRANGE', 'z', '5', '1'],
      ['ZRANGE', 'z', '0', '-1', 'REV', 'WITHSCORES'],
      ['ZRANGE', 'z', '0', '1', 'REV'],
      ['ZRANGE', 'z', '0', '-1', 'LIMIT', '0', '-1'],
      ['ZRANGE', 'z', '0', '-1', 'LIMIT', '0', '1'],
      ['ZRANGE', 'z', '(1', '4', 'BYSCORE'],
      ['ZRANGE', 'z', '(1', '(4', 'BYSCORE', 'WITHSCORES'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '1', '2'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '-1', '2'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '2', '-5'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '2', '0'],
      ['ZRANGE', 'z', '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '1', '2'],
      ['ZRANGE', 'z', '4', '1', 'BYSCORE', 'REV', 'WITHSCORES'],
      ['ZRANGE', 'z', '[a', '[z', 'BYLEX'],
      ['ZRANGE', 'z', '[a', '[z', 'BYLEX', 'WITHSCORES'],
      ['ZRANGE', 'z', '0', '1', 'BYLEX'],
      ['ZRANGE', 'z', 'a', 'b', 'BYSCORE'],
      ['ZRANGE', 'z', 'a', 'b'],
      ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYLEX'],
      ['ZRANGE', 'z', '0', '1', 'REV', 'REV'],
      ['ZRANGE', 'z', '0', '1', 'LIMIT', '1'],
      ['ZRANGE', 'z', '0', '1', 'LIMIT', 'x', '1'],
      ['ZRANGE', 'z', '0', '1', 'LIMIT', '0', '1'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf'],
      ['ZRANGEBYSCORE', 'z', '1', '2', 'WITHSCORES'],
      ['ZRANGEBYSCORE', 'z', '(1', '2'],
      ['ZRANGEBYSCORE', 'z', '(1', '(2'],
      ['ZRANGEBYSCORE', 'z', '(4', '(4'],
      ['ZRANGEBYSCORE', 'z', '4', '4'],
      ['ZRANGEBYSCORE', 'z', '', '('],
      ['ZRANGEBYSCORE', 'z', ' 1', '  3'],
      ['ZRANGEBYSCORE', 'z', '1 ', '3'],
      ['ZRANGEBYSCORE', 'z', 'nan', '3'],
      ['ZRANGEBYSCORE', 'z', '(nan', '3'],
      ['ZRANGEBYSCORE', 'z', '-1e400', '1e400'],
      ['ZRANGEBYSCORE', 'z', '-Infinity', 'INF'],
      ['ZRANGEBYSCORE', 'z', '0x1', '0x3'],
      ['ZRANGEBYSCORE', 'z', '1', '3', 'REV'],
      ['ZRANGEBYSCORE', 'z', '1', '3', 'BYSCORE'],
      ['ZRANGEBYSCORE', 'z', '1', '3', 'LIMIT', '1', '1', 'WITHSCORES'],
      ['ZREVRANGEBYSCORE', 'z', '+inf', '-inf', 'WITHSCORES'],
      ['ZREVRANGEBYSCORE', 'z', '4', '(1', 'LIMIT', '1', '10'],
      ['ZREVRANGEBYSCORE', 'z', '1', '4'],
      ['ZREVRANGE', 'z', '0', '-1'],
      ['ZREVRANGE', 'z', '0', '2', 'WITHSCORES'],
      ['ZREVRANGE', 'z', '0', '2', 'LIMIT', '0', '1'],
      ['ZREVRANGE', 'z', '0', '2', 'BYSCORE'],
      ['ZRANGEBYLEX', 'z', '-', '+'],
      ['ZRANGEBYLEX', 'z', '[f', '(t'],
      ['ZRANGEBYLEX', 'z', '(four', '[three'],
      ['ZRANGEBYLEX', 'z', '-', '+', 'LIMIT', '1', '2'],
      ['ZRANGEBYLEX', 'z', '-', '+', 'WITHSCORES'],
      ['ZRANGEBYLEX', 'z', 'a', '+'],
      ['ZRANGEBYLEX', 'z', '+', '-'],
      ['ZRANGEBYLEX', 'z', '-a', '+'],
      ['ZRANGEBYLEX', 'z', '', '+'],
      ['ZREVRANGEBYLEX', 'z', '+', '-'],
      ['ZREVRANGEBYLEX', 'z', '[t', '[f', 'LIMIT', '0', '2'],
      ['ZRANGE', 'nokey', '0', '-1'],
      ['ZRANGE', 'nokey', '0', '1', 'LIMIT', '0', '1'],
      ['ZCOUNT', 'z', '-inf', '+inf'],
      ['ZCOUNT', 'z', '(1', '4'],
      ['ZCOUNT', 'z', '4', '1'],
      ['ZCOUNT', 'z', 'x', '1'],
      ['ZCOUNT', 'nokey', 'x', '1'],
      ['ZCOUNT', 'nokey', '1', '2'],
      ['ZLEXCOUNT', 'z', '-', '+'],
      ['ZLEXCOUNT', 'z', '[f', '(t'],
      ['ZLEXCOUNT', 'z', 'f', '(t'],
      ['ZLEXCOUNT', 'nokey', '-', '+'],
      ['ZRANK', 'z', 'three'],
      ['ZREVRANK', 'z', 'three'],
      ['ZRANK', 'z', 'nope'],
      ['ZRANK', 'nokey', 'nope'],
      ['ZCARD', 'z'],
      ['ZCARD', 'nokey'],
    ]);
  });

  it('ZRANGESTORE and the removal commands', async () => {
    await h.reset();
    await h.checkAll([
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e'],
      ['ZRANGESTORE', 'dst', 'z', '2', '-1'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'z', '(1', '4', 'BYSCORE', 'REV', 'LIMIT', '0', '2'],
      ['ZRANGESTORE', 'dst', 'z', '4', '(1', 'BYSCORE', 'REV', 'LIMIT', '0', '2'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'z', '[b', '[d', 'BYLEX'],
      ['ZRANGESTORE', 'dst', 'z', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'z', '5', '10'],
      ['EXISTS', 'dst'],
      ['SET', 'str', 'x'],
      ['ZRANGESTORE', 'str', 'z', '0', '0'],
      ['TYPE', 'str'],
      ['ZRANGESTORE', 'dst', 'str', '0', '0'],
      ['ZRANGESTORE', 'dst', 'nokey', '0', '0'],
      ['ZREM', 'z', 'a', 'a', 'x'],
      ['ZREM', 'nokey', 'a'],
      ['ZREM', 'str', 'a'],
      ['ZREMRANGEBYRANK', 'z', '0', '0'],
      ['ZREMRANGEBYRANK', 'z', '5', '10'],
      ['ZREMRANGEBYRANK', 'z', 'x', '10'],
      ['ZREMRANGEBYRANK', 'nokey', 'x', '10'],
      ['ZREMRANGEBYSCORE', 'z', '(3', '+inf'],
      ['ZREMRANGEBYSCORE', 'z', 'x', '+inf'],
      ['ZRANGE', 'z', '0', '-1'],
      ['ZADD', 'lex', '0', 'a', '0', 'b', '0', 'c', '0', 'd'],
      ['ZREMRANGEBYLEX', 'lex', '(a', '[c'],
      ['ZREMRANGEBYLEX', 'lex', 'a', '[c'],
      ['ZREMRANGEBYLEX', 'lex', '-', '+'],
      ['EXISTS', 'lex'],
      ['ZREMRANGEBYRANK', 'z', '0', '-1'],
      ['EXISTS', 'z'],
    ]);
  });

  it('pops, ZMPOP and blocking pops that cannot block (MULTI)', async () => {
    await h.reset();
    await h.checkAll([
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e'],
      ['ZPOPMIN', 'z'],
      ['ZPOPMAX', 'z'],
      ['ZPOPMIN', 'z', '2'],
      ['ZPOPMIN', 'z', '0'],
      ['ZPOPMIN', 'z', '-1'],
      ['ZPOPMIN', 'z', 'x'],
      ['ZPOPMIN', 'z', '1', '2'],
      ['ZPOPMAX', 'z', '10'],
      ['EXISTS', 'z'],
      ['ZPOPMIN', 'z'],
      ['ZPOPMIN', 'z', '0'],
      ['SET', 's', 'x'],
      ['ZPOPMIN', 's', '0'],
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['ZMPOP', '2', 'nokey', 'z', 'MIN'],
      ['ZMPOP', '2', 'nokey', 'z', 'MAX', 'COUNT', '10'],
      ['ZMPOP', '1', 'z', 'MIN'],
      ['ZMPOP', '0', 'z', 'MIN'],
      ['ZMPOP', 'x', 'z', 'MIN'],
      ['ZMPOP', '5', 'z', 'MIN'],
      ['ZMPOP', '1', 'z', 'MIDDLE'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '0'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '1', 'COUNT', '1'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT'],
      ['ZMPOP', '2', 's', 'z', 'MIN'],
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['BZPOPMIN', 'nokey', 'z', '0'],
      ['BZPOPMAX', 'z', '0'],
      ['BZPOPMIN', 'z', '-1'],
      ['BZPOPMIN', 'z', 'x'],
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['BZMPOP', '0', '1', 'z', 'MIN'],
      ['BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '5'],
      ['ZADD', 'z', '1', 'a'],
      ['BZMPOP', 'x', '1', 'z', 'MAX', 'COUNT', '5'],
      ['BZMPOP', '-1', '0', 'z', 'MAX'],
      ['BZPOPMIN', 's', '0'],
      ['MULTI'],
      ['BZPOPMIN', 'nokey', '0'],
      ['BZPOPMAX', 'nokey', '1'],
      ['BZMPOP', '0', '1', 'nokey', 'MIN'],
      ['ZADD', 'nokey', '1', 'x', '2', 'y'],
      ['BZPOPMAX', 'nokey', '1'],
      ['EXEC'],
    ]);
  });

  it('set operations: WEIGHTS, AGGREGATE, plain sets as inputs with score 1, NaN sums as 0', async () => {
    await h.reset();
    await h.checkAll([
      ['ZADD', 'za', '1', 'a', '2', 'b', '3', 'c', 'inf', 'i'],
      ['ZADD', 'zb', '10', 'b', '20', 'c', '30', 'd', '-inf', 'i'],
      ['SADD', 'set', 'a', 'd', 'x', 'i'],
      ['SET', 'str', 'v'],
      ['ZUNION', '2', 'za', 'zb', 'WITHSCORES'],
      ['ZUNION', '3', 'za', 'zb', 'set', 'WEIGHTS', '2', '0.5', '10', 'WITHSCORES'],
      ['ZUNION', '2', 'za', 'zb', 'AGGREGATE', 'MIN', 'WITHSCORES'],
      ['ZUNION', '2', 'za', 'zb', 'AGGREGATE', 'max', 'WITHSCORES'],
      ['ZUNION', '2', 'za', 'zb', 'WEIGHTS', '0', '1', 'WITHSCORES'],
      ['ZINTER', '2', 'za', 'zb', 'WITHSCORES'],
      ['ZINTER', '2', 'za', 'set', 'WITHSCORES'],
      ['ZINTER', '3', 'za', 'zb', 'set'],
      ['ZDIFF', '2', 'za', 'set', 'WITHSCORES'],
      ['ZDIFF', '2', 'set', 'za', 'WITHSCORES'],
      ['ZDIFF', '2', 'za', 'zb', 'WEIGHTS', '1', '1'],
      ['ZUNIONSTORE', 'out', '2', 'za', 'set'],
      ['ZRANGE', 'out', '0', '-1', 'WITHSCORES'],
      ['ZINTERSTORE', 'out', '2', 'za', 'zb', 'WEIGHTS', '1', '2', 'AGGREGATE', 'SUM'],
      ['ZRANGE', 'out', '0', '-1', 'WITHSCORES'],
      ['ZDIFFSTORE', 'out', '2', 'za', 'zb'],
      ['ZRANGE', 'out', '0', '-1', 'WITHSCORES'],
      ['ZINTERSTORE', 'out', '2', 'za', 'nokey'],
      ['EXISTS', 'out'],
      ['ZINTERCARD', '2', 'za', 'zb'],
      ['ZINTERCARD', '2', 'za', 'set', 'LIMIT', '1'],
      ['ZINTERCARD', '3', 'za', 'zb', 'set', 'LIMIT', '0'],
      ['ZUNION', '2', 'za', 'str'],
      ['ZUNIONSTORE', 'out', '2', 'za', 'str'],
      ['ZUNION', '0', 'za'],
      ['ZUNION', '3', 'za', 'zb'],
      ['ZUNION', '2', 'za', 'zb', 'WEIGHTS', '1'],
      ['ZUNION', '2', 'za', 'zb', 'WEIGHTS', '1', 'x'],
      ['ZUNION', '2', 'za', 'zb', 'AGGREGATE', 'AVG'],
      ['ZUNIONSTORE', 'out', '2', 'za', 'zb', 'WITHSCORES'],
      ['ZDIFF', '1', 'za', 'AGGREGATE', 'SUM'],
    ]);
  });

  it('WATCH sees real changes only: a ZADD, ZINCRBY 0 or ZREM that changes nothing leaves EXEC alone', async () => {
    await h.reset();
    const a = await h.pair();
    const b = await h.pair();
    await h.checkAll([['ZADD', 'k', '1', 'x']], 'exact', b);
    for (const noop of [['ZADD', 'k', '1', 'x'], ['ZINCRBY', 'k', '0', 'x'], ['ZREM', 'k', 'nope'], ['ZADD', 'k', 'NX', '5', 'x'], ['ZREMRANGEBYSCORE', 'k', '5', '6'], ['ZADD', 'k', 'XX', 'GT', '0', 'x'], ['ZADD', 'k', 'CH', '2', 'x']]) {
      await h.checkAll([['WATCH', 'k']], 'exact', a);
      await h.checkAll([noop], 'exact', b);
      await h.checkAll([['MULTI'], ['ZCARD', 'k'], ['EXEC']], 'exact', a);
    }
  });

  it('RESP3 shapes: doubles, nested pairs', async () => {
    await h.reset();
    const p = await resp3();
    await h.checkAll([
      ['ZADD', 'z', '1', 'a', '2.5', 'b', 'inf', 'c', '-0', 'd'],
      ['ZSCORE', 'z', 'b'],
      ['ZSCORE', 'z', 'c'],
      ['ZSCORE', 'z', 'd'],
      ['ZMSCORE', 'z', 'a', 'x'],
      ['ZINCRBY', 'z', '1', 'a'],
      ['ZADD', 'z', 'INCR', '1', 'a'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'WITHSCORES'],
      ['ZUNION', '1', 'z', 'WITHSCORES'],
      ['ZSCAN', 'z', '0'],
      ['ZPOPMIN', 'z'],
      ['ZPOPMIN', 'z', '1'],
      ['ZPOPMAX', 'z', '5'],
      ['ZADD', 'z', '1', 'a', '2.5', 'b'],
      ['ZMPOP', '1', 'z', 'MIN'],
      ['BZPOPMIN', 'z', '0'],
      ['ZPOPMIN', 'z', '1'],
    ], (a, b) => (show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`), p);
  });
});

/** Items of an array reply ('*'), or null. */
function items(r: RespValue): RespValue[] | null {
  return r.t === '*' && r.v !== null ? r.v : null;
}

/**
 * A ZRANGE key 0 -1 WITHSCORES step that remembers what Redis answered (the members and their
 * scores, as shown), for the ZRANDMEMBER check that follows it.
 */
function remember(into: Map<string, string>): Comparison {
  return (a, b) => {
    into.clear();
    const v = items(a);
    if (v !== null) {
      for (const e of v) {
        const pair = items(e);
        if (pair !== null) into.set(show(pair[0]), show(pair[1]));
      }
      if (v.length > 0 && items(v[0]) === null) for (let i = 0; i < v.length; i += 2) into.set(show(v[i]), show(v[i + 1]));
    }
    return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
  };
}

/**
 * ZRANDMEMBER with a count: random, so check what is certain against the remembered contents:
 * same reply type and length, every member there with its score, distinct for a positive count.
 */
function randCheck(zset: Map<string, string>, count: number | null, withScores: boolean): Comparison {
  return (a, b) => {
    if (a.t !== b.t) return `type ${a.t} vs ${b.t}`;
    if (count === null) {
      if (a.t !== '$' || a.v === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
      return zset.has(show(b)) ? null : `not a member: ${show(b)}`;
    }
    const ra = items(a);
    const rb = items(b);
    if (ra === null || rb === null) return show(a) === show(b) ? null : `redis ${show(a)} cinnabar ${show(b)}`;
    if (ra.length !== rb.length) return `length ${ra.length} vs ${rb.length}`;
    const seen: string[] = [];
    for (let i = 0; i < rb.length; i += withScores && items(rb[i]) === null ? 2 : 1) {
      const pair = items(rb[i]);
      const member = show(pair !== null ? pair[0] : rb[i]);
      if (!zset.has(member)) return `not a member: ${member}`;
      if (withScores) {
        const score = show(pair !== null ? pair[1] : rb[i + 1]);
        if (zset.get(member) !== score) return `wrong score ${member} ${score}`;
      }
      seen.push(member);
    }
    if (count > 0 && new Set(seen).size !== seen.length) return `repeated members: ${seen}`;
    return null;
  };
}

/** ZSCAN with a COUNT above the size: both complete in one call; the pairs compared as a multiset. */
const scanCheck: Comparison = (a, b) => {
  const norm = (r: RespValue): string => {
    const v = items(r);
    if (v === null || v.length !== 2) return show(r);
    const flat = items(v[1]) ?? [];
    const pairs: string[] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push(show(flat[i]) + '=' + show(flat[i + 1]));
    return show(v[0]) + ' ' + pairs.sort().join(',');
  };
  return norm(a) === norm(b) ? null : `redis ${show(a)}\ncinnabar ${show(b)}`;
};

const MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', '', 'x\x00y', 'm'.repeat(70), 'A', 'zz'];
const SCORES = ['0', '1', '-1', '2', '2.5', '-0', 'inf', '-inf', '+inf', '1e300', '0.1', '0.2', '1.5', '3', '1e-5', '10', '-7.25', '0x10'];
const BAD_SCORES = ['nan', 'x', '', ' 1', '1 ', '(1', '1e400'];
const BOUNDS = ['-inf', '+inf', '0', '1', '(1', '2', '(2', '2.5', '(2.5', '3', '10', '(10', '-1', 'inf', '', 'x', 'nan', '(nan', '(', '1e400', '-0'];
const LEX = ['-', '+', '[a', '(a', '[c', '(c', '[e', '(e', '[zz', '(', '[', 'a', '++', '[\x00', '(m'];
const KEYS = ['z1', 'z2', 'z3'];
const OTHER = ['s1', 'str', 'nokey'];
const INTS = ['0', '1', '2', '-1', '-2', '3', '10', '-10', 'x', '100'];

function genZsets(rng: Rng): Step[] {
  const steps: Step[] = [];
  const seen = new Map<string, string>();
  const score = (): string => (rng.chance(0.04) ? rng.pick(BAD_SCORES) : rng.pick(SCORES));
  const member = (): string => rng.pick(MEMBERS);
  const key = (): string => (rng.chance(0.85) ? rng.pick(KEYS) : rng.pick(OTHER));
  const anyKey = (): string => (rng.chance(0.1) ? 'lz' : key());
  const int = (): string => rng.pick(INTS);
  const bound = (): string => rng.pick(BOUNDS);
  const lex = (): string => rng.pick(LEX);
  // Lex ranges are defined only over members of equal scores: 'lz' keeps them all at 0 (a
  // skiplist walks an unordered zset depending on its random levels, even in Redis).
  const lexKey = (): string => (rng.chance(0.9) ? 'lz' : rng.pick(OTHER));
  const push = (args: Arg[], compare?: Comparison): void => {
    steps.push({ args, compare });
  };
  const entries = rng.pick([0, 1, 2, 3, 4, 6, 128]);
  push(['CONFIG', 'SET', 'zset-max-listpack-entries', String(entries)]);
  push(['CONFIG', 'SET', 'zset-max-listpack-value', rng.pick(['64', '1', '3'])]);
  push(['SET', 'str', 'v']);
  push(['SADD', 's1', 'a', 'c', 'q']);
  for (const k of KEYS) {
    const args: Arg[] = ['ZADD', k];
    const n = rng.int(1, 7);
    for (let i = 0; i < n; i++) args.push(rng.pick(SCORES), member());
    push(args);
  }
  push(['ZADD', 'lz', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'zz']);
  const length = rng.int(15, 40);
  for (let s = 0; s < length; s++) {
    const withScores = rng.chance(0.5);
    const k = key();
    switch (rng.int(0, 41)) {
      case 0:
      case 1:
      case 2: {
        const args: Arg[] = ['ZADD', k];
        for (const opt of ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR']) if (rng.chance(0.12)) args.push(rng.chance(0.5) ? opt.toLowerCase() : opt);
        const n = rng.chance(0.8) ? 1 : rng.int(0, 4);
        for (let i = 0; i < n; i++) args.push(score(), member());
        if (rng.chance(0.05)) args.push(score());
        push(args);
        break;
      }
      case 3:
        push(['ZINCRBY', k, score(), member()]);
        break;
      case 4:
        push(['ZSCORE', k, member()]);
        break;
      case 5:
        push(['ZMSCORE', k, member(), member()]);
        break;
      case 6:
        push(['ZCARD', anyKey()]);
        break;
      case 7:
        push(['ZCOUNT', k, bound(), bound()]);
        break;
      case 8:
        push(['ZLEXCOUNT', lexKey(), lex(), lex()]);
        break;
      case 9:
        push([rng.pick(['ZRANK', 'ZREVRANK']), anyKey(), member()]);
        break;
      case 10:
      case 11: {
        const by = rng.pick(['', '', 'BYSCORE', 'BYLEX']);
        const args: Arg[] = ['ZRANGE', by === 'BYLEX' ? lexKey() : k];
        if (by === 'BYSCORE') args.push(bound(), bound());
        else if (by === 'BYLEX') args.push(lex(), lex());
        else args.push(int(), int());
        const opts: Arg[][] = [];
        if (by) opts.push([by]);
        if (rng.chance(0.3)) opts.push(['REV']);
        if (rng.chance(0.3)) opts.push(['LIMIT', int(), int()]);
        if (withScores && rng.chance(0.7)) opts.push(['WITHSCORES']);
        if (rng.chance(0.05)) opts.push([rng.pick(['BYSCORE', 'REV', 'LIMIT', 'bogus'])]);
        for (const o of opts.sort(() => rng.next() - 0.5)) args.push(...o);
        push(args);
        break;
      }
      case 12: {
        const by = rng.pick(['', 'BYSCORE', 'BYLEX']);
        const src = by === 'BYLEX' ? lexKey() : k;
        const args: Arg[] = ['ZRANGESTORE', rng.pick(['dst', 'z3', 'str']), src];
        if (by === 'BYSCORE') args.push(bound(), bound(), by);
        else if (by === 'BYLEX') args.push(lex(), lex(), by);
        else args.push(int(), int());
        if (rng.chance(0.3)) args.push('REV');
        if (by && rng.chance(0.3)) args.push('LIMIT', int(), int());
        if (rng.chance(0.05)) args.push('WITHSCORES');
        push(args);
        break;
      }
      case 13: {
        const args: Arg[] = [rng.pick(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), k, bound(), bound()];
        if (withScores) args.push('WITHSCORES');
        if (rng.chance(0.4)) args.push('LIMIT', int(), int());
        push(args);
        break;
      }
      case 14: {
        const args: Arg[] = [rng.pick(['ZRANGEBYLEX', 'ZREVRANGEBYLEX']), lexKey(), lex(), lex()];
        if (rng.chance(0.4)) args.push('LIMIT', int(), int());
        if (rng.chance(0.05)) args.push('WITHSCORES');
        push(args);
        break;
      }
      case 15: {
        const args: Arg[] = ['ZREVRANGE', k, int(), int()];
        if (withScores) args.push('WITHSCORES');
        push(args);
        break;
      }
      case 16:
        push(['ZREM', rng.chance(0.2) ? 'lz' : k, member(), ...(rng.chance(0.5) ? [member()] : [])]);
        break;
      case 17:
        push(['ZREMRANGEBYRANK', k, int(), int()]);
        break;
      case 18:
        push(['ZREMRANGEBYSCORE', k, bound(), bound()]);
        break;
      case 19:
        push(['ZREMRANGEBYLEX', lexKey(), lex(), lex()]);
        break;
      case 20:
      case 21: {
        const args: Arg[] = [rng.pick(['ZPOPMIN', 'ZPOPMAX']), rng.chance(0.1) ? 'lz' : k];
        if (rng.chance(0.5)) args.push(rng.pick(['0', '1', '2', '5', '-1', 'x']));
        if (rng.chance(0.03)) args.push('1');
        push(args);
        break;
      }
      case 22: {
        const n = rng.int(1, 3);
        const args: Arg[] = ['ZMPOP', rng.chance(0.05) ? rng.pick(['0', 'x', '9']) : String(n)];
        for (let i = 0; i < n; i++) args.push(key());
        args.push(rng.pick(['MIN', 'MAX', 'max', 'mid']));
        if (rng.chance(0.4)) args.push('COUNT', rng.pick(['1', '2', '10', '0', '-1']));
        push(args);
        break;
      }
      case 23: {
        // Blocking pops: keys that exist answer at once; missing ones time out after 10 ms.
        const cmd = rng.pick(['BZPOPMIN', 'BZPOPMAX', 'BZMPOP']);
        if (cmd === 'BZMPOP') push(['BZMPOP', rng.pick(['0.01', '-1', 'x']), '2', key(), key(), rng.pick(['MIN', 'MAX']), 'COUNT', rng.pick(['1', '3'])]);
        else push([cmd, key(), key(), rng.pick(['0.01', '0.01', '-1', 'x'])]);
        break;
      }
      case 24:
      case 25:
      case 26:
      case 27: {
        const op = rng.pick(['ZUNION', 'ZINTER', 'ZDIFF', 'ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']);
        const store = op.endsWith('STORE');
        const n = rng.int(1, 3);
        const args: Arg[] = [op];
        if (store) args.push(rng.pick(['dst', 'z1', 'z2', 'str']));
        args.push(rng.chance(0.05) ? rng.pick(['0', 'x', '5', '-1']) : String(n));
        for (let i = 0; i < n; i++) args.push(rng.chance(0.2) ? rng.pick(['s1', 'str', 'nokey', 'lz']) : rng.pick(KEYS));
        if (rng.chance(0.4)) {
          args.push('WEIGHTS');
          for (let i = 0; i < n; i++) args.push(rng.pick(['1', '2', '0', '-1', '0.5', 'inf', '-inf', 'x']));
        }
        if (rng.chance(0.4)) args.push('AGGREGATE', rng.pick(['SUM', 'MIN', 'MAX', 'min', 'avg']));
        if (!store && withScores) args.push('WITHSCORES');
        push(args);
        break;
      }
      case 28: {
        const n = rng.int(1, 3);
        const args: Arg[] = ['ZINTERCARD', rng.chance(0.05) ? rng.pick(['0', 'x', '5']) : String(n)];
        for (let i = 0; i < n; i++) args.push(rng.chance(0.2) ? rng.pick(OTHER) : rng.pick(KEYS));
        if (rng.chance(0.4)) args.push('LIMIT', rng.pick(['0', '1', '2', '-1', 'x']));
        push(args);
        break;
      }
      case 29:
      case 30: {
        const rk = rng.chance(0.2) ? rng.pick(OTHER) : rng.pick([...KEYS, 'lz']);
        push(['ZRANGE', rk, '0', '-1', 'WITHSCORES'], remember(seen));
        const mode = rng.int(0, 3);
        if (mode === 0) push(['ZRANDMEMBER', rk], randCheck(seen, null, false));
        else {
          const count = rng.pick([0, 1, 2, 3, 5, 20, -1, -3, -10]);
          const args: Arg[] = ['ZRANDMEMBER', rk, String(count)];
          if (mode === 2) args.push('WITHSCORES');
          push(args, randCheck(seen, count, mode === 2));
        }
        break;
      }
      case 31:
        push(['ZSCAN', anyKey(), '0', 'COUNT', '1000', ...(rng.chance(0.3) ? ['MATCH', rng.pick(['*', 'a*', '?', '[a-c]'])] : [])], scanCheck);
        break;
      case 32:
        push(['OBJECT', 'ENCODING', anyKey()]);
        break;
      case 33:
        push(['ZRANGE', anyKey(), '0', '-1', 'WITHSCORES']);
        break;
      case 34:
        push(['TYPE', anyKey()]);
        break;
      case 35: {
        // Syntax and arity errors.
        push(rng.pick<Arg[]>([
          ['ZADD', k], ['ZADD', k, '1'], ['ZINCRBY', k, '1'], ['ZSCORE', k], ['ZCARD'], ['ZCOUNT', k, '1'],
          ['ZRANGE', k, '0'], ['ZRANGESTORE', 'd', k, '0'], ['ZREM', k], ['ZPOPMIN'], ['ZMPOP', '1'],
          ['ZUNION', '1'], ['ZINTERCARD', '1'], ['ZRANDMEMBER', k, '1', 'WITHSCORES', 'x'], ['ZRANDMEMBER', k, '1', 'bad'],
          ['ZRANDMEMBER', k, 'x'], ['ZSCAN', k], ['ZSCAN', k, 'x'], ['ZSCAN', k, '0', 'COUNT', '0'], ['ZSCAN', k, '0', 'BAD', '1'],
          ['ZMSCORE', k], ['ZRANK', k], ['BZPOPMIN', k], ['BZMPOP', '0', '1', k],
        ]));
        break;
      }
      case 36:
        push(['EXISTS', ...KEYS, 'lz', 'dst']);
        break;
      case 37:
        push(['DEL', rng.pick([...KEYS, 'dst'])]);
        break;
      case 38:
        push(['COPY', rng.pick(KEYS), rng.pick(['dst', 'z1']), 'REPLACE']);
        break;
      case 39:
        push(['CONFIG', 'SET', 'zset-max-listpack-entries', String(rng.pick([0, 1, 2, 3, 128]))]);
        break;
      case 40:
        push(['MULTI']);
        push(['ZADD', k, score(), member()]);
        push(['BZPOPMIN', rng.pick(['nokey', k]), '0']);
        push(['ZRANGE', k, '0', '-1', 'WITHSCORES']);
        push(['EXEC']);
        break;
      default:
        push(['ZRANGE', 'dst', '0', '-1', 'WITHSCORES']);
    }
  }
  for (const k of [...KEYS, 'lz', 'dst']) {
    push(['ZRANGE', k, '0', '-1', 'WITHSCORES']);
    push(['OBJECT', 'ENCODING', k]);
  }
  return steps;
}

describe('random sequences', () => {
  it('500 seeded sequences mixing every sorted-set command (RESP2)', async () => {
    await h.sequences('zsets', Number(process.env.ZSET_SEQUENCES ?? 500), genZsets);
  }, 300_000);

  it('150 more in RESP3', async () => {
    await h.sequences('zsets-resp3', Number(process.env.ZSET_SEQUENCES_RESP3 ?? 150), (rng) => [{ args: ['HELLO', '3'], compare: 'type' }, ...genZsets(rng)]);
  }, 300_000);

  it('restores the thresholds', async () => {
    await h.checkAll([
      ['CONFIG', 'SET', 'zset-max-listpack-entries', '128'],
      ['CONFIG', 'SET', 'zset-max-listpack-value', '64'],
    ]);
  });
});

// ---- blocking pops with several real clients ----

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a scenario on fresh connections to one server: `send` logs each reply under a label when
 * it arrives; `blocked(n)` polls INFO until n clients are blocked. Returns the log by label.
 */
async function scenario(port: number, script: (send: (i: number, label: string, ...args: Arg[]) => Promise<void>, blocked: (n: number) => Promise<void>) => Promise<void>): Promise<string[]> {
  const c = await Promise.all([0, 1, 2, 3].map(() => RespClient.connect(port)));
  const log = new Map<string, string[]>();
  const send = (i: number, label: string, ...args: Arg[]) => c[i].call(...args).then((r) => {
    log.set(label, [...(log.get(label) ?? []), show(r)]);
  });
  const blocked = async (n: number) => {
    for (let tries = 0; tries < 400; tries++) {
      const r = await c[3].call('INFO', 'clients');
      if (r.t === '$' && r.v !== null && r.v.toString().includes(`blocked_clients:${n}\r`)) return;
      await sleep(5);
    }
    throw new Error(`never saw ${n} blocked clients`);
  };
  try {
    await c[3].call('FLUSHALL');
    await script(send, blocked);
  } finally {
    for (const x of c) x.close();
  }
  return [...log].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}: ${v.join(' | ')}`);
}

async function bothServers(script: Parameters<typeof scenario>[1]): Promise<void> {
  const redis = await scenario(h.redisPort, script);
  const cinnabar = await scenario(h.cinnabarPort, script);
  expect(cinnabar).toEqual(redis);
}

describe('blocking pops', () => {
  it('BZPOPMIN clients are served in FIFO order by one ZADD', async () => {
    await bothServers(async (send, blocked) => {
      const a = send(0, 'a', 'BZPOPMIN', 'k', '0');
      await blocked(1);
      const b = send(1, 'b', 'BZPOPMAX', 'other', 'k', '0');
      await blocked(2);
      await send(2, 'push', 'ZADD', 'k', '1', 'x', '2', 'y', '3', 'z');
      await Promise.all([a, b]);
      await send(2, 'left', 'ZRANGE', 'k', '0', '-1', 'WITHSCORES');
    });
  });

  it('BZMPOP is woken by a ZADD inside MULTI/EXEC, and ignores a key of another type', async () => {
    await bothServers(async (send, blocked) => {
      const a = send(0, 'a', 'BZMPOP', '0', '2', 'k1', 'k2', 'MAX', 'COUNT', '2');
      await blocked(1);
      await send(2, 'set', 'SET', 'k1', 'v');
      await send(2, 'type', 'TYPE', 'k1');
      await blocked(1);
      await send(2, 'multi', 'MULTI');
      await send(2, 'q', 'ZADD', 'k2', '1', 'p', '2', 'q', '3', 'r');
      await send(2, 'exec', 'EXEC');
      await a;
      await send(2, 'left', 'ZRANGE', 'k2', '0', '-1');
    });
  });

  it('timeouts answer a null array', async () => {
    await bothServers(async (send) => {
      await send(0, 'min', 'BZPOPMIN', 'k', '0.05');
      await send(0, 'mpop', 'BZMPOP', '0.05', '1', 'k', 'MIN');
      await send(0, 'neg', 'BZPOPMAX', 'k', '-0.5');
    });
  });
});
