// The seed course's collection recipes (shared/seed/redis-mastery.md), written as an application
// would with ioredis, run against cinnabar-server and against the real redis-server: each must
// give the same results on both, and the results a user of the recipe expects.
import { describe, expect, it } from 'vitest';
import { recipeServers } from '../support/recipes.ts';

const { sameOnBoth } = recipeServers();

describe('the seed recipes with ioredis', () => {
  it('job queue: producers RPUSH/LPUSH jobs stored in a hash, BLPOP workers take them in order, delayed jobs wait in a sorted set', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const producer = open();
      const queue = 'queue:default';
      const enqueue = async (id: string, type: string, priority = 0, delayUntil = 0) => {
        await producer.hset('jobs:default', id, JSON.stringify({ id, type, status: 'pending' }));
        if (delayUntil > 0) await producer.zadd(`${queue}:delayed`, delayUntil, id);
        else if (priority > 0) await producer.lpush(`${queue}:high`, id);
        else await producer.rpush(queue, id);
      };
      const worker = async (name: string) => {
        const r = open();
        const done: string[] = [];
        for (;;) {
          // Move delayed jobs whose time has come, as _process_delayed_jobs does; only the
          // worker whose ZREM removed a job queues it (two workers may see it at once).
          const ready = await r.zrangebyscore(`${queue}:delayed`, 0, 1000);
          for (const id of ready) if ((await r.zrem(`${queue}:delayed`, id)) === 1) await r.rpush(queue, id);
          const got = await r.blpop(`${queue}:high`, queue, 0.3);
          if (!got) return { name, done };
          const id = got[1];
          await r.sadd(`${queue}:processing`, id);
          const job = JSON.parse((await r.hget('jobs:default', id))!);
          job.status = 'completed';
          job.worker = name;
          await r.hset('jobs:default', id, JSON.stringify(job));
          await r.srem(`${queue}:processing`, id);
          done.push(id);
        }
      };
      // One worker waits on the empty queues first: the first push must wake it.
      const first = worker('w1');
      await new Promise((r) => setTimeout(r, 50));
      await enqueue('j1', 'email');
      await enqueue('j2', 'email');
      await enqueue('j3', 'report', 1);
      await enqueue('j4', 'email', 0, 500);
      const results = await Promise.all([first, worker('w2')]);
      const all = results.flatMap((w) => w.done).sort();
      const statuses = Object.values(await producer.hgetall('jobs:default'))
        .map((j) => JSON.parse(j).status)
        .sort();
      return { all, statuses, processing: await producer.scard(`${queue}:processing`), left: await producer.llen(queue) };
    });
    expect(result.all).toEqual(['j1', 'j2', 'j3', 'j4']);
    expect(result.statuses).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(result.processing).toBe(0);
  });

  it('BRPOP worker: jobs LPUSHed by a producer come out oldest first', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const worker = open();
      const producer = open();
      const picked = worker.brpop('queue:email_jobs', 0);
      await new Promise((r) => setTimeout(r, 50));
      await producer.lpush('queue:email_jobs', '{"to":"user@example.com","subject":"Welcome"}', '{"to":"b@example.com"}');
      const out = [await picked, await worker.brpop('queue:email_jobs', 0), await worker.brpop('queue:email_jobs', 0.1)];
      return out;
    });
    expect(result[0]).toEqual(['queue:email_jobs', '{"to":"user@example.com","subject":"Welcome"}']);
    expect(result[2]).toBeNull();
  });

  it('leaderboard: ZADD, top N with ZREVRANGE WITHSCORES, rank with ZREVRANK, the players around one', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const r = open();
      const key = 'leaderboard:game1';
      for (let i = 0; i < 30; i++) await r.zadd(key, 1000 + ((i * 37) % 101), `player:${i}`);
      await r.zincrby(key, 10, 'player:3');
      const top = await r.zrevrange(key, 0, 9, 'WITHSCORES');
      const rank = (await r.zrevrank(key, 'player:7'))! + 1;
      const start = Math.max(0, rank - 5 - 1);
      const around = await r.zrevrange(key, start, rank + 5 - 1, 'WITHSCORES');
      return { top, rank, around, card: await r.zcard(key), count: await r.zcount(key, 1050, 1100), score: await r.zscore(key, 'player:3') };
    });
    expect(result.top.length).toBe(20);
    expect(result.around).toContain('player:7');
    expect(result.card).toBe(30);
  });

  it('sliding-window rate limiter on a sorted set: ZREMRANGEBYSCORE, ZCARD, ZADD, EXPIRE in MULTI', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const r = open();
      const limit = 5;
      const windowSec = 60;
      const decisions: (string | number)[] = [];
      for (let t = 1000; t < 1040; t += 3) {
        const key = 'api:user:123:requests';
        const [, [, count]] = (await r.multi().zremrangebyscore(key, '-inf', t - windowSec).zcard(key).exec()) as [unknown, [unknown, number]];
        if (count < limit) {
          await r.multi().zadd(key, t, `req:${t}`).expire(key, windowSec).exec();
          decisions.push(t);
        } else {
          decisions.push('limited');
        }
      }
      return { decisions, members: await r.zrange('api:user:123:requests', 0, -1, 'WITHSCORES'), ttl: await r.ttl('api:user:123:requests') };
    });
    expect(result.decisions.filter((d) => d === 'limited').length).toBeGreaterThan(0);
    expect(result.members.length).toBe(10);
  });

  it('shopping cart in a hash: HSET items, HINCRBY quantities, HDEL, HGETALL, HLEN', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const r = open();
      const cart = 'cart:session123';
      await r.hset(cart, 'product:1', '2', 'product:5', '1', 'product:12', '3');
      await r.hincrby(cart, 'product:1', 1);
      await r.hdel(cart, 'product:5');
      await r.hsetnx(cart, 'product:12', '99');
      return { items: await r.hgetall(cart), count: await r.hlen(cart), qty: await r.hget(cart, 'product:1'), missing: await r.hget(cart, 'product:5') };
    });
    expect(result.items).toEqual({ 'product:1': '3', 'product:12': '3' });
  });

  it('recent searches: LPUSH then LTRIM keeps the newest five', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const r = open();
      const key = 'user:456:recent_searches';
      for (const q of ['redis tutorial', 'docker commands', 'sorted sets', 'lua scripts', 'streams', 'geo', 'hyperloglog']) {
        await r.multi().lpush(key, q).ltrim(key, 0, 4).exec();
      }
      return { recent: await r.lrange(key, 0, -1), len: await r.llen(key) };
    });
    expect(result.recent).toEqual(['hyperloglog', 'geo', 'streams', 'lua scripts', 'sorted sets']);
  });
});
