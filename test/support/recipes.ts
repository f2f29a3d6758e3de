// What the seed-recipe e2e tests share: a cinnabar-server and a real redis-server for the test
// file, and sameOnBoth, which runs a recipe written against ioredis on each (flushed first) and
// requires the two results to be equal.
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { bothServersPerFile } from './both-servers.ts';

/** A recipe: `db` is a flushed connection; `open` opens more (closed after the recipe). */
export type Recipe<T> = (db: Redis, open: () => Redis) => Promise<T>;

/** Starts both servers around the calling test file; returns the comparison to use in its tests. */
export function recipeServers(): { sameOnBoth<T>(recipe: Recipe<T>): Promise<T> } {
  const servers = bothServersPerFile();
  return {
    /** Runs the recipe on a flushed Redis, then on a flushed Cinnabar: both results must be equal. */
    async sameOnBoth<T>(recipe: Recipe<T>): Promise<T> {
      const results: T[] = [];
      for (const port of [servers.redis.port, servers.cinnabar.port]) {
        const opened: Redis[] = [];
        const open = () => {
          const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
          opened.push(r);
          return r;
        };
        try {
          const db = open();
          await db.flushall();
          results.push(await recipe(db, open));
        } finally {
          for (const r of opened) r.disconnect();
        }
      }
      expect(results[1]).toEqual(results[0]);
      return results[1];
    },
  };
}
