// What SORT reads from the values of other families: the elements of a list, set or sorted set
// in their native order, and a hash field for GET/BY 'key->field' patterns.
import type { Bin } from '../bytes.ts';
import { RedisHash } from '../types/hash.ts';
import { ListValue } from '../types/list.ts';
import { RedisSet } from '../types/set.ts';
import { RedisZset } from '../types/zset.ts';
import type { RedisObject } from '../types/value.ts';

/** The elements to sort, in the value's own order (a set's iteration order). */
export function sortableElements(v: RedisObject): Bin[] {
  if (v instanceof ListValue) return v.range(0, v.length - 1);
  if (v instanceof RedisSet) return v.members();
  if (v instanceof RedisZset) {
    const out: Bin[] = [];
    if (v.size > 0) v.range(0, v.size - 1, false, (member) => out.push(member));
    return out;
  }
  throw new Error(`SORT of a ${v.type}`);
}

/** A hash field's value, null when the value is not a hash or has no such field. */
export function hashFieldOf(v: RedisObject, field: Bin): Bin | null {
  return v instanceof RedisHash ? (v.get(field) ?? null) : null;
}
