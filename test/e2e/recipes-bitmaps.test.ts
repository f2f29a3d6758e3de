// The seed course's bitmap recipes (shared/seed/redis-mastery.md, "Bitmaps - Efficient Binary
// Data"), written as an application would with ioredis, run against cinnabar-server and against
// the real redis-server: daily active users with SETBIT/BITCOUNT/BITOP, feature flags, A/B test
// groups. Each must give the same results (bitmap bytes included) on both, and the results a
// user of the recipe expects.
import { describe, expect, it } from 'vitest';
import { recipeServers } from '../support/recipes.ts';

const { sameOnBoth } = recipeServers();

describe('the seed bitmap recipes with ioredis', () => {
  it('daily active users: SETBIT per active user, BITCOUNT per day, BITOP AND/OR across days', async () => {
    const result = await sameOnBoth(async (r) => {
      // A week of activity: user ids up to 100,000, the same regulars every day plus visitors.
      const days = ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05', '2025-07-06', '2025-07-07'];
      let seed = 99;
      const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
      const regulars = Array.from({ length: 200 }, (_, i) => i * 487 + 11);
      for (const day of days) {
        const p = r.pipeline();
        for (const id of regulars) p.setbit(`user:active:${day}`, id, 1);
        for (let i = 0; i < 300; i++) p.setbit(`user:active:${day}`, Math.floor(rand() * 100_000), 1);
        await p.exec();
      }
      // The page's commands, as written there.
      await r.setbit('user:active:2025-07-04', 123, 1);
      await r.setbit('user:active:2025-07-04', 456, 1);
      await r.setbit('user:active:2025-07-03', 123, 1);
      const active123 = await r.getbit('user:active:2025-07-04', 123);
      const today = await r.bitcount('user:active:2025-07-04');
      const inRange = await r.bitcount('user:active:2025-07-04', 0, 100);
      const both = await r.bitop('AND', 'result', 'user:active:2025-07-04', 'user:active:2025-07-03');
      const bothCount = await r.bitcount('result');
      await r.bitop('OR', 'result', 'user:active:2025-07-04', 'user:active:2025-07-03');
      const eitherCount = await r.bitcount('result');
      // Weekly: active every day (AND of 7) and at least once (OR of 7), users who came back.
      const keys = days.map((d) => `user:active:${d}`);
      await r.bitop('AND', 'active:all-week', ...keys);
      await r.bitop('OR', 'active:any-day', ...keys);
      const allWeek = await r.bitcount('active:all-week');
      const anyDay = await r.bitcount('active:any-day');
      const firstActive = await r.bitpos('active:any-day', 1);
      const dau = await Promise.all(keys.map((k) => r.bitcount(k)));
      // The raw bitmap, as a client that ships it elsewhere would read it.
      const raw = (await r.getBuffer('active:all-week'))!.toString('hex');
      const size = await r.strlen('user:active:2025-07-04');
      return { active123, today, inRange, both, bothCount, eitherCount, allWeek, anyDay, firstActive, dau, raw, size };
    });
    expect(result.active123).toBe(1);
    expect(result.allWeek).toBeGreaterThanOrEqual(200);
    expect(result.anyDay).toBeGreaterThan(result.allWeek);
    expect(result.bothCount).toBeLessThanOrEqual(result.eitherCount);
    expect(result.firstActive).toBe(11);
  });

  it('DAU, feature flags and A/B groups', async () => {
    const result = await sameOnBoth(async (r) => {
      await r.setbit('dau:2025-07-04', 123, 1);
      const dau = await r.bitcount('dau:2025-07-04');
      await r.setbit('features:user:123', 0, 1);
      await r.setbit('features:user:123', 5, 1);
      const feature0 = await r.getbit('features:user:123', 0);
      const feature1 = await r.getbit('features:user:123', 1);
      const flags = (await r.getBuffer('features:user:123'))!.toString('hex');
      await r.setbit('experiment:variant_a', 123, 1);
      await r.setbit('experiment:variant_b', 456, 1);
      const variantA = await r.bitcount('experiment:variant_a');
      await r.bitop('AND', 'experiment:overlap', 'experiment:variant_a', 'experiment:variant_b');
      const overlap = await r.bitcount('experiment:overlap');
      // A counter per user packed in a bitmap: BITFIELD INCRBY with saturation.
      const counts = await r.call('BITFIELD', 'visits', 'OVERFLOW', 'SAT', 'INCRBY', 'u8', '#123', 200, 'INCRBY', 'u8', '#123', 200, 'GET', 'u8', '#123');
      return { dau, feature0, feature1, flags, variantA, overlap, counts };
    });
    expect(result).toEqual({ dau: 1, feature0: 1, feature1: 0, flags: '84', variantA: 1, overlap: 0, counts: [200, 255, 255] });
  });
});
