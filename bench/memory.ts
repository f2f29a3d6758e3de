// Memory per key: 1,000,000 `key:N` -> 16-byte strings loaded into a fresh redis-server and a
// fresh cinnabar-server, one after the other; the growth of INFO used_memory and of the
// process's RSS, per key, for each, and Cinnabar / Redis.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { info, rss, usedMemory } from './lib/info.ts';
import { loadCommands, loadKeys, valueFor } from './lib/load.ts';
import { startCinnabarServer, startRedisServer, type BenchServer, type ServerName } from './lib/servers.ts';
import { formatTable } from './lib/table.ts';

export const MEMORY_TARGET = 1.3;

export interface MemoryOptions {
  keys: number;
  valueSize: number;
  log: (line: string) => void;
}

export interface ServerMemory {
  rssBefore: number;
  rssAfter: number;
  usedBefore: number | null;
  usedAfter: number | null;
  rssPerKey: number;
  usedPerKey: number | null;
  /** Cinnabar only: after a forced full GC, so that garbage the load left is not counted. */
  gc?: { rssAfter: number; usedAfter: number | null; rssPerKey: number; usedPerKey: number | null };
  loadSeconds: number;
  dbsize: number | null;
}

export interface MemoryResult {
  keys: number;
  valueSize: number;
  servers: Record<ServerName, ServerMemory>;
  /** Cinnabar / Redis, bytes per key. */
  rssRatio: number;
  usedRatio: number | null;
  target: number;
  table: string;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const GC_ON_SIGNAL = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/gc-on-signal.mjs');

async function measure(server: BenchServer, o: MemoryOptions, load = (port: number) => loadKeys(port, o.keys, o.valueSize)): Promise<ServerMemory> {
  await settle(500);
  const rssBefore = rss(server.pid);
  const usedBefore = await usedMemory(server.port);
  const loadSeconds = await load(server.port);
  // Let a garbage-collected heap shrink back after the load's temporary garbage.
  await settle(2000);
  const rssAfter = rss(server.pid);
  const usedAfter = await usedMemory(server.port);
  const keyspace = await info(server.port, 'keyspace');
  const db0 = keyspace?.db0 ? /keys=(\d+)/.exec(keyspace.db0) : null;
  o.log(`  ${server.name.padEnd(8)} loaded ${o.keys.toLocaleString('en-US')} entries in ${loadSeconds.toFixed(1)} s`);
  let gc: ServerMemory['gc'];
  if (server.name === 'cinnabar') {
    process.kill(server.pid, 'SIGUSR2');
    await settle(1000);
    const gcRss = rss(server.pid);
    const gcUsed = await usedMemory(server.port);
    gc = {
      rssAfter: gcRss,
      usedAfter: gcUsed,
      rssPerKey: (gcRss - rssBefore) / o.keys,
      usedPerKey: usedBefore !== null && gcUsed !== null ? (gcUsed - usedBefore) / o.keys : null,
    };
  }
  return {
    gc,
    rssBefore,
    rssAfter,
    usedBefore,
    usedAfter,
    rssPerKey: (rssAfter - rssBefore) / o.keys,
    usedPerKey: usedBefore !== null && usedAfter !== null ? (usedAfter - usedBefore) / o.keys : null,
    loadSeconds,
    dbsize: db0 ? Number(db0[1]) : null,
  };
}

export async function benchMemory(o: MemoryOptions, load?: (port: number) => Promise<number>, target = MEMORY_TARGET): Promise<MemoryResult> {
  const servers = {} as Record<ServerName, ServerMemory>;
  const starters = [startRedisServer, () => startCinnabarServer({ cinnabarNodeArgs: ['--expose-gc', '--import', GC_ON_SIGNAL] })];
  for (const start of starters) {
    const server = await start();
    try {
      servers[server.name] = await measure(server, o, load);
    } finally {
      await server.stop();
    }
  }
  const { redis, cinnabar } = servers;
  const rssRatio = cinnabar.rssPerKey / redis.rssPerKey;
  const verdict = (ratio: number) => (ratio <= target ? `meets the target <= ${target}x` : `ABOVE the target <= ${target}x`);
  const mb = (b: number) => (b / (1024 * 1024)).toFixed(1);
  const row = (name: string, m: Pick<ServerMemory, 'usedPerKey' | 'rssPerKey' | 'usedAfter' | 'rssAfter' | 'loadSeconds'>) => [
    name,
    m.usedPerKey === null ? '-' : m.usedPerKey,
    m.rssPerKey,
    m.usedAfter === null ? '-' : mb(m.usedAfter),
    mb(m.rssAfter),
    m.loadSeconds.toFixed(1),
  ];
  const rows: (string | number)[][] = [row('redis', redis), row('cinnabar', cinnabar)];
  if (cinnabar.gc) rows.push(row('cinnabar after full GC', { ...cinnabar, ...cinnabar.gc }));
  // Redis's used_memory counts live allocations; Cinnabar's (V8 heap in use) also counts
  // garbage not yet collected, so the live comparison is the one after a full GC.
  const live = cinnabar.gc?.usedPerKey ?? cinnabar.usedPerKey;
  const usedRatio = live !== null && redis.usedPerKey !== null ? live / redis.usedPerKey : null;
  const table = [
    formatTable(['server', 'used_memory B/entry', 'RSS B/entry', 'used_memory MB', 'RSS MB', 'load s'], rows),
    '',
    `cinnabar / redis per entry: RSS ${rssRatio.toFixed(2)}x (${verdict(rssRatio)}), ` +
      `used_memory ${usedRatio === null ? '- (cinnabar reports no INFO memory)' : `${usedRatio.toFixed(2)}x live after GC (${verdict(usedRatio)})`}` +
      (cinnabar.usedPerKey !== null && redis.usedPerKey !== null ? `, ${(cinnabar.usedPerKey / redis.usedPerKey).toFixed(2)}x before GC` : ''),
  ].join('\n');
  return { keys: o.keys, valueSize: o.valueSize, servers, rssRatio, usedRatio, target: target, table };
}

/** Issue 3's target: bytes per sorted-set member and per hash field, against Redis's. */
export const COLLECTION_MEMORY_TARGET = 1.5;

const INT_ONE = Buffer.from(':1\r\n');

/** 1,000,000 members with random scores in one sorted set, or fields in one hash, per entry. */
export async function benchCollectionMemory(o: MemoryOptions): Promise<{ zset: MemoryResult; hash: MemoryResult }> {
  // The same pseudo-random scores on both servers (a fixed LCG), printed as Redis would accept them.
  const score = (i: number) => String(((Math.imul(i, 2654435761) >>> 0) % 1_000_000_007) / 1000);
  o.log(`  sorted set: ZADD bench:zset <random score> member:N, ${o.keys.toLocaleString('en-US')} members`);
  const zset = await benchMemory(o, (port) => loadCommands(port, o.keys, (i) => ['ZADD', 'bench:zset', score(i), `member:${i}`], INT_ONE), COLLECTION_MEMORY_TARGET);
  o.log(`  hash: HSET bench:hash field:N <16-byte value>, ${o.keys.toLocaleString('en-US')} fields`);
  const hash = await benchMemory(o, (port) => loadCommands(port, o.keys, (i) => ['HSET', 'bench:hash', `field:${i}`, valueFor(i, o.valueSize)], INT_ONE), COLLECTION_MEMORY_TARGET);
  return { zset, hash };
}
