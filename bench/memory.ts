// Memory per key: 1,000,000 `key:N` -> 16-byte strings loaded into a fresh redis-server and a
// fresh cinnabar-server, one after the other; the growth of INFO used_memory and of the
// process's RSS, per key, for each, and Cinnabar / Redis.
import { info, rss, usedMemory } from './lib/info.ts';
import { loadKeys } from './lib/load.ts';
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

async function measure(server: BenchServer, o: MemoryOptions): Promise<ServerMemory> {
  await settle(500);
  const rssBefore = rss(server.pid);
  const usedBefore = await usedMemory(server.port);
  const loadSeconds = await loadKeys(server.port, o.keys, o.valueSize);
  // Let a garbage-collected heap shrink back after the load's temporary garbage.
  await settle(2000);
  const rssAfter = rss(server.pid);
  const usedAfter = await usedMemory(server.port);
  const keyspace = await info(server.port, 'keyspace');
  const db0 = keyspace?.db0 ? /keys=(\d+)/.exec(keyspace.db0) : null;
  o.log(`  ${server.name.padEnd(8)} loaded ${o.keys.toLocaleString('en-US')} keys in ${loadSeconds.toFixed(1)} s`);
  return {
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

export async function benchMemory(o: MemoryOptions): Promise<MemoryResult> {
  const servers = {} as Record<ServerName, ServerMemory>;
  for (const start of [startRedisServer, startCinnabarServer]) {
    const server = await start();
    try {
      servers[server.name] = await measure(server, o);
    } finally {
      await server.stop();
    }
  }
  const { redis, cinnabar } = servers;
  const rssRatio = cinnabar.rssPerKey / redis.rssPerKey;
  const usedRatio = cinnabar.usedPerKey !== null && redis.usedPerKey !== null ? cinnabar.usedPerKey / redis.usedPerKey : null;
  const verdict = (ratio: number) => (ratio <= MEMORY_TARGET ? `meets the target <= ${MEMORY_TARGET}x` : `ABOVE the target <= ${MEMORY_TARGET}x`);
  const mb = (b: number) => (b / (1024 * 1024)).toFixed(1);
  const row = (name: ServerName) => {
    const s = servers[name];
    return [name, s.usedPerKey ?? '-', s.rssPerKey, s.usedAfter === null ? '-' : mb(s.usedAfter), mb(s.rssAfter), s.loadSeconds.toFixed(1)];
  };
  const table = [
    formatTable(['server', 'used_memory B/key', 'RSS B/key', 'used_memory MB', 'RSS MB', 'load s'], [row('redis'), row('cinnabar')]),
    '',
    `cinnabar / redis per key: RSS ${rssRatio.toFixed(2)}x (${verdict(rssRatio)}), used_memory ${usedRatio === null ? '- (cinnabar reports no INFO memory yet)' : `${usedRatio.toFixed(2)}x (${verdict(usedRatio)})`}`,
  ].join('\n');
  return { keys: o.keys, valueSize: o.valueSize, servers, rssRatio, usedRatio, target: MEMORY_TARGET, table };
}
