// Blocking commands (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK...): the API the families use.
//
// A blocking handler first tries to serve at once. When nothing is there it returns
//
//     return blockClient(c, keys, timeout, serve, timeoutReply);
//
// and the engine parks the client: its later pipelined commands wait, and `serve(c, key)` runs
// whenever one of `keys` (in the client's database) is created (any write that adds the key:
// LPUSH, ZADD, RENAME, MOVE, SWAPDB...), in FIFO order among the clients blocked on that key,
// after the command that made it ready (after a whole EXEC). `serve` returns the reply that
// unblocks the client, or undefined to keep waiting (the key holds another type, or another
// client emptied it first). At the deadline the client gets `timeoutReply`. Inside MULTI/EXEC
// (and scripts) nothing blocks: blockClient returns `timeoutReply` at once, as Redis does.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { Command } from '../commands/spec.ts';
import type { TimerHandle } from '../host.ts';
import { BlockedReply, ErrorReply, err, type Reply } from '../reply.ts';
import type { Database } from './database.ts';
import { parseLongDouble, type LongDouble } from '../util/float.ts';
import { parseInt64 } from '../util/number.ts';

/** Tries to serve a blocked client now that `key` may hold something. */
export type ServeBlocked = (c: Client, key: Bin) => Reply | undefined;

/** What a handler returns when its client is now blocked: the reply comes later. */
export const BLOCKED = new BlockedReply();

/** A parked client's wait (Client.blocked). */
export interface BlockedState {
  db: Database;
  keys: readonly Bin[];
  /** Absolute unix ms, 0 for none. */
  timeoutAt: number;
  serve: ServeBlocked;
  timeoutReply: Reply;
  timer: TimerHandle | null;
  /** The command that blocked: its stats are counted when the client is unblocked, as in Redis. */
  cmd: Command;
  /** When it blocked (monotonic us), for the command's duration. */
  since: number;
}

/**
 * Parks `c` until one of `keys` can serve it or the timeout passes. `timeoutAtMs` is an
 * absolute unix time in ms (as parseTimeout returns), 0 for no timeout.
 */
export function blockClient(c: Client, keys: readonly Bin[], timeoutAtMs: number, serve: ServeBlocked, timeoutReply: Reply): Reply {
  return c.engine.blockClient(c, keys, timeoutAtMs, serve, timeoutReply);
}

const E_TIMEOUT_FLOAT = err('ERR timeout is not a float or out of range');
const E_TIMEOUT_INT = err('ERR timeout is not an integer or out of range');
const E_TIMEOUT_NEGATIVE = err('ERR timeout is negative');
const E_TIMEOUT_RANGE = err('ERR timeout is out of range');

/**
 * Redis's getTimeoutFromObjectOrReply: a timeout argument in seconds (a float: BLPOP, BZPOPMIN)
 * or in milliseconds (an integer: XREAD BLOCK) -> the absolute unix ms deadline, 0 for none.
 */
export function parseTimeout(c: Client, arg: Bin, unit: 'seconds' | 'milliseconds'): number | ErrorReply {
  let ms: number;
  if (unit === 'seconds') {
    const ld = parseLongDouble(arg);
    if (ld === null) return E_TIMEOUT_FLOAT;
    ms = longDoubleTimes1000(ld);
  } else {
    const v = parseInt64(arg);
    if (v === null) return E_TIMEOUT_INT;
    ms = Number(v);
  }
  if (ms < 0) return E_TIMEOUT_NEGATIVE;
  if (ms === 0) return 0;
  const now = c.engine.now();
  if (ms > 9223372036854775807 - now) return E_TIMEOUT_RANGE;
  return ms + now;
}

const LLONG_MAX = 9223372036854775807n;

/**
 * (long long)(ftval * 1000.0) on x87: the product rounded to a 64-bit mantissa (ties to even),
 * then truncated toward zero; out of the long long range (or infinite) the cast gives LLONG_MIN,
 * which callers see as negative (-1 here). So -0.001 seconds is 0 (no timeout), as in Redis.
 */
function longDoubleTimes1000(ld: LongDouble): number {
  if (ld.inf) return -1;
  let p = ld.m * 1000n;
  let e = ld.e;
  const bits = p.toString(2).length;
  if (bits > 64) {
    const shift = BigInt(bits - 64);
    const q = p >> shift;
    const rem = p & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    p = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    e += bits - 64;
  }
  const magnitude = e >= 0 ? p << BigInt(e) : p >> BigInt(-e);
  if (magnitude > LLONG_MAX) return -1;
  return ld.neg ? -Number(magnitude) : Number(magnitude);
}
