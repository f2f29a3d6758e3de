// Redis's geohash (geohash.c, geohash_helper.c, the search parts of geo.c): the 52-bit
// interleaved score of a longitude/latitude pair, its decoding, the haversine distance, the 9
// boxes (and their sorted-set score ranges) that cover a search area, and the membership test of
// candidate points. Bit i of a hash: latitude at even positions, longitude at odd ones.
//
// Results go to a small static block (geoOutPtr) or, for the batch filter, to the scratch area
// the caller reserved; nothing is allocated.

const LON_MIN: f64 = -180;
const LON_MAX: f64 = 180;
const LAT_MIN: f64 = -85.05112878;
const LAT_MAX: f64 = 85.05112878;
const STEP_MAX: u32 = 26;
const EARTH_RADIUS: f64 = 6372797.560856;
const MERCATOR_MAX: f64 = 20037726.37;
const D_R: f64 = Math.PI / 180.0;
/** The standard geohash's latitude range (GEOHASH strings). */
const STD_LAT: f64 = 90;

/** Search shapes, as the JS side passes them. */
const SHAPE_RADIUS: i32 = 0;

/** [0, 16): a decoded lon/lat; [16, 16 + 9*16): the score ranges of geoAreas. */
const GEO_OUT: usize = memory.data(16 + 9 * 16, 16);

export function geoOutPtr(): usize {
  return GEO_OUT;
}

// @ts-ignore: decorator
@inline
function degRad(a: f64): f64 {
  return a * D_R;
}

// @ts-ignore: decorator
@inline
function radDeg(a: f64): f64 {
  return a / D_R;
}

/** Spreads the 32 bits of x to the even bit positions of a u64. */
// @ts-ignore: decorator
@inline
function spread(v: u32): u64 {
  let x: u64 = v;
  x = (x | (x << 16)) & 0x0000ffff0000ffff;
  x = (x | (x << 8)) & 0x00ff00ff00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0f;
  x = (x | (x << 2)) & 0x3333333333333333;
  x = (x | (x << 1)) & 0x5555555555555555;
  return x;
}

/** Gathers the even bit positions of x into a u32. */
// @ts-ignore: decorator
@inline
function squash(v: u64): u32 {
  let x = v & 0x5555555555555555;
  x = (x | (x >> 1)) & 0x3333333333333333;
  x = (x | (x >> 2)) & 0x0f0f0f0f0f0f0f0f;
  x = (x | (x >> 4)) & 0x00ff00ff00ff00ff;
  x = (x | (x >> 8)) & 0x0000ffff0000ffff;
  x = (x | (x >> 16)) & 0x00000000ffffffff;
  return <u32>x;
}

/** interleave64(lat, lon): latitude bits even, longitude bits odd. */
// @ts-ignore: decorator
@inline
function interleave(latIdx: u32, lonIdx: u32): u64 {
  return spread(latIdx) | (spread(lonIdx) << 1);
}

/** geohashEncode: the cell indices of lon/lat at `step` bits each (truncated, as C's uint32 cast). */
function encode(latMin: f64, latMax: f64, lon: f64, lat: f64, step: u32): u64 {
  const latOffset = (lat - latMin) / (latMax - latMin) * <f64>(<u64>1 << step);
  const lonOffset = (lon - LON_MIN) / (LON_MAX - LON_MIN) * <f64>(<u64>1 << step);
  return interleave(<u32>latOffset, <u32>lonOffset);
}

/** C's (uint64_t) cast of a double on x86-64 (scores a user wrote with ZADD may be anything). */
// @ts-ignore: decorator
@inline
function scoreBits(score: f64): u64 {
  if (score >= 0 && score < 18446744073709551616.0) return <u64>score;
  if (score > -9223372036854775808.0 && score < 0) return <u64>(<i64>score);
  // cvttsd2si's "integer indefinite" 2^63, which the unsigned path (>= 2^63) then xors away.
  return score < 0 ? 0x8000000000000000 : 0;
}

// Decoded cell of the last decodeCell call.
let cellLatMin: f64 = 0;
let cellLatMax: f64 = 0;
let cellLonMin: f64 = 0;
let cellLonMax: f64 = 0;

/** geohashDecode over the WGS84 ranges. */
function decodeCell(bits: u64, step: u32): void {
  const latIdx = squash(bits);
  const lonIdx = squash(bits >> 1);
  const cells = <f64>(<u64>1 << step);
  const latScale = LAT_MAX - LAT_MIN;
  const lonScale = LON_MAX - LON_MIN;
  cellLatMin = LAT_MIN + (<f64>latIdx / cells) * latScale;
  cellLatMax = LAT_MIN + (<f64>(latIdx + 1) / cells) * latScale;
  cellLonMin = LON_MIN + (<f64>lonIdx / cells) * lonScale;
  cellLonMax = LON_MIN + (<f64>(lonIdx + 1) / cells) * lonScale;
}

let decodedLon: f64 = 0;
let decodedLat: f64 = 0;

/** geohashDecodeToLongLatWGS84 of a 52-bit score: the cell's centre, clamped to the limits. */
function decodeScore(score: f64): void {
  decodeCell(scoreBits(score), STEP_MAX);
  let lon = (cellLonMin + cellLonMax) / 2;
  if (lon > LON_MAX) lon = LON_MAX;
  if (lon < LON_MIN) lon = LON_MIN;
  let lat = (cellLatMin + cellLatMax) / 2;
  if (lat > LAT_MAX) lat = LAT_MAX;
  if (lat < LAT_MIN) lat = LAT_MIN;
  decodedLon = lon;
  decodedLat = lat;
}

/** The sorted-set score of lon/lat (both within the limits): geohashAlign52Bits of step 26. */
export function geoEncode(lon: f64, lat: f64): f64 {
  return <f64>encode(LAT_MIN, LAT_MAX, lon, lat, STEP_MAX);
}

/** Decodes a score; lon at geoOutPtr(), lat at geoOutPtr() + 8. */
export function geoDecode(score: f64): void {
  decodeScore(score);
  store<f64>(GEO_OUT, decodedLon);
  store<f64>(GEO_OUT, decodedLat, 8);
}

/**
 * The GEOHASH string's bits: the decoded point re-encoded over latitude -90..90 at step 26,
 * bits 2..51 (the ten 5-bit characters; the eleventh is always '0').
 */
export function geoHashBits(score: f64): f64 {
  decodeScore(score);
  const bits = encode(-STD_LAT, STD_LAT, decodedLon, decodedLat, STEP_MAX);
  return <f64>((bits >> 2) & 0x3ffffffffffff);
}

/** geohashGetLatDistance. */
// @ts-ignore: decorator
@inline
function latDistance(lat1: f64, lat2: f64): f64 {
  return EARTH_RADIUS * Math.abs(degRad(lat2) - degRad(lat1));
}

/** geohashGetDistance: haversine, in meters. */
export function geoDistance(lon1: f64, lat1: f64, lon2: f64, lat2: f64): f64 {
  const lon1r = degRad(lon1);
  const lon2r = degRad(lon2);
  const v = Math.sin((lon2r - lon1r) / 2);
  if (v == 0.0) return latDistance(lat1, lat2);
  const lat1r = degRad(lat1);
  const lat2r = degRad(lat2);
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
}

/** geohashEstimateStepsByRadius. */
function estimateSteps(rangeMeters: f64, lat: f64): u32 {
  if (rangeMeters == 0) return 26;
  let step: i32 = 1;
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
  return <u32>step;
}

/** geohash_move_x / geohash_move_y: one cell east/west (odd bits) or north/south (even bits). */
function move(bits: u64, step: u32, d: i32, odd: bool): u64 {
  const evenMask: u64 = 0x5555555555555555;
  const oddMask: u64 = 0xaaaaaaaaaaaaaaaa;
  const shift: u64 = 64 - <u64>step * 2;
  let moving = bits & (odd ? oddMask : evenMask);
  const kept = bits & (odd ? evenMask : oddMask);
  const zz = (odd ? evenMask : oddMask) >> shift;
  if (d > 0) {
    moving = moving + (zz + 1);
  } else {
    moving = moving | zz;
    moving = moving - (zz + 1);
  }
  moving &= (odd ? oddMask : evenMask) >> shift;
  return moving | kept;
}

/**
 * geohashCalculateAreasByShapeWGS84 followed by membersOfAllNeighbors's walk: writes to
 * geoOutPtr() + 16 the [min, max) score ranges to scan, in Redis's order (centre, N, S, E, W,
 * NE, NW, SE, SW; excluded boxes and repeats of the previous box skipped). Returns how many.
 * A radius search passes width = radius, height unused.
 */
export function geoAreas(lon: f64, lat: f64, shape: i32, width: f64, height: f64, conversion: f64): i32 {
  const circle = shape == SHAPE_RADIUS;
  // geohashBoundingBox
  const h = conversion * (circle ? width : height / 2);
  const w = conversion * (circle ? width : width / 2);
  const latDelta = radDeg(h / EARTH_RADIUS);
  const lonDeltaTop = radDeg(w / EARTH_RADIUS / Math.cos(degRad(lat + latDelta)));
  const lonDeltaBottom = radDeg(w / EARTH_RADIUS / Math.cos(degRad(lat - latDelta)));
  const south = lat < 0;
  const minLon = south ? lon - lonDeltaBottom : lon - lonDeltaTop;
  const maxLon = south ? lon + lonDeltaBottom : lon + lonDeltaTop;
  const minLat = lat - latDelta;
  const maxLat = lat + latDelta;

  let radiusMeters = circle ? width : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
  radiusMeters *= conversion;

  let steps = estimateSteps(radiusMeters, lat);
  let hash = encode(LAT_MIN, LAT_MAX, lon, lat, steps);
  // Would the neighbours at this step still miss part of the bounding box?
  let decrease = false;
  decodeCell(move(hash, steps, 1, false), steps);
  if (cellLatMax < maxLat) decrease = true;
  decodeCell(move(hash, steps, -1, false), steps);
  if (cellLatMin > minLat) decrease = true;
  decodeCell(move(hash, steps, 1, true), steps);
  if (cellLonMax < maxLon) decrease = true;
  decodeCell(move(hash, steps, -1, true), steps);
  if (cellLonMin > minLon) decrease = true;
  if (steps > 1 && decrease) {
    steps--;
    hash = encode(LAT_MIN, LAT_MAX, lon, lat, steps);
  }
  decodeCell(hash, steps);

  // Neighbours in Redis's order: centre, N, S, E, W, NE, NW, SE, SW (dx on odd bits, dy on even).
  let zeroN = false;
  let zeroS = false;
  let zeroE = false;
  let zeroW = false;
  if (steps >= 2) {
    if (cellLatMin < minLat) zeroS = true;
    if (cellLatMax > maxLat) zeroN = true;
    if (cellLonMin < minLon) zeroW = true;
    if (cellLonMax > maxLon) zeroE = true;
  }
  const shift = <f64>(<u64>1 << (52 - <u64>steps * 2));
  let count: i32 = 0;
  // Redis compares with the last box scanned, but only once that is not the centre (index 0).
  let lastScanned: i32 = 0;
  let prev: u64 = 0;
  for (let i = 0; i < 9; i++) {
    let dx: i32 = 0;
    let dy: i32 = 0;
    switch (i) {
      case 1: dy = 1; break;
      case 2: dy = -1; break;
      case 3: dx = 1; break;
      case 4: dx = -1; break;
      case 5: dx = 1; dy = 1; break;
      case 6: dx = -1; dy = 1; break;
      case 7: dx = 1; dy = -1; break;
      case 8: dx = -1; dy = -1; break;
    }
    if ((dy > 0 && zeroN) || (dy < 0 && zeroS) || (dx > 0 && zeroE) || (dx < 0 && zeroW)) continue;
    let cell = hash;
    if (dx != 0) cell = move(cell, steps, dx, true);
    if (dy != 0) cell = move(cell, steps, dy, false);
    if (lastScanned != 0 && cell == prev) continue;
    lastScanned = i;
    prev = cell;
    const at = GEO_OUT + 16 + <usize>count * 16;
    store<f64>(at, <f64>cell * shift);
    store<f64>(at, <f64>(cell + 1) * shift, 8);
    count++;
  }
  return count;
}

/**
 * geoWithinShape over n scores at ptr (f64 each): writes at out, per score, the distance from
 * the centre in meters (-1 when outside the shape) and the decoded lon and lat (3 f64).
 */
export function geoFilter(
  ptr: usize, n: i32, out: usize, lon: f64, lat: f64, shape: i32, width: f64, height: f64, conversion: f64,
): void {
  const circle = shape == SHAPE_RADIUS;
  const radius = width * conversion;
  const halfWidth = width * conversion / 2;
  const halfHeight = height * conversion / 2;
  for (let i = 0; i < n; i++) {
    decodeScore(load<f64>(ptr + (<usize>i << 3)));
    const x = decodedLon;
    const y = decodedLat;
    let dist: f64 = -1;
    if (circle) {
      const d = geoDistance(lon, lat, x, y);
      if (!(d > radius)) dist = d;
    } else if (!(latDistance(y, lat) > halfHeight) && !(geoDistance(x, y, lon, y) > halfWidth)) {
      dist = geoDistance(lon, lat, x, y);
    }
    const at = out + <usize>i * 24;
    store<f64>(at, dist);
    store<f64>(at, x, 8);
    store<f64>(at, y, 16);
  }
}
