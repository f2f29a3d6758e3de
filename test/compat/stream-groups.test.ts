// Stream consumer groups against real Redis 7.0: the command pages' examples, the errors and the
// order of their checks, entries-read and lag through deletions, trims and SETID, RESP3 shapes,
// seeded random sequences mixing every group command with XADD/XDEL/XTRIM/XLEN/DEL (also with
// two-entry listpacks, so that XINFO's radix-tree-keys and radix-tree-nodes see many nodes), and
// blocked XREADGROUP clients (several, FIFO, NOACK, COUNT, a destroyed group).
//
// Idle and delivery times depend on the clock: they are compared within TIME_TOLERANCE ms, and
// the generators only use idle thresholds far from any real idle time (0, or minutes), so that
// which entries a threshold keeps never depends on timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compat, Rng, type Comparison, type Step } from './harness.ts';
import { RespClient, show, type Arg, type RespValue } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const TIME_TOLERANCE = 1000;

type Kind = 'exact' | 'time' | 'type';

function bulkText(r: RespValue | undefined): string | null {
  return r !== undefined && r.t === '$' && r.v !== null ? r.v.toString('latin1') : null;
}

/** One step down a reply: the index in its array (or flattened map), and the bulk string before it. */
interface PathStep {
  i: number;
  key: string | null;
}

/**
 * Compares two replies node by node; `rule` names, from the path of a node (each step's index,
 * and the bulk string just before it, which names a map's value), how to compare it.
 */
function tolerant(rule: (path: PathStep[]) => Kind): Comparison {
  return (a, b) => diff(a, b, [], rule);
}

function diff(a: RespValue, b: RespValue, path: PathStep[], rule: (path: PathStep[]) => Kind): string | null {
  const kind = rule(path);
  const where = path.map((p) => p.key ?? p.i).join('.') || '(top)';
  if (kind === 'type') return a.t === b.t ? null : `${where}: type ${a.t} vs ${b.t}`;
  if (kind === 'time' && a.t === ':' && b.t === ':') {
    const d = a.v - b.v;
    return d <= BigInt(TIME_TOLERANCE) && d >= -BigInt(TIME_TOLERANCE) ? null : `${where}: ${a.v} vs ${b.v}`;
  }
  if (a.t !== b.t) return `${where}: redis ${show(a)}\n  cinnabar ${show(b)}`;
  const children = (r: RespValue): RespValue[] | null =>
    r.t === '%' ? r.v.flat() : (r.t === '*' || r.t === '~' || r.t === '>') && r.v !== null ? r.v : null;
  const ca = children(a);
  const cb = children(b);
  if (ca === null || cb === null) return show(a) === show(b) ? null : `${where}: redis ${show(a)}\n  cinnabar ${show(b)}`;
  if (ca.length !== cb.length) return `${where}: redis ${show(a)}\n  cinnabar ${show(b)}`;
  for (let i = 0; i < ca.length; i++) {
    const d = diff(ca[i], cb[i], [...path, { i, key: i > 0 ? bulkText(ca[i - 1]) : null }], rule);
    if (d) return d;
  }
  return null;
}

/** XPENDING's extended form: [id, consumer, idle, deliveries] per entry. */
const pendingReply = tolerant((p) => (p.length === 2 && p[1].i === 2 ? 'time' : 'exact'));

/** XINFO CONSUMERS: the idle of each consumer. */
const consumersReply = tolerant((p) => (p.length > 0 && p[p.length - 1].key === 'idle' ? 'time' : 'exact'));

/** XINFO STREAM [FULL]: seen times and delivery times within the tolerance. */
const streamInfoReply = tolerant((p) => {
  if (p.length === 0) return 'exact';
  const last = p[p.length - 1];
    if (last.key === 'seen-time') return 'time';
  let pending = p.length - 1;
  while (pending >= 0 && p[pending].key !== 'pending') pending--;
  if (pending >= 0 && p.length === pending + 3) {
    // A group's pending entry [id, consumer, time, count]; a consumer's [id, time, count].
    const inConsumer = p.some((x) => x.key === 'consumers');
    return last.i === (inConsumer ? 1 : 2) ? 'time' : 'exact';
  }
  return 'exact';
});

function infoCompare(args: Arg[]): Comparison {
  const sub = String(args[1]).toUpperCase();
  if (sub === 'STREAM') return streamInfoReply;
  if (sub === 'CONSUMERS') return consumersReply;
  return 'exact';
}

describe('the command pages', () => {
  it('XGROUP: CREATE (with $, MKSTREAM, ENTRIESREAD), SETID, CREATECONSUMER, DELCONSUMER, DESTROY, HELP', async () => {
    await h.reset();
    await h.checkAll([
      ['XGROUP', 'CREATE', 'mystream', 'mygroup', '$'],
      ['XGROUP', 'CREATE', 'mystream', 'mygroup', '$', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 'mystream', 'mygroup', '$', 'MKSTREAM'],
      ['TYPE', 'mystream'],
      ['XLEN', 'mystream'],
      ['XADD', 'mystream', '1-1', 'a', '1'],
      ['XADD', 'mystream', '2-1', 'b', '2'],
      ['XGROUP', 'CREATE', 'mystream', 'g0', '0'],
      ['XGROUP', 'CREATE', 'mystream', 'gr', '0', 'ENTRIESREAD', '1'],
      ['XGROUP', 'CREATE', 'mystream', 'gd', '$'],
      ['XGROUP', 'CREATE', 'mystream', 'gp', '1'],
      ['XGROUP', 'CREATE', 'mystream', 'gmax', '18446744073709551615'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '18446744073709551616'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '+'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '-'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '0', 'ENTRIESREAD', '-2'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '0', 'ENTRIESREAD', 'x'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '0', 'ENTRIESREAD'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '0', 'FOO'],
      ['XGROUP', 'CREATE', 'mystream', 'gbad', '0', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 'nokey', 'g', '0'],
      ['XINFO', 'GROUPS', 'mystream'],
      ['XGROUP', 'SETID', 'mystream', 'g0', '1-1'],
      ['XGROUP', 'SETID', 'mystream', 'g0', '$', 'ENTRIESREAD', '2'],
      ['XGROUP', 'SETID', 'mystream', 'gd', '+'],
      ['XGROUP', 'SETID', 'mystream', 'gp', '-', 'ENTRIESREAD', '-1'],
      ['XGROUP', 'SETID', 'mystream', 'nogroup', '0'],
      ['XGROUP', 'SETID', 'nokey', 'g0', '0'],
      ['XGROUP', 'SETID', 'mystream', 'g0', '0', 'MKSTREAM'],
      ['XGROUP', 'SETID', 'mystream', 'g0', 'bad'],
      ['XINFO', 'GROUPS', 'mystream'],
      ['XGROUP', 'CREATECONSUMER', 'mystream', 'g0', 'Alice'],
      ['XGROUP', 'CREATECONSUMER', 'mystream', 'g0', 'Alice'],
      ['XGROUP', 'CREATECONSUMER', 'mystream', 'nogroup', 'Alice'],
      ['XGROUP', 'DELCONSUMER', 'mystream', 'g0', 'Alice'],
      ['XGROUP', 'DELCONSUMER', 'mystream', 'g0', 'Bob'],
      ['XGROUP', 'DESTROY', 'mystream', 'gd'],
      ['XGROUP', 'DESTROY', 'mystream', 'gd'],
      ['XGROUP', 'DESTROY', 'nokey', 'gd'],
      ['XGROUP', 'DESTROY', 'mystream', 'gd', 'extra'],
      ['XGROUP', 'HELP'],
      ['XGROUP', 'HELP', 'x'],
      ['XGROUP', 'FOO', 'mystream', 'g'],
      ['XGROUP'],
      ['SET', 'str', 'x'],
      ['XGROUP', 'CREATE', 'str', 'g', '0', 'MKSTREAM'],
      ['XGROUP', 'DESTROY', 'str', 'g'],
    ]);
  });

  it('XREADGROUP: new entries with >, history with an ID, COUNT, NOACK, several keys, and its errors', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 'mystream', '1-0', 'message', 'apple'],
      ['XADD', 'mystream', '2-0', 'message', 'orange'],
      ['XADD', 'mystream', '3-0', 'message', 'strawberry'],
      ['XADD', 'mystream', '4-0', 'message', 'apricot'],
      ['XADD', 'mystream', '5-0', 'message', 'banana'],
      ['XGROUP', 'CREATE', 'mystream', 'mygroup', '0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'COUNT', '1', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Bob', 'COUNT', '2', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', '0'],
      ['XACK', 'mystream', 'mygroup', '1-0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', '0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Bob', 'COUNT', '1', 'STREAMS', 'mystream', '0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Bob', 'STREAMS', 'mystream', '2-0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Bob', 'STREAMS', 'mystream', '18446744073709551615-18446744073709551614'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Carol', 'NOACK', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Carol', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Carol', 'STREAMS', 'mystream', '0'],
      ['XDEL', 'mystream', '3-0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Bob', 'STREAMS', 'mystream', '0'],
      ['XPENDING', 'mystream', 'mygroup'],
      ['XADD', 'other', '7-0', 'x', 'y'],
      ['XGROUP', 'CREATE', 'other', 'mygroup', '0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Dave', 'COUNT', '5', 'STREAMS', 'mystream', 'other', '>', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Dave', 'STREAMS', 'mystream', 'other', '0', '>'],
      ['XINFO', 'GROUPS', 'mystream'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', 'other', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', '$'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', '+'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', 'x-1'],
      ['XREADGROUP', 'GROUP', 'nogroup', 'Alice', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'nokey', '>'],
      ['XREADGROUP', 'COUNT', '1', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'COUNT', 'x', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'COUNT', '-5', 'STREAMS', 'mystream', '0'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'BLOCK', '-1', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'BLOCK', 'x', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'FOO', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'BLOCK', '10', 'STREAMS', 'mystream', '>'],
      ['SET', 'str', 'x'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'str', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'STREAMS', 'mystream', 'str', '>', '>'],
      ['MULTI'],
      ['XADD', 'mystream', '9-0', 'message', 'kiwi'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Eve', 'BLOCK', '0', 'STREAMS', 'mystream', '>'],
      ['XREADGROUP', 'GROUP', 'mygroup', 'Eve', 'BLOCK', '0', 'STREAMS', 'mystream', '>'],
      ['EXEC'],
    ]);
  });

  it('XACK and XPENDING: summary, extended form, IDLE, consumer filter, exclusive ranges, errors', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 's', '1-1', 'a', '1'],
      ['XADD', 's', '2-1', 'b', '2'],
      ['XADD', 's', '3-1', 'c', '3'],
      ['XADD', 's', '4-1', 'd', '4'],
      ['XPENDING', 's', 'g'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 's', 'g', '-', '+', '10'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '>'],
      ['XPENDING', 's', 'g'],
      ['XACK', 's', 'g', '2-1', '9-9', '2-1'],
      ['XACK', 's', 'g', '1-1', 'bad'],
      ['XACK', 's', 'nogroup', 'bad'],
      ['XACK', 'nokey', 'g', 'bad'],
      ['XACK', 's', 'g', '+'],
      ['XPENDING', 's', 'g'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'idle-one'],
      ['XPENDING', 's', 'g'],
    ]);
    for (const args of [
      ['XPENDING', 's', 'g', '-', '+', '10'],
      ['XPENDING', 's', 'g', '-', '+', '1'],
      ['XPENDING', 's', 'g', '-', '+', '0'],
      ['XPENDING', 's', 'g', '-', '+', '-3'],
      ['XPENDING', 's', 'g', '(1-1', '(4-1', '10'],
      ['XPENDING', 's', 'g', '3', '3', '10'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'c2'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'nobody'],
      ['XPENDING', 's', 'g', 'IDLE', '0', '-', '+', '10'],
      ['XPENDING', 's', 'g', 'IDLE', '3600000', '-', '+', '10'],
      ['XPENDING', 's', 'g', 'IDLE', '-5', '-', '+', '10', 'c2'],
    ]) {
      await h.check(args, pendingReply);
    }
    await h.checkAll([
      ['XPENDING', 's', 'g', '-'],
      ['XPENDING', 's', 'g', '-', '+'],
      ['XPENDING', 's', 'g', 'IDLE', '10', '-', '+'],
      ['XPENDING', 's', 'g', 'IDLE', 'x', '-', '+', '10'],
      ['XPENDING', 's', 'g', '-', '+', 'x'],
      ['XPENDING', 's', 'g', 'x', '+', '10'],
      ['XPENDING', 's', 'g', '-', 'x', '10'],
      ['XPENDING', 's', 'g', '(-', '+', '10'],
      ['XPENDING', 's', 'g', '(18446744073709551615-18446744073709551615', '+', '10'],
      ['XPENDING', 's', 'g', '-', '(0-0', '10'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'c1', 'extra', 'more', 'andmore'],
      ['XPENDING', 'nokey', 'g'],
      ['XPENDING', 's', 'nogroup', '-', '+', '10'],
      ['SET', 'str', 'x'],
      ['XPENDING', 'str', 'g'],
      ['XACK', 'str', 'g', '1-1'],
    ]);
  });

  it('XCLAIM: min idle time, IDLE, TIME, RETRYCOUNT, FORCE, JUSTID, LASTID, deleted entries, errors', async () => {
    await h.reset();
    const old = String(Date.now() - 500_000);
    const future = String(Date.now() + 10_000_000);
    await h.checkAll([
      ['XADD', 's', '1-1', 'a', '1'],
      ['XADD', 's', '2-1', 'b', '2'],
      ['XADD', 's', '3-1', 'c', '3'],
      ['XADD', 's', '4-1', 'd', '4'],
      ['XCLAIM', 'nokey', 'g', 'c', 'x', '1-1'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XCLAIM', 's', 'g', 'c', 'x', '1-1'],
      ['XCLAIM', 's', 'g', 'Bob', '0', '1-1'],
      ['XINFO', 'CONSUMERS', 's', 'g'],
      ['XREADGROUP', 'GROUP', 'g', 'Alice', 'STREAMS', 's', '>'],
      ['XCLAIM', 's', 'g', 'Bob', '3600000', '1-1', '2-1'],
      ['XCLAIM', 's', 'g', 'Bob', '0', '1-1'],
      ['XCLAIM', 's', 'g', 'Bob', '0', '2-1', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'Bob', '0', '3-1', 'IDLE', '600000', 'RETRYCOUNT', '7'],
      ['XCLAIM', 's', 'g', 'Carol', '500000', '3-1', '4-1'],
      ['XCLAIM', 's', 'g', 'Carol', '0', '4-1', 'TIME', old],
      ['XCLAIM', 's', 'g', 'Carol', '0', '1-1', 'TIME', future],
      ['XCLAIM', 's', 'g', 'Carol', '0', '2-1', 'IDLE', '-100'],
      ['XCLAIM', 's', 'g', 'Dave', '400000', '4-1', '3-1', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'Dave', '0', '9-9', 'FORCE'],
      ['XACK', 's', 'g', '2-1'],
      ['XCLAIM', 's', 'g', 'Dave', '3600000', '2-1', 'FORCE'],
      ['XCLAIM', 's', 'g', 'Dave', '0', '1-1', 'RETRYCOUNT', '-5', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'Dave', '0', '1-1', 'RETRYCOUNT', '9223372036854775807'],
      ['XREADGROUP', 'GROUP', 'g', 'Dave', 'STREAMS', 's', '0'],
      ['XCLAIM', 's', 'g', 'Dave', '0', '1-1', 'LASTID', '9-9', 'JUSTID'],
      ['XINFO', 'GROUPS', 's'],
      ['XCLAIM', 's', 'g', 'Dave', '0', '1-1', 'LASTID', '5-5'],
      ['XDEL', 's', '3-1'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '3-1', '4-1', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'foo'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'IDLE'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'IDLE', 'x'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'TIME', 'x'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'RETRYCOUNT', 'x'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '1-1', 'LASTID', '+'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '+', '1-1'],
      ['XCLAIM', 's', 'g', 'Eve', '0', '-'],
      ['XCLAIM', 's', 'nogroup', 'Eve', 'x', '1-1'],
      ['SET', 'str', 'x'],
      ['XCLAIM', 'str', 'g', 'Eve', '0', '1-1'],
    ]);
    await h.check(['XPENDING', 's', 'g', '-', '+', '10'], pendingReply);
    await h.check(['XINFO', 'CONSUMERS', 's', 'g'], consumersReply);
    await h.check(['XINFO', 'STREAM', 's', 'FULL'], streamInfoReply);
  });

  it('XAUTOCLAIM: the cursor, COUNT, JUSTID, the deleted-entries list, errors', async () => {
    await h.reset();
    const ids = Array.from({ length: 12 }, (_, i) => `${i + 1}-0`);
    await h.checkAll([
      ...ids.map((id) => ['XADD', 's', id, 'f', id]),
      ['XAUTOCLAIM', 'nokey', 'g', 'c', 'x', '0'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', 'x'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0', 'COUNT', '0'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0', 'COUNT', 'x'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0', 'COUNT', '576460752303423488'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0', 'COUNT'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0', 'FOO'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '(18446744073709551615-18446744073709551615'],
      ['XAUTOCLAIM', 'nokey', 'g', 'c', '0', '0'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XAUTOCLAIM', 's', 'g', 'c', '0', '0'],
      ['XINFO', 'CONSUMERS', 's', 'g'],
      ['XREADGROUP', 'GROUP', 'g', 'Alice', 'STREAMS', 's', '>'],
      ['XAUTOCLAIM', 's', 'g', 'Bob', '3600000', '0-0'],
      ['XAUTOCLAIM', 's', 'g', 'Bob', '0', '0-0', 'COUNT', '2'],
      ['XAUTOCLAIM', 's', 'g', 'Bob', '0', '3-0', 'COUNT', '3', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'Bob', '0', '(6-0', 'COUNT', '2'],
      ['XDEL', 's', '9-0', '10-0', '11-0'],
      ['XAUTOCLAIM', 's', 'g', 'Carol', '0', '8-0', 'COUNT', '2'],
      ['XAUTOCLAIM', 's', 'g', 'Carol', '0', '8-0', 'COUNT', '5', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'Carol', '0', '-', 'COUNT', '1'],
      ['XAUTOCLAIM', 's', 'g', 'Carol', '0', '+'],
      ['XPENDING', 's', 'g'],
      ['XAUTOCLAIM', 's', 'nogroup', 'c', '0', '0'],
      ['SET', 'str', 'x'],
      ['XAUTOCLAIM', 'str', 'g', 'c', '0', '0'],
    ]);
  });

  it('XINFO: STREAM (FULL, COUNT), GROUPS, CONSUMERS, HELP, errors', async () => {
    await h.reset();
    await h.checkAll([
      ['XINFO', 'HELP'],
      ['XINFO', 'STREAM', 'nokey'],
      ['XINFO', 'GROUPS', 'nokey'],
      ['XINFO', 'CONSUMERS', 'nokey', 'g'],
      ['XINFO', 'FOO', 'nokey'],
      ['XINFO', 'GROUPS'],
      ['XINFO', 'CONSUMERS', 's'],
      ['SET', 'str', 'x'],
      ['XINFO', 'STREAM', 'str'],
      ['XGROUP', 'CREATE', 'empty', 'g', '$', 'MKSTREAM'],
      ['XINFO', 'GROUPS', 'empty'],
      ...Array.from({ length: 15 }, (_, i) => ['XADD', 's', `${i + 1}-1`, 'field', `v${i}`, 'other', 'x']),
      ['XINFO', 'GROUPS', 's'],
      ['XGROUP', 'CREATE', 's', 'g2', '0'],
      ['XGROUP', 'CREATE', 's', 'g1', '3-1'],
      ['XREADGROUP', 'GROUP', 'g2', 'zed', 'COUNT', '3', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g2', 'amy', 'COUNT', '12', 'STREAMS', 's', '>'],
      ['XINFO', 'GROUPS', 's'],
      ['XINFO', 'CONSUMERS', 's', 'nogroup'],
      ['XINFO', 'STREAM', 's', 'FOO'],
      ['XINFO', 'STREAM', 's', 'FULL', 'COUNT'],
      ['XINFO', 'STREAM', 's', 'FULL', 'FOO', '1'],
      ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', 'x'],
    ]);
    for (const args of [
      ['XINFO', 'STREAM', 'empty'],
      ['XINFO', 'STREAM', 'empty', 'FULL'],
      ['XINFO', 'STREAM', 's'],
      ['XINFO', 'STREAM', 's', 'FULL'],
      ['XINFO', 'STREAM', 's', 'full', 'count', '2'],
      ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '0'],
      ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '-1'],
    ]) {
      await h.check(args, streamInfoReply);
    }
    await h.check(['XINFO', 'CONSUMERS', 's', 'g2'], consumersReply);
  });
});

describe('entries-read and lag', () => {
  it('are exact in a stream without tombstones, unknown (nil) behind a deletion, and known again once read past it', async () => {
    await h.reset();
    const info = ['XINFO', 'GROUPS', 's'];
    await h.checkAll([
      ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM'],
      info,
      ...Array.from({ length: 6 }, (_, i) => ['XADD', 's', `${i + 1}-0`, 'f', 'v']),
      ['XGROUP', 'CREATE', 's', 'late', '$'],
      ['XGROUP', 'CREATE', 's', 'mid', '3-0'],
      ['XGROUP', 'CREATE', 's', 'counted', '3-0', 'ENTRIESREAD', '3'],
      info,
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'mid', 'c', 'COUNT', '1', 'STREAMS', 's', '>'],
      info,
      ['XDEL', 's', '4-0'],
      info,
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', 's', '>'],
      info,
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', 's', '>'],
      info,
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
      info,
      ['XDEL', 's', '1-0'],
      info,
      ['XTRIM', 's', 'MAXLEN', '2'],
      info,
      ['XGROUP', 'SETID', 's', 'g', '0'],
      info,
      ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '0'],
      info,
      ['XADD', 's', '7-0', 'f', 'v'],
      ['XDEL', 's', '7-0'],
      info,
      ['XTRIM', 's', 'MAXLEN', '0'],
      info,
      ['XADD', 's', '8-0', 'f', 'v'],
      info,
      ['XGROUP', 'SETID', 's', 'late', '9-0'],
      info,
      ['XGROUP', 'SETID', 's', 'late', '$', 'ENTRIESREAD', '100'],
      info,
    ]);
  });
});

describe('idle and delivery times', () => {
  it('only a served read or a claim refreshes a consumer; re-deliveries and claims refresh an entry', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 's', '1-0', 'f', 'v'],
      ['XADD', 's', '2-0', 'f', 'v'],
      ['XADD', 's', '3-0', 'f', 'v'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'idle'],
      ['XREADGROUP', 'GROUP', 'g', 'a', 'COUNT', '1', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'b', 'COUNT', '1', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', 's', '>'],
    ]);
    // 1.5 s later, with a 1 s tolerance: refreshed (about 0) and untouched (about 1500) differ.
    await sleep(1500);
    await h.checkAll([
      // Not served: nothing new for a, nothing claimable for b or c, nothing to sweep.
      ['XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '>'],
      ['XCLAIM', 's', 'g', 'b', '3600000', '2-0'],
      ['XAUTOCLAIM', 's', 'g', 'c', '3600000', '0'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'a'],
      ['XINFO', 'GROUPS', 's'],
      ['XREADGROUP', 'GROUP', 'g', 'a', 'BLOCK', '10', 'STREAMS', 's', '>'],
    ]);
    await h.check(['XPENDING', 's', 'g', '-', '+', '10', 'a'], pendingReply);
    await h.check(['XINFO', 'CONSUMERS', 's', 'g'], consumersReply);
    await h.check(['XPENDING', 's', 'g', '-', '+', '10'], pendingReply);
    await h.checkAll([
      // Served: a's history (its entry delivered again), b claims its own entry, c sweeps.
      ['XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 's', '0'],
      ['XCLAIM', 's', 'g', 'b', '0', '2-0', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'c', '0', '3-0', 'COUNT', '1'],
      ['XCLAIM', 's', 'g', 'idle', '0', '1-0', 'IDLE', '5000', 'JUSTID'],
    ]);
    await h.check(['XINFO', 'CONSUMERS', 's', 'g'], consumersReply);
    await h.check(['XPENDING', 's', 'g', '-', '+', '10'], pendingReply);
    await h.check(['XINFO', 'STREAM', 's', 'FULL'], streamInfoReply);
  });
});

describe('RESP3', () => {
  it('XREADGROUP answers a map of keys, XINFO maps, nil entries as _', async () => {
    await h.reset();
    const p = await h.pair();
    await h.check(['HELLO', '3'], 'type', p);
    await h.checkAll(
      [
        ['XADD', 's', '1-1', 'a', '1'],
        ['XADD', 's', '2-1', 'b', '2'],
        ['XGROUP', 'CREATE', 's', 'g', '0'],
        ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
        ['XDEL', 's', '1-1'],
        ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '0'],
        ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
        ['XPENDING', 's', 'g'],
        ['XACK', 's', 'g', '1-1', '2-1'],
        ['XPENDING', 's', 'g'],
        ['XINFO', 'GROUPS', 's'],
        ['XAUTOCLAIM', 's', 'g', 'c', '0', '0'],
        ['XINFO', 'HELP'],
        ['XGROUP', 'HELP'],
      ],
      'exact',
      p,
    );
    await h.check(['XINFO', 'STREAM', 's'], streamInfoReply, p);
    await h.check(['XINFO', 'STREAM', 's', 'FULL'], streamInfoReply, p);
    await h.check(['XINFO', 'CONSUMERS', 's', 'g'], consumersReply, p);
  });
});

// ---- seeded random sequences ----

const KEYS = ['s1', 's2'];
const GROUPS = ['g1', 'g2'];
const CONSUMERS = ['alice', 'bob', 'carol'];

function genGroups(rng: Rng): Step[] {
  const steps: Step[] = [];
  const push = (args: Arg[], compare?: Comparison) => steps.push({ args, compare });
  const top: Record<string, number> = { s1: 0, s2: 0, str: 0 };
  const ids: string[] = [];
  const key = () => (rng.chance(0.04) ? rng.pick(['str', 'nokey']) : rng.pick(KEYS));
  const group = () => (rng.chance(0.04) ? 'nogroup' : rng.pick(GROUPS));
  const consumer = () => rng.pick(CONSUMERS);
  const anyId = () => (ids.length > 0 && rng.chance(0.8) ? rng.pick(ids) : `${rng.int(0, 30)}-${rng.int(0, 2)}`);
  const idArg = () => (rng.chance(0.04) ? rng.pick(['x', '-', '+', '1-x', '', '18446744073709551616']) : anyId());
  const now = Date.now();
  const minIdle = () => rng.pick(['0', '0', '0', '0', '100000', '3600000', '-5', 'x']);
  const count = () => rng.pick(['1', '2', '3', '10', '0', '-1', 'x']);

  push(['SET', 'str', 'x']);
  // Most sequences start from streams with entries and groups, so that reads deliver.
  for (const k of KEYS) {
    if (rng.chance(0.15)) continue;
    for (let i = rng.int(0, 6); i > 0; i--) {
      top[k] += rng.int(1, 2);
      const id = `${top[k]}-${rng.int(0, 1)}`;
      ids.push(id);
      push(['XADD', k, id, 'f', `v${i}`, ...(rng.chance(0.3) ? ['g', 'w'] : [])]);
    }
    for (const g of GROUPS) if (rng.chance(0.7)) push(['XGROUP', 'CREATE', k, g, rng.pick(['0', '0', '$']), 'MKSTREAM']);
  }
  const n = rng.int(25, 60);
  for (let step = 0; step < n; step++) {
    switch (rng.int(0, 26)) {
      case 0:
      case 1:
      case 2:
      case 3: {
        const k = rng.chance(0.05) ? 'str' : rng.pick(KEYS);
        const ms = (top[k] ?? 0) + rng.int(0, 2);
        const seq = rng.int(0, 2);
        const id = rng.chance(0.1) ? `${ms}-*` : `${ms}-${seq}`;
        if (ms > (top[k] ?? 0)) top[k] = ms;
        ids.push(`${ms}-${seq}`);
        const args: Arg[] = ['XADD', k];
        if (rng.chance(0.1)) args.push('MAXLEN', rng.pick(['3', '5', '0']));
        args.push(id, 'f', `v${step}`);
        if (rng.chance(0.3)) args.push('g', 'w');
        push(args);
        break;
      }
      case 4: {
        const args: Arg[] = ['XDEL', key()];
        for (let i = rng.int(1, 3); i > 0; i--) args.push(idArg());
        push(args);
        break;
      }
      case 5:
        push(rng.chance(0.5) ? ['XTRIM', key(), 'MAXLEN', rng.pick(['0', '2', '4'])] : ['XTRIM', key(), 'MINID', anyId()]);
        break;
      case 6:
        push(rng.chance(0.85) ? ['XLEN', key()] : ['DEL', key()]);
        break;
      case 7:
      case 8: {
        const args: Arg[] = ['XGROUP', rng.caseOf('CREATE'), key(), group(), rng.pick(['0', '$', '$', anyId(), idArg()])];
        if (rng.chance(0.4)) args.push('MKSTREAM');
        if (rng.chance(0.2)) args.push('ENTRIESREAD', rng.pick(['-1', '0', '2', '5', '-3', 'x']));
        push(args);
        break;
      }
      case 9: {
        const args: Arg[] = ['XGROUP', 'SETID', key(), group(), rng.pick(['0', '$', '-', anyId(), idArg()])];
        if (rng.chance(0.3)) args.push('ENTRIESREAD', rng.pick(['-1', '0', '1', '3', '-3']));
        push(args);
        break;
      }
      case 10: {
        const sub = rng.pick(['DESTROY', 'CREATECONSUMER', 'DELCONSUMER', 'DELCONSUMER', 'CREATECONSUMER', 'HELP', 'NOPE']);
        if (sub === 'DESTROY') push(['XGROUP', sub, key(), group()]);
        else if (sub === 'HELP') push(['XGROUP', sub]);
        else push(['XGROUP', sub, key(), group(), consumer()]);
        break;
      }
      case 11:
      case 12:
      case 13:
      case 14: {
        const args: Arg[] = ['XREADGROUP', 'GROUP', group(), consumer()];
        if (rng.chance(0.4)) args.push('COUNT', rng.pick(['1', '2', '3', '0', '-1']));
        if (rng.chance(0.2)) args.push('NOACK');
        if (rng.chance(0.04)) args.push('BLOCK', '5');
        const keys = rng.chance(0.15) ? [...KEYS] : [key()];
        args.push('STREAMS', ...keys);
        for (const _ of keys) args.push(rng.chance(0.7) ? '>' : rng.pick(['0', anyId(), idArg(), '$']));
        if (rng.chance(0.03)) args.pop();
        push(args);
        break;
      }
      case 15:
      case 16: {
        const args: Arg[] = ['XACK', key(), group()];
        for (let i = rng.int(1, 3); i > 0; i--) args.push(idArg());
        push(args);
        break;
      }
      case 17:
        push(['XPENDING', key(), group()]);
        break;
      case 18:
      case 19: {
        const args: Arg[] = ['XPENDING', key(), group()];
        if (rng.chance(0.3)) args.push('IDLE', minIdle());
        args.push(rng.pick(['-', '0', anyId(), `(${anyId()}`]), rng.pick(['+', anyId(), `(${anyId()}`]), count());
        if (rng.chance(0.3)) args.push(consumer());
        push(args, pendingReply);
        break;
      }
      case 20:
      case 21: {
        const args: Arg[] = ['XCLAIM', key(), group(), consumer(), minIdle()];
        for (let i = rng.int(1, 3); i > 0; i--) args.push(anyId());
        if (rng.chance(0.3)) args.push('IDLE', rng.pick(['0', '200000', '5000000', '-1']));
        if (rng.chance(0.15)) args.push('TIME', rng.pick([String(now - 300_000), '0', '-1', String(now + 1e9)]));
        if (rng.chance(0.2)) args.push('RETRYCOUNT', rng.pick(['0', '5', '-1']));
        if (rng.chance(0.35)) args.push('FORCE');
        if (rng.chance(0.3)) args.push('JUSTID');
        if (rng.chance(0.1)) args.push('LASTID', idArg());
        if (rng.chance(0.03)) args.push(rng.pick(['BOGUS', 'IDLE']));
        push(args);
        break;
      }
      case 22: {
        const args: Arg[] = ['XAUTOCLAIM', key(), group(), consumer(), minIdle(), rng.pick(['0', '-', anyId(), `(${anyId()}`, idArg()])];
        if (rng.chance(0.5)) args.push('COUNT', rng.pick(['1', '2', '3', '10', '0', 'x']));
        if (rng.chance(0.3)) args.push('JUSTID');
        push(args);
        break;
      }
      case 23: {
        const args: Arg[] = ['XINFO', 'STREAM', key()];
        if (rng.chance(0.6)) args.push('FULL');
        if (args.length === 4 && rng.chance(0.3)) args.push('COUNT', rng.pick(['0', '1', '2', '-1']));
        push(args, streamInfoReply);
        break;
      }
      case 24:
        push(['XINFO', 'GROUPS', key()]);
        break;
      case 25:
        push(['XINFO', 'CONSUMERS', key(), group()], consumersReply);
        break;
      case 26:
        push(
          rng.pick<Arg[]>([
            ['XREADGROUP', 'STREAMS', 's1', '>'],
            ['XREADGROUP', 'GROUP', 'g1', 'alice', 'STREAMS', 's1'],
            ['XREADGROUP', 'GROUP', 'g1', 'alice', 'BOGUS', 'STREAMS', 's1', '>'],
            ['XPENDING', 's1', 'g1', '-', '+'],
            ['XPENDING', 's1', 'g1', 'IDLE', '5', '-', '+'],
            ['XCLAIM', 's1', 'g1', 'alice'],
            ['XAUTOCLAIM', 's1', 'g1', 'alice', '0'],
            ['XACK', 's1', 'g1'],
            ['XINFO', 'STREAM'],
            ['XINFO', 'NOPE', 's1'],
            ['XGROUP', 'CREATE', 's1'],
          ]),
        );
        break;
    }
  }
  // The whole state at the end.
  for (const k of KEYS) push(['XINFO', 'STREAM', k, 'FULL'], streamInfoReply);
  return steps;
}

describe('random sequences', () => {
  it('500 seeded sequences mixing every group command with XADD/XDEL/XTRIM/XLEN/DEL (RESP2)', async () => {
    await h.sequences('stream-groups', Number(process.env.STREAM_GROUP_SEQUENCES ?? 500), genGroups);
  }, 300_000);

  it('200 more with two-entry listpacks (many nodes, removed by XDEL and XTRIM)', async () => {
    await h.sequences('stream-groups-small-nodes', Number(process.env.STREAM_GROUP_SEQUENCES_NODES ?? 200), (rng) => [
      { args: ['CONFIG', 'SET', 'stream-node-max-entries', '2'] },
      ...genGroups(rng),
    ]);
    await h.check(['CONFIG', 'SET', 'stream-node-max-entries', '100']);
  }, 300_000);

  it('100 more in RESP3', async () => {
    await h.sequences('stream-groups-resp3', Number(process.env.STREAM_GROUP_SEQUENCES_RESP3 ?? 100), (rng) => [
      { args: ['HELLO', '3'], compare: 'type' },
      ...genGroups(rng),
    ]);
  }, 300_000);
});

// ---- blocked XREADGROUP clients ----

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Send = (i: number, label: string, ...args: Arg[]) => Promise<void>;

/**
 * Runs a scenario on fresh connections to one server: `send` logs each reply under its label
 * when it arrives (it may block); `blocked(n)` polls INFO until n clients are blocked.
 */
async function scenario(port: number, script: (send: Send, blocked: (n: number) => Promise<void>) => Promise<void>): Promise<string[]> {
  const c = await Promise.all([0, 1, 2, 3, 4].map(() => RespClient.connect(port)));
  const admin = c[4];
  const log = new Map<string, string[]>();
  const send: Send = (i, label, ...args) =>
    c[i].call(...args).then((r) => {
      log.set(label, [...(log.get(label) ?? []), show(r)]);
    });
  const blocked = async (n: number) => {
    for (let tries = 0; tries < 400; tries++) {
      const r = await admin.call('INFO', 'clients');
      if (r.t === '$' && r.v !== null && r.v.toString().includes(`blocked_clients:${n}\r`)) return;
      await sleep(5);
    }
    throw new Error(`never saw ${n} blocked clients`);
  };
  try {
    await admin.call('FLUSHALL');
    await script(send, blocked);
  } finally {
    for (const x of c) x.close();
  }
  return [...log].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}: ${v.join(' | ')}`);
}

async function bothServers(script: Parameters<typeof scenario>[1]): Promise<void> {
  const redis = await scenario(h.redisPort, script);
  const cinnabar = await scenario(h.cinnabarPort, script);
  expect(cinnabar).toEqual(redis);
}

describe('blocked XREADGROUP', () => {
  it('several consumers are served in the order they blocked, each with the entries left after the previous', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'create', 'XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(1);
      const b = send(1, 'b', 'XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(2);
      const c = send(2, 'c', 'XREADGROUP', 'GROUP', 'g', 'carol', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(3);
      await send(3, 'multi', 'MULTI');
      await send(3, 'q1', 'XADD', 's', '1-0', 'f', '1');
      await send(3, 'q2', 'XADD', 's', '2-0', 'f', '2');
      await send(3, 'q3', 'XADD', 's', '3-0', 'f', '3');
      await send(3, 'exec', 'EXEC');
      await Promise.all([a, b]);
      await blocked(1);
      await send(3, 'add4', 'XADD', 's', '4-0', 'f', '4');
      await c;
      await send(3, 'pending', 'XPENDING', 's', 'g');
      await send(3, 'groups', 'XINFO', 'GROUPS', 's');
    });
  });

  it('NOACK readers leave nothing pending; a reader on two keys is served by the first that gets entries', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'c1', 'XGROUP', 'CREATE', 's1', 'g', '$', 'MKSTREAM');
      await send(3, 'c2', 'XGROUP', 'CREATE', 's2', 'g', '$', 'MKSTREAM');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'NOACK', 'BLOCK', '0', 'STREAMS', 's1', '>');
      await blocked(1);
      const b = send(1, 'b', 'XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '0', 'STREAMS', 's1', 's2', '>', '>');
      await blocked(2);
      await send(3, 'add1', 'XADD', 's1', '1-0', 'f', '1');
      await a;
      await send(3, 'add2', 'XADD', 's2', '5-0', 'f', '5');
      await b;
      await send(3, 'p1', 'XPENDING', 's1', 'g');
      await send(3, 'p2', 'XPENDING', 's2', 'g');
      await send(3, 'groups', 'XINFO', 'GROUPS', 's1');
    });
  });

  it('the stream key going away (DEL, SET over it, RENAME, FLUSHALL, SWAPDB, expiry) ends the wait; XREAD waiters keep waiting', async () => {
    await bothServers(async (send, blocked) => {
      const reader = (i: number, label: string) => send(i, label, 'XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      const make = async (label: string) => send(3, label, 'XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      await make('m1');
      const plain = send(2, 'xread', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
      await blocked(1);
      let a = reader(0, 'del');
      await blocked(2);
      await send(3, 'd', 'DEL', 's');
      await a;
      await blocked(1);
      await make('m2');
      a = reader(0, 'set');
      await blocked(2);
      await send(3, 's', 'SET', 's', 'string');
      await a;
      await send(3, 'd2', 'DEL', 's');
      await make('m3');
      a = reader(0, 'rename');
      await blocked(2);
      await send(3, 'r', 'RENAME', 's', 's2');
      await a;
      await send(3, 'rb', 'RENAME', 's2', 's');
      a = reader(0, 'swapdb');
      await blocked(2);
      await send(3, 'sw', 'SWAPDB', '0', '1');
      await a;
      await send(3, 'sw2', 'SWAPDB', '0', '1');
      a = reader(0, 'expire');
      await blocked(2);
      await send(3, 'px', 'PEXPIRE', 's', '1');
      await sleep(20);
      await send(3, 'e', 'EXISTS', 's');
      await a;
      await make('m4');
      a = reader(0, 'flushall');
      await blocked(2);
      await send(3, 'f', 'FLUSHALL');
      await a;
      await blocked(1);
      await send(3, 'add', 'XADD', 's', '1-0', 'f', 'v');
      await plain;
    });
  });

  it('a destroyed group ends the wait with NOGROUP; another group being destroyed wakes no one; timeouts answer nil', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'c1', 'XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      await send(3, 'c2', 'XGROUP', 'CREATE', 's', 'other', '$');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(1);
      await send(3, 'd1', 'XGROUP', 'DESTROY', 's', 'other');
      await blocked(1);
      await send(3, 'd2', 'XGROUP', 'DESTROY', 's', 'g');
      await a;
      await send(3, 'c3', 'XGROUP', 'CREATE', 's', 'g', '$');
      await send(0, 'timeout', 'XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '50', 'STREAMS', 's', '>');
      await send(3, 'consumers', 'XINFO', 'GROUPS', 's');
    });
  });

  it('a waiting consumer deleted meanwhile comes back when served; a group moved back by SETID serves from there', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'add1', 'XADD', 's', '1-0', 'f', '1');
      await send(3, 'create', 'XGROUP', 'CREATE', 's', 'g', '$');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(1);
      await send(3, 'consumers', 'XINFO', 'CONSUMERS', 's', 'g');
      await send(3, 'createconsumer', 'XGROUP', 'CREATECONSUMER', 's', 'g', 'alice');
      await send(3, 'delconsumer', 'XGROUP', 'DELCONSUMER', 's', 'g', 'alice');
      await send(3, 'setid', 'XGROUP', 'SETID', 's', 'g', '0');
      await blocked(1);
      await send(3, 'add2', 'XADD', 's', '2-0', 'f', '2');
      await a;
      await send(3, 'pending', 'XPENDING', 's', 'g');
      await send(3, 'groups', 'XINFO', 'GROUPS', 's');
    });
  });

  it('a stream deleted and made again (with the group) inside MULTI serves the waiting reader from the new one', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'create', 'XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'NOACK', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(1);
      await send(3, 'multi', 'MULTI');
      await send(3, 'q', 'DEL', 's');
      await send(3, 'q', 'XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM');
      await send(3, 'q', 'XADD', 's', '5-0', 'new', 'stream');
      await send(3, 'exec', 'EXEC');
      await a;
      await send(3, 'groups', 'XINFO', 'GROUPS', 's');
    });
  });

  it('a blocked reader without COUNT gets at most 1000 entries at once', async () => {
    await bothServers(async (send, blocked) => {
      await send(3, 'create', 'XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      const a = send(0, 'a', 'XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      await blocked(1);
      await send(3, 'multi', 'MULTI');
      for (let i = 1; i <= 1100; i++) await send(3, 'q', 'XADD', 's', `${i}-0`, 'f', 'v');
      await send(3, 'exec', 'EXEC');
      await a;
      await send(3, 'groups', 'XINFO', 'GROUPS', 's');
    });
  });
});

