// Byte strings.
//
// Redis keys and values are arbitrary bytes. Inside the engine a byte string is a JS string whose
// every char code is one byte (0..255), a "binary string". V8 stores such strings one byte per
// char, they hash and compare natively and make cheap Map keys, which is why the engine prefers
// them over a Uint8Array per value (an ArrayBuffer costs ~100 bytes of overhead each).
// Conversions happen only at the edges: the RESP parser/writer and the in-process API.

/** A JS string whose char codes are all 0..255: one char per byte. */
export type Bin = string;

/**
 * The longest string V8 can hold (2^29 - 24 chars), so the longest value: 24 bytes short of
 * the default proto-max-bulk-len (512 MB). Commands refuse longer results as Redis refuses
 * those over proto-max-bulk-len.
 */
export const MAX_BIN_LENGTH = 536_870_888;

/**
 * How a host turns bytes into binary strings and back. The default is plain JS; the Node
 * binding swaps in Buffer's native latin1 codec, which is several times faster on long values.
 */
export interface ByteCodec {
  /** bytes[start, end) as a binary string. */
  decode(bytes: Uint8Array, start: number, end: number): Bin;
  /** Writes the binary string into dest at offset; returns the number of bytes written. */
  encodeInto(s: Bin, dest: Uint8Array, offset: number): number;
}

const CHUNK = 8192;

export const jsCodec: ByteCodec = {
  decode(bytes, start, end) {
    const len = end - start;
    if (len <= 0) return '';
    if (len <= 16) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
      return s;
    }
    if (len <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
    const parts: string[] = [];
    for (let i = start; i < end; i += CHUNK) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]));
    }
    return parts.join('');
  },
  encodeInto(s, dest, offset) {
    const n = s.length;
    for (let i = 0; i < n; i++) dest[offset + i] = s.charCodeAt(i);
    return n;
  },
};

let codec: ByteCodec = jsCodec;

/** Installs a faster host codec (done once by a binding at load). */
export function setByteCodec(c: ByteCodec): void {
  codec = c;
}

export function bytesToBin(bytes: Uint8Array, start = 0, end = bytes.length): Bin {
  return codec.decode(bytes, start, end);
}

export function binToBytes(s: Bin): Uint8Array {
  const out = new Uint8Array(s.length);
  codec.encodeInto(s, out, 0);
  return out;
}

export function encodeBinInto(s: Bin, dest: Uint8Array, offset: number): number {
  return codec.encodeInto(s, dest, offset);
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** A JS (UTF-16) string as the binary string of its UTF-8 bytes. */
export function utf8ToBin(s: string): Bin {
  // ASCII fast path: the binary string is the string itself.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s : bytesToBin(utf8Encoder.encode(s));
}

/** A binary string read as UTF-8 text (invalid sequences become U+FFFD, as TextDecoder does). */
export function binToUtf8(s: Bin): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return utf8Decoder.decode(binToBytes(s));
  }
  return s;
}
