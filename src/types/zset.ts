// The sorted-set type, in Redis 7.0's two encodings. A small one is a "listpack" (ZListpack:
// parallel arrays in (score, member) order, found by scanning). Once it holds more than
// zset-max-listpack-entries members, or a member longer than zset-max-listpack-value bytes, it
// becomes a "skiplist" for good: a Dict member -> score (O(1) ZSCORE, random members, SCAN
// cursors) beside the WebAssembly skiplist that answers every order question.
import type { Bin } from '../bytes.ts';
import { Dict } from '../keyspace/dict.ts';
import { createOrderedIndex } from '../wasm/index.ts';
import { lexGteMin, lexLteMax } from '../wasm/ts/skiplist.ts';
import type { LexRange, ScoreRange, ZOrderedIndex } from './zset-index.ts';
import { ZListpack } from './zset-listpack.ts';
import type { RedisObject } from './value.ts';

/** The thresholds in force when a sorted set is written (read from the config at write time). */
export interface ZsetLimits {
  maxEntries: number;
  maxValue: number;
}

export class RedisZset implements RedisObject {
  readonly type = 'zset';
  /** listpack encoding; null once a skiplist. */
  private lp: ZListpack | null;
  /** skiplist encoding: member -> score, beside `index`. */
  private dict: Dict<number> | null = null;
  /** The ordered index: `lp` itself, or the skiplist. */
  private index: ZOrderedIndex;

  private constructor(skiplist: boolean) {
    if (skiplist) {
      this.lp = null;
      this.dict = new Dict<number>();
      this.index = createOrderedIndex();
    } else {
      this.lp = new ZListpack();
      this.index = this.lp;
    }
  }

  /**
   * A new empty sorted set about to receive `firstMember` (ZADD, ZINCRBY): a skiplist from the
   * start when no listpack may hold it, as zaddGenericCommand decides.
   */
  static forMember(firstMember: Bin, limits: ZsetLimits): RedisZset {
    return new RedisZset(limits.maxEntries === 0 || firstMember.length > limits.maxValue);
  }

  /**
   * A sorted set built whole (the *STORE commands): a listpack when the result fits one
   * (zsetConvertToListpackIfNeeded), else a skiplist. `members`/`scores` in any order, distinct.
   */
  static fromEntries(members: Bin[], scores: number[], limits: ZsetLimits): RedisZset {
    let fits = members.length <= limits.maxEntries;
    for (let i = 0; fits && i < members.length; i++) if (members[i].length > limits.maxValue) fits = false;
    const z = new RedisZset(!fits);
    for (let i = 0; i < members.length; i++) z.insertUnchecked(members[i], scores[i]);
    return z;
  }

  /** An empty listpack sorted set filled by add() (ZRANGESTORE, which converts as it goes). */
  static empty(): RedisZset {
    return new RedisZset(false);
  }

  encoding(): string {
    return this.lp !== null ? 'listpack' : 'skiplist';
  }

  get size(): number {
    return this.index.length;
  }

  score(member: Bin): number | undefined {
    if (this.dict !== null) {
      // The WASM index finds it in two memory loads (its hash table, then the node); the dict
      // takes three dependent ones (index, key array, key string), each a miss on a big set.
      const index = this.index;
      return index.score !== undefined ? index.score(member) : this.dict.get(member);
    }
    const lp = this.lp!;
    const i = lp.find(member);
    return i < 0 ? undefined : lp.scores[i];
  }

  /** Adds a member that is not present, converting first when a listpack cannot take it (zsetAdd). */
  insert(member: Bin, score: number, limits: ZsetLimits): void {
    if (this.lp !== null && (this.lp.length + 1 > limits.maxEntries || member.length > limits.maxValue)) this.toSkiplist();
    this.insertUnchecked(member, score);
  }

  private insertUnchecked(member: Bin, score: number): void {
    if (this.dict !== null) this.dict.set(member, score);
    this.index.insert(member, score);
  }

  /** Moves a present member from oldScore to newScore. */
  update(member: Bin, oldScore: number, newScore: number): void {
    if (this.dict !== null) this.dict.set(member, newScore);
    this.index.updateScore(member, oldScore, newScore);
  }

  /** Removes a member; true when it was there. */
  delete(member: Bin): boolean {
    if (this.dict === null) return this.lp!.remove(member, 0);
    const score = this.dict.get(member);
    if (score === undefined) return false;
    this.dict.delete(member);
    this.dict.removed = undefined;
    this.index.remove(member, score);
    return true;
  }

  /** The 0-based rank of a member from the low end (or the high end when `reverse`), -1 when absent. */
  rank(member: Bin, reverse: boolean): number {
    const score = this.score(member);
    if (score === undefined) return -1;
    const r = this.index.rank(member, score);
    return reverse ? this.index.length - 1 - r : r;
  }

  /** Visits ranks start..end (0 <= start <= end < size), from end down when `reverse`. */
  range(start: number, end: number, reverse: boolean, visit: (member: Bin, score: number) => void): void {
    this.index.range(start, end, reverse, visit);
  }

  firstInScoreRange(r: ScoreRange): number {
    return this.index.firstInScoreRange(r);
  }

  lastInScoreRange(r: ScoreRange): number {
    return this.index.lastInScoreRange(r);
  }

  firstInLexRange(r: LexRange): number {
    return this.index.firstInLexRange(r);
  }

  lastInLexRange(r: LexRange): number {
    return this.index.lastInLexRange(r);
  }

  /**
   * The ranks [first, last] a lex range covers, null when none: found from the end the walk
   * starts at (the low end, or the high end when `reverse`), then walked while members stay in
   * range, as Redis walks a listpack. Members are in lex order only under equal scores; a
   * listpack then answers what Redis's does.
   */
  lexSpan(r: LexRange, reverse: boolean): [number, number] | null {
    const lp = this.lp;
    if (reverse) {
      const last = this.index.lastInLexRange(r);
      if (last < 0) return null;
      let first = last;
      if (lp === null) first = this.index.firstInLexRange(r);
      else while (first > 0 && lexGteMin(lp.members[first - 1], r.min)) first--;
      return [first, last];
    }
    const first = this.index.firstInLexRange(r);
    if (first < 0) return null;
    let last = first;
    if (lp === null) last = this.index.lastInLexRange(r);
    else while (last + 1 < lp.length && lexLteMax(lp.members[last + 1], r.max)) last++;
    return [first, last];
  }

  /** Removes ranks start..end inclusive; returns how many went. */
  removeRange(start: number, end: number): number {
    const dict = this.dict;
    if (dict === null) return this.index.removeRange(start, end, noop);
    const n = this.index.removeRange(start, end, (m) => dict.delete(m));
    dict.removed = undefined;
    return n;
  }

  /** The member and score at a uniformly drawn position 0 <= i < size (random sampling). */
  memberAt(i: number): Bin {
    return this.dict !== null ? this.dict.keyAtSlot(i) : this.lp!.members[i];
  }

  scoreAt(i: number): number {
    return this.dict !== null ? this.dict.valueAtSlot(i) : this.lp!.scores[i];
  }

  /** Every member in order. */
  forEach(visit: (member: Bin, score: number) => void): void {
    if (this.index.length > 0) this.index.range(0, this.index.length - 1, false, visit);
  }

  /**
   * ZSCAN: a listpack answers everything at once with cursor 0, as Redis does; a skiplist visits
   * about `count` members of its dict from `cursor` and returns the next cursor (0 when done).
   */
  scan(cursor: number, count: number, visit: (member: Bin, score: number) => void): number {
    if (this.dict === null) {
      this.forEach(visit);
      return 0;
    }
    return this.dict.scan(cursor, count, visit);
  }

  private toSkiplist(): void {
    const lp = this.lp!;
    const dict = new Dict<number>(Math.max(16, lp.length * 2));
    const index = createOrderedIndex();
    for (let i = 0; i < lp.length; i++) {
      dict.set(lp.members[i], lp.scores[i]);
      index.insert(lp.members[i], lp.scores[i]);
    }
    this.dict = dict;
    this.index = index;
    this.lp = null;
  }

  clone(): RedisZset {
    const copy = new RedisZset(false);
    if (this.lp !== null) {
      copy.lp = this.lp.clone();
      copy.index = copy.lp;
    } else {
      const dict = new Dict<number>(Math.max(16, this.dict!.size));
      this.dict!.forEach((score, member) => dict.set(member, score));
      copy.lp = null;
      copy.dict = dict;
      copy.index = this.index.clone();
    }
    return copy;
  }

  free(): void {
    this.index.free();
  }
}

function noop(): void {}
