// Streams at 1,000,000 entries, as issue 4 asks:
//   - XADD of every entry, then Q XRANGE ... COUNT 10 from random start IDs, then XREADGROUP
//     (COUNT 10, `>`) through the whole stream when the command exists, for Cinnabar in process
//     and for a real redis-server over a pipelined socket; beside each, the server's own INFO
//     commandstats usec_per_call (time inside the command);
//   - memory per entry: a fresh redis-server and a fresh cinnabar-server loaded with the same
//     XADD * pipeline, used_memory growth per entry (Cinnabar's after a full GC), as bench/memory.ts
//     measures string keys. Target: at most 2x Redis's bytes per entry.
//   node build/run-ts.mjs bench/streams.ts [--quick]
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Cinnabar } from '../bindings/node/index.ts';
import { RespClient } from '../test/support/resp-client.ts';
import { benchMemory, type MemoryResult } from './memory.ts';
import { startRedisServer } from './lib/servers.ts';
import { formatTable } from './lib/table.ts';

const quick = process.argv.includes('--quick');
const ENTRIES = quick ? 100_000 : 1_000_000;
const QUERIES = quick ? 20_000 : 100_000;
export const STREAM_MEMORY_TARGET = 2;
/** First entry's ms: explicit IDs one ms apart, so both servers hold the same IDs. */
const BASE_MS = 1_700_000_000_000;

/** The entry of index i: a sensor reading, two fields (the second an integer, as listpack stores it). */
function entryFields(i: number): string[] {
  return ['sensor', `sensor-${i % 1000}`, 'reading', String((i * 7919) % 100000)];
}

/**
 * The phases, each a call count and the command of call i, made on the fly (a prebuilt million
 * argument lists would sit in the heap and slow every GC of the in-process run).
 */
function phases(withGroups: boolean): [phase: string, calls: number, command: (i: number) => string[]][] {
  let s = 4242;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const out: [string, number, (i: number) => string[]][] = [
    ['xadd', ENTRIES, (i) => ['XADD', 'bench:stream', `${BASE_MS + i}-0`, ...entryFields(i)]],
    ['xrange', QUERIES, () => ['XRANGE', 'bench:stream', String(BASE_MS + Math.floor(rand() * ENTRIES)), '+', 'COUNT', '10']],
  ];
  if (withGroups) out.push(['xreadgroup', Math.ceil(ENTRIES / 10), () => ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '10', 'STREAMS', 'bench:stream', '>']]);
  return out;
}

interface PhaseResult {
  opsPerSec: number;
  usecPerCall: number | null;
}

function commandstats(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/cmdstat_(\w+):calls=\d+,usec=\d+,usec_per_call=([\d.]+)/g)) out.set(m[1], Number(m[2]));
  return out;
}

async function runCinnabar(withGroups: boolean): Promise<Map<string, PhaseResult>> {
  const db = await Cinnabar.open();
  const results = new Map<string, PhaseResult>();
  try {
    if (withGroups) await db.call('XGROUP', 'CREATE', 'bench:stream', 'g', '0', 'MKSTREAM');
    for (const [phase, calls, command] of phases(withGroups)) {
      const t0 = performance.now();
      let pending: Promise<unknown>[] = [];
      for (let i = 0; i < calls; i++) {
        pending.push(db.call(...command(i)));
        if (pending.length === 1000) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
      results.set(phase, { opsPerSec: calls / ((performance.now() - t0) / 1000), usecPerCall: null });
    }
    const stats = commandstats(String(await db.call('INFO', 'commandstats')));
    for (const [phase, r] of results) r.usecPerCall = stats.get(phase) ?? null;
  } finally {
    await db.close();
  }
  return results;
}

async function runRedis(withGroups: boolean): Promise<Map<string, PhaseResult>> {
  const server = await startRedisServer();
  const c = await RespClient.connect(server.port);
  const results = new Map<string, PhaseResult>();
  try {
    await c.call('CONFIG', 'RESETSTAT');
    if (withGroups) await c.call('XGROUP', 'CREATE', 'bench:stream', 'g', '0', 'MKSTREAM');
    for (const [phase, calls, command] of phases(withGroups)) {
      const t0 = performance.now();
      for (let i = 0; i < calls; i += 1000) {
        const batch: string[][] = [];
        for (let j = i; j < Math.min(calls, i + 1000); j++) batch.push(command(j));
        await c.callMany(batch);
      }
      results.set(phase, { opsPerSec: calls / ((performance.now() - t0) / 1000), usecPerCall: null });
    }
    const r = await c.call('INFO', 'commandstats');
    const stats = commandstats(r.t === '$' && r.v ? r.v.toString() : '');
    for (const [phase, res] of results) res.usecPerCall = stats.get(phase) ?? null;
  } finally {
    c.close();
    await server.stop();
  }
  return results;
}

/** Whether this Cinnabar has XREADGROUP (the consumer-group commands are built separately). */
async function hasXreadgroup(): Promise<boolean> {
  const db = await Cinnabar.open();
  try {
    const r = await db.call('COMMAND', 'INFO', 'xreadgroup');
    return Array.isArray(r) && r[0] !== null;
  } finally {
    await db.close();
  }
}

/**
 * Pipelines `XADD bench:stream * <fields>` n times, each reply a bulk ID (a '-' line fails);
 * resolves with the seconds it took.
 */
function loadStream(port: number, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const socket = net.createConnection({ port, host: '127.0.0.1' });
    let lines = 0;
    let atLineStart = true;
    let prev = 0;
    socket.on('error', reject);
    socket.on('data', (d: Buffer) => {
      for (let i = 0; i < d.length; i++) {
        if (atLineStart && d[i] === 0x2d) {
          socket.destroy();
          reject(new Error(`XADD failed: ${d.toString('latin1', i, i + 200).split('\r\n')[0]}`));
          return;
        }
        atLineStart = false;
        if (prev === 0x0d && d[i] === 0x0a) {
          lines++;
          atLineStart = true;
        }
        prev = d[i];
      }
      if (lines === 2 * n) {
        socket.end();
        resolve(Number(process.hrtime.bigint() - t0) / 1e9);
      }
    });
    socket.on('connect', async () => {
      socket.setNoDelay(true);
      for (let start = 0; start < n; start += 10_000) {
        let chunk = '';
        for (let i = start; i < Math.min(n, start + 10_000); i++) {
          const args = ['XADD', 'bench:stream', '*', ...entryFields(i)];
          chunk += `*${args.length}\r\n`;
          for (const a of args) chunk += `$${a.length}\r\n${a}\r\n`;
        }
        if (!socket.write(Buffer.from(chunk, 'latin1'))) await new Promise((r) => socket.once('drain', r));
      }
    });
  });
}

/**
 * Live bytes per entry in this process: heapUsed + external (which includes the ArrayBuffers the
 * nodes live in) after a full GC, before and after loading the same `XADD *` entries in process.
 * Null when no full GC can be had.
 */
async function inProcessBytesPerEntry(): Promise<number | null> {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    // Not started with --expose-gc (npm run bench spawns plain node): expose it now.
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as (() => void) | undefined;
  }
  if (!gc) return null;
  const live = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const db = await Cinnabar.open();
  try {
    const before = live();
    let pending: Promise<unknown>[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      pending.push(db.call('XADD', 'bench:stream', '*', ...entryFields(i)));
      if (pending.length === 1000) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
    return (live() - before) / ENTRIES;
  } finally {
    await db.close();
  }
}

export async function runStreamsBench(log: (line: string) => void = console.log): Promise<string> {
  const withGroups = await hasXreadgroup();
  log(`  ${ENTRIES.toLocaleString('en-US')} entries (XADD key <id> sensor sensor-N reading <int>), ${QUERIES.toLocaleString('en-US')} XRANGE ... COUNT 10 from random IDs`);
  const cinnabar = await runCinnabar(withGroups);
  const redis = await runRedis(withGroups);
  const rows = phases(withGroups).map(([p, calls]) => {
    const cu = cinnabar.get(p)!.usecPerCall;
    const ru = redis.get(p)!.usecPerCall;
    return [
      p === 'xadd' ? 'XADD (1 entry per call)' : `${p.toUpperCase()} COUNT 10`,
      calls,
      Math.round(cinnabar.get(p)!.opsPerSec),
      Math.round(redis.get(p)!.opsPerSec),
      cu === null ? '-' : cu.toFixed(3),
      ru === null ? '-' : ru.toFixed(3),
      cu === null || ru === null ? '-' : (cu / ru).toFixed(2),
    ];
  });
  const speed = formatTable(
    ['operation', 'calls', 'cinnabar in process ops/s', 'redis ops/s (pipelined, socket)', 'cinnabar usec/call', 'redis usec/call', 'cinnabar/redis usec'],
    rows,
  );
  const notes = [
    'usec/call: each server\'s own INFO commandstats (time inside the command).',
    withGroups ? 'XREADGROUP: one consumer reading the whole stream with `>`, 10 entries a call.' : 'XREADGROUP: not in this build (the consumer-group commands are built separately), so not measured.',
  ];
  log('  memory: XADD bench:stream * sensor sensor-N reading <int>, loaded into a fresh redis-server and cinnabar-server');
  const memory: MemoryResult = await benchMemory({ keys: ENTRIES, valueSize: 0, log }, (port) => loadStream(port, ENTRIES), STREAM_MEMORY_TARGET);
  const inProcess = await inProcessBytesPerEntry();
  const redisPerEntry = memory.servers.redis.usedPerKey;
  const memNotes = [
    inProcess === null
      ? 'cinnabar in process: not measured (run node with --expose-gc, e.g. NODE_OPTIONS=--expose-gc).'
      : `cinnabar in process, live after full GC (heapUsed + external): ${inProcess.toFixed(1)} B/entry` +
        (redisPerEntry ? `, ${(inProcess / redisPerEntry).toFixed(2)}x redis's used_memory per entry` : ''),
  ];
  return `${speed}\n${notes.join('\n')}\n\nMemory per stream entry (target <= ${STREAM_MEMORY_TARGET}x Redis):\n${memory.table}\n${memNotes.join('\n')}`;
}

// Run directly (build/run-ts.mjs bundles it as streams-<hash>.mjs).
if (/streams(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '')) {
  runStreamsBench().then(
    (t) => console.log(t),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
