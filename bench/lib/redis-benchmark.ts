// Runs Debian's redis-benchmark (redis-tools) and reads its --csv output.
import { spawn } from 'node:child_process';

/**
 * A redis-benchmark test: a built-in one (`-t id`) or a command line of its own (`command`),
 * the row name its CSV output uses, and a command that shows whether a server has it at all.
 */
export interface BenchTest {
  id: string;
  label: string;
  probe: string[];
  command?: string[];
}

/** Issue 2's strings and connection tests. */
export const TESTS: BenchTest[] = [
  { id: 'ping_mbulk', label: 'PING_MBULK', probe: ['PING'] },
  { id: 'set', label: 'SET', probe: ['SET', 'bench:probe', 'x'] },
  { id: 'get', label: 'GET', probe: ['GET', 'bench:probe'] },
  { id: 'incr', label: 'INCR', probe: ['INCR', 'bench:probe:counter'] },
  { id: 'mset', label: 'MSET (10 keys)', probe: ['MSET', 'bench:probe:a', '1', 'bench:probe:b', '2'] },
];

/** Issue 3's collection tests. */
export const COLLECTION_TESTS: BenchTest[] = [
  { id: 'lpush', label: 'LPUSH', probe: ['LPUSH', 'bench:probe:list', 'x'] },
  { id: 'rpush', label: 'RPUSH', probe: ['RPUSH', 'bench:probe:list', 'x'] },
  { id: 'lpop', label: 'LPOP', probe: ['LPOP', 'bench:probe:list'] },
  { id: 'rpop', label: 'RPOP', probe: ['RPOP', 'bench:probe:list'] },
  { id: 'sadd', label: 'SADD', probe: ['SADD', 'bench:probe:set', 'x'] },
  { id: 'hset', label: 'HSET', probe: ['HSET', 'bench:probe:hash', 'f', 'v'] },
  { id: 'spop', label: 'SPOP', probe: ['SPOP', 'bench:probe:set'] },
  { id: 'zadd', label: 'ZADD', probe: ['ZADD', 'bench:probe:zset', '1', 'x'] },
  { id: 'zpopmin', label: 'ZPOPMIN', probe: ['ZPOPMIN', 'bench:probe:zset'] },
  { id: 'lrange_100', label: 'LRANGE_100 (first 100 elements)', probe: ['LRANGE', 'bench:probe:list', '0', '99'] },
  {
    id: 'zadd_random',
    label: 'zadd myz __rand_int__ ele:__rand_int__',
    probe: ['ZADD', 'bench:probe:zset', '1', 'y'],
    command: ['zadd', 'myz', '__rand_int__', 'ele:__rand_int__'],
  },
];

/** Issue 4's tests: HyperLogLog, bitmap, geo and stream writes. */
export const STRUCTURE_TESTS: BenchTest[] = [
  {
    id: 'pfadd_random',
    label: 'pfadd myhll ele:__rand_int__',
    probe: ['PFADD', 'bench:probe:hll', 'x'],
    command: ['pfadd', 'myhll', 'ele:__rand_int__'],
  },
  {
    // redis-benchmark writes __rand_int__ as 12 zero-padded digits, which no server takes as an
    // offset (leading zeros): the randomness goes into the key instead.
    id: 'setbit_random',
    label: 'setbit bm:__rand_int__ 7 1',
    probe: ['SETBIT', 'bench:probe:bitmap', '7', '1'],
    command: ['setbit', 'bm:__rand_int__', '7', '1'],
  },
  {
    id: 'geoadd_random',
    label: 'geoadd mygeo 13.361389 38.115556 member:__rand_int__',
    probe: ['GEOADD', 'bench:probe:geo', '13.361389', '38.115556', 'x'],
    command: ['geoadd', 'mygeo', '13.361389', '38.115556', 'member:__rand_int__'],
  },
  {
    id: 'xadd',
    label: 'xadd mystream * myfield myvalue',
    probe: ['XADD', 'bench:probe:stream', '*', 'f', 'v'],
    command: ['xadd', 'mystream', '*', 'myfield', 'myvalue'],
  },
];

export interface RunOptions {
  port: number;
  test: BenchTest;
  pipeline: number;
  clients: number;
  requests: number;
  /** -r: random keys over this many (0 = one fixed key, redis-benchmark's default). */
  keyspace: number;
}

export interface RunResult {
  rps: number;
  avgLatencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  seconds: number;
}

/** One redis-benchmark run of one test; rejects if it fails or prints no row for the test. */
export function runRedisBenchmark(o: RunOptions): Promise<RunResult> {
  const args = ['-h', '127.0.0.1', '-p', String(o.port), '-c', String(o.clients), '-n', String(o.requests), '-P', String(o.pipeline), '--csv'];
  if (o.keyspace > 0) args.push('-r', String(o.keyspace));
  if (o.test.command) args.push(...o.test.command);
  else args.push('-t', o.test.id);
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errOut = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (errOut += d.toString()));
    child.on('error', (e) => reject(new Error(`redis-benchmark could not run (apt-get install redis-tools): ${e.message}`)));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const row = parseCsv(out).find((r) => r.test === o.test.label);
      if (code !== 0 || !row) {
        reject(new Error(`redis-benchmark ${args.join(' ')} exited ${code}\n${out}${errOut}`));
        return;
      }
      resolve({ rps: Number(row.rps), avgLatencyMs: Number(row.avg_latency_ms), p50LatencyMs: Number(row.p50_latency_ms), p99LatencyMs: Number(row.p99_latency_ms), seconds });
    });
  });
}

/** redis-benchmark's CSV: a quoted header line, then one quoted row per test. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.startsWith('"'));
  if (lines.length === 0) return [];
  const cells = (l: string) => [...l.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const header = cells(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(cells(l).map((v, i) => [header[i], v])));
}
