// Replies as values. A handler returns one of these; the RESP writer serializes it for the
// client's protocol (RESP2 or RESP3), MULTI/EXEC collects them, the in-process API converts them
// to JS values. The common cases are bare JS values so that the hot path allocates nothing:
//   Bin string          -> bulk string
//   number | bigint     -> integer
//   null                -> null bulk (RESP2 $-1, RESP3 _)
//   Reply[]             -> array
// and the rarer shapes are small classes below.
import type { Bin } from './bytes.ts';

export class SimpleString {
  constructor(readonly value: string) {}
  /** The encoded line, kept by the RESP writer for the shared constants (OK, QUEUED...). */
  encoded: Uint8Array | null = null;
}

export class ErrorReply {
  /** message is the whole error line, prefix included: 'ERR syntax error', 'WRONGTYPE ...'. */
  constructor(readonly message: string) {}
  get prefix(): string {
    const sp = this.message.indexOf(' ');
    return sp < 0 ? this.message : this.message.slice(0, sp);
  }
}

/** RESP2 '*-1' (a null multi-bulk), RESP3 '_'. Distinct from the null bulk string. */
export class NullArray {}

/** RESP3 map; RESP2 flattens it into an array of key, value, key, value... */
export class MapReply {
  constructor(readonly entries: Reply[]) {}
}

/** RESP3 set; RESP2 array. */
export class SetReply {
  constructor(readonly items: Reply[]) {}
}

/** RESP3 double; RESP2 bulk string of `text` (Redis's own formatting of the value). */
export class DoubleReply {
  constructor(readonly value: number, readonly text: Bin) {}
}

/** RESP3 boolean; RESP2 integer 1/0. */
export class BoolReply {
  constructor(readonly value: boolean) {}
}

/** RESP3 verbatim string ('txt' or 'mkd'); RESP2 bulk string. */
export class VerbatimReply {
  constructor(readonly format: string, readonly text: Bin) {}
}

/** RESP3 big number; RESP2 bulk string. */
export class BigNumberReply {
  constructor(readonly digits: string) {}
}

/** RESP3 push (pub/sub messages); RESP2 array. */
export class PushReply {
  constructor(readonly items: Reply[]) {}
}

/** Several replies for one command (e.g. SUBSCRIBE a b c answers once per channel). */
export class MultiReply {
  constructor(readonly replies: Reply[]) {}
}

/**
 * Not sent to anyone: a blocking command's handler returns it (via blockClient) to say that the
 * client is parked and its reply comes later (keyspace/blocking.ts).
 */
export class BlockedReply {}

export type Reply =
  | Bin
  | number
  | bigint
  | null
  | Reply[]
  | SimpleString
  | ErrorReply
  | NullArray
  | MapReply
  | SetReply
  | DoubleReply
  | BoolReply
  | VerbatimReply
  | BigNumberReply
  | PushReply
  | MultiReply
  | BlockedReply;

export const OK = new SimpleString('OK');
export const QUEUED = new SimpleString('QUEUED');
export const PONG = new SimpleString('PONG');
export const NULL_ARRAY = new NullArray();

export function err(message: string): ErrorReply {
  return new ErrorReply(message);
}

export function isError(r: Reply): r is ErrorReply {
  return r instanceof ErrorReply;
}

// The error texts many commands share, exactly as Redis writes them.
export const E = {
  wrongType: err('WRONGTYPE Operation against a key holding the wrong kind of value'),
  syntax: err('ERR syntax error'),
  notInteger: err('ERR value is not an integer or out of range'),
  notFloat: err('ERR value is not a valid float'),
  overflow: err('ERR increment or decrement would overflow'),
  noSuchKey: err('ERR no such key'),
  outOfRange: err('ERR index out of range'),
  dbIndex: err('ERR DB index is out of range'),
  invalidExpire: (cmd: string) => err(`ERR invalid expire time in '${cmd}' command`),
  wrongArity: (cmd: string) => err(`ERR wrong number of arguments for '${cmd}' command`),
  timeoutNegative: err('ERR timeout is negative'),
  invalidCursor: err('ERR invalid cursor'),
  valueOutOfRange: err('ERR value is out of range'),
  mustBePositive: err('ERR value is out of range, must be positive'),
  /** A count whose negation would not fit an int64 (HRANDFIELD/SRANDMEMBER/ZRANDMEMBER -2^63). */
  countOutOfRange: err('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807'),
  numkeysPositive: err('ERR numkeys should be greater than 0'),
  countPositive: err('ERR count should be greater than 0'),
  limitNegative: err("ERR LIMIT can't be negative"),
  nanOrInfinity: err('ERR increment would produce NaN or Infinity'),
} as const;
