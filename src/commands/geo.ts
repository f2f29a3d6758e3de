// Geo commands (Redis 7.0 geo.c). A geo key is a sorted set whose scores are 52-bit geohashes
// (wasm/geohash.ts), so every sorted-set command works on it. Searches follow Redis step by step:
// the 9 geohash boxes covering the area, the score range of each scanned in order, the shape test
// on each candidate, then a sort by distance (stable, or Redis's partial quicksort when COUNT cuts
// the result), so that results and their order are Redis's.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { DoubleReply, E, ErrorReply, NULL_ARRAY, err, type Reply } from '../reply.ts';
import { RedisZset } from '../types/zset.ts';
import { parseDouble } from '../util/float.ts';
import { parseLong } from '../util/number.ts';
import { geo, geohashString, LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, SHAPE_BOX, SHAPE_RADIUS } from '../wasm/geohash.ts';
import { is } from './args.ts';
import { notify } from './events.ts';
import { lookupReadAs } from './typed-lookup.ts';
import { zaddWithScores, zsetLimits } from './zsets.ts';
import type { ArgSpec, CommandSpec, KeySpec } from './spec.ts';

const E_UNIT = err('ERR unsupported unit provided. please use M, KM, FT, MI');
const E_RADIUS = err('ERR need numeric radius');
const E_RADIUS_NEGATIVE = err('ERR radius cannot be negative');
const E_WIDTH = err('ERR need numeric width');
const E_HEIGHT = err('ERR need numeric height');
const E_BOX_NEGATIVE = err('ERR height or width cannot be negative');
const E_MEMBER = err('ERR could not decode requested zset member');
const E_COUNT = err('ERR COUNT must be > 0');
const E_ANY = err('ERR the ANY argument requires COUNT argument');

// ---- number formatting, as C's printf prints doubles ----

/**
 * printf("%.<digits>f", x): the exact decimal value rounded half to even (JS's toFixed is exact
 * but rounds ties up; a tie needs x to have exactly digits+1 binary fraction digits).
 */
export function formatFixed(x: number, digits: number): string {
  if (x !== x) return x < 0 ? '-nan' : 'nan';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let s: string;
  if (a === Infinity) {
    s = 'inf';
  } else if (a >= 1e21) {
    s = BigInt(a).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  } else {
    const t = a * 2 ** (digits + 1);
    if (Number.isInteger(t) && !Number.isInteger(t / 2)) {
      const m = BigInt(t) * 5n ** BigInt(digits);
      let q = (m - 1n) / 2n;
      if (q % 2n === 1n) q++;
      const str = q.toString().padStart(digits + 1, '0');
      s = digits > 0 ? `${str.slice(0, -digits)}.${str.slice(-digits)}` : str;
    } else {
      s = a.toFixed(digits);
    }
  }
  return neg ? '-' + s : s;
}

/** ld2string(LD_STR_HUMAN) of a double: "%.17Lf" without trailing zeros, "-0" as "0". */
function humanText(x: number): string {
  let s = formatFixed(x, 17);
  if (s.includes('.')) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 0x30) end--;
    if (s.charCodeAt(end - 1) === 0x2e) end--;
    s = s.slice(0, end);
  }
  return s === '-0' ? '0' : s;
}

/** addReplyHumanLongDouble: RESP3 double, RESP2 bulk string. */
function coordReply(x: number): DoubleReply {
  return new DoubleReply(x, humanText(x));
}

/** C's (long long) cast of a score on x86-64: truncated, or INT64_MIN where it does not fit. */
function longLong(score: number): number {
  return score > -9223372036854775808 && score < 9223372036854775808 ? Math.trunc(score) : -9223372036854775808;
}

/** addReplyDoubleDistance: "%.4f" as a bulk string. */
function distanceReply(d: number): Bin {
  return formatFixed(d, 4);
}

// ---- arguments ----

/** extractLongLatOrReply: two doubles within Redis's limits. */
function parseLonLat(lonArg: Bin, latArg: Bin): [number, number] | ErrorReply {
  const lon = parseDouble(lonArg);
  if (lon === null) return E.notFloat;
  const lat = parseDouble(latArg);
  if (lat === null) return E.notFloat;
  if (lon < LON_MIN || lon > LON_MAX || lat < LAT_MIN || lat > LAT_MAX) {
    return err(`ERR invalid longitude,latitude pair ${formatFixed(lon, 6)},${formatFixed(lat, 6)}`);
  }
  return [lon, lat];
}

/** extractUnitOrReply: meters per unit. */
function parseUnit(arg: Bin): number | ErrorReply {
  if (is(arg, 'M')) return 1;
  if (is(arg, 'KM')) return 1000;
  if (is(arg, 'FT')) return 0.3048;
  if (is(arg, 'MI')) return 1609.34;
  return E_UNIT;
}

/** A search shape: centre, radius (width) or box (width x height), in `conversion` meters. */
interface Shape {
  type: number;
  lon: number;
  lat: number;
  width: number;
  height: number;
  conversion: number;
}

/** extractDistanceOrReply into the shape. */
function parseRadius(shape: Shape, radiusArg: Bin, unitArg: Bin): ErrorReply | null {
  const radius = parseDouble(radiusArg);
  if (radius === null) return E_RADIUS;
  if (radius < 0) return E_RADIUS_NEGATIVE;
  const unit = parseUnit(unitArg);
  if (unit instanceof ErrorReply) return unit;
  shape.type = SHAPE_RADIUS;
  shape.width = radius;
  shape.conversion = unit;
  return null;
}

/** extractBoxOrReply into the shape. */
function parseBox(shape: Shape, widthArg: Bin, heightArg: Bin, unitArg: Bin): ErrorReply | null {
  const width = parseDouble(widthArg);
  if (width === null) return E_WIDTH;
  const height = parseDouble(heightArg);
  if (height === null) return E_HEIGHT;
  if (height < 0 || width < 0) return E_BOX_NEGATIVE;
  const unit = parseUnit(unitArg);
  if (unit instanceof ErrorReply) return unit;
  shape.type = SHAPE_BOX;
  shape.width = width;
  shape.height = height;
  shape.conversion = unit;
  return null;
}

const decoded = new Float64Array(2);

/** longLatFromMember: the member's decoded position into the shape's centre; false when absent. */
function centreOnMember(zset: RedisZset, member: Bin, shape: Shape): boolean {
  const score = zset.score(member);
  if (score === undefined) return false;
  geo().decode(score, decoded);
  shape.lon = decoded[0];
  shape.lat = decoded[1];
  return true;
}

// ---- GEOADD, GEOPOS, GEOHASH, GEODIST ----

function geoaddCommand(c: Client, argv: Bin[]): Reply {
  let xx = false;
  let nx = false;
  let at = 2;
  for (; at < argv.length; at++) {
    const opt = argv[at];
    if (is(opt, 'NX')) nx = true;
    else if (is(opt, 'XX')) xx = true;
    else if (!is(opt, 'CH')) break;
  }
  if ((argv.length - at) % 3 !== 0 || (xx && nx)) return E.syntax;
  const elements = (argv.length - at) / 3;
  // ZADD key [options] score member ...: the score is the geohash of each lon/lat.
  const zargv: Bin[] = argv.slice(0, at);
  zargv[0] = 'zadd';
  const scores: number[] = new Array(elements);
  const math = geo();
  for (let i = 0; i < elements; i++) {
    const base = at + 3 * i;
    const xy = parseLonLat(argv[base], argv[base + 1]);
    if (xy instanceof ErrorReply) return xy;
    scores[i] = math.encode(xy[0], xy[1]);
    zargv.push('', argv[base + 2]); // the score goes in as a number
  }
  return zaddWithScores(c, zargv, scores);
}

function geoposCommand(c: Client, argv: Bin[]): Reply {
  const zset = lookupReadAs(c, argv[1], RedisZset);
  if (zset instanceof ErrorReply) return zset;
  const out: Reply[] = new Array(argv.length - 2);
  const math = geo();
  for (let j = 2; j < argv.length; j++) {
    const score = zset?.score(argv[j]);
    if (score === undefined) {
      out[j - 2] = NULL_ARRAY;
    } else {
      math.decode(score, decoded);
      out[j - 2] = [coordReply(decoded[0]), coordReply(decoded[1])];
    }
  }
  return out;
}

function geohashCommand(c: Client, argv: Bin[]): Reply {
  const zset = lookupReadAs(c, argv[1], RedisZset);
  if (zset instanceof ErrorReply) return zset;
  const out: Reply[] = new Array(argv.length - 2);
  for (let j = 2; j < argv.length; j++) {
    const score = zset?.score(argv[j]);
    out[j - 2] = score === undefined ? null : geohashString(score);
  }
  return out;
}

function geodistCommand(c: Client, argv: Bin[]): Reply {
  let toMeters = 1;
  if (argv.length === 5) {
    const unit = parseUnit(argv[4]);
    if (unit instanceof ErrorReply) return unit;
    toMeters = unit;
  } else if (argv.length > 5) {
    return E.syntax;
  }
  const zset = lookupReadAs(c, argv[1], RedisZset);
  if (zset === undefined) return null;
  if (zset instanceof ErrorReply) return zset;
  const s1 = zset.score(argv[2]);
  const s2 = zset.score(argv[3]);
  if (s1 === undefined || s2 === undefined) return null;
  const math = geo();
  math.decode(s1, decoded);
  const lon1 = decoded[0];
  const lat1 = decoded[1];
  math.decode(s2, decoded);
  return distanceReply(math.distance(lon1, lat1, decoded[0], decoded[1]) / toMeters);
}

// ---- the searches ----

const RADIUS_COORDS = 1;
const RADIUS_MEMBER = 2;
const RADIUS_NOSTORE = 4;
const GEOSEARCH = 8;
const GEOSEARCHSTORE = 16;

const SORT_NONE = 0;
const SORT_ASC = 1;
const SORT_DESC = 2;

/** A point found by a search. */
interface GeoPoint {
  member: Bin;
  score: number;
  dist: number;
  lon: number;
  lat: number;
}

const ranges = new Float64Array(18);
let candidateScores = new Float64Array(256);

/**
 * membersOfAllNeighbors + geoGetPointsInRange: the members of the 9 boxes' score ranges that
 * are within the shape, in scan order. Each box's candidates go through the shape test in one
 * batch; with `limit` (ANY) the scan stops, as Redis's does, once `limit` points are found.
 */
function pointsInShape(zset: RedisZset, shape: Shape, limit: number): GeoPoint[] {
  const math = geo();
  const n = math.areas(shape.lon, shape.lat, shape.type, shape.width, shape.height, shape.conversion, ranges);
  const points: GeoPoint[] = [];
  const members: Bin[] = [];
  const collect = (member: Bin, score: number): void => {
    const k = members.length;
    if (k === candidateScores.length) {
      const grown = new Float64Array(k * 2);
      grown.set(candidateScores);
      candidateScores = grown;
    }
    members.push(member);
    candidateScores[k] = score;
  };
  for (let i = 0; i < n; i++) {
    if (limit > 0 && points.length >= limit) break;
    const range = { min: ranges[2 * i], max: ranges[2 * i + 1], minExclusive: false, maxExclusive: true };
    const first = zset.firstInScoreRange(range);
    if (first < 0) continue;
    const last = zset.lastInScoreRange(range);
    if (last < first) continue;
    members.length = 0;
    zset.range(first, last, false, collect);
    const count = members.length;
    const found = math.filter(candidateScores, count, shape.lon, shape.lat, shape.type, shape.width, shape.height, shape.conversion);
    for (let j = 0; j < count; j++) {
      const dist = found[3 * j];
      if (dist < 0) continue;
      points.push({ member: members[j], score: candidateScores[j], dist, lon: found[3 * j + 1], lat: found[3 * j + 2] });
      if (limit > 0 && points.length >= limit) break;
    }
  }
  return points;
}

function byDistanceAsc(a: GeoPoint, b: GeoPoint): number {
  return a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1;
}

function byDistanceDesc(a: GeoPoint, b: GeoPoint): number {
  return -byDistanceAsc(a, b);
}

/**
 * Redis's pqsort (a partial quicksort from NetBSD's qsort): orders a[lrange..rrange] as a full
 * sort would, leaving the rest unsorted. Equal distances end up where Redis puts them only if
 * the algorithm is the same, step for step, hence this port rather than a generic sort.
 */
function partialSort(a: GeoPoint[], cmp: (x: GeoPoint, y: GeoPoint) => number, lrange: number, rrange: number): void {
  const swap = (i: number, j: number): void => {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  };
  const vecswap = (i: number, j: number, n: number): void => {
    for (let k = 0; k < n; k++) swap(i + k, j + k);
  };
  const med3 = (i: number, j: number, k: number): number =>
    cmp(a[i], a[j]) < 0
      ? (cmp(a[j], a[k]) < 0 ? j : cmp(a[i], a[k]) < 0 ? k : i)
      : (cmp(a[j], a[k]) > 0 ? j : cmp(a[i], a[k]) < 0 ? i : k);
  const insertion = (base: number, n: number): void => {
    for (let m = base + 1; m < base + n; m++) {
      for (let l = m; l > base && cmp(a[l - 1], a[l]) > 0; l--) swap(l, l - 1);
    }
  };
  /** Whether [lo, hi] holds part of [lrange, rrange]. */
  const overlaps = (lo: number, hi: number): boolean => !((lrange < lo && rrange < lo) || (lrange > hi && rrange > hi));
  const sort = (base: number, n: number): void => {
    for (;;) {
      if (n < 7) {
        insertion(base, n);
        return;
      }
      let pm = base + Math.floor(n / 2);
      if (n > 7) {
        let pl = base;
        let pn = base + n - 1;
        if (n > 40) {
          const d = Math.floor(n / 8);
          pl = med3(pl, pl + d, pl + 2 * d);
          pm = med3(pm - d, pm, pm + d);
          pn = med3(pn - 2 * d, pn - d, pn);
        }
        pm = med3(pl, pm, pn);
      }
      swap(base, pm);
      let pa = base + 1;
      let pb = pa;
      let pc = base + n - 1;
      let pd = pc;
      let swapped = false;
      for (;;) {
        let r: number;
        while (pb <= pc && (r = cmp(a[pb], a[base])) <= 0) {
          if (r === 0) {
            swapped = true;
            swap(pa, pb);
            pa++;
          }
          pb++;
        }
        while (pb <= pc && (r = cmp(a[pc], a[base])) >= 0) {
          if (r === 0) {
            swapped = true;
            swap(pc, pd);
            pd--;
          }
          pc--;
        }
        if (pb > pc) break;
        swap(pb, pc);
        swapped = true;
        pb++;
        pc--;
      }
      if (!swapped) {
        insertion(base, n);
        return;
      }
      const pn = base + n;
      let r = Math.min(pa - base, pb - pa);
      vecswap(base, pb - r, r);
      r = Math.min(pd - pc, pn - pd - 1);
      vecswap(pb, pn - r, r);
      r = pb - pa;
      if (r > 1 && overlaps(base, base + r - 1)) sort(base, r);
      r = pd - pc;
      if (r <= 1) return;
      base = pn - r;
      n = r;
      if (!overlaps(base, base + r - 1)) return;
    }
  };
  sort(0, a.length);
}

/**
 * georadiusGeneric: GEORADIUS[_RO], GEORADIUSBYMEMBER[_RO], GEOSEARCH, GEOSEARCHSTORE. The
 * source key is looked up first, then the arguments are checked in Redis's order.
 */
function georadiusGeneric(c: Client, argv: Bin[], srcIndex: number, flags: number): Reply {
  const zset = lookupReadAs(c, argv[srcIndex], RedisZset);
  if (zset instanceof ErrorReply) return zset;
  const shape: Shape = { type: SHAPE_RADIUS, lon: 0, lat: 0, width: 0, height: 0, conversion: 1 };
  let base: number;
  let storeKey: Bin | null = null;
  let storeDist = false;
  if (flags & RADIUS_COORDS) {
    base = 6;
    const xy = parseLonLat(argv[2], argv[3]);
    if (xy instanceof ErrorReply) return xy;
    shape.lon = xy[0];
    shape.lat = xy[1];
    const e = parseRadius(shape, argv[4], argv[5]);
    if (e) return e;
  } else if (flags & RADIUS_MEMBER) {
    base = 5;
    // Without the key, the arguments are still parsed (to pick the reply), the radius is not.
    if (zset !== undefined) {
      if (!centreOnMember(zset, argv[2], shape)) return E_MEMBER;
      const e = parseRadius(shape, argv[3], argv[4]);
      if (e) return e;
    }
  } else {
    base = 2;
    if (flags & GEOSEARCHSTORE) {
      base = 3;
      storeKey = argv[1];
    }
  }

  let withDist = false;
  let withHash = false;
  let withCoords = false;
  let fromMember = false;
  let fromLoc = false;
  let byRadius = false;
  let byBox = false;
  let sort = SORT_NONE;
  let any = false;
  let count = 0;
  const remaining = argv.length - base;
  for (let i = 0; i < remaining; i++) {
    const arg = argv[base + i];
    const search = (flags & GEOSEARCH) !== 0;
    const storable = !(flags & RADIUS_NOSTORE) && !search;
    if (is(arg, 'WITHDIST')) {
      withDist = true;
    } else if (is(arg, 'WITHHASH')) {
      withHash = true;
    } else if (is(arg, 'WITHCOORD')) {
      withCoords = true;
    } else if (is(arg, 'ANY')) {
      any = true;
    } else if (is(arg, 'ASC')) {
      sort = SORT_ASC;
    } else if (is(arg, 'DESC')) {
      sort = SORT_DESC;
    } else if (is(arg, 'COUNT') && i + 1 < remaining) {
      const n = parseLong(argv[base + i + 1]);
      if (n === null) return E.notInteger;
      if (n <= 0) return E_COUNT;
      count = n;
      i++;
    } else if (is(arg, 'STORE') && i + 1 < remaining && storable) {
      storeKey = argv[base + i + 1];
      storeDist = false;
      i++;
    } else if (is(arg, 'STOREDIST') && i + 1 < remaining && storable) {
      storeKey = argv[base + i + 1];
      storeDist = true;
      i++;
    } else if (is(arg, 'STOREDIST') && search && (flags & GEOSEARCHSTORE)) {
      storeDist = true;
    } else if (is(arg, 'FROMMEMBER') && i + 1 < remaining && search && !fromLoc) {
      if (zset !== undefined && !centreOnMember(zset, argv[base + i + 1], shape)) return E_MEMBER;
      fromMember = true;
      i++;
    } else if (is(arg, 'FROMLONLAT') && i + 2 < remaining && search && !fromMember) {
      const xy = parseLonLat(argv[base + i + 1], argv[base + i + 2]);
      if (xy instanceof ErrorReply) return xy;
      shape.lon = xy[0];
      shape.lat = xy[1];
      fromLoc = true;
      i += 2;
    } else if (is(arg, 'BYRADIUS') && i + 2 < remaining && search && !byBox) {
      const e = parseRadius(shape, argv[base + i + 1], argv[base + i + 2]);
      if (e) return e;
      byRadius = true;
      i += 2;
    } else if (is(arg, 'BYBOX') && i + 3 < remaining && search && !byRadius) {
      const e = parseBox(shape, argv[base + i + 1], argv[base + i + 2], argv[base + i + 3]);
      if (e) return e;
      byBox = true;
      i += 3;
    } else {
      return E.syntax;
    }
  }

  if (storeKey !== null && (withDist || withHash || withCoords)) {
    const what = flags & GEOSEARCHSTORE ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    return err(`ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (flags & GEOSEARCH && !(fromMember || fromLoc)) {
    return err(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]}`);
  }
  if (flags & GEOSEARCH && !(byRadius || byBox)) {
    return err(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]}`);
  }
  if (any && count === 0) return E_ANY;

  if (zset === undefined) {
    if (storeKey === null) return [];
    if (c.db.delete(storeKey)) {
      notify(c, 'g', 'del', storeKey);
      c.engine.dirty++;
    }
    return 0;
  }

  if (count !== 0 && sort === SORT_NONE && !any) sort = SORT_ASC;
  const points = pointsInShape(zset, shape, any ? count : 0);
  if (points.length === 0 && storeKey === null) return [];
  const returned = count === 0 || points.length < count ? points.length : count;
  if (sort !== SORT_NONE) {
    const cmp = sort === SORT_ASC ? byDistanceAsc : byDistanceDesc;
    // A full sort is glibc's qsort, a merge sort: stable, as JS's sort.
    if (returned === points.length) points.sort(cmp);
    else partialSort(points, cmp, 0, returned - 1);
  }

  if (storeKey === null) {
    const options = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoords ? 1 : 0);
    const out: Reply[] = new Array(returned);
    for (let i = 0; i < returned; i++) {
      const p = points[i];
      if (options === 0) {
        out[i] = p.member;
        continue;
      }
      const item: Reply[] = [p.member];
      if (withDist) item.push(distanceReply(p.dist / shape.conversion));
      if (withHash) item.push(longLong(p.score));
      if (withCoords) item.push([coordReply(p.lon), coordReply(p.lat)]);
      out[i] = item;
    }
    return out;
  }

  if (returned > 0) {
    const members: Bin[] = new Array(returned);
    const scores: number[] = new Array(returned);
    for (let i = 0; i < returned; i++) {
      members[i] = points[i].member;
      scores[i] = storeDist ? points[i].dist / shape.conversion : points[i].score;
    }
    c.db.setKey(storeKey, RedisZset.fromEntries(members, scores, zsetLimits(c)));
    notify(c, 'z', flags & GEOSEARCH ? 'geosearchstore' : 'georadiusstore', storeKey);
    c.engine.dirty += returned;
  } else if (c.db.delete(storeKey)) {
    notify(c, 'g', 'del', storeKey);
    c.engine.dirty++;
  }
  return returned;
}

function georadiusCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 1, RADIUS_COORDS);
}

function georadiusbymemberCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 1, RADIUS_MEMBER);
}

function georadiusroCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 1, RADIUS_COORDS | RADIUS_NOSTORE);
}

function georadiusbymemberroCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 1, RADIUS_MEMBER | RADIUS_NOSTORE);
}

function geosearchCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 1, GEOSEARCH);
}

function geosearchstoreCommand(c: Client, argv: Bin[]): Reply {
  return georadiusGeneric(c, argv, 2, GEOSEARCH | GEOSEARCHSTORE);
}

// ---- the command table ----

const GROUP = 'geo';
const READ_ACL = ['read', 'geo', 'slow'];
const WRITE_ACL = ['write', 'geo', 'slow'];
const RADIUS_COMPLEXITY =
  'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.';
const SEARCH_COMPLEXITY =
  'O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape';
const UPPERCASE_UNITS: [string, string] = ['7.0.0', 'Added support for uppercase unit names.'];
const ANY_OPTION: [string, string] = ['6.2.0', 'Added the `ANY` option for `COUNT`.'];

function keyAt(index: number, flags: KeySpec['flags']): KeySpec {
  return { flags, begin: { index }, find: { lastKey: 0, step: 1, limit: 0 } };
}

function storeKeyAfter(keyword: string, startFrom: number): KeySpec {
  return { flags: ['OW', 'update'], begin: { keyword, startFrom }, find: { lastKey: 0, step: 1, limit: 0 } };
}

const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };
const MEMBER_ARG: ArgSpec = { name: 'member', type: 'string' };
const MEMBERS_ARG: ArgSpec = { name: 'member', type: 'string', multiple: true };
const UNIT_ARG: ArgSpec = { name: 'unit', type: 'oneof', args: [
  { name: 'm', type: 'pure-token', token: 'M' },
  { name: 'km', type: 'pure-token', token: 'KM' },
  { name: 'ft', type: 'pure-token', token: 'FT' },
  { name: 'mi', type: 'pure-token', token: 'MI' },
] };
const LON_LAT_ARGS: ArgSpec[] = [{ name: 'longitude', type: 'double' }, { name: 'latitude', type: 'double' }];
const WITH_ARGS: ArgSpec[] = [
  { name: 'withcoord', type: 'pure-token', token: 'WITHCOORD', optional: true },
  { name: 'withdist', type: 'pure-token', token: 'WITHDIST', optional: true },
  { name: 'withhash', type: 'pure-token', token: 'WITHHASH', optional: true },
];
const ORDER_ARG: ArgSpec = { name: 'order', type: 'oneof', optional: true, args: [
  { name: 'asc', type: 'pure-token', token: 'ASC' },
  { name: 'desc', type: 'pure-token', token: 'DESC' },
] };

function countArg(anySince?: string): ArgSpec {
  const any: ArgSpec = { name: 'any', type: 'pure-token', token: 'ANY', optional: true };
  if (anySince) any.since = anySince;
  return { name: 'count', type: 'block', optional: true, args: [{ name: 'count', type: 'integer', token: 'COUNT' }, any] };
}

/** GEORADIUS's options after the unit (Redis dates ANY on the coordinates forms only); the STORE forms add their two destination keys. */
function radiusOptions(store: boolean, anySince?: string): ArgSpec[] {
  const args = [...WITH_ARGS, countArg(anySince), ORDER_ARG];
  if (store) {
    args.push(
      { name: 'key', type: 'key', token: 'STORE', keySpecIndex: 1, optional: true },
      { name: 'key', type: 'key', token: 'STOREDIST', keySpecIndex: 2, optional: true },
    );
  }
  return args;
}

/** GEOSEARCH's FROMMEMBER|FROMLONLAT and BYRADIUS|BYBOX. */
const SEARCH_AREA_ARGS: ArgSpec[] = [
  { name: 'from', type: 'oneof', args: [
    { name: 'member', type: 'string', token: 'FROMMEMBER' },
    { name: 'longitude_latitude', type: 'block', token: 'FROMLONLAT', args: LON_LAT_ARGS },
  ] },
  { name: 'by', type: 'oneof', args: [
    { name: 'circle', type: 'block', args: [{ name: 'radius', type: 'double', token: 'BYRADIUS' }, UNIT_ARG] },
    { name: 'box', type: 'block', args: [{ name: 'width', type: 'double', token: 'BYBOX' }, { name: 'height', type: 'double' }, UNIT_ARG] },
  ] },
  ORDER_ARG,
  countArg(),
];

/** The four GEORADIUS forms: centre on coordinates or on a member, with STORE or read-only. */
function radiusSpec(byMember: boolean, readOnly: boolean): CommandSpec {
  const centre: ArgSpec[] = byMember ? [MEMBER_ARG] : LON_LAT_ARGS;
  const base = byMember ? 5 : 6;
  const what = byMember ? '`BYRADIUS` and `FROMMEMBER` arguments' : '`BYRADIUS` argument';
  const spec: CommandSpec = {
    name: (byMember ? 'georadiusbymember' : 'georadius') + (readOnly ? '_ro' : ''),
    arity: -base,
    flags: readOnly ? ['readonly'] : ['write', 'denyoom', 'movablekeys'],
    acl: readOnly ? READ_ACL : WRITE_ACL,
    keySpecs: readOnly
      ? [keyAt(1, ['RO', 'access'])]
      : [keyAt(1, ['RO', 'access']), storeKeyAfter('STORE', base), storeKeyAfter('STOREDIST', base)],
    group: GROUP,
    since: readOnly ? '3.2.10' : '3.2.0',
    summary: readOnly
      ? `A read-only variant for ${byMember ? 'GEORADIUSBYMEMBER' : 'GEORADIUS'}`
      : `Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a ${byMember ? 'member' : 'point'}`,
    complexity: RADIUS_COMPLEXITY,
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: readOnly ? `\`GEOSEARCH\` with the ${what}` : `\`GEOSEARCH\` and \`GEOSEARCHSTORE\` with the ${what}`,
    args: [KEY_ARG, ...centre, { name: 'radius', type: 'double' }, UNIT_ARG, ...radiusOptions(!readOnly, byMember ? undefined : '6.2.0')],
    handler: byMember
      ? (readOnly ? georadiusbymemberroCommand : georadiusbymemberCommand)
      : (readOnly ? georadiusroCommand : georadiusCommand),
  };
  // Redis's docs: GEORADIUS has both entries, its _RO form only ANY, GEORADIUSBYMEMBER only the units.
  if (!byMember) spec.history = readOnly ? [ANY_OPTION] : [ANY_OPTION, UPPERCASE_UNITS];
  else if (!readOnly) spec.history = [UPPERCASE_UNITS];
  return spec;
}

export const geoCommands: CommandSpec[] = [
  {
    name: 'geoadd',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: WRITE_ACL,
    keySpecs: [keyAt(1, ['RW', 'update'])],
    group: GROUP,
    since: '3.2.0',
    summary: 'Add one or more geospatial items in the geospatial index represented using a sorted set',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    history: [['6.2.0', 'Added the `CH`, `NX` and `XX` options.']],
    args: [
      KEY_ARG,
      { name: 'condition', type: 'oneof', optional: true, since: '6.2.0', args: [
        { name: 'nx', type: 'pure-token', token: 'NX' },
        { name: 'xx', type: 'pure-token', token: 'XX' },
      ] },
      { name: 'change', type: 'pure-token', token: 'CH', optional: true, since: '6.2.0' },
      { name: 'longitude_latitude_member', type: 'block', multiple: true, args: [...LON_LAT_ARGS, MEMBER_ARG] },
    ],
    handler: geoaddCommand,
  },
  {
    name: 'geodist',
    arity: -4,
    flags: ['readonly'],
    acl: READ_ACL,
    keySpecs: [keyAt(1, ['RO', 'access'])],
    group: GROUP,
    since: '3.2.0',
    summary: 'Returns the distance between two members of a geospatial index',
    complexity: 'O(log(N))',
    args: [KEY_ARG, { name: 'member1', type: 'string' }, { name: 'member2', type: 'string' }, { ...UNIT_ARG, optional: true }],
    handler: geodistCommand,
  },
  {
    name: 'geohash',
    arity: -2,
    flags: ['readonly'],
    acl: READ_ACL,
    keySpecs: [keyAt(1, ['RO', 'access'])],
    group: GROUP,
    since: '3.2.0',
    summary: 'Returns members of a geospatial index as standard geohash strings',
    complexity: 'O(log(N)) for each member requested, where N is the number of elements in the sorted set.',
    args: [KEY_ARG, MEMBERS_ARG],
    handler: geohashCommand,
  },
  {
    name: 'geopos',
    arity: -2,
    flags: ['readonly'],
    acl: READ_ACL,
    keySpecs: [keyAt(1, ['RO', 'access'])],
    group: GROUP,
    since: '3.2.0',
    summary: 'Returns longitude and latitude of members of a geospatial index',
    complexity: 'O(N) where N is the number of members requested.',
    args: [KEY_ARG, MEMBERS_ARG],
    handler: geoposCommand,
  },
  radiusSpec(false, false),
  radiusSpec(true, false),
  radiusSpec(false, true),
  radiusSpec(true, true),
  {
    name: 'geosearch',
    arity: -7,
    flags: ['readonly'],
    acl: READ_ACL,
    keySpecs: [keyAt(1, ['RO', 'access'])],
    group: GROUP,
    since: '6.2.0',
    summary: 'Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.',
    complexity: SEARCH_COMPLEXITY,
    history: [UPPERCASE_UNITS],
    args: [KEY_ARG, ...SEARCH_AREA_ARGS, ...WITH_ARGS],
    handler: geosearchCommand,
  },
  {
    name: 'geosearchstore',
    arity: -8,
    flags: ['write', 'denyoom'],
    acl: WRITE_ACL,
    keySpecs: [keyAt(1, ['OW', 'update']), keyAt(2, ['RO', 'access'])],
    group: GROUP,
    since: '6.2.0',
    summary: 'Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.',
    complexity: SEARCH_COMPLEXITY,
    history: [UPPERCASE_UNITS],
    args: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'source', type: 'key', keySpecIndex: 1 },
      ...SEARCH_AREA_ARGS,
      { name: 'storedist', type: 'pure-token', token: 'STOREDIST', optional: true },
    ],
    handler: geosearchstoreCommand,
  },
];
