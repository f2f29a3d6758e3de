// WASM (cinnabar.wasm via src/wasm/module.ts) vs the plain TypeScript twins (src/wasm/ts/), side
// by side in one run, on the engine's own input type (binary strings). Prints ops/s of each,
// their ratio, which implementation src/wasm/index.ts serves, and flags any case where this
// run measured the other one faster.
//   node build/run-ts.mjs bench/micro-wasm.ts [--quick] [--js-codec]
// Binary strings are copied into bytes with Buffer's latin1 codec, as the Node binding
// installs; --js-codec keeps the plain JS loop that browsers and Deno use.
import Benchmark from 'benchmark';
import { bytesToBin } from '../src/bytes.ts';
import { chooseByteCodec } from './lib/codec.ts';
import { HLL_SEED, IMPLEMENTATIONS, tsTwins, wasm } from '../src/wasm/index.ts';

const quick = process.argv.includes('--quick');
const MAX_TIME = quick ? 0.3 : 1.5;

const jsCodec = chooseByteCodec() === 'js';

/** A flat binary string, like the ones the RESP parser hands the engine (not a rope of +=). */
function randomBin(len: number, alphabet: number, seed: number): string {
  let s = seed >>> 0;
  const bytes = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    bytes[i] = (s >>> 16) % alphabet;
  }
  return bytesToBin(bytes);
}

const w = wasm();
const halves = new Uint32Array(2);
let sink = 0;

const bytes16 = Array.from({ length: 64 }, (_, i) => randomBin(16, 256, i + 1));
const bytes1k = Array.from({ length: 8 }, (_, i) => randomBin(1024, 256, i + 100));
const mb1 = randomBin(1 << 20, 256, 7);
const mb1Bytes = Uint8Array.from(mb1, (c) => c.charCodeAt(0));
const flat = (s: string) => bytesToBin(Uint8Array.from(s, (c) => c.charCodeAt(0)));
const keys = Array.from({ length: 256 }, (_, i) => flat(i % 4 === 0 ? `{user${i}}:followers` : `user:${i * 7919}:profile`));
const lcsA2k = randomBin(2048, 4, 11);
const lcsB2k = randomBin(2048, 4, 12);
const lcsA500 = randomBin(500, 4, 13);
const lcsB500 = randomBin(500, 4, 14);

interface Case {
  op: string;
  impl: keyof typeof IMPLEMENTATIONS;
  wasm: () => void;
  ts: () => void;
}

let n = 0;
const cases: Case[] = [
  {
    op: 'murmur64a 16 B -> bigint',
    impl: 'murmurHash64A',
    wasm: () => void (sink ^= Number(w.murmurHash64A(bytes16[n++ & 63]) & 1n)),
    ts: () => void (sink ^= Number(tsTwins.murmurHash64A(bytes16[n++ & 63]) & 1n)),
  },
  {
    op: 'murmur64a 16 B -> u32 halves',
    impl: 'murmurHash64A',
    wasm: () => {
      w.murmurHash64AInto(bytes16[n++ & 63], HLL_SEED, halves);
      sink ^= halves[0];
    },
    ts: () => {
      tsTwins.murmurHash64AInto(bytes16[n++ & 63], HLL_SEED, halves);
      sink ^= halves[0];
    },
  },
  {
    op: 'murmur64a 1 KB -> bigint',
    impl: 'murmurHash64A',
    wasm: () => void (sink ^= Number(w.murmurHash64A(bytes1k[n++ & 7]) & 1n)),
    ts: () => void (sink ^= Number(tsTwins.murmurHash64A(bytes1k[n++ & 7]) & 1n)),
  },
  {
    op: 'crc64 1 MB binary string',
    impl: 'crc64',
    wasm: () => void (sink ^= Number(w.crc64(0n, mb1) & 1n)),
    ts: () => void (sink ^= Number(tsTwins.crc64(0n, mb1) & 1n)),
  },
  {
    op: 'crc64 1 MB Uint8Array',
    impl: 'crc64',
    wasm: () => void (sink ^= Number(w.crc64(0n, mb1Bytes) & 1n)),
    ts: () => void (sink ^= Number(tsTwins.crc64(0n, mb1Bytes) & 1n)),
  },
  {
    op: 'crc16 short key',
    impl: 'crc16',
    wasm: () => void (sink ^= w.crc16(keys[n++ & 255])),
    ts: () => void (sink ^= tsTwins.crc16(keys[n++ & 255])),
  },
  {
    op: 'keyHashSlot short key',
    impl: 'keyHashSlot',
    wasm: () => void (sink ^= w.keyHashSlot(keys[n++ & 255])),
    ts: () => void (sink ^= tsTwins.keyHashSlot(keys[n++ & 255])),
  },
  {
    op: 'LCS 500 B x 500 B (IDX)',
    impl: 'lcs',
    wasm: () => void (sink ^= w.lcs(lcsA500, lcsB500, { idx: true }).length),
    ts: () => void (sink ^= tsTwins.lcs(lcsA500, lcsB500, { idx: true }).length),
  },
  {
    op: 'LCS 2 KB x 2 KB',
    impl: 'lcs',
    wasm: () => void (sink ^= w.lcs(lcsA2k, lcsB2k).length),
    ts: () => void (sink ^= tsTwins.lcs(lcsA2k, lcsB2k).length),
  },
  {
    op: 'LCS 2 KB x 2 KB LEN',
    impl: 'lcs',
    wasm: () => void (sink ^= w.lcs(lcsA2k, lcsB2k, { len: true }).length),
    ts: () => void (sink ^= tsTwins.lcs(lcsA2k, lcsB2k, { len: true }).length),
  },
];

function hz(fn: () => void): { hz: number; rme: number } {
  const b = new Benchmark(fn, { maxTime: MAX_TIME, minSamples: 5 });
  b.run();
  return { hz: b.hz, rme: b.stats.rme };
}

function fmt(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
}

interface Row {
  op: string;
  wasm: string;
  ts: string;
  ratio: string;
  faster: string;
  engine: string;
}

const rows: Row[] = [];
const disagreements: string[] = [];
for (const c of cases) {
  // Warm both up first, then measure alternately so machine noise hits both alike.
  for (let i = 0; i < 50; i++) {
    c.wasm();
    c.ts();
  }
  const a = hz(c.wasm);
  const b = hz(c.ts);
  const ratio = a.hz / b.hz;
  const faster = ratio >= 1 ? 'wasm' : 'ts';
  const engine = IMPLEMENTATIONS[c.impl].use;
  if (faster !== engine && Math.abs(Math.log(ratio)) > Math.log(1.1)) disagreements.push(`${c.op}: measured ${faster} faster (${ratio.toFixed(2)}x), engine uses ${engine}`);
  rows.push({
    op: c.op,
    wasm: `${fmt(a.hz)} ±${a.rme.toFixed(1)}%`,
    ts: `${fmt(b.hz)} ±${b.rme.toFixed(1)}%`,
    ratio: `${ratio.toFixed(2)}x`,
    faster,
    engine,
  });
  process.stderr.write('.');
}
process.stderr.write('\n');

const header: Row = { op: 'op', wasm: 'wasm ops/s', ts: 'ts ops/s', ratio: 'wasm/ts', faster: 'faster', engine: 'engine uses' };
const cols = Object.keys(header) as (keyof Row)[];
const width = Object.fromEntries(cols.map((k) => [k, Math.max(...[header, ...rows].map((r) => r[k].length))]));
const line = (r: Row) => cols.map((k) => (k === 'op' ? r[k].padEnd(width[k]) : r[k].padStart(width[k]))).join('  ');
console.log(line(header));
console.log(cols.map((k) => '-'.repeat(width[k])).join('  '));
for (const r of rows) console.log(line(r));
console.log('\nWhy the engine (src/wasm/index.ts) serves each function the way it does:');
for (const [name, { use, why }] of Object.entries(IMPLEMENTATIONS)) console.log(`  ${name}: ${use} — ${why}`);
if (disagreements.length) {
  console.log('\nThis run disagrees with the engine by more than 10% on:');
  for (const d of disagreements) console.log(`  ${d}`);
}
console.log(`\nbinary strings copied with ${jsCodec ? 'the plain JS loop (--js-codec)' : "Buffer's latin1 codec (as the Node binding)"}`);
if (sink === 0.5) console.log(sink); // keeps the results alive
