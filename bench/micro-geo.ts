// The geo math: WASM (assembly/geohash.ts through CinnabarWasm) against its plain TypeScript
// twin (src/wasm/ts/geohash.ts), same data. End to end in process: GEOADD of N points (default
// 100,000, in batches of 1,000) and Q GEOSEARCH FROMLONLAT BYRADIUS queries of a few km over them
// (default 10,000, WITHDIST ASC); then the math alone: encode (GEOADD's score), decode (GEOPOS),
// distance, the 9 search ranges of an area, and the shape filter over batches of candidates.
//   node build/run-ts.mjs bench/micro-geo.ts [--quick]
// The two implementations alternate per phase (best of 3 for the math rows) so that machine noise
// hits both alike.
import { Cinnabar } from '../bindings/node/index.ts';
import { GEOHASH_IMPLEMENTATION, SHAPE_RADIUS, tsGeo, useGeohash, wasmGeo, type GeoMath } from '../src/wasm/geohash.ts';
import type { Implementation } from '../src/wasm/index.ts';
import { formatTable } from './lib/table.ts';

export interface GeoBenchOptions {
  points?: number;
  queries?: number;
  log?: (line: string) => void;
}

export interface GeoBenchResult {
  /** [operation, WASM ops/s, TS ops/s, WASM/TS]. */
  header: string[];
  rows: (string | number)[][];
  table: string;
}

const ADD_BATCH = 1000;

/** Points around a few cities (so that radius queries of a few km find some), from an LCG. */
function workload(points: number, queries: number) {
  let s = 4242;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const cities: [number, number][] = [[-122.42, 37.77], [2.35, 48.86], [13.36, 38.12], [139.69, 35.69], [-74.0, 40.71]];
  const lon = new Float64Array(points);
  const lat = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const [cx, cy] = cities[i % cities.length];
    lon[i] = cx + (rand() - 0.5) * 0.6;
    lat[i] = cy + (rand() - 0.5) * 0.6;
  }
  const qlon = new Float64Array(queries);
  const qlat = new Float64Array(queries);
  const qkm = new Float64Array(queries);
  for (let i = 0; i < queries; i++) {
    const [cx, cy] = cities[i % cities.length];
    qlon[i] = cx + (rand() - 0.5) * 0.5;
    qlat[i] = cy + (rand() - 0.5) * 0.5;
    qkm[i] = 1 + Math.floor(rand() * 4);
  }
  return { lon, lat, qlon, qlat, qkm };
}

let sink = 0;

function timeOps(ops: number, body: () => void): number {
  const t0 = performance.now();
  body();
  return ops / ((performance.now() - t0) / 1000);
}

export async function runGeoBench(opts: GeoBenchOptions = {}): Promise<GeoBenchResult> {
  const n = opts.points ?? 100_000;
  const q = opts.queries ?? 10_000;
  const log = opts.log ?? (() => {});
  const w = workload(n, q);
  const rows: (string | number)[][] = [];
  const row = (label: string, hz: Record<Implementation, number>) => {
    rows.push([label, Math.round(hz.wasm), Math.round(hz.ts), `${(hz.wasm / hz.ts).toFixed(2)}x`]);
    log(`  ${label}: wasm ${Math.round(hz.wasm)} ops/s, ts ${Math.round(hz.ts)} ops/s`);
  };

  // ---- end to end, through the command layer ----
  const adds: string[][] = [];
  for (let i = 0; i < n; i += ADD_BATCH) {
    const args = ['GEOADD', 'points'];
    for (let j = i; j < Math.min(n, i + ADD_BATCH); j++) args.push(String(w.lon[j]), String(w.lat[j]), `p:${j}`);
    adds.push(args);
  }
  const searches = Array.from({ length: q }, (_, i) => [
    'GEOSEARCH', 'points', 'FROMLONLAT', String(w.qlon[i]), String(w.qlat[i]), 'BYRADIUS', String(w.qkm[i]), 'km', 'WITHDIST', 'ASC',
  ]);
  const addHz: Record<Implementation, number> = { wasm: 0, ts: 0 };
  const searchHz: Record<Implementation, number> = { wasm: 0, ts: 0 };
  let found: Record<Implementation, number> = { wasm: 0, ts: 0 };
  for (let round = 0; round < 2; round++) {
    for (const impl of ['wasm', 'ts'] as const) {
      useGeohash(impl);
      const db = await Cinnabar.open();
      try {
        addHz[impl] = Math.max(addHz[impl], n / (await timeAsync(async () => {
          for (const a of adds) await db.call(...a);
        })));
        let hits = 0;
        searchHz[impl] = Math.max(searchHz[impl], q / (await timeAsync(async () => {
          for (const s of searches) hits += ((await db.call(...s)) as unknown[]).length;
        })));
        found = { ...found, [impl]: hits };
      } finally {
        await db.close();
      }
    }
  }
  useGeohash(GEOHASH_IMPLEMENTATION.use);
  if (found.wasm !== found.ts) throw new Error(`the implementations found ${found.wasm} and ${found.ts} points`);
  row(`GEOADD ${n.toLocaleString('en-US')} points (points/s, batches of ${ADD_BATCH})`, addHz);
  row(`GEOSEARCH BYRADIUS 1-4 km WITHDIST ASC x${q.toLocaleString('en-US')} (avg ${(found.ts / q).toFixed(0)} hits)`, searchHz);

  // ---- the math alone ----
  const subjects: [Implementation, GeoMath][] = [['wasm', wasmGeo], ['ts', tsGeo]];
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = tsGeo.encode(w.lon[i], w.lat[i]);
  const math = (label: string, ops: number, body: (g: GeoMath) => void) => {
    const hz: Record<Implementation, number> = { wasm: 0, ts: 0 };
    for (let round = 0; round < 3; round++) {
      for (const [name, g] of subjects) hz[name] = Math.max(hz[name], timeOps(ops, () => body(g)));
    }
    row(label, hz);
  };
  math('encode (lon/lat -> score)', n, (g) => {
    for (let i = 0; i < n; i++) sink += g.encode(w.lon[i], w.lat[i]);
  });
  const out = new Float64Array(2);
  math('decode (score -> lon/lat)', n, (g) => {
    for (let i = 0; i < n; i++) {
      g.decode(scores[i], out);
      sink += out[0];
    }
  });
  math('distance (haversine)', n, (g) => {
    for (let i = 1; i < n; i++) sink += g.distance(w.lon[i - 1], w.lat[i - 1], w.lon[i], w.lat[i]);
  });
  const ranges = new Float64Array(18);
  math('search ranges of an area (9 boxes, one call)', q, (g) => {
    for (let i = 0; i < q; i++) sink += g.areas(w.qlon[i], w.qlat[i], SHAPE_RADIUS, w.qkm[i], 0, 1000, ranges);
  });
  const batch = 256;
  const batches = Math.floor(n / batch);
  math(`shape filter, batches of ${batch} candidates (candidates/s)`, batches * batch, (g) => {
    for (let b = 0; b < batches; b++) {
      const f = g.filter(scores.subarray(b * batch, (b + 1) * batch), batch, w.qlon[b % q], w.qlat[b % q], SHAPE_RADIUS, 3, 0, 1000);
      sink += f[0];
    }
  });

  const header = ['operation', 'wasm ops/s', 'ts ops/s', 'wasm/ts'];
  return { header, rows, table: formatTable(header, rows) };
}

async function timeAsync(body: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await body();
  return (performance.now() - t0) / 1000;
}

// Run directly (build/run-ts.mjs runs a bundle named micro-geo-<hash>.mjs), not imported.
const isMain = /micro-geo(-[0-9a-f]+)?\.(m?js|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  const quick = process.argv.includes('--quick');
  const points = quick ? 20_000 : 100_000;
  const queries = quick ? 2_000 : 10_000;
  console.log(`${points.toLocaleString('en-US')} points around 5 cities, ${queries.toLocaleString('en-US')} radius queries; Node ${process.version}`);
  const result = await runGeoBench({ points, queries, log: (l) => process.stderr.write(`${l}\n`) });
  console.log(result.table);
  if (sink === 0.5) console.log(sink);
}
