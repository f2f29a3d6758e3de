// The bitmap operations: the WASM functions (assembly/bitmap.ts) and their TypeScript twin
// (src/wasm/ts/bitmap.ts), each checked against a naive bit-by-bit reference on seeded random
// bytes, at every alignment (the word loops, their unaligned heads and tails): population count,
// first set/clear bit, BITOP over sources of different lengths, BITFIELD get/set of 1..64 bits,
// SETBIT/GETBIT.
import { describe, expect, it } from 'vitest';
import { ByteString } from '../../src/types/byte-string.ts';
import { SOURCE_BYTES, type BitmapExports } from '../../src/wasm/bitmap.ts';
import { stringsWasm } from '../../src/wasm/strings.ts';
import * as twin from '../../src/wasm/ts/bitmap.ts';
import { Rng } from '../compat/harness.ts';

const m = stringsWasm();
const x = m.exportsAs<BitmapExports>();

/** A ByteString holding `bytes`. */
function block(bytes: Uint8Array): ByteString {
  const b = ByteString.zeroed(bytes.length, m);
  m.view().set(bytes, b.address);
  return b;
}

function randomBytes(rng: Rng, n: number, bias = 0.5): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    // Some runs of 0x00 / 0xff, so that the word-skipping loops of BITPOS have work to do.
    out[i] = r < bias * 0.3 ? 0 : r > 1 - bias * 0.3 ? 0xff : rng.int(0, 255);
  }
  return out;
}

const bitAt = (bytes: Uint8Array, i: number) => (i >> 3 < bytes.length ? (bytes[i >> 3] >> (7 - (i & 7))) & 1 : 0);

function naiveCount(bytes: Uint8Array, start: number, len: number): number {
  let n = 0;
  for (let i = start * 8; i < (start + len) * 8; i++) n += bitAt(bytes, i);
  return n;
}

function naivePos(bytes: Uint8Array, start: number, len: number, bit: number): number {
  for (let i = 0; i < len * 8; i++) if (bitAt(bytes, start * 8 + i) === bit) return i;
  return bit ? -1 : len * 8;
}

function naiveField(bytes: Uint8Array, offset: number, bits: number): bigint {
  let v = 0n;
  for (let i = 0; i < bits; i++) v = (v << 1n) | BigInt(bitAt(bytes, offset + i));
  return v;
}

describe('population count (BITCOUNT)', () => {
  it('agrees with a bit-by-bit count at every alignment and length', () => {
    const rng = new Rng(1);
    const bytes = randomBytes(rng, 700);
    const b = block(bytes);
    for (let t = 0; t < 400; t++) {
      const start = rng.int(0, 100);
      const len = rng.chance(0.3) ? rng.int(0, 40) : rng.int(0, 600);
      const want = naiveCount(bytes, start, len);
      expect(x.bitmapCount(b.address + start, len)).toBe(want);
      expect(twin.bitCount(m.view(), b.address + start, len)).toBe(want);
    }
    b.free();
  });

  it('counts a plain Uint8Array at any byte offset of its buffer', () => {
    const buf = new Uint8Array(64).fill(0xff);
    expect(twin.bitCount(buf.subarray(3), 0, 61)).toBe(61 * 8);
    expect(twin.bitCount(buf.subarray(1), 2, 20)).toBe(160);
  });
});

describe('first set or clear bit (BITPOS)', () => {
  it('agrees with a bit-by-bit search, not-found included', () => {
    const rng = new Rng(2);
    for (let t = 0; t < 300; t++) {
      const n = rng.int(0, 300);
      const kind = rng.int(0, 2);
      // Mostly zeros, mostly ones, or random: the bit sought is rare, common, or absent.
      const bytes = kind === 0 ? new Uint8Array(n) : kind === 1 ? new Uint8Array(n).fill(0xff) : randomBytes(rng, n, 0.9);
      if (n > 0 && rng.chance(0.6)) bytes[rng.int(0, n - 1)] ^= 1 << rng.int(0, 7);
      const b = block(bytes);
      for (let q = 0; q < 6; q++) {
        const start = rng.int(0, Math.max(0, n - 1));
        const len = rng.int(0, n - start);
        const bit = rng.int(0, 1) as 0 | 1;
        const want = naivePos(bytes, start, len, bit);
        expect(x.bitmapPos(b.address + start, len, bit)).toBe(want);
        expect(twin.bitPos(m.view(), b.address + start, len, bit)).toBe(want);
      }
      b.free();
    }
  });
});

describe('BITOP', () => {
  const ops = [
    [twin.OP_AND, (a: number, b: number) => a & b],
    [twin.OP_OR, (a: number, b: number) => a | b],
    [twin.OP_XOR, (a: number, b: number) => a ^ b],
  ] as const;

  function run(useWasm: boolean, op: twin.BitOp, sources: ByteString[], maxLen: number): Uint8Array {
    const dst = ByteString.zeroed(maxLen, m);
    // Stale bytes in the destination: every byte must be written, tails included.
    dst.bytes().fill(0xa5);
    if (useWasm) {
      const desc = m.scratch(sources.length * SOURCE_BYTES);
      const dv = new DataView(m.view().buffer);
      sources.forEach((s, i) => {
        dv.setUint32(desc + i * SOURCE_BYTES, s.address, true);
        dv.setUint32(desc + i * SOURCE_BYTES + 4, s.length, true);
      });
      x.bitmapOp(op, dst.address, maxLen, desc, sources.length);
    } else {
      twin.bitOp(m.view(), op, dst.address, maxLen, sources.map((s) => ({ ptr: s.address, len: s.length })));
    }
    const out = dst.bytes().slice();
    dst.free();
    return out;
  }

  it('AND, OR, XOR over 1-5 sources of different lengths, zero-padded to the longest', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 150; t++) {
      const count = rng.int(1, 5);
      const datas = Array.from({ length: count }, () => randomBytes(rng, rng.chance(0.3) ? rng.int(0, 10) : rng.int(30, 400)));
      const maxLen = Math.max(...datas.map((d) => d.length));
      if (maxLen === 0) continue;
      const blocks = datas.map(block);
      const [op, f] = rng.pick(ops);
      const want = new Uint8Array(maxLen);
      for (let k = 0; k < maxLen; k++) {
        let v = k < datas[0].length ? datas[0][k] : 0;
        for (let i = 1; i < count; i++) v = f(v, k < datas[i].length ? datas[i][k] : 0);
        want[k] = v;
      }
      expect(run(true, op, blocks, maxLen)).toEqual(want);
      expect(run(false, op, blocks, maxLen)).toEqual(want);
      for (const b of blocks) b.free();
    }
  });

  it('NOT of one source', () => {
    const rng = new Rng(4);
    for (const n of [1, 7, 31, 32, 33, 100, 1000, 4099]) {
      const data = randomBytes(rng, n);
      const b = block(data);
      const want = data.map((v) => ~v & 0xff);
      expect(run(true, twin.OP_NOT, [b], n)).toEqual(want);
      expect(run(false, twin.OP_NOT, [b], n)).toEqual(want);
      b.free();
    }
  });
});

describe('BITFIELD fields and SETBIT/GETBIT', () => {
  it('get: 1..64 bits at any offset, zero past the end', () => {
    const rng = new Rng(5);
    const bytes = randomBytes(rng, 40);
    const b = block(bytes);
    for (let t = 0; t < 2000; t++) {
      const bits = rng.int(1, 64);
      const offset = rng.int(0, 40 * 8 + 20);
      const want = naiveField(bytes, offset, bits);
      expect(BigInt.asUintN(64, x.bitmapGetField(b.address, bytes.length, offset, bits))).toBe(want);
      expect(twin.getField(m.view(), b.address, bytes.length, offset, bits)).toBe(want);
    }
    b.free();
  });

  it('set: writes exactly the field bits, both implementations alike', () => {
    const rng = new Rng(6);
    const base = randomBytes(rng, 24);
    const a = block(base);
    const c = block(base);
    const model = base.slice();
    for (let t = 0; t < 2000; t++) {
      const bits = rng.int(1, 64);
      const offset = rng.int(0, 24 * 8 - bits);
      const value = BigInt.asUintN(64, (BigInt(rng.int(0, 0xffffffff)) << 32n) | BigInt(rng.int(0, 0xffffffff)));
      for (let i = 0; i < bits; i++) {
        const bit = Number((value >> BigInt(bits - 1 - i)) & 1n);
        const p = offset + i;
        model[p >> 3] = bit ? model[p >> 3] | (0x80 >> (p & 7)) : model[p >> 3] & ~(0x80 >> (p & 7));
      }
      x.bitmapSetField(a.address, offset, bits, BigInt.asIntN(64, value));
      twin.setField(m.view(), c.address, offset, bits, value);
      expect(a.bytes()).toEqual(model);
      expect(c.bytes()).toEqual(model);
    }
    a.free();
    c.free();
  });

  it('SETBIT returns the old bit; GETBIT reads 0 past the end', () => {
    const rng = new Rng(7);
    const a = ByteString.zeroed(16, m);
    const model = new Uint8Array(16);
    for (let t = 0; t < 1000; t++) {
      const off = rng.int(0, 127);
      const on = rng.int(0, 1);
      const old = bitAt(model, off);
      model[off >> 3] = on ? model[off >> 3] | (0x80 >> (off & 7)) : model[off >> 3] & ~(0x80 >> (off & 7));
      const useWasm = rng.chance(0.5);
      expect(useWasm ? x.bitmapSetBit(a.address, off, on) : twin.setBit(m.view(), a.address, off, on)).toBe(old);
      const q = rng.int(0, 200);
      expect(x.bitmapGetBit(a.address, 16, q)).toBe(bitAt(model, q));
      expect(twin.getBit(m.view(), a.address, 16, q)).toBe(bitAt(model, q));
    }
    a.free();
  });
});
