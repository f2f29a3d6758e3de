// The generic key commands against real Redis: DEL UNLINK EXISTS TYPE KEYS SCAN RANDOMKEY
// RENAME RENAMENX COPY MOVE TOUCH OBJECT, plus the TTL carried by RENAME/COPY/MOVE. Time-driven
// expiry lives in expiry.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Arg, RespClient, RespValue } from '../support/resp-client.ts';
import { show } from '../support/resp-client.ts';
import { Compat, Rng, type Comparison, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

/** Keys and patterns with the bytes glob and the protocol care about. */
const BINARY_KEYS = ['', '\x00', '\xff', 'a\x00b', 'x\xffy', '\x80', '\x7f', '*', '?', '[', ']', '\\', '^', '-', 'a\\b', 'a*b', 'a[b', 'A'];
const TEXT_KEYS = ['a', 'b', 'ab', 'abc', 'aXc', 'hello', 'hallo', 'hxllo', 'hllo', 'heeeello', 'key:1', 'key:2', 'key:10', 'user:1:name', 'Hello'];
const ALL_KEYS = [...TEXT_KEYS, ...BINARY_KEYS];

/** Glob patterns, Redis's quirks included: '!' is not negation, unclosed brackets, escapes, signed-char ranges. */
const PATTERNS = [
  '*', '**', '***', '', '?', '??', '???*', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[!e]llo', 'h[a-b]llo', 'h[b-a]llo',
  '[a-z]*', '[z-a]*', '[A-Z]*', '[a-]*', '[-a]*', '[a-z', '[', '[^', '[]', '[]]', '[]a]', '[^]', '[^]]*', '[[]', '[\\]]', '[\\]',
  '[\\', '\\', '\\\\', '\\*', '\\?', '\\[', 'a\\', 'a\\*', 'a\\b', '*\\', '*\\\\*', '\\a\\b\\c', 'a*b', 'a**b', '*b*', '*a*b*',
  'key:*', 'key:?', 'key:??', 'key:[0-9]', 'key:[0-9]*', '*:*:*', 'user:*:name', '*\x00*', '\x00', '*\x00', '\x00*', 'a\x00b',
  '\xff', '\xff*', '*\xff*', '[\xff]', '[\x00-\xff]', '[\xff-\x00]', '[a-\xff]', '[\x80-\xff]', '[\x7f-\x80]', '[\x00-\x7f]',
  '[^\x00-\x7f]', '?\xff?', '[\\\xff]', '[a-z][a-z]', '[^a-z]', '[*]', '[?]', '*[', '*[a', '[a-c]b?', 'A*', '[a]*', '[^a]*',
  'h*l*o', '*l*l*', '*e*e*e*', '-', '[-]', '[\\-]', '[a\\-z]', '^*', '[\\^]*', '*]',
];

function rangeOf(r: RespValue): RespValue[] {
  if (r.t !== '*' || !r.v) throw new Error(`not an array: ${show(r)}`);
  return r.v;
}

/** A whole SCAN iteration on one connection: the set of keys it returned (duplicates allowed). */
async function scanAll(client: RespClient, opts: Arg[]): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = '0';
  for (let guard = 0; guard < 100_000; guard++) {
    const r = rangeOf(await client.call('SCAN', cursor, ...opts));
    const c = r[0];
    if (c.t !== '$' || c.v === null) throw new Error(`bad cursor ${show(c)}`);
    cursor = c.v.toString('latin1');
    for (const k of rangeOf(r[1])) {
      if (k.t !== '$' || k.v === null) throw new Error(`bad key ${show(k)}`);
      keys.add(k.v.toString('latin1'));
    }
    if (cursor === '0') return [...keys].sort();
  }
  throw new Error('SCAN did not finish');
}

async function expectSameScan(opts: Arg[]): Promise<void> {
  const p = await h.pair();
  const [r, c] = await Promise.all([scanAll(p.redis, opts), scanAll(p.cinnabar, opts)]);
  expect(c, `SCAN ${opts.join(' ')}`).toEqual(r);
}

describe('DEL UNLINK EXISTS TOUCH TYPE', () => {
  it('counts keys, repeats included for EXISTS and TOUCH, once for DEL', async () => {
    await h.reset();
    await h.check(['SET', 'a', '1']);
    await h.check(['SET', 'b', '2']);
    await h.check(['EXISTS', 'a']);
    await h.check(['EXISTS', 'a', 'a', 'b', 'nokey']);
    await h.check(['TOUCH', 'a', 'a', 'nokey', 'b']);
    await h.check(['TYPE', 'a']);
    await h.check(['TYPE', 'nokey']);
    await h.check(['DEL', 'a', 'a', 'nokey']);
    await h.check(['UNLINK', 'b', 'b']);
    await h.check(['EXISTS', 'a', 'b']);
    await h.check(['DEL', 'nokey']);
  });
  it('wrong arity', async () => {
    for (const cmd of [['DEL'], ['UNLINK'], ['EXISTS'], ['TOUCH'], ['TYPE'], ['TYPE', 'a', 'b']]) await h.check(cmd);
  });
  it('binary keys round-trip', async () => {
    await h.reset();
    for (const k of BINARY_KEYS) await h.check(['SET', k, `v${k}`]);
    for (const k of BINARY_KEYS) {
      await h.check(['GET', k]);
      await h.check(['EXISTS', k]);
    }
    await h.check(['KEYS', '*'], 'unordered');
    await h.check(['DEL', ...BINARY_KEYS]);
  });
});

describe('KEYS', () => {
  it('matches every pattern exactly as Redis, binary bytes included', async () => {
    await h.reset();
    for (const k of ALL_KEYS) await h.check(['SET', k, '1']);
    for (const p of PATTERNS) await h.check(['KEYS', p], 'unordered');
  });
  it('"*" matches the empty key but "**" does not', async () => {
    await h.reset();
    await h.check(['SET', '', 'empty']);
    await h.check(['KEYS', '*'], 'unordered');
    await h.check(['KEYS', '**'], 'unordered');
    await h.check(['KEYS', ''], 'unordered');
  });
  it('random patterns against random keys', async () => {
    const alphabet = ['a', 'b', '*', '?', '[', ']', '^', '!', '-', '\\', '\x00', '\xff', '\x80', 'z'];
    const rng = new Rng(7);
    const word = (max: number) => Array.from({ length: rng.int(0, max) }, () => rng.pick(alphabet)).join('');
    for (let round = 0; round < 15; round++) {
      await h.reset();
      for (let i = 0; i < 40; i++) await h.check(['SET', word(6), '1']);
      for (let i = 0; i < 60; i++) await h.check(['KEYS', word(7)], 'unordered');
    }
  });
  it('the 1000-deep star limit', async () => {
    await h.reset();
    await h.check(['SET', 'a'.repeat(1100), '1']);
    for (const n of [999, 1000, 1001, 1002]) {
      await h.check(['KEYS', '*a'.repeat(n)], 'unordered');
      await h.check(['KEYS', 'a*'.repeat(n)], 'unordered');
    }
  });
  it('pathological patterns finish', async () => {
    await h.reset();
    await h.check(['SET', 'a'.repeat(60), '1']);
    await h.check(['KEYS', `${'a*'.repeat(30)}b`], 'unordered');
    await h.check(['KEYS', `${'*a'.repeat(30)}*b`], 'unordered');
  });
  it('skips keys past their TTL', async () => {
    await h.reset();
    await h.check(['SET', 'gone', '1']);
    await h.check(['SET', 'kept', '1']);
    await h.check(['PEXPIREAT', 'gone', '1']);
    await h.check(['PEXPIRE', 'kept', '100000']);
    await h.check(['KEYS', '*'], 'unordered');
  });
  it('wrong arity', async () => {
    await h.check(['KEYS']);
    await h.check(['KEYS', 'a', 'b']);
  });
});

describe('SCAN', () => {
  it('a full iteration returns every key, with MATCH, COUNT and TYPE', async () => {
    await h.reset();
    for (let i = 0; i < 300; i++) await h.check(['SET', `key:${i}`, String(i)]);
    for (const k of BINARY_KEYS) await h.check(['SET', k, '1']);
    await expectSameScan([]);
    await expectSameScan(['COUNT', '1']);
    await expectSameScan(['COUNT', '7']);
    await expectSameScan(['COUNT', '1000']);
    await expectSameScan(['MATCH', 'key:1*']);
    await expectSameScan(['MATCH', 'key:[0-2]?', 'COUNT', '3']);
    await expectSameScan(['MATCH', '*\x00*']);
    await expectSameScan(['MATCH', '*']);
    await expectSameScan(['MATCH', '**']);
    await expectSameScan(['TYPE', 'string']);
    await expectSameScan(['TYPE', 'STRING', 'MATCH', 'key:2*']);
    await expectSameScan(['TYPE', 'string\x00junk']);
    await expectSameScan(['TYPE', 'hash']);
    await expectSameScan(['TYPE', 'nosuchtype']);
    await expectSameScan(['TYPE', 'none']);
    await expectSameScan(['MATCH', 'a', 'MATCH', 'key:5*', 'COUNT', '2', 'COUNT', '50']);
  });
  it('a key present for the whole scan is returned while others come and go', async () => {
    await h.reset();
    const p = await h.pair();
    for (let i = 0; i < 200; i++) await h.check(['SET', `stay:${i}`, '1']);
    for (const client of [p.redis, p.cinnabar]) {
      const seen = new Set<string>();
      let cursor = '0';
      let n = 0;
      do {
        const r = rangeOf(await client.call('SCAN', cursor, 'COUNT', '5'));
        cursor = (r[0] as { v: Buffer }).v.toString('latin1');
        for (const k of rangeOf(r[1])) seen.add((k as { v: Buffer }).v.toString('latin1'));
        await client.call('SET', `churn:${n}`, '1');
        await client.call('DEL', `churn:${n - 3}`);
        n++;
      } while (cursor !== '0');
      for (let i = 0; i < 200; i++) expect(seen.has(`stay:${i}`), `stay:${i}`).toBe(true);
    }
  });
  it('skips and reclaims expired keys', async () => {
    await h.reset();
    await h.check(['SET', 'a', '1']);
    await h.check(['SET', 'b', '1']);
    await h.check(['PEXPIREAT', 'a', '1']);
    await expectSameScan([]);
    await expectSameScan(['TYPE', 'none']);
  });
  it('cursor parsing as strtoul', async () => {
    await h.reset();
    await h.check(['SET', 'only', '1']);
    const ok: Comparison = (r, c) => (r.t === c.t && r.t === '*' ? null : `redis ${show(r)} cinnabar ${show(c)}`);
    for (const cur of ['0', '', '+0', '-0', '00', '\x00', '0\x00junk', '-1', '18446744073709551615', '-18446744073709551615', '1', '99999999999']) {
      await h.check(['SCAN', cur], ok);
    }
    for (const cur of [' 0', '0 ', '\t1', 'x', '1x', '+', '-', '0x10', '1.5', '18446744073709551616', '-18446744073709551616', '99999999999999999999999']) {
      await h.check(['SCAN', cur]);
    }
    // A single key and a cursor from 0: the reply is fully determined.
    await h.check(['SCAN', '0']);
    await h.check(['SCAN', '', 'COUNT', '100']);
  });
  it('option errors', async () => {
    for (const opts of [
      ['COUNT'], ['COUNT', '0'], ['COUNT', '-1'], ['COUNT', 'x'], ['COUNT', '1.5'], ['COUNT', '9223372036854775808'], ['MATCH'],
      ['TYPE'], ['FOO', 'bar'], ['COUNT', '1', 'MATCH'], ['match', '*', 'count', '0'], ['x', 'COUNT', 'y'],
    ]) {
      await h.check(['SCAN', '0', ...opts]);
    }
    await h.check(['SCAN', 'bad', 'COUNT', '0']);
    await h.check(['SCAN']);
  });
});

describe('RANDOMKEY', () => {
  it('nil on an empty db, the only key otherwise', async () => {
    await h.reset();
    await h.check(['RANDOMKEY']);
    await h.check(['SET', '\x00\xff', '1']);
    await h.check(['RANDOMKEY']);
    await h.check(['PEXPIREAT', '\x00\xff', '1']);
    await h.check(['RANDOMKEY']);
    await h.check(['RANDOMKEY', 'x']);
  });
  it('returns existing keys', async () => {
    await h.reset();
    for (const k of TEXT_KEYS) await h.check(['SET', k, '1']);
    const p = await h.pair();
    for (let i = 0; i < 50; i++) {
      const r = await p.cinnabar.call('RANDOMKEY');
      expect(r.t).toBe('$');
      expect(TEXT_KEYS).toContain((r as { v: Buffer }).v.toString('latin1'));
    }
  });
});

describe('RENAME RENAMENX', () => {
  it('moves the value and keeps the TTL', async () => {
    await h.reset();
    await h.check(['SET', 'a', 'va']);
    await h.check(['EXPIRE', 'a', '1000']);
    await h.check(['RENAME', 'a', 'b']);
    await h.check(['GET', 'a']);
    await h.check(['GET', 'b']);
    await h.check(['TTL', 'b']);
    await h.check(['TTL', 'a']);
  });
  it('overwrites the destination and its TTL', async () => {
    await h.reset();
    await h.check(['SET', 'a', 'va']);
    await h.check(['SET', 'b', 'vb']);
    await h.check(['EXPIRE', 'b', '1000']);
    await h.check(['RENAME', 'a', 'b']);
    await h.check(['TTL', 'b']);
    await h.check(['GET', 'b']);
  });
  it('onto itself, missing source, RENAMENX', async () => {
    await h.reset();
    await h.check(['RENAME', 'nokey', 'nokey']);
    await h.check(['RENAME', 'nokey', 'x']);
    await h.check(['RENAMENX', 'nokey', 'x']);
    await h.check(['RENAMENX', 'nokey', 'nokey']);
    await h.check(['SET', 'a', '1']);
    await h.check(['EXPIRE', 'a', '500']);
    await h.check(['RENAME', 'a', 'a']);
    await h.check(['TTL', 'a']);
    await h.check(['RENAMENX', 'a', 'a']);
    await h.check(['SET', 'b', '2']);
    await h.check(['RENAMENX', 'a', 'b']);
    await h.check(['RENAMENX', 'a', 'c']);
    await h.check(['GET', 'c']);
    await h.check(['TTL', 'c']);
    await h.check(['RENAME', 'a']);
    await h.check(['RENAMENX', 'a', 'b', 'c']);
  });
  it('an expired source is missing, an expired destination is free', async () => {
    await h.reset();
    await h.check(['SET', 'a', '1']);
    await h.check(['SET', 'b', '2']);
    await h.check(['PEXPIREAT', 'b', '1']);
    await h.check(['RENAMENX', 'a', 'b']);
    await h.check(['GET', 'b']);
  });
  it('binary names', async () => {
    await h.reset();
    await h.check(['SET', '\x00', '\xff']);
    await h.check(['RENAME', '\x00', '\xff\x00']);
    await h.check(['GET', '\xff\x00']);
    await h.check(['KEYS', '*'], 'unordered');
  });
});

describe('COPY', () => {
  it('copies value and TTL, within and across databases', async () => {
    await h.reset();
    await h.check(['SET', 'a', 'hello']);
    await h.check(['EXPIRE', 'a', '1000']);
    await h.check(['COPY', 'a', 'b']);
    await h.check(['GET', 'b']);
    await h.check(['TTL', 'b']);
    await h.check(['COPY', 'a', 'b']);
    await h.check(['COPY', 'a', 'b', 'REPLACE']);
    await h.check(['COPY', 'a', 'a', 'DB', '1']);
    await h.check(['SELECT', '1']);
    await h.check(['GET', 'a']);
    await h.check(['TTL', 'a']);
    await h.check(['SELECT', '0']);
  });
  it('errors', async () => {
    await h.reset();
    await h.check(['SET', 'a', '1']);
    for (const args of [
      ['a', 'a'], ['a', 'a', 'DB', '0'], ['a', 'a', 'REPLACE'], ['a', 'b', 'DB'], ['a', 'b', 'DB', 'x'], ['a', 'b', 'DB', '16'],
      ['a', 'b', 'DB', '-1'], ['a', 'b', 'DB', '2147483648'], ['a', 'b', 'DB', '99999999999999999999'], ['a', 'b', 'FOO'],
      ['a', 'b', 'REPLACE', 'FOO'], ['a', 'b', 'FOO', 'DB', 'x'], ['a', 'b', 'DB', 'x', 'FOO'], ['a', 'b', 'db', '1', 'replace', 'replace'],
      ['nokey', 'b'], ['nokey', 'nokey'], ['a'],
    ]) {
      await h.check(['COPY', ...args]);
    }
  });
  it('keeps the string encoding; a copied small integer is its own object', async () => {
    await h.reset();
    for (const v of ['5', '0', '9999', '10000', '-1', 'abc', 'x'.repeat(50)]) {
      await h.check(['SET', 's', v]);
      await h.check(['COPY', 's', 'd', 'REPLACE']);
      await h.check(['OBJECT', 'ENCODING', 'd']);
      await h.check(['OBJECT', 'REFCOUNT', 's']);
      await h.check(['OBJECT', 'REFCOUNT', 'd']);
      await h.check(['RENAME', 'd', 'e']);
      await h.check(['OBJECT', 'REFCOUNT', 'e']);
    }
  });
});

describe('MOVE', () => {
  it('moves with the TTL; refuses same db, existing target, missing key', async () => {
    await h.reset();
    await h.check(['SET', 'a', '1']);
    await h.check(['PEXPIRE', 'a', '100000']);
    await h.check(['MOVE', 'a', '1']);
    await h.check(['EXISTS', 'a']);
    await h.check(['SELECT', '1']);
    await h.check(['GET', 'a']);
    await h.check(['PTTL', 'a'], (r, c) => (r.t === ':' && c.t === ':' && Math.abs(Number(r.v - c.v)) <= 50 ? null : `${show(r)} vs ${show(c)}`));
    await h.check(['SET', 'b', 'in1']);
    await h.check(['SELECT', '0']);
    await h.check(['SET', 'b', 'in0']);
    await h.check(['MOVE', 'b', '1']);
    await h.check(['GET', 'b']);
    await h.check(['MOVE', 'b', '0']);
    await h.check(['MOVE', 'nokey', '1']);
    await h.check(['MOVE', 'nokey', '0']);
    for (const db of ['x', '16', '-1', '2147483648', '1.0', '']) await h.check(['MOVE', 'b', db]);
    await h.check(['MOVE', 'b']);
    await h.check(['MOVE', 'b', '1', '2']);
  });
});

describe('OBJECT', () => {
  it('ENCODING REFCOUNT IDLETIME FREQ HELP', async () => {
    await h.reset();
    for (const v of ['1', '-5', '12345678901234567890', '9223372036854775807', '01', ' 1', '1.5', 'a'.repeat(44), 'a'.repeat(45), '', '\x00\xff']) {
      await h.check(['SET', 'k', v]);
      await h.check(['OBJECT', 'ENCODING', 'k']);
      await h.check(['OBJECT', 'REFCOUNT', 'k']);
    }
    await h.check(['SET', 'fresh', 'not-a-shared-int']);
    await h.check(['OBJECT', 'IDLETIME', 'fresh']);
    await h.check(['OBJECT', 'FREQ', 'fresh']);
    for (const sub of ['ENCODING', 'REFCOUNT', 'IDLETIME', 'FREQ', 'encoding']) await h.check(['OBJECT', sub, 'nokey']);
    await h.check(['OBJECT', 'HELP']);
    await h.check(['OBJECT', 'help']);
    await h.check(['OBJECT']);
    await h.check(['OBJECT', 'foo']);
    await h.check(['OBJECT', 'foo', 'k']);
    await h.check(['OBJECT', 'ENCODING']);
    await h.check(['OBJECT', 'ENCODING', 'k', 'x']);
    await h.check(['OBJECT', 'HELP', 'x']);
  });
  it('FREQ and IDLETIME under an LFU policy; no shared integers under LRU with a memory limit', async () => {
    await h.reset();
    try {
      await h.check(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu']);
      await h.check(['SET', 'k', 'v']);
      await h.check(['OBJECT', 'FREQ', 'k']);
      await h.check(['OBJECT', 'IDLETIME', 'k']);
      await h.check(['OBJECT', 'FREQ', 'nokey']);
      await h.check(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru']);
      await h.check(['CONFIG', 'SET', 'maxmemory', '1gb']);
      await h.check(['SET', 'n', '5']);
      await h.check(['OBJECT', 'REFCOUNT', 'n']);
      await h.check(['OBJECT', 'ENCODING', 'n']);
      await h.check(['OBJECT', 'FREQ', 'n']);
    } finally {
      await h.check(['CONFIG', 'SET', 'maxmemory', '0']);
      await h.check(['CONFIG', 'SET', 'maxmemory-policy', 'noeviction']);
    }
  });
});

describe('WATCH sees generic writes', () => {
  async function watchedBy(setup: Arg[][], watchDb: number, watchKey: string, write: Arg[]): Promise<void> {
    await h.reset();
    const a = await h.pair();
    const b = await h.pair();
    for (const cmd of setup) await h.check(cmd, 'exact', b);
    await h.check(['SELECT', String(watchDb)], 'exact', a);
    await h.check(['WATCH', watchKey], 'exact', a);
    await h.check(write, 'exact', b);
    await h.check(['MULTI'], 'exact', a);
    await h.check(['PING'], 'exact', a);
    await h.check(['EXEC'], 'exact', a);
  }
  it('RENAME signals both keys, MOVE both databases, COPY the destination', async () => {
    const setup = [['SET', 'src', '1'], ['SET', 'other', '2']];
    await watchedBy(setup, 0, 'src', ['RENAME', 'src', 'dst']);
    await watchedBy(setup, 0, 'dst', ['RENAME', 'src', 'dst']);
    await watchedBy(setup, 0, 'src', ['RENAME', 'src', 'src']);
    await watchedBy(setup, 0, 'dst', ['RENAMENX', 'src', 'dst']);
    await watchedBy(setup, 0, 'other', ['RENAMENX', 'src', 'other']);
    await watchedBy(setup, 0, 'src', ['MOVE', 'src', '1']);
    await watchedBy(setup, 1, 'src', ['MOVE', 'src', '1']);
    await watchedBy(setup, 0, 'dst', ['COPY', 'src', 'dst']);
    await watchedBy(setup, 0, 'src', ['COPY', 'src', 'dst']);
    await watchedBy(setup, 2, 'dst', ['COPY', 'src', 'dst', 'DB', '2']);
    await watchedBy(setup, 0, 'src', ['DEL', 'src']);
    await watchedBy(setup, 0, 'src', ['UNLINK', 'nokey']);
    await watchedBy(setup, 0, 'src', ['EXPIRE', 'src', '100']);
    await watchedBy(setup, 0, 'src', ['EXPIRE', 'src', '100', 'XX']);
    await watchedBy(setup, 0, 'src', ['EXPIRE', 'src', '-1']);
    await watchedBy([...setup, ['EXPIRE', 'src', '100']], 0, 'src', ['PERSIST', 'src']);
    await watchedBy(setup, 0, 'src', ['PERSIST', 'src']);
    await watchedBy(setup, 0, 'src', ['TOUCH', 'src']);
  });
});

describe('RESP3', () => {
  it('the same replies under HELLO 3 (nulls, statuses, arrays)', async () => {
    await h.reset();
    const p = await h.pair();
    await h.check(['HELLO', '3'], 'type', p);
    for (const cmd of [['RANDOMKEY'], ['OBJECT', 'ENCODING', 'nokey'], ['OBJECT', 'REFCOUNT', 'nokey'], ['TYPE', 'nokey'], ['SET', 'k', '1'], ['TYPE', 'k'],
      ['KEYS', '*'], ['SCAN', '0'], ['SCAN', '0', 'MATCH', 'nomatch'], ['TTL', 'k'], ['EXPIRETIME', 'nokey'], ['OBJECT', 'HELP'], ['RENAME', 'nokey', 'x'],
      ['COPY', 'k', 'k'], ['MOVE', 'k', '1'], ['RANDOMKEY'], ['EXISTS', 'k', 'k']]) {
      await h.check(cmd, 'exact', p);
    }
  });
});

describe('lookup flavours', () => {
  it('keyspace hits, misses and expired keys count as in Redis', async () => {
    await h.reset();
    const p = await h.pair();
    const stats = async (client: RespClient) => {
      const r = await client.call('INFO', 'stats');
      const text = r.t === '$' && r.v ? r.v.toString('latin1') : '';
      return ['keyspace_hits', 'keyspace_misses', 'expired_keys'].map((f) => new RegExp(`^${f}:(\\d+)`, 'm').exec(text)?.[1]).join(' ');
    };
    await h.check(['CONFIG', 'RESETSTAT'], 'exact', p);
    const script: Arg[][] = [
      ['SET', 'a', '1'], ['SET', 'b', '2'], ['SET', 'gone', '3'], ['PEXPIREAT', 'gone', '1'], ['SET', 'later', '4'], ['PEXPIREAT', 'later', '4102444800000'],
      ['EXISTS', 'a', 'nokey'], ['TYPE', 'a'], ['TYPE', 'nokey'], ['TTL', 'a'], ['PTTL', 'nokey'], ['EXPIRETIME', 'later'], ['TOUCH', 'a', 'nokey'],
      ['OBJECT', 'ENCODING', 'a'], ['OBJECT', 'REFCOUNT', 'nokey'], ['OBJECT', 'IDLETIME', 'a'], ['SCAN', '0', 'TYPE', 'string'],
      ['KEYS', '*'], ['RANDOMKEY'], ['RENAME', 'a', 'c'], ['RENAME', 'nokey', 'x'], ['COPY', 'c', 'd'], ['COPY', 'nokey', 'd'], ['MOVE', 'd', '1'],
      ['EXPIRE', 'b', '100'], ['EXPIRE', 'nokey', '100'], ['PERSIST', 'b'], ['DEL', 'b', 'nokey'], ['GET', 'c'], ['GET', 'nokey'],
    ];
    for (const cmd of script) {
      await h.check(cmd, cmd[0] === 'RANDOMKEY' || cmd[0] === 'SCAN' || cmd[0] === 'KEYS' ? sameShape : 'exact', p);
      const [r, c] = await Promise.all([stats(p.redis), stats(p.cinnabar)]);
      expect(r).toMatch(/^\d+ \d+ \d+$/);
      expect(c, `after ${cmd.join(' ')}`).toBe(r);
    }
  });
});

// ---- random sequences ----

const SEQ_KEYS = ['a', 'b', 'c', 'key:1', 'key:2', '\x00', '\xff', 'a\x00b', '', '*', 'h?llo'];
const VALUES = ['v', '0', '5', '9999', '10000', '-1', '123456789012', 'x'.repeat(44), 'y'.repeat(45), '', '\x00\xff', '1.5', ' 7'];
const NUMBERS = ['0', '1', '-1', '100', '1000', '86400', '-100', '', 'x', '1.5', ' 1', '01', '9223372036854775807', '-9223372036854775808',
  '9223372036854775808', '9223372036854775', '9223372036854776', '-9223372036854775', '-9223372036854776', '9007199254740993',
  '9223372036854775000', '4102444800', '4102444800000', '1'];

const FIXED_AT = ['4102444800', '4102444801', '4102444799'];

/** Integer replies that may drift by `tolerance` between the two servers' clocks. */
function near(tolerance: bigint): Comparison {
  return (r, c) => {
    if (r.t === ':' && c.t === ':') {
      const d = r.v - c.v;
      return (d < 0n ? -d : d) <= tolerance ? null : `redis ${r.v} vs cinnabar ${c.v}`;
    }
    return show(r) === show(c) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`;
  };
}

/** Two replies of the same shape: RANDOMKEY (which key is random), OBJECT IDLETIME (a clock). */
const sameShape: Comparison = (r, c) => (r.t === c.t && isNil(r) === isNil(c) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`);

function isNil(r: RespValue): boolean {
  return r.t === '$' && r.v === null;
}

/** A complete SCAN (a COUNT larger than the keyspace): same cursor "0", same set of keys. */
const completeScan: Comparison = (r, c) => {
  if (r.t === '*' && c.t === '*' && r.v && c.v && r.v.length === 2 && c.v.length === 2) {
    const keys = (x: RespValue) => (x.t === '*' && x.v ? x.v.map(show).sort().join(',') : show(x));
    return show(r.v[0]) === show(c.v[0]) && keys(r.v[1]) === keys(c.v[1]) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`;
  }
  return show(r) === show(c) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`;
};

function genKeys(rng: Rng): Step[] {
  const steps: Step[] = [];
  const key = () => rng.pick(SEQ_KEYS);
  const num = () => rng.pick(NUMBERS);
  // A few milliseconds would expire mid-sequence at a moment that differs between the servers.
  const msNum = () => num().replace(/^[1-9]\d{0,4}$/, (v) => `${v}00000`);
  const expireOpts = () => (rng.chance(0.6) ? [] : Array.from({ length: rng.int(1, 2) }, () => rng.pick(['NX', 'XX', 'GT', 'LT', 'nx', 'gt', 'FOO', 'a\x00b'])));
  // A relative time compared by GT/LT with one set a moment before hinges on whether the clock
  // ticked in between: such pairs are left to the absolute forms.
  const relativeOpts = () => (rng.chance(0.6) ? [] : rng.pick([['NX'], ['XX'], ['nx'], ['FOO'], ['a\x00b'], ['NX', 'GT'], ['GT', 'LT'], ['XX', 'NX'], ['LT', 'nx'], ['GT', 'FOO']]));
  const ttlSeconds = () => rng.pick(['100', '1000', '5000', '-1', '0', '86400', '9223372036854775', '922337203685477']);
  const ttlMs = () => rng.pick(['100000', '5000000', '-1', '0', '9223372036854775807', '9007199254740993']);
  const future = () => String(Math.floor(Date.now() / 1000) + rng.int(100, 100000));
  const past = () => String(Math.floor(Date.now() / 1000) - rng.int(1, 100000));
  const n = rng.int(10, 60);
  // Populate first so that most commands meet existing keys.
  for (let i = 0, m = rng.int(2, 8); i < m; i++) steps.push({ args: ['SET', key(), rng.pick(VALUES)] });
  for (let i = 0; i < n; i++) {
    const r = rng.int(0, 43);
    let args: Arg[];
    let compare: Comparison = 'exact';
    switch (r) {
      case 0: case 1: args = ['SET', key(), rng.pick(VALUES)]; break;
      case 2: args = ['GET', key()]; break;
      case 3: args = [rng.pick(['DEL', 'UNLINK']), ...Array.from({ length: rng.int(0, 3) }, key)]; break;
      case 4: args = ['EXISTS', ...Array.from({ length: rng.int(0, 4) }, key)]; break;
      case 5: args = ['TOUCH', ...Array.from({ length: rng.int(0, 3) }, key)]; break;
      case 6: args = ['TYPE', key(), ...(rng.chance(0.1) ? ['x'] : [])]; break;
      case 7: case 8: args = ['KEYS', rng.pick(PATTERNS)]; compare = 'unordered'; break;
      case 9: {
        const opts: Arg[] = [];
        if (rng.chance(0.5)) opts.push('MATCH', rng.pick(PATTERNS));
        if (rng.chance(0.3)) opts.push('TYPE', rng.pick(['string', 'STRING', 'hash', 'none', 'bogus']));
        opts.push('COUNT', '1000');
        args = ['SCAN', '0', ...opts];
        compare = completeScan;
        break;
      }
      case 10: args = ['SCAN', rng.pick(['0', 'x', '-1', '', ' 0']), ...rng.pick([[], ['COUNT', '0'], ['COUNT'], ['MATCH'], ['BAD', '1'], ['COUNT', 'x'], ['TYPE']])]; compare = sameShape; break;
      case 11: args = ['RANDOMKEY', ...(rng.chance(0.1) ? ['x'] : [])]; compare = sameShape; break;
      case 12: case 13: args = [rng.pick(['RENAME', 'RENAMENX']), key(), key(), ...(rng.chance(0.05) ? ['x'] : [])]; break;
      case 14: case 15: {
        const opts: Arg[] = [];
        for (let j = rng.int(0, 2); j > 0; j--) opts.push(...rng.pick<Arg[]>([['REPLACE'], ['DB', String(rng.int(0, 2))], ['DB', rng.pick(['16', '-1', 'x'])], ['DB'], ['BOGUS']]));
        args = ['COPY', key(), key(), ...opts];
        break;
      }
      case 16: args = ['MOVE', key(), rng.pick(['0', '1', '2', '16', 'x', '-1'])]; break;
      case 17: args = ['SELECT', String(rng.int(0, 2))]; break;
      case 18: case 19: args = ['EXPIRE', key(), rng.chance(0.8) ? ttlSeconds() : num(), ...relativeOpts()]; break;
      case 20: args = ['PEXPIRE', key(), rng.chance(0.8) ? ttlMs() : msNum(), ...relativeOpts()]; break;
      // Fixed far-future times too, so that GT/LT meet equal expiries.
      case 21: args = ['EXPIREAT', key(), rng.pick([future(), past(), num(), ...FIXED_AT]), ...expireOpts()]; break;
      case 22: args = ['PEXPIREAT', key(), rng.pick([future() + '000', past() + '000', num(), ...FIXED_AT.map((t) => `${t}000`), '4102444800001']), ...expireOpts()]; break;
      case 23: case 24: args = ['TTL', key()]; compare = near(1n); break;
      case 25: args = ['PTTL', key()]; compare = near(50n); break;
      case 26: args = ['EXPIRETIME', key()]; compare = near(1n); break;
      case 27: args = ['PEXPIRETIME', key()]; compare = near(50n); break;
      case 28: args = ['PERSIST', key()]; break;
      case 29: args = ['OBJECT', 'ENCODING', key()]; break;
      case 30: args = ['OBJECT', 'REFCOUNT', key()]; break;
      case 31: args = ['OBJECT', rng.pick(['IDLETIME', 'FREQ']), key()]; compare = sameShape; break;
      case 32: args = rng.pick<Arg[]>([['OBJECT'], ['OBJECT', 'HELP'], ['OBJECT', 'NOPE', 'a'], ['OBJECT', 'ENCODING'], ['OBJECT', 'HELP', 'x']]); break;
      case 33: args = rng.pick<Arg[]>([['EXPIRE', key()], ['PEXPIREAT'], ['TTL'], ['PTTL', 'a', 'b'], ['PERSIST'], ['EXPIRETIME'], ['MOVE', 'a'], ['COPY', 'a'], ['RENAME', 'a'], ['SCAN']]); break;
      case 34: {
        const cmd = rng.pick(['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']);
        args = [cmd, key(), cmd === 'PEXPIRE' ? msNum() : num(), ...(cmd.endsWith('AT') ? expireOpts() : relativeOpts())];
        break;
      }
      case 35: args = ['FLUSHALL']; break;
      case 36: args = ['DEL', key(), key()]; break;
      case 37: args = ['EXISTS', key(), key(), key()]; break;
      case 38: args = ['COPY', key(), key(), 'DB', String(rng.int(0, 1)), 'REPLACE']; break;
      case 39: args = ['GET', key()]; break;
      case 40: args = ['KEYS', '*']; compare = 'unordered'; break;
      case 41: args = ['MOVE', key(), String(rng.int(0, 2))]; break;
      case 42: {
        // An expiry, then a conditional one on the same key: the NX/XX/GT/LT matrix, ties included.
        const k = key();
        steps.push({ args: rng.chance(0.8) ? ['EXPIREAT', k, rng.pick(FIXED_AT)] : ['PERSIST', k] });
        const cond = rng.pick([['NX'], ['XX'], ['GT'], ['LT'], ['XX', 'GT'], ['XX', 'LT'], ['gt', 'xx']]);
        args = [rng.pick(['EXPIREAT', 'PEXPIREAT']), k, '', ...cond];
        args[2] = args[0] === 'EXPIREAT' ? rng.pick(FIXED_AT) : `${rng.pick(FIXED_AT)}${rng.pick(['000', '001', '999'])}`;
        break;
      }
      default: args = ['TTL', key()]; compare = near(1n); break;
    }
    steps.push({ args, compare });
  }
  return steps;
}

describe('random sequences', () => {
  it('300 seeded sequences over every generic command', async () => {
    await h.sequences('keys', 300, genKeys);
  });
});
