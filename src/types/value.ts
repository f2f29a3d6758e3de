// What a key holds. A string value is stored as its bare binary string (no wrapper object: it
// keeps a string key within Redis's memory footprint); every other type is an object that
// says its type. The one object of type "string" is a ByteString (types/byte-string.ts), the
// in-place form of bitmaps and HyperLogLogs, which only their own lookups hand out.
import type { Bin } from '../bytes.ts';

export type TypeName = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export interface RedisObject {
  readonly type: TypeName;
  /** OBJECT ENCODING's answer for this value under the current config thresholds. */
  encoding(): string;
  /** A deep copy sharing nothing mutable with this value (COPY must not alias collections). */
  clone?(): RedisObject;
  /**
   * Releases memory the JS garbage collector cannot see (WASM linear memory). The database
   * calls it when the value leaves the keyspace for good (DEL, overwrite, flush, expiry); a
   * command that builds a temporary value calls it itself.
   */
  free?(): void;
}

export type Value = Bin | RedisObject;

export function typeOf(v: Value): TypeName {
  return typeof v === 'string' ? 'string' : v.type;
}
