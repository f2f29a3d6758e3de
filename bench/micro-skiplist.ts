// The sorted set's ordered index: the WASM skiplist (src/wasm/skiplist.ts over
// assembly/skiplist.ts) against its plain TypeScript twin (src/wasm/ts/skiplist.ts), same
// design, same inputs. N members (default 1,000,000) with random scores: insert all, then Q
// (default 100,000) each of: rank (ZRANK), first-in-score-range + 10 elements (ZRANGEBYSCORE
// ... LIMIT 0 10), 10 elements by index (ZRANGE i i+9), score updates (ZADD existing / ZINCRBY),
// removes (ZREM); ops/s of each and memory per member.
//   node build/run-ts.mjs bench/micro-skiplist.ts [--quick]
// The loops are timed directly (each op is much longer than the clock's resolution over Q ops);
// the two implementations alternate per phase so machine noise hits both alike. Members are
// flat binary strings, as the RESP parser hands them to the engine.
import v8 from 'node:v8';
import vm from 'node:vm';
import { bytesToBin } from '../src/bytes.ts';
import { chooseByteCodec } from './lib/codec.ts';
import type { ZOrderedIndex } from '../src/types/zset-index.ts';
import { SkiplistWasm, compileSkiplistWasm, createWasmSkiplist } from '../src/wasm/skiplist.ts';
import { createTsSkiplist } from '../src/wasm/ts/skiplist.ts';
import { formatTable } from './lib/table.ts';

export interface SkiplistBenchOptions {
  members?: number;
  queries?: number;
  log?: (line: string) => void;
}

export interface SkiplistBenchResult {
  /** [operation, WASM ops/s, TS ops/s, WASM/TS] and the memory rows. */
  header: string[];
  rows: (string | number)[][];
  table: string;
}

/** Deterministic inputs: members `member:<i>` (flat strings) and uniform scores in [0, 1). */
function inputs(n: number): { members: string[]; scores: Float64Array } {
  let s = 12345;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const members: string[] = new Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const text = `member:${i}`;
    members[i] = bytesToBin(Uint8Array.from(text, (c) => c.charCodeAt(0)));
    // Two draws so that scores do not repeat within the 2^32 generator period.
    scores[i] = rand() + rand() / 4294967296;
  }
  return { members, scores };
}

function queryIndexes(q: number, n: number, seed: number): Uint32Array {
  let s = seed;
  const out = new Uint32Array(q);
  for (let i = 0; i < q; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s % n;
  }
  return out;
}

let sink = 0;

interface Subject {
  name: 'wasm' | 'ts';
  create: () => ZOrderedIndex;
  index?: ZOrderedIndex;
}

/** ops/s of running `body` once (it performs `ops` operations). */
function timeOps(ops: number, body: () => void): number {
  const t0 = performance.now();
  body();
  return ops / ((performance.now() - t0) / 1000);
}

function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export async function runSkiplistBench(opts: SkiplistBenchOptions = {}): Promise<SkiplistBenchResult> {
  const n = opts.members ?? 1_000_000;
  const q = Math.min(opts.queries ?? 100_000, n);
  const log = opts.log ?? (() => {});
  const { members, scores } = inputs(n);
  const picks = queryIndexes(q, n, 7);
  const subjects: Subject[] = [
    { name: 'wasm', create: () => createWasmSkiplist() },
    { name: 'ts', create: createTsSkiplist },
  ];
  const rows: (string | number)[][] = [];
  const visit = (member: string, score: number) => {
    sink += member.length + score;
  };

  // Each implementation's own copy of the scores, which the update phase changes.
  const own = new Map(subjects.map((s) => [s.name, Float64Array.from(scores)]));
  const gc = gcFunction();
  /** Times `body` on each implementation after a full GC (so one's garbage is not collected on
   * the other's clock); read-only phases run `rounds` times alternately and keep the best. */
  const phase = (label: string, ops: number, body: (ix: ZOrderedIndex, scores: Float64Array) => void, rounds = 1) => {
    const hz: Record<string, number> = { wasm: 0, ts: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const s of subjects) {
        gc();
        hz[s.name] = Math.max(hz[s.name], timeOps(ops, () => body(s.index!, own.get(s.name)!)));
      }
    }
    rows.push([label, Math.round(hz.wasm), Math.round(hz.ts), `${(hz.wasm / hz.ts).toFixed(2)}x`]);
    log(`  ${label}: wasm ${Math.round(hz.wasm)} ops/s, ts ${Math.round(hz.ts)} ops/s`);
  };

  // Warm-up on a small list, so the first phase does not time the JIT.
  for (const s of subjects) {
    const ix = s.create();
    for (let i = 0; i < 20_000; i++) ix.insert(members[i], scores[i]);
    for (let i = 0; i < 20_000; i++) {
      sink += ix.rank(members[i], scores[i]);
      ix.range(i, Math.min(i + 9, ix.length - 1), false, visit);
    }
    ix.free();
  }

  const creators = subjects.map((s) => s.create);
  subjects.forEach((s, k) => (s.index = creators[k]()));
  phase(`insert ${n.toLocaleString('en-US')} (ZADD new)`, n, (ix) => {
    for (let i = 0; i < n; i++) ix.insert(members[i], scores[i]);
  });
  phase(`rank x${q.toLocaleString('en-US')} (ZRANK)`, q, (ix) => {
    for (let k = 0; k < q; k++) {
      const i = picks[k];
      sink += ix.rank(members[i], scores[i]);
    }
  }, 3);
  phase('score range LIMIT 0 10 (ZRANGEBYSCORE)', q, (ix) => {
    for (let k = 0; k < q; k++) {
      const min = scores[picks[k]] - 1e-7;
      const r = { min, max: Infinity, minExclusive: false, maxExclusive: false };
      const first = ix.firstInScoreRange(r);
      if (first >= 0) ix.range(first, Math.min(first + 9, ix.length - 1), false, visit);
    }
  }, 3);
  phase('index range of 10 (ZRANGE i i+9)', q, (ix) => {
    const len = ix.length;
    for (let k = 0; k < q; k++) {
      const start = picks[k] % (len - 10);
      ix.range(start, start + 9, false, visit);
    }
  }, 3);
  phase('update score (ZINCRBY)', q, (ix, scores) => {
    for (let k = 0; k < q; k++) {
      const i = picks[k];
      const next = (scores[i] + 0.5) % 1;
      ix.updateScore(members[i], scores[i], next);
      scores[i] = next;
    }
  });
  // Members are distinct in picks only by chance: remove each once.
  const removeSet = [...new Set(picks)];
  phase(`remove x${removeSet.length.toLocaleString('en-US')} (ZREM)`, removeSet.length, (ix, scores) => {
    for (const i of removeSet) ix.remove(members[i], scores[i]);
  });
  for (const s of subjects) s.index!.free();

  // Memory per member: linear memory growth of a fresh WASM instance, JS heap growth for TS
  // (the member strings are held by the caller in both cases, as the zset's map holds them).
  const m = new SkiplistWasm(compileSkiplistWasm());
  const before = m.memoryBytes();
  const allocatedBefore = m.allocatedBytes();
  const w = createWasmSkiplist(m);
  for (let i = 0; i < n; i++) w.insert(members[i], scores[i]);
  const wasmBytes = (m.allocatedBytes() - allocatedBefore) / n;
  const wasmLinear = (m.memoryBytes() - before) / n;
  w.free();
  gc();
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let t: ZOrderedIndex | undefined = createTsSkiplist();
  for (let i = 0; i < n; i++) t.insert(members[i], scores[i]);
  gc();
  gc();
  const tsBytes = (process.memoryUsage().heapUsed - heap0) / n;
  sink += t.length;
  t.free();
  t = undefined;
  rows.push(['bytes per member (member:N, 8-14 B)', wasmBytes.toFixed(1), tsBytes.toFixed(1), `${(wasmBytes / tsBytes).toFixed(2)}x`]);
  rows.push(['  wasm linear memory grown per member', wasmLinear.toFixed(1), '-', '-']);
  log(`  bytes per member: wasm ${wasmBytes.toFixed(1)} allocated (${wasmLinear.toFixed(1)} of linear memory), ts ${tsBytes.toFixed(1)}`);

  const header = ['operation', 'wasm ops/s', 'ts ops/s', 'wasm/ts'];
  return { header, rows, table: formatTable(header, rows) };
}

// Run directly (build/run-ts.mjs runs a bundle named micro-skiplist-<hash>.mjs), not imported.
const isMain = /micro-skiplist(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  const quick = process.argv.includes('--quick');
  chooseByteCodec();
  const members = quick ? 200_000 : 1_000_000;
  const queries = quick ? 20_000 : 100_000;
  console.log(`${members.toLocaleString('en-US')} members (member:N, random scores), ${queries.toLocaleString('en-US')} queries per row; Node ${process.version}`);
  const result = await runSkiplistBench({ members, queries, log: (l) => process.stderr.write(`${l}\n`) });
  console.log(result.table);
  console.log(
    '\nbytes per member: WASM = bytes in allocated blocks (node with its member bytes, allocator header and' +
      '\n16-byte rounding); linear memory grows ahead of that (the allocator doubles it when it runs out);' +
      '\nTS = growth of the JS heap (node object and its two arrays; the member strings are the caller\'s, as the zset map holds them)',
  );
  if (sink === 0.5) console.log(sink);
}
