// The cinnabar.wasm bytes every host gets by importing the engine: build/wasm.mjs embeds the
// module as base64 in generated/cinnabar.wasm.ts (not committed; run `node build/wasm.mjs`).
// Embedding, rather than fetching or reading a file, is what lets the engine instantiate
// synchronously on first use in Node, in a browser bundle and in Deno alike.
import { WASM_BASE64, WASM_BYTE_LENGTH } from './generated/cinnabar.wasm.ts';
import { decodeBase64 } from './base64.ts';

export function embeddedWasmBytes(): Uint8Array {
  const bytes = decodeBase64(WASM_BASE64);
  if (bytes.length !== WASM_BYTE_LENGTH) throw new Error('embedded cinnabar.wasm is corrupt; rerun node build/wasm.mjs');
  return bytes;
}
