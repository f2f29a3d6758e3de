// The geo commands' math (Redis's geohash): served by the WASM module (assembly/geohash.ts via
// CinnabarWasm) or its plain TypeScript twin (ts/geohash.ts), whichever measured faster
// (bench/micro-geo.ts); GEOHASH_IMPLEMENTATION records the choice and why.
import { wasm, type Implementation } from './index.ts';
import * as twin from './ts/geohash.ts';

export { LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, SHAPE_BOX, SHAPE_RADIUS } from './ts/geohash.ts';

export const GEOHASH_IMPLEMENTATION = {
  use: 'wasm',
  why: 'WASM faster wherever the work is batched or needs u64 (bench/micro-geo.ts, Node 20, 2-core dev machine shared with other jobs, so +-30% noise): encode 4.2-8.7x (native u64 interleave; the twin spreads 16-bit halves), decode 1.6-2.6x, the 9 search ranges 3.5-7.5x (u64 neighbour moves, one call), the shape filter 3.7-8.8x (a box of candidates per call, results read from linear memory); a lone haversine is a wash (0.8-3.6x: the boundary costs what the few float ops do, only GEODIST calls it alone); end to end GEOADD of 100k points 1.1-1.2x and GEOSEARCH of 1-4 km 1.3-1.6x, where the command layer dominates',
} as const satisfies { use: Implementation; why: string };

export interface GeoMath {
  /** The 52-bit sorted-set score of lon/lat (within Redis's limits). */
  encode(lon: number, lat: number): number;
  /** Decodes a score into out[0] (longitude), out[1] (latitude). */
  decode(score: number, out: Float64Array): void;
  /** Bits 2..51 of the standard geohash of a score's point (GEOHASH's ten characters). */
  hashBits(score: number): number;
  /** Haversine distance in meters. */
  distance(lon1: number, lat1: number, lon2: number, lat2: number): number;
  /** The [min, max) score ranges covering a search area into out (2 per range); how many. */
  areas(lon: number, lat: number, shape: number, width: number, height: number, conversion: number, out: Float64Array): number;
  /** [distance in meters or -1, lon, lat] per candidate score, at 3i (valid until the next call). */
  filter(
    scores: Float64Array, n: number, lon: number, lat: number, shape: number, width: number, height: number, conversion: number,
  ): Float64Array;
}

export const tsGeo: GeoMath = {
  encode: twin.geoEncode,
  decode: twin.geoDecode,
  hashBits: twin.geoHashBits,
  distance: twin.geoDistance,
  areas: twin.geoAreas,
  filter: twin.geoFilter,
};

export const wasmGeo: GeoMath = {
  encode: (lon, lat) => wasm().geoEncode(lon, lat),
  decode: (score, out) => wasm().geoDecode(score, out),
  hashBits: (score) => wasm().geoHashBits(score),
  distance: (lon1, lat1, lon2, lat2) => wasm().geoDistance(lon1, lat1, lon2, lat2),
  areas: (lon, lat, shape, width, height, conversion, out) => wasm().geoAreas(lon, lat, shape, width, height, conversion, out),
  filter: (scores, n, lon, lat, shape, width, height, conversion) =>
    wasm().geoFilter(scores, n, lon, lat, shape, width, height, conversion),
};

let current: GeoMath = (GEOHASH_IMPLEMENTATION.use as Implementation) === 'wasm' ? wasmGeo : tsGeo;

/** Switches implementation (benchmarks, cross-checks). */
export function useGeohash(impl: Implementation): void {
  current = impl === 'wasm' ? wasmGeo : tsGeo;
}

/** The implementation in use. */
export function geo(): GeoMath {
  return current;
}

const ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character string of a score's point (the eleventh is always '0'). */
export function geohashString(score: number): string {
  const bits = current.hashBits(score);
  // 50 bits: the top 20 and the low 30 as integers, five bits per character from the top.
  const hi = Math.floor(bits / 1073741824);
  const lo = bits - hi * 1073741824;
  let s = '';
  for (let i = 0; i < 4; i++) s += ALPHABET[(hi >>> (15 - 5 * i)) & 31];
  for (let i = 0; i < 6; i++) s += ALPHABET[(lo >>> (25 - 5 * i)) & 31];
  return s + '0';
}
