// Byte inputs of the TS twins: a Uint8Array, or a binary string copied into a reusable scratch
// array first (the same one-copy design as the WASM side's scratch area).
import type { Bin } from '../../bytes.ts';
import { encodeBinInto } from '../../bytes.ts';

export type ByteInput = Uint8Array | Bin;

const MIN_SCRATCH = 4096;
let scratch = new Uint8Array(MIN_SCRATCH);

/** The bytes of `data`: itself if already bytes, else a scratch copy valid until the next call. */
export function inputBytes(data: ByteInput): Uint8Array {
  if (typeof data !== 'string') return data;
  const n = data.length;
  if (n > scratch.length) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  if (n <= 32) {
    for (let i = 0; i < n; i++) scratch[i] = data.charCodeAt(i);
  } else {
    encodeBinInto(data, scratch, 0);
  }
  return scratch;
}
