// Blocking commands through the in-process API: a call that blocks resolves when another client
// (here one on the same engine's RESP listener) makes its key ready or when it times out, and
// calls made meanwhile on the same handle wait behind it, as on a connection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cinnabar, ReplyError, type Listener } from '../../bindings/node/index.ts';
import { RespClient } from '../support/resp-client.ts';

let db: Cinnabar;
let listener: Listener;
let other: RespClient;

beforeEach(async () => {
  db = await Cinnabar.open();
  listener = await db.listen({ port: 0 });
  other = await RespClient.connect(listener.port);
});
afterEach(async () => {
  other.close();
  await listener.close();
  await db.close();
});

describe('blocking calls in process', () => {
  it('resolves when another client pushes, and later calls on the handle wait behind it', async () => {
    const order: string[] = [];
    const popped = db.call('BLPOP', 'q', '0').then((r) => {
      order.push('blpop');
      return r;
    });
    const pinged = db.call('LLEN', 'q').then((r) => {
      order.push('llen');
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    expect(await other.call('RPUSH', 'q', 'a', 'b')).toEqual({ t: ':', v: 2n });
    expect(await popped).toEqual(['q', 'a']);
    // LLEN ran after the pop: one element left.
    expect(await pinged).toBe(1);
    expect(order).toEqual(['blpop', 'llen']);
  });

  it('times out with the command timeout reply', async () => {
    const t0 = Date.now();
    expect(await db.call('BLPOP', 'nothing', '0.05')).toBeNull();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    expect(await db.call('BLMOVE', 'nothing', 'd', 'LEFT', 'LEFT', '0.02')).toBeNull();
  });

  it('does not block inside MULTI', async () => {
    await db.call('MULTI');
    await db.call('BLPOP', 'q', '0');
    expect(await db.call('EXEC')).toEqual([null]);
  });

  it('an unblocked error reply (CLIENT UNBLOCK ... ERROR) rejects the call', async () => {
    const id = await db.call('CLIENT', 'ID');
    const popped = db.call('BRPOP', 'q', '0').catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 20));
    expect(await other.call('CLIENT', 'UNBLOCK', String(id), 'ERROR')).toEqual({ t: ':', v: 1n });
    const e = await popped;
    expect(e).toBeInstanceOf(ReplyError);
    expect((e as Error).message).toBe('UNBLOCKED client unblocked via CLIENT UNBLOCK');
  });
});
