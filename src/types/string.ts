// The string type. A string value is its bare binary string in the keyspace; what Redis would
// say about its representation (OBJECT ENCODING) follows from the bytes plus one bit the
// database keeps per key: whether the string was edited in place.
import type { Bin } from '../bytes.ts';
import { META_PLAIN, META_RAW } from '../keyspace/database.ts';
import { parseInt64 } from '../util/number.ts';

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT: longer strings get their own allocation ("raw"). */
export const EMBSTR_SIZE_LIMIT = 44;

export type StringEncoding = 'int' | 'embstr' | 'raw';

/**
 * OBJECT ENCODING of a string, as Redis's tryObjectEncoding leaves a value written whole (SET,
 * MSET, GETSET, INCR, APPEND to a missing key...): "int" for a canonical integer that fits a
 * long (at most 20 chars), "embstr" up to 44 bytes, "raw" beyond. `repr` is the key's
 * representation bits (Database.stringRepr): a value edited in place (META_RAW) is "raw"
 * whatever it holds; one created as a plain string (META_PLAIN) is never "int".
 */
export function stringEncoding(value: Bin, repr: number): StringEncoding {
  if (repr & META_RAW) return 'raw';
  if (!(repr & META_PLAIN) && value.length <= 20 && parseInt64(value) !== null) return 'int';
  return value.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
}
