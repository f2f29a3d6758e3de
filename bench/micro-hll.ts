// HyperLogLog: the WASM module (assembly/hll.ts) against its plain TypeScript twin
// (src/wasm/ts/hll.ts), same algorithms, same strings in strings.wasm's memory, same inputs.
//   PFADD of N elements (default 1,000,000) into one key, 10 per call and 1 per call, as PFADD
//   commands do (elements packed into the scratch buffer, hashed, registers set; the key starts
//   sparse and turns dense); the same adds with the elements packed beforehand (the kernel alone);
//   PFCOUNT of one dense key with a stale cache; PFCOUNT over 10 dense keys (the union of their
//   registers and the estimate); PFMERGE of 10 keys into a dense target.
//   node build/run-ts.mjs bench/micro-hll.ts [--quick]
// Each phase runs on both implementations alternately (best of a few rounds for the read-only
// ones), after a GC so one's garbage is not collected on the other's clock.
import v8 from 'node:v8';
import vm from 'node:vm';
import { bytesToBin, type Bin } from '../src/bytes.ts';
import { chooseByteCodec } from './lib/codec.ts';
import { ByteString } from '../src/types/byte-string.ts';
import {
  emptyHll,
  hllAddElements,
  hllCardinality,
  hllUnionAdd,
  hllUnionCount,
  hllUnionReset,
  hllUnionStore,
  packElements,
  tsHll,
  wasmHll,
  type HllImpl,
} from '../src/wasm/hll.ts';
import { stringsWasm } from '../src/wasm/strings.ts';
import { formatTable } from './lib/table.ts';

export interface HllBenchOptions {
  elements?: number;
  /** Repetitions of the PFCOUNT / PFMERGE phases. */
  queries?: number;
  log?: (line: string) => void;
}

export interface HllBenchResult {
  /** [operation, WASM ops/s, TS ops/s, WASM/TS]. */
  header: string[];
  rows: (string | number)[][];
  table: string;
}

const MAX_SPARSE = 3000;
let sink = 0;

function elementsOf(n: number, prefix: string): Bin[] {
  const out: Bin[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const text = `${prefix}${i}`;
    out[i] = bytesToBin(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  }
  return out;
}

function fresh(): ByteString {
  const b = ByteString.zeroed(0);
  b.assign(emptyHll());
  return b;
}

function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export async function runHllBench(opts: HllBenchOptions = {}): Promise<HllBenchResult> {
  const n = opts.elements ?? 1_000_000;
  const q = opts.queries ?? 2_000;
  const log = opts.log ?? (() => {});
  const elems = elementsOf(n, 'member:');
  const impls: Record<'wasm' | 'ts', HllImpl> = { wasm: wasmHll(), ts: tsHll() };
  const names = ['wasm', 'ts'] as const;
  const rows: (string | number)[][] = [];
  const gc = gcFunction();

  const phase = (label: string, ops: number, body: (impl: HllImpl) => void, rounds = 1) => {
    const hz = { wasm: 0, ts: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        gc();
        const t0 = performance.now();
        body(impls[name]);
        hz[name] = Math.max(hz[name], ops / ((performance.now() - t0) / 1000));
      }
    }
    rows.push([label, Math.round(hz.wasm), Math.round(hz.ts), `${(hz.wasm / hz.ts).toFixed(2)}x`]);
    log(`  ${label}: wasm ${Math.round(hz.wasm)} ops/s, ts ${Math.round(hz.ts)} ops/s`);
  };

  // Warm-up of both paths (sparse, promotion, dense, counts) so the first phase does not time the JIT.
  for (const name of names) {
    const b = fresh();
    for (let i = 0; i < 50_000; i += 10) hllAddElements(b, elems, i, i + 10, MAX_SPARSE, impls[name]);
    for (let i = 0; i < 200; i++) sink += hllCardinality(b, impls[name]);
    b.free();
  }

  const total = n.toLocaleString('en-US');
  phase(`PFADD ${total} elements, 10 per call`, n, (impl) => {
    const b = fresh();
    for (let i = 0; i < n; i += 10) sink += hllAddElements(b, elems, i, Math.min(i + 10, n), MAX_SPARSE, impl);
    b.free();
  });
  phase(`PFADD ${total} elements, 1 per call`, n, (impl) => {
    const b = fresh();
    for (let i = 0; i < n; i++) sink += hllAddElements(b, elems, i, i + 1, MAX_SPARSE, impl);
    b.free();
  });

  // The kernel alone: elements packed once in the scratch buffer (after the targets are made
  // dense, which uses the scratch buffer too), then the same calls of 10.
  const m = stringsWasm();
  const targets = { wasm: fresh(), ts: fresh() };
  for (const name of names) hllAddElements(targets[name], elems, 0, 20_000, MAX_SPARSE, impls.wasm);
  const packed = packElements(m, elems);
  const offsets = new Uint32Array(n + 1);
  for (let i = 0, at = packed; i <= n; i++) {
    offsets[i] = at;
    if (i < n) at += 4 + elems[i].length;
  }
  phase(`  kernel: ${total} pre-packed elements, 10 per call`, n, (impl) => {
    const b = impl === impls.wasm ? targets.wasm : targets.ts;
    const mem = m.view();
    for (let i = 0; i < n; i += 10) sink += impl.add(mem, b.address, b.length, b.length, offsets[i], Math.min(10, n - i), MAX_SPARSE);
  });
  targets.wasm.free();
  targets.ts.free();

  // Ten dense keys of 100,000 elements each (distinct elements per key).
  const keys: ByteString[] = [];
  for (let k = 0; k < 10; k++) {
    const b = fresh();
    const own = elementsOf(100_000, `k${k}:`);
    for (let i = 0; i < own.length; i += 1000) hllAddElements(b, own, i, i + 1000, MAX_SPARSE, impls.wasm);
    keys.push(b);
  }
  phase(`PFCOUNT of 1 dense key (stale cache) x${q}`, q, (impl) => {
    for (let i = 0; i < q; i++) sink += hllCardinality(keys[i % 10], impl);
  }, 3);
  phase(`PFCOUNT of 10 dense keys (union + estimate) x${q}`, q, (impl) => {
    for (let i = 0; i < q; i++) {
      hllUnionReset(impl);
      for (const b of keys) hllUnionAdd(b, impl);
      sink += hllUnionCount(impl);
    }
  }, 3);
  phase(`PFMERGE of 10 dense keys into a dense key x${q}`, q, (impl) => {
    const target = keys[0].clone();
    for (let i = 0; i < q; i++) {
      hllUnionReset(impl);
      for (const b of keys) hllUnionAdd(b, impl);
      hllUnionStore(target, MAX_SPARSE, impl);
    }
    target.free();
  }, 3);
  for (const b of keys) b.free();

  const header = ['operation', 'wasm ops/s', 'ts ops/s', 'wasm/ts'];
  return { header, rows, table: formatTable(header, rows) };
}

// Run directly (build/run-ts.mjs runs a bundle named micro-hll-<hash>.mjs), not imported.
const isMain = /micro-hll(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  const quick = process.argv.includes('--quick');
  chooseByteCodec();
  const elements = quick ? 200_000 : 1_000_000;
  const queries = quick ? 500 : 2_000;
  console.log(`${elements.toLocaleString('en-US')} elements (member:N); hll-sparse-max-bytes ${MAX_SPARSE}; Node ${process.version}`);
  const result = await runHllBench({ elements, queries, log: (l) => process.stderr.write(`${l}\n`) });
  console.log(result.table);
  if (sink === 0.5) console.log(sink);
}
