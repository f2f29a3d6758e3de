// Redis's glob matcher (util.c stringmatchlen), reproduced quirk for quirk because KEYS, SCAN
// MATCH, CONFIG GET, PSUBSCRIBE and ACL patterns must select exactly what Redis selects:
//   *        any run of bytes, including none
//   ?        exactly one byte
//   [abc]    one of the listed bytes; [^abc] none of them ('!' is NOT a negation in Redis)
//   [a-z]    a range; reversed ranges ([z-a]) work; bounds compare as *signed* chars, as the C
//            code does, so a range crossing 0x7f/0x80 behaves like Redis's, not like latin1
//   \x       the byte x literally (inside brackets too); a trailing '\' matches itself
// An unclosed '[' runs to the end of the pattern. The matcher reads one byte past the pattern,
// the C string's NUL terminator, and that byte takes part in some decisions, so it is emulated.
// Patterns nesting more than 1000 '*' levels never match (Redis's guard against abusive
// patterns), and a '*' that failed for every suffix stops the outer stars from retrying.
import type { Bin } from '../bytes.ts';

/** Deeper '*' recursion than this makes the match fail, as in Redis 7.0.9+. */
export const GLOB_NESTING_LIMIT = 1000;

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const BACKSLASH = 0x5c;
const DASH = 0x2d;

/** Whether `subject` matches the glob `pattern` (both binary strings). */
export function globMatch(pattern: Bin, subject: Bin, nocase = false): boolean {
  return matchFrom(pattern, 0, subject, 0, nocase, { skipLongerMatches: false }, 0);
}

/** The byte at i, or the NUL terminator the C code reads just past the end. */
function byteAt(s: Bin, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

/** A byte as C's (signed) char on x86. */
function signed(b: number): number {
  return b >= 0x80 ? b - 0x100 : b;
}

/** C tolower in the "C" locale: only ASCII letters change. Works on signed values too. */
function lower(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

function sameByte(a: number, b: number, nocase: boolean): boolean {
  return nocase ? lower(a) === lower(b) : a === b;
}

interface MatchState {
  /** Set once a '*' found no match at any later position: longer matches cannot help either. */
  skipLongerMatches: boolean;
}

function matchFrom(pat: Bin, p: number, str: Bin, s: number, nocase: boolean, state: MatchState, nesting: number): boolean {
  if (nesting > GLOB_NESTING_LIMIT) return false;
  const pEnd = pat.length;
  const sEnd = str.length;
  while (p < pEnd && s < sEnd) {
    const c = str.charCodeAt(s);
    switch (pat.charCodeAt(p)) {
      case STAR: {
        while (byteAt(pat, p + 1) === STAR) p++;
        if (pEnd - p === 1) return true;
        while (s < sEnd) {
          if (matchFrom(pat, p + 1, str, s, nocase, state, nesting + 1)) return true;
          if (state.skipLongerMatches) return false;
          s++;
        }
        state.skipLongerMatches = true;
        return false;
      }
      case QUESTION:
        s++;
        break;
      case OPEN: {
        p++;
        const negate = byteAt(pat, p) === CARET;
        if (negate) p++;
        let match = false;
        for (;;) {
          const b = byteAt(pat, p);
          if (b === BACKSLASH && pEnd - p >= 2) {
            p++;
            if (pat.charCodeAt(p) === c) match = true;
          } else if (b === CLOSE) {
            break;
          } else if (p >= pEnd) {
            // Unclosed: step back so the advance after the switch lands on the end.
            p--;
            break;
          } else if (pEnd - p >= 3 && pat.charCodeAt(p + 1) === DASH) {
            let start = signed(b);
            let end = signed(pat.charCodeAt(p + 2));
            let x = signed(c);
            if (start > end) [start, end] = [end, start];
            if (nocase) {
              start = lower(start);
              end = lower(end);
              x = lower(x);
            }
            p += 2;
            if (x >= start && x <= end) match = true;
          } else if (sameByte(b, c, nocase)) {
            match = true;
          }
          p++;
        }
        if (negate) match = !match;
        if (!match) return false;
        s++;
        break;
      }
      default:
        // '\' makes the next byte a literal; a trailing '\' is a literal itself.
        if (pat.charCodeAt(p) === BACKSLASH && pEnd - p >= 2) p++;
        if (!sameByte(pat.charCodeAt(p), c, nocase)) return false;
        s++;
        break;
    }
    p++;
    if (s === sEnd) {
      while (byteAt(pat, p) === STAR) p++;
      break;
    }
  }
  return p === pEnd && s === sEnd;
}
