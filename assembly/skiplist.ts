// skiplist.wasm: the sorted set's ordered index, Redis's zskiplist (t_zset.c) in linear memory.
// Its own module (built by build/wasm.mjs with --runtime minimal), so that it has a real
// allocator with free (AssemblyScript's TLSF, heap.alloc/heap.free) while cinnabar.wasm keeps
// its grow-only scratch area. No managed objects: every structure is explicit offsets.
//
// Many lists live in the one instance; the JS side holds each as a handle (a pointer to LIST).
// Elements are ordered by score, then member bytes as memcmp-then-length (Redis's sdscmp).
// Member bytes reach a call through the scratch buffer (scratch()), are copied into the node on
// insert, and live in the node itself: one block per element, sized to its level and member.
//
// Node block:   [score f64][backward u32][member length u32][level u32]
//               [forward u32, span u32] x level   [member bytes]
// List block:   [header node ptr][tail ptr][length][level]
//
// Spans follow Redis: a link's span is how many level-0 steps it covers; a null link's span is
// the number of elements after its node. Ranks at this boundary are 0-based; inside, as in Redis,
// the header is rank 0 and the first element rank 1.

const MAX_LEVEL: u32 = 32;
/** Redis's ZSKIPLIST_P (0.25) on 16 random bits. */
const P_THRESHOLD: u32 = <u32>(0.25 * 0xffff);

const N_SCORE: usize = 0;
const N_BACKWARD: usize = 8;
const N_LEN: usize = 12;
const N_LEVEL: usize = 16;
const N_LEVELS: usize = 20;
const LINK_BYTES: usize = 8;

const L_HEADER: usize = 0;
const L_TAIL: usize = 4;
const L_LENGTH: usize = 8;
const L_LEVEL: usize = 12;
const LIST_BYTES: usize = 16;

// @ts-ignore: decorator
@inline function score(n: usize): f64 { return load<f64>(n, N_SCORE); }
// @ts-ignore: decorator
@inline function backward(n: usize): usize { return load<u32>(n, N_BACKWARD); }
// @ts-ignore: decorator
@inline function memberLen(n: usize): usize { return load<u32>(n, N_LEN); }
// @ts-ignore: decorator
@inline function nodeLevel(n: usize): u32 { return load<u32>(n, N_LEVEL); }
// @ts-ignore: decorator
@inline function link(n: usize, i: u32): usize { return n + N_LEVELS + (<usize>i << 3); }
// @ts-ignore: decorator
@inline function forward(n: usize, i: u32): usize { return load<u32>(link(n, i)); }
// @ts-ignore: decorator
@inline function span(n: usize, i: u32): u32 { return load<u32>(link(n, i), 4); }
// @ts-ignore: decorator
@inline function setForward(n: usize, i: u32, to: usize): void { store<u32>(link(n, i), <u32>to); }
// @ts-ignore: decorator
@inline function setSpan(n: usize, i: u32, s: u32): void { store<u32>(link(n, i), s, 4); }
// @ts-ignore: decorator
@inline function memberPtr(n: usize): usize { return n + N_LEVELS + (<usize>nodeLevel(n) << 3); }

// @ts-ignore: decorator
@inline function header(l: usize): usize { return load<u32>(l, L_HEADER); }
// @ts-ignore: decorator
@inline function listLevel(l: usize): u32 { return load<u32>(l, L_LEVEL); }

// --- allocation: assembly/heap.ts (TLSF), shared with strings.wasm ---------------------------

import { alloc, release } from './heap';
export { allocated, scratch } from './heap';

// --- random levels ----------------------------------------------------------------------------

let rngState: u32 = 0x9e3779b9;

export function seed(s: u32): void {
  rngState = s ? s : 0x9e3779b9;
}

function randomLevel(): u32 {
  let level: u32 = 1;
  while (level < MAX_LEVEL) {
    let x = rngState;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rngState = x;
    if ((x >> 16) >= P_THRESHOLD) break;
    level++;
  }
  return level;
}

// --- comparisons ------------------------------------------------------------------------------

/** memcmp, then length: <0, 0, >0 as a sorts before, equal to, after b. */
function cmpBytes(a: usize, alen: usize, b: usize, blen: usize): i32 {
  const n = alen < blen ? alen : blen;
  let i: usize = 0;
  // 8 bytes at a time while equal; the first differing byte decides.
  while (i + 8 <= n && load<u64>(a + i) == load<u64>(b + i)) i += 8;
  for (; i < n; i++) {
    const x = <i32>load<u8>(a + i);
    const y = <i32>load<u8>(b + i);
    if (x != y) return x - y;
  }
  return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/** True when node n sorts before (s, member at p, len). */
// @ts-ignore: decorator
@inline function nodeBefore(n: usize, s: f64, p: usize, len: usize): bool {
  const ns = score(n);
  return ns < s || (ns == s && cmpBytes(memberPtr(n), memberLen(n), p, len) < 0);
}

// @ts-ignore: decorator
@inline function nodeIs(n: usize, s: f64, p: usize, len: usize): bool {
  return score(n) == s && cmpBytes(memberPtr(n), memberLen(n), p, len) == 0;
}

// --- allocation -------------------------------------------------------------------------------

function allocNode(level: u32, s: f64, src: usize, len: usize): usize {
  const n = alloc(N_LEVELS + (<usize>level << 3) + len);
  store<f64>(n, s, N_SCORE);
  store<u32>(n, 0, N_BACKWARD);
  store<u32>(n, <u32>len, N_LEN);
  store<u32>(n, level, N_LEVEL);
  memory.fill(n + N_LEVELS, 0, <usize>level << 3);
  memory.copy(n + N_LEVELS + (<usize>level << 3), src, len);
  return n;
}

/** A new empty list: its handle. */
export function create(): usize {
  const l = alloc(LIST_BYTES);
  store<u32>(l, <u32>allocNode(MAX_LEVEL, 0, 0, 0), L_HEADER);
  store<u32>(l, 0, L_TAIL);
  store<u32>(l, 0, L_LENGTH);
  store<u32>(l, 1, L_LEVEL);
  return l;
}

/** Frees a list and every element of it. */
export function destroy(l: usize): void {
  let x = header(l);
  while (x) {
    const next = forward(x, 0);
    release(x);
    x = next;
  }
  release(l);
}

export function length(l: usize): u32 {
  return load<u32>(l, L_LENGTH);
}

// --- insert, delete ---------------------------------------------------------------------------

// The rightmost node before the target on each level, and its rank (static: one call at a time).
const UPDATE: usize = memory.data(<i32>(MAX_LEVEL * 4), 4);
const RANKS: usize = memory.data(<i32>(MAX_LEVEL * 4), 4);

// @ts-ignore: decorator
@inline function update(i: u32): usize { return load<u32>(UPDATE + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setUpdate(i: u32, n: usize): void { store<u32>(UPDATE + (<usize>i << 2), <u32>n); }
// @ts-ignore: decorator
@inline function rankAt(i: u32): u32 { return load<u32>(RANKS + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setRankAt(i: u32, r: u32): void { store<u32>(RANKS + (<usize>i << 2), r); }

/** Links node n (its level, score and member set) at its place (zslInsert). */
function linkNode(l: usize, n: usize): void {
  const s = score(n);
  const p = memberPtr(n);
  const len = memberLen(n);
  const h = header(l);
  let top = listLevel(l);
  let x = h;
  let rank: u32 = 0;
  for (let i = <i32>top - 1; i >= 0; i--) {
    let next = forward(x, i);
    while (next && nodeBefore(next, s, p, len)) {
      rank += span(x, i);
      x = next;
      next = forward(x, i);
    }
    setUpdate(i, x);
    setRankAt(i, rank);
  }
  const level = nodeLevel(n);
  const count = load<u32>(l, L_LENGTH);
  if (level > top) {
    for (let i = top; i < level; i++) {
      setRankAt(i, 0);
      setUpdate(i, h);
      setSpan(h, i, count);
    }
    top = level;
    store<u32>(l, top, L_LEVEL);
  }
  const rank0 = rankAt(0);
  for (let i: u32 = 0; i < level; i++) {
    const prev = update(i);
    const covered = rank0 - rankAt(i);
    setForward(n, i, forward(prev, i));
    setForward(prev, i, n);
    setSpan(n, i, span(prev, i) - covered);
    setSpan(prev, i, covered + 1);
  }
  for (let i = level; i < top; i++) {
    const prev = update(i);
    setSpan(prev, i, span(prev, i) + 1);
  }
  const back = update(0);
  store<u32>(n, back == h ? 0 : <u32>back, N_BACKWARD);
  const next = forward(n, 0);
  if (next) store<u32>(next, <u32>n, N_BACKWARD);
  else store<u32>(l, <u32>n, L_TAIL);
  store<u32>(l, count + 1, L_LENGTH);
}

/** Adds (s, member at scratch p, len); the element must not be present. Returns its node
 * (JS keeps a member index of nodes; a node never moves until it is removed). */
export function insert(l: usize, s: f64, p: usize, len: usize): usize {
  const n = allocNode(randomLevel(), s, p, len);
  linkNode(l, n);
  return n;
}

/** Fills UPDATE for (s, member); returns the node there if it is that element, else 0. */
function find(l: usize, s: f64, p: usize, len: usize): usize {
  let x = header(l);
  for (let i = <i32>listLevel(l) - 1; i >= 0; i--) {
    let next = forward(x, i);
    while (next && nodeBefore(next, s, p, len)) {
      x = next;
      next = forward(x, i);
    }
    setUpdate(i, x);
  }
  const found = forward(x, 0);
  return found && nodeIs(found, s, p, len) ? found : 0;
}

/** Unlinks x, whose predecessors are in UPDATE (zslDeleteNode); does not free it. */
function unlink(l: usize, x: usize): void {
  const top = listLevel(l);
  for (let i: u32 = 0; i < top; i++) {
    const prev = update(i);
    if (forward(prev, i) == x) {
      setSpan(prev, i, span(prev, i) + span(x, i) - 1);
      setForward(prev, i, forward(x, i));
    } else {
      setSpan(prev, i, span(prev, i) - 1);
    }
  }
  const next = forward(x, 0);
  if (next) store<u32>(next, <u32>backward(x), N_BACKWARD);
  else store<u32>(l, <u32>backward(x), L_TAIL);
  const h = header(l);
  let level = top;
  while (level > 1 && forward(h, level - 1) == 0) level--;
  store<u32>(l, level, L_LEVEL);
  store<u32>(l, load<u32>(l, L_LENGTH) - 1, L_LENGTH);
}

/** Removes the element (s, member): the address its node had, 0 if it was not there. */
export function remove(l: usize, s: f64, p: usize, len: usize): usize {
  const x = find(l, s, p, len);
  if (!x) return 0;
  unlink(l, x);
  release(x);
  return x;
}

/** Moves element (oldScore, member) to newScore, reusing its node; 0 when it is missing. */
export function updateScore(l: usize, oldScore: f64, newScore: f64, p: usize, len: usize): i32 {
  const x = find(l, oldScore, p, len);
  if (!x) return 0;
  const prev = backward(x);
  const next = forward(x, 0);
  // Still between its neighbours: only the score changes (as zslUpdateScore).
  if ((!prev || nodeBefore(prev, newScore, p, len)) && (!next || !nodeBefore(next, newScore, p, len))) {
    store<f64>(x, newScore, N_SCORE);
    return 1;
  }
  unlink(l, x);
  store<f64>(x, newScore, N_SCORE);
  linkNode(l, x);
  return 1;
}

// --- ranks ------------------------------------------------------------------------------------

/** The 0-based rank of element (s, member), -1 when it is missing (zslGetRank). */
export function rank(l: usize, s: f64, p: usize, len: usize): i32 {
  const h = header(l);
  let x = h;
  let r: u32 = 0;
  for (let i = <i32>listLevel(l) - 1; i >= 0; i--) {
    let next = forward(x, i);
    while (next) {
      const ns = score(next);
      if (ns > s) break;
      if (ns == s && cmpBytes(memberPtr(next), memberLen(next), p, len) > 0) break;
      r += span(x, i);
      x = next;
      next = forward(x, i);
    }
    if (x != h && nodeIs(x, s, p, len)) return <i32>r - 1;
  }
  return -1;
}

/** Descends to the node just before 0-based rank r (r < length), leaving each level's last
 * node before it in UPDATE (zslGetElementByRank, zslDeleteRangeByRank). */
function beforeRank(l: usize, r: u32): usize {
  let x = header(l);
  let traversed: u32 = 0;
  for (let i = <i32>listLevel(l) - 1; i >= 0; i--) {
    let next = forward(x, i);
    while (next && traversed + span(x, i) <= r) {
      traversed += span(x, i);
      x = next;
      next = forward(x, i);
    }
    setUpdate(i, x);
  }
  return x;
}

/** The node at 0-based rank r, 0 when out of range. */
export function nodeAt(l: usize, r: u32): usize {
  return r < length(l) ? forward(beforeRank(l, r), 0) : 0;
}

// --- range ends: descend while a bound predicate holds, counting the rank on the way ----------

const MODE_SCORE_BELOW_MIN = 0;
const MODE_SCORE_LTE_MAX = 1;
const MODE_LEX_BELOW_MIN = 2;
const MODE_LEX_LTE_MAX = 3;

// The range of the current query (one call at a time).
let qMin: f64 = 0;
let qMax: f64 = 0;
let qMinEx = false;
let qMaxEx = false;
let qMinPtr: usize = 0;
let qMinLen: usize = 0;
let qMinInf: i32 = 0;
let qMaxPtr: usize = 0;
let qMaxLen: usize = 0;
let qMaxInf: i32 = 0;

// @ts-ignore: decorator
@inline function scoreGteMin(s: f64): bool { return qMinEx ? s > qMin : s >= qMin; }
// @ts-ignore: decorator
@inline function scoreLteMax(s: f64): bool { return qMaxEx ? s < qMax : s <= qMax; }

function lexGteMin(n: usize): bool {
  if (qMinInf != 0) return qMinInf < 0;
  const c = cmpBytes(memberPtr(n), memberLen(n), qMinPtr, qMinLen);
  return qMinEx ? c > 0 : c >= 0;
}

function lexLteMax(n: usize): bool {
  if (qMaxInf != 0) return qMaxInf > 0;
  const c = cmpBytes(memberPtr(n), memberLen(n), qMaxPtr, qMaxLen);
  return qMaxEx ? c < 0 : c <= 0;
}

// @ts-ignore: decorator
@inline function advances(mode: i32, n: usize): bool {
  if (mode == MODE_SCORE_BELOW_MIN) return !scoreGteMin(score(n));
  if (mode == MODE_SCORE_LTE_MAX) return scoreLteMax(score(n));
  if (mode == MODE_LEX_BELOW_MIN) return !lexGteMin(n);
  return lexLteMax(n);
}

let descended: u32 = 0;

/** From the header down, steps forward while `mode` holds for the next node; the last node
 * stepped on (or the header), its 1-based rank left in `descended`. */
function descend(l: usize, mode: i32): usize {
  let x = header(l);
  let traversed: u32 = 0;
  for (let i = <i32>listLevel(l) - 1; i >= 0; i--) {
    let next = forward(x, i);
    while (next && advances(mode, next)) {
      traversed += span(x, i);
      x = next;
      next = forward(x, i);
    }
  }
  descended = traversed;
  return x;
}

function setScoreRange(min: f64, max: f64, minEx: i32, maxEx: i32): void {
  qMin = min;
  qMax = max;
  qMinEx = minEx != 0;
  qMaxEx = maxEx != 0;
}

/** Rank of the first element with a score in the range, -1 when none is (zslFirstInRange). */
export function firstInScoreRange(l: usize, min: f64, max: f64, minEx: i32, maxEx: i32): i32 {
  setScoreRange(min, max, minEx, maxEx);
  const x = forward(descend(l, MODE_SCORE_BELOW_MIN), 0);
  return x && scoreLteMax(score(x)) ? <i32>descended : -1;
}

/** Rank of the last element with a score in the range, -1 when none is (zslLastInRange). */
export function lastInScoreRange(l: usize, min: f64, max: f64, minEx: i32, maxEx: i32): i32 {
  setScoreRange(min, max, minEx, maxEx);
  const x = descend(l, MODE_SCORE_LTE_MAX);
  return x != header(l) && scoreGteMin(score(x)) ? <i32>descended - 1 : -1;
}

/** Lex bounds: inf -1 ('-'), 1 ('+') or 0 with the bytes at ptr (min first, then max, in scratch). */
function setLexRange(minPtr: usize, minLen: usize, minInf: i32, minEx: i32, maxPtr: usize, maxLen: usize, maxInf: i32, maxEx: i32): void {
  qMinPtr = minPtr;
  qMinLen = minLen;
  qMinInf = minInf;
  qMinEx = minEx != 0;
  qMaxPtr = maxPtr;
  qMaxLen = maxLen;
  qMaxInf = maxInf;
  qMaxEx = maxEx != 0;
}

export function firstInLexRange(
  l: usize, minPtr: usize, minLen: usize, minInf: i32, minEx: i32, maxPtr: usize, maxLen: usize, maxInf: i32, maxEx: i32,
): i32 {
  setLexRange(minPtr, minLen, minInf, minEx, maxPtr, maxLen, maxInf, maxEx);
  const x = forward(descend(l, MODE_LEX_BELOW_MIN), 0);
  return x && lexLteMax(x) ? <i32>descended : -1;
}

export function lastInLexRange(
  l: usize, minPtr: usize, minLen: usize, minInf: i32, minEx: i32, maxPtr: usize, maxLen: usize, maxInf: i32, maxEx: i32,
): i32 {
  setLexRange(minPtr, minLen, minInf, minEx, maxPtr, maxLen, maxInf, maxEx);
  const x = descend(l, MODE_LEX_LTE_MAX);
  return x != header(l) && lexGteMin(x) ? <i32>descended - 1 : -1;
}

// --- bulk -------------------------------------------------------------------------------------

/** Removes and frees ranks start..end (0-based, inclusive); returns how many went
 * (zslDeleteRangeByRank). JS reads the members before calling. */
export function removeRange(l: usize, start: u32, end: u32): u32 {
  if (start >= length(l)) return 0;
  let node = forward(beforeRank(l, start), 0);
  let removed: u32 = 0;
  for (let r = start; node && r <= end; r++) {
    const next = forward(node, 0);
    unlink(l, node);
    release(node);
    removed++;
    node = next;
  }
  return removed;
}

/** A deep copy of list l, built in order in O(n) with fresh random levels. */
export function clone(l: usize): usize {
  const c = create();
  const h = header(c);
  for (let i: u32 = 0; i < MAX_LEVEL; i++) {
    setUpdate(i, h);
    setRankAt(i, 0);
  }
  let top: u32 = 1;
  let r: u32 = 0;
  let prev: usize = 0;
  for (let src = forward(header(l), 0); src; src = forward(src, 0)) {
    r++;
    const level = randomLevel();
    if (level > top) top = level;
    const n = allocNode(level, score(src), memberPtr(src), memberLen(src));
    for (let i: u32 = 0; i < level; i++) {
      const last = update(i);
      setForward(last, i, n);
      setSpan(last, i, r - rankAt(i));
      setUpdate(i, n);
      setRankAt(i, r);
    }
    store<u32>(n, <u32>prev, N_BACKWARD);
    prev = n;
  }
  for (let i: u32 = 0; i < top; i++) setSpan(update(i), i, r - rankAt(i));
  store<u32>(c, <u32>prev, L_TAIL);
  store<u32>(c, r, L_LENGTH);
  store<u32>(c, top, L_LEVEL);
  return c;
}
