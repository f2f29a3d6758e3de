// The sorted set's ordered index on skiplist.wasm (assembly/skiplist.ts): every list of every
// sorted set lives in one shared instance, each held here as a handle (a pointer). Scores and
// member bytes stay in linear memory; calls cross the boundary as numbers: a member goes in
// through the module's scratch buffer (its bytes written straight into a view of memory), and
// range() reads members back from the nodes it visits, walking the level-0 links itself.
//
// Memory is freed when an element or a whole list goes (free(), which the database calls when a
// key is deleted or overwritten); a FinalizationRegistry frees lists dropped without free().
import { type Bin, bytesToBin } from '../bytes.ts';
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
  insert(list: number, score: number, ptr: number, len: number): void;
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

export class WasmSkiplist implements ZOrderedIndex {
  constructor(private readonly m: SkiplistWasm, private handle: number) {
    m.finalizer.register(this, handle, this);
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
    this.m.x.insert(this.list, score, this.m.put(member), member.length);
  }

  remove(member: Bin, score: number): boolean {
    return this.m.x.remove(this.list, score, this.m.put(member), member.length) === 1;
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
    // Members are read before the nodes go.
    const members: Bin[] = [];
    let n = m.x.nodeAt(this.list, start);
    m.sync();
    for (let k = start; k <= last && n !== 0; k++) {
      members.push(m.member(n));
      n = m.u32[(n >>> 2) + W_FORWARD0];
    }
    const removed = m.x.removeRange(this.list, start, last);
    for (const member of members) visit(member);
    return removed;
  }

  clone(): ZOrderedIndex {
    return new WasmSkiplist(this.m, this.m.x.clone(this.list));
  }

  free(): void {
    if (this.handle === 0) return;
    this.m.finalizer.unregister(this);
    this.m.x.destroy(this.handle);
    this.handle = 0;
  }
}

/** A new, empty WASM-backed ordered index in the shared instance. */
export function createWasmSkiplist(m: SkiplistWasm = skiplistWasm()): ZOrderedIndex {
  return new WasmSkiplist(m, m.x.create());
}
