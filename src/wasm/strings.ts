// strings.wasm (assembly/strings.ts): the linear memory where string values edited in place
// (bitmaps, HyperLogLogs) keep their bytes, and the operations over them. One instance serves
// every such string; each is a block of that memory (see types/byte-string.ts). The families
// that add operations to the module declare their exports and reach them through exportsAs().
import { decodeEmbedded } from './embedded.ts';
import { WASM_BASE64, WASM_BYTE_LENGTH } from './generated/strings.wasm.ts';
import { HeapModule, type HeapExports } from './heap-module.ts';

/** The allocation exports every family relies on. Pointers are u32. */
export interface StringsWasmExports extends HeapExports {
  allocString(capacity: number): number;
  resizeString(ptr: number, used: number, capacity: number): number;
  freeString(ptr: number): void;
  copyString(ptr: number, len: number, capacity: number): number;
}

/** One instance of strings.wasm: its exports, a byte view of its memory, its scratch buffer. */
export class StringsWasm extends HeapModule<StringsWasmExports> {
  /** Frees the blocks of strings collected without free() (a temporary value dropped early). */
  readonly finalizer: FinalizationRegistry<number>;

  constructor(module: WebAssembly.Module) {
    super(module);
    this.finalizer = new FinalizationRegistry((ptr) => this.x.freeString(ptr));
  }

  /** The exports as a family declares them (its operations plus the allocation ones). */
  exportsAs<T>(): T & StringsWasmExports {
    return this.x as T & StringsWasmExports;
  }

  /** The byte view, renewed if memory grew. */
  view(): Uint8Array {
    this.sync();
    return this.u8;
  }
}

export function compileStringsWasm(bytes: Uint8Array | ArrayBuffer = decodeEmbedded('strings', WASM_BASE64, WASM_BYTE_LENGTH)): WebAssembly.Module {
  return new WebAssembly.Module(bytes as BufferSource);
}

let shared: StringsWasm | undefined;

/** The instance every in-place string shares (created from the embedded module on first use). */
export function stringsWasm(): StringsWasm {
  return (shared ??= new StringsWasm(compileStringsWasm()));
}
