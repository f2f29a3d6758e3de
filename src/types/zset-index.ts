// The ordered half of a sorted set, as an interface: elements ordered by (score, member bytes)
// with 0-based ranks. The member -> score lookup (O(1) ZSCORE) lives beside it in the zset; this
// index answers the order questions (ZRANK, ZRANGE by index, score and lex ranges). Two
// implementations exist: the WebAssembly skiplist (member bytes and scores resident in linear
// memory) and its plain TypeScript twin, benchmarked against each other in bench/.
import type { Bin } from '../bytes.ts';

/** A score interval as ZRANGEBYSCORE parses it: '(' makes a bound exclusive; -inf/+inf allowed. */
export interface ScoreRange {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

/** One end of a ZRANGEBYLEX interval: '-' (inf -1), '+' (inf 1), '[x' inclusive, '(x' exclusive. */
export interface LexBound {
  inf: -1 | 0 | 1;
  value: Bin;
  exclusive: boolean;
}

export interface LexRange {
  min: LexBound;
  max: LexBound;
}

/**
 * Members compare as Redis's sdscmp does (bytes, then length): for binary strings that is JS's
 * own string order. Scores never are NaN.
 */
export interface ZOrderedIndex {
  readonly length: number;
  /** Adds an element that is not present. */
  insert(member: Bin, score: number): void;
  /** Removes an element present with this score; false when there is none. */
  remove(member: Bin, score: number): boolean;
  /** Moves a present element from oldScore to newScore (ZADD update, ZINCRBY). */
  updateScore(member: Bin, oldScore: number, newScore: number): void;
  /**
   * The score of a member, undefined when absent: found by hash where the index keeps one (the
   * WASM skiplist's member index), so the zset need not ask its dict. Optional.
   */
  score?(member: Bin): number | undefined;
  /** The 0-based rank of a present element. */
  rank(member: Bin, score: number): number;
  /**
   * Visits ranks start..end inclusive (0 <= start <= end < length) in order, or from end down
   * to start when `reverse`.
   */
  range(start: number, end: number, reverse: boolean, visit: (member: Bin, score: number) => void): void;
  /** The rank of the first / last element inside the range, -1 when none is. */
  firstInScoreRange(r: ScoreRange): number;
  lastInScoreRange(r: ScoreRange): number;
  firstInLexRange(r: LexRange): number;
  lastInLexRange(r: LexRange): number;
  /** Removes ranks start..end inclusive, telling `visit` each removed member; returns how many. */
  removeRange(start: number, end: number, visit: (member: Bin) => void): number;
  /** A deep copy (COPY). */
  clone(): ZOrderedIndex;
  /** Releases what it holds (WASM memory); unusable afterwards. Safe to call twice. */
  free(): void;
}
