// SORT and SORT_RO (Redis 7.0 sort.c): sort the elements of a list, set or sorted set,
// numerically or (ALPHA) as strings, optionally by weights read from other keys (BY pattern) and
// returning other keys' values (GET pattern), with LIMIT, ASC/DESC and STORE.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, err, type Reply } from '../reply.ts';
import { ListValue } from '../types/list.ts';
import type { Value } from '../types/value.ts';
import { parseDouble } from '../util/float.ts';
import { parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { sortableElements, hashFieldOf } from './sort-input.ts';
import type { ArgSpec, CommandSpec, KeySpec } from './spec.ts';

const E_NOT_DOUBLE = err("ERR One or more scores can't be converted into double");

/** One element being sorted, with what it sorts by. */
interface SortItem {
  element: Bin;
  /** Numeric weight (numeric sort). */
  score: number;
  /** String weight from a BY pattern (ALPHA sort with BY); null when the weight key is missing. */
  by: Bin | null;
}

/** C's isspace for the ASCII range, which is all strtod skips. */
function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * The weight SORT reads from a string: strtod over the C string (up to its first NUL), which
 * skips leading spaces and must then reach the end; NaN and out-of-range values are refused.
 * An empty string is 0 (strtod converts nothing and stops at the terminator). null when refused.
 */
export function sortWeight(s: Bin): number | null {
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  if (s.length === 0) return 0;
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  if (i === s.length) return null;
  return parseDouble(i > 0 ? s.slice(i) : s);
}

/** strcmp over C strings: bytes up to the first NUL (strcoll in the C locale). */
function cStringCompare(a: Bin, b: Bin): number {
  const na = a.indexOf('\0');
  const nb = b.indexOf('\0');
  if (na >= 0) a = a.slice(0, na);
  if (nb >= 0) b = b.slice(0, nb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Binary comparison (memcmp, then length): Redis's compareStringObjects. */
function binaryCompare(a: Bin, b: Bin): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Redis's lookupKeyByPattern: '#' is the element itself; otherwise the first '*' is replaced by
 * the element and the key read (a string, or with '->field' after the '*', a hash field). No
 * '*' in the pattern reads nothing.
 */
function lookupByPattern(c: Client, pattern: Bin, element: Bin): Bin | null {
  if (pattern === '#' || pattern.startsWith('#\0')) return element;
  const star = pattern.indexOf('*');
  if (star < 0) return null;
  const arrow = pattern.indexOf('->', star + 1);
  const hasField = arrow >= 0 && arrow + 2 < pattern.length;
  const keyPattern = hasField ? pattern.slice(0, arrow) : pattern;
  const key = keyPattern.slice(0, star) + element + keyPattern.slice(star + 1);
  const v: Value | undefined = c.db.lookupRead(key);
  if (v === undefined) return null;
  if (hasField) return typeof v === 'string' ? null : hashFieldOf(v, pattern.slice(arrow + 2));
  return typeof v === 'string' ? v : null;
}

function sortGeneric(c: Client, argv: Bin[], readonly: boolean): Reply {
  const value = c.db.lookupRead(argv[1]);
  if (value !== undefined && (typeof value === 'string' || (value.type !== 'list' && value.type !== 'set' && value.type !== 'zset'))) {
    return E.wrongType;
  }
  let desc = false;
  let alpha = false;
  let limitStart = 0;
  let limitCount = -1;
  let sortBy: Bin | null = null;
  let dontSort = false;
  let store: Bin | null = null;
  const gets: Bin[] = [];
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const a = argv[j];
    if (is(a, 'ASC')) desc = false;
    else if (is(a, 'DESC')) desc = true;
    else if (is(a, 'ALPHA')) alpha = true;
    else if (is(a, 'LIMIT') && left >= 2) {
      const start = parseLong(argv[j + 1]);
      if (start === null) return E.notInteger;
      const count = parseLong(argv[j + 2]);
      if (count === null) return E.notInteger;
      limitStart = start;
      limitCount = count;
      j += 2;
    } else if (is(a, 'STORE') && left >= 1 && !readonly) {
      store = argv[++j];
    } else if (is(a, 'BY') && left >= 1) {
      sortBy = argv[++j];
      // A pattern without '*' names one fixed key: there is nothing to sort by.
      if (!sortBy.slice(0, nulEnd(sortBy)).includes('*')) dontSort = true;
    } else if (is(a, 'GET') && left >= 1) {
      gets.push(argv[++j]);
    } else {
      return E.syntax;
    }
  }
  const type = value === undefined ? 'list' : (value as Exclude<Value, string>).type;
  // A set has no order of its own: to keep STORE (and scripts) deterministic it is sorted
  // as strings when no sort was asked for. Lists and sorted sets keep their own order.
  if (dontSort && type === 'set' && store !== null) {
    dontSort = false;
    alpha = true;
    sortBy = null;
  }
  const all = value === undefined ? [] : sortableElements(value);
  const total = all.length;
  let start = limitStart < 0 ? 0 : limitStart;
  let end = limitCount < 0 ? total - 1 : start + limitCount - 1;
  if (start >= total) {
    start = total - 1;
    end = total - 2;
  }
  if (end >= total) end = total - 1;

  let items: SortItem[];
  if (dontSort && (type === 'list' || type === 'zset')) {
    // The native order (reversed by DESC), only the LIMIT range.
    const ordered = desc ? [...all].reverse() : all;
    items = end >= start ? ordered.slice(start, end + 1).map((element) => ({ element, score: 0, by: null })) : [];
    end -= start;
    start = 0;
  } else {
    items = all.map((element) => ({ element, score: 0, by: null }));
  }

  if (!dontSort) {
    let conversionError = false;
    for (const item of items) {
      let weight: Bin | null;
      if (sortBy !== null) {
        weight = lookupByPattern(c, sortBy, item.element);
        if (weight === null) continue;
      } else {
        weight = item.element;
      }
      if (alpha) {
        if (sortBy !== null) item.by = weight;
      } else {
        const score = sortWeight(weight);
        if (score === null) conversionError = true;
        else item.score = score;
      }
    }
    if (conversionError) return E_NOT_DOUBLE;
    const stringCompare = store !== null ? binaryCompare : cStringCompare;
    let compare: (a: SortItem, b: SortItem) => number;
    if (!alpha) {
      compare = (a, b) => (a.score > b.score ? 1 : a.score < b.score ? -1 : binaryCompare(a.element, b.element));
    } else if (sortBy !== null) {
      compare = (a, b) => {
        if (a.by === null || b.by === null) return a.by === b.by ? 0 : a.by === null ? -1 : 1;
        return stringCompare(a.by, b.by);
      };
    } else {
      compare = (a, b) => stringCompare(a.element, b.element);
    }
    items.sort(desc ? (a, b) => -compare(a, b) : compare);
  }

  const out: (Bin | null)[] = [];
  for (let j = start; j <= end; j++) {
    const element = items[j].element;
    if (gets.length === 0) out.push(element);
    else for (const pattern of gets) out.push(lookupByPattern(c, pattern, element));
  }
  if (store === null) return out;
  if (out.length > 0) {
    c.db.setKey(store, ListValue.from(out.map((x) => x ?? '')));
    c.engine.dirty += out.length;
  } else if (c.db.delete(store)) {
    c.engine.dirty++;
  }
  return out.length;
}

function nulEnd(s: Bin): number {
  const i = s.indexOf('\0');
  return i < 0 ? s.length : i;
}

/** sortGetKeys: the sorted key, and the last STORE destination (LIMIT, GET and BY skip their arguments). */
function sortGetKeys(argv: Bin[]): number[] {
  const keys = [1];
  let store = -1;
  for (let i = 2; i < argv.length; i++) {
    if (is(argv[i], 'LIMIT')) i += 2;
    else if (is(argv[i], 'GET') || is(argv[i], 'BY')) i += 1;
    else if (is(argv[i], 'STORE') && i + 1 < argv.length) store = i + 1;
  }
  if (store >= 0) keys.push(store);
  return keys;
}

const SORTED_KEY: KeySpec = { flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } };
const BY_GET_KEYS: KeySpec = {
  notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort",
  flags: ['RO', 'access'],
  begin: { unknown: true },
  find: { unknown: true },
};
const STORE_KEY: KeySpec = {
  notes: "For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array",
  flags: ['OW', 'update'],
  begin: { unknown: true },
  find: { unknown: true },
};

const SORT_ARGS: ArgSpec[] = [
  { name: 'key', type: 'key', keySpecIndex: 0 },
  { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'BY', optional: true },
  {
    name: 'offset_count',
    type: 'block',
    token: 'LIMIT',
    optional: true,
    args: [
      { name: 'offset', type: 'integer' },
      { name: 'count', type: 'integer' },
    ],
  },
  { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'GET', optional: true, multiple: true, multipleToken: true },
  {
    name: 'order',
    type: 'oneof',
    optional: true,
    args: [
      { name: 'asc', type: 'pure-token', token: 'ASC' },
      { name: 'desc', type: 'pure-token', token: 'DESC' },
    ],
  },
  { name: 'sorting', type: 'pure-token', token: 'ALPHA', optional: true },
];

const COMPLEXITY =
  'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).';

export const sortCommands: CommandSpec[] = [
  {
    name: 'sort',
    arity: -2,
    flags: ['write', 'denyoom', 'movablekeys'],
    acl: ['write', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
    keySpecs: [SORTED_KEY, BY_GET_KEYS, STORE_KEY],
    getKeys: sortGetKeys,
    group: 'generic',
    since: '1.0.0',
    summary: 'Sort the elements in a list, set or sorted set',
    complexity: COMPLEXITY,
    args: [...SORT_ARGS, { name: 'destination', type: 'key', keySpecIndex: 2, token: 'STORE', optional: true }],
    handler: (c, argv) => sortGeneric(c, argv, false),
  },
  {
    name: 'sort_ro',
    arity: -2,
    flags: ['readonly', 'movablekeys'],
    acl: ['read', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
    keySpecs: [SORTED_KEY, BY_GET_KEYS],
    getKeys: (argv) => [1],
    group: 'generic',
    since: '7.0.0',
    summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
    complexity: COMPLEXITY,
    args: SORT_ARGS,
    handler: (c, argv) => sortGeneric(c, argv, true),
  },
];
