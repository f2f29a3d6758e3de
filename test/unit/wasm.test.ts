// cinnabar.wasm and its TypeScript twins: known vectors, and the two implementations agreeing
// on random inputs (including the paths past the scratch area: streamed hashes, big LCS tables
// in a throwaway instance). test/unit/wasm-redis.test.ts checks the hashes against redis-server.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToBin } from '../../src/bytes.ts';
import { decodeBase64 } from '../../src/wasm/base64.ts';
import { embeddedWasmBytes } from '../../src/wasm/embedded.ts';
import {
  CLUSTER_SLOTS, HLL_SEED, LcsError, crc16, crc64, initWasm, keyHashSlot, lcs, murmurHash64A, tsTwins, wasm,
} from '../../src/wasm/index.ts';
import { SHARED_LCS_MAX_BYTES } from '../../src/wasm/module.ts';
import { seededUint32 as rng } from '../support/seeded-random.ts';

function randomBin(next: () => number, len: number, alphabet = 256): string {
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(next() % alphabet);
  return s;
}

const binToU8 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('loading', () => {
  it('decodes base64 like Buffer does', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '\x00\xff\x10binary']) {
      const b64 = Buffer.from(s, 'latin1').toString('base64');
      expect(bytesToBin(decodeBase64(b64))).toBe(s);
      expect(bytesToBin(decodeBase64(b64.replace(/=+$/, '')))).toBe(s);
    }
    expect(() => decodeBase64('ab$d')).toThrow();
  });

  it('embeds the module that build/wasm.mjs wrote', () => {
    const bytes = embeddedWasmBytes();
    expect(WebAssembly.validate(bytes as BufferSource)).toBe(true);
    const file = new URL('../../build/out/cinnabar.wasm', import.meta.url);
    if (existsSync(file)) expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
  });

  it('instantiates asynchronously too, with no imports', async () => {
    const w = await initWasm(embeddedWasmBytes());
    expect(w.crc16('123456789')).toBe(0x31c3);
    expect(WebAssembly.Module.imports(w.module)).toEqual([]);
  });
});

describe('crc16 / keyHashSlot', () => {
  it('has the XMODEM check value', () => {
    expect(crc16('123456789')).toBe(0x31c3);
    expect(wasm().crc16('123456789')).toBe(0x31c3);
    expect(tsTwins.crc16(binToU8('123456789'))).toBe(0x31c3);
    expect(crc16('')).toBe(0);
  });

  it('maps keys to slots as Redis Cluster does', () => {
    for (const impl of [keyHashSlot, (k: string) => wasm().keyHashSlot(k), tsTwins.keyHashSlot]) {
      expect(impl('foo')).toBe(12182);
      expect(impl('{user1000}.following')).toBe(impl('{user1000}.followers'));
      expect(impl('{user1000}.following')).toBe(impl('user1000'));
      expect(impl('a{b}c')).toBe(impl('b'));
      expect(impl('{}a')).toBe(crc16('{}a') % CLUSTER_SLOTS); // empty first tag: whole key
      expect(impl('{}{a}')).toBe(crc16('{}{a}') % CLUSTER_SLOTS); // only the first '{' counts
      expect(impl('a{b')).toBe(crc16('a{b') % CLUSTER_SLOTS);
      expect(impl('x}{y}')).toBe(impl('y'));
      expect(impl('')).toBe(0);
    }
  });

  it('WASM and TS agree on random keys, strings and bytes', () => {
    const next = rng(1);
    for (let i = 0; i < 2000; i++) {
      const k = randomBin(next, next() % 48, i % 2 ? 256 : 8) + (i % 3 ? '' : '{' + randomBin(next, next() % 4) + '}');
      const want = tsTwins.keyHashSlot(k);
      expect(wasm().keyHashSlot(k)).toBe(want);
      expect(wasm().keyHashSlot(binToU8(k))).toBe(want);
      expect(tsTwins.keyHashSlot(binToU8(k))).toBe(want);
      expect(wasm().crc16(k)).toBe(tsTwins.crc16(k));
    }
  });

  it('hashes keys larger than the scratch area', () => {
    const big = 'k'.repeat(300_000) + '{tag}';
    expect(wasm().keyHashSlot(big)).toBe(keyHashSlot('tag'));
    expect(wasm().crc16(big)).toBe(tsTwins.crc16(big));
  });
});

describe('crc64', () => {
  it('has the check value of Redis crc64.c', () => {
    expect(crc64(0n, '123456789')).toBe(0xe9c6d914c4b8d9can);
    expect(wasm().crc64(0n, '123456789')).toBe(0xe9c6d914c4b8d9can);
    expect(tsTwins.crc64(0n, binToU8('123456789'))).toBe(0xe9c6d914c4b8d9can);
    expect(crc64(0n, '')).toBe(0n);
  });

  it('continues a crc across calls', () => {
    expect(crc64(crc64(0n, '12345'), '6789')).toBe(0xe9c6d914c4b8d9can);
    expect(tsTwins.crc64(tsTwins.crc64(0n, '1'), '23456789')).toBe(0xe9c6d914c4b8d9can);
  });

  it('WASM and TS agree on every length up to 64 and on inputs past the scratch area', () => {
    const next = rng(2);
    for (let len = 0; len <= 64; len++) {
      const s = randomBin(next, len);
      const seed = (BigInt(next()) << 32n) | BigInt(next());
      expect(wasm().crc64(seed, s)).toBe(tsTwins.crc64(seed, s));
    }
    const big = randomBin(next, 1_000_003);
    expect(wasm().crc64(0n, big)).toBe(tsTwins.crc64(0n, big));
    expect(wasm().crc64(0n, binToU8(big))).toBe(tsTwins.crc64(0n, big));
  });
});

describe('MurmurHash64A', () => {
  // Seed 0xadc83b19 (HLL); checked against redis-server's PFADD in wasm-redis.test.ts.
  const vectors: [string, bigint][] = [
    ['', 0xd8dfea6585bc9732n],
    ['a', 0x53d2470a9b43b1a7n],
    ['foo', 0xe64609b8b0141cb4n],
    ['abcdefg', 0x22fe613bb08c9602n],
    ['abcdefgh', 0xf3a65df559914567n],
    ['abcdefghi', 0x834fba4d9152daf7n],
    ['hello world', 0xa919bc3051f624b7n],
    ['\x00\xff\x80binary\x01', 0x53627464c1e64243n],
  ];

  it('matches the known vectors in both implementations', () => {
    for (const [s, h] of vectors) {
      expect(murmurHash64A(s)).toBe(h);
      expect(wasm().murmurHash64A(binToU8(s), HLL_SEED)).toBe(h);
      expect(tsTwins.murmurHash64A(s)).toBe(h);
    }
    expect(murmurHash64A('', 0)).toBe(0n);
  });

  it('WASM and TS agree on every length up to 64, other seeds, and streamed inputs', () => {
    const next = rng(3);
    const out = new Uint32Array(2);
    for (let len = 0; len <= 64; len++) {
      const s = randomBin(next, len);
      const seed = next();
      const h = tsTwins.murmurHash64A(s, seed);
      expect(wasm().murmurHash64A(s, seed)).toBe(h);
      wasm().murmurHash64AInto(s, seed, out);
      expect((BigInt(out[1]) << 32n) | BigInt(out[0])).toBe(h);
      tsTwins.murmurHash64AInto(s, seed, out);
      expect((BigInt(out[1]) << 32n) | BigInt(out[0])).toBe(h);
    }
    for (const len of [300_000, 300_001, 300_007, 65_536 * 3 + 5]) {
      const s = randomBin(next, len);
      const h = tsTwins.murmurHash64A(s);
      expect(wasm().murmurHash64A(s)).toBe(h);
      expect(wasm().murmurHash64A(binToU8(s))).toBe(h);
      wasm().murmurHash64AInto(s, HLL_SEED, out);
      expect((BigInt(out[1]) << 32n) | BigInt(out[0])).toBe(h);
    }
  });
});

describe('LCS', () => {
  const impls = [
    ['wasm', (a: string, b: string, o?: object) => wasm().lcs(a, b, o)],
    ['ts', (a: string, b: string, o?: object) => tsTwins.lcs(a, b, o)],
  ] as const;

  for (const [name, run] of impls) {
    it(`${name}: answers the Redis docs example`, () => {
      // MSET key1 ohmytext key2 mynewtext; LCS key1 key2 [LEN | IDX [MINMATCHLEN 4] [WITHMATCHLEN]]
      expect(run('ohmytext', 'mynewtext').string).toBe('mytext');
      expect(run('ohmytext', 'mynewtext', { len: true })).toEqual({ length: 6, string: '', matches: [] });
      expect(run('ohmytext', 'mynewtext', { idx: true })).toEqual({
        length: 6,
        string: 'mytext',
        matches: [
          { a: [4, 7], b: [5, 8], len: 4 },
          { a: [2, 3], b: [0, 1], len: 2 },
        ],
      });
      expect(run('ohmytext', 'mynewtext', { idx: true, minMatchLen: 4 }).matches).toEqual([{ a: [4, 7], b: [5, 8], len: 4 }]);
      expect(run('ohmytext', 'mynewtext', { idx: true, minMatchLen: -5 }).matches).toHaveLength(2);
      expect(run('ohmytext', 'mynewtext', { idx: true, minMatchLen: 2n ** 40n }).matches).toEqual([]);
    });

    it(`${name}: handles empty and identical strings`, () => {
      expect(run('', 'abc', { idx: true })).toEqual({ length: 0, string: '', matches: [] });
      expect(run('abc', '', {})).toEqual({ length: 0, string: '', matches: [] });
      expect(run('abc', 'xyz', { idx: true })).toEqual({ length: 0, string: '', matches: [] });
      expect(run('abc', 'abc', { idx: true })).toEqual({ length: 3, string: 'abc', matches: [{ a: [0, 2], b: [0, 2], len: 3 }] });
      expect(run('foo', 'fao').string).toBe('fo');
    });

    it(`${name}: refuses as Redis does`, () => {
      const err = (f: () => unknown) => {
        try {
          f();
        } catch (e) {
          return e;
        }
        return undefined;
      };
      const e = err(() => run('a'.repeat(100), 'b'.repeat(100), { maxTableBytes: 100 * 100 * 4 }));
      expect(e).toBeInstanceOf(LcsError);
      expect((e as LcsError).message).toBe('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
      expect((e as LcsError).code).toBe('exceeds-limit');
      // (alen+1)*(blen+1)*4 exactly at the limit is allowed
      expect(run('a'.repeat(99), 'a'.repeat(99), { maxTableBytes: 100 * 100 * 4, len: true }).length).toBe(99);
      // empty strings still need their one-row table checked
      expect(err(() => run('', 'abc', { maxTableBytes: 15 }))).toBeInstanceOf(LcsError);
    });
  }

  /** Independent check of a result: a common subsequence of the right length, ranges consistent. */
  function checkResult(a: string, b: string, r: ReturnType<typeof lcs>, minMatchLen: number): void {
    // length by a plain two-row DP
    let prev = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
      const cur = [0];
      for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      prev = cur;
    }
    expect(r.length).toBe(prev[b.length]);
    expect(r.string.length).toBe(r.length);
    let ai = 0;
    let bi = 0;
    for (const c of r.string) {
      ai = a.indexOf(c, ai) + 1;
      bi = b.indexOf(c, bi) + 1;
      expect(ai > 0 && bi > 0).toBe(true);
    }
    let total = 0;
    let lastA = Infinity;
    for (const m of r.matches) {
      expect(m.len).toBe(m.a[1] - m.a[0] + 1);
      expect(m.b[1] - m.b[0] + 1).toBe(m.len);
      expect(a.slice(m.a[0], m.a[1] + 1)).toBe(b.slice(m.b[0], m.b[1] + 1));
      expect(m.a[1]).toBeLessThan(lastA); // from the end backwards
      expect(m.len).toBeGreaterThanOrEqual(minMatchLen);
      lastA = m.a[0];
      total += m.len;
    }
    if (minMatchLen === 0) expect(total).toBe(r.length);
  }

  it('WASM and TS agree on random strings, and the results check out', () => {
    const next = rng(4);
    for (let t = 0; t < 300; t++) {
      const alphabet = [2, 4, 26, 256][t % 4];
      const a = randomBin(next, next() % 60, alphabet);
      const b = randomBin(next, next() % 60, alphabet);
      const minMatchLen = t % 5 === 0 ? next() % 4 : 0;
      const opts = { idx: true, minMatchLen };
      const want = tsTwins.lcs(a, b, opts);
      expect(wasm().lcs(a, b, opts)).toEqual(want);
      expect(wasm().lcs(binToU8(a), binToU8(b), opts)).toEqual(want);
      expect(wasm().lcs(a, b, { len: true }).length).toBe(want.length);
      checkResult(a, b, want, minMatchLen);
    }
  });

  it('runs tables beyond the shared limit in a throwaway instance', () => {
    const next = rng(5);
    const a = randomBin(next, 1800, 4);
    const b = randomBin(next, 1700, 4);
    expect((a.length + 1) * (b.length + 1) * 4).toBeGreaterThan(SHARED_LCS_MAX_BYTES);
    const before = wasm().exports.memory.buffer.byteLength;
    const got = wasm().lcs(a, b, { idx: true });
    expect(wasm().exports.memory.buffer.byteLength).toBe(before);
    expect(got).toEqual(tsTwins.lcs(a, b, { idx: true }));
    expect(lcs(a, b).string).toBe(got.string);
  });
});
