// The .wasm bytes every host gets by importing the engine: build/wasm.mjs embeds each module as
// base64 in generated/<name>.wasm.ts (not committed; run `node build/wasm.mjs`). Embedding,
// rather than fetching or reading a file, is what lets the engine instantiate synchronously on
// first use in Node, in a browser bundle and in Deno alike.
import { WASM_BASE64, WASM_BYTE_LENGTH } from './generated/cinnabar.wasm.ts';
import { decodeBase64 } from './base64.ts';

/** A module's embedded bytes, checked against the length the build recorded. */
export function decodeEmbedded(name: string, base64: string, byteLength: number): Uint8Array {
  const bytes = decodeBase64(base64);
  if (bytes.length !== byteLength) throw new Error(`embedded ${name}.wasm is corrupt; rerun node build/wasm.mjs`);
  return bytes;
}

export function embeddedWasmBytes(): Uint8Array {
  return decodeEmbedded('cinnabar', WASM_BASE64, WASM_BYTE_LENGTH);
}
