// What the modules built on assembly/heap.ts (skiplist.wasm, strings.wasm) share on the JS side:
// the instance, views of its memory renewed after growth, the allocation count and the scratch
// buffer where a call's input bytes are written.
import type { Bin } from '../bytes.ts';
import { writeBin } from './module.ts';

/** The exports assembly/heap.ts gives every such module. */
export interface HeapExports {
  memory: WebAssembly.Memory;
  allocated(): number;
  scratch(bytes: number): number;
}

export class HeapModule<X extends HeapExports> {
  readonly x: X;
  u8!: Uint8Array;
  private scratchPtr = 0;
  private scratchCap = 0;

  constructor(module: WebAssembly.Module) {
    this.x = new WebAssembly.Instance(module, {}).exports as unknown as X;
    this.refresh();
  }

  /** Makes the views over the current buffer (subclasses add their typed views). */
  protected refresh(): void {
    this.u8 = new Uint8Array(this.x.memory.buffer);
  }

  /** Renews the views after the memory grew (growing detaches the old buffer: length 0). */
  sync(): void {
    if (this.u8.byteLength === 0) this.refresh();
  }

  /** Bytes of linear memory the instance holds (it never shrinks). */
  memoryBytes(): number {
    return this.x.memory.buffer.byteLength;
  }

  /** Bytes in allocated blocks, allocator headers included. */
  allocatedBytes(): number {
    return this.x.allocated();
  }

  /** The scratch buffer with room for `bytes`, views in sync. */
  scratch(bytes: number): number {
    if (bytes > this.scratchCap) {
      this.scratchPtr = this.x.scratch(bytes);
      this.scratchCap = bytes;
    }
    this.sync();
    return this.scratchPtr;
  }

  /** Writes a binary string into the scratch buffer; returns its address. */
  put(s: Bin): number {
    const ptr = this.scratch(s.length);
    writeBin(s, this.u8, ptr);
    return ptr;
  }
}
