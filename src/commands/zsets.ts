// Sorted-set commands (Redis 7.0 t_zset.c). Each handler checks its arguments and the key's type
// in Redis's order, so that of two problems the same error wins. Parsing, the operation on the
// sorted set (types/zset.ts, which hides the listpack/skiplist encodings) and the reply are kept
// apart, so that ZRANGE and ZRANGESTORE, ZPOPMIN and BZPOPMIN, ZUNION and ZUNIONSTORE share one
// operation each.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { blockClient, parseTimeout, type ServeBlocked } from '../keyspace/blocking.ts';
import { DoubleReply, E, ErrorReply, NULL_ARRAY, err, type Reply } from '../reply.ts';
import type { RedisObject } from '../types/value.ts';
import type { LexBound, LexRange, ScoreRange } from '../types/zset-index.ts';
import { RedisZset, type ZsetLimits } from '../types/zset.ts';
import { formatDouble, parseDouble } from '../util/float.ts';
import { INT64_MAX, INT64_MIN, parseInt64, parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { scanCollection } from './keys.ts';
import { notify } from './events.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';
import { parseRandomCount, samplePositions } from './random-sample.ts';
import type { ArgSpec, CommandSpec, KeySpec, KeySpecFlag } from './spec.ts';

const E_NAN = err('ERR resulting score is not a number (NaN)');
const E_XX_NX = err('ERR XX and NX options at the same time are not compatible');
const E_GT_LT_NX = err('ERR GT, LT, and/or NX options at the same time are not compatible');
const E_INCR_PAIRS = err('ERR INCR option supports a single increment-element pair');
const E_SCORE_RANGE = err('ERR min or max is not a float');
const E_LEX_RANGE = err('ERR min or max not valid string range item');
const E_LIMIT_RANK = err('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
const E_WITHSCORES_LEX = err('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
const E_WEIGHT = err('ERR weight value is not a float');

const NOTIFY_GENERIC = 'g';
const NOTIFY_ZSET = 'z';

function limits(c: Client): ZsetLimits {
  const config = c.engine.config;
  return { maxEntries: config.getNumber('zset-max-listpack-entries'), maxValue: config.getNumber('zset-max-listpack-value') };
}

function lookupZsetRead(c: Client, key: Bin): RedisZset | undefined | ErrorReply {
  return lookupReadAs(c, key, RedisZset);
}

function lookupZsetWrite(c: Client, key: Bin): RedisZset | undefined | ErrorReply {
  return lookupWriteAs(c, key, RedisZset);
}

/** After removing members: the key goes when emptied, else WATCH hears of the change. */
function removed(c: Client, key: Bin, zset: RedisZset, event: string, count: number): void {
  if (count === 0) return;
  notify(c, NOTIFY_ZSET, event, key);
  if (zset.size === 0) {
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
  } else {
    c.db.touch(key);
  }
  c.engine.dirty += count;
}

function dbl(score: number): DoubleReply {
  return new DoubleReply(score, formatDouble(score));
}

/** A member and its score as a reply: a nested [member, score] pair, or both pushed flat. */
function pushScored(out: Reply[], member: Bin, score: number, nested: boolean): void {
  if (nested) out.push([member, dbl(score)]);
  else out.push(member, dbl(score));
}

// ---- range arguments ----

const SPACE_RE = /^[ \t\n\v\f\r]+/;
const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF_RE = /^[+-]?inf(?:inity)?$/i;

/**
 * strtod over a whole C string, as zslParseRange reads a score bound: leading white space is
 * skipped, overflow gives an infinity, the empty string reads as 0 (nothing parsed, nothing
 * left); NaN and trailing bytes are refused (null).
 */
function strtodWhole(arg: Bin): number | null {
  const nul = arg.indexOf('\0');
  let s = nul >= 0 ? arg.slice(0, nul) : arg;
  if (s.length === 0) return 0;
  s = s.replace(SPACE_RE, '');
  if (s.length === 0) return null;
  if (DECIMAL_RE.test(s)) return Number(s);
  if (INF_RE.test(s)) return s.charCodeAt(0) === 0x2d ? -Infinity : Infinity;
  return parseDouble(s);
}

/** zslParseRange: '(' makes a bound exclusive; null when either bound is not a float. */
function parseScoreRange(minArg: Bin, maxArg: Bin): ScoreRange | null {
  const minExclusive = minArg.charCodeAt(0) === 0x28;
  const maxExclusive = maxArg.charCodeAt(0) === 0x28;
  const min = strtodWhole(minExclusive ? minArg.slice(1) : minArg);
  const max = strtodWhole(maxExclusive ? maxArg.slice(1) : maxArg);
  if (min === null || max === null || min !== min || max !== max) return null;
  return { min, max, minExclusive, maxExclusive };
}

/** One end of a lex range: '-', '+', '[x' or '(x' (zslParseLexRangeItem). */
function parseLexBound(arg: Bin): LexBound | null {
  const c = arg.charCodeAt(0);
  const alone = arg.length === 1 || arg.charCodeAt(1) === 0;
  if (c === 0x2b) return alone ? { inf: 1, value: '', exclusive: true } : null;
  if (c === 0x2d) return alone ? { inf: -1, value: '', exclusive: true } : null;
  if (c === 0x28) return { inf: 0, value: arg.slice(1), exclusive: true };
  if (c === 0x5b) return { inf: 0, value: arg.slice(1), exclusive: false };
  return null;
}

function parseLexRange(minArg: Bin, maxArg: Bin): LexRange | null {
  const min = parseLexBound(minArg);
  const max = parseLexBound(maxArg);
  return min === null || max === null ? null : { min, max };
}

/** getPositiveLongFromObjectOrReply. */
function positiveArg(arg: Bin, msg?: ErrorReply): number | ErrorReply {
  const v = parseLong(arg);
  return v === null || v < 0 ? (msg ?? E.mustBePositive) : v;
}

/** getRangeLongFromObjectOrReply(1, LONG_MAX) with a message for both failures. */
function atLeastOneArg(arg: Bin, msg: ErrorReply): number | ErrorReply {
  const v = parseLong(arg);
  return v === null || v < 1 ? msg : v;
}

// ---- ZADD, ZINCRBY ----

const IN_NX = 1;
const IN_XX = 2;
const IN_GT = 4;
const IN_LT = 8;
const IN_INCR = 16;

/** zaddGenericCommand: options, then every score checked before anything is written. */
/** ZADD and ZINCRBY; `given` holds the scores already as numbers (GEOADD), else they are parsed. */
function zaddGeneric(c: Client, argv: Bin[], flagsIn: number, given?: readonly number[]): Reply {
  const key = argv[1];
  let flags = flagsIn;
  let ch = false;
  let scoreIdx = 2;
  for (; scoreIdx < argv.length; scoreIdx++) {
    const opt = argv[scoreIdx];
    if (is(opt, 'NX')) flags |= IN_NX;
    else if (is(opt, 'XX')) flags |= IN_XX;
    else if (is(opt, 'CH')) ch = true;
    else if (is(opt, 'INCR')) flags |= IN_INCR;
    else if (is(opt, 'GT')) flags |= IN_GT;
    else if (is(opt, 'LT')) flags |= IN_LT;
    else break;
  }
  const nx = (flags & IN_NX) !== 0;
  const xx = (flags & IN_XX) !== 0;
  const gt = (flags & IN_GT) !== 0;
  const lt = (flags & IN_LT) !== 0;
  const incr = (flags & IN_INCR) !== 0;
  const args = argv.length - scoreIdx;
  if (args === 0 || args % 2 === 1) return E.syntax;
  const elements = args / 2;
  if (nx && xx) return E_XX_NX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) return E_GT_LT_NX;
  if (incr && elements > 1) return E_INCR_PAIRS;
  let scores = given;
  if (scores === undefined) {
    const parsed: number[] = new Array(elements);
    for (let j = 0; j < elements; j++) {
      const s = parseDouble(argv[scoreIdx + 2 * j]);
      if (s === null) return E.notFloat;
      parsed[j] = s;
    }
    scores = parsed;
  }
  const found = lookupZsetWrite(c, key);
  if (found instanceof ErrorReply) return found;
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  let nan = false;
  if (found !== undefined || !xx) {
    // The thresholds are read only when a member is added (not on the update hot path).
    let lim: ZsetLimits | null = found === undefined ? limits(c) : null;
    const zset = found ?? RedisZset.forMember(argv[scoreIdx + 1], lim!);
    for (let j = 0; j < elements; j++) {
      const member = argv[scoreIdx + 1 + 2 * j];
      score = scores[j];
      const cur = zset.score(member);
      if (cur === undefined) {
        if (xx) continue;
        zset.insert(member, score, (lim ??= limits(c)));
        added++;
        processed++;
        continue;
      }
      if (nx) continue;
      if (incr) {
        score += cur;
        if (score !== score) {
          nan = true;
          break;
        }
      }
      if ((lt && score >= cur) || (gt && score <= cur)) continue;
      processed++;
      if (score !== cur) {
        zset.update(member, cur, score);
        updated++;
      }
    }
    if (found === undefined) c.db.setKey(key, zset);
    else if (added + updated > 0) c.db.touch(key);
    if (added + updated > 0) notify(c, NOTIFY_ZSET, incr ? 'zincr' : 'zadd', key);
    c.engine.dirty += added + updated;
  }
  if (nan) return E_NAN;
  if (incr) return processed > 0 ? dbl(score) : null;
  return ch ? added + updated : added;
}

function zaddCommand(c: Client, argv: Bin[]): Reply {
  return zaddGeneric(c, argv, 0);
}

/**
 * ZADD on an argv of its shape ('zadd', key, options..., score, member...) whose scores are
 * given as numbers (the score arguments are not read): GEOADD's last step.
 */
export function zaddWithScores(c: Client, argv: Bin[], scores: readonly number[]): Reply {
  return zaddGeneric(c, argv, 0, scores);
}

/** The listpack thresholds now in force, for commands outside this file that build sorted sets. */
export function zsetLimits(c: Client): ZsetLimits {
  return limits(c);
}

function zincrbyCommand(c: Client, argv: Bin[]): Reply {
  return zaddGeneric(c, argv, IN_INCR);
}

// ---- single-key reads ----

function zscoreCommand(c: Client, argv: Bin[]): Reply {
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return null;
  if (zset instanceof ErrorReply) return zset;
  const score = zset.score(argv[2]);
  return score === undefined ? null : dbl(score);
}

function zmscoreCommand(c: Client, argv: Bin[]): Reply {
  const zset = lookupZsetRead(c, argv[1]);
  if (zset instanceof ErrorReply) return zset;
  const out: Reply[] = new Array(argv.length - 2);
  for (let j = 2; j < argv.length; j++) {
    const score = zset?.score(argv[j]);
    out[j - 2] = score === undefined ? null : dbl(score);
  }
  return out;
}

function zcardCommand(c: Client, argv: Bin[]): Reply {
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return 0;
  return zset instanceof ErrorReply ? zset : zset.size;
}

function zcountCommand(c: Client, argv: Bin[]): Reply {
  const range = parseScoreRange(argv[2], argv[3]);
  if (range === null) return E_SCORE_RANGE;
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return 0;
  if (zset instanceof ErrorReply) return zset;
  const first = zset.firstInScoreRange(range);
  return first < 0 ? 0 : zset.lastInScoreRange(range) - first + 1;
}

function zlexcountCommand(c: Client, argv: Bin[]): Reply {
  const range = parseLexRange(argv[2], argv[3]);
  if (range === null) return E_LEX_RANGE;
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return 0;
  if (zset instanceof ErrorReply) return zset;
  const span = zset.lexSpan(range, false);
  return span === null ? 0 : span[1] - span[0] + 1;
}

function zrankGeneric(c: Client, argv: Bin[], reverse: boolean): Reply {
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return null;
  if (zset instanceof ErrorReply) return zset;
  const r = zset.rank(argv[2], reverse);
  return r < 0 ? null : r;
}

function zrankCommand(c: Client, argv: Bin[]): Reply {
  return zrankGeneric(c, argv, false);
}

function zrevrankCommand(c: Client, argv: Bin[]): Reply {
  return zrankGeneric(c, argv, true);
}

// ---- ZRANGE and its variants ----

const BY_AUTO = 0;
const BY_RANK = 1;
const BY_SCORE = 2;
const BY_LEX = 3;
const DIR_AUTO = 0;
const DIR_FORWARD = 1;
const DIR_REVERSE = 2;

/** What a range selected, in reply order. */
interface Selection {
  members: Bin[];
  scores: number[];
}

/** Ranks first..last of `zset` (0 <= first, last < size), walked from `from` toward the other end. */
function select(zset: RedisZset, start: number, end: number, reverse: boolean): Selection {
  const members: Bin[] = [];
  const scores: number[] = [];
  if (start <= end) {
    zset.range(start, end, reverse, (m, s) => {
      members.push(m);
      scores.push(s);
    });
  }
  return { members, scores };
}

const EMPTY_SELECTION: Selection = { members: [], scores: [] };

/**
 * The ranks of a BYSCORE/BYLEX range, [first, last], after OFFSET and LIMIT (a negative offset
 * skips everything, a negative limit takes all), as genericZrangebyscoreCommand walks them.
 */
function limitRanks(zset: RedisZset, first: number, last: number, reverse: boolean, offset: number, limit: number): Selection {
  if (first < 0 || offset < 0 || limit === 0) return EMPTY_SELECTION;
  const n = last - first + 1 - offset;
  if (n <= 0) return EMPTY_SELECTION;
  const take = limit < 0 || limit > n ? n : limit;
  return reverse
    ? select(zset, last - offset - take + 1, last - offset, true)
    : select(zset, first + offset, first + offset + take - 1, false);
}

/** The reply to a range: members, with their scores flat (RESP2) or paired (RESP3). */
function selectionReply(c: Client, sel: Selection, withScores: boolean): Reply {
  const { members, scores } = sel;
  if (!withScores) return members;
  const out: Reply[] = [];
  const nested = c.resp === 3;
  for (let i = 0; i < members.length; i++) pushScored(out, members[i], scores[i], nested);
  return out;
}

/** Stores a result at `dst` (replacing whatever is there), or deletes `dst` when it is empty. */
function storeResult(c: Client, dst: Bin, members: Bin[], scores: number[], event: string): Reply {
  if (members.length > 0) {
    c.db.setKey(dst, RedisZset.fromEntries(members, scores, limits(c)));
    notify(c, NOTIFY_ZSET, event, dst);
    c.engine.dirty++;
  } else if (c.db.delete(dst)) {
    notify(c, NOTIFY_GENERIC, 'del', dst);
    c.engine.dirty++;
  }
  return members.length;
}

/**
 * zrangeGenericCommand: ZRANGE, ZRANGESTORE (store), and the fixed-form ZRANGEBYSCORE,
 * ZREVRANGE... (`by`/`dir` preset). `at` is the source key's index in argv.
 */
function zrangeGeneric(c: Client, argv: Bin[], at: number, store: boolean, by: number, dir: number): Reply {
  const key = argv[at];
  let minIdx = at + 1;
  let maxIdx = at + 2;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = at + 3; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const opt = argv[j];
    if (!store && is(opt, 'WITHSCORES')) {
      withScores = true;
    } else if (is(opt, 'LIMIT') && left >= 2) {
      const o = parseLong(argv[j + 1]);
      const l = o === null ? null : parseLong(argv[j + 2]);
      if (o === null || l === null) return E.notInteger;
      offset = o;
      limit = l;
      j += 2;
    } else if (dir === DIR_AUTO && is(opt, 'REV')) {
      dir = DIR_REVERSE;
    } else if (by === BY_AUTO && is(opt, 'BYLEX')) {
      by = BY_LEX;
    } else if (by === BY_AUTO && is(opt, 'BYSCORE')) {
      by = BY_SCORE;
    } else {
      return E.syntax;
    }
  }
  if (dir === DIR_AUTO) dir = DIR_FORWARD;
  if (by === BY_AUTO) by = BY_RANK;
  if (limit !== -1 && by === BY_RANK) return E_LIMIT_RANK;
  if (withScores && by === BY_LEX) return E_WITHSCORES_LEX;
  const reverse = dir === DIR_REVERSE;
  if (reverse && by !== BY_RANK) {
    minIdx = at + 2;
    maxIdx = at + 1;
  }
  let start = 0;
  let end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (by === BY_RANK) {
    const s = parseLong(argv[minIdx]);
    const e = s === null ? null : parseLong(argv[maxIdx]);
    if (s === null || e === null) return E.notInteger;
    start = s;
    end = e;
  } else if (by === BY_SCORE) {
    scoreRange = parseScoreRange(argv[minIdx], argv[maxIdx]);
    if (scoreRange === null) return E_SCORE_RANGE;
  } else {
    lexRange = parseLexRange(argv[minIdx], argv[maxIdx]);
    if (lexRange === null) return E_LEX_RANGE;
  }
  const zset = store ? lookupZsetWrite(c, key) : lookupZsetRead(c, key);
  if (zset instanceof ErrorReply) return zset;
  let sel = EMPTY_SELECTION;
  if (zset !== undefined) {
    if (by === BY_RANK) {
      const size = zset.size;
      if (start < 0) start += size;
      if (end < 0) end += size;
      if (start < 0) start = 0;
      if (start <= end && start < size) {
        if (end >= size) end = size - 1;
        sel = reverse ? select(zset, size - 1 - end, size - 1 - start, true) : select(zset, start, end, false);
      }
    } else if (scoreRange !== null) {
      const first = zset.firstInScoreRange(scoreRange);
      sel = limitRanks(zset, first, first < 0 ? -1 : zset.lastInScoreRange(scoreRange), reverse, offset, limit);
    } else {
      const span = zset.lexSpan(lexRange!, reverse);
      if (span !== null) sel = limitRanks(zset, span[0], span[1], reverse, offset, limit);
    }
  }
  if (store) return storeResult(c, argv[1], sel.members, sel.scores, 'zrangestore');
  return selectionReply(c, sel, withScores);
}

function zrangeCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_AUTO, DIR_AUTO);
}

function zrangestoreCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 2, true, BY_AUTO, DIR_AUTO);
}

function zrevrangeCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_RANK, DIR_REVERSE);
}

function zrangebyscoreCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_SCORE, DIR_FORWARD);
}

function zrevrangebyscoreCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_SCORE, DIR_REVERSE);
}

function zrangebylexCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_LEX, DIR_FORWARD);
}

function zrevrangebylexCommand(c: Client, argv: Bin[]): Reply {
  return zrangeGeneric(c, argv, 1, false, BY_LEX, DIR_REVERSE);
}

// ---- removing ----

function zremCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const zset = lookupZsetWrite(c, key);
  if (zset === undefined) return 0;
  if (zset instanceof ErrorReply) return zset;
  let deleted = 0;
  for (let j = 2; j < argv.length; j++) {
    if (zset.delete(argv[j])) deleted++;
    if (zset.size === 0) break;
  }
  removed(c, key, zset, 'zrem', deleted);
  return deleted;
}

/** zremrangeGenericCommand: the range parsed first, then the key. */
function zremrangeGeneric(c: Client, argv: Bin[], by: number): Reply {
  let start = 0;
  let end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (by === BY_RANK) {
    const s = parseLong(argv[2]);
    const e = s === null ? null : parseLong(argv[3]);
    if (s === null || e === null) return E.notInteger;
    start = s;
    end = e;
  } else if (by === BY_SCORE) {
    scoreRange = parseScoreRange(argv[2], argv[3]);
    if (scoreRange === null) return E_SCORE_RANGE;
  } else {
    lexRange = parseLexRange(argv[2], argv[3]);
    if (lexRange === null) return E_LEX_RANGE;
  }
  const key = argv[1];
  const zset = lookupZsetWrite(c, key);
  if (zset === undefined) return 0;
  if (zset instanceof ErrorReply) return zset;
  if (by === BY_RANK) {
    const size = zset.size;
    if (start < 0) start += size;
    if (end < 0) end += size;
    if (start < 0) start = 0;
    if (start > end || start >= size) return 0;
    if (end >= size) end = size - 1;
  } else if (scoreRange !== null) {
    start = zset.firstInScoreRange(scoreRange);
    if (start < 0) return 0;
    end = zset.lastInScoreRange(scoreRange);
  } else {
    const span = zset.lexSpan(lexRange!, false);
    if (span === null) return 0;
    [start, end] = span;
  }
  const n = zset.removeRange(start, end);
  removed(c, key, zset, by === BY_RANK ? 'zremrangebyrank' : by === BY_SCORE ? 'zremrangebyscore' : 'zremrangebylex', n);
  return n;
}

function zremrangebyrankCommand(c: Client, argv: Bin[]): Reply {
  return zremrangeGeneric(c, argv, BY_RANK);
}

function zremrangebyscoreCommand(c: Client, argv: Bin[]): Reply {
  return zremrangeGeneric(c, argv, BY_SCORE);
}

function zremrangebylexCommand(c: Client, argv: Bin[]): Reply {
  return zremrangeGeneric(c, argv, BY_LEX);
}

// ---- popping ----

/**
 * Pops up to `count` members from the low end (or the high end when `max`) of a non-empty
 * sorted set, deleting the key when emptied; pushes them into `out` as [member, score] pairs
 * (`nested`) or flat.
 */
function popInto(c: Client, key: Bin, zset: RedisZset, max: boolean, count: number, nested: boolean, out: Reply[]): void {
  const size = zset.size;
  const n = count > size ? size : count;
  const start = max ? size - n : 0;
  zset.range(start, start + n - 1, max, (m, s) => pushScored(out, m, s, nested));
  zset.removeRange(start, start + n - 1);
  removed(c, key, zset, max ? 'zpopmax' : 'zpopmin', n);
}

/** ZPOPMIN/ZPOPMAX key [count]: flat in RESP2, pairs in RESP3 when a count is given. */
function zpopGeneric(c: Client, argv: Bin[], max: boolean): Reply {
  if (argv.length > 3) return E.syntax;
  let count = -1;
  if (argv.length === 3) {
    const n = positiveArg(argv[2]);
    if (n instanceof ErrorReply) return n;
    count = n;
  }
  const key = argv[1];
  const zset = lookupZsetWrite(c, key);
  if (zset instanceof ErrorReply) return zset;
  if (zset === undefined || count === 0) return [];
  const out: Reply[] = [];
  popInto(c, key, zset, max, count === -1 ? 1 : count, c.resp === 3 && count !== -1, out);
  return out;
}

function zpopminCommand(c: Client, argv: Bin[]): Reply {
  return zpopGeneric(c, argv, false);
}

function zpopmaxCommand(c: Client, argv: Bin[]): Reply {
  return zpopGeneric(c, argv, true);
}

/** BZPOPMIN/BZPOPMAX's reply: [key, member, score]. */
function popOneWithKey(c: Client, key: Bin, zset: RedisZset, max: boolean): Reply {
  const out: Reply[] = [key];
  popInto(c, key, zset, max, 1, false, out);
  return out;
}

/** ZMPOP/BZMPOP's reply: [key, [[member, score], ...]]. */
function popManyWithKey(c: Client, key: Bin, zset: RedisZset, max: boolean, count: number): Reply {
  const out: Reply[] = [];
  popInto(c, key, zset, max, count, true, out);
  return [key, out];
}

/** The sorted set at `key` when it can serve a blocked client now, else undefined (keep waiting). */
function readyZset(c: Client, key: Bin): RedisZset | undefined {
  const v = c.db.lookupWrite(key);
  return v instanceof RedisZset && v.size > 0 ? v : undefined;
}

/** The first non-empty sorted set among `keys`, WRONGTYPE at the first key of another type. */
function firstNonEmpty(c: Client, keys: readonly Bin[]): { key: Bin; zset: RedisZset } | ErrorReply | undefined {
  for (const key of keys) {
    const zset = lookupZsetWrite(c, key);
    if (zset === undefined) continue;
    if (zset instanceof ErrorReply) return zset;
    if (zset.size > 0) return { key, zset };
  }
  return undefined;
}

function bzpopGeneric(c: Client, argv: Bin[], max: boolean): Reply {
  const timeoutAt = parseTimeout(c, argv[argv.length - 1], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  const keys = argv.slice(1, -1);
  const found = firstNonEmpty(c, keys);
  if (found instanceof ErrorReply) return found;
  if (found !== undefined) return popOneWithKey(c, found.key, found.zset, max);
  const serve: ServeBlocked = (bc, key) => {
    const zset = readyZset(bc, key);
    return zset === undefined ? undefined : popOneWithKey(bc, key, zset, max);
  };
  return blockClient(c, keys, timeoutAt, serve, NULL_ARRAY);
}

function bzpopminCommand(c: Client, argv: Bin[]): Reply {
  return bzpopGeneric(c, argv, false);
}

function bzpopmaxCommand(c: Client, argv: Bin[]): Reply {
  return bzpopGeneric(c, argv, true);
}

interface MpopArgs {
  keys: Bin[];
  max: boolean;
  count: number;
}

/** zmpopGenericCommand's parsing: numkeys key... MIN|MAX [COUNT count], numkeys at argv[at]. */
function parseMpop(argv: Bin[], at: number): MpopArgs | ErrorReply {
  const numkeys = atLeastOneArg(argv[at], E.numkeysPositive);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = at + numkeys + 1;
  if (whereIdx >= argv.length) return E.syntax;
  let max: boolean;
  if (is(argv[whereIdx], 'MIN')) max = false;
  else if (is(argv[whereIdx], 'MAX')) max = true;
  else return E.syntax;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && is(argv[j], 'COUNT') && j + 1 < argv.length) {
      j++;
      const n = atLeastOneArg(argv[j], E.countPositive);
      if (n instanceof ErrorReply) return n;
      count = n;
    } else {
      return E.syntax;
    }
  }
  return { keys: argv.slice(at + 1, whereIdx), max, count: count === -1 ? 1 : count };
}

function zmpopCommand(c: Client, argv: Bin[]): Reply {
  const args = parseMpop(argv, 1);
  if (args instanceof ErrorReply) return args;
  for (const key of args.keys) {
    const zset = lookupZsetWrite(c, key);
    if (zset === undefined) continue;
    if (zset instanceof ErrorReply) return zset;
    return popManyWithKey(c, key, zset, args.max, args.count);
  }
  return NULL_ARRAY;
}

function bzmpopCommand(c: Client, argv: Bin[]): Reply {
  const args = parseMpop(argv, 2);
  if (args instanceof ErrorReply) return args;
  const timeoutAt = parseTimeout(c, argv[1], 'seconds');
  if (timeoutAt instanceof ErrorReply) return timeoutAt;
  const { max, count } = args;
  const found = firstNonEmpty(c, args.keys);
  if (found instanceof ErrorReply) return found;
  if (found !== undefined) return popManyWithKey(c, found.key, found.zset, max, count);
  const serve: ServeBlocked = (bc, key) => {
    const zset = readyZset(bc, key);
    return zset === undefined ? undefined : popManyWithKey(bc, key, zset, max, count);
  };
  return blockClient(c, args.keys, timeoutAt, serve, NULL_ARRAY);
}

// ---- ZUNION, ZINTER, ZDIFF and their STORE forms, ZINTERCARD ----

/** What the set operations need of a plain set (types/set.ts): its members count with score 1. */
interface PlainSet extends RedisObject {
  readonly size: number;
  has(member: Bin): boolean;
  forEach(fn: (member: Bin) => void): void;
}

/** One input of a set operation: a sorted set, a plain set, or nothing (a missing key). */
interface OpSource {
  zset: RedisZset | null;
  set: PlainSet | null;
  size: number;
  weight: number;
}

function sourceScore(src: OpSource, member: Bin): number | undefined {
  if (src.zset !== null) return src.zset.score(member);
  if (src.set !== null) return src.set.has(member) ? 1 : undefined;
  return undefined;
}

function sourceForEach(src: OpSource, visit: (member: Bin, score: number) => void): void {
  if (src.zset !== null) src.zset.forEach(visit);
  else if (src.set !== null) src.set.forEach((m) => visit(m, 1));
}

const OP_UNION = 0;
const OP_INTER = 1;
const OP_DIFF = 2;
const AGG_SUM = 0;
const AGG_MIN = 1;
const AGG_MAX = 2;

function aggregate(target: number, value: number, how: number): number {
  if (how === AGG_SUM) {
    const sum = target + value;
    return sum !== sum ? 0 : sum;
  }
  if (how === AGG_MIN) return value < target ? value : target;
  return value > target ? value : target;
}

const OP_NAMES = ['zunion', 'zinter', 'zdiff'];

/**
 * The sources of a set operation, keys read from argv[at+1...] (numkeys at argv[at]): WRONGTYPE
 * for a key that is neither a sorted set nor a set. Returns the sources and the index after the keys.
 */
function readSources(c: Client, argv: Bin[], at: number, count: number, write: boolean): OpSource[] | ErrorReply {
  const sources: OpSource[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const key = argv[at + 1 + i];
    const v = write ? c.db.lookupWrite(key) : c.db.lookupRead(key);
    if (v === undefined) {
      sources[i] = { zset: null, set: null, size: 0, weight: 1 };
    } else if (v instanceof RedisZset) {
      sources[i] = { zset: v, set: null, size: v.size, weight: 1 };
    } else if (typeof v === 'object' && v.type === 'set') {
      const set = v as PlainSet;
      sources[i] = { zset: null, set, size: set.size, weight: 1 };
    } else {
      return E.wrongType;
    }
  }
  return sources;
}

/** The result of a set operation: distinct members with their scores, in no order. */
interface OpResult {
  members: Bin[];
  scores: number[];
}

/**
 * zunionInterDiffGenericCommand's computation. Inputs are taken smallest first (a stable sort,
 * as glibc's qsort), which fixes the order scores are summed in; ZDIFF keeps its first input
 * first. `limit` > 0 stops an intersection early (ZINTERCARD).
 */
function computeOp(sources: OpSource[], op: number, how: number, limit: number): OpResult {
  const members: Bin[] = [];
  const scores: number[] = [];
  if (op === OP_DIFF) {
    const first = sources[0];
    if (first.size === 0) return { members, scores };
    sourceForEach(first, (m, s) => {
      for (let j = 1; j < sources.length; j++) if (sources[j].size > 0 && sourceScore(sources[j], m) !== undefined) return;
      members.push(m);
      scores.push(s);
    });
    return { members, scores };
  }
  const ordered = sources.slice().sort((a, b) => a.size - b.size);
  if (op === OP_INTER) {
    if (ordered[0].size === 0) return { members, scores };
    const base = ordered[0];
    let done = false;
    sourceForEach(base, (m, s) => {
      if (done) return;
      let score = base.weight * s;
      if (score !== score) score = 0;
      for (let j = 1; j < ordered.length; j++) {
        const other = ordered[j];
        const v = other.zset === base.zset && other.set === base.set ? s : sourceScore(other, m);
        if (v === undefined) return;
        score = aggregate(score, v * other.weight, how);
      }
      members.push(m);
      scores.push(score);
      if (limit > 0 && members.length >= limit) done = true;
    });
    return { members, scores };
  }
  const at = new Map<Bin, number>();
  for (const src of ordered) {
    if (src.size === 0) continue;
    sourceForEach(src, (m, s) => {
      let score = src.weight * s;
      if (score !== score) score = 0;
      const i = at.get(m);
      if (i === undefined) {
        at.set(m, members.length);
        members.push(m);
        scores.push(score);
      } else {
        scores[i] = aggregate(scores[i], score, how);
      }
    });
  }
  return { members, scores };
}

/** Sorts a result into (score, member) order for a reply. */
function sortResult(r: OpResult): Selection {
  const idx = r.members.map((_, i) => i);
  idx.sort((a, b) => {
    const sa = r.scores[a];
    const sb = r.scores[b];
    if (sa !== sb) return sa < sb ? -1 : 1;
    const ma = r.members[a];
    const mb = r.members[b];
    return ma < mb ? -1 : ma > mb ? 1 : 0;
  });
  return { members: idx.map((i) => r.members[i]), scores: idx.map((i) => r.scores[i]) };
}

/** ZUNION/ZINTER/ZDIFF (dst null) and their STORE forms (numkeys at argv[at]). */
function zsetOpGeneric(c: Client, argv: Bin[], dst: Bin | null, at: number, op: number, cardOnly = false): Reply {
  const numkeys = parseLong(argv[at]);
  if (numkeys === null) return E.notInteger;
  if (numkeys < 1) return err(`ERR at least 1 input key is needed for '${cardOnly ? 'zintercard' : OP_NAMES[op] + (dst !== null ? 'store' : '')}' command`);
  if (numkeys > argv.length - (at + 1)) return E.syntax;
  const sources = readSources(c, argv, at, numkeys, dst !== null);
  if (sources instanceof ErrorReply) return sources;
  let how = AGG_SUM;
  let withScores = false;
  let limit = 0;
  let j = at + 1 + numkeys;
  while (j < argv.length) {
    const remaining = argv.length - j;
    if (cardOnly) {
      if (remaining < 2 || !is(argv[j], 'LIMIT')) return E.syntax;
      const n = positiveArg(argv[j + 1], E.limitNegative);
      if (n instanceof ErrorReply) return n;
      limit = n;
      j += 2;
    } else if (op !== OP_DIFF && remaining >= numkeys + 1 && is(argv[j], 'WEIGHTS')) {
      j++;
      for (let i = 0; i < numkeys; i++, j++) {
        const w = parseDouble(argv[j]);
        if (w === null) return E_WEIGHT;
        sources[i].weight = w;
      }
    } else if (op !== OP_DIFF && remaining >= 2 && is(argv[j], 'AGGREGATE')) {
      const a = argv[j + 1];
      if (is(a, 'SUM')) how = AGG_SUM;
      else if (is(a, 'MIN')) how = AGG_MIN;
      else if (is(a, 'MAX')) how = AGG_MAX;
      else return E.syntax;
      j += 2;
    } else if (dst === null && is(argv[j], 'WITHSCORES')) {
      withScores = true;
      j++;
    } else {
      return E.syntax;
    }
  }
  const result = computeOp(sources, op, how, limit);
  if (cardOnly) return result.members.length;
  if (dst !== null) return storeResult(c, dst, result.members, result.scores, OP_NAMES[op] + 'store');
  return selectionReply(c, sortResult(result), withScores);
}

function zunionCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, null, 1, OP_UNION);
}

function zinterCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, null, 1, OP_INTER);
}

function zdiffCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, null, 1, OP_DIFF);
}

function zunionstoreCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, argv[1], 2, OP_UNION);
}

function zinterstoreCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, argv[1], 2, OP_INTER);
}

function zdiffstoreCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, argv[1], 2, OP_DIFF);
}

function zintercardCommand(c: Client, argv: Bin[]): Reply {
  return zsetOpGeneric(c, argv, null, 1, OP_INTER, true);
}

// ---- ZRANDMEMBER, ZSCAN ----

function zrandmemberCommand(c: Client, argv: Bin[]): Reply {
  const random = (n: number): number => Math.floor(c.engine.host.random() * n);
  if (argv.length >= 3) {
    const args = parseRandomCount(argv, 'WITHSCORES');
    if (args instanceof ErrorReply) return args;
    const zset = lookupZsetRead(c, argv[1]);
    if (zset === undefined) return [];
    if (zset instanceof ErrorReply) return zset;
    const nested = args.withValues && c.resp === 3;
    const out: Reply[] = [];
    for (const i of samplePositions(zset.size, args.count, random)) {
      if (args.withValues) pushScored(out, zset.memberAt(i), zset.scoreAt(i), nested);
      else out.push(zset.memberAt(i));
    }
    return out;
  }
  const zset = lookupZsetRead(c, argv[1]);
  if (zset === undefined) return null;
  if (zset instanceof ErrorReply) return zset;
  return zset.memberAt(random(zset.size));
}

function zscanCommand(c: Client, argv: Bin[]): Reply {
  return scanCollection(c, argv, lookupZsetRead, (zset, start, count, items, matches) =>
    zset.scan(start, count, (member, score) => {
      if (matches(member)) items.push(member, formatDouble(score));
    }),
  );
}

// ---- the command table ----

/** The key specs and arguments the sorted-set commands share, as COMMAND INFO/DOCS describe them. */
const GROUP = 'sorted-set';

function firstKey(flags: KeySpecFlag[]): KeySpec {
  return { flags, begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
}

/** numkeys at argv[index], the keys after it. */
function sourcesSpec(index: number): KeySpec {
  return { flags: ['RO', 'access'], begin: { index }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } };
}

const DESTINATION_SPEC: KeySpec = { flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };
const NUMKEYS_ARG: ArgSpec = { name: 'numkeys', type: 'integer' };
const WITHSCORES_ARG: ArgSpec = { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', optional: true };
const AGGREGATE_ARG: ArgSpec = { name: 'aggregate', type: 'oneof', token: 'AGGREGATE', optional: true, args: [
  { name: 'sum', type: 'pure-token', token: 'SUM' },
  { name: 'min', type: 'pure-token', token: 'MIN' },
  { name: 'max', type: 'pure-token', token: 'MAX' },
] };

export const sortedSetCommands: CommandSpec[] = [
  {
    name: 'zadd',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RW', 'update']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Add one or more members to a sorted set, or update its score if it already exists',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    history: [
      ['2.4.0', 'Accepts multiple elements.'],
      ['3.0.2', 'Added the `XX`, `NX`, `CH` and `INCR` options.'],
      ['6.2.0', 'Added the `GT` and `LT` options.'],
    ],
    args: [
      KEY_ARG,
      { name: 'condition', type: 'oneof', optional: true, since: '3.0.2', args: [
        { name: 'nx', type: 'pure-token', token: 'NX' },
        { name: 'xx', type: 'pure-token', token: 'XX' },
      ] },
      { name: 'comparison', type: 'oneof', optional: true, since: '6.2.0', args: [
        { name: 'gt', type: 'pure-token', token: 'GT' },
        { name: 'lt', type: 'pure-token', token: 'LT' },
      ] },
      { name: 'change', type: 'pure-token', token: 'CH', optional: true, since: '3.0.2' },
      { name: 'increment', type: 'pure-token', token: 'INCR', optional: true, since: '3.0.2' },
      { name: 'score_member', type: 'block', multiple: true, args: [
        { name: 'score', type: 'double' },
        { name: 'member', type: 'string' },
      ] },
    ],
    handler: zaddCommand,
  },
  {
    name: 'zincrby',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RW', 'access', 'update']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Increment the score of a member in a sorted set',
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
    args: [
      KEY_ARG,
      { name: 'increment', type: 'integer' },
      { name: 'member', type: 'string' },
    ],
    handler: zincrbyCommand,
  },
  {
    name: 'zscore',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Get the score associated with the given member in a sorted set',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
      { name: 'member', type: 'string' },
    ],
    handler: zscoreCommand,
  },
  {
    name: 'zmscore',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Get the score associated with the given members in a sorted set',
    complexity: 'O(N) where N is the number of members being requested.',
    args: [
      KEY_ARG,
      { name: 'member', type: 'string', multiple: true },
    ],
    handler: zmscoreCommand,
  },
  {
    name: 'zcard',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Get the number of members in a sorted set',
    complexity: 'O(1)',
    args: [
      KEY_ARG,
    ],
    handler: zcardCommand,
  },
  {
    name: 'zcount',
    arity: 4,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Count the members in a sorted set with scores within the given values',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    args: [
      KEY_ARG,
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
    ],
    handler: zcountCommand,
  },
  {
    name: 'zlexcount',
    arity: 4,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Count the number of members in a sorted set between a given lexicographical range',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    args: [
      KEY_ARG,
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
    ],
    handler: zlexcountCommand,
  },
  {
    name: 'zrank',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Determine the index of a member in a sorted set',
    complexity: 'O(log(N))',
    args: [
      KEY_ARG,
      { name: 'member', type: 'string' },
    ],
    handler: zrankCommand,
  },
  {
    name: 'zrevrank',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Determine the index of a member in a sorted set, with scores ordered from high to low',
    complexity: 'O(log(N))',
    args: [
      KEY_ARG,
      { name: 'member', type: 'string' },
    ],
    handler: zrevrankCommand,
  },
  {
    name: 'zrange',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Return a range of members in a sorted set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    history: [
      ['6.2.0', 'Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.'],
    ],
    args: [
      KEY_ARG,
      { name: 'start', type: 'string' },
      { name: 'stop', type: 'string' },
      { name: 'sortby', type: 'oneof', optional: true, since: '6.2.0', args: [
        { name: 'byscore', type: 'pure-token', token: 'BYSCORE' },
        { name: 'bylex', type: 'pure-token', token: 'BYLEX' },
      ] },
      { name: 'rev', type: 'pure-token', token: 'REV', optional: true, since: '6.2.0' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, since: '6.2.0', args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
      WITHSCORES_ARG,
    ],
    handler: zrangeCommand,
  },
  {
    name: 'zrangestore',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['OW', 'update']),
      { flags: ['RO', 'access'], begin: { index: 2 }, find: { lastKey: 0, step: 1, limit: 0 } },
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Store a range of members from sorted set into another key',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
    args: [
      { name: 'dst', type: 'key', keySpecIndex: 0 },
      { name: 'src', type: 'key', keySpecIndex: 1 },
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
      { name: 'sortby', type: 'oneof', optional: true, args: [
        { name: 'byscore', type: 'pure-token', token: 'BYSCORE' },
        { name: 'bylex', type: 'pure-token', token: 'BYLEX' },
      ] },
      { name: 'rev', type: 'pure-token', token: 'REV', optional: true },
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
    handler: zrangestoreCommand,
  },
  {
    name: 'zrangebyscore',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '1.0.5',
    summary: 'Return a range of members in a sorted set, by score',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYSCORE` argument',
    history: [
      ['2.0.0', 'Added the `WITHSCORES` modifier.'],
    ],
    args: [
      KEY_ARG,
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', optional: true, since: '2.0.0' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
    handler: zrangebyscoreCommand,
  },
  {
    name: 'zrevrangebyscore',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.2.0',
    summary: 'Return a range of members in a sorted set, by score, with scores ordered from high to low',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYSCORE` arguments',
    history: [
      ['2.1.6', '`min` and `max` can be exclusive.'],
    ],
    args: [
      KEY_ARG,
      { name: 'max', type: 'double' },
      { name: 'min', type: 'double' },
      WITHSCORES_ARG,
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
    handler: zrevrangebyscoreCommand,
  },
  {
    name: 'zrangebylex',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Return a range of members in a sorted set, by lexicographical range',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYLEX` argument',
    args: [
      KEY_ARG,
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
    handler: zrangebylexCommand,
  },
  {
    name: 'zrevrangebylex',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
    args: [
      KEY_ARG,
      { name: 'max', type: 'string' },
      { name: 'min', type: 'string' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', optional: true, args: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
    handler: zrevrangebylexCommand,
  },
  {
    name: 'zrevrange',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Return a range of members in a sorted set, by index, with scores ordered from high to low',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` argument',
    args: [
      KEY_ARG,
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
      WITHSCORES_ARG,
    ],
    handler: zrevrangeCommand,
  },
  {
    name: 'zrem',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RW', 'delete']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Remove one or more members from a sorted set',
    complexity: 'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    history: [
      ['2.4.0', 'Accepts multiple elements.'],
    ],
    args: [
      KEY_ARG,
      { name: 'member', type: 'string', multiple: true },
    ],
    handler: zremCommand,
  },
  {
    name: 'zremrangebyrank',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RW', 'delete']),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Remove all members in a sorted set within the given indexes',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    args: [
      KEY_ARG,
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
    ],
    handler: zremrangebyrankCommand,
  },
  {
    name: 'zremrangebyscore',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RW', 'delete']),
    ],
    group: GROUP,
    since: '1.2.0',
    summary: 'Remove all members in a sorted set within the given scores',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    args: [
      KEY_ARG,
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
    ],
    handler: zremrangebyscoreCommand,
  },
  {
    name: 'zremrangebylex',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RW', 'delete']),
    ],
    group: GROUP,
    since: '2.8.9',
    summary: 'Remove all members in a sorted set between the given lexicographical range',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    args: [
      KEY_ARG,
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
    ],
    handler: zremrangebylexCommand,
  },
  {
    name: 'zpopmin',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RW', 'access', 'delete']),
    ],
    group: GROUP,
    since: '5.0.0',
    summary: 'Remove and return members with the lowest scores in a sorted set',
    complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    args: [
      KEY_ARG,
      { name: 'count', type: 'integer', optional: true },
    ],
    handler: zpopminCommand,
  },
  {
    name: 'zpopmax',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    keySpecs: [
      firstKey(['RW', 'access', 'delete']),
    ],
    group: GROUP,
    since: '5.0.0',
    summary: 'Remove and return members with the highest scores in a sorted set',
    complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    args: [
      KEY_ARG,
      { name: 'count', type: 'integer', optional: true },
    ],
    handler: zpopmaxCommand,
  },
  {
    name: 'zmpop',
    arity: -4,
    flags: ['write', 'movablekeys'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } },
    ],
    group: GROUP,
    since: '7.0.0',
    summary: 'Remove and return members with scores in a sorted set',
    complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    args: [
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'where', type: 'oneof', args: [
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: zmpopCommand,
  },
  {
    name: 'bzpopmin',
    arity: -3,
    flags: ['write', 'noscript', 'blocking', 'fast'],
    acl: ['write', 'sortedset', 'fast', 'blocking'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2, step: 1, limit: 0 } },
    ],
    group: GROUP,
    since: '5.0.0',
    summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    history: [
      ['6.0.0', '`timeout` is interpreted as a double instead of an integer.'],
    ],
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'timeout', type: 'double' },
    ],
    handler: bzpopminCommand,
  },
  {
    name: 'bzpopmax',
    arity: -3,
    flags: ['write', 'noscript', 'blocking', 'fast'],
    acl: ['write', 'sortedset', 'fast', 'blocking'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2, step: 1, limit: 0 } },
    ],
    group: GROUP,
    since: '5.0.0',
    summary: 'Remove and return the member with the highest score from one or more sorted sets, or block until one is available',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    history: [
      ['6.0.0', '`timeout` is interpreted as a double instead of an integer.'],
    ],
    args: [
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'timeout', type: 'double' },
    ],
    handler: bzpopmaxCommand,
  },
  {
    name: 'bzmpop',
    arity: -5,
    flags: ['write', 'blocking', 'movablekeys'],
    acl: ['write', 'sortedset', 'slow', 'blocking'],
    keySpecs: [
      { flags: ['RW', 'access', 'delete'], begin: { index: 2 }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } },
    ],
    group: GROUP,
    since: '7.0.0',
    summary: 'Remove and return members with scores in a sorted set or block until one is available',
    complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    args: [
      { name: 'timeout', type: 'double' },
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'where', type: 'oneof', args: [
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: bzmpopCommand,
  },
  {
    name: 'zunion',
    arity: -3,
    flags: ['readonly', 'movablekeys'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      sourcesSpec(1),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Add multiple sorted sets',
    complexity: 'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    args: [
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', optional: true, multiple: true },
      AGGREGATE_ARG,
      WITHSCORES_ARG,
    ],
    handler: zunionCommand,
  },
  {
    name: 'zinter',
    arity: -3,
    flags: ['readonly', 'movablekeys'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      sourcesSpec(1),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Intersect multiple sorted sets',
    complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    args: [
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', optional: true, multiple: true },
      AGGREGATE_ARG,
      WITHSCORES_ARG,
    ],
    handler: zinterCommand,
  },
  {
    name: 'zdiff',
    arity: -3,
    flags: ['readonly', 'movablekeys'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      sourcesSpec(1),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Subtract multiple sorted sets',
    complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    args: [
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      WITHSCORES_ARG,
    ],
    handler: zdiffCommand,
  },
  {
    name: 'zunionstore',
    arity: -4,
    flags: ['write', 'denyoom', 'movablekeys'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      DESTINATION_SPEC,
      sourcesSpec(2),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Add multiple sorted sets and store the resulting sorted set in a new key',
    complexity: 'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    args: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 1, multiple: true },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', optional: true, multiple: true },
      AGGREGATE_ARG,
    ],
    handler: zunionstoreCommand,
  },
  {
    name: 'zinterstore',
    arity: -4,
    flags: ['write', 'denyoom', 'movablekeys'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      DESTINATION_SPEC,
      sourcesSpec(2),
    ],
    group: GROUP,
    since: '2.0.0',
    summary: 'Intersect multiple sorted sets and store the resulting sorted set in a new key',
    complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    args: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 1, multiple: true },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', optional: true, multiple: true },
      AGGREGATE_ARG,
    ],
    handler: zinterstoreCommand,
  },
  {
    name: 'zdiffstore',
    arity: -4,
    flags: ['write', 'denyoom', 'movablekeys'],
    acl: ['write', 'sortedset', 'slow'],
    keySpecs: [
      DESTINATION_SPEC,
      sourcesSpec(2),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key',
    complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    args: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 1, multiple: true },
    ],
    handler: zdiffstoreCommand,
  },
  {
    name: 'zintercard',
    arity: -3,
    flags: ['readonly', 'movablekeys'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      sourcesSpec(1),
    ],
    group: GROUP,
    since: '7.0.0',
    summary: 'Intersect multiple sorted sets and return the cardinality of the result',
    complexity: 'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
    args: [
      NUMKEYS_ARG,
      { name: 'key', type: 'key', keySpecIndex: 0, multiple: true },
      { name: 'limit', type: 'integer', token: 'LIMIT', optional: true },
    ],
    handler: zintercardCommand,
  },
  {
    name: 'zrandmember',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '6.2.0',
    summary: 'Get one or multiple random elements from a sorted set',
    complexity: 'O(N) where N is the number of elements returned',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'options', type: 'block', optional: true, args: [
        { name: 'count', type: 'integer' },
        WITHSCORES_ARG,
      ] },
    ],
    handler: zrandmemberCommand,
  },
  {
    name: 'zscan',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    keySpecs: [
      firstKey(['RO', 'access']),
    ],
    group: GROUP,
    since: '2.8.0',
    summary: 'Incrementally iterate sorted sets elements and associated scores',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', optional: true },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: zscanCommand,
  },
];
