// Bitmaps: the WASM functions (assembly/bitmap.ts) against their plain TypeScript twin
// (src/wasm/ts/bitmap.ts), same algorithm, same bytes: both run over the same blocks of
// strings.wasm's memory, as the commands use them. BITCOUNT over a 16 MB string, BITOP
// AND/OR/XOR of two 16 MB strings, BITPOS scanning 16 MB for its one set (or clear) bit, SETBIT
// and GETBIT at 1M random offsets of the 16 MB string, BITFIELD GET/SET of random widths.
//   node build/run-ts.mjs bench/micro-bitmap.ts [--quick]
// Bulk rows are MB/s of string scanned (best of the rounds); per-call rows ops/s. The two
// implementations alternate per round so machine noise hits both alike.
import { ByteString } from '../src/types/byte-string.ts';
import type { BitmapExports } from '../src/wasm/bitmap.ts';
import { SOURCE_BYTES } from '../src/wasm/bitmap.ts';
import { stringsWasm } from '../src/wasm/strings.ts';
import * as twin from '../src/wasm/ts/bitmap.ts';
import { formatTable } from './lib/table.ts';

export interface BitmapBenchOptions {
  /** Bytes per string (default 16 MB). */
  bytes?: number;
  /** Random offsets for the SETBIT/GETBIT/BITFIELD rows (default 1M). */
  ops?: number;
  /** Timed rounds per row and implementation (default 5). */
  rounds?: number;
  log?: (line: string) => void;
}

export interface BitmapBenchResult {
  /** [operation, unit, WASM, TS, WASM/TS]. */
  header: string[];
  rows: (string | number)[][];
  table: string;
}

let sink = 0;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** The best (highest) rate over `rounds` timed runs of `body`, each doing `work` units. */
function best(rounds: number, work: number, body: () => void): number {
  let top = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    body();
    const rate = work / ((performance.now() - t0) / 1000);
    if (rate > top) top = rate;
  }
  return top;
}

export async function runBitmapBench(opts: BitmapBenchOptions = {}): Promise<BitmapBenchResult> {
  const size = opts.bytes ?? 16 * 1024 * 1024;
  const ops = opts.ops ?? 1_000_000;
  const rounds = opts.rounds ?? 5;
  const log = opts.log ?? (() => {});
  const m = stringsWasm();
  const x = m.exportsAs<BitmapExports>();
  const next = lcg(42);

  const a = ByteString.zeroed(size, m);
  const b = ByteString.zeroed(size, m);
  const dst = ByteString.zeroed(size, m);
  const sparse = ByteString.zeroed(size, m);
  const full = ByteString.zeroed(size, m);
  let mem = m.view();
  const fill = (s: ByteString) => {
    const w = new Uint32Array(mem.buffer, s.address, size >>> 2);
    for (let i = 0; i < w.length; i++) w[i] = next();
  };
  fill(a);
  fill(b);
  mem.fill(0xff, full.address, full.address + size);
  // One bit to find, at the very end.
  mem[sparse.address + size - 1] = 1;
  mem[full.address + size - 1] = 0xfe;
  const desc = m.scratch(2 * SOURCE_BYTES);
  mem = m.view();
  const dv = new DataView(mem.buffer);
  dv.setUint32(desc, a.address, true);
  dv.setUint32(desc + 4, size, true);
  dv.setUint32(desc + 8, b.address, true);
  dv.setUint32(desc + 12, size, true);
  const sources = [{ ptr: a.address, len: size }, { ptr: b.address, len: size }];
  const mb = size / (1024 * 1024);

  const rows: (string | number)[][] = [];
  const row = (label: string, unit: string, wasm: () => void, ts: () => void, work: number) => {
    // Alternate: a round of each, `rounds` times, keeping each side's best.
    let w = 0;
    let t = 0;
    wasm();
    ts();
    for (let r = 0; r < rounds; r++) {
      w = Math.max(w, best(1, work, wasm));
      t = Math.max(t, best(1, work, ts));
    }
    rows.push([label, unit, Math.round(w), Math.round(t), `${(w / t).toFixed(2)}x`]);
    log(`${label}: wasm ${Math.round(w)} ts ${Math.round(t)} ${unit}`);
  };

  row(`BITCOUNT ${mb} MB`, 'MB/s',
    () => { sink += x.bitmapCount(a.address, size); },
    () => { sink += twin.bitCount(m.view(), a.address, size); }, mb);
  // Same answer from both (a sanity check, not a benchmark).
  if (x.bitmapCount(a.address, size) !== twin.bitCount(m.view(), a.address, size)) throw new Error('bitcount differs');

  const ops3: [string, twin.BitOp][] = [['AND', twin.OP_AND], ['OR', twin.OP_OR], ['XOR', twin.OP_XOR]];
  for (const [name, op] of ops3) {
    row(`BITOP ${name} 2 x ${mb} MB`, 'MB/s',
      () => x.bitmapOp(op, dst.address, size, desc, 2),
      () => twin.bitOp(m.view(), op, dst.address, size, sources), mb);
  }
  row(`BITOP NOT ${mb} MB`, 'MB/s',
    () => x.bitmapOp(twin.OP_NOT, dst.address, size, desc, 1),
    () => twin.bitOp(m.view(), twin.OP_NOT, dst.address, size, sources.slice(0, 1)), mb);

  row(`BITPOS 1 over ${mb} MB of zeros`, 'MB/s',
    () => { sink += x.bitmapPos(sparse.address, size, 1); },
    () => { sink += twin.bitPos(m.view(), sparse.address, size, 1); }, mb);
  row(`BITPOS 0 over ${mb} MB of ones`, 'MB/s',
    () => { sink += x.bitmapPos(full.address, size, 0); },
    () => { sink += twin.bitPos(m.view(), full.address, size, 0); }, mb);

  const offsets = new Float64Array(ops);
  for (let i = 0; i < ops; i++) offsets[i] = (next() % (size * 8 - 64));
  const bitsOf = new Uint8Array(ops);
  for (let i = 0; i < ops; i++) bitsOf[i] = 1 + (next() % 63);

  row('SETBIT random offsets', 'ops/s',
    () => { for (let i = 0; i < ops; i++) sink += x.bitmapSetBit(a.address, offsets[i], i & 1); },
    () => {
      const v = m.view();
      const p = a.address;
      for (let i = 0; i < ops; i++) sink += twin.setBit(v, p, offsets[i], i & 1);
    }, ops);
  row('GETBIT random offsets', 'ops/s',
    () => { for (let i = 0; i < ops; i++) sink += x.bitmapGetBit(a.address, size, offsets[i]); },
    () => {
      const v = m.view();
      const p = a.address;
      for (let i = 0; i < ops; i++) sink += twin.getBit(v, p, size, offsets[i]);
    }, ops);
  row('BITFIELD GET u1..u63', 'ops/s',
    () => { for (let i = 0; i < ops; i++) sink += Number(x.bitmapGetField(a.address, size, offsets[i], bitsOf[i]) & 1n); },
    () => {
      const v = m.view();
      const p = a.address;
      for (let i = 0; i < ops; i++) sink += Number(twin.getField(v, p, size, offsets[i], bitsOf[i]) & 1n);
    }, ops);
  const value = 0x123456789abcdefn;
  row('BITFIELD SET u1..u63', 'ops/s',
    () => { for (let i = 0; i < ops; i++) x.bitmapSetField(b.address, offsets[i], bitsOf[i], value); },
    () => {
      const v = m.view();
      const p = b.address;
      for (let i = 0; i < ops; i++) twin.setField(v, p, offsets[i], bitsOf[i], value);
    }, ops);

  for (const s of [a, b, dst, sparse, full]) s.free();
  const header = ['operation', 'unit', 'wasm', 'ts', 'wasm/ts'];
  return { header, rows, table: formatTable(header, rows) };
}

// Run directly (build/run-ts.mjs runs a bundle named micro-bitmap-<hash>.mjs), not imported.
const isMain = /micro-bitmap(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  const quick = process.argv.includes('--quick');
  const bytes = quick ? 4 * 1024 * 1024 : 16 * 1024 * 1024;
  const ops = quick ? 200_000 : 1_000_000;
  console.log(`${bytes / (1024 * 1024)} MB strings, ${ops.toLocaleString('en-US')} random offsets per call row; Node ${process.version}`);
  const result = await runBitmapBench({ bytes, ops, rounds: quick ? 3 : 5, log: (l) => process.stderr.write(`${l}\n`) });
  console.log(result.table);
  if (sink === 0.5) console.log(sink);
}
