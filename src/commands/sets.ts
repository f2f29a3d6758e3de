// Set commands (Redis 7.0 t_set.c). Each handler checks its arguments and the keys' types in
// Redis's order, so that of two problems the same error wins; the set itself (types/set.ts)
// hides whether an intset or a table holds it. The multi-key operations build their results as
// Redis does, in a fresh set that starts as an intset and converts as members arrive, so the
// encoding a *STORE result gets and the order an answer comes in follow Redis's.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, ErrorReply, SetReply, err, type Reply } from '../reply.ts';
import { RedisSet } from '../types/set.ts';
import { INT64_MIN, parseInt64, parseLong } from '../util/number.ts';
import { is } from './args.ts';
import { scanCollection } from './keys.ts';
import { notify } from './events.ts';
import { lookupReadAs, lookupWriteAs } from './typed-lookup.ts';
import type { ArgSpec, CommandSpec, KeySpec } from './spec.ts';

const E_NUMKEYS_ARGS = err("ERR Number of keys can't be greater than number of args");

/**
 * SPOP with a count draws the survivors into a new set instead of drawing the answer, once there
 * are no more than 1/5 as many survivors as members popped (that choice shows in the encoding).
 */
const SPOP_MOVE_STRATEGY_MUL = 5;
/** SRANDMEMBER with a count above 1/3 of the set shuffles positions rather than redrawing duplicates. */
const SRANDMEMBER_SUB_STRATEGY_MUL = 3;

/** Keyspace notification classes (notify-keyspace-events letters). */
const NOTIFY_GENERIC = 'g';
const NOTIFY_SET = 's';

function maxIntset(c: Client): number {
  return c.engine.config.getNumber('set-max-intset-entries');
}

function random(c: Client, n: number): number {
  return Math.floor(c.engine.host.random() * n);
}

function asSet(v: unknown): RedisSet | undefined | ErrorReply {
  if (v === undefined || v instanceof RedisSet) return v;
  return E.wrongType;
}

/** A set for a read: undefined when missing, WRONGTYPE for another type. */
function lookupSetRead(c: Client, key: Bin): RedisSet | undefined | ErrorReply {
  return lookupReadAs(c, key, RedisSet);
}

function lookupSetWrite(c: Client, key: Bin): RedisSet | undefined | ErrorReply {
  return lookupWriteAs(c, key, RedisSet);
}

/** RESP3 set, RESP2 array. */
function setReply(members: Bin[]): Reply {
  return new SetReply(members);
}

/** After members left `key`'s set: WATCH is told, and an emptied set deletes its key. */
function removed(c: Client, key: Bin, set: RedisSet, event: string, count: number): void {
  notify(c, NOTIFY_SET, event, key);
  if (set.size === 0) {
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
  } else {
    c.db.touch(key);
  }
  c.engine.dirty += count;
}

// ---- adding and removing ----

function saddCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const found = lookupSetWrite(c, key);
  if (found instanceof ErrorReply) return found;
  const set = found ?? new RedisSet();
  // A table needs no limit: skip the config lookup on the hot path.
  const max = set.isIntset ? maxIntset(c) : 0;
  let added = 0;
  for (let j = 2; j < argv.length; j++) if (set.add(argv[j], max)) added++;
  if (found === undefined) c.db.setKey(key, set);
  else if (added > 0) c.db.touch(key);
  if (added > 0) {
    notify(c, NOTIFY_SET, 'sadd', key);
    c.engine.dirty += added;
  }
  return added;
}

function sremCommand(c: Client, argv: Bin[]): Reply {
  const key = argv[1];
  const set = lookupSetWrite(c, key);
  if (set === undefined) return 0;
  if (set instanceof ErrorReply) return set;
  let deleted = 0;
  for (let j = 2; j < argv.length; j++) {
    if (set.delete(argv[j])) deleted++;
    if (set.size === 0) break;
  }
  if (deleted > 0) removed(c, key, set, 'srem', deleted);
  return deleted;
}

function smoveCommand(c: Client, argv: Bin[]): Reply {
  const [, src, dst, member] = argv;
  const srcFound = c.db.lookupWrite(src);
  const dstFound = c.db.lookupWrite(dst);
  if (srcFound === undefined) return 0;
  const srcSet = asSet(srcFound);
  if (srcSet instanceof ErrorReply) return srcSet;
  const dstSet = asSet(dstFound);
  if (dstSet instanceof ErrorReply) return dstSet;
  if (srcSet === dstSet) return srcSet!.has(member) ? 1 : 0;
  if (!srcSet!.delete(member)) return 0;
  removed(c, src, srcSet!, 'srem', 1);
  const target = dstSet ?? new RedisSet();
  if (target.add(member, maxIntset(c))) {
    if (dstSet === undefined) c.db.setKey(dst, target);
    else c.db.touch(dst);
    notify(c, NOTIFY_SET, 'sadd', dst);
    c.engine.dirty++;
  }
  return 1;
}

// ---- reading ----

function scardCommand(c: Client, argv: Bin[]): Reply {
  const set = lookupSetRead(c, argv[1]);
  if (set === undefined) return 0;
  return set instanceof ErrorReply ? set : set.size;
}

function sismemberCommand(c: Client, argv: Bin[]): Reply {
  const set = lookupSetRead(c, argv[1]);
  if (set === undefined) return 0;
  if (set instanceof ErrorReply) return set;
  return set.has(argv[2]) ? 1 : 0;
}

function smismemberCommand(c: Client, argv: Bin[]): Reply {
  const set = lookupSetRead(c, argv[1]);
  if (set instanceof ErrorReply) return set;
  const out: Reply[] = new Array(argv.length - 2);
  for (let j = 2; j < argv.length; j++) out[j - 2] = set !== undefined && set.has(argv[j]) ? 1 : 0;
  return out;
}

// ---- random members ----

function spopCommand(c: Client, argv: Bin[]): Reply {
  if (argv.length === 3) return spopWithCount(c, argv);
  if (argv.length > 3) return E.syntax;
  const key = argv[1];
  const set = lookupSetWrite(c, key);
  if (set === undefined) return null;
  if (set instanceof ErrorReply) return set;
  const member = set.removeAt(random(c, set.size));
  removed(c, key, set, 'spop', 1);
  return member;
}

function spopWithCount(c: Client, argv: Bin[]): Reply {
  const l = parseLong(argv[2]);
  if (l === null || l < 0) return E.mustBePositive;
  const key = argv[1];
  const set = lookupSetWrite(c, key);
  if (set === undefined) return setReply([]);
  if (set instanceof ErrorReply) return set;
  if (l === 0) return setReply([]);
  const size = set.size;
  // Everything: the answer is the set's union with nothing, as Redis builds it.
  if (l >= size) {
    const all = union(c, [set]).members();
    notify(c, NOTIFY_SET, 'spop', key);
    c.db.delete(key);
    notify(c, NOTIFY_GENERIC, 'del', key);
    c.engine.dirty += size;
    return setReply(all);
  }
  const count = l;
  const remaining = size - count;
  const out: Bin[] = new Array(count);
  if (remaining * SPOP_MOVE_STRATEGY_MUL > count) {
    // A few: drawn one at a time.
    for (let k = 0; k < count; k++) out[k] = set.removeAt(random(c, set.size));
  } else {
    // Most of the set: the survivors are drawn into a new set, the rest is the answer. The new
    // set starts as an intset, as Redis's setTypeCreate of the first survivor would (so a table
    // whose survivors are all integers becomes an intset again).
    const survivors = new RedisSet();
    const max = maxIntset(c);
    for (let k = 0; k < remaining; k++) survivors.add(set.removeAt(random(c, set.size)), max);
    let k = 0;
    set.forEach((m) => (out[k++] = m));
    set.replaceWith(survivors);
  }
  removed(c, key, set, 'spop', count);
  return setReply(out);
}

function srandmemberCommand(c: Client, argv: Bin[]): Reply {
  if (argv.length === 3) return srandmemberWithCount(c, argv);
  if (argv.length > 3) return E.syntax;
  const set = lookupSetRead(c, argv[1]);
  if (set === undefined) return null;
  if (set instanceof ErrorReply) return set;
  return set.memberAt(random(c, set.size));
}

function srandmemberWithCount(c: Client, argv: Bin[]): Reply {
  const l = parseInt64(argv[2]);
  if (l === null) return E.notInteger;
  if (l === INT64_MIN) return E.countOutOfRange;
  const set = lookupSetRead(c, argv[1]);
  if (set === undefined) return [];
  if (set instanceof ErrorReply) return set;
  if (l === 0n) return [];
  const size = set.size;
  const unique = l > 0n;
  const wanted = unique ? l : -l;
  // Repetitions allowed (a negative count, or one member): independent draws.
  if (!unique || wanted === 1n) {
    const count = Number(wanted);
    const out: Bin[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = set.memberAt(random(c, size));
    return out;
  }
  // As many as there are or more: the whole set, in its own order.
  if (wanted >= BigInt(size)) return set.members();
  const count = Number(wanted);
  if (count * SRANDMEMBER_SUB_STRATEGY_MUL > size) {
    // Close to the whole set: a partial shuffle of the positions.
    const positions = Array.from({ length: size }, (_, i) => i);
    const out: Bin[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const j = k + random(c, size - k);
      const t = positions[j];
      positions[j] = positions[k];
      out[k] = set.memberAt(t);
    }
    return out;
  }
  // Far fewer than the set: draws until enough distinct ones.
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random(c, size));
  const out: Bin[] = [];
  for (const i of chosen) out.push(set.memberAt(i));
  return out;
}

// ---- intersection, union, difference ----

/**
 * The sets named by `keys` (undefined for a missing key), or WRONGTYPE for the first key of
 * another type. Every key is looked up (and counted as a hit or miss) even after a missing one.
 */
function lookupSets(c: Client, keys: Bin[]): (RedisSet | undefined)[] | ErrorReply {
  const sets: (RedisSet | undefined)[] = new Array(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const s = lookupSetRead(c, keys[j]);
    if (s instanceof ErrorReply) return s;
    sets[j] = s;
  }
  return sets;
}

/** sinterGenericCommand: the common members, in the smallest set's order; stops at `limit` (0: none). */
function intersect(sets: RedisSet[], limit: number, visit: (m: Bin) => void): void {
  const ordered = sets.slice().sort((a, b) => a.size - b.size);
  const first = ordered[0];
  let found = 0;
  const n = first.size;
  for (let i = 0; i < n; i++) {
    const m = first.memberAt(i);
    let j = 1;
    for (; j < ordered.length; j++) {
      if (ordered[j] !== first && !ordered[j].has(m)) break;
    }
    if (j < ordered.length) continue;
    visit(m);
    if (limit > 0 && ++found >= limit) return;
  }
}

/** The union of some sets as a new set (starting as an intset, as Redis builds it). */
function union(c: Client, sets: (RedisSet | undefined)[]): RedisSet {
  const out = new RedisSet();
  const max = maxIntset(c);
  for (const s of sets) s?.forEach((m) => out.add(m, max));
  return out;
}

/**
 * The first set minus the others. Redis picks one of two algorithms by the work each would do,
 * and the choice shows in the result's encoding: the first checks each member of the first set
 * against the others (only survivors are added), the second adds the whole first set then
 * removes the others' members (a large first set converts the result to a table on the way).
 */
function difference(c: Client, sets: (RedisSet | undefined)[]): RedisSet {
  const out = new RedisSet();
  const first = sets[0];
  if (first === undefined) return out;
  const max = maxIntset(c);
  let oneWork = 0;
  let twoWork = 0;
  for (const s of sets) {
    if (s === undefined) continue;
    oneWork += first.size;
    twoWork += s.size;
  }
  oneWork = Math.floor(oneWork / 2);
  if (oneWork <= twoWork) {
    const others = sets.slice(1).filter((s): s is RedisSet => s !== undefined);
    others.sort((a, b) => b.size - a.size);
    first.forEach((m) => {
      for (const s of others) if (s === first || s.has(m)) return;
      out.add(m, max);
    });
  } else {
    first.forEach((m) => out.add(m, max));
    for (let j = 1; j < sets.length && out.size > 0; j++) sets[j]?.forEach((m) => out.delete(m));
  }
  return out;
}

/** A *STORE result: the key holds the set (its TTL gone), or is deleted when it is empty. */
function store(c: Client, dst: Bin, result: RedisSet, event: string): Reply {
  const size = result.size;
  if (size > 0) {
    c.db.setKey(dst, result);
    notify(c, NOTIFY_SET, event, dst);
    c.engine.dirty++;
  } else if (c.db.delete(dst)) {
    notify(c, NOTIFY_GENERIC, 'del', dst);
    c.engine.dirty++;
  }
  return size;
}

function sinterGeneric(c: Client, keys: Bin[], dst: Bin | null): Reply {
  const found = lookupSets(c, keys);
  if (found instanceof ErrorReply) return found;
  if (found.includes(undefined)) return dst === null ? setReply([]) : store(c, dst, new RedisSet(), 'sinterstore');
  const sets = found as RedisSet[];
  if (dst === null) {
    const out: Bin[] = [];
    intersect(sets, 0, (m) => out.push(m));
    return setReply(out);
  }
  const result = new RedisSet();
  const max = maxIntset(c);
  intersect(sets, 0, (m) => result.add(m, max));
  return store(c, dst, result, 'sinterstore');
}

function sinterCommand(c: Client, argv: Bin[]): Reply {
  return sinterGeneric(c, argv.slice(1), null);
}

function sinterstoreCommand(c: Client, argv: Bin[]): Reply {
  return sinterGeneric(c, argv.slice(2), argv[1]);
}

function sintercardCommand(c: Client, argv: Bin[]): Reply {
  const numkeys = parseLong(argv[1]);
  if (numkeys === null || numkeys < 1) return E.numkeysPositive;
  if (numkeys > argv.length - 2) return E_NUMKEYS_ARGS;
  let limit = 0;
  for (let j = 2 + numkeys; j < argv.length; j++) {
    if (is(argv[j], 'LIMIT') && j + 1 < argv.length) {
      const l = parseLong(argv[++j]);
      if (l === null || l < 0) return E.limitNegative;
      limit = l;
    } else {
      return E.syntax;
    }
  }
  const found = lookupSets(c, argv.slice(2, 2 + numkeys));
  if (found instanceof ErrorReply) return found;
  if (found.includes(undefined)) return 0;
  let count = 0;
  intersect(found as RedisSet[], limit, () => count++);
  return count;
}

const UNION = 0;
const DIFF = 1;

function sunionDiffGeneric(c: Client, keys: Bin[], dst: Bin | null, op: number): Reply {
  const sets = lookupSets(c, keys);
  if (sets instanceof ErrorReply) return sets;
  const result = op === UNION ? union(c, sets) : difference(c, sets);
  if (dst === null) return setReply(result.members());
  return store(c, dst, result, op === UNION ? 'sunionstore' : 'sdiffstore');
}

function sunionCommand(c: Client, argv: Bin[]): Reply {
  return sunionDiffGeneric(c, argv.slice(1), null, UNION);
}

function sunionstoreCommand(c: Client, argv: Bin[]): Reply {
  return sunionDiffGeneric(c, argv.slice(2), argv[1], UNION);
}

function sdiffCommand(c: Client, argv: Bin[]): Reply {
  return sunionDiffGeneric(c, argv.slice(1), null, DIFF);
}

function sdiffstoreCommand(c: Client, argv: Bin[]): Reply {
  return sunionDiffGeneric(c, argv.slice(2), argv[1], DIFF);
}

function smembersCommand(c: Client, argv: Bin[]): Reply {
  const set = lookupSetRead(c, argv[1]);
  if (set === undefined) return setReply([]);
  if (set instanceof ErrorReply) return set;
  return setReply(set.members());
}

// ---- SSCAN ----

function sscanCommand(c: Client, argv: Bin[]): Reply {
  return scanCollection(c, argv, lookupSetRead, (set, start, count, items, matches) =>
    set.scan(start, count, (m) => {
      if (matches(m)) items.push(m);
    }),
  );
}

// ---- the command table ----

/** A key spec for the keys from argv[begin] on: `lastKey` 0 for one key, -1 for all the rest. */
function keys(begin: number, lastKey: number, flags: KeySpec['flags']): KeySpec {
  return { flags, begin: { index: begin }, find: { lastKey, step: 1, limit: 0 } };
}

type SetCommandSpec = Omit<CommandSpec, 'group'>;

function setCommand(spec: SetCommandSpec): CommandSpec {
  return { ...spec, group: 'set' };
}

const KEY_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0 };
const KEYS_ARG: ArgSpec = { name: 'key', type: 'key', keySpecIndex: 0, multiple: true };
const MEMBER_ARG: ArgSpec = { name: 'member', type: 'string' };
const MEMBERS_ARG: ArgSpec = { name: 'member', type: 'string', multiple: true };
const STORE_ARGS: ArgSpec[] = [
  { name: 'destination', type: 'key', keySpecIndex: 0 },
  { name: 'key', type: 'key', keySpecIndex: 1, multiple: true },
];

const INTER_COMPLEXITY = 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.';
const UNION_COMPLEXITY = 'O(N) where N is the total number of elements in all given sets.';

export const setCommands: CommandSpec[] = [
  setCommand({
    name: 'sadd',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RW', 'insert'])],
    since: '1.0.0',
    summary: 'Add one or more members to a set',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    history: [['2.4.0', 'Accepts multiple `member` arguments.']],
    args: [KEY_ARG, MEMBERS_ARG],
    handler: saddCommand,
  }),
  setCommand({
    name: 'srem',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RW', 'delete'])],
    since: '1.0.0',
    summary: 'Remove one or more members from a set',
    complexity: 'O(N) where N is the number of members to be removed.',
    history: [['2.4.0', 'Accepts multiple `member` arguments.']],
    args: [KEY_ARG, MEMBERS_ARG],
    handler: sremCommand,
  }),
  setCommand({
    name: 'smembers',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Get all the members in a set',
    complexity: 'O(N) where N is the set cardinality.',
    tips: ['nondeterministic_output_order'],
    args: [KEY_ARG],
    handler: smembersCommand,
  }),
  setCommand({
    name: 'sismember',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RO'])],
    since: '1.0.0',
    summary: 'Determine if a given value is a member of a set',
    complexity: 'O(1)',
    args: [KEY_ARG, MEMBER_ARG],
    handler: sismemberCommand,
  }),
  setCommand({
    name: 'smismember',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RO', 'access'])],
    since: '6.2.0',
    summary: 'Returns the membership associated with the given elements for a set',
    complexity: 'O(N) where N is the number of elements being checked for membership',
    args: [KEY_ARG, MEMBERS_ARG],
    handler: smismemberCommand,
  }),
  setCommand({
    name: 'scard',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RO'])],
    since: '1.0.0',
    summary: 'Get the number of members in a set',
    complexity: 'O(1)',
    args: [KEY_ARG],
    handler: scardCommand,
  }),
  setCommand({
    name: 'spop',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RW', 'access', 'delete'])],
    since: '1.0.0',
    summary: 'Remove and return one or multiple random members from a set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    history: [['3.2.0', 'Added the `count` argument.']],
    tips: ['nondeterministic_output'],
    args: [KEY_ARG, { name: 'count', type: 'integer', since: '3.2.0', optional: true }],
    handler: spopCommand,
  }),
  setCommand({
    name: 'srandmember',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Get one or multiple random members from a set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
    history: [['2.6.0', 'Added the optional `count` argument.']],
    tips: ['nondeterministic_output'],
    args: [KEY_ARG, { name: 'count', type: 'integer', since: '2.6.0', optional: true }],
    handler: srandmemberCommand,
  }),
  setCommand({
    name: 'smove',
    arity: 4,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
    keySpecs: [keys(1, 0, ['RW', 'access', 'delete']), keys(2, 0, ['RW', 'insert'])],
    since: '1.0.0',
    summary: 'Move a member from one set to another',
    complexity: 'O(1)',
    args: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      MEMBER_ARG,
    ],
    handler: smoveCommand,
  }),
  setCommand({
    name: 'sinter',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Intersect multiple sets',
    complexity: INTER_COMPLEXITY,
    tips: ['nondeterministic_output_order'],
    args: [KEYS_ARG],
    handler: sinterCommand,
  }),
  setCommand({
    name: 'sintercard',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIdx: 0, firstKey: 1, step: 1 } }],
    since: '7.0.0',
    summary: 'Intersect multiple sets and return the cardinality of the result',
    complexity: INTER_COMPLEXITY,
    args: [
      { name: 'numkeys', type: 'integer' },
      KEYS_ARG,
      { name: 'limit', type: 'integer', token: 'LIMIT', optional: true },
    ],
    handler: sintercardCommand,
  }),
  setCommand({
    name: 'sunion',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Add multiple sets',
    complexity: UNION_COMPLEXITY,
    tips: ['nondeterministic_output_order'],
    args: [KEYS_ARG],
    handler: sunionCommand,
  }),
  setCommand({
    name: 'sdiff',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Subtract multiple sets',
    complexity: UNION_COMPLEXITY,
    tips: ['nondeterministic_output_order'],
    args: [KEYS_ARG],
    handler: sdiffCommand,
  }),
  setCommand({
    name: 'sinterstore',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['RW', 'update']), keys(2, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Intersect multiple sets and store the resulting set in a key',
    complexity: INTER_COMPLEXITY,
    args: STORE_ARGS,
    handler: sinterstoreCommand,
  }),
  setCommand({
    name: 'sunionstore',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['OW', 'update']), keys(2, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Add multiple sets and store the resulting set in a key',
    complexity: UNION_COMPLEXITY,
    args: STORE_ARGS,
    handler: sunionstoreCommand,
  }),
  setCommand({
    name: 'sdiffstore',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['OW', 'update']), keys(2, -1, ['RO', 'access'])],
    since: '1.0.0',
    summary: 'Subtract multiple sets and store the resulting set in a key',
    complexity: UNION_COMPLEXITY,
    args: STORE_ARGS,
    handler: sdiffstoreCommand,
  }),
  setCommand({
    name: 'sscan',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    keySpecs: [keys(1, 0, ['RO', 'access'])],
    since: '2.8.0',
    summary: 'Incrementally iterate Set elements',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    tips: ['nondeterministic_output'],
    args: [
      KEY_ARG,
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', optional: true },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
    ],
    handler: sscanCommand,
  }),
];
