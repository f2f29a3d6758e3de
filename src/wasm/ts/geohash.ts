// Plain TypeScript twin of assembly/geohash.ts (Redis's geohash.c / geohash_helper.c). JS has no
// u64, so a hash is kept as its two cell indices (latitude, longitude) rather than their
// interleaving; neighbour moves on the interleaved bits are the same as +-1 modulo 2^step on one
// index, and scores are built from the interleaving's 32-bit halves (rounded once, as C's
// uint64 -> double conversion).

export const LON_MIN = -180;
export const LON_MAX = 180;
export const LAT_MIN = -85.05112878;
export const LAT_MAX = 85.05112878;
const STEP_MAX = 26;
const EARTH_RADIUS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;
const TWO32 = 4294967296;

/** Search shapes (the WASM side takes the same numbers). */
export const SHAPE_RADIUS = 0;
export const SHAPE_BOX = 1;

/** Spreads the low 16 bits of x to the even positions of a u32. */
function spread16(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

/** Gathers the even bit positions of a u32 into 16 bits. */
function squash32(v: number): number {
  let x = v & 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/** interleave64(lat, lon) as a double; `plusOne` adds 1 to the u64 before the conversion. */
function interleaved(latIdx: number, lonIdx: number, plusOne: number): number {
  const lo = (spread16(latIdx) | (spread16(lonIdx) << 1)) >>> 0;
  const hi = (spread16(latIdx >>> 16) | (spread16(lonIdx >>> 16) << 1)) >>> 0;
  return hi * TWO32 + (lo + plusOne);
}

// Cell indices of the last encode / scoreIndices call.
let encLat = 0;
let encLon = 0;

function encode(latMin: number, latMax: number, lon: number, lat: number, step: number): void {
  const cells = 2 ** step;
  encLat = ((lat - latMin) / (latMax - latMin) * cells) >>> 0;
  encLon = ((lon - LON_MIN) / (LON_MAX - LON_MIN) * cells) >>> 0;
}

/** C's (uint64_t) cast of a score, as hi/lo halves, deinterleaved into encLat/encLon. */
function scoreIndices(score: number): void {
  let hi: number;
  let lo: number;
  if (score >= 0 && score < 18446744073709551616) {
    const t = Math.trunc(score);
    hi = Math.floor(t / TWO32);
    lo = t - hi * TWO32;
  } else {
    // x86-64 converts through a signed cast: negative scores wrap, those past int64 give its
    // "integer indefinite" 2^63; from 2^64 up (and NaN) the unsigned path xors that back to 0.
    let big = 0n;
    if (score < 0) big = score > -9223372036854775808 ? BigInt.asUintN(64, BigInt(Math.trunc(score))) : 1n << 63n;
    hi = Number(big >> 32n);
    lo = Number(big & 0xffffffffn);
  }
  encLat = (squash32(lo) | (squash32(hi) << 16)) >>> 0;
  encLon = (squash32(lo >>> 1) | (squash32(hi >>> 1) << 16)) >>> 0;
}

// The cell of the last decodeCell call.
let cellLatMin = 0;
let cellLatMax = 0;
let cellLonMin = 0;
let cellLonMax = 0;

function decodeCell(latIdx: number, lonIdx: number, step: number): void {
  const cells = 2 ** step;
  const latScale = LAT_MAX - LAT_MIN;
  const lonScale = LON_MAX - LON_MIN;
  cellLatMin = LAT_MIN + (latIdx / cells) * latScale;
  cellLatMax = LAT_MIN + (((latIdx + 1) >>> 0) / cells) * latScale;
  cellLonMin = LON_MIN + (lonIdx / cells) * lonScale;
  cellLonMax = LON_MIN + (((lonIdx + 1) >>> 0) / cells) * lonScale;
}

let decodedLon = 0;
let decodedLat = 0;

function decodeScore(score: number): void {
  scoreIndices(score);
  decodeCell(encLat, encLon, STEP_MAX);
  let lon = (cellLonMin + cellLonMax) / 2;
  if (lon > LON_MAX) lon = LON_MAX;
  if (lon < LON_MIN) lon = LON_MIN;
  let lat = (cellLatMin + cellLatMax) / 2;
  if (lat > LAT_MAX) lat = LAT_MAX;
  if (lat < LAT_MIN) lat = LAT_MIN;
  decodedLon = lon;
  decodedLat = lat;
}

/** The sorted-set score of lon/lat (both within the limits). */
export function geoEncode(lon: number, lat: number): number {
  encode(LAT_MIN, LAT_MAX, lon, lat, STEP_MAX);
  return interleaved(encLat, encLon, 0);
}

/** Decodes a score into out[0] (longitude) and out[1] (latitude). */
export function geoDecode(score: number, out: Float64Array): void {
  decodeScore(score);
  out[0] = decodedLon;
  out[1] = decodedLat;
}

/** Bits 2..51 of the standard geohash (latitude -90..90) of the decoded point. */
export function geoHashBits(score: number): number {
  decodeScore(score);
  encode(-90, 90, decodedLon, decodedLat, STEP_MAX);
  const lo = (spread16(encLat) | (spread16(encLon) << 1)) >>> 0;
  const hi = (spread16(encLat >>> 16) | (spread16(encLon >>> 16) << 1)) & 0xfffff;
  return hi * 1073741824 + (lo >>> 2);
}

function latDistance(lat1: number, lat2: number): number {
  return EARTH_RADIUS * Math.abs(lat2 * D_R - lat1 * D_R);
}

/** Haversine distance in meters (geohashGetDistance). */
export function geoDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const lon1r = lon1 * D_R;
  const lon2r = lon2 * D_R;
  const v = Math.sin((lon2r - lon1r) / 2);
  if (v === 0) return latDistance(lat1, lat2);
  const lat1r = lat1 * D_R;
  const lat2r = lat2 * D_R;
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
}

function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

/** Neighbour offsets in Redis's order: centre, N, S, E, W, NE, NW, SE, SW. */
const DX = [0, 0, 0, 1, -1, 1, -1, 1, -1];
const DY = [0, 1, -1, 0, 0, 1, 1, -1, -1];

/**
 * The [min, max) score ranges to scan for a search around lon/lat (radius: width; box: width
 * and height), in meters once multiplied by `conversion`, into out[2i], out[2i+1]; returns how
 * many (geohashCalculateAreasByShapeWGS84 + membersOfAllNeighbors's walk).
 */
export function geoAreas(
  lon: number, lat: number, shape: number, width: number, height: number, conversion: number, out: Float64Array,
): number {
  const circle = shape === SHAPE_RADIUS;
  const h = conversion * (circle ? width : height / 2);
  const w = conversion * (circle ? width : width / 2);
  const latDelta = h / EARTH_RADIUS / D_R;
  const lonDeltaTop = w / EARTH_RADIUS / Math.cos((lat + latDelta) * D_R) / D_R;
  const lonDeltaBottom = w / EARTH_RADIUS / Math.cos((lat - latDelta) * D_R) / D_R;
  const south = lat < 0;
  const minLon = south ? lon - lonDeltaBottom : lon - lonDeltaTop;
  const maxLon = south ? lon + lonDeltaBottom : lon + lonDeltaTop;
  const minLat = lat - latDelta;
  const maxLat = lat + latDelta;

  let radiusMeters = circle ? width : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
  radiusMeters *= conversion;

  let steps = estimateSteps(radiusMeters, lat);
  encode(LAT_MIN, LAT_MAX, lon, lat, steps);
  let mask = 2 ** steps - 1;
  let decrease = false;
  decodeCell((encLat + 1) & mask, encLon, steps);
  if (cellLatMax < maxLat) decrease = true;
  decodeCell((encLat - 1) & mask, encLon, steps);
  if (cellLatMin > minLat) decrease = true;
  decodeCell(encLat, (encLon + 1) & mask, steps);
  if (cellLonMax < maxLon) decrease = true;
  decodeCell(encLat, (encLon - 1) & mask, steps);
  if (cellLonMin > minLon) decrease = true;
  if (steps > 1 && decrease) {
    steps--;
    mask = 2 ** steps - 1;
    encode(LAT_MIN, LAT_MAX, lon, lat, steps);
  }
  const latIdx = encLat;
  const lonIdx = encLon;
  decodeCell(latIdx, lonIdx, steps);
  let zeroN = false;
  let zeroS = false;
  let zeroE = false;
  let zeroW = false;
  if (steps >= 2) {
    zeroS = cellLatMin < minLat;
    zeroN = cellLatMax > maxLat;
    zeroW = cellLonMin < minLon;
    zeroE = cellLonMax > maxLon;
  }
  const shift = 2 ** (52 - steps * 2);
  let count = 0;
  let lastScanned = 0;
  let prevLat = 0;
  let prevLon = 0;
  for (let i = 0; i < 9; i++) {
    const dx = DX[i];
    const dy = DY[i];
    if ((dy > 0 && zeroN) || (dy < 0 && zeroS) || (dx > 0 && zeroE) || (dx < 0 && zeroW)) continue;
    // A move keeps the other index whole (overflow bit included) and wraps the moved one.
    const cLat = dy === 0 ? latIdx : (latIdx + dy) & mask;
    const cLon = dx === 0 ? lonIdx : (lonIdx + dx) & mask;
    if (lastScanned !== 0 && cLat === prevLat && cLon === prevLon) continue;
    lastScanned = i;
    prevLat = cLat;
    prevLon = cLon;
    out[2 * count] = interleaved(cLat, cLon, 0) * shift;
    out[2 * count + 1] = interleaved(cLat, cLon, 1) * shift;
    count++;
  }
  return count;
}

let filterOut = new Float64Array(3 * 64);

/**
 * geoWithinShape over scores[0..n): per score, [distance in meters or -1 when outside, lon,
 * lat] at 3i in the returned array (valid until the next call).
 */
export function geoFilter(
  scores: Float64Array, n: number, lon: number, lat: number, shape: number, width: number, height: number, conversion: number,
): Float64Array {
  if (filterOut.length < 3 * n) filterOut = new Float64Array(Math.max(3 * n, filterOut.length * 2));
  const out = filterOut;
  const circle = shape === SHAPE_RADIUS;
  const radius = width * conversion;
  const halfWidth = width * conversion / 2;
  const halfHeight = height * conversion / 2;
  for (let i = 0; i < n; i++) {
    decodeScore(scores[i]);
    const x = decodedLon;
    const y = decodedLat;
    let dist = -1;
    if (circle) {
      const d = geoDistance(lon, lat, x, y);
      if (!(d > radius)) dist = d;
    } else if (!(latDistance(y, lat) > halfHeight) && !(geoDistance(x, y, lon, y) > halfWidth)) {
      dist = geoDistance(lon, lat, x, y);
    }
    out[3 * i] = dist;
    out[3 * i + 1] = x;
    out[3 * i + 2] = y;
  }
  return out;
}
