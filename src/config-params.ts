// The table of Redis 7.0 configuration parameters (config.c's standardConfig table): name,
// aliases, type, default, limits, flags, and whether the feature behind it is in effect yet in
// Cinnabar. Every parameter `CONFIG GET *` shows on a real 7.0.15 server is here, with the same
// default text, the same validation and the same error texts; a parameter whose feature is not
// built is stored and reported only (docs/config-not-in-effect.md lists them, generated from
// this table by test/unit/config.test.ts).
import { parseDouble } from './util/float.ts';

export type ParamType = 'bool' | 'string' | 'enum' | 'numeric' | 'special';

export interface ParamDef {
  name: string;
  aliases?: string[];
  type: ParamType;
  /** Canonical text of the default, as CONFIG GET shows it. */
  default: string;
  /** Settable only at startup (command line, config file). */
  immutable?: boolean;
  /** CONFIG SET needs enable-protected-configs (yes, or local for a local client). */
  protected?: boolean;
  /** Not matched by CONFIG GET patterns, only by its exact name. */
  hidden?: boolean;
  /** Holds a secret (passwords). */
  sensitive?: boolean;
  /**
   * Takes several words (save, bind...): a config file line may give any number of arguments,
   * which are joined with spaces; every other parameter takes exactly one.
   */
  multiArg?: boolean;
  /** False while the feature behind the parameter is not built: stored and reported only. */
  inEffect: boolean;
  /** What the parameter does, for docs/config-not-in-effect.md. */
  about: string;
  /**
   * Validates and canonicalizes a value: the text CONFIG GET will show, or an error. `current`
   * is the value now (client-output-buffer-limit changes only the classes it names).
   */
  parse(raw: string, current: string): string | { error: string };
  /** CONFIG SET's second step, once every value parsed: an error undoes the whole command. */
  apply?(value: string): string | null;
}

type Common = Pick<ParamDef, 'name' | 'aliases' | 'immutable' | 'protected' | 'hidden' | 'sensitive' | 'multiArg' | 'inEffect' | 'about' | 'apply'>;

/** Turning TLS on fails as it does on a Redis without certificates: Cinnabar has no TLS. */
const refuseTls = (off: string) => (value: string) => (value === off ? null : 'Unable to update TLS configuration. Check server logs.');

function fail(error: string): { error: string } {
  return { error };
}

// ---- C number parsing as config.c uses it ----

const LLONG_MIN = -(2n ** 63n);
const LLONG_MAX = 2n ** 63n - 1n;
const ULLONG_MAX = 2n ** 64n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const UINT_MAX = 2n ** 32n - 1n;
const LONG_MAX = LLONG_MAX;
const SSIZE_MAX = LLONG_MAX;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** C strtoll/strtoull in base 10 or 8: the value (saturated on overflow) and where parsing stopped. */
function strtoll(s: string, base: 8 | 10 = 10, unsigned = false): { value: bigint; end: number } {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  const start = i;
  let v = 0n;
  const b = BigInt(base);
  while (i < s.length) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d >= base) break;
    v = v * b + BigInt(d);
    i++;
  }
  if (i === start) return { value: 0n, end: 0 };
  if (unsigned) {
    if (v > ULLONG_MAX) return { value: ULLONG_MAX, end: i };
    return { value: neg ? BigInt.asUintN(64, -v) : v, end: i };
  }
  if (neg) v = -v;
  if (v > LLONG_MAX) v = LLONG_MAX;
  if (v < LLONG_MIN) v = LLONG_MIN;
  return { value: v, end: i };
}

/** util.c string2ll: optional '-', digits without leading zeros, within int64. */
function string2ll(s: string): bigint | null {
  if (s.length === 0 || s.length > 20) return null;
  if (s === '0') return 0n;
  let i = s[0] === '-' ? 1 : 0;
  if (i >= s.length || s.charCodeAt(i) < 0x31 || s.charCodeAt(i) > 0x39) return null;
  for (; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return null;
  const v = BigInt(s);
  return v < LLONG_MIN || v > LLONG_MAX ? null : v;
}

const MEMORY_UNITS: Record<string, bigint> = {
  '': 1n,
  b: 1n,
  k: 1000n,
  kb: 1024n,
  m: 1000n * 1000n,
  mb: 1024n * 1024n,
  g: 1000n * 1000n * 1000n,
  gb: 1024n * 1024n * 1024n,
};

/**
 * util.c memtoull: digits then an optional unit (b k kb m mb g gb, any case). As in C, the
 * digits saturate at 2^64-1 and the multiplication wraps modulo 2^64; "" and "kb" are 0.
 */
export function memtoull(s: string): bigint | null {
  if (s[0] === '-') return null;
  let u = 0;
  while (u < s.length && isDigit(s.charCodeAt(u))) u++;
  const mul = MEMORY_UNITS[s.slice(u).toLowerCase()];
  if (mul === undefined || u >= 128) return null;
  let v = u === 0 ? 0n : BigInt(s.slice(0, u));
  if (v > ULLONG_MAX) v = ULLONG_MAX;
  return BigInt.asUintN(64, v * mul);
}

/** A memory value as config files write it (512mb, 1gb...): Redis's memtoll for plain numbers. */
export function parseMemory(raw: string): number | null {
  const v = memtoull(raw);
  return v === null ? null : Number(v);
}

// ---- the generic types ----

function boolParam(p: Common & { default: boolean; validate?: (v: boolean) => string | null }): ParamDef {
  return {
    ...p,
    type: 'bool',
    default: p.default ? 'yes' : 'no',
    parse(raw) {
      const v = raw.toLowerCase();
      if (v !== 'yes' && v !== 'no') return fail("argument must be 'yes' or 'no'");
      const e = p.validate?.(v === 'yes');
      return e ? fail(e) : v;
    },
  };
}

function stringParam(p: Common & { default?: string; validate?: (raw: string) => string | null }): ParamDef {
  return {
    ...p,
    type: 'string',
    default: p.default ?? '',
    parse(raw) {
      const e = p.validate?.(raw);
      return e ? fail(e) : raw;
    },
  };
}

/** An enum; several names may share a value, and CONFIG GET shows the first name of a value. */
function enumParam(p: Common & { default: string; values: (string | [string, string])[] }): ParamDef {
  const entries = p.values.map((v) => (typeof v === 'string' ? [v, v] : v));
  const canonical = (value: string) => entries.find(([, val]) => val === value)![0];
  return {
    ...p,
    type: 'enum',
    parse(raw) {
      const v = raw.toLowerCase();
      const hit = entries.find(([name]) => name === v);
      if (hit) return canonical(hit[1]);
      return fail(`argument(s) must be one of the following: ${entries.map(([name]) => name).join(', ')}`);
    },
  };
}

const SHUTDOWN_FLAGS = ['default', 'save', 'nosave', 'now', 'force'] as const;

/** shutdown-on-sigint/sigterm: a set of SHUTDOWN flags, shown in Redis's order; none is "default". */
function shutdownFlagsParam(p: Common): ParamDef {
  const bad = `argument(s) must be one of the following: ${SHUTDOWN_FLAGS.join(', ')}`;
  return {
    ...p,
    multiArg: true,
    type: 'enum',
    default: 'default',
    parse(raw) {
      const args = splitArgs(raw);
      if (args.length === 0) return fail(bad);
      const set = new Set<string>();
      for (const a of args) {
        const v = a.toLowerCase();
        if (!(SHUTDOWN_FLAGS as readonly string[]).includes(v)) return fail(bad);
        if (v !== 'default') set.add(v);
      }
      if (set.has('save') && set.has('nosave')) return fail("shutdown options SAVE and NOSAVE can't be used simultaneously");
      return set.size === 0 ? 'default' : SHUTDOWN_FLAGS.filter((f) => set.has(f)).join(' ');
    },
  };
}

type CType = 'int' | 'uint' | 'long' | 'ulong' | 'longlong' | 'ulonglong' | 'size_t' | 'ssize_t' | 'off_t' | 'time_t';

interface NumericOptions {
  ctype: CType;
  min: bigint;
  max: bigint;
  default: bigint;
  memory?: boolean;
  percent?: boolean;
  octal?: boolean;
  /** Applied after a successful set (hz is clamped to 1..500 this way). */
  adjust?: (v: bigint) => bigint;
}

/** config.c numeric configs: parse (memory, percent, octal or plain), range check, format. */
function numericParam(p: Common & NumericOptions): ParamDef {
  // The C code range-checks unsigned long long, unsigned int and size_t as unsigned.
  const unsignedCheck = p.ctype === 'ulonglong' || p.ctype === 'uint' || p.ctype === 'size_t';
  const format = (v: bigint): string => {
    if (p.percent && v < 0n) return `${-v}%`;
    if (p.memory) return String(BigInt.asUintN(64, v));
    if (p.octal) return v.toString(8);
    return String(v);
  };
  const parseValue = (raw: string): bigint | null => {
    if (p.memory) {
      const m = memtoull(raw);
      if (m !== null) return BigInt.asIntN(64, m);
    }
    if (p.percent && raw.length > 1 && raw.endsWith('%')) {
      const v = string2ll(raw.slice(0, -1));
      if (v !== null && v >= 0n) return -v;
    }
    if (p.octal) {
      const { value, end } = strtoll(raw, 8);
      if (end === raw.length && raw.length > 0 && value > LLONG_MIN && value < LLONG_MAX) return value;
    }
    if (!p.memory && !p.percent && !p.octal) return string2ll(raw);
    return null;
  };
  return {
    ...p,
    type: 'numeric',
    default: format(p.default),
    parse(raw) {
      let v = parseValue(raw);
      if (v === null) {
        if (p.memory && p.percent) return fail('argument must be a memory or percent value');
        if (p.memory) return fail('argument must be a memory value');
        if (p.octal) return fail("argument couldn't be parsed as an octal number");
        return fail("argument couldn't be parsed into an integer");
      }
      if (unsignedCheck) {
        const u = BigInt.asUintN(64, v);
        const lo = BigInt.asUintN(64, p.min);
        if (u > p.max || u < lo) {
          const show = (x: bigint) => (p.octal ? x.toString(8) : String(x));
          return fail(`argument must be between ${show(lo)} and ${show(p.max)} inclusive`);
        }
      } else if (p.percent && v < 0n) {
        if (v < p.min) return fail(`percentage argument must be less or equal to ${-p.min}`);
      } else if (v > p.max || v < p.min) {
        return fail(`argument must be between ${p.min} and ${p.max} inclusive`);
      }
      if (p.adjust) v = p.adjust(v);
      return format(v);
    },
  };
}

const int = (min: bigint, max: bigint, def: number | bigint) => ({ ctype: 'int' as const, min, max, default: BigInt(def) });

// ---- the special configs ----

/** `save`: pairs of seconds (>= 1) and changes (>= 0), as "3600 1 300 100 60 10000". */
function parseSave(raw: string): string | { error: string } {
  const args = splitArgs(raw);
  if (args.length === 1 && args[0] === '') args.length = 0;
  if (args.length % 2 === 1) return fail('Invalid save parameters');
  const out: string[] = [];
  for (let j = 0; j < args.length; j++) {
    const { value, end } = strtoll(args[j]);
    if (end !== args[j].length) return fail('Invalid save parameters');
    if ((j & 1) === 0 ? value < 1n : value < 0n) return fail('Invalid save parameters');
    // seconds is a time_t, changes an int (C's truncation included).
    out.push(String((j & 1) === 0 ? value : BigInt.asIntN(32, value)));
  }
  return out.join(' ');
}

/** sdssplitlen(value, " "): MULTI_ARG configs are split on every single space; "" is no args. */
function splitArgs(raw: string): string[] {
  return raw.length === 0 ? [] : raw.split(' ');
}

const CLIENT_CLASSES = ['normal', 'slave', 'pubsub'] as const;

/** `client-output-buffer-limit`: <class> <hard> <soft> <soft seconds>, repeated; all or nothing. */
function parseClientOutputBufferLimit(raw: string, current: string): string | { error: string } {
  const args = splitArgs(raw);
  if (args.length % 4 !== 0) return fail('Wrong number of arguments in buffer limit configuration.');
  const w = current.split(' ');
  const limits = [0, 1, 2].map((i) => [w[i * 4 + 1], w[i * 4 + 2], w[i * 4 + 3]]);
  for (let j = 0; j < args.length; j += 4) {
    const cls = args[j].toLowerCase();
    const index = cls === 'normal' ? 0 : cls === 'slave' || cls === 'replica' ? 1 : cls === 'pubsub' ? 2 : -1;
    if (index < 0) return fail('Invalid client class specified in buffer limit configuration.');
    const hard = memtoull(args[j + 1]);
    const soft = memtoull(args[j + 2]);
    const secs = strtoll(args[j + 3]);
    // The seconds go through a C int before the sign check.
    const seconds = BigInt.asIntN(32, secs.value);
    if (hard === null || soft === null || seconds < 0n || secs.end !== args[j + 3].length) {
      return fail('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    }
    limits[index] = [String(hard), String(soft), String(seconds)];
  }
  return limits.map((l, i) => `${CLIENT_CLASSES[i]} ${l.join(' ')}`).join(' ');
}

function parseOomScoreAdjValues(raw: string): string | { error: string } {
  const args = splitArgs(raw);
  if (args.length !== 3) return fail('wrong number of arguments');
  const values: bigint[] = [];
  for (const a of args) {
    const { value, end } = strtoll(a);
    if (end !== a.length || value < -2000n || value > 2000n) {
      return fail('Invalid oom-score-adj-values, elements must be between -2000 and 2000.');
    }
    values.push(value);
  }
  return values.join(' ');
}

// Keyspace notification classes (notify.c), as bit flags.
const NOTIFY = {
  K: 1 << 0,
  E: 1 << 1,
  g: 1 << 2,
  $: 1 << 3,
  l: 1 << 4,
  s: 1 << 5,
  h: 1 << 6,
  z: 1 << 7,
  x: 1 << 8,
  e: 1 << 9,
  t: 1 << 10,
  m: 1 << 11,
  d: 1 << 12,
  n: 1 << 13,
} as const;
type NotifyClass = keyof typeof NOTIFY;
const NOTIFY_ALL = NOTIFY.g | NOTIFY.$ | NOTIFY.l | NOTIFY.s | NOTIFY.h | NOTIFY.z | NOTIFY.x | NOTIFY.e | NOTIFY.t | NOTIFY.d;

/** notify-keyspace-events text to flags (keyspaceEventsStringToFlags), or -1 for a bad letter. */
export function keyspaceEventFlags(classes: string): number {
  let flags = 0;
  for (const c of classes) {
    if (c === 'A') flags |= NOTIFY_ALL;
    else if (c in NOTIFY) flags |= NOTIFY[c as NotifyClass];
    else return -1;
  }
  return flags;
}

/**
 * Flags back to Redis 7.0's letters: A when every class is on (which then hides n, as in
 * Redis), else each class letter; then K E m.
 */
export function keyspaceEventsText(flags: number): string {
  let s = '';
  if ((flags & NOTIFY_ALL) === NOTIFY_ALL) s = 'A';
  else for (const c of ['g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'd', 'n'] as const) if (flags & NOTIFY[c]) s += c;
  for (const c of ['K', 'E', 'm'] as const) if (flags & NOTIFY[c]) s += c;
  return s;
}

/** `latency-tracking-info-percentiles`: doubles in [0, 100], shown as %f with zeros trimmed. */
function parsePercentiles(raw: string): string | { error: string } {
  const args = splitArgs(raw);
  if (args.length === 1 && args[0] === '') args.length = 0;
  const out: string[] = [];
  for (const a of args) {
    const v = parseDouble(a);
    if (v === null) return fail('Invalid latency-tracking-info-percentiles parameters');
    if (v > 100 || v < 0) return fail('latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
    out.push(trimDouble(printfFixed6(v)));
  }
  return out.join(' ');
}

/** printf("%f") of a double in [0, 100] (or -0): six decimals, exact ties to even as glibc. */
function printfFixed6(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0.000000' : '0.000000';
  // v = m / 2^k exactly; scale by 10^6 and round the exact quotient half to even.
  let k = 0;
  while (!Number.isInteger(v * 2 ** k)) k++;
  const num = BigInt(v * 2 ** k) * 1000000n;
  const den = 1n << BigInt(k);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q++;
  const digits = q.toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

/** util.c trimDoubleString: "99.900000" -> "99.9", "50.000000" -> "50". */
function trimDouble(s: string): string {
  if (!s.includes('.')) return s;
  s = s.replace(/0+$/, '');
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

const BIND_MAX = 16;

const HOSTNAME_MAX = 256;
function validateHostname(v: string): string | null {
  if (v.length >= HOSTNAME_MAX) return `Hostnames must be less than ${HOSTNAME_MAX} characters`;
  if (!/^[A-Za-z0-9.-]*$/.test(v)) return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  return null;
}

// What each proc-title variable expands to while validating: {title} is given as "", and a
// standalone server without a Unix socket has an empty {server-mode} and {unixsocket}.
const PROC_TITLE_VARIABLES: Record<string, string> = {
  title: '',
  'listen-addr': '*:6379',
  'server-mode': '',
  port: '6379',
  'tls-port': '0',
  unixsocket: '',
  'config-file': '-',
};

/** server.c validateProcTitleTemplate via sds.c sdstemplate: known {variables}, "{{" for '{', not blank. */
function validateProcTitle(v: string): string | null {
  const bad = 'template format is invalid or contains unknown variables';
  let out = '';
  let p = 0;
  while (p < v.length) {
    const open = v.indexOf('{', p);
    if (open < 0) {
      out += v.slice(p);
      break;
    }
    out += v.slice(p, open);
    if (open + 1 >= v.length) return bad;
    if (v[open + 1] === '{') {
      out += '{';
      p = open + 2;
      continue;
    }
    const close = v.indexOf('}', open + 1);
    if (close < 0) return bad;
    const value = PROC_TITLE_VARIABLES[v.slice(open + 1, close)];
    if (value === undefined) return bad;
    out += value;
    p = close + 1;
  }
  return out.replace(/^ +| +$/g, '') === '' ? bad : null;
}

const isBaseName = (v: string) => !v.includes('/');

// ---- the table ----

const specialDefault = (p: Common & { default: string; parse: ParamDef['parse'] }): ParamDef => ({ ...p, type: 'special' });

/** The text a default CONFIG GET shows for client-output-buffer-limit. */
const OBUF_DEFAULT = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

const no = false;

export const PARAMS: ParamDef[] = [
  // Bool configs
  boolParam({ name: 'rdbchecksum', default: true, immutable: true, inEffect: no, about: 'RDB checksums' }),
  boolParam({ name: 'daemonize', default: false, immutable: true, inEffect: no, about: 'run as a daemon' }),
  boolParam({ name: 'io-threads-do-reads', default: false, immutable: true, inEffect: no, about: 'threaded reads' }),
  boolParam({ name: 'always-show-logo', default: false, immutable: true, inEffect: no, about: 'startup logo' }),
  boolParam({ name: 'protected-mode', default: true, inEffect: true, about: 'refuse non-loopback clients when no password is set' }),
  boolParam({ name: 'rdbcompression', default: true, inEffect: no, about: 'LZF compression in RDB files' }),
  boolParam({ name: 'rdb-del-sync-files', default: false, inEffect: no, about: 'delete RDB files used by replication' }),
  boolParam({ name: 'activerehashing', default: true, inEffect: no, about: 'incremental rehashing in cron' }),
  boolParam({ name: 'stop-writes-on-bgsave-error', default: true, inEffect: no, about: 'refuse writes after a failed BGSAVE' }),
  boolParam({ name: 'set-proc-title', default: true, immutable: true, inEffect: no, about: 'process title' }),
  boolParam({ name: 'dynamic-hz', default: true, inEffect: no, about: 'raise hz with the number of clients' }),
  boolParam({ name: 'lazyfree-lazy-eviction', default: false, inEffect: no, about: 'free evicted values in the background' }),
  boolParam({ name: 'lazyfree-lazy-expire', default: false, inEffect: no, about: 'free expired values in the background' }),
  boolParam({ name: 'lazyfree-lazy-server-del', default: false, inEffect: no, about: 'free implicitly deleted values in the background' }),
  boolParam({ name: 'lazyfree-lazy-user-del', default: false, inEffect: no, about: 'DEL behaves like UNLINK' }),
  boolParam({ name: 'lazyfree-lazy-user-flush', default: false, inEffect: no, about: 'FLUSHDB/FLUSHALL default to ASYNC' }),
  boolParam({ name: 'repl-disable-tcp-nodelay', default: false, inEffect: no, about: 'replication socket TCP_NODELAY' }),
  boolParam({ name: 'repl-diskless-sync', default: true, inEffect: no, about: 'diskless full resync' }),
  boolParam({ name: 'aof-rewrite-incremental-fsync', default: true, inEffect: no, about: 'AOF rewrite fsync every 4 MB' }),
  boolParam({ name: 'no-appendfsync-on-rewrite', default: false, inEffect: no, about: 'skip AOF fsync during rewrites' }),
  boolParam({ name: 'cluster-require-full-coverage', default: true, inEffect: no, about: 'cluster refuses queries when slots are uncovered' }),
  boolParam({ name: 'rdb-save-incremental-fsync', default: true, inEffect: no, about: 'RDB save fsync every 4 MB' }),
  boolParam({ name: 'aof-load-truncated', default: true, inEffect: no, about: 'load a truncated AOF' }),
  boolParam({ name: 'aof-use-rdb-preamble', default: true, inEffect: no, about: 'RDB preamble in AOF rewrites' }),
  boolParam({ name: 'aof-timestamp-enabled', default: false, inEffect: no, about: 'timestamps in the AOF' }),
  boolParam({ name: 'cluster-replica-no-failover', aliases: ['cluster-slave-no-failover'], default: false, inEffect: no, about: 'cluster replica never fails over' }),
  boolParam({ name: 'replica-lazy-flush', aliases: ['slave-lazy-flush'], default: false, inEffect: no, about: 'replica flushes asynchronously on full sync' }),
  boolParam({ name: 'replica-serve-stale-data', aliases: ['slave-serve-stale-data'], default: true, inEffect: no, about: 'replica answers while disconnected from its master' }),
  boolParam({ name: 'replica-read-only', aliases: ['slave-read-only'], default: true, inEffect: no, about: 'replica refuses writes' }),
  boolParam({ name: 'replica-ignore-maxmemory', aliases: ['slave-ignore-maxmemory'], default: true, inEffect: no, about: 'replica does not evict' }),
  boolParam({ name: 'jemalloc-bg-thread', default: true, inEffect: no, about: 'jemalloc background purging' }),
  boolParam({
    name: 'activedefrag',
    default: false,
    inEffect: no,
    about: 'active defragmentation',
    // Debian's redis-server is built without it too, so this is the answer users see there.
    validate: (on) =>
      on
        ? 'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution'
        : null,
  }),
  boolParam({ name: 'syslog-enabled', default: false, immutable: true, inEffect: no, about: 'log to syslog' }),
  boolParam({ name: 'cluster-enabled', default: false, immutable: true, inEffect: no, about: 'cluster mode' }),
  boolParam({ name: 'appendonly', default: false, inEffect: no, about: 'append-only file persistence' }),
  boolParam({ name: 'cluster-allow-reads-when-down', default: false, inEffect: no, about: 'cluster reads while the cluster is down' }),
  boolParam({ name: 'cluster-allow-pubsubshard-when-down', default: true, inEffect: no, about: 'sharded pub/sub while the cluster is down' }),
  boolParam({ name: 'crash-log-enabled', default: true, inEffect: no, about: 'crash log on fatal signals' }),
  boolParam({ name: 'crash-memcheck-enabled', default: true, inEffect: no, about: 'memory test on crash' }),
  boolParam({ name: 'use-exit-on-panic', default: false, hidden: true, inEffect: no, about: 'exit() instead of abort() on panic (tests)' }),
  boolParam({ name: 'disable-thp', default: true, immutable: true, inEffect: no, about: 'disable transparent huge pages' }),
  boolParam({ name: 'cluster-allow-replica-migration', default: true, inEffect: no, about: 'cluster replica migration' }),
  boolParam({ name: 'replica-announced', default: true, inEffect: no, about: 'replica listed by Sentinel' }),
  boolParam({ name: 'latency-tracking', default: true, inEffect: no, about: 'per-command latency histograms (INFO latencystats)' }),
  boolParam({ name: 'aof-disable-auto-gc', default: false, inEffect: no, about: 'keep AOF history files' }),
  boolParam({ name: 'replica-ignore-disk-write-errors', default: false, inEffect: no, about: 'replica keeps going after a disk write error' }),

  // String configs
  stringParam({ name: 'aclfile', immutable: true, inEffect: no, about: 'ACL users file' }),
  stringParam({ name: 'unixsocket', immutable: true, inEffect: no, about: 'Unix socket path' }),
  stringParam({ name: 'pidfile', immutable: true, inEffect: no, about: 'PID file' }),
  stringParam({ name: 'replica-announce-ip', aliases: ['slave-announce-ip'], inEffect: no, about: 'IP a replica announces' }),
  stringParam({ name: 'masteruser', sensitive: true, inEffect: no, about: 'user for authenticating to the master' }),
  stringParam({ name: 'cluster-announce-ip', inEffect: no, about: 'cluster announced IP' }),
  stringParam({ name: 'cluster-config-file', default: 'nodes.conf', immutable: true, inEffect: no, about: 'cluster state file' }),
  stringParam({ name: 'cluster-announce-hostname', inEffect: no, about: 'cluster announced hostname', validate: validateHostname }),
  stringParam({ name: 'syslog-ident', default: 'redis', immutable: true, inEffect: no, about: 'syslog identity' }),
  stringParam({
    name: 'dbfilename',
    default: 'dump.rdb',
    protected: true,
    inEffect: no,
    about: 'RDB file name',
    validate: (v) => (isBaseName(v) ? null : "dbfilename can't be a path, just a filename"),
  }),
  stringParam({
    name: 'appendfilename',
    default: 'appendonly.aof',
    immutable: true,
    inEffect: no,
    about: 'AOF base name',
    validate: (v) => (v === '' ? "appendfilename can't be empty" : isBaseName(v) ? null : "appendfilename can't be a path, just a filename"),
  }),
  stringParam({
    name: 'appenddirname',
    default: 'appendonlydir',
    immutable: true,
    inEffect: no,
    about: 'AOF directory',
    validate: (v) => (v === '' ? "appenddirname can't be empty" : isBaseName(v) ? null : "appenddirname can't be a path, just a dirname"),
  }),
  stringParam({ name: 'server_cpulist', immutable: true, inEffect: no, about: 'CPU affinity of the main thread' }),
  stringParam({ name: 'bio_cpulist', immutable: true, inEffect: no, about: 'CPU affinity of background threads' }),
  stringParam({ name: 'aof_rewrite_cpulist', immutable: true, inEffect: no, about: 'CPU affinity of the AOF rewrite child' }),
  stringParam({ name: 'bgsave_cpulist', immutable: true, inEffect: no, about: 'CPU affinity of the BGSAVE child' }),
  stringParam({ name: 'ignore-warnings', inEffect: no, about: 'startup warnings to ignore' }),
  stringParam({
    name: 'proc-title-template',
    default: '{title} {listen-addr} {server-mode}',
    inEffect: no,
    about: 'process title template',
    validate: validateProcTitle,
  }),
  stringParam({ name: 'bind-source-addr', inEffect: no, about: 'source address of outgoing connections' }),
  stringParam({ name: 'logfile', immutable: true, inEffect: true, about: 'log file ("" = standard output)' }),

  // SDS configs
  stringParam({ name: 'masterauth', sensitive: true, inEffect: no, about: 'password for authenticating to the master' }),
  stringParam({ name: 'requirepass', sensitive: true, inEffect: true, about: "the default user's password" }),

  // Enum configs
  enumParam({ name: 'supervised', default: 'no', values: ['upstart', 'systemd', 'auto', 'no'], immutable: true, inEffect: no, about: 'upstart/systemd supervision' }),
  enumParam({
    name: 'syslog-facility',
    default: 'local0',
    values: ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'],
    immutable: true,
    inEffect: no,
    about: 'syslog facility',
  }),
  enumParam({ name: 'repl-diskless-load', default: 'disabled', values: ['disabled', 'on-empty-db', 'swapdb'], inEffect: no, about: 'replica loads the RDB from the socket' }),
  enumParam({ name: 'loglevel', default: 'notice', values: ['debug', 'verbose', 'notice', 'warning'], inEffect: true, about: 'log verbosity' }),
  enumParam({
    name: 'maxmemory-policy',
    default: 'noeviction',
    values: ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'],
    inEffect: no,
    about: 'eviction policy',
  }),
  enumParam({ name: 'appendfsync', default: 'everysec', values: ['everysec', 'always', 'no'], inEffect: no, about: 'AOF fsync policy' }),
  enumParam({
    name: 'oom-score-adj',
    default: 'no',
    values: ['no', 'yes', ['relative', 'yes'], 'absolute'],
    inEffect: no,
    about: 'Linux OOM score adjustment',
  }),
  enumParam({ name: 'acl-pubsub-default', default: 'resetchannels', values: ['allchannels', 'resetchannels'], inEffect: no, about: 'default channel permissions of new ACL users' }),
  enumParam({ name: 'sanitize-dump-payload', default: 'no', values: ['no', 'yes', 'clients'], inEffect: no, about: 'deep checks of RESTORE payloads' }),
  enumParam({ name: 'enable-protected-configs', default: 'no', values: ['no', 'yes', 'local'], immutable: true, inEffect: true, about: 'allow CONFIG SET of protected configs (dir, dbfilename)' }),
  enumParam({ name: 'enable-debug-command', default: 'no', values: ['no', 'yes', 'local'], immutable: true, inEffect: true, about: 'allow DEBUG' }),
  enumParam({ name: 'enable-module-command', default: 'no', values: ['no', 'yes', 'local'], immutable: true, inEffect: no, about: 'allow MODULE' }),
  enumParam({
    name: 'propagation-error-behavior',
    default: 'ignore',
    values: ['ignore', 'panic', 'panic-on-replicas'],
    inEffect: no,
    about: 'reaction to errors in replicated commands',
  }),
  shutdownFlagsParam({ name: 'shutdown-on-sigint', inEffect: no, about: 'SHUTDOWN flags used on SIGINT' }),
  shutdownFlagsParam({ name: 'shutdown-on-sigterm', inEffect: no, about: 'SHUTDOWN flags used on SIGTERM' }),
  enumParam({ name: 'cluster-preferred-endpoint-type', default: 'ip', values: ['ip', 'hostname', 'unknown-endpoint'], inEffect: no, about: 'cluster endpoint type in redirects' }),

  // Integer configs
  numericParam({ name: 'databases', ...int(1n, INT_MAX, 16), immutable: true, inEffect: true, about: 'number of databases' }),
  numericParam({ name: 'port', ...int(0n, 65535n, 6379), inEffect: true, about: 'TCP port (CONFIG SET port is stored; the listener keeps its port)' }),
  numericParam({ name: 'io-threads', ...int(1n, 128n, 1), immutable: true, inEffect: no, about: 'I/O threads' }),
  numericParam({ name: 'auto-aof-rewrite-percentage', ...int(0n, INT_MAX, 100), inEffect: no, about: 'AOF growth that triggers a rewrite' }),
  numericParam({ name: 'cluster-replica-validity-factor', aliases: ['cluster-slave-validity-factor'], ...int(0n, INT_MAX, 10), inEffect: no, about: 'cluster replica data age factor' }),
  numericParam({ name: 'list-max-listpack-size', aliases: ['list-max-ziplist-size'], ...int(INT_MIN, INT_MAX, -2), inEffect: no, about: 'list node size limit' }),
  numericParam({ name: 'tcp-keepalive', ...int(0n, INT_MAX, 300), inEffect: no, about: 'TCP keepalive interval' }),
  numericParam({ name: 'cluster-migration-barrier', ...int(0n, INT_MAX, 1), inEffect: no, about: 'cluster replica migration barrier' }),
  numericParam({ name: 'active-defrag-cycle-min', ...int(1n, 99n, 1), inEffect: no, about: 'defrag minimum CPU effort' }),
  numericParam({ name: 'active-defrag-cycle-max', ...int(1n, 99n, 25), inEffect: no, about: 'defrag maximum CPU effort' }),
  numericParam({ name: 'active-defrag-threshold-lower', ...int(0n, 1000n, 10), inEffect: no, about: 'defrag lower fragmentation threshold' }),
  numericParam({ name: 'active-defrag-threshold-upper', ...int(0n, 1000n, 100), inEffect: no, about: 'defrag upper fragmentation threshold' }),
  numericParam({ name: 'lfu-log-factor', ...int(0n, INT_MAX, 10), inEffect: no, about: 'LFU counter logarithm factor' }),
  numericParam({ name: 'lfu-decay-time', ...int(0n, INT_MAX, 1), inEffect: no, about: 'LFU counter decay time' }),
  numericParam({ name: 'replica-priority', aliases: ['slave-priority'], ...int(0n, INT_MAX, 100), inEffect: no, about: 'replica priority for Sentinel' }),
  numericParam({ name: 'repl-diskless-sync-delay', ...int(0n, INT_MAX, 5), inEffect: no, about: 'diskless sync start delay' }),
  numericParam({ name: 'maxmemory-samples', ...int(1n, INT_MAX, 5), inEffect: no, about: 'eviction sample size' }),
  numericParam({ name: 'maxmemory-eviction-tenacity', ...int(0n, 100n, 10), inEffect: no, about: 'eviction effort' }),
  numericParam({ name: 'timeout', ...int(0n, INT_MAX, 0), inEffect: true, about: 'close clients idle this many seconds (0 = never)' }),
  numericParam({ name: 'replica-announce-port', aliases: ['slave-announce-port'], ...int(0n, 65535n, 0), inEffect: no, about: 'port a replica announces' }),
  numericParam({ name: 'tcp-backlog', ...int(0n, INT_MAX, 511), immutable: true, inEffect: no, about: 'listen() backlog' }),
  numericParam({ name: 'cluster-port', ...int(0n, 65535n, 0), immutable: true, inEffect: no, about: 'cluster bus port' }),
  numericParam({ name: 'cluster-announce-bus-port', ...int(0n, 65535n, 0), inEffect: no, about: 'cluster announced bus port' }),
  numericParam({ name: 'cluster-announce-port', ...int(0n, 65535n, 0), inEffect: no, about: 'cluster announced port' }),
  numericParam({ name: 'cluster-announce-tls-port', ...int(0n, 65535n, 0), inEffect: no, about: 'cluster announced TLS port' }),
  numericParam({ name: 'repl-timeout', ...int(1n, INT_MAX, 60), inEffect: no, about: 'replication timeout' }),
  numericParam({ name: 'repl-ping-replica-period', aliases: ['repl-ping-slave-period'], ...int(1n, INT_MAX, 10), inEffect: no, about: 'replica ping period' }),
  numericParam({ name: 'list-compress-depth', ...int(0n, INT_MAX, 0), inEffect: no, about: 'list node compression depth' }),
  numericParam({ name: 'rdb-key-save-delay', ...int(INT_MIN, INT_MAX, 0), hidden: true, inEffect: no, about: 'delay per key while saving (tests)' }),
  numericParam({ name: 'key-load-delay', ...int(INT_MIN, INT_MAX, 0), hidden: true, inEffect: no, about: 'delay per key while loading (tests)' }),
  numericParam({ name: 'active-expire-effort', ...int(1n, 10n, 1), inEffect: no, about: 'active expiry effort' }),
  numericParam({
    name: 'hz',
    ...int(0n, INT_MAX, 10),
    // A hint: accepted out of range, then clamped to 1..500 (what CONFIG GET shows after).
    adjust: (v) => (v < 1n ? 1n : v > 500n ? 500n : v),
    inEffect: true,
    about: 'background task frequency',
  }),
  numericParam({ name: 'min-replicas-to-write', aliases: ['min-slaves-to-write'], ...int(0n, INT_MAX, 0), inEffect: no, about: 'writes need this many good replicas' }),
  numericParam({ name: 'min-replicas-max-lag', aliases: ['min-slaves-max-lag'], ...int(0n, INT_MAX, 10), inEffect: no, about: 'lag for a replica to count as good' }),
  numericParam({ name: 'watchdog-period', ...int(0n, INT_MAX, 0), adjust: (v) => (v !== 0n && v < 200n ? 200n : v), hidden: true, inEffect: no, about: 'software watchdog (debugging)' }),
  numericParam({ name: 'shutdown-timeout', ...int(0n, INT_MAX, 10), inEffect: no, about: 'SHUTDOWN waits this long for replicas' }),
  numericParam({ name: 'repl-diskless-sync-max-replicas', ...int(0n, INT_MAX, 0), inEffect: no, about: 'start diskless sync when this many replicas wait' }),

  // Unsigned int configs
  numericParam({ name: 'maxclients', ctype: 'uint', min: 1n, max: UINT_MAX, default: 10000n, inEffect: true, about: 'maximum connected clients' }),
  numericParam({ name: 'socket-mark-id', ctype: 'uint', min: 0n, max: UINT_MAX, default: 0n, immutable: true, inEffect: no, about: 'SO_MARK of listening sockets' }),
  numericParam({ name: 'unixsocketperm', ctype: 'uint', min: 0n, max: 0o777n, default: 0n, octal: true, immutable: true, inEffect: no, about: 'Unix socket permissions' }),

  // Unsigned long configs
  numericParam({ name: 'active-defrag-max-scan-fields', ctype: 'ulong', min: 1n, max: LONG_MAX, default: 1000n, inEffect: no, about: 'defrag big keys separately' }),
  numericParam({ name: 'slowlog-max-len', ctype: 'ulong', min: 0n, max: LONG_MAX, default: 128n, inEffect: no, about: 'SLOWLOG length' }),
  numericParam({ name: 'acllog-max-len', ctype: 'ulong', min: 0n, max: LONG_MAX, default: 128n, inEffect: no, about: 'ACL LOG length' }),

  // Long long configs
  numericParam({ name: 'busy-reply-threshold', aliases: ['lua-time-limit'], ctype: 'longlong', min: 0n, max: LONG_MAX, default: 5000n, inEffect: no, about: 'scripts answer BUSY after this many ms' }),
  numericParam({ name: 'cluster-node-timeout', ctype: 'longlong', min: 0n, max: LLONG_MAX, default: 15000n, inEffect: no, about: 'cluster node timeout' }),
  numericParam({ name: 'slowlog-log-slower-than', ctype: 'longlong', min: -1n, max: LLONG_MAX, default: 10000n, inEffect: no, about: 'SLOWLOG threshold in microseconds' }),
  numericParam({ name: 'latency-monitor-threshold', ctype: 'longlong', min: 0n, max: LLONG_MAX, default: 0n, inEffect: no, about: 'LATENCY monitor threshold' }),
  numericParam({
    name: 'proto-max-bulk-len',
    ctype: 'longlong',
    min: 1024n * 1024n,
    max: LONG_MAX,
    default: 512n * 1024n * 1024n,
    memory: true,
    inEffect: true,
    about: 'largest bulk string accepted',
  }),
  numericParam({ name: 'stream-node-max-entries', ctype: 'longlong', min: 0n, max: LLONG_MAX, default: 100n, inEffect: true, about: 'stream node entry limit' }),
  numericParam({ name: 'repl-backlog-size', ctype: 'longlong', min: 1n, max: LLONG_MAX, default: 1024n * 1024n, memory: true, adjust: (v) => (v < 16384n ? 16384n : v), inEffect: no, about: 'replication backlog size' }),

  // Unsigned long long configs
  numericParam({ name: 'maxmemory', ctype: 'ulonglong', min: 0n, max: ULLONG_MAX, default: 0n, memory: true, inEffect: no, about: 'memory limit for eviction' }),
  numericParam({ name: 'cluster-link-sendbuf-limit', ctype: 'ulonglong', min: 0n, max: ULLONG_MAX, default: 0n, memory: true, inEffect: no, about: 'cluster link send buffer limit' }),

  // size_t configs
  numericParam({ name: 'hash-max-listpack-entries', aliases: ['hash-max-ziplist-entries'], ctype: 'size_t', min: 0n, max: LONG_MAX, default: 512n, inEffect: true, about: 'hash listpack entry limit' }),
  numericParam({ name: 'set-max-intset-entries', ctype: 'size_t', min: 0n, max: LONG_MAX, default: 512n, inEffect: true, about: 'set intset entry limit' }),
  numericParam({ name: 'zset-max-listpack-entries', aliases: ['zset-max-ziplist-entries'], ctype: 'size_t', min: 0n, max: LONG_MAX, default: 128n, inEffect: true, about: 'zset listpack entry limit' }),
  numericParam({ name: 'active-defrag-ignore-bytes', ctype: 'size_t', min: 1n, max: LLONG_MAX, default: 100n << 20n, memory: true, inEffect: no, about: 'defrag ignores less waste than this' }),
  numericParam({ name: 'hash-max-listpack-value', aliases: ['hash-max-ziplist-value'], ctype: 'size_t', min: 0n, max: LONG_MAX, default: 64n, memory: true, inEffect: true, about: 'hash listpack value size limit' }),
  numericParam({ name: 'stream-node-max-bytes', ctype: 'size_t', min: 0n, max: LONG_MAX, default: 4096n, memory: true, inEffect: true, about: 'stream node size limit' }),
  numericParam({ name: 'zset-max-listpack-value', aliases: ['zset-max-ziplist-value'], ctype: 'size_t', min: 0n, max: LONG_MAX, default: 64n, memory: true, inEffect: true, about: 'zset listpack value size limit' }),
  numericParam({ name: 'hll-sparse-max-bytes', ctype: 'size_t', min: 0n, max: LONG_MAX, default: 3000n, memory: true, inEffect: true, about: 'HyperLogLog sparse representation limit' }),
  numericParam({ name: 'tracking-table-max-keys', ctype: 'size_t', min: 0n, max: LONG_MAX, default: 1000000n, inEffect: no, about: 'client tracking table size' }),
  numericParam({
    name: 'client-query-buffer-limit',
    ctype: 'size_t',
    min: 1024n * 1024n,
    max: LONG_MAX,
    default: 1024n * 1024n * 1024n,
    memory: true,
    inEffect: true,
    about: 'largest query buffer of a client',
  }),
  numericParam({ name: 'maxmemory-clients', ctype: 'ssize_t', min: -100n, max: SSIZE_MAX, default: 0n, memory: true, percent: true, inEffect: no, about: 'memory limit for all clients' }),

  // Other numeric configs
  numericParam({ name: 'repl-backlog-ttl', ctype: 'time_t', min: 0n, max: LONG_MAX, default: 3600n, inEffect: no, about: 'replication backlog lifetime' }),
  numericParam({ name: 'auto-aof-rewrite-min-size', ctype: 'off_t', min: 0n, max: LLONG_MAX, default: 64n * 1024n * 1024n, memory: true, inEffect: no, about: 'AOF size for automatic rewrites' }),
  numericParam({ name: 'loading-process-events-interval-bytes', ctype: 'off_t', min: 1024n, max: INT_MAX, default: 2n * 1024n * 1024n, hidden: true, inEffect: no, about: 'event processing while loading' }),

  // TLS configs (Debian's redis-server is built with TLS)
  numericParam({ name: 'tls-port', ...int(0n, 65535n, 0), apply: refuseTls('0'), inEffect: no, about: 'TLS port' }),
  numericParam({ name: 'tls-session-cache-size', ...int(0n, INT_MAX, 20 * 1024), inEffect: no, about: 'TLS session cache size' }),
  numericParam({ name: 'tls-session-cache-timeout', ...int(0n, INT_MAX, 300), inEffect: no, about: 'TLS session cache timeout' }),
  boolParam({ name: 'tls-cluster', default: false, apply: refuseTls('no'), inEffect: no, about: 'TLS on the cluster bus' }),
  boolParam({ name: 'tls-replication', default: false, apply: refuseTls('no'), inEffect: no, about: 'TLS for replication' }),
  enumParam({ name: 'tls-auth-clients', default: 'yes', values: ['no', 'yes', 'optional'], inEffect: no, about: 'TLS client certificates' }),
  boolParam({ name: 'tls-prefer-server-ciphers', default: false, inEffect: no, about: 'TLS server cipher preference' }),
  boolParam({ name: 'tls-session-caching', default: true, inEffect: no, about: 'TLS session caching' }),
  stringParam({ name: 'tls-cert-file', inEffect: no, about: 'TLS certificate' }),
  stringParam({ name: 'tls-key-file', inEffect: no, about: 'TLS key' }),
  stringParam({ name: 'tls-key-file-pass', inEffect: no, about: 'TLS key passphrase' }),
  stringParam({ name: 'tls-client-cert-file', inEffect: no, about: 'TLS client certificate' }),
  stringParam({ name: 'tls-client-key-file', inEffect: no, about: 'TLS client key' }),
  stringParam({ name: 'tls-client-key-file-pass', inEffect: no, about: 'TLS client key passphrase' }),
  stringParam({ name: 'tls-dh-params-file', inEffect: no, about: 'TLS DH parameters' }),
  stringParam({ name: 'tls-ca-cert-file', inEffect: no, about: 'TLS CA certificate' }),
  stringParam({ name: 'tls-ca-cert-dir', inEffect: no, about: 'TLS CA directory' }),
  stringParam({ name: 'tls-protocols', inEffect: no, about: 'TLS protocol versions' }),
  stringParam({ name: 'tls-ciphers', inEffect: no, about: 'TLS ciphers' }),
  stringParam({ name: 'tls-ciphersuites', inEffect: no, about: 'TLS 1.3 cipher suites' }),

  // Special configs
  specialDefault({
    name: 'dir',
    default: '.',
    protected: true,
    inEffect: no,
    about: 'working directory (Redis chdir()s; Cinnabar stores the path: src/ has no file system)',
    parse: (raw) => (raw === '' ? fail('No such file or directory') : raw),
  }),
  specialDefault({ name: 'save', multiArg: true, default: '3600 1 300 100 60 10000', inEffect: no, about: 'RDB snapshot points', parse: parseSave }),
  specialDefault({
    name: 'client-output-buffer-limit',
    multiArg: true,
    default: OBUF_DEFAULT,
    inEffect: no,
    about: 'output buffer limits per client class',
    parse: parseClientOutputBufferLimit,
  }),
  specialDefault({ name: 'oom-score-adj-values', multiArg: true, default: '0 200 800', inEffect: no, about: 'Linux OOM scores', parse: parseOomScoreAdjValues }),
  specialDefault({
    name: 'notify-keyspace-events',
    default: '',
    inEffect: no,
    about: 'keyspace notifications',
    parse(raw) {
      const flags = keyspaceEventFlags(raw);
      return flags < 0 ? fail("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.") : keyspaceEventsText(flags);
    },
  }),
  specialDefault({
    name: 'bind',
    multiArg: true,
    default: '* -::*',
    inEffect: true,
    about: 'listening addresses (CONFIG SET bind is stored; the listener keeps its addresses)',
    parse(raw) {
      const args = splitArgs(raw);
      if (args.length > BIND_MAX) return fail('Too many bind addresses specified.');
      return args.length === 1 && args[0] === '' ? '' : args.join(' ');
    },
  }),
  specialDefault({
    name: 'replicaof',
    multiArg: true,
    aliases: ['slaveof'],
    default: '',
    immutable: true,
    inEffect: no,
    about: 'replicate this master',
    parse(raw) {
      const args = splitArgs(raw);
      if (args.length !== 2) return fail('wrong number of arguments');
      if (args[0].toLowerCase() === 'no' && args[1].toLowerCase() === 'one') return '';
      const { value, end } = strtoll(args[1]);
      if (end !== args[1].length || value < 0n || value > 65535n || args[1].length === 0) return fail('Invalid master port');
      return `${args[0]} ${value}`;
    },
  }),
  specialDefault({
    name: 'latency-tracking-info-percentiles',
    multiArg: true,
    default: '50 99 99.9',
    inEffect: no,
    about: 'percentiles in INFO latencystats',
    parse: parsePercentiles,
  }),
];
