// The compact form of a small sorted set (what Redis calls its "listpack" encoding): members and
// scores in two parallel arrays kept in (score, member) order. Lookups by member scan the arrays,
// as Redis scans its listpack; at the sizes this form serves (zset-max-listpack-entries, 128 by
// default) that is cheaper in memory and no slower than a hash table plus a skiplist.
import type { Bin } from '../bytes.ts';
import type { LexRange, ScoreRange, ZOrderedIndex } from './zset-index.ts';
import { lexGteMin, lexLteMax, lexRangeEmpty, scoreGteMin, scoreLteMax, scoreRangeEmpty } from '../wasm/ts/skiplist.ts';

export class ZListpack implements ZOrderedIndex {
  constructor(
    readonly members: Bin[] = [],
    readonly scores: number[] = [],
  ) {}

  get length(): number {
    return this.members.length;
  }

  /** The position of `member`, -1 when absent (a linear scan, as Redis's zzlFind). */
  find(member: Bin): number {
    const members = this.members;
    for (let i = 0; i < members.length; i++) if (members[i] === member) return i;
    return -1;
  }

  /** Where (score, member) belongs: the first position holding a greater element. */
  private insertionPoint(member: Bin, score: number): number {
    const scores = this.scores;
    const members = this.members;
    let lo = 0;
    let hi = scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = scores[mid];
      if (s < score || (s === score && members[mid] < member)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(member: Bin, rawScore: number): void {
    // A listpack holds a score as text that reads back as an integer when it can: -0 becomes 0.
    const score = rawScore === 0 ? 0 : rawScore;
    const at = this.insertionPoint(member, score);
    if (at === this.members.length) {
      this.members.push(member);
      this.scores.push(score);
    } else {
      this.members.splice(at, 0, member);
      this.scores.splice(at, 0, score);
    }
  }

  removeAt(i: number): void {
    if (i === 0) {
      this.members.shift();
      this.scores.shift();
    } else if (i === this.members.length - 1) {
      this.members.pop();
      this.scores.pop();
    } else {
      this.members.splice(i, 1);
      this.scores.splice(i, 1);
    }
  }

  remove(member: Bin, _score: number): boolean {
    const i = this.find(member);
    if (i < 0) return false;
    this.removeAt(i);
    return true;
  }

  updateScore(member: Bin, _oldScore: number, newScore: number): void {
    const i = this.find(member);
    if (i < 0) throw new Error('listpack: updateScore of a missing element');
    this.removeAt(i);
    this.insert(member, newScore);
  }

  rank(member: Bin, _score: number): number {
    return this.find(member);
  }

  range(start: number, end: number, reverse: boolean, visit: (member: Bin, score: number) => void): void {
    const members = this.members;
    const scores = this.scores;
    if (reverse) for (let i = end; i >= start; i--) visit(members[i], scores[i]);
    else for (let i = start; i <= end; i++) visit(members[i], scores[i]);
  }

  firstInScoreRange(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    const scores = this.scores;
    for (let i = 0; i < scores.length; i++) {
      if (scoreGteMin(scores[i], r)) return scoreLteMax(scores[i], r) ? i : -1;
    }
    return -1;
  }

  lastInScoreRange(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    const scores = this.scores;
    for (let i = scores.length - 1; i >= 0; i--) {
      if (scoreLteMax(scores[i], r)) return scoreGteMin(scores[i], r) ? i : -1;
    }
    return -1;
  }

  /** zzlIsInLexRange: the range is not empty and overlaps the first..last members. */
  private mayHoldLex(r: LexRange): boolean {
    const members = this.members;
    const n = members.length;
    return n > 0 && !lexRangeEmpty(r) && lexGteMin(members[n - 1], r.min) && lexLteMax(members[0], r.max);
  }

  // Members are in lex order only when their scores are equal; otherwise these walk the
  // listpack as Redis's zzlFirstInLexRange/zzlLastInLexRange do, with the same answers.
  firstInLexRange(r: LexRange): number {
    if (!this.mayHoldLex(r)) return -1;
    const members = this.members;
    for (let i = 0; i < members.length; i++) {
      if (lexGteMin(members[i], r.min)) return lexLteMax(members[i], r.max) ? i : -1;
    }
    return -1;
  }

  lastInLexRange(r: LexRange): number {
    if (!this.mayHoldLex(r)) return -1;
    const members = this.members;
    for (let i = members.length - 1; i >= 0; i--) {
      if (lexLteMax(members[i], r.max)) return lexGteMin(members[i], r.min) ? i : -1;
    }
    return -1;
  }

  removeRange(start: number, end: number, visit: (member: Bin) => void): number {
    if (start > end || start >= this.members.length) return 0;
    const removed = this.members.splice(start, end - start + 1);
    this.scores.splice(start, removed.length);
    for (const m of removed) visit(m);
    return removed.length;
  }

  clone(): ZListpack {
    return new ZListpack(this.members.slice(), this.scores.slice());
  }

  free(): void {}
}
