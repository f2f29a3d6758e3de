// Argument helpers shared by the families: case-insensitive keywords and Redis's number rules,
// each returning the exact error reply Redis gives.
import type { Bin } from '../bytes.ts';
import { E, ErrorReply, err } from '../reply.ts';
import { parseLong } from '../util/number.ts';

/**
 * Case-insensitive keyword match (`arg` a binary string, `word` upper-case ASCII), as Redis's
 * strcasecmp sees it: ASCII case folding only, and the argument ends at its first NUL byte
 * ("nx\0junk" is NX).
 */
export function is(arg: Bin, word: string): boolean {
  const n = word.length;
  if (arg.length !== n && (arg.length < n || arg.charCodeAt(n) !== 0)) return false;
  for (let i = 0; i < n; i++) {
    let c = arg.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** An integer argument (string2ll rules), or ERR value is not an integer or out of range. */
export function intArg(arg: Bin): number | ErrorReply {
  const v = parseLong(arg);
  return v === null ? E.notInteger : v;
}

/**
 * A database index argument for SELECT/MOVE/SWAPDB/COPY DB (Redis's getIntFromObjectOrReply:
 * a custom message replaces both of its errors, else an int64 outside int32 gets its own).
 */
export function dbIndexArg(arg: Bin, databases: number, invalidText?: string): number | ErrorReply {
  const v = parseLong(arg);
  if (v === null) return invalidText ? err(invalidText) : E.notInteger;
  if (v < -2147483648 || v > 2147483647) {
    return err(invalidText ?? 'ERR value is out of range, value must between -2147483648 and 2147483647');
  }
  if (v < 0 || v >= databases) return E.dbIndex;
  return v;
}
