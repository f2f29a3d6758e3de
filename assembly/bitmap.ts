// Bitmap operations over strings.wasm's byte blocks: BITCOUNT's population count, BITPOS's
// first set/clear bit, BITOP over any number of sources into a destination block, and the
// BITFIELD integers of up to 64 bits at any bit offset. Bit 0 is the most significant bit of
// the first byte (SETBIT's numbering). Counts and positions leave as f64: they exceed u32 for
// 512 MB strings and stay exact below 2^53, and JS reads an f64 without the cost of a BigInt.
// The TypeScript twin of each function is src/wasm/ts/bitmap.ts.

/** BITOP operations, as src/wasm/bitmap.ts numbers them. */
const OP_AND: u32 = 0;
const OP_OR: u32 = 1;
const OP_XOR: u32 = 2;
const OP_NOT: u32 = 3;

/** Bytes per source descriptor in bitmapOp's argument array: the block's address and length (u32 each). */
const SOURCE_BYTES: usize = 8;

/** The number of bits set in the `len` bytes at `ptr`. */
export function bitmapCount(ptr: usize, len: usize): f64 {
  let p = ptr;
  const end = ptr + len;
  let bits: u64 = 0;
  // Bytes up to the first 8-byte boundary, then four independent word counters (no dependency
  // chain between the popcnts), then the words and bytes left.
  while ((p & 7) != 0 && p < end) {
    bits += popcnt<u32>(load<u8>(p));
    p++;
  }
  let c0: u64 = 0, c1: u64 = 0, c2: u64 = 0, c3: u64 = 0;
  while (p + 32 <= end) {
    c0 += popcnt<u64>(load<u64>(p));
    c1 += popcnt<u64>(load<u64>(p, 8));
    c2 += popcnt<u64>(load<u64>(p, 16));
    c3 += popcnt<u64>(load<u64>(p, 24));
    p += 32;
  }
  bits += c0 + c1 + c2 + c3;
  while (p + 8 <= end) {
    bits += popcnt<u64>(load<u64>(p));
    p += 8;
  }
  while (p < end) {
    bits += popcnt<u32>(load<u8>(p));
    p++;
  }
  return <f64>bits;
}

/**
 * The position of the first bit equal to `bit` in the `len` bytes at `ptr`. Not found: -1 when
 * looking for a 1; len * 8 when looking for a 0 (the string reads as zero-padded on the right).
 */
export function bitmapPos(ptr: usize, len: usize, bit: u32): f64 {
  const skipByte: u32 = bit ? 0 : 0xff;
  const skipWord: u64 = bit ? 0 : <u64>-1;
  let p = ptr;
  const end = ptr + len;
  while ((p & 7) != 0 && p < end && <u32>load<u8>(p) == skipByte) p++;
  if ((p & 7) == 0) {
    while (p + 8 <= end && load<u64>(p) == skipWord) p += 8;
  }
  while (p < end && <u32>load<u8>(p) == skipByte) p++;
  if (p == end) return bit ? -1 : <f64>(len << 3);
  const byte: u32 = load<u8>(p);
  const lead = bit ? clz<u32>(byte) - 24 : clz<u32>(~byte & 0xff) - 24;
  return <f64>(((p - ptr) << 3) + lead);
}

/** dst[0, n) = a op b for AND, OR or XOR: four u64 words a step, then the bytes left. */
function combine(op: u32, dst: usize, a: usize, b: usize, n: usize): void {
  const words = n & ~(<usize>31);
  if (op == OP_AND) {
    for (let k: usize = 0; k < words; k += 32) {
      store<u64>(dst + k, load<u64>(a + k) & load<u64>(b + k));
      store<u64>(dst + k, load<u64>(a + k, 8) & load<u64>(b + k, 8), 8);
      store<u64>(dst + k, load<u64>(a + k, 16) & load<u64>(b + k, 16), 16);
      store<u64>(dst + k, load<u64>(a + k, 24) & load<u64>(b + k, 24), 24);
    }
    for (let k = words; k < n; k++) store<u8>(dst + k, load<u8>(a + k) & load<u8>(b + k));
  } else if (op == OP_OR) {
    for (let k: usize = 0; k < words; k += 32) {
      store<u64>(dst + k, load<u64>(a + k) | load<u64>(b + k));
      store<u64>(dst + k, load<u64>(a + k, 8) | load<u64>(b + k, 8), 8);
      store<u64>(dst + k, load<u64>(a + k, 16) | load<u64>(b + k, 16), 16);
      store<u64>(dst + k, load<u64>(a + k, 24) | load<u64>(b + k, 24), 24);
    }
    for (let k = words; k < n; k++) store<u8>(dst + k, load<u8>(a + k) | load<u8>(b + k));
  } else {
    for (let k: usize = 0; k < words; k += 32) {
      store<u64>(dst + k, load<u64>(a + k) ^ load<u64>(b + k));
      store<u64>(dst + k, load<u64>(a + k, 8) ^ load<u64>(b + k, 8), 8);
      store<u64>(dst + k, load<u64>(a + k, 16) ^ load<u64>(b + k, 16), 16);
      store<u64>(dst + k, load<u64>(a + k, 24) ^ load<u64>(b + k, 24), 24);
    }
    for (let k = words; k < n; k++) store<u8>(dst + k, load<u8>(a + k) ^ load<u8>(b + k));
  }
}

/**
 * BITOP: `dst` (dstLen bytes, the longest source's length) = op over the `count` sources
 * described at `sources` (address, length as u32 pairs); a source shorter than dstLen reads as
 * zero-padded. NOT takes one source. `dst` may not overlap a source.
 *
 * Zero padding decides the tails without reading them: AND is 0 past the shortest source, NOT
 * 0xff past its source, and OR/XOR leave a byte as it is where a source has ended. So every
 * pass is a tight word loop over bytes that exist (one loop per operation, the choice made
 * outside it); memory bandwidth bounds them, which is also why v128 lanes gain nothing here
 * (measured: the same GB/s as i64 words).
 */
export function bitmapOp(op: u32, dst: usize, dstLen: usize, sources: usize, count: u32): void {
  const first = <usize>load<u32>(sources);
  const firstLen = <usize>load<u32>(sources, 4);
  if (op == OP_NOT) {
    const words = firstLen & ~(<usize>31);
    for (let k: usize = 0; k < words; k += 32) {
      store<u64>(dst + k, ~load<u64>(first + k));
      store<u64>(dst + k, ~load<u64>(first + k, 8), 8);
      store<u64>(dst + k, ~load<u64>(first + k, 16), 16);
      store<u64>(dst + k, ~load<u64>(first + k, 24), 24);
    }
    for (let k = words; k < firstLen; k++) store<u8>(dst + k, ~load<u8>(first + k));
    memory.fill(dst + firstLen, 0xff, dstLen - firstLen);
    return;
  }
  if (count == 1) {
    memory.copy(dst, first, firstLen);
    memory.fill(dst + firstLen, 0, dstLen - firstLen);
    return;
  }
  const second = <usize>load<u32>(sources + SOURCE_BYTES);
  const secondLen = <usize>load<u32>(sources + SOURCE_BYTES, 4);
  if (op == OP_AND) {
    let minLen = firstLen < secondLen ? firstLen : secondLen;
    for (let i: u32 = 2; i < count; i++) {
      const len = <usize>load<u32>(sources + i * SOURCE_BYTES, 4);
      if (len < minLen) minLen = len;
    }
    combine(op, dst, first, second, minLen);
    for (let i: u32 = 2; i < count; i++) combine(op, dst, dst, <usize>load<u32>(sources + i * SOURCE_BYTES), minLen);
    memory.fill(dst + minLen, 0, dstLen - minLen);
    return;
  }
  // OR, XOR: the first two sources where both exist, the longer one's bytes past that, zeros
  // to the end; then each further source over its own length.
  const both = firstLen < secondLen ? firstLen : secondLen;
  combine(op, dst, first, second, both);
  if (firstLen > both) memory.copy(dst + both, first + both, firstLen - both);
  else memory.copy(dst + both, second + both, secondLen - both);
  const reached = firstLen > secondLen ? firstLen : secondLen;
  memory.fill(dst + reached, 0, dstLen - reached);
  for (let i: u32 = 2; i < count; i++) {
    const d = sources + i * SOURCE_BYTES;
    combine(op, dst, dst, <usize>load<u32>(d), <usize>load<u32>(d, 4));
  }
}

/**
 * The `bits`-wide (1..64) unsigned integer at bit `offset` of the `len` bytes at `ptr`, bits
 * past the end reading as zero. Big-endian across bytes, as BITFIELD's layout.
 */
export function bitmapGetField(ptr: usize, len: usize, offset: f64, bits: u32): u64 {
  const off = <u64>offset;
  const first = <usize>(off >> 3);
  const shift = <u32>(off & 7);
  // The 9 bytes that can hold the field, high byte first: 8 in `hi`, the 9th in `lo`.
  let hi: u64 = 0;
  for (let i: usize = 0; i < 8; i++) {
    hi <<= 8;
    if (first + i < len) hi |= <u64>load<u8>(ptr + first + i);
  }
  const lo: u64 = first + 8 < len ? <u64>load<u8>(ptr + first + 8) : 0;
  // The field's bits start `shift` bits into `hi`.
  let v = shift == 0 ? hi : (hi << shift) | (lo >> (8 - shift));
  return bits == 64 ? v : v >> (64 - bits);
}

/** Writes the low `bits` of `value` at bit `offset` (the block is long enough). */
export function bitmapSetField(ptr: usize, offset: f64, bits: u32, value: u64): void {
  const off = <u64>offset;
  let p = ptr + <usize>(off >> 3);
  const shift = <u32>(off & 7);
  // Bits of the field still to write, most significant first, left-aligned in `v`.
  let v = bits == 64 ? value : value << (64 - bits);
  let left = bits;
  if (shift != 0) {
    const room: u32 = 8 - shift;
    const n = left < room ? left : room;
    const mask = <u32>(((1 << n) - 1) << (room - n));
    const part = <u32>(v >> (64 - n)) << (room - n);
    store<u8>(p, <u8>((<u32>load<u8>(p) & ~mask) | part));
    v <<= n;
    left -= n;
    p++;
  }
  while (left >= 8) {
    store<u8>(p, <u8>(v >> 56));
    v <<= 8;
    left -= 8;
    p++;
  }
  if (left > 0) {
    const mask = <u32>(0xff00 >> left) & 0xff;
    store<u8>(p, <u8>((<u32>load<u8>(p) & ~mask) | (<u32>(v >> 56) & mask)));
  }
}

/** SETBIT in one call: sets bit `offset` to `on` (0/1), returns the old bit (the block is long enough). */
export function bitmapSetBit(ptr: usize, offset: f64, on: u32): u32 {
  const off = <u64>offset;
  const p = ptr + <usize>(off >> 3);
  const mask: u32 = 0x80 >> <u32>(off & 7);
  const byte: u32 = load<u8>(p);
  store<u8>(p, <u8>(on ? byte | mask : byte & ~mask));
  return (byte & mask) != 0 ? 1 : 0;
}

/** GETBIT: bit `offset` of the `len` bytes at `ptr`, 0 past the end. */
export function bitmapGetBit(ptr: usize, len: usize, offset: f64): u32 {
  const off = <u64>offset;
  const byte = <usize>(off >> 3);
  if (byte >= len) return 0;
  return (<u32>load<u8>(ptr + byte) >> (7 - <u32>(off & 7))) & 1;
}
