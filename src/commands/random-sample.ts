// HRANDFIELD and ZRANDMEMBER with a count: the same argument rules and the same sampling (Redis's
// hrandfieldWithCountCommand and zrandmemberWithCountCommand are twins too), over positions
// 0..size-1 of a collection that can answer by position.
import type { Bin } from '../bytes.ts';
import { E, type ErrorReply } from '../reply.ts';
import { INT64_MAX, INT64_MIN, parseInt64 } from '../util/number.ts';
import { is } from './args.ts';

/** With values, Redis doubles the count: it must stay within a long. */
const LONG_MAX_HALF = INT64_MAX / 2n;

export interface RandomCount {
  /** Positive: distinct elements; negative: -count draws that may repeat. */
  count: bigint;
  withValues: boolean;
}

/** `key count [WITH...]` checked in Redis's order; `keyword` is WITHVALUES or WITHSCORES. */
export function parseRandomCount(argv: Bin[], keyword: string): RandomCount | ErrorReply {
  const l = parseInt64(argv[2]);
  if (l === null) return E.notInteger;
  if (l === INT64_MIN) return E.countOutOfRange;
  if (argv.length > 4 || (argv.length === 4 && !is(argv[3], keyword))) return E.syntax;
  const withValues = argv.length === 4;
  if (withValues && (l < -LONG_MAX_HALF || l > LONG_MAX_HALF)) return E.valueOutOfRange;
  return { count: l, withValues };
}

/**
 * The positions to answer, in answer order: independent draws for a negative count (or one
 * element); everything in order when the count covers the collection; else a distinct sample,
 * by a partial shuffle when it is a large share (more than a third), else by drawing until
 * enough distinct ones. `sortSample` orders a distinct sample by position (a hash listpack
 * answers in its own order).
 */
export function samplePositions(size: number, l: bigint, random: (n: number) => number, sortSample = false): number[] {
  const unique = l >= 0n;
  const count = Number(unique ? l : -l);
  const out: number[] = [];
  if (count === 0) return out;
  if (!unique || count === 1) {
    for (let k = 0; k < count; k++) out.push(random(size));
    return out;
  }
  if (count >= size) {
    for (let i = 0; i < size; i++) out.push(i);
    return out;
  }
  if (count * 3 > size) {
    const positions = Array.from({ length: size }, (_, i) => i);
    for (let k = 0; k < count; k++) {
      const j = k + random(size - k);
      const t = positions[k];
      positions[k] = positions[j];
      positions[j] = t;
      out.push(positions[k]);
    }
  } else {
    const picked = new Set<number>();
    while (picked.size < count) picked.add(random(size));
    out.push(...picked);
  }
  if (sortSample) out.sort((a, b) => a - b);
  return out;
}
