// The sorted set's ordered index on skiplist.wasm (assembly/skiplist.ts): every list of every
// sorted set lives in one shared instance, each held here as a handle (a pointer). Scores and
// member bytes stay in linear memory; calls cross the boundary as numbers: a member goes in
// through the module's scratch buffer (its bytes written straight into a view of memory), and
// range() reads members back from the nodes it visits, walking the level-0 links itself.
//
// Memory is freed when an element or a whole list goes (free(), which the database calls when a
// key is deleted or overwritten); a FinalizationRegistry frees lists dropped without free().
import { type Bin, bytesToBin } from '../bytes.ts';
import { hashBytes, hashKey, staysAfterHole } from '../keyspace/dict.ts';
import type { LexBound, LexRange, ScoreRange, ZOrderedIndex } from '../types/zset-index.ts';
import { decodeEmbedded } from './embedded.ts';
import { HeapModule, type HeapExports } from './heap-module.ts';
import { WASM_BASE64, WASM_BYTE_LENGTH } from './generated/skiplist.wasm.ts';
import { writeBin } from './module.ts';
import { lexRangeEmpty, scoreRangeEmpty } from './ts/skiplist.ts';

/** The exports of skiplist.wasm. Pointers are u32; ranks are 0-based, -1 for none. */
export interface SkiplistWasmExports extends HeapExports {
  seed(s: number): void;
  create(): number;
  destroy(list: number): void;
  length(list: number): number;
  insert(list: number, score: number, ptr: number, len: number): number;
  remove(list: number, score: number, ptr: number, len: number): number;
  updateScore(list: number, oldScore: number, newScore: number, ptr: number, len: number): number;
  rank(list: number, score: number, ptr: number, len: number): number;
  nodeAt(list: number, rank: number): number;
  firstInScoreRange(list: number, min: number, max: number, minEx: number, maxEx: number): number;
  lastInScoreRange(list: number, min: number, max: number, minEx: number, maxEx: number): number;
  firstInLexRange(
    list: number, minPtr: number, minLen: number, minInf: number, minEx: number,
    maxPtr: number, maxLen: number, maxInf: number, maxEx: number,
  ): number;
  lastInLexRange(
    list: number, minPtr: number, minLen: number, minInf: number, minEx: number,
    maxPtr: number, maxLen: number, maxInf: number, maxEx: number,
  ): number;
  removeRange(list: number, start: number, end: number): number;
  clone(list: number): number;
}

// Node layout (assembly/skiplist.ts), in u32 words from the node's address; the score is the
// f64 at the address itself (nodes are 16-byte aligned by the allocator).
const W_BACKWARD = 2;
const W_LEN = 3;
const W_LEVEL = 4;
const W_FORWARD0 = 5;
const N_LEVELS_BYTES = 20;
const L_LENGTH_WORD = 2;

/** One instance of skiplist.wasm: its exports, views of its memory, and its scratch buffer. */
export class SkiplistWasm extends HeapModule<SkiplistWasmExports> {
  declare u32: Uint32Array;
  declare f64: Float64Array;
  /** Frees the lists whose wrappers were collected without free(). */
  readonly finalizer: FinalizationRegistry<number>;

  constructor(module: WebAssembly.Module) {
    super(module);
    this.x.seed((Math.random() * 0x100000000) >>> 0);
    this.finalizer = new FinalizationRegistry((list) => this.x.destroy(list));
  }

  protected override refresh(): void {
    super.refresh();
    const buf = this.x.memory.buffer;
    this.u32 = new Uint32Array(buf);
    this.f64 = new Float64Array(buf);
  }

  /** The member of node n (views in sync). */
  member(n: number): Bin {
    const w = n >>> 2;
    const p = n + N_LEVELS_BYTES + this.u32[w + W_LEVEL] * 8;
    return bytesToBin(this.u8, p, p + this.u32[w + W_LEN]);
  }
}

export function compileSkiplistWasm(bytes: Uint8Array | ArrayBuffer = embeddedSkiplistBytes()): WebAssembly.Module {
  return new WebAssembly.Module(bytes as BufferSource);
}

/** The skiplist.wasm bytes embedded by build/wasm.mjs (so every host loads it synchronously). */
export function embeddedSkiplistBytes(): Uint8Array {
  return decodeEmbedded('skiplist', WASM_BASE64, WASM_BYTE_LENGTH);
}

let shared: SkiplistWasm | undefined;

/** The instance every sorted set shares (created from the embedded module on first use). */
export function skiplistWasm(): SkiplistWasm {
  return (shared ??= new SkiplistWasm(compileSkiplistWasm()));
}

function lexArgs(m: SkiplistWasm, min: LexBound, max: LexBound): [number, number, number, number, number, number, number, number] {
  const minLen = min.inf === 0 ? min.value.length : 0;
  const maxLen = max.inf === 0 ? max.value.length : 0;
  const ptr = m.scratch(minLen + maxLen);
  if (minLen > 0) writeBin(min.value, m.u8, ptr);
  if (maxLen > 0) writeBin(max.value, m.u8, ptr + minLen);
  return [ptr, minLen, min.inf, min.exclusive ? 1 : 0, ptr + minLen, maxLen, max.inf, max.exclusive ? 1 : 0];
}

const NO_ENTRIES = new Int32Array(0);
const INDEX_MIN = 16;
/** The low bits of an index entry: a tag from the member's hash (nodes are 16-byte aligned). */
const TAG_MASK = 15;

/** Puts node (member hash h) at the first free position of its probe run, tagged. */
function indexPut(t: Int32Array, mask: number, h: number, node: number): void {
  let i = h & mask;
  while (t[i] !== 0) i = (i + 1) & mask;
  t[i] = node | (h >>> 28);
}

export class WasmSkiplist implements ZOrderedIndex {
  constructor(private readonly m: SkiplistWasm, private handle: number) {
    m.finalizer.register(this, handle, this);
  }

  // The member index: member -> node, so that a member's score is one probe and one node read
  // away (the zset's dict takes three dependent loads: index, key array, key string). Open
  // addressing in an Int32Array, linear probing, backward-shift deletion, at most half full.
  // An entry is the node's address (16-byte aligned) with 4 bits of the member's hash in its
  // low bits, so that most probes that are not the member never touch its node: 4 bytes per
  // position. It lives in the JS heap, not linear memory, whose allocator doubles the whole
  // memory when it runs out. Nodes never move until they are removed.
  private entries: Int32Array = NO_ENTRIES;
  private mask = 0;

  private indexAdd(h: number, node: number): void {
    if (node & TAG_MASK) throw new Error('skiplist: a node not 16-byte aligned');
    if (this.length * 2 > this.entries.length) this.indexResize(Math.max(INDEX_MIN, this.entries.length * 2));
    indexPut(this.entries, this.mask, h, node);
  }

  /** The member's hash, read from node n (views in sync). */
  private nodeHash(n: number): number {
    const m = this.m;
    const w = n >>> 2;
    return hashBytes(m.u8, n + N_LEVELS_BYTES + m.u32[w + W_LEVEL] * 8, m.u32[w + W_LEN]);
  }

  private indexResize(positions: number): void {
    const old = this.entries;
    const t = new Int32Array(positions);
    const mask = positions - 1;
    this.m.sync();
    for (let i = 0; i < old.length; i++) {
      const node = old[i] & ~TAG_MASK;
      if (node !== 0) indexPut(t, mask, this.nodeHash(node), node);
    }
    this.entries = t;
    this.mask = mask;
  }

  /** Drops node's entry (h: its member's hash), shifting its probe run back (views in sync). */
  private indexRemove(h: number, node: number): void {
    const t = this.entries;
    const mask = this.mask;
    let hole = h & mask;
    for (let probes = 0; (t[hole] & ~TAG_MASK) !== node; probes++) {
      if (probes > mask) throw new Error('skiplist: member index lost a node');
      hole = (hole + 1) & mask;
    }
    let j = hole;
    for (;;) {
      j = (j + 1) & mask;
      const e = t[j];
      if (e === 0) break;
      if (!staysAfterHole(hole, j, this.nodeHash(e & ~TAG_MASK) & mask)) {
        t[hole] = e;
        hole = j;
      }
    }
    t[hole] = 0;
  }

  /** After removals: a smaller table once less than an eighth of it is used. */
  private indexShrink(): void {
    const positions = this.entries.length;
    if (positions > INDEX_MIN && this.length * 8 < positions) this.indexResize(positions / 4);
  }

  /** Whether node n holds exactly `member` (views in sync). */
  private holds(n: number, member: Bin): boolean {
    const m = this.m;
    const w = n >>> 2;
    const len = m.u32[w + W_LEN];
    if (len !== member.length) return false;
    const u8 = m.u8;
    const p = n + N_LEVELS_BYTES + m.u32[w + W_LEVEL] * 8;
    for (let i = 0; i < len; i++) if (u8[p + i] !== member.charCodeAt(i)) return false;
    return true;
  }

  score(member: Bin): number | undefined {
    const t = this.entries;
    if (t.length === 0) return undefined;
    const h = hashKey(member);
    const tag = h >>> 28;
    const mask = this.mask;
    this.m.sync();
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = t[i];
      if (e === 0) return undefined;
      if ((e & TAG_MASK) === tag && this.holds(e & ~TAG_MASK, member)) return this.m.f64[(e & ~TAG_MASK) >>> 3];
    }
  }

  /** The handle; a use after free() throws rather than writing through a dangling pointer. */
  private get list(): number {
    if (this.handle === 0) throw new Error('skiplist: used after free()');
    return this.handle;
  }

  get length(): number {
    if (this.handle === 0) return 0;
    this.m.sync();
    return this.m.u32[(this.list >>> 2) + L_LENGTH_WORD];
  }

  insert(member: Bin, score: number): void {
    const node = this.m.x.insert(this.list, score, this.m.put(member), member.length);
    this.indexAdd(hashKey(member), node);
  }

  remove(member: Bin, score: number): boolean {
    const node = this.m.x.remove(this.list, score, this.m.put(member), member.length);
    if (node === 0) return false;
    // The node is freed but its neighbours in the index are not: their hashes are still there.
    this.m.sync();
    this.indexRemove(hashKey(member), node);
    this.indexShrink();
    return true;
  }

  updateScore(member: Bin, oldScore: number, newScore: number): void {
    if (this.m.x.updateScore(this.list, oldScore, newScore, this.m.put(member), member.length) === 0) {
      throw new Error('skiplist: updateScore of a missing element');
    }
  }

  rank(member: Bin, score: number): number {
    return this.m.x.rank(this.list, score, this.m.put(member), member.length);
  }


  /** `visit` may change other lists (even grow memory) but not this one. */
  range(start: number, end: number, reverse: boolean, visit: (member: Bin, score: number) => void): void {
    const m = this.m;
    let n = m.x.nodeAt(this.list, reverse ? end : start);
    const link = reverse ? W_BACKWARD : W_FORWARD0;
    m.sync();
    for (let left = end - start + 1; left > 0 && n !== 0; left--) {
      const member = m.member(n);
      const score = m.f64[n >>> 3];
      n = m.u32[(n >>> 2) + link];
      visit(member, score);
      // The visitor may have grown memory (say, by inserting into another sorted set).
      m.sync();
    }
  }

  firstInScoreRange(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    return this.m.x.firstInScoreRange(this.list, r.min, r.max, r.minExclusive ? 1 : 0, r.maxExclusive ? 1 : 0);
  }

  lastInScoreRange(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    return this.m.x.lastInScoreRange(this.list, r.min, r.max, r.minExclusive ? 1 : 0, r.maxExclusive ? 1 : 0);
  }

  firstInLexRange(r: LexRange): number {
    if (lexRangeEmpty(r)) return -1;
    return this.m.x.firstInLexRange(this.list, ...lexArgs(this.m, r.min, r.max));
  }

  lastInLexRange(r: LexRange): number {
    if (lexRangeEmpty(r)) return -1;
    return this.m.x.lastInLexRange(this.list, ...lexArgs(this.m, r.min, r.max));
  }

  removeRange(start: number, end: number, visit: (member: Bin) => void): number {
    const last = Math.min(end, this.length - 1);
    if (start > last) return 0;
    const m = this.m;
    // Members (and nodes, for the member index) are read before the nodes go.
    const members: Bin[] = [];
    const nodes: number[] = [];
    let n = m.x.nodeAt(this.list, start);
    m.sync();
    for (let k = start; k <= last && n !== 0; k++) {
      members.push(m.member(n));
      nodes.push(n);
      n = m.u32[(n >>> 2) + W_FORWARD0];
    }
    // Out of the index first: its shifts read the hashes of nodes that must still be there.
    for (let k = 0; k < members.length; k++) this.indexRemove(hashKey(members[k]), nodes[k]);
    const removed = m.x.removeRange(this.list, start, last);
    this.indexShrink();
    for (const member of members) visit(member);
    return removed;
  }

  clone(): ZOrderedIndex {
    const m = this.m;
    const copy = new WasmSkiplist(m, m.x.clone(this.list));
    // Its own member index, over its own nodes.
    const count = copy.length;
    let positions = INDEX_MIN;
    while (count * 2 > positions) positions *= 2;
    if (count > 0) copy.indexResize(positions);
    let n = m.x.nodeAt(copy.list, 0);
    m.sync();
    for (; n !== 0; n = m.u32[(n >>> 2) + W_FORWARD0]) indexPut(copy.entries, copy.mask, copy.nodeHash(n), n);
    return copy;
  }

  free(): void {
    if (this.handle === 0) return;
    this.m.finalizer.unregister(this);
    this.m.x.destroy(this.handle);
    this.handle = 0;
    this.entries = NO_ENTRIES;
  }
}

/** A new, empty WASM-backed ordered index in the shared instance. */
export function createWasmSkiplist(m: SkiplistWasm = skiplistWasm()): ZOrderedIndex {
  return new WasmSkiplist(m, m.x.create());
}
