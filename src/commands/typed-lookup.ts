// The lookups of the collection families: the value at a key as one type, undefined when the
// key is missing, WRONGTYPE when it holds another type (Redis's lookupKey*OrReply + checkType).
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, type ErrorReply } from '../reply.ts';
import type { Value } from '../types/value.ts';

// Any class, its constructor private or not: what instanceof needs.
type ValueClass<T> = Function & { prototype: T };

function as<T>(v: Value | undefined, cls: ValueClass<T>): T | undefined | ErrorReply {
  if (v === undefined || v instanceof cls) return v as T | undefined;
  return E.wrongType;
}

/** For a read command: counts a keyspace hit or miss. */
export function lookupReadAs<T>(c: Client, key: Bin, cls: ValueClass<T>): T | undefined | ErrorReply {
  return as(c.db.lookupRead(key), cls);
}

/** For a write command: no hit/miss stats. */
export function lookupWriteAs<T>(c: Client, key: Bin, cls: ValueClass<T>): T | undefined | ErrorReply {
  return as(c.db.lookupWrite(key), cls);
}
