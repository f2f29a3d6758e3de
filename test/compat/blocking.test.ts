// Blocking commands with several real clients, against real Redis: each scenario runs on fresh
// connections to redis-server and then to Cinnabar, logging every reply under a label (one
// label per client or step), and the two logs must be equal. Order within a label is arrival
// order; across labels it is not compared (replies on different sockets race). A client is known to be blocked (before another
// pushes) by polling INFO blocked_clients, never by sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespClient, show, type Arg, type RespValue } from '../support/resp-client.ts';
import { Compat } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Side {
  /** Connections c[0..n-1]; the last one is an admin connection used for waits. */
  c: RespClient[];
  /** Records a reply under a label, in arrival order. */
  log: (label: string, r: RespValue | string) => void;
  /** Sends a command whose reply will be logged when it arrives (it may block). */
  send: (i: number, label: string, ...args: Arg[]) => Promise<void>;
  /** Resolves once `n` clients are blocked. */
  blocked: (n: number) => Promise<void>;
}

async function onServer(port: number, clients: number, script: (s: Side) => Promise<void>): Promise<string[]> {
  const c = await Promise.all(Array.from({ length: clients + 1 }, () => RespClient.connect(port)));
  const admin = c[clients];
  const byLabel = new Map<string, string[]>();
  const side: Side = {
    c,
    log: (label, r) => {
      const list = byLabel.get(label) ?? [];
      byLabel.set(label, list);
      list.push(typeof r === 'string' ? r : show(r));
    },
    send: (i, label, ...args) => c[i].call(...args).then((r) => side.log(label, r)),
    async blocked(n) {
      for (let tries = 0; tries < 500; tries++) {
        const r = await admin.call('INFO', 'clients');
        const m = /blocked_clients:(\d+)/.exec(r.t === '$' && r.v ? r.v.toString() : '');
        if (m && Number(m[1]) === n) return;
        await sleep(5);
      }
      throw new Error(`never saw ${n} blocked clients`);
    },
  };
  try {
    await admin.call('FLUSHALL');
    await script(side);
  } finally {
    for (const x of c) x.close();
  }
  return [...byLabel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, list]) => `${label}: ${list.join(' | ')}`);
}

/** Runs the script against both servers and compares what each client saw, in order. */
async function same(clients: number, script: (s: Side) => Promise<void>): Promise<string[]> {
  const redis = await onServer(h.redisPort, clients, script);
  const cinnabar = await onServer(h.cinnabarPort, clients, script);
  expect(cinnabar).toEqual(redis);
  return redis;
}

describe('blocking lists with several clients', () => {
  it('serves clients blocked on one key in FIFO order, one element each', async () => {
    const log = await same(4, async (s) => {
      const done = [s.send(0, 'c0', 'BLPOP', 'q', '0'), s.send(1, 'c1', 'BLPOP', 'q', '0'), s.send(2, 'c2', 'BRPOP', 'q', '0')];
      await s.blocked(3);
      s.log('push', await s.c[3].call('RPUSH', 'q', 'a', 'b'));
      await Promise.all(done.slice(0, 2));
      await s.blocked(1);
      s.log('push', await s.c[3].call('RPUSH', 'q', 'c'));
      await done[2];
      s.log('left', await s.c[3].call('LLEN', 'q'));
    });
    // The first client blocked got the first element, the second the second, the third the next push.
    expect(log).toContain('c0: *["q", "a"]');
    expect(log).toContain('c1: *["q", "b"]');
    expect(log).toContain('c2: *["q", "c"]');
  });

  it('serves a client blocked on several keys from whichever gets a push', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLPOP', 'a', 'b', 'c', '0');
      await s.blocked(1);
      s.log('push', await s.c[1].call('RPUSH', 'b', 'x', 'y'));
      await w;
      s.log('rest', await s.c[1].call('LRANGE', 'b', '0', '-1'));
    });
  });

  it('times out with sub-second precision, answering what Redis answers (a null array, even for BLMOVE/BRPOPLPUSH)', async () => {
    await same(1, async (s) => {
      for (const args of [
        ['BLPOP', 'none', '0.05'],
        ['BRPOP', 'none', 'none2', '0.05'],
        ['BLMPOP', '0.05', '1', 'none', 'LEFT'],
        ['BLMOVE', 'none', 'dst', 'LEFT', 'RIGHT', '0.05'],
        ['BRPOPLPUSH', 'none', 'dst', '0.05'],
      ]) {
        const t0 = Date.now();
        s.log(args[0], await s.c[0].call(...args));
        const ms = Date.now() - t0;
        s.log(`${args[0]} waited >= 40 ms`, String(ms >= 40));
      }
    });
  });

  it('a tiny negative timeout truncates to 0 (wait forever), as (long long)(-0.0001 * 1000.0) does', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLPOP', 'k', '-0.0001');
      await s.blocked(1);
      s.log('push', await s.c[1].call('RPUSH', 'k', 'v'));
      await w;
      s.log('negative', await s.c[1].call('BLPOP', 'k', '-0.001000001'));
    });
  });

  it('wakes on pushes made inside MULTI/EXEC, after the whole transaction', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLPOP', 'q', '0');
      await s.blocked(1);
      const t = s.c[1];
      for (const cmd of [['MULTI'], ['RPUSH', 'q', 'a', 'b', 'c'], ['LPOP', 'q'], ['RPOP', 'q']]) s.log('tx', await t.call(...cmd));
      s.log('exec', await t.call('EXEC'));
      await w;
      s.log('left', await t.call('LLEN', 'q'));
    });
  });

  it('a push that is popped again within the same MULTI wakes nobody', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLPOP', 'q', '1');
      await s.blocked(1);
      const t = s.c[1];
      for (const cmd of [['MULTI'], ['RPUSH', 'q', 'a'], ['LPOP', 'q'], ['EXEC']]) s.log('tx', await t.call(...cmd));
      s.log('blocked still', String(await t.call('INFO', 'clients').then((r) => show(r).includes('blocked_clients:1'))));
      await w;
    });
  });

  it('does not block inside MULTI: empty keys answer as a timeout', async () => {
    await same(1, async (s) => {
      const c = s.c[0];
      for (const cmd of [['MULTI'], ['BLPOP', 'q', '0'], ['BRPOPLPUSH', 'q', 'd', '0'], ['BLMPOP', '0', '1', 'q', 'RIGHT'], ['BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0'], ['EXEC']]) {
        s.log(cmd[0], await c.call(...cmd));
      }
    });
  });

  it('forgets a client that disconnects while blocked', async () => {
    await same(2, async (s) => {
      s.c[0].call('BLPOP', 'q', '0').catch(() => undefined);
      await s.blocked(1);
      s.c[0].close();
      await s.blocked(0);
      s.log('push', await s.c[1].call('RPUSH', 'q', 'v'));
      s.log('len', await s.c[1].call('LLEN', 'q'));
    });
  });

  it('keeps waiting while the key holds another type, and is served once a list appears', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLPOP', 'k', '0');
      await s.blocked(1);
      const o = s.c[1];
      s.log('set', await o.call('SET', 'k', 'str'));
      s.log('lpush', await o.call('LPUSH', 'k', 'x'));
      s.log('del', await o.call('DEL', 'k'));
      s.log('sadd', await o.call('SADD', 'k', 'm'));
      s.log('del', await o.call('DEL', 'k'));
      await sleep(20);
      s.log('rpush', await o.call('RPUSH', 'k', 'finally'));
      await w;
    });
  });

  it('is woken by RENAME, MOVE and SWAPDB bringing a list under the awaited key', async () => {
    await same(2, async (s) => {
      const o = s.c[1];
      let w = s.send(0, 'c0', 'BLPOP', 'k', '0');
      await s.blocked(1);
      s.log('rpush', await o.call('RPUSH', 'src', 'renamed'));
      s.log('rename', await o.call('RENAME', 'src', 'k'));
      await w;
      w = s.send(0, 'c0', 'BLPOP', 'k', '0');
      await s.blocked(1);
      s.log('select', await o.call('SELECT', '3'));
      s.log('rpush', await o.call('RPUSH', 'k', 'moved'));
      s.log('move', await o.call('MOVE', 'k', '0'));
      await w;
      w = s.send(0, 'c0', 'BLPOP', 'k', '0');
      await s.blocked(1);
      s.log('rpush', await o.call('RPUSH', 'k', 'swapped'));
      s.log('swapdb', await o.call('SWAPDB', '0', '3'));
      await w;
    });
  });

  it('serves BLMOVE and then the client waiting on its destination', async () => {
    await same(3, async (s) => {
      const a = s.send(0, 'c0', 'BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0');
      await s.blocked(1);
      const b = s.send(1, 'c1', 'BRPOPLPUSH', 'dst', 'final', '0');
      await s.blocked(2);
      s.log('push', await s.c[2].call('RPUSH', 'src', 'v1', 'v2'));
      await Promise.all([a, b]);
      s.log('src', await s.c[2].call('LRANGE', 'src', '0', '-1'));
      s.log('dst', await s.c[2].call('LRANGE', 'dst', '0', '-1'));
      s.log('final', await s.c[2].call('LRANGE', 'final', '0', '-1'));
    });
  });

  it('BLMPOP takes COUNT elements from the first non-empty key', async () => {
    await same(2, async (s) => {
      const w = s.send(0, 'c0', 'BLMPOP', '0', '2', 'x', 'y', 'RIGHT', 'COUNT', '2');
      await s.blocked(1);
      s.log('push', await s.c[1].call('RPUSH', 'y', '1', '2', '3'));
      await w;
    });
  });

  it('answers commands pipelined behind a blocking one only after it, in order', async () => {
    await same(2, async (s) => {
      const c = s.c[0];
      const replies = c.callMany([['BLPOP', 'q', '0'], ['PING'], ['LLEN', 'q'], ['ECHO', 'after']]);
      await s.blocked(1);
      s.log('push', await s.c[1].call('RPUSH', 'q', 'a', 'b'));
      for (const r of await replies) s.log('c0', r);
    });
  });

  it('waits in the database it was in', async () => {
    await same(2, async (s) => {
      s.log('select', await s.c[0].call('SELECT', '2'));
      const w = s.send(0, 'c0', 'BLPOP', 'q', '0');
      await s.blocked(1);
      s.log('push db0', await s.c[1].call('RPUSH', 'q', 'wrong-db'));
      s.log('select', await s.c[1].call('SELECT', '2'));
      s.log('push db2', await s.c[1].call('RPUSH', 'q', 'right-db'));
      await w;
    });
  });

  it('CLIENT UNBLOCK: TIMEOUT answers the timeout reply, ERROR the UNBLOCKED error, 0 for a client not blocked', async () => {
    await same(2, async (s) => {
      const idReply = await s.c[0].call('CLIENT', 'ID');
      const id = String((idReply as { v: unknown }).v);
      let w = s.send(0, 'c0', 'BLPOP', 'q', '0');
      await s.blocked(1);
      s.log('unblock', await s.c[1].call('CLIENT', 'UNBLOCK', id));
      await w;
      w = s.send(0, 'c0', 'BRPOPLPUSH', 'q', 'd', '0');
      await s.blocked(1);
      s.log('unblock timeout', await s.c[1].call('CLIENT', 'UNBLOCK', id, 'TIMEOUT'));
      await w;
      w = s.send(0, 'c0', 'BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0');
      await s.blocked(1);
      s.log('unblock error', await s.c[1].call('CLIENT', 'UNBLOCK', id, 'ERROR'));
      await w;
      s.log('not blocked', await s.c[1].call('CLIENT', 'UNBLOCK', id));
      s.log('bad reason', await s.c[1].call('CLIENT', 'UNBLOCK', id, 'LATER'));
      s.log('bad id', await s.c[1].call('CLIENT', 'UNBLOCK', 'x'));
      s.log('too many', await s.c[1].call('CLIENT', 'UNBLOCK', id, 'ERROR', 'x'));
    });
  });

  it('counts blocked clients in INFO and flags them in CLIENT LIST', async () => {
    await same(3, async (s) => {
      const a = s.send(0, 'c0', 'BLPOP', 'q', '0');
      const b = s.send(1, 'c1', 'BRPOP', 'q', '10');
      await s.blocked(2);
      const info = await s.c[2].call('INFO', 'clients');
      const text = info.t === '$' && info.v ? info.v.toString() : '';
      s.log('blocked_clients', /blocked_clients:\d+/.exec(text)?.[0] ?? '');
      s.log('in timeout table', /clients_in_timeout_table:\d+/.exec(text)?.[0] ?? '');
      const list = await s.c[2].call('CLIENT', 'LIST');
      const lines = (list.t === '$' && list.v ? list.v.toString() : '').split('\n').filter((l) => / flags=b /.test(l));
      s.log('flagged', lines.map((l) => /cmd=\S+/.exec(l)?.[0]).sort().join(','));
      s.log('push', await s.c[2].call('RPUSH', 'q', '1', '2'));
      await Promise.all([a, b]);
    });
  });
});

describe('blocking sorted-set pops with several clients', () => {
  it('BZPOPMIN / BZPOPMAX / BZMPOP wake on ZADD, FIFO, and time out with a null reply', async () => {
    await same(4, async (s) => {
      const w = [s.send(0, 'c0', 'BZPOPMIN', 'z', '0'), s.send(1, 'c1', 'BZPOPMAX', 'z', '0'), s.send(2, 'c2', 'BZMPOP', '0', '1', 'z', 'MIN', 'COUNT', '5')];
      await s.blocked(3);
      s.log('zadd', await s.c[3].call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd'));
      await Promise.all(w);
      s.log('left', await s.c[3].call('ZRANGE', 'z', '0', '-1', 'WITHSCORES'));
      s.log('timeout', await s.c[3].call('BZPOPMIN', 'z', '0.05'));
      s.log('timeout', await s.c[3].call('BZMPOP', '0.05', '1', 'z', 'MAX'));
    });
  });
});
