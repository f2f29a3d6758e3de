import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat, Rng, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

describe('MULTI/EXEC', () => {
  it('queues and executes', async () => {
    await h.reset();
    await h.check(['MULTI']);
    await h.check(['SET', 'a', '1']);
    await h.check(['GET', 'a']);
    await h.check(['EXEC']);
  });
  it('aborts on a queueing error', async () => {
    await h.check(['MULTI']);
    await h.check(['SET', 'a']);
    await h.check(['NOSUCHCMD', 'x', 'y']);
    await h.check(['EXEC']);
    await h.check(['GET', 'a']);
  });
  it('nested MULTI, EXEC/DISCARD without MULTI, WATCH inside MULTI', async () => {
    await h.check(['EXEC']);
    await h.check(['DISCARD']);
    await h.check(['MULTI']);
    await h.check(['MULTI']);
    await h.check(['WATCH', 'x']);
    await h.check(['EXEC']);
  });
  it('WATCH fails EXEC when another client writes', async () => {
    await h.reset();
    const [a, b] = [await h.pair(), await h.pair()];
    await h.check(['WATCH', 'k'], 'exact', a);
    await h.check(['SET', 'k', 'x'], 'exact', b);
    await h.check(['MULTI'], 'exact', a);
    await h.check(['SET', 'k', 'y'], 'exact', a);
    const r = await h.check(['EXEC'], 'exact', a);
    expect(r).toEqual({ t: '*', v: null });
  });
});

// Two clients racing around WATCH/MULTI/EXEC: writes, deletes, expiry, flushes, SWAPDB and
// queueing errors from either side, compared with real Redis step by step.
const KEYS = ['k1', 'k2', 'k3'];
function genTransactions(rng: Rng): Step[] {
  const steps: Step[] = [];
  const inMulti = [false, false];
  const key = () => rng.pick(KEYS);
  const write = (): (string | number)[] =>
    rng.pick<() => (string | number)[]>([
      () => ['SET', key(), String(rng.int(0, 9))],
      () => ['INCR', key()],
      () => ['DEL', key()],
      () => ['APPEND', key(), 'x'],
      () => ['PEXPIRE', key(), 1],
      () => ['EXPIRE', key(), 100],
      () => ['PERSIST', key()],
      () => ['MSET', key(), 'a', key(), 'b'],
      () => ['GETDEL', key()],
      () => ['RENAME', key(), key()],
    ])();
  const n = rng.int(5, 40);
  for (let i = 0; i < n; i++) {
    const client = rng.int(0, 1);
    const r = rng.next();
    let args: (string | number)[];
    if (r < 0.12) args = ['WATCH', ...Array.from({ length: rng.int(1, 2) }, key)];
    else if (r < 0.22) args = ['MULTI'];
    else if (r < 0.34) args = ['EXEC'];
    else if (r < 0.37) args = ['DISCARD'];
    else if (r < 0.40) args = ['UNWATCH'];
    else if (r < 0.42) args = rng.pick([['FLUSHDB'], ['FLUSHALL'], ['SWAPDB', 0, 1], ['SELECT', rng.int(0, 1)]]);
    else if (r < 0.45) args = rng.pick([['SET', key()], ['NOSUCH', 'x'], ['GET'], ['INCR', 'a', 'b']]);
    else if (r < 0.70) args = write();
    else args = rng.pick([['GET', key()], ['EXISTS', key()], ['TTL', key()]]);
    if (args[0] === 'MULTI') inMulti[client] = true;
    if (args[0] === 'EXEC' || args[0] === 'DISCARD') inMulti[client] = false;
    // PEXPIRE k 1 runs directly or inside an EXEC: pause after either so both servers see the
    // key expired (no race on the millisecond), which lets a watched key expire before EXEC.
    const prev = steps[steps.length - 1]?.args[0];
    const sleepBefore = prev === 'PEXPIRE' || prev === 'EXEC' ? 5 : undefined;
    steps.push({ args, client, sleepBefore, compare: args[0] === 'TTL' ? 'type' : 'exact' });
  }
  for (const client of [0, 1]) if (inMulti[client]) steps.push({ args: ['EXEC'], client });
  return steps;
}

describe('transactions across two clients (random)', () => {
  it('matches real Redis over 250 seeded sequences', async () => {
    await h.sequences('transactions', 250, genTransactions, 2);
  });
});
