// `npm run bench`: Cinnabar against the real redis-server on this machine, as ratios.
//   1. throughput: redis-benchmark PING/SET/GET/INCR/MSET at -P 1 and -P 16 (bench/server.ts)
//   2. collections: redis-benchmark LPUSH RPUSH LPOP RPOP SADD HSET SPOP ZADD ZPOPMIN LRANGE_100
//      and ZADD of random members, at -P 1 and -P 16
//   3. structures: redis-benchmark PFADD (random elements), SETBIT (random offsets), GEOADD
//      (random members) and XADD, at -P 1 and -P 16
//   4. memory per key after loading 1,000,000 keys (bench/memory.ts), and per sorted-set member
//      and hash field after loading 1,000,000 of each (collection-memory)
//   5. the micro benchmarks: WASM vs TypeScript for each structure (hashes, LCS, skiplist, bitmaps,
//      HyperLogLog, geohash), sorted sets and streams in process
// Prints the tables and saves them to bench/results/latest.json (latest-<parts>.json for --only).
//
//   node build/run-ts.mjs bench/index.ts [--quick] [--rounds N]
//                                        [--only throughput,collections,structures,memory,collection-memory,micro]
//                                        [--profile]   (CPU-profile Cinnabar during the throughput runs)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCollectionMemory, benchMemory, type MemoryResult } from './memory.ts';
import { COLLECTION_TESTS, STRUCTURE_TESTS, TESTS, type BenchTest } from './lib/redis-benchmark.ts';
import { hotSpots, newestProfile, type HotSpot } from './lib/profile.ts';
import { startBoth } from './lib/servers.ts';
import { benchThroughput, COLLECTION_TARGETS, STRUCTURE_TARGETS, THROUGHPUT_TARGETS, type ThroughputResult } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = flag('quick');
const only = new Set((option('only') ?? 'throughput,collections,structures,memory,collection-memory,micro').split(','));
const rounds = Number(option('rounds') ?? (quick ? 1 : 3));
const profile = flag('profile');
const log = (line: string) => process.stdout.write(line + '\n');

interface Report {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; redisServer: string; redisBenchmark: string };
  /** 1-minute load average before and after: other work on a shared machine skews every number. */
  loadAverage: { before: number; after?: number };
  throughput?: ThroughputResult;
  collections?: ThroughputResult;
  structures?: ThroughputResult;
  collectionMemory?: { zset: MemoryResult; hash: MemoryResult };
  profile?: { file: string; hotSpots: HotSpot[] };
  memory?: MemoryResult;
  micro?: { command: string; exitCode: number | null; output: string }[];
}

function versionOf(cmd: string): string {
  try {
    return execFileSync(cmd, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
}

/** The redis-benchmark parts: which tests, against which targets, under which title. */
const SERVER_PARTS = {
  throughput: { tests: TESTS, targets: THROUGHPUT_TARGETS, title: 'Throughput' },
  collections: { tests: COLLECTION_TESTS, targets: COLLECTION_TARGETS, title: 'Collections' },
  structures: { tests: STRUCTURE_TESTS, targets: STRUCTURE_TARGETS, title: 'HyperLogLog, bitmaps, geo, streams' },
} satisfies Record<string, { tests: BenchTest[]; targets: Record<number, number>; title: string }>;

async function throughput(report: Report, part: keyof typeof SERVER_PARTS): Promise<void> {
  const { tests, targets, title } = SERVER_PARTS[part];
  log(`\n== ${title}: redis-benchmark, cinnabar-server vs redis-server ==`);
  const profileDir = path.join(RESULTS, 'profiles');
  if (profile) mkdirSync(profileDir, { recursive: true });
  const servers = await startBoth({ cinnabarNodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  log(`  redis-server on port ${servers.redis.port}, cinnabar-server on port ${servers.cinnabar.port} (pid ${servers.cinnabar.pid})`);
  try {
    report[part] = await benchThroughput({
      servers,
      tests,
      targets,
      rounds,
      clients: 50,
      pipelines: [1, 16],
      targetSeconds: quick ? 0.4 : 1.3,
      keyspace: 100_000,
      log,
    });
  } finally {
    await Promise.all([servers.redis.stop(), servers.cinnabar.stop()]);
  }
  log('');
  log(report[part]!.table);
  if (profile) {
    const file = newestProfile(profileDir);
    if (file) {
      const { spots, table } = hotSpots(file, ROOT);
      report.profile = { file: path.relative(ROOT, file), hotSpots: spots };
      log(`\n== Cinnabar CPU profile during the throughput runs (${path.relative(ROOT, file)}) ==`);
      log(table);
    } else {
      log('\n(no CPU profile was written)');
    }
  }
}

async function memory(report: Report): Promise<void> {
  const keys = quick ? 200_000 : 1_000_000;
  log(`\n== Memory: ${keys.toLocaleString('en-US')} keys key:N -> 16-byte strings ==`);
  report.memory = await benchMemory({ keys, valueSize: 16, log });
  log('');
  log(report.memory.table);
}

/** Micro benchmarks, each its own script run in a fresh process (so JIT state does not carry over). */
const MICRO_SCRIPTS = [
  ['bench/micro-wasm.ts', 'WASM vs TypeScript: hashes and LCS'],
  ['bench/micro-skiplist.ts', 'WASM skiplist vs TypeScript skiplist'],
  ['bench/zset-inprocess.ts', 'sorted set in process: Cinnabar vs ioredis-mock vs Redis usec_per_call'],
  ['bench/micro-bitmap.ts', 'WASM bitmaps vs TypeScript bitmaps'],
  ['bench/micro-hll.ts', 'WASM HyperLogLog vs TypeScript HyperLogLog'],
  ['bench/micro-geo.ts', 'WASM geohash vs TypeScript geohash'],
  ['bench/streams.ts', 'streams: XADD, XRANGE, XREADGROUP over 1,000,000 entries; memory per entry vs Redis'],
] as const;

async function micro(report: Report): Promise<void> {
  report.micro = [];
  for (const [file, title] of MICRO_SCRIPTS) {
    const script = path.join(ROOT, file);
    if (!existsSync(script)) {
      report.micro.push({ command: file, exitCode: null, output: 'not written yet' });
      continue;
    }
    log(`\n== ${title} (${file}) ==`);
    const args = [path.join(ROOT, 'build/run-ts.mjs'), script, ...(quick ? ['--quick'] : [])];
    const command = `node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`;
    let output = '';
    const exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.on('error', (e) => {
        output += String(e);
        resolve(null);
      });
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (d: Buffer) => {
          output += d.toString();
          process.stdout.write(d);
        });
      }
      child.on('close', (code) => resolve(code));
    });
    report.micro.push({ command, exitCode, output });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const report: Report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      redisServer: versionOf('redis-server'),
      redisBenchmark: versionOf('redis-benchmark'),
    },
    loadAverage: { before: os.loadavg()[0] },
  };
  log(`Cinnabar bench: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), node ${report.machine.node}, ${report.machine.redisServer}`);
  log(`load average before: ${report.loadAverage.before.toFixed(2)}${report.loadAverage.before > 0.5 ? ' (the machine is busy: expect noisy numbers)' : ''}`);
  if (only.has('throughput')) await throughput(report, 'throughput');
  if (only.has('collections')) await throughput(report, 'collections');
  if (only.has('structures')) await throughput(report, 'structures');
  if (only.has('memory')) await memory(report);
  if (only.has('collection-memory')) {
    const entries = quick ? 200_000 : 1_000_000;
    log(`\n== Memory: ${entries.toLocaleString('en-US')} sorted-set members and hash fields ==`);
    report.collectionMemory = await benchCollectionMemory({ keys: entries, valueSize: 16, log });
    log(`\nsorted set (per member):\n${report.collectionMemory.zset.table}`);
    log(`\nhash (per field):\n${report.collectionMemory.hash.table}`);
  }
  if (only.has('micro')) await micro(report);
  report.loadAverage.after = os.loadavg()[0];
  log(`\nload average after: ${report.loadAverage.after.toFixed(2)}`);
  mkdirSync(RESULTS, { recursive: true });
  // latest.json is the last complete run (what a closing note quotes); a partial one is kept apart.
  const partial = option('only') !== undefined;
  const out = path.join(RESULTS, partial ? `latest-${[...only].sort().join('-')}.json` : 'latest.json');
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  log(`\nSaved ${path.relative(ROOT, out)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
