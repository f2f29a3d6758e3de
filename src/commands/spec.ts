// A command is declared once, as data. The dispatcher (arity, auth, MULTI queueing...), COMMAND
// INFO/DOCS/LIST/COUNT/GETKEYS and the ACL categories are all derived from these specs.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { Reply } from '../reply.ts';

/** Redis 7.0's command flags, as COMMAND INFO spells them. */
export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'module'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'asking'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'sentinel'
  | 'only_sentinel'
  | 'no_mandatory_keys'
  | 'protected'
  | 'no_async_loading'
  | 'no_multi'
  | 'movablekeys'
  | 'allow_busy';

/** Key-spec flags (COMMAND INFO / DOCS "key_specs"), Redis 7.0 names. */
export type KeySpecFlag =
  | 'RO'
  | 'RW'
  | 'OW'
  | 'RM'
  | 'access'
  | 'update'
  | 'insert'
  | 'delete'
  | 'not_key'
  | 'incomplete'
  | 'variable_flags';

/** Redis 7.0 key specs: where the keys begin, then how to find them from there. */
export interface KeySpec {
  flags: KeySpecFlag[];
  /** begin_search: an index, a keyword searched for from startFrom, or unknown (the command's getKeys finds it). */
  begin: { index: number } | { keyword: string; startFrom: number } | { unknown: true };
  /** find_keys: a range (lastKey relative to the first key, -1 = to the end), a count key, or unknown. */
  find: { lastKey: number; step: number; limit: number } | { keyNumIdx: number; firstKey: number; step: number } | { unknown: true };
  notes?: string;
}

/** One argument in COMMAND DOCS. */
export interface ArgSpec {
  name: string;
  type: 'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  token?: string;
  keySpecIndex?: number;
  optional?: boolean;
  multiple?: boolean;
  multipleToken?: boolean;
  since?: string;
  deprecatedSince?: string;
  displayText?: string;
  args?: ArgSpec[];
}

export type Handler = (c: Client, argv: Bin[]) => Reply;

export interface CommandSpec {
  /** Lower case, as COMMAND INFO reports it ('get'; a subcommand is just 'get' under 'config'). */
  name: string;
  /** Redis arity: N exactly N arguments (command name included), -N at least N. */
  arity: number;
  flags: CommandFlag[];
  /** ACL categories without the '@' ('write', 'string', 'slow'...). */
  acl: string[];
  /** Where the keys are. The legacy (first, last, step) of COMMAND INFO derives from these. */
  keySpecs?: KeySpec[];
  /** For commands whose keys move (movablekeys): the argv indexes of the keys. */
  getKeys?: (argv: Bin[]) => number[];
  group: string;
  since: string;
  summary: string;
  complexity?: string;
  docFlags?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
  history?: [version: string, text: string][];
  tips?: string[];
  args?: ArgSpec[];
  /** Container commands (CONFIG, CLIENT, OBJECT...) have subcommands and no handler of their own. */
  subcommands?: CommandSpec[];
  handler?: Handler;
}

/** A command as the dispatcher sees it: the spec plus its full name ('config|get'). */
export interface Command {
  spec: CommandSpec;
  fullName: string;
  parent?: Command;
  subcommands?: Map<string, Command>;
  /** Flags as a set. */
  flags: ReadonlySet<CommandFlag>;
  /** The flags the dispatcher checks on every command, read once at registration. */
  noAuth: boolean;
  isProtected: boolean;
  noMulti: boolean;
  /** Per-command stats for INFO commandstats. */
  stats: { calls: number; usec: number; rejectedCalls: number; failedCalls: number };
}

/**
 * COMMAND INFO's legacy (first key, last key, step), derived from the key specs as Redis's
 * populateCommandLegacyRangeSpec does: one index+range spec as it is; otherwise the plain
 * (step 1) index+range specs that follow one another, merged; none gives 0 0 0.
 */
export function legacyKeyRange(specs: readonly KeySpec[] | undefined): [first: number, last: number, step: number] {
  if (!specs || specs.length === 0) return [0, 0, 0];
  const absoluteLast = (begin: number, lastKey: number) => (lastKey >= 0 ? begin + lastKey : lastKey);
  if (specs.length === 1 && 'index' in specs[0].begin && 'lastKey' in specs[0].find) {
    const begin = specs[0].begin.index;
    return [begin, absoluteLast(begin, specs[0].find.lastKey), specs[0].find.step];
  }
  let first = Infinity;
  let last = 0;
  let prevLast = 0;
  for (const spec of specs) {
    if (!('index' in spec.begin) || !('lastKey' in spec.find)) continue;
    const begin = spec.begin.index;
    if (spec.find.step !== 1 || (prevLast !== 0 && prevLast !== begin - 1)) continue;
    first = Math.min(first, begin);
    const abs = absoluteLast(begin, spec.find.lastKey);
    // Redis compares as unsigned: a negative (count from the end) last key wins.
    if (abs < 0 || (last >= 0 && abs > last)) last = abs;
    prevLast = last;
  }
  return first === Infinity ? [0, 0, 0] : [first, last, 1];
}

/** A handler's helper: declares a command with the most common defaults filled in. */
export function command(spec: CommandSpec): CommandSpec {
  return spec;
}
