// Expiry against real Redis: the EXPIRE family with NX/XX/GT/LT, overflow, past times, the TTL
// family (exact where the clock does not matter, within ±1 s / ±50 ms where it does),
// millisecond precision, lazy expiry on access, and the active cycle reclaiming keys that
// nobody reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Arg, RespValue } from '../support/resp-client.ts';
import { show } from '../support/resp-client.ts';
import { Compat, type Comparison, type Pair, type Rng, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Integer replies that may differ by the time between the two servers running the command. */
function near(tolerance: bigint): Comparison {
  return (r, c) => {
    if (r.t === ':' && c.t === ':') {
      const d = r.v - c.v;
      return (d < 0n ? -d : d) <= tolerance ? null : `redis ${r.v} vs cinnabar ${c.v}`;
    }
    return show(r) === show(c) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`;
  };
}
const SECONDS = near(1n);
const MILLIS = near(50n);

function int(r: RespValue): number {
  if (r.t !== ':') throw new Error(`not an integer: ${show(r)}`);
  return Number(r.v);
}

describe('EXPIRE PEXPIRE EXPIREAT PEXPIREAT', () => {
  it('set a TTL on existing keys only; TTL -1 without one, -2 when missing', async () => {
    await h.reset();
    await h.check(['EXPIRE', 'nokey', '100']);
    await h.check(['TTL', 'nokey']);
    await h.check(['PTTL', 'nokey']);
    await h.check(['EXPIRETIME', 'nokey']);
    await h.check(['PEXPIRETIME', 'nokey']);
    await h.check(['SET', 'k', 'v']);
    await h.check(['TTL', 'k']);
    await h.check(['PTTL', 'k']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['EXPIRE', 'k', '100']);
    await h.check(['TTL', 'k']);
    await h.check(['PTTL', 'k'], MILLIS);
    await h.check(['EXPIRETIME', 'k'], SECONDS);
    await h.check(['PEXPIRETIME', 'k'], MILLIS);
    await h.check(['PEXPIRE', 'k', '100200']);
    await h.check(['TTL', 'k']);
  });
  it('absolute times are exact', async () => {
    await h.reset();
    await h.check(['SET', 'k', 'v']);
    await h.check(['EXPIREAT', 'k', '4102444800']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['PEXPIREAT', 'k', '4102444800123']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['PEXPIREAT', 'k', '4102444800499']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PEXPIREAT', 'k', '4102444800500']);
    await h.check(['EXPIRETIME', 'k']);
  });
  it('a time already past deletes the key at once and answers 1', async () => {
    for (const args of [['EXPIRE', 'k', '0'], ['EXPIRE', 'k', '-1'], ['PEXPIRE', 'k', '0'], ['PEXPIRE', 'k', '-100000'], ['EXPIREAT', 'k', '1'],
      ['PEXPIREAT', 'k', '1'], ['PEXPIREAT', 'k', '0'], ['PEXPIREAT', 'k', '-9223372036854775808'], ['EXPIREAT', 'k', '-9223372036854775'],
      ['EXPIREAT', 'k', String(Math.floor(Date.now() / 1000) - 10)]]) {
      await h.reset();
      await h.check(['SET', 'k', 'v']);
      await h.check(args);
      await h.check(['EXISTS', 'k']);
      await h.check(['TTL', 'k']);
      await h.check(args);
    }
  });
  it('huge values: overflow errors, and exact int64 expiry times', async () => {
    await h.reset();
    await h.check(['SET', 'k', 'v']);
    for (const [cmd, n] of [
      ['EXPIRE', '9223372036854775807'], ['EXPIRE', '9223372036854776'], ['EXPIRE', '9223372036854775'], ['EXPIRE', '-9223372036854776'],
      ['EXPIRE', '-9223372036854775808'], ['PEXPIRE', '9223372036854775807'], ['PEXPIRE', '9223372036854000000'],
      ['EXPIREAT', '9223372036854776'], ['EXPIREAT', '9223372036854775808'], ['PEXPIRE', '-9223372036854775808'],
    ]) {
      await h.check([cmd, 'k', n]);
      await h.check(['EXISTS', 'k']);
    }
    await h.reset();
    await h.check(['SET', 'k', 'v']);
    await h.check(['PEXPIREAT', 'k', '9223372036854775807']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PTTL', 'k'], MILLIS);
    await h.check(['TTL', 'k'], SECONDS);
    await h.check(['EXPIREAT', 'k', '9223372036854775']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['EXPIRETIME', 'k']);
    await h.check(['PEXPIREAT', 'k', '9007199254740993']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['PEXPIREAT', 'k', '9007199254740993', 'GT']);
    await h.check(['PEXPIREAT', 'k', '9007199254740992', 'LT']);
    await h.check(['PEXPIRETIME', 'k']);
    await h.check(['RENAME', 'k', 'k2']);
    await h.check(['PEXPIRETIME', 'k2']);
    await h.check(['COPY', 'k2', 'k3', 'DB', '1']);
    await h.check(['MOVE', 'k2', '2']);
    await h.check(['SELECT', '2']);
    await h.check(['PEXPIRETIME', 'k2']);
    await h.check(['SELECT', '1']);
    await h.check(['PEXPIRETIME', 'k3']);
    await h.check(['SELECT', '0']);
    await h.check(['EXPIRE', 'x', '9223372036854776']);
    await h.check(['EXPIRE', 'x', 'abc']);
  });
  it('NX XX GT LT, their conflicts and unknown options', async () => {
    await h.reset();
    await h.check(['SET', 'k', 'v']);
    for (const opts of [['XX'], ['GT'], ['LT'], ['NX'], ['NX'], ['XX'], ['GT'], ['LT']]) {
      await h.check(['EXPIREAT', 'k', '4102444800', ...opts]);
      await h.check(['EXPIRETIME', 'k']);
    }
    for (const [t, opts] of [['4102444801', ['GT']], ['4102444801', ['GT']], ['4102444799', ['LT']], ['4102444799', ['LT']], ['4102444900', ['LT']], ['1', ['LT']]] as const) {
      await h.check(['EXPIREAT', 'k', t, ...opts]);
      await h.check(['EXPIRETIME', 'k']);
    }
    await h.check(['SET', 'k', 'v']);
    await h.check(['EXPIRE', 'k', '-1', 'GT']);
    await h.check(['EXISTS', 'k']);
    await h.check(['EXPIRE', 'k', '-1', 'LT']);
    await h.check(['EXISTS', 'k']);
    await h.check(['SET', 'k', 'v']);
    for (const opts of [['NX', 'XX'], ['NX', 'GT'], ['NX', 'LT'], ['GT', 'LT'], ['XX', 'GT', 'LT'], ['nx', 'nx'], ['XX', 'XX'], ['GT', 'XX'], ['FOO'], ['NX', 'FOO'],
      ['FOO', 'NX', 'XX'], [''], ['a\x00b'], ['ab\r\n'], ['a\rb'], ['\xff']]) {
      await h.check(['EXPIREAT', 'k', '4102444800', ...opts]);
      await h.check(['EXPIRE', 'k', '100', ...opts.filter((o) => !/^(gt|lt)$/i.test(o))]);
      await h.check(['EXPIRE', 'k', 'notanumber', ...opts]);
      await h.check(['PEXPIREAT', 'nokey', '99999999999999999999', ...opts]);
    }
    await h.check(['TTL', 'k']);
  });
  it('errors and arity', async () => {
    for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) {
      for (const n of ['', 'x', '1.5', ' 1', '01', '+1', '9223372036854775808', '0x10']) await h.check([cmd, 'k', n]);
      await h.check([cmd, 'k']);
      await h.check([cmd]);
    }
    for (const cmd of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'PERSIST']) {
      await h.check([cmd]);
      await h.check([cmd, 'a', 'b']);
    }
  });
});

describe('PERSIST', () => {
  it('removes a TTL; 0 without one or without the key', async () => {
    await h.reset();
    await h.check(['PERSIST', 'nokey']);
    await h.check(['SET', 'k', 'v']);
    await h.check(['PERSIST', 'k']);
    await h.check(['EXPIRE', 'k', '100']);
    await h.check(['PERSIST', 'k']);
    await h.check(['TTL', 'k']);
    await h.check(['PERSIST', 'k']);
  });
});

describe('time passing', () => {
  it('millisecond precision: alive before the deadline, gone after it', async () => {
    await h.reset();
    await h.check(['SET', 'k', 'v']);
    await h.check(['PEXPIRE', 'k', '300']);
    await sleep(120);
    await h.check(['GET', 'k']);
    await h.check(['PTTL', 'k'], MILLIS);
    await h.check(['TTL', 'k']);
    await sleep(250);
    await h.check(['GET', 'k']);
    await h.check(['TTL', 'k']);
    await h.check(['EXISTS', 'k']);
  });
  it('RENAME, COPY and MOVE carry the deadline, SET drops it, PERSIST cancels it', async () => {
    await h.reset();
    for (const k of ['r', 'c', 'm', 's', 'p']) {
      await h.check(['SET', k, 'v']);
      await h.check(['PEXPIRE', k, '150']);
    }
    await h.check(['RENAME', 'r', 'r2']);
    await h.check(['COPY', 'c', 'c2']);
    await h.check(['MOVE', 'm', '1']);
    await h.check(['SET', 's', 'v2']);
    await h.check(['PERSIST', 'p']);
    await sleep(250);
    await h.check(['KEYS', '*'], 'unordered');
    await h.check(['SELECT', '1']);
    await h.check(['EXISTS', 'm']);
    await h.check(['SELECT', '0']);
  });
  it('lazy expiry: a key past its TTL is gone for every command that looks at it', async () => {
    const reads: Arg[][] = [['GET', 'k'], ['EXISTS', 'k'], ['TYPE', 'k'], ['TTL', 'k'], ['PTTL', 'k'], ['TOUCH', 'k'], ['OBJECT', 'ENCODING', 'k'],
      ['RENAME', 'k', 'x'], ['COPY', 'k', 'x'], ['MOVE', 'k', '1'], ['EXPIRE', 'k', '100'], ['PERSIST', 'k'], ['DEL', 'k'], ['KEYS', 'k'],
      ['SCAN', '0', 'MATCH', 'k'], ['RANDOMKEY'], ['EXPIRETIME', 'k'], ['OBJECT', 'REFCOUNT', 'k']];
    for (const read of reads) {
      await h.reset();
      await h.check(['SET', 'k', 'v']);
      await h.check(['PEXPIRE', 'k', '20']);
      await sleep(60);
      await h.check(read);
      await h.check(['EXISTS', 'k']);
    }
  });
  it('the active cycle reclaims expired keys nobody reads', async () => {
    await h.reset();
    const p = await h.pair();
    for (let i = 0; i < 300; i++) {
      await h.check(['SET', `t:${i}`, 'v'], 'exact', p);
      await h.check(['PEXPIRE', `t:${i}`, String(50 + (i % 50))], 'exact', p);
    }
    for (let i = 0; i < 20; i++) await h.check(['SET', `keep:${i}`, 'v'], 'exact', p);
    // Nothing reads the keys: only the background cycle (hz 10) can bring DBSIZE down.
    const deadline = Date.now() + 5000;
    let sizes: [number, number] = [-1, -1];
    while (Date.now() < deadline) {
      await sleep(100);
      sizes = [int(await p.redis.call('DBSIZE')), int(await p.cinnabar.call('DBSIZE'))];
      if (sizes[0] === 20 && sizes[1] === 20) break;
    }
    expect(sizes).toEqual([20, 20]);
  });
  it('DEBUG SET-ACTIVE-EXPIRE 0 leaves them for lazy expiry', async () => {
    await h.reset();
    const p = await h.pair();
    try {
      await setActiveExpire(p, false);
      for (let i = 0; i < 50; i++) {
        await h.check(['SET', `t:${i}`, 'v'], 'exact', p);
        await h.check(['PEXPIRE', `t:${i}`, '30'], 'exact', p);
      }
      await sleep(400);
      // Still counted (nothing reclaimed them), yet invisible.
      await h.check(['DBSIZE'], 'exact', p);
      await h.check(['KEYS', '*'], 'unordered', p);
      await h.check(['DBSIZE'], 'exact', p);
      for (let i = 0; i < 10; i++) await h.check(['GET', `t:${i}`], 'exact', p);
      await h.check(['DBSIZE'], 'exact', p);
      await h.check(['SCAN', '0', 'COUNT', '1000'], (r, c) => (show(r) === show(c) ? null : `${show(r)} vs ${show(c)}`), p);
      await h.check(['DBSIZE'], 'exact', p);
    } finally {
      await setActiveExpire(p, true);
    }
  });
  it('WATCH: a watched key that expires fails the EXEC', async () => {
    await h.reset();
    const p = await h.pair();
    await h.check(['SET', 'w', 'v'], 'exact', p);
    await h.check(['PEXPIRE', 'w', '50'], 'exact', p);
    await h.check(['WATCH', 'w'], 'exact', p);
    await sleep(120);
    await h.check(['MULTI'], 'exact', p);
    await h.check(['PING'], 'exact', p);
    await h.check(['EXEC'], 'exact', p);
  });
});

/** DEBUG SET-ACTIVE-EXPIRE on both servers. */
async function setActiveExpire(p: Pair, on: boolean): Promise<void> {
  await h.check(['DEBUG', 'SET-ACTIVE-EXPIRE', on ? '1' : '0'], 'exact', p);
}

// ---- random sequences with time passing ----

const KEYS = ['a', 'b', 'c', '\x00k', '\xffk'];
/** A check this close before a deadline might run after it on a loaded machine. */
const BEFORE_MARGIN = 60;
/** Redis deletes strictly after the deadline's millisecond. */
const AFTER_MARGIN = 5;

function genExpiry(rng: Rng): Step[] {
  const steps: Step[] = [];
  // Deadlines on the sequence's own clock (sum of sleeps): every expiry that might be set.
  const deadlines: number[] = [];
  let now = 0;
  let pendingSleep = 0;
  let sleeps = rng.int(1, 3);
  const key = () => rng.pick(KEYS);
  const opts = () => (rng.chance(0.7) ? [] : [rng.pick(['NX', 'XX', 'GT', 'LT'])]);
  // GT/LT between two relative times set moments apart depends on whether the clock ticked.
  const relativeOpts = () => (rng.chance(0.7) ? [] : [rng.pick(['NX', 'XX'])]);
  const push = (args: Arg[], compare: Comparison = 'exact') => {
    steps.push({ args, compare, sleepBefore: pendingSleep || undefined });
    pendingSleep = 0;
  };
  const far = () => String(Math.floor(Date.now() / 1000) + rng.pick([-100000, -1, 100000]));
  const n = rng.int(8, 35);
  for (let i = 0; i < n; i++) {
    const r = rng.int(0, 27);
    if (r === 0 && sleeps > 0) {
      // A sleep landing well clear of every deadline: before by BEFORE_MARGIN or after by AFTER_MARGIN.
      for (let tries = 0; tries < 30; tries++) {
        const s = rng.int(10, 110);
        const t = now + s;
        if (deadlines.every((d) => t <= d - BEFORE_MARGIN || t >= d + AFTER_MARGIN)) {
          pendingSleep = s;
          now = t;
          sleeps--;
          break;
        }
      }
      continue;
    }
    switch (r) {
      case 1: case 2: push(['SET', key(), rng.pick(['v', '7', 'x'.repeat(50)])]); break;
      case 3: case 4: {
        const ms = rng.pick([20, 40, 70, 100, 150, 250, 100000]);
        deadlines.push(now + ms);
        push(['PEXPIRE', key(), String(ms), ...relativeOpts()]);
        break;
      }
      case 5: {
        const s = rng.pick([1, 100, -1, 0]);
        if (s > 0) deadlines.push(now + s * 1000);
        push(['EXPIRE', key(), String(s), ...relativeOpts()]);
        break;
      }
      case 6: push([rng.pick(['EXPIREAT', 'PEXPIREAT']), key(), far(), ...opts()]); break;
      case 7: push(['GET', key()]); break;
      case 8: push(['EXISTS', key(), key()]); break;
      case 9: push(['TTL', key()], SECONDS); break;
      case 10: push(['PTTL', key()], MILLIS); break;
      case 11: push(['EXPIRETIME', key()], SECONDS); break;
      case 12: push(['PEXPIRETIME', key()], MILLIS); break;
      case 13: push(['PERSIST', key()]); break;
      case 14: push(['RENAME', key(), key()]); break;
      case 15: push(['RENAMENX', key(), key()]); break;
      case 16: push(['COPY', key(), key(), ...(rng.chance(0.5) ? ['REPLACE'] : [])]); break;
      case 17: push(['MOVE', key(), String(rng.int(0, 1))]); break;
      case 18: push(['SELECT', String(rng.int(0, 1))]); break;
      case 19: push(['KEYS', '*'], 'unordered'); break;
      case 20: push(['SCAN', '0', 'COUNT', '100'], scanSet); break;
      case 21: push(['TYPE', key()]); break;
      case 22: push(['TOUCH', key(), key()]); break;
      case 23: push(['DEL', key()]); break;
      case 24: push(['OBJECT', 'ENCODING', key()]); break;
      case 25: push(['RANDOMKEY'], (r2, c2) => (r2.t === c2.t && (r2.t === '$') && (r2.v === null) === ((c2 as typeof r2).v === null) ? null : `${show(r2)} vs ${show(c2)}`)); break;
      case 26: push(['GET', key()]); break;
      default: push(['TTL', key()], SECONDS); break;
    }
  }
  if (pendingSleep) push(['KEYS', '*'], 'unordered');
  return steps;
}

/** A one-call SCAN: cursor 0 on both, the same keys in any order. */
const scanSet: Comparison = (r, c) => {
  const norm = (x: RespValue) =>
    x.t === '*' && x.v && x.v.length === 2 && x.v[1].t === '*' && x.v[1].v ? `${show(x.v[0])} ${x.v[1].v.map(show).sort().join(',')}` : show(x);
  return norm(r) === norm(c) ? null : `redis ${show(r)} vs cinnabar ${show(c)}`;
};

describe('random sequences', () => {
  it('200 seeded sequences with time passing', async () => {
    await h.sequences('expiry', 200, genExpiry);
  });
});
