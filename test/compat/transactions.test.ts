import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat } from './harness.ts';

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
