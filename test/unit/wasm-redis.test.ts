// The hashes checked against the oracle itself, a real redis-server 7.0 (cluster-enabled):
//   CLUSTER KEYSLOT                  -> keyHashSlot (and so crc16)
//   DUMP (payload ends in its CRC64) -> crc64
//   PFADD of one element, sparse HLL -> MurmurHash64A: the register index is hash & 16383 and
//                                       the register value the run of zeros after it, plus one
//   LCS [LEN | IDX MINMATCHLEN n WITHMATCHLEN] -> lcs (string, length, ranges, refusal)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RealRedis } from '../support/redis-server.ts';
import { RespClient, type RespValue } from '../support/resp-client.ts';
import { bytesToBin } from '../../src/bytes.ts';
import { HLL_SEED, LcsError, tsTwins, wasm, type LcsResult } from '../../src/wasm/index.ts';
import { seededUint32 } from '../support/seeded-random.ts';

let redis: RealRedis;
let client: RespClient;
let dir: string;

function int(r: RespValue): number {
  if (r.t !== ':') throw new Error(`expected an integer, got ${JSON.stringify(r)}`);
  return Number(r.v);
}
function bulk(r: RespValue): Buffer {
  if (r.t !== '$' || !r.v) throw new Error(`expected a bulk string, got ${JSON.stringify(r)}`);
  return r.v;
}

/** Seeded byte strings of assorted lengths (mulberry32). */
function randomBuffers(seed: number, count: number, maxLen: number): Buffer[] {
  const next = seededUint32(seed);
  return Array.from({ length: count }, (_, i) => {
    const b = Buffer.alloc(i < maxLen ? i : next() % (maxLen + 1));
    for (let j = 0; j < b.length; j++) b[j] = next() & 0xff;
    return b;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cinnabar-wasm-'));
  redis = await startRedis(['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir]);
  client = await RespClient.connect(redis.port);
  await client.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  for (let i = 0; i < 200; i++) {
    const info = bulk(await client.call('CLUSTER', 'INFO')).toString();
    if (info.includes('cluster_state:ok')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('cluster did not reach cluster_state:ok');
});

afterAll(async () => {
  client?.close();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('keyHashSlot vs CLUSTER KEYSLOT', () => {
  it('agrees on tagged, empty-tagged, binary and random keys', async () => {
    const keys: Buffer[] = [
      'foo', '', '{', '}', '{}', '{}{a}', '{a}{b}', 'a{b}c', 'a{b', 'a}b{c}', '{user1000}.following',
      '{user1000}.followers', 'x{}y{z}', '{{a}}', '123456789',
    ].map((k) => Buffer.from(k, 'latin1'));
    keys.push(...randomBuffers(7, 300, 40));
    keys.push(...randomBuffers(8, 100, 12).map((b) => Buffer.concat([b, Buffer.from('{'), b.subarray(0, 3), Buffer.from('}'), b])));
    const slots = (await client.callMany(keys.map((k) => ['CLUSTER', 'KEYSLOT', k]))).map(int);
    const w = wasm();
    keys.forEach((k, i) => {
      const bin = bytesToBin(k);
      expect([w.keyHashSlot(bin), tsTwins.keyHashSlot(bin), w.keyHashSlot(new Uint8Array(k))], JSON.stringify(bin)).toEqual([
        slots[i], slots[i], slots[i],
      ]);
    });
  });
});

describe('crc64 vs the checksum at the end of a DUMP payload', () => {
  it('agrees on small and large (LZF-compressed) values', async () => {
    const values = randomBuffers(11, 60, 300);
    values.push(Buffer.alloc(300_000, 'abc'), randomBuffers(12, 1, 0)[0], Buffer.from('x'.repeat(200_003)));
    const big = Buffer.alloc(250_001);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
    values.push(big);
    const cmds = values.flatMap((v, i) => [['SET', `dump:{x}${i}`, v], ['DUMP', `dump:{x}${i}`]]);
    const replies = await client.callMany(cmds);
    const w = wasm();
    values.forEach((_, i) => {
      const payload = bulk(replies[2 * i + 1]);
      const body = payload.subarray(0, payload.length - 8);
      const expected = payload.readBigUInt64LE(payload.length - 8);
      expect(w.crc64(0n, bytesToBin(body))).toBe(expected);
      expect(w.crc64(0n, new Uint8Array(body))).toBe(expected);
      expect(tsTwins.crc64(0n, bytesToBin(body))).toBe(expected);
    });
  });
});

/** [register index, register value] of the single element in a sparse HyperLogLog. */
function sparseRegister(hll: Buffer): [number, number] {
  expect(hll.subarray(0, 4).toString()).toBe('HYLL');
  expect(hll[4]).toBe(1); // sparse
  let index = 0;
  for (let p = 16; p < hll.length; ) {
    const op = hll[p];
    if ((op & 0xc0) === 0x00) {
      index += (op & 0x3f) + 1; // ZERO
      p += 1;
    } else if ((op & 0xc0) === 0x40) {
      index += (((op & 0x3f) << 8) | hll[p + 1]) + 1; // XZERO
      p += 2;
    } else {
      return [index, ((op >> 2) & 0x1f) + 1]; // VAL, run of one
    }
  }
  throw new Error('no VAL opcode');
}

describe('MurmurHash64A vs PFADD', () => {
  it('puts every element in the register and with the count Redis does', async () => {
    const elements = randomBuffers(3, 400, 70);
    elements.push(Buffer.from('a'), Buffer.from('hello world'), Buffer.alloc(1000, 0xff));
    const cmds = elements.flatMap((e, i) => [['PFADD', `hll:{x}${i}`, e], ['GET', `hll:{x}${i}`]]);
    const replies = await client.callMany(cmds);
    const w = wasm();
    const halves = new Uint32Array(2);
    elements.forEach((e, i) => {
      const [index, count] = sparseRegister(bulk(replies[2 * i + 1]));
      const bin = bytesToBin(e);
      const hash = w.murmurHash64A(bin);
      expect(tsTwins.murmurHash64A(bin)).toBe(hash);
      w.murmurHash64AInto(bin, HLL_SEED, halves);
      expect((BigInt(halves[1]) << 32n) | BigInt(halves[0])).toBe(hash);
      expect(Number(hash & 16383n)).toBe(index);
      let rest = (hash >> 14n) | (1n << 50n);
      let run = 1;
      while ((rest & 1n) === 0n) {
        rest >>= 1n;
        run++;
      }
      expect(run).toBe(count);
    });
  });
});

describe('lcs vs LCS', () => {
  /** The RESP2 IDX WITHMATCHLEN reply as lcs() shapes it. */
  function fromIdxReply(r: RespValue): Pick<LcsResult, 'length' | 'matches'> {
    if (r.t !== '*' || !r.v) throw new Error(`expected an array, got ${JSON.stringify(r)}`);
    const [, matches, , len] = r.v;
    if (matches.t !== '*' || !matches.v) throw new Error('expected matches');
    return {
      length: int(len),
      matches: matches.v.map((m) => {
        if (m.t !== '*' || !m.v) throw new Error('expected a match');
        const range = (x: RespValue): [number, number] => {
          if (x.t !== '*' || !x.v) throw new Error('expected a range');
          return [int(x.v[0]), int(x.v[1])];
        };
        return { a: range(m.v[0]), b: range(m.v[1]), len: int(m.v[2]) };
      }),
    };
  }

  it('answers like Redis on random strings, every option', async () => {
    const pairs = randomBuffers(21, 160, 90).map((b, i) => {
      const alphabet = [2, 3, 4, 26][i % 4];
      return Buffer.from(b.map((x) => 97 + (x % alphabet)));
    });
    const cmds: (string | Buffer)[][] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const minMatchLen = String(i % 3);
      cmds.push(['MSET', '{l}a', pairs[i], '{l}b', pairs[i + 1]]);
      cmds.push(['LCS', '{l}a', '{l}b']);
      cmds.push(['LCS', '{l}a', '{l}b', 'LEN']);
      cmds.push(['LCS', '{l}a', '{l}b', 'IDX', 'MINMATCHLEN', minMatchLen, 'WITHMATCHLEN']);
    }
    const replies = await client.callMany(cmds);
    for (let i = 0, r = 0; i + 1 < pairs.length; i += 2, r += 4) {
      const a = bytesToBin(pairs[i]);
      const b = bytesToBin(pairs[i + 1]);
      const minMatchLen = i % 3;
      for (const impl of [wasm(), tsTwins]) {
        expect(impl.lcs(a, b).string).toBe(bytesToBin(bulk(replies[r + 1])));
        expect(impl.lcs(a, b, { len: true }).length).toBe(int(replies[r + 2]));
        const got = impl.lcs(a, b, { idx: true, minMatchLen });
        expect({ length: got.length, matches: got.matches }).toEqual(fromIdxReply(replies[r + 3]));
      }
    }
  });

  it('refuses a table over proto-max-bulk-len with the same error', async () => {
    await client.call('CONFIG', 'SET', 'proto-max-bulk-len', String(1024 * 1024));
    try {
      const a = 'x'.repeat(600);
      await client.call('MSET', '{l}a', a, '{l}b', a);
      const reply = await client.call('LCS', '{l}a', '{l}b');
      expect(reply.t).toBe('-');
      let message = '';
      try {
        wasm().lcs(a, a, { maxTableBytes: 1024 * 1024 });
      } catch (e) {
        expect(e).toBeInstanceOf(LcsError);
        message = (e as Error).message;
      }
      expect(message).toBe((reply as { v: string }).v);
    } finally {
      await client.call('CONFIG', 'SET', 'proto-max-bulk-len', String(512 * 1024 * 1024));
    }
  });
});
