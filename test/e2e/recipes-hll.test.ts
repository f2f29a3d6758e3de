// The seed course's HyperLogLog recipes (shared/seed/redis-mastery.md, "HyperLogLog - Cardinality
// Estimation" and the page-view analytics class), written as an application would with ioredis,
// run against cinnabar-server and against the real redis-server: the same counts on both, the
// same HLL bytes, and the counts a user of the recipe expects.
import { describe, expect, it } from 'vitest';
import { recipeServers } from '../support/recipes.ts';

const { sameOnBoth } = recipeServers();

describe('unique visitors with HyperLogLog (ioredis)', () => {
  it('the course examples: PFADD with duplicates, PFCOUNT, PFMERGE of two pages, API users, search terms', async () => {
    const result = await sameOnBoth(async (r) => {
      const added = [
        await r.pfadd('unique_visitors', 'user123', 'user456', 'user789'),
        await r.pfadd('unique_visitors', 'user123', 'user999'),
        await r.pfadd('unique_visitors', 'user123'),
      ];
      const visitors = await r.pfcount('unique_visitors');
      await r.pfadd('page1_visitors', 'user1', 'user2', 'user3');
      await r.pfadd('page2_visitors', 'user2', 'user3', 'user4');
      const merged = await r.pfmerge('total_visitors', 'page1_visitors', 'page2_visitors');
      const total = await r.pfcount('total_visitors');
      const union = await r.pfcount('page1_visitors', 'page2_visitors');
      await r.pfadd('daily_unique_visitors:2025-07-04', 'ip:192.168.1.1', 'ip:10.0.0.1');
      const daily = await r.pfcount('daily_unique_visitors:2025-07-04');
      await r.pfadd('api_users:get_users', 'user123', 'user456');
      await r.pfadd('api_users:post_data', 'user789', 'user123');
      await r.pfmerge('api_users:all', 'api_users:get_users', 'api_users:post_data');
      const api = await r.pfcount('api_users:all');
      await r.pfadd('search_queries:unique', 'redis tutorial', 'docker guide', 'kubernetes basics');
      const searches = await r.pfcount('search_queries:unique');
      const bytes = (await r.getBuffer('total_visitors'))!.toString('hex');
      return { added, visitors, merged, total, union, daily, api, searches, bytes };
    });
    expect(result).toMatchObject({ added: [1, 1, 0], visitors: 4, merged: 'OK', total: 4, union: 4, daily: 2, api: 3, searches: 3 });
  });

  it('page analytics: a day of visits per page tracked with PFADD + EXPIRE, counted per page and across pages', async () => {
    const result = await sameOnBoth(async (r) => {
      const day = '2025-07-04';
      const pages = ['home', 'pricing', 'docs'];
      // 30,000 visits from 6,000 users: each page sees its own slice of them, repeatedly.
      const pipeline = r.pipeline();
      for (let v = 0; v < 30_000; v++) {
        const page = pages[v % 3];
        const u = Math.floor(v / 3);
        const user = `user:${(u * 7919) % (page === 'home' ? 6000 : page === 'pricing' ? 1500 : 300)}`;
        const key = `stats:unique_visitors:${page}:${day}`;
        pipeline.incr(`stats:page_views:${page}:total`);
        pipeline.pfadd(key, user);
        pipeline.expire(key, 86400 * 7);
      }
      await pipeline.exec();
      const perPage: Record<string, number> = {};
      for (const page of pages) perPage[page] = await r.pfcount(`stats:unique_visitors:${page}:${day}`);
      const keys = pages.map((p) => `stats:unique_visitors:${p}:${day}`);
      const acrossPages = await r.pfcount(...keys);
      await r.pfmerge(`stats:unique_visitors:all:${day}`, ...keys);
      const merged = await r.pfcount(`stats:unique_visitors:all:${day}`);
      const views = await r.get('stats:page_views:home:total');
      const ttl = await r.ttl(keys[0]);
      const encodings = await Promise.all(keys.map((k) => r.call('PFDEBUG', 'ENCODING', k)));
      const bytes = await Promise.all([...keys, `stats:unique_visitors:all:${day}`].map(async (k) => (await r.getBuffer(k))!.toString('hex')));
      return { perPage, acrossPages, merged, views, ttl, encodings, bytes };
    });
    // Estimates within HyperLogLog's error of the true counts.
    const near = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(0.03);
    near(result.perPage.home, 6000);
    near(result.perPage.pricing, 1500);
    near(result.perPage.docs, 300);
    near(result.acrossPages, 6000);
    expect(result.merged).toBe(result.acrossPages);
    expect(result.views).toBe('10000');
    expect(result.ttl).toBe(86400 * 7);
    expect(result.encodings[0]).toBe('dense');
    expect(result.encodings[2]).toBe('sparse');
  });
});
