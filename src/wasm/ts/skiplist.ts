// The plain TypeScript twin of the WASM skiplist (assembly/skiplist.ts): the same design as
// Redis's zskiplist (t_zset.c) — nodes ordered by (score, member bytes), a backward link on
// level 0, and per-level spans so that ranks are O(log n) — with JS objects for nodes. It serves
// as the benchmark baseline (bench/micro-skiplist.ts) and as a fallback implementation of
// ZOrderedIndex. Ranks here are 0-based; Redis's are 1-based with the header at 0.
import type { Bin } from '../../bytes.ts';
import type { LexRange, ScoreRange, ZOrderedIndex } from '../../types/zset-index.ts';
import type { LexBound } from '../../types/zset-index.ts';

/** Redis's ZSKIPLIST_MAXLEVEL and ZSKIPLIST_P. */
export const SKIPLIST_MAX_LEVEL = 32;
export const SKIPLIST_P = 0.25;

interface SkipNode {
  member: Bin;
  score: number;
  backward: SkipNode | null;
  /** forward[i] and span[i]: the next node on level i and how many level-0 steps away it is. */
  forward: (SkipNode | null)[];
  span: number[];
}

function newNode(level: number, member: Bin, score: number): SkipNode {
  // Preallocated to the exact size (pushing would reserve room for 17 elements).
  const forward: (SkipNode | null)[] = new Array(level);
  const span: number[] = new Array(level);
  for (let i = 0; i < level; i++) {
    forward[i] = null;
    span[i] = 0;
  }
  return { member, score, backward: null, forward, span };
}

/** A level in 1..32 with P(level > k) = 0.25^k, drawn as Redis's zslRandomLevel does. */
export function randomLevel(): number {
  let level = 1;
  while (level < SKIPLIST_MAX_LEVEL && ((Math.random() * 0x10000) | 0) < SKIPLIST_P * 0xffff) level++;
  return level;
}

// Range predicates, as Redis's zslValueGteMin / zslValueLteMax / zslLexValueGteMin / ...

export function scoreGteMin(score: number, r: ScoreRange): boolean {
  return r.minExclusive ? score > r.min : score >= r.min;
}

export function scoreLteMax(score: number, r: ScoreRange): boolean {
  return r.maxExclusive ? score < r.max : score <= r.max;
}

/** No score can be inside (min > max, or min == max with an exclusive end). */
export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minExclusive || r.maxExclusive));
}

export function lexGteMin(member: Bin, min: LexBound): boolean {
  if (min.inf !== 0) return min.inf < 0;
  return min.exclusive ? member > min.value : member >= min.value;
}

export function lexLteMax(member: Bin, max: LexBound): boolean {
  if (max.inf !== 0) return max.inf > 0;
  return max.exclusive ? member < max.value : member <= max.value;
}

/** Orders bounds as Redis's sdscmplex: '-' before every string, '+' after. */
function lexBoundCmp(a: LexBound, b: LexBound): number {
  if (a.inf !== 0 || b.inf !== 0) return a.inf === b.inf ? 0 : a.inf < b.inf ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** No member can be inside (min after max, or equal with an exclusive end). */
export function lexRangeEmpty(r: LexRange): boolean {
  const c = lexBoundCmp(r.min, r.max);
  return c > 0 || (c === 0 && (r.min.exclusive || r.max.exclusive));
}

/** True when node (score, member) sorts before (score2, member2). */
function before(node: SkipNode, score: number, member: Bin): boolean {
  return node.score < score || (node.score === score && node.member < member);
}

export class TsSkiplist implements ZOrderedIndex {
  private header: SkipNode = newNode(SKIPLIST_MAX_LEVEL, '', 0);
  private tail: SkipNode | null = null;
  private level = 1;
  private count = 0;
  /** Reused by insert/remove: the rightmost node before the target on each level, and its rank. */
  private readonly update: SkipNode[] = new Array<SkipNode>(SKIPLIST_MAX_LEVEL);
  private readonly ranks: number[] = new Array<number>(SKIPLIST_MAX_LEVEL).fill(0);

  get length(): number {
    return this.count;
  }

  insert(member: Bin, score: number): void {
    const update = this.update;
    const ranks = this.ranks;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      ranks[i] = i === this.level - 1 ? 0 : ranks[i + 1];
      let next = x.forward[i];
      while (next !== null && before(next, score, member)) {
        ranks[i] += x.span[i];
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    const level = randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        ranks[i] = 0;
        update[i] = this.header;
        update[i].span[i] = this.count;
      }
      this.level = level;
    }
    const node = newNode(level, member, score);
    for (let i = 0; i < level; i++) {
      const prev = update[i];
      node.forward[i] = prev.forward[i];
      prev.forward[i] = node;
      node.span[i] = prev.span[i] - (ranks[0] - ranks[i]);
      prev.span[i] = ranks[0] - ranks[i] + 1;
    }
    for (let i = level; i < this.level; i++) update[i].span[i]++;
    node.backward = update[0] === this.header ? null : update[0];
    const next = node.forward[0];
    if (next !== null) next.backward = node;
    else this.tail = node;
    this.count++;
  }

  /** Fills `update` for (score, member); returns the node there if it is that element. */
  private find(member: Bin, score: number): SkipNode | null {
    const update = this.update;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && before(next, score, member)) {
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    const found = x.forward[0];
    return found !== null && found.score === score && found.member === member ? found : null;
  }

  /** Unlinks x, whose predecessors on each level are in `update`. */
  private unlink(x: SkipNode): void {
    const update = this.update;
    for (let i = 0; i < this.level; i++) {
      const prev = update[i];
      if (prev.forward[i] === x) {
        prev.span[i] += x.span[i] - 1;
        prev.forward[i] = x.forward[i];
      } else {
        prev.span[i]--;
      }
    }
    const next = x.forward[0];
    if (next !== null) next.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === null) this.level--;
    this.count--;
  }

  remove(member: Bin, score: number): boolean {
    const x = this.find(member, score);
    if (x === null) return false;
    this.unlink(x);
    return true;
  }

  updateScore(member: Bin, oldScore: number, newScore: number): void {
    const x = this.find(member, oldScore);
    if (x === null) throw new Error('skiplist: updateScore of a missing element');
    // Stays in place when the new score still sorts between its neighbours (as zslUpdateScore).
    const prev = x.backward;
    const next = x.forward[0];
    if ((prev === null || before(prev, newScore, member)) && (next === null || !before(next, newScore, member))) {
      x.score = newScore;
      return;
    }
    this.unlink(x);
    this.insert(member, newScore);
  }

  rank(member: Bin, score: number): number {
    let x = this.header;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && (before(next, score, member) || (next.score === score && next.member === member))) {
        rank += x.span[i];
        x = next;
        next = x.forward[i];
      }
      if (x !== this.header && x.score === score && x.member === member) return rank - 1;
    }
    return -1;
  }

  /** The node just before 0-based rank r (r < length); each level's last one before it in `update`. */
  private beforeRank(r: number): SkipNode {
    const update = this.update;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && traversed + x.span[i] <= r) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    return x;
  }

  range(start: number, end: number, reverse: boolean, visit: (member: Bin, score: number) => void): void {
    let n = end - start + 1;
    if (n <= 0) return;
    let x: SkipNode | null = this.beforeRank(reverse ? end : start).forward[0];
    while (n-- > 0 && x !== null) {
      visit(x.member, x.score);
      x = reverse ? x.backward : x.forward[0];
    }
  }

  firstInScoreRange(r: ScoreRange): number {
    if (this.count === 0 || scoreRangeEmpty(r)) return -1;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && !scoreGteMin(next.score, r)) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    const first = x.forward[0];
    return first !== null && scoreLteMax(first.score, r) ? traversed : -1;
  }

  lastInScoreRange(r: ScoreRange): number {
    if (this.count === 0 || scoreRangeEmpty(r)) return -1;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && scoreLteMax(next.score, r)) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    return x !== this.header && scoreGteMin(x.score, r) ? traversed - 1 : -1;
  }

  firstInLexRange(r: LexRange): number {
    if (this.count === 0 || lexRangeEmpty(r)) return -1;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && !lexGteMin(next.member, r.min)) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    const first = x.forward[0];
    return first !== null && lexLteMax(first.member, r.max) ? traversed : -1;
  }

  lastInLexRange(r: LexRange): number {
    if (this.count === 0 || lexRangeEmpty(r)) return -1;
    let x = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && lexLteMax(next.member, r.max)) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    return x !== this.header && lexGteMin(x.member, r.min) ? traversed - 1 : -1;
  }

  removeRange(start: number, end: number, visit: (member: Bin) => void): number {
    if (start > end || start >= this.count) return 0;
    let node = this.beforeRank(start).forward[0];
    let removed = 0;
    for (let r = start; node !== null && r <= end; r++) {
      const next: SkipNode | null = node.forward[0];
      this.unlink(node);
      visit(node.member);
      removed++;
      node = next;
    }
    return removed;
  }

  clone(): ZOrderedIndex {
    const copy = new TsSkiplist();
    copy.appendAll(this.header.forward[0]);
    return copy;
  }

  /** Builds an empty list from the nodes following `from` (already in order), in O(n). */
  private appendAll(from: SkipNode | null): void {
    const last: SkipNode[] = new Array<SkipNode>(SKIPLIST_MAX_LEVEL).fill(this.header);
    const lastRank: number[] = new Array<number>(SKIPLIST_MAX_LEVEL).fill(0);
    let rank = 0;
    let prev: SkipNode | null = null;
    for (let src = from; src !== null; src = src.forward[0]) {
      rank++;
      const level = randomLevel();
      if (level > this.level) this.level = level;
      const node = newNode(level, src.member, src.score);
      for (let i = 0; i < level; i++) {
        last[i].forward[i] = node;
        last[i].span[i] = rank - lastRank[i];
        last[i] = node;
        lastRank[i] = rank;
      }
      node.backward = prev;
      prev = node;
    }
    for (let i = 0; i < this.level; i++) last[i].span[i] = rank - lastRank[i];
    this.tail = prev;
    this.count = rank;
  }

  free(): void {
    this.header = newNode(SKIPLIST_MAX_LEVEL, '', 0);
    this.tail = null;
    this.level = 1;
    this.count = 0;
  }
}

export function createTsSkiplist(): ZOrderedIndex {
  return new TsSkiplist();
}
