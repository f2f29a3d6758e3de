// The geohash math (assembly/geohash.ts and its TypeScript twin src/wasm/ts/geohash.ts): known
// values from Redis, the two implementations agreeing bit for bit on random and limit inputs
// (scores, decoded positions, GEOHASH bits, the 9 search ranges, the shape filter), the
// distance within a few units in the last place (each side uses its own libm; so does Redis, whose
// glibc rounds the last bit of sin/cos/asin differently from V8's in ~3% of calls), and the
// printf-exact number formatting of the replies.
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/commands/geo.ts';
import { GEOHASH_IMPLEMENTATION, SHAPE_BOX, SHAPE_RADIUS, geohashString, tsGeo, useGeohash, wasmGeo } from '../../src/wasm/geohash.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

const LAT = 85.05112878;
const LIMITS: [number, number][] = [[180, LAT], [-180, -LAT], [180, -LAT], [-180, LAT], [0, 0], [-0, -0], [179.9999999, 85.0511287]];

function points(n: number, seed: number): [number, number][] {
  const r = rng(seed);
  const out: [number, number][] = [...LIMITS];
  for (let i = 0; i < n; i++) out.push([r() * 360 - 180, r() * 2 * LAT - LAT]);
  return out;
}

describe('known values (redis-server 7.0)', () => {
  it('scores, positions and GEOHASH strings', () => {
    for (const g of [tsGeo, wasmGeo]) {
      expect(g.encode(13.361389, 38.115556)).toBe(3479099956230698);
      expect(g.encode(15.087269, 37.502669)).toBe(3479447370796909);
      // lon 180 / lat max overflow into bits 53 and 52, as Redis's uint32 offsets do.
      expect(g.encode(180, LAT)).toBe(13510798882111488);
      expect(g.encode(-180, -LAT)).toBe(0);
      const out = new Float64Array(2);
      g.decode(3479099956230698, out);
      expect([out[0], out[1]]).toEqual([13.361389338970184, 38.1155563954963]);
      g.decode(13510798882111488, out);
      expect([out[0], out[1]]).toEqual([180, 85.0511287799999991]);
      expect(formatFixed(g.distance(13.361389338970184, 38.1155563954963, 15.087267458438873, 37.50266842333162) / 1000, 4)).toBe('166.2742');
    }
    for (const impl of ['ts', 'wasm'] as const) {
      useGeohash(impl);
      expect(geohashString(3479099956230698)).toBe('sqc8b49rny0');
      expect(geohashString(13510798882111488)).toBe('bp05b5048p0');
      expect(geohashString(0)).toBe('00bh0hbj200');
    }
    useGeohash(GEOHASH_IMPLEMENTATION.use);
  });
});

describe('WASM and TypeScript twin agree', () => {
  it('encode, decode and GEOHASH bits, on random points and at the limits', () => {
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    for (const [lon, lat] of points(20000, 1)) {
      const score = tsGeo.encode(lon, lat);
      expect(wasmGeo.encode(lon, lat)).toBe(score);
      tsGeo.decode(score, a);
      wasmGeo.decode(score, b);
      expect(b[0]).toBe(a[0]);
      expect(b[1]).toBe(a[1]);
      expect(wasmGeo.hashBits(score)).toBe(tsGeo.hashBits(score));
    }
  });

  it('decode of scores a user wrote with ZADD (negative, fractional, huge)', () => {
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    for (const score of [-1, -1e10, 0.5, 2 ** 53 + 2, 2 ** 60, 1e19, 3e19, -1e300, Infinity, -Infinity]) {
      tsGeo.decode(score, a);
      wasmGeo.decode(score, b);
      expect([b[0], b[1]]).toEqual([a[0], a[1]]);
    }
  });

  it('the search ranges of radius and box searches', () => {
    const r = rng(2);
    const ra = new Float64Array(18);
    const rb = new Float64Array(18);
    const radii = [0, 1, 100, 5000, 50_000, 500_000, 5_000_000, 20_000_000];
    for (const [lon, lat] of points(3000, 3)) {
      const shape = r() < 0.5 ? SHAPE_RADIUS : SHAPE_BOX;
      const w = radii[Math.floor(r() * radii.length)];
      const h = radii[Math.floor(r() * radii.length)];
      const conv = [1, 1000, 0.3048, 1609.34][Math.floor(r() * 4)];
      const n = tsGeo.areas(lon, lat, shape, w, h, conv, ra);
      expect(wasmGeo.areas(lon, lat, shape, w, h, conv, rb)).toBe(n);
      expect(n).toBeGreaterThan(0);
      expect(Array.from(rb.subarray(0, 2 * n))).toEqual(Array.from(ra.subarray(0, 2 * n)));
      for (let i = 0; i < n; i++) expect(ra[2 * i]).toBeLessThan(ra[2 * i + 1]);
    }
  });

  it('the shape filter: same members kept, same positions, distances within 4 ulps', () => {
    const r = rng(4);
    const scores = new Float64Array(points(5000, 5).map(([lon, lat]) => tsGeo.encode(lon, lat)));
    for (let q = 0; q < 40; q++) {
      const lon = r() * 360 - 180;
      const lat = r() * 2 * LAT - LAT;
      const shape = q % 2 === 0 ? SHAPE_RADIUS : SHAPE_BOX;
      const w = 2_000_000 * r();
      const h = 2_000_000 * r();
      const a = Float64Array.from(tsGeo.filter(scores, scores.length, lon, lat, shape, w, h, 1));
      const b = wasmGeo.filter(scores, scores.length, lon, lat, shape, w, h, 1);
      let kept = 0;
      const differ: number[] = [];
      for (let i = 0; i < scores.length; i++) {
        const da = a[3 * i];
        const db = b[3 * i];
        if (da >= 0) kept++;
        const close = Math.abs(da - db) <= 4 * Number.EPSILON * Math.abs(da) + 1e-9;
        if (db < 0 !== da < 0 || !close || b[3 * i + 1] !== a[3 * i + 1] || b[3 * i + 2] !== a[3 * i + 2]) differ.push(i);
      }
      expect(differ).toEqual([]);
      if (q === 0) expect(kept).toBeGreaterThan(0);
    }
  });
});

describe('printf formatting', () => {
  it('%.Nf rounds the exact binary value, ties to even', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(3.5, 0)).toBe('4');
    expect(formatFixed(1.00005, 4)).toBe('1.0001'); // 1.00005 is above the tie in binary
    expect(formatFixed(1.03125, 4)).toBe('1.0312');
    expect(formatFixed(-1.03125, 4)).toBe('-1.0312');
    expect(formatFixed(-0, 6)).toBe('-0.000000');
    expect(formatFixed(-1e-9, 6)).toBe('-0.000000');
    expect(formatFixed(181, 6)).toBe('181.000000');
    expect(formatFixed(1e300, 6)).toBe(`${BigInt(1e300)}.000000`);
    expect(formatFixed(Infinity, 6)).toBe('inf');
    expect(formatFixed(-Infinity, 6)).toBe('-inf');
  });
});
