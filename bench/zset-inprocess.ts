// A 1,000,000-member sorted set in process, as issue 3 asks: ZADD every member (random scores),
// then Q (100,000) each of ZRANK, ZSCORE, ZRANGEBYSCORE ... LIMIT 0 10 and ZRANGE by index, for
//   - Cinnabar in process (its sorted sets on the WASM skiplist),
//   - Cinnabar in process with the plain TypeScript skiplist instead,
//   - ioredis-mock (whose sorted sets sort on every call: run on a capped size, said in the table),
// and the same workload on a real redis-server, whose INFO commandstats usec_per_call is set
// beside Cinnabar's own usec_per_call (the time inside the command, which is what Redis counts).
//   node build/run-ts.mjs bench/zset-inprocess.ts [--quick]
import { Cinnabar } from '../bindings/node/index.ts';
import { useOrderedIndex, type Implementation } from '../src/wasm/index.ts';
import { startRedisServer } from './lib/servers.ts';
import { RespClient } from '../test/support/resp-client.ts';
import { formatTable } from './lib/table.ts';

const quick = process.argv.includes('--quick');
const MEMBERS = quick ? 100_000 : 1_000_000;
const QUERIES = quick ? 20_000 : 100_000;
/** ioredis-mock re-sorts the whole set per call: this many members and queries keep it to seconds. */
const MOCK_MEMBERS = 20_000;
const MOCK_QUERIES = 2_000;
const ADD_BATCH = 1000;

/** The same pseudo-random inputs everywhere (an LCG). */
function workload(members: number, queries: number) {
  let s = 4242;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const names = Array.from({ length: members }, (_, i) => `member:${i}`);
  const scores = Array.from({ length: members }, () => String(Math.floor(rand() * 1e9) / 1000));
  const picks = Array.from({ length: queries }, () => Math.floor(rand() * members));
  const mins = Array.from({ length: queries }, () => String(Math.floor(rand() * 1e9) / 1000));
  return { names, scores, picks, mins };
}

type W = ReturnType<typeof workload>;

/** The commands of each phase, as argument lists. */
function phases(w: W): [string, string[][]][] {
  const adds: string[][] = [];
  for (let i = 0; i < w.names.length; i += ADD_BATCH) {
    const args = ['ZADD', 'z'];
    for (let j = i; j < Math.min(w.names.length, i + ADD_BATCH); j++) args.push(w.scores[j], w.names[j]);
    adds.push(args);
  }
  const n = w.names.length;
  return [
    ['zadd', adds],
    ['zrank', w.picks.map((p) => ['ZRANK', 'z', w.names[p]])],
    ['zscore', w.picks.map((p) => ['ZSCORE', 'z', w.names[p]])],
    ['zrangebyscore', w.mins.map((m) => ['ZRANGEBYSCORE', 'z', m, '+inf', 'LIMIT', '0', '10'])],
    ['zrange', w.picks.map((p) => ['ZRANGE', 'z', String(Math.min(p, n - 10)), String(Math.min(p, n - 10) + 9)])],
  ];
}

interface PhaseResult {
  opsPerSec: number;
  usecPerCall: number | null;
}

/** Elements per op: ZADD's rate counts members added, the others count calls. */
function elementsOf(phase: string, cmds: string[][]): number {
  return phase === 'zadd' ? cmds.reduce((n, c) => n + (c.length - 2) / 2, 0) : cmds.length;
}

async function commandstats(call: (...args: string[]) => Promise<unknown>): Promise<Map<string, number>> {
  const text = String(await call('INFO', 'commandstats'));
  const out = new Map<string, number>();
  for (const m of text.matchAll(/cmdstat_(\w+):calls=\d+,usec=\d+,usec_per_call=([\d.]+)/g)) out.set(m[1], Number(m[2]));
  return out;
}

async function runCinnabar(impl: Implementation, w: W): Promise<Map<string, PhaseResult>> {
  useOrderedIndex(impl);
  const db = await Cinnabar.open();
  const results = new Map<string, PhaseResult>();
  try {
    for (const [phase, cmds] of phases(w)) {
      const t0 = performance.now();
      // call() runs the command synchronously and returns a settled promise: await in batches.
      let pending: Promise<unknown>[] = [];
      for (const args of cmds) {
        pending.push(db.call(...args));
        if (pending.length === 1000) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
      const seconds = (performance.now() - t0) / 1000;
      results.set(phase, { opsPerSec: elementsOf(phase, cmds) / seconds, usecPerCall: null });
    }
    const stats = await commandstats((...a) => db.call(...a));
    for (const [phase, r] of results) r.usecPerCall = stats.get(phase) ?? null;
  } finally {
    await db.close();
    useOrderedIndex('wasm');
  }
  return results;
}

async function runIoredisMock(w: W): Promise<Map<string, PhaseResult>> {
  type Mock = Record<string, (...a: string[]) => Promise<unknown>> & { disconnect(): void };
  const { default: RedisMock } = (await import('ioredis-mock')) as unknown as { default: new () => Mock };
  const r = new RedisMock();
  const results = new Map<string, PhaseResult>();
  try {
    for (const [phase, cmds] of phases(w)) {
      const t0 = performance.now();
      for (const [name, ...args] of cmds) await r[name.toLowerCase()](...args);
      const seconds = (performance.now() - t0) / 1000;
      results.set(phase, { opsPerSec: elementsOf(phase, cmds) / seconds, usecPerCall: null });
    }
  } finally {
    r.disconnect();
  }
  return results;
}

async function runRedis(w: W): Promise<Map<string, PhaseResult>> {
  const server = await startRedisServer();
  const c = await RespClient.connect(server.port);
  const results = new Map<string, PhaseResult>();
  try {
    await c.call('CONFIG', 'RESETSTAT');
    for (const [phase, cmds] of phases(w)) {
      const t0 = performance.now();
      for (let i = 0; i < cmds.length; i += 1000) await c.callMany(cmds.slice(i, i + 1000));
      const seconds = (performance.now() - t0) / 1000;
      results.set(phase, { opsPerSec: elementsOf(phase, cmds) / seconds, usecPerCall: null });
    }
    const r = await c.call('INFO', 'commandstats');
    const stats = await commandstats(async () => (r.t === '$' && r.v ? r.v.toString() : ''));
    for (const [phase, res] of results) res.usecPerCall = stats.get(phase) ?? null;
  } finally {
    c.close();
    await server.stop();
  }
  return results;
}

export async function runZsetInProcessBench(log: (line: string) => void = console.log): Promise<string> {
  const w = workload(MEMBERS, QUERIES);
  log(`  ${MEMBERS.toLocaleString('en-US')} members, ${QUERIES.toLocaleString('en-US')} queries per phase (ZADD ${ADD_BATCH} members per call)`);
  const wasm = await runCinnabar('wasm', w);
  const ts = await runCinnabar('ts', w);
  const redis = await runRedis(w);
  const mock = await runIoredisMock(workload(MOCK_MEMBERS, MOCK_QUERIES));
  const ops = (m: Map<string, PhaseResult>, p: string) => Math.round(m.get(p)!.opsPerSec);
  const usec = (m: Map<string, PhaseResult>, p: string) => m.get(p)!.usecPerCall;
  const rows = ['zadd', 'zrank', 'zscore', 'zrangebyscore', 'zrange'].map((p) => {
    const cu = usec(wasm, p);
    const ru = usec(redis, p);
    // ZADD calls carry ADD_BATCH members each: compare per member there.
    const per = p === 'zadd' ? ADD_BATCH : 1;
    return [
      p === 'zadd' ? 'ZADD (members/s)' : p.toUpperCase(),
      ops(wasm, p),
      ops(ts, p),
      ops(mock, p),
      ops(redis, p),
      cu === null ? '-' : (cu / per).toFixed(3),
      ru === null ? '-' : (ru / per).toFixed(3),
      cu === null || ru === null ? '-' : (cu / ru).toFixed(2),
    ];
  });
  const table = formatTable(
    ['operation', 'cinnabar (wasm) ops/s', 'cinnabar (ts skiplist) ops/s', `ioredis-mock ops/s*`, 'redis ops/s (pipelined, socket)', 'cinnabar usec/call', 'redis usec/call', 'cinnabar/redis usec'],
    rows,
  );
  const notes = [
    `* ioredis-mock on ${MOCK_MEMBERS.toLocaleString('en-US')} members and ${MOCK_QUERIES.toLocaleString('en-US')} queries: it sorts the whole set on every call.`,
    'usec/call: each server\'s own INFO commandstats (time inside the command), per member for ZADD. Target: cinnabar/redis <= 1.5.',
  ];
  return `${table}\n${notes.join('\n')}`;
}

// Run directly (build/run-ts.mjs bundles it as zset-inprocess-<hash>.mjs).
if (/zset-inprocess(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '')) {
  runZsetInProcessBench().then(
    (t) => console.log(t),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
