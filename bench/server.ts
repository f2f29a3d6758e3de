// Throughput: redis-benchmark against cinnabar-server and a real redis-server side by side.
// Runs alternate between the two servers (A/B, then B/A) so drift on a shared machine hits
// both alike; the report keeps each server's median rps per test and the ratio of medians.
import { RespClient } from '../test/support/resp-client.ts';
import { cpuSeconds } from './lib/info.ts';
import { runRedisBenchmark, TESTS, type BenchTest } from './lib/redis-benchmark.ts';
import type { BenchServer, ServerName } from './lib/servers.ts';
import { geomean, median, spread } from './lib/stats.ts';
import { formatTable } from './lib/table.ts';

/** Issue 2's targets: geometric-mean rps ratio (Cinnabar / Redis) per pipeline depth. */
export const THROUGHPUT_TARGETS: Record<number, number> = { 1: 0.9, 16: 0.75 };
/** Issue 3's targets for the collection commands. */
export const COLLECTION_TARGETS: Record<number, number> = { 1: 0.9, 16: 0.7 };
/** Issue 4's targets for PFADD, SETBIT, GEOADD and XADD (each test, and so their mean). */
export const STRUCTURE_TARGETS: Record<number, number> = { 1: 0.9, 16: 0.7 };

export interface ThroughputOptions {
  servers: Record<ServerName, BenchServer>;
  rounds: number;
  clients: number;
  pipelines: number[];
  /** Each measured run is sized to take about this long on the slower server. */
  targetSeconds: number;
  keyspace: number;
  tests?: BenchTest[];
  /** Geometric-mean ratio targets per pipeline depth (THROUGHPUT_TARGETS by default). */
  targets?: Record<number, number>;
  log: (line: string) => void;
}

export interface ThroughputRow {
  test: string;
  pipeline: number;
  requests: number;
  redisRps: number[];
  cinnabarRps: number[];
  redisMedian: number;
  cinnabarMedian: number | null;
  ratio: number | null;
  /**
   * Server CPU time (user + system, all threads) per request in microseconds, per run. Less
   * sensitive than rps to other work on a shared machine: it says how much CPU a request costs,
   * not how soon the scheduler let the server run.
   */
  redisCpuUs: number[];
  cinnabarCpuUs: number[];
  /** Redis's median CPU per request / Cinnabar's: read like `ratio` (1 = as efficient). */
  cpuRatio: number | null;
  /** Why Cinnabar has no number (the command does not exist yet). */
  missing?: string;
}

export interface ThroughputResult {
  params: { rounds: number; clients: number; pipelines: number[]; keyspace: number; targetSeconds: number };
  rows: ThroughputRow[];
  /** Geometric mean of the ratios per pipeline depth, over the tests Cinnabar could run. */
  geomean: Record<number, number | null>;
  /** The same for cpuRatio. */
  cpuGeomean: Record<number, number | null>;
  targets: Record<number, number>;
  table: string;
}

/** Whether Cinnabar has the test's command at all: the error it answers the probe with, else null. */
async function unsupported(port: number, test: BenchTest): Promise<string | null> {
  const c = await RespClient.connect(port);
  try {
    const r = await c.call(...test.probe);
    return r.t === '-' ? r.v : null;
  } finally {
    c.close();
  }
}

/** The rate of one server on one test, from a run long enough (~0.3 s or more) to mean something. */
async function calibrate(o: ThroughputOptions, port: number, test: BenchTest, pipeline: number): Promise<number> {
  let requests = pipeline === 1 ? 20_000 : 100_000;
  for (;;) {
    const r = await runRedisBenchmark({ port, test, pipeline, clients: o.clients, keyspace: o.keyspace, requests });
    if (r.seconds >= 0.3 || requests >= 2_000_000) return r.rps;
    requests = Math.min(2_000_000, Math.ceil((requests * 0.5) / Math.max(r.seconds, 0.01)));
  }
}

/** Requests per run: targetSeconds at the given rate, rounded to two significant digits. */
function sizeRun(rps: number, targetSeconds: number): number {
  const n = Math.min(5_000_000, Math.max(20_000, rps * targetSeconds));
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

export async function benchThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const tests = o.tests ?? TESTS;
  const order: ServerName[] = ['redis', 'cinnabar'];
  const rows: ThroughputRow[] = [];
  for (const pipeline of o.pipelines) {
    const planned: { test: BenchTest; requests: number; row: ThroughputRow }[] = [];
    // Calibration (also the JIT warm-up for Cinnabar): a short run of each test on each server.
    for (const test of tests) {
      const missing = await unsupported(o.servers.cinnabar.port, test);
      const rates: number[] = [];
      for (const name of missing ? (['redis'] as const) : order) rates.push(await calibrate(o, o.servers[name].port, test, pipeline));
      // Sized on the geometric mean of the two rates: the faster server's runs last a bit less
      // than targetSeconds, the slower one's a bit more, and both see the same workload.
      const requests = sizeRun(geomean(rates), o.targetSeconds);
      const row: ThroughputRow = {
        test: test.label,
        pipeline,
        requests,
        redisRps: [],
        cinnabarRps: [],
        redisMedian: 0,
        cinnabarMedian: null,
        ratio: null,
        redisCpuUs: [],
        cinnabarCpuUs: [],
        cpuRatio: null,
      };
      if (missing) row.missing = missing;
      planned.push({ test, requests, row });
      rows.push(row);
    }
    for (let round = 0; round < o.rounds; round++) {
      for (let t = 0; t < planned.length; t++) {
        const { test, requests, row } = planned[t];
        const names = (round + t) % 2 === 0 ? order : [...order].reverse();
        for (const name of names) {
          if (name === 'cinnabar' && row.missing) continue;
          const server = o.servers[name];
          const cpu0 = cpuSeconds(server.pid);
          const r = await runRedisBenchmark({ port: server.port, test, pipeline, clients: o.clients, keyspace: o.keyspace, requests });
          const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / requests;
          (name === 'redis' ? row.redisRps : row.cinnabarRps).push(r.rps);
          (name === 'redis' ? row.redisCpuUs : row.cinnabarCpuUs).push(cpuUs);
          o.log(
            `  -P ${String(pipeline).padEnd(2)} ${test.label.padEnd(15)} round ${round + 1}/${o.rounds} ${name.padEnd(8)} ` +
              `${Math.round(r.rps).toLocaleString('en-US').padStart(10)} rps  ${cpuUs.toFixed(2).padStart(6)} us CPU/req  (${r.seconds.toFixed(1)} s)`,
          );
        }
      }
    }
    for (const { row } of planned) {
      row.redisMedian = median(row.redisRps);
      if (!row.missing) {
        row.cinnabarMedian = median(row.cinnabarRps);
        row.ratio = row.cinnabarMedian / row.redisMedian;
        row.cpuRatio = median(row.redisCpuUs) / median(row.cinnabarCpuUs);
      }
    }
  }
  const targets = o.targets ?? THROUGHPUT_TARGETS;
  const geo: Record<number, number | null> = {};
  const cpuGeo: Record<number, number | null> = {};
  for (const p of o.pipelines) {
    const ran = rows.filter((r) => r.pipeline === p && r.ratio !== null);
    geo[p] = ran.length ? geomean(ran.map((r) => r.ratio!)) : null;
    cpuGeo[p] = ran.length ? geomean(ran.map((r) => r.cpuRatio!)) : null;
  }
  return {
    params: { rounds: o.rounds, clients: o.clients, pipelines: o.pipelines, keyspace: o.keyspace, targetSeconds: o.targetSeconds },
    rows,
    geomean: geo,
    cpuGeomean: cpuGeo,
    targets,
    table: throughputTable(rows, geo, cpuGeo, targets),
  };
}

function throughputTable(
  rows: ThroughputRow[],
  geo: Record<number, number | null>,
  cpuGeo: Record<number, number | null>,
  targets: Record<number, number>,
): string {
  const body = rows.map((r) => [
    r.test,
    `-P ${r.pipeline}`,
    r.redisMedian,
    r.cinnabarMedian ?? '-',
    r.ratio === null ? '-' : r.ratio.toFixed(3),
    `${(spread(r.redisRps) * 100).toFixed(0)}% / ${r.cinnabarRps.length ? (spread(r.cinnabarRps) * 100).toFixed(0) + '%' : '-'}`,
    median(r.redisCpuUs).toFixed(2),
    r.cinnabarCpuUs.length ? median(r.cinnabarCpuUs).toFixed(2) : '-',
    r.cpuRatio === null ? '-' : r.cpuRatio.toFixed(3),
    r.missing ? `cinnabar: ${r.missing}` : '',
  ]);
  const header = ['test', 'pipeline', 'redis rps', 'cinnabar rps', 'ratio', 'rps spread r/c', 'redis us/req', 'cinnabar us/req', 'cpu ratio', 'note'];
  const lines = [formatTable(header, body), ''];
  for (const [p, g] of Object.entries(geo)) {
    const target = targets[Number(p)];
    const verdict = g === null ? 'no data' : target === undefined ? '' : g >= target ? `meets the target >= ${target}` : `BELOW the target >= ${target}`;
    const n = rows.filter((r) => r.pipeline === Number(p) && r.ratio !== null).length;
    lines.push(`geometric mean ratio at -P ${p}: ${g === null ? '-' : g.toFixed(3)} over ${n} tests  ${verdict}`);
  }
  for (const [p, g] of Object.entries(cpuGeo)) {
    lines.push(`geometric mean cpu ratio at -P ${p} (redis CPU per request / cinnabar's): ${g === null ? '-' : g.toFixed(3)}`);
  }
  lines.push('ratio = cinnabar rps / redis rps (medians of the rounds); spread = (max - min) / median of a server\'s rounds.');
  return lines.join('\n');
}
