// The HyperLogLog family against real Redis 7.0: the command pages' examples, the errors (wrong
// type, strings that are not HLLs, corrupted HLLs), the raw bytes (GET of HLL keys after PFADD /
// PFMERGE mixes across the sparse -> dense boundary, with hll-sparse-max-bytes changed), the
// cached cardinality in the header, cross-loading HLL strings both ways, and seeded random
// sequences mixing every command with wrong types, corrupt strings and syntax errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat, Rng, type Step } from './harness.ts';
import type { Arg, RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const HDR = 16;
const DENSE_SIZE = 12304;

function header(encoding: number, card = [0, 0, 0, 0, 0, 0, 0, 0x80]): Buffer {
  return Buffer.from([0x48, 0x59, 0x4c, 0x4c, encoding, 0, 0, 0, ...card]);
}

function sparse(ops: number[], card?: number[]): Buffer {
  return Buffer.concat([header(1, card), Buffer.from(ops)]);
}

function elements(prefix: string, n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);
}

function bytesOf(r: RespValue): Buffer {
  if (r.t !== '$' || r.v === null) throw new Error(`not a bulk string: ${JSON.stringify(r)}`);
  return r.v;
}

async function setSparseMax(bytes: number): Promise<void> {
  await h.check(['CONFIG', 'SET', 'hll-sparse-max-bytes', String(bytes)]);
}

describe('the command pages', () => {
  it('PFADD, PFCOUNT and PFMERGE examples, with GET of every key', async () => {
    await h.reset();
    await h.checkAll([
      ['PFADD', 'hll', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ['GET', 'hll'],
      ['PFCOUNT', 'hll'],
      ['GET', 'hll'],
      ['PFADD', 'hll', 'foo', 'bar', 'zap'],
      ['PFADD', 'hll', 'zap', 'zap', 'zap'],
      ['PFADD', 'hll', 'foo', 'bar'],
      ['PFCOUNT', 'hll'],
      ['PFADD', 'some-other-hll', '1', '2', '3'],
      ['PFCOUNT', 'hll', 'some-other-hll'],
      ['PFADD', 'hll1', 'foo', 'bar', 'zap', 'a'],
      ['PFADD', 'hll2', 'a', 'b', 'c', 'foo'],
      ['PFMERGE', 'hll3', 'hll1', 'hll2'],
      ['PFCOUNT', 'hll3'],
      ['GET', 'hll1'],
      ['GET', 'hll2'],
      ['GET', 'hll3'],
      ['PFADD', 'empty'],
      ['GET', 'empty'],
      ['PFADD', 'empty'],
      ['PFCOUNT', 'empty'],
      ['GET', 'empty'],
      ['PFCOUNT', 'nokey'],
      ['PFCOUNT', 'nokey', 'nokey2'],
      ['PFMERGE', 'fresh'],
      ['GET', 'fresh'],
      ['PFMERGE', 'fresh2', 'nokey'],
      ['GET', 'fresh2'],
      ['EXISTS', 'nokey'],
      ['PFADD'],
      ['PFCOUNT'],
      ['PFMERGE'],
      ['PFDEBUG', 'encoding'],
      ['PFSELFTEST', 'x'],
      ['PFSELFTEST'],
      ['CONFIG', 'SET', 'hll-sparse-max-bytes', '1'],
      ['PFSELFTEST'],
      ['CONFIG', 'SET', 'hll-sparse-max-bytes', '0'],
      ['PFSELFTEST'],
      ['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'],
      ['TYPE', 'hll'],
      ['STRLEN', 'hll3'],
      ['PFADD', 'bin', '', '\x00', '\x00\xff\x01', 'é', 'x'.repeat(7), 'y'.repeat(8), 'z'.repeat(9), 'w'.repeat(100_000)],
      ['GET', 'bin'],
      ['PFCOUNT', 'bin'],
      ['PFADD', 'bin', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252, 253, 254, 255])],
      ['GET', 'bin'],
    ]);
  });

  it('PFDEBUG GETREG, DECODE, ENCODING, TODENSE and their errors', async () => {
    await h.reset();
    await h.checkAll([
      ['PFADD', 'k', 'x', 'y', 'z', 'w'],
      ['PFDEBUG', 'DECODE', 'k'],
      ['PFDEBUG', 'decode', 'k'],
      ['PFDEBUG', 'ENCODING', 'k'],
      ['PFDEBUG', 'TODENSE', 'k'],
      ['PFDEBUG', 'ENCODING', 'k'],
      ['PFDEBUG', 'TODENSE', 'k'],
      ['PFDEBUG', 'DECODE', 'k'],
      ['GET', 'k'],
      ['PFDEBUG', 'GETREG', 'k'],
      ['PFADD', 'k2', 'a', 'b'],
      ['PFDEBUG', 'GetReg', 'k2'],
      ['GET', 'k2'],
      ['PFDEBUG', 'nosuch', 'k2'],
      ['PFDEBUG', 'nosuch', 'missing'],
      ['PFDEBUG', 'GETREG', 'missing'],
      ['PFDEBUG', 'GETREG', 'k', 'extra'],
      ['SET', 's', 'a string'],
      ['PFDEBUG', 'ENCODING', 's'],
      ['PFDEBUG', 'nosuch', 's'],
      ['LPUSH', 'l', 'x'],
      ['PFDEBUG', 'DECODE', 'l'],
      ['PFADD', 'zeroes'],
      ['PFDEBUG', 'DECODE', 'zeroes'],
    ]);
  });
});

describe('errors', () => {
  it('wrong types and strings that are not HLLs', async () => {
    await h.reset();
    await h.checkAll([
      ['LPUSH', 'list', 'a'],
      ['SET', 'str', 'hello'],
      ['SET', 'num', '12345678901234567'],
      ['SET', 'hll', 'x'],
      ['PFADD', 'list', 'a'],
      ['PFADD', 'str', 'a'],
      ['PFADD', 'num'],
      ['PFCOUNT', 'list'],
      ['PFCOUNT', 'str'],
      ['PFCOUNT', 'num'],
      ['PFADD', 'good', 'a'],
      ['PFCOUNT', 'good', 'list'],
      ['PFCOUNT', 'good', 'str'],
      ['PFCOUNT', 'list', 'str'],
      ['PFMERGE', 'good', 'list'],
      ['PFMERGE', 'list', 'good'],
      ['PFMERGE', 'str', 'good'],
      ['PFMERGE', 'new', 'good', 'str'],
      ['EXISTS', 'new'],
      ['PFADD', 'list'],
    ]);
  });

  it('corrupted HLL strings: bad magic, bad encoding, truncated dense, sparse opcodes past the end', async () => {
    await h.reset();
    const dense = bytesOf(await h.check(['PFADD', 'd', ...elements('e', 3000)]).then(() => h.check(['GET', 'd'])));
    expect(dense.length).toBe(DENSE_SIZE);
    const cases: Record<string, Buffer> = {
      short: Buffer.from('HYLL'),
      badMagic: Buffer.concat([Buffer.from('HYLX'), sparse([0x7f, 0xff]).subarray(4)]),
      badEncoding: Buffer.concat([header(2), Buffer.from([0x7f, 0xff])]),
      encoding255: Buffer.concat([header(255), Buffer.from([0x7f, 0xff])]),
      truncatedDense: dense.subarray(0, DENSE_SIZE - 1),
      longDense: Buffer.concat([dense, Buffer.from([0])]),
      denseAsSparseLen: Buffer.concat([header(0), Buffer.from([0x7f, 0xff])]),
      headerOnly: header(1),
      shortRun: sparse([0x40, 0x63]),
      pastEnd: sparse([0x7f, 0xff, 0x80]),
      pastEndZero: sparse([0x7f, 0xff, 0x00]),
      valOverflow: sparse([0x7f, 0xfe, 0x83]),
      truncatedXzero: sparse([0x7f]),
      truncatedXzeroFits: sparse([0x3f, 0x3f, 0x3f, 0x3e, 0x7f]),
      zeroes: sparse(Array(256).fill(0x3f)),
      zeroesOver: sparse(Array(257).fill(0x3f)),
      vals: sparse([0x7f, 0xfb, 0xfc, 0x80, 0x84, 0x88, 0x8c]),
      denseFromSparse: Buffer.concat([header(0), dense.subarray(HDR)]),
      cachedValid: sparse([0x7f, 0xff], [42, 0, 0, 0, 0, 0, 0, 0]),
      cachedHuge: sparse([0x7f, 0xff], [1, 2, 3, 4, 5, 6, 7, 0x7f]),
      cachedCorrupt: sparse([0x40, 0x01], [7, 0, 0, 0, 0, 0, 0, 0]),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      for (const cmd of [
        ['PFCOUNT', name],
        ['PFCOUNT', name, 'd'],
        ['PFADD', name, 'a'],
        ['PFADD', name, ...elements('x', 40)],
        ['PFCOUNT', name],
        ['GET', name],
        ['PFMERGE', 'dst', name],
        ['GET', 'dst'],
        ['PFMERGE', name, 'd'],
        ['GET', name],
        ['PFDEBUG', 'DECODE', name],
        ['PFDEBUG', 'TODENSE', name],
        ['PFDEBUG', 'ENCODING', name],
        ['GET', name],
      ]) {
        await h.check(['SET', name, bytes]);
        await h.check(['DEL', 'dst']);
        await h.check(cmd);
        await h.check(['GET', name]);
      }
    }
  });
});

describe('raw bytes and the cache', () => {
  it('a truncated XZERO at the end reads the byte past the string, which an edit can leave non-zero', async () => {
    await h.reset();
    for (const ops of [[0x78], [0x7f], [0x3f, 0x3f, 0x3f, 0x3e, 0x7f], [0x40], [0x90, 0x7a]]) {
      await h.checkAll([
        ['SET', 'k', sparse(ops, [0, 0, 0, 0, 0, 0, 0, 0])],
        ['PFADD', 'k', 'e2145', 'e3186', 'e1477', 'e3643', 'e3514', 'e1072', 'e4560'],
        ['GET', 'k'],
        ['PFCOUNT', 'k'],
        ['PFDEBUG', 'DECODE', 'k'],
        ['PFADD', 'k', 'a', 'b', 'c'],
        ['GET', 'k'],
        ['PFCOUNT', 'k', 'nokey'],
        ['PFMERGE', 'k2', 'k'],
        ['GET', 'k2'],
        ['PFDEBUG', 'TODENSE', 'k'],
        ['GET', 'k'],
      ]);
    }
  });

  it('GET after PFADDs growing a key through the sparse -> dense boundary, at several hll-sparse-max-bytes', async () => {
    for (const max of [0, 1, 17, 18, 40, 300, 3000, 20000, 1_000_000_000]) {
      await h.reset();
      await setSparseMax(max);
      for (let step = 0, n = 0; n < 2600; step++) {
        const batch = step < 20 ? 1 : step < 40 ? 7 : 150;
        await h.check(['PFADD', 'k', ...elements('m', batch, n)]);
        n += batch;
        await h.check(['GET', 'k']);
        if (step % 5 === 0) {
          await h.check(['PFCOUNT', 'k']);
          await h.check(['GET', 'k']);
        }
      }
    }
    await setSparseMax(3000);
  });

  it('PFMERGE into sparse, dense and missing targets; PFCOUNT of unions', async () => {
    await h.reset();
    await setSparseMax(3000);
    await h.checkAll([
      ['PFADD', 'small', ...elements('s', 50)],
      ['PFADD', 'mid', ...elements('s', 400, 30)],
      ['PFADD', 'big', ...elements('b', 5000)],
      ['PFMERGE', 'm1', 'small'],
      ['GET', 'm1'],
      ['PFMERGE', 'm2', 'small', 'mid'],
      ['GET', 'm2'],
      ['PFMERGE', 'small', 'mid'],
      ['GET', 'small'],
      ['PFMERGE', 'm3', 'small', 'big'],
      ['GET', 'm3'],
      ['PFMERGE', 'mid', 'big'],
      ['GET', 'mid'],
      ['PFMERGE', 'big'],
      ['GET', 'big'],
      ['PFCOUNT', 'small', 'mid', 'big', 'nokey'],
      ['PFCOUNT', 'm1', 'm2'],
      ['PFCOUNT', 'm3'],
      ['GET', 'm3'],
      ['PFADD', 'm3', 'new-element-1', 'new-element-2'],
      ['GET', 'm3'],
    ]);
    await setSparseMax(50);
    await h.checkAll([
      ['PFADD', 'tiny', ...elements('t', 10)],
      ['PFMERGE', 'tiny', 'm1'],
      ['GET', 'tiny'],
      ['PFMERGE', 'tiny2', 'm1'],
      ['GET', 'tiny2'],
    ]);
    await setSparseMax(3000);
  });

  it('the cache: PFCOUNT writes it, a PFADD that changes a register invalidates it, WATCH and dirty see both', async () => {
    await h.reset();
    const p = await h.pair();
    await h.checkAll(
      [
        ['PFADD', 'k', 'a', 'b', 'c'],
        ['GET', 'k'],
        ['WATCH', 'k'],
        ['PFCOUNT', 'k'],
        ['MULTI'],
        ['PING'],
        ['EXEC'],
        ['GET', 'k'],
        ['WATCH', 'k'],
        ['PFCOUNT', 'k'],
        ['MULTI'],
        ['PING'],
        ['EXEC'],
        ['WATCH', 'k'],
        ['PFADD', 'k', 'a', 'b'],
        ['MULTI'],
        ['PING'],
        ['EXEC'],
        ['WATCH', 'k'],
        ['PFADD', 'k', 'zzz'],
        ['MULTI'],
        ['PING'],
        ['EXEC'],
        ['GET', 'k'],
        ['WATCH', 'k'],
        ['PFMERGE', 'k'],
        ['MULTI'],
        ['PING'],
        ['EXEC'],
        ['GET', 'k'],
      ],
      'exact',
      p,
    );
  });
});

describe('side effects', () => {
  const script: Arg[][] = [
    ['PFADD', 'a'],
    ['PFADD', 'a'],
    ['PFADD', 'a', 'x', 'y', 'z'],
    ['PFADD', 'a', 'x'],
    ['PFCOUNT', 'a'],
    ['PFCOUNT', 'a'],
    ['PFADD', 'b', ...elements('b', 2000)],
    ['PFCOUNT', 'a', 'b'],
    ['PFMERGE', 'c', 'a', 'b'],
    ['PFMERGE', 'c'],
    ['PFDEBUG', 'TODENSE', 'a'],
    ['PFDEBUG', 'TODENSE', 'a'],
    ['PFADD', 'd', 'q'],
    ['PFDEBUG', 'GETREG', 'd'],
    ['SET', 'bad', 'HYLL'],
    ['PFADD', 'bad', 'x'],
    ['PFMERGE', 'a', 'bad'],
  ];

  it('dirty: the changes counted as Redis counts them (PFADD per changed register, PFCOUNT writing the cache, TODENSE)', async () => {
    await h.reset();
    const p = await h.pair();
    const dirty = async (side: 'redis' | 'cinnabar') => {
      const info = await p[side].call('INFO', 'persistence');
      const text = info.t === '$' ? info.v!.toString('latin1') : '';
      return Number(/rdb_changes_since_last_save:(\d+)/.exec(text)![1]);
    };
    const before = { redis: await dirty('redis'), cinnabar: await dirty('cinnabar') };
    for (const cmd of script) {
      await h.check(cmd, 'exact', p);
      expect((await dirty('cinnabar')) - before.cinnabar, JSON.stringify(cmd.slice(0, 3))).toBe((await dirty('redis')) - before.redis);
    }
  });
});

describe('cross-loading', () => {
  it('an HLL string taken from real Redis gives the same PFCOUNT in Cinnabar, and the other way round', async () => {
    await h.reset();
    await setSparseMax(3000);
    const p = await h.pair();
    for (const n of [0, 1, 10, 100, 800, 1500, 3000, 20000, 100000]) {
      const elems = elements(`x${n}-`, n);
      // Redis -> Cinnabar
      for (let i = 0; i < elems.length || i === 0; i += 5000) await p.redis.call('PFADD', 'r', ...elems.slice(i, i + 5000));
      const fromRedis = bytesOf(await p.redis.call('GET', 'r'));
      await p.cinnabar.call('SET', 'r', fromRedis);
      const countRedis = await p.redis.call('PFCOUNT', 'r');
      expect(await p.cinnabar.call('PFCOUNT', 'r')).toEqual(countRedis);
      expect(bytesOf(await p.cinnabar.call('GET', 'r'))).toEqual(bytesOf(await p.redis.call('GET', 'r')));
      // Cinnabar -> Redis
      for (let i = 0; i < elems.length || i === 0; i += 5000) await p.cinnabar.call('PFADD', 'c', ...elems.slice(i, i + 5000));
      const fromCinnabar = bytesOf(await p.cinnabar.call('GET', 'c'));
      expect(fromCinnabar).toEqual(fromRedis);
      await p.redis.call('SET', 'c', fromCinnabar);
      expect(await p.redis.call('PFCOUNT', 'c')).toEqual(await p.cinnabar.call('PFCOUNT', 'c'));
      await p.redis.call('DEL', 'r', 'c');
      await p.cinnabar.call('DEL', 'r', 'c');
    }
  });
});

// ------------------------------------------------------------------------------ random sequences

const KEYS = ['h1', 'h2', 'h3', 'h4'];
const OTHER = ['str', 'list'];

function randomElements(rng: Rng, n: number): string[] {
  const space = rng.pick([20, 500, 5000, 1e6]);
  return Array.from({ length: n }, () => `e${rng.int(0, space)}`);
}

function corrupt(rng: Rng): Buffer {
  switch (rng.int(0, 7)) {
    case 0:
      return sparse([0x7f, 0xff, 0x80 | rng.int(0, 0x7f)]);
    case 1:
      return sparse([0x40 | rng.int(0, 0x3f), rng.int(0, 255)]);
    case 2:
      return Buffer.concat([header(rng.int(2, 255)), Buffer.from([0x7f, 0xff])]);
    case 3:
      return Buffer.concat([header(0), Buffer.alloc(rng.int(0, 100))]);
    case 4:
      return Buffer.from('HYLL').subarray(0, rng.int(0, 4));
    case 5:
      return sparse(Array.from({ length: rng.int(1, 12) }, () => rng.int(0, 255)));
    case 6:
      return sparse([0x7f, 0xff], [rng.int(0, 255), rng.int(0, 255), 0, 0, 0, 0, 0, 0]);
    default:
      return Buffer.concat([header(0, [0, 0, 0, 0, 0, 0, 0, 0x80]), Buffer.alloc(DENSE_SIZE - HDR, rng.int(0, 255))]);
  }
}

function genHll(rng: Rng): Step[] {
  const steps: Step[] = [];
  const max = rng.pick([0, 20, 100, 500, 3000, 3000, 3000, 8000]);
  steps.push({ args: ['CONFIG', 'SET', 'hll-sparse-max-bytes', String(max)] });
  const key = () => (rng.chance(0.85) ? rng.pick(KEYS) : rng.pick(OTHER));
  const keys = (min: number, most: number) => Array.from({ length: rng.int(min, most) }, key);
  const n = rng.int(8, 22);
  // A second client WATCHes keys over a stretch of the sequence, then runs MULTI/EXEC: EXEC
  // answers null exactly when a command in between signalled one of them as modified.
  const watchAt = rng.int(0, n - 1);
  const execAt = rng.int(watchAt + 1, n);
  for (let i = 0; i < n; i++) {
    if (i === watchAt) steps.push({ args: ['WATCH', ...keys(1, 2)], client: 1 });
    if (i === execAt) steps.push({ args: ['MULTI'], client: 1 }, { args: ['PING'], client: 1 }, { args: ['EXEC'], client: 1 });
    const r = rng.next();
    let args: Arg[];
    if (r < 0.35) {
      const count = rng.chance(0.15) ? rng.int(100, 1500) : rng.int(0, 12);
      args = [rng.caseOf('PFADD'), key(), ...randomElements(rng, count)];
    } else if (r < 0.5) args = [rng.caseOf('PFCOUNT'), ...keys(rng.chance(0.05) ? 0 : 1, 4)];
    else if (r < 0.62) args = [rng.caseOf('PFMERGE'), ...keys(rng.chance(0.05) ? 0 : 1, 4)];
    else if (r < 0.77) args = ['GET', rng.pick(KEYS)];
    else if (r < 0.82) args = ['SET', rng.pick(KEYS), corrupt(rng)];
    else if (r < 0.86) {
      const sub = rng.pick(['GETREG', 'DECODE', 'ENCODING', 'TODENSE', 'BOGUS']);
      args = rng.chance(0.1) ? ['PFDEBUG', sub] : ['PFDEBUG', rng.caseOf(sub), key()];
      if (sub === 'GETREG' && rng.chance(0.7)) args = ['PFDEBUG', 'ENCODING', key()];
    } else if (r < 0.89) args = rng.chance(0.5) ? ['SET', 'str', rng.pick(['v', 'HYLL', '12345'])] : ['RPUSH', 'list', 'a'];
    else if (r < 0.92) args = ['APPEND', rng.pick(KEYS), rng.pick(['x', '\x00', 'HYLL'])];
    else if (r < 0.95) args = ['SETRANGE', rng.pick(KEYS), String(rng.int(0, 40)), String.fromCharCode(rng.int(0, 255))];
    else if (r < 0.97) args = ['DEL', rng.pick(KEYS)];
    else if (r < 0.98) args = [rng.pick(['STRLEN', 'TYPE']), rng.pick(KEYS)];
    else if (r < 0.99) args = ['OBJECT', 'ENCODING', rng.pick(KEYS)];
    else if (r < 0.998) args = ['CONFIG', 'SET', 'hll-sparse-max-bytes', String(rng.pick([0, 50, 3000]))];
    else {
      // PFSELFTEST's outcome is random in Redis when hll-sparse-max-bytes is near the sparse
      // size of its checkpoints; at these it is not.
      steps.push({ args: ['CONFIG', 'SET', 'hll-sparse-max-bytes', String(rng.pick([0, 1, 3000]))] });
      args = [rng.caseOf('PFSELFTEST')];
    }
    steps.push({ args });
  }
  if (execAt === n) steps.push({ args: ['MULTI'], client: 1 }, { args: ['PING'], client: 1 }, { args: ['EXEC'], client: 1 });
  for (const k of KEYS) steps.push({ args: ['GET', k] }, { args: ['PFCOUNT', k] }, { args: ['OBJECT', 'ENCODING', k] });
  steps.push({ args: ['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'] });
  return steps;
}

describe('random sequences', () => {
  it('500 seeded sequences mixing every HyperLogLog command with wrong types, corrupt strings and a WATCHing client', async () => {
    await h.sequences('hyperloglog', Number(process.env.HLL_SEQUENCES ?? 500), genHll, 2);
  });

  it('100 more in RESP3, and the GETREG dumps', async () => {
    await h.sequences('hyperloglog-resp3', Number(process.env.HLL_SEQUENCES_RESP3 ?? 100), (rng) => [
      { args: ['HELLO', '3'], compare: 'type' },
      ...genHll(rng),
      { args: ['PFDEBUG', 'GETREG', rng.pick(KEYS)] },
    ], 2);
  });
});
