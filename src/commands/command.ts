// COMMAND and its subcommands (COUNT INFO DOCS LIST GETKEYS GETKEYSANDFLAGS HELP), generated
// from the command table: every family's CommandSpec is the single source of these replies,
// in the shapes Redis 7.0.15 gives them.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { Engine } from '../engine.ts';
import { E, err, MapReply, SetReply, SimpleString, type Reply } from '../reply.ts';
import { globMatch } from '../util/glob.ts';
import { parseInt64 } from '../util/number.ts';
import { is } from './args.ts';
import { helpReply } from './help.ts';
import { legacyKeyRange, type ArgSpec, type Command, type CommandFlag, type CommandSpec, type KeySpec, type KeySpecFlag } from './spec.ts';

// The orders Redis writes flags and categories in, whatever order a spec lists them.
const COMMAND_FLAG_ORDER: CommandFlag[] = [
  'write',
  'readonly',
  'denyoom',
  'module',
  'admin',
  'pubsub',
  'noscript',
  'blocking',
  'loading',
  'stale',
  'skip_monitor',
  'skip_slowlog',
  'asking',
  'fast',
  'no_auth',
  'may_replicate',
  'no_mandatory_keys',
  'no_async_loading',
  'no_multi',
  'movablekeys',
  'allow_busy',
];

export const ACL_CATEGORIES = [
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'blocking',
  'dangerous',
  'connection',
  'transaction',
  'scripting',
];

const KEY_FLAG_ORDER: KeySpecFlag[] = ['RO', 'RW', 'OW', 'RM', 'access', 'update', 'insert', 'delete', 'not_key', 'incomplete', 'variable_flags'];

const statusSet = (items: string[]) => new SetReply(items.map((s) => new SimpleString(s)));


/** populateCommandMovableKeys: a getkeys function, or a spec that is not index + range. */
function hasMovableKeys(spec: CommandSpec): boolean {
  if (spec.getKeys || spec.flags.includes('movablekeys')) return true;
  return (spec.keySpecs ?? []).some((k) => !('index' in k.begin) || !('lastKey' in k.find));
}

function keySpecReply(k: KeySpec): Reply {
  const b = k.begin;
  const f = k.find;
  const begin =
    'index' in b
      ? new MapReply(['type', 'index', 'spec', new MapReply(['index', b.index])])
      : 'keyword' in b
        ? new MapReply(['type', 'keyword', 'spec', new MapReply(['keyword', b.keyword, 'startfrom', b.startFrom])])
        : new MapReply(['type', 'unknown', 'spec', new MapReply([])]);
  const find =
    'lastKey' in f
      ? new MapReply(['type', 'range', 'spec', new MapReply(['lastkey', f.lastKey, 'keystep', f.step, 'limit', f.limit])])
      : 'keyNumIdx' in f
        ? new MapReply(['type', 'keynum', 'spec', new MapReply(['keynumidx', f.keyNumIdx, 'firstkey', f.firstKey, 'keystep', f.step])])
        : new MapReply(['type', 'unknown', 'spec', new MapReply([])]);
  const entries: Reply[] = [];
  if (k.notes) entries.push('notes', k.notes);
  entries.push('flags', statusSet(KEY_FLAG_ORDER.filter((x) => k.flags.includes(x))), 'begin_search', begin, 'find_keys', find);
  return new MapReply(entries);
}

/** One COMMAND INFO entry: name, arity, flags, first/last/step, categories, tips, key specs, subcommands. */
function commandInfo(cmd: Command): Reply {
  const spec = cmd.spec;
  const flags = COMMAND_FLAG_ORDER.filter((f) => (f === 'movablekeys' ? hasMovableKeys(spec) : spec.flags.includes(f)));
  const acl = ACL_CATEGORIES.filter((a) => spec.acl.includes(a)).map((a) => `@${a}`);
  // No subcommands is an empty set; a container's subcommands are an array.
  let subs: Reply = new SetReply([]);
  if (cmd.subcommands) {
    const list: Reply[] = [];
    cmd.subcommands.forEach((s) => list.push(commandInfo(s)));
    subs = list;
  }
  return [
    cmd.fullName,
    spec.arity,
    statusSet(flags),
    ...legacyKeyRange(spec.keySpecs),
    statusSet(acl),
    new SetReply(spec.tips ?? []),
    new SetReply((spec.keySpecs ?? []).map(keySpecReply)),
    subs,
  ];
}

function argDocs(a: ArgSpec): Reply {
  const entries: Reply[] = ['name', a.name, 'type', a.type];
  if (a.type === 'key' || a.keySpecIndex !== undefined) entries.push('key_spec_index', a.keySpecIndex ?? 0);
  if (a.token !== undefined) entries.push('token', a.token);
  if (a.since !== undefined) entries.push('since', a.since);
  if (a.deprecatedSince !== undefined) entries.push('deprecated_since', a.deprecatedSince);
  const flags: string[] = [];
  if (a.optional) flags.push('optional');
  if (a.multiple) flags.push('multiple');
  if (a.multipleToken) flags.push('multiple_token');
  if (flags.length) entries.push('flags', statusSet(flags));
  if (a.type === 'oneof' || a.type === 'block') entries.push('arguments', (a.args ?? []).map(argDocs));
  return new MapReply(entries);
}

/** One COMMAND DOCS entry. */
function commandDocs(cmd: Command): Reply {
  const spec = cmd.spec;
  const entries: Reply[] = ['summary', spec.summary, 'since', spec.since, 'group', spec.group];
  if (spec.complexity !== undefined) entries.push('complexity', spec.complexity);
  if (spec.docFlags?.length) entries.push('doc_flags', statusSet(spec.docFlags));
  if (spec.deprecatedSince !== undefined) entries.push('deprecated_since', spec.deprecatedSince);
  if (spec.replacedBy !== undefined) entries.push('replaced_by', spec.replacedBy);
  if (spec.history?.length) entries.push('history', new SetReply(spec.history.map(([v, t]) => [v, t])));
  if (spec.args?.length) entries.push('arguments', spec.args.map(argDocs));
  if (cmd.subcommands) {
    const subs: Reply[] = [];
    cmd.subcommands.forEach((s) => subs.push(s.fullName, commandDocs(s)));
    entries.push('subcommands', new MapReply(subs));
  }
  return new MapReply(entries);
}

/** lookupCommandBySds: "get", "config|get" (any case); a container name alone is the container. */
function commandByFullName(engine: Engine, name: Bin): Command | undefined {
  const parts = name.toLowerCase().split('|');
  if (parts.length > 2) return undefined;
  const base = engine.commands.get(parts[0]);
  if (parts.length === 1 || base === undefined) return base;
  return base.subcommands?.get(parts[1]);
}

function allCommands(engine: Engine): Command[] {
  return [...engine.commands.values()];
}

// ---- GETKEYS ----

interface KeyRef {
  pos: number;
  flags: KeySpecFlag[];
}

/** getKeysUsingKeySpecs: the keys every spec finds, or null when a spec does not fit the arguments. */
function keysFromSpecs(spec: CommandSpec, specs: KeySpec[], argv: Bin[]): KeyRef[] | null {
  const argc = argv.length;
  const keys: KeyRef[] = [];
  for (const ks of specs) {
    if (ks.flags.includes('not_key')) continue;
    let first = 0;
    const b = ks.begin;
    // A key only the command's own getkeys function can find: the specs cannot answer.
    if ('unknown' in b || 'unknown' in ks.find) return null;
    if ('index' in b) {
      first = b.index;
    } else {
      const start = b.startFrom > 0 ? b.startFrom : argc + b.startFrom;
      const end = b.startFrom > 0 ? argc - 1 : 1;
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (argv[i].toLowerCase() === b.keyword.toLowerCase()) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    }
    let last: number;
    let step: number;
    const f = ks.find;
    if ('lastKey' in f) {
      step = f.step;
      if (f.lastKey >= 0) last = first + f.lastKey;
      else if (!f.limit) last = argc + f.lastKey;
      else last = first + (Math.trunc((argc - first) / f.limit) + f.lastKey);
    } else {
      step = f.step;
      if (f.keyNumIdx >= argc) return null;
      const n = parseInt64(argv[first + f.keyNumIdx] ?? '');
      if (n === null || n < 0n) return null;
      first += f.firstKey;
      last = first + Number(n) - 1;
    }
    if (last >= argc || last < first || first >= argc) return null;
    for (let i = first; i <= last; i += step) {
      if (i >= argc || i < first) {
        if (spec.arity < 0) continue;
        return null;
      }
      keys.push({ pos: i, flags: ks.flags });
    }
  }
  return keys;
}

/** The keys of a full command line, as COMMAND GETKEYS finds them, or an error. */
function getKeys(c: Client, argv: Bin[]): KeyRef[] | Reply {
  const target = argv.slice(2);
  const found = c.engine.lookup(target);
  if (found === undefined || !('spec' in found)) return err('ERR Invalid command specified');
  const spec = found.spec;
  const specs = spec.keySpecs ?? [];
  if (!spec.getKeys && specs.length === 0) return err('ERR The command has no key arguments');
  if ((spec.arity > 0 && spec.arity !== target.length) || target.length < -spec.arity) {
    return err('ERR Invalid number of arguments specified for command');
  }
  let keys: KeyRef[] | null = null;
  const reliable = specs.some((k) => !k.flags.includes('not_key')) && !specs.some((k) => k.flags.includes('variable_flags'));
  if (reliable) keys = keysFromSpecs(spec, specs, target);
  if (keys === null) {
    // A getkeys function gives positions only: the flags come from the first key spec. Without
    // one, the key specs give the positions even when their flags vary with the arguments.
    const flags = specs[0]?.flags.filter((f) => f !== 'variable_flags') ?? [];
    if (spec.getKeys) keys = spec.getKeys(target).map((pos) => ({ pos, flags }));
    else if (!reliable) keys = keysFromSpecs(spec, specs.map((k) => ({ ...k, flags: k.flags.filter((f) => f !== 'variable_flags') })), target);
  }
  if (keys === null || keys.length === 0) {
    return found.flags.has('no_mandatory_keys') ? [] : err('ERR Invalid arguments specified for command');
  }
  return keys;
}

// ---- COMMAND LIST ----

function commandList(c: Client, argv: Bin[]): Reply {
  let filter: ((cmd: Command) => boolean) | null = null;
  for (let i = 2; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    if (!is(argv[i], 'FILTERBY') || more !== 2) return E.syntax;
    const type = argv[i + 1];
    const arg = argv[i + 2];
    if (is(type, 'MODULE')) {
      // No modules can be loaded: no command belongs to one.
      filter = () => false;
    } else if (is(type, 'ACLCAT')) {
      const cat = arg.toLowerCase();
      filter = (cmd) => ACL_CATEGORIES.includes(cat) && cmd.spec.acl.includes(cat);
    } else if (is(type, 'PATTERN')) {
      filter = (cmd) => globMatch(arg, cmd.fullName, true);
    } else {
      return E.syntax;
    }
    i += 2;
  }
  const names: Reply[] = [];
  const visit = (cmd: Command) => {
    if (filter === null || filter(cmd)) names.push(cmd.fullName);
    cmd.subcommands?.forEach(visit);
  };
  c.engine.commands.forEach(visit);
  return names;
}

const COMMAND_HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

const sub = { flags: ['loading', 'stale'] as CommandFlag[], acl: ['slow', 'connection'], group: 'server' };

export const commandCommands: CommandSpec[] = [
  {
    name: 'command',
    arity: -1,
    flags: ['loading', 'stale'],
    acl: ['slow', 'connection'],
    group: 'server',
    since: '2.8.13',
    summary: 'Get array of Redis command details',
    complexity: 'O(N) where N is the total number of Redis commands',
    tips: ['nondeterministic_output_order'],
    handler: (c) => allCommands(c.engine).map(commandInfo),
    subcommands: [
      {
        ...sub,
        name: 'count',
        arity: 2,
        since: '2.8.13',
        summary: 'Get total number of Redis commands',
        complexity: 'O(1)',
        handler: (c) => c.engine.commands.size,
      },
      {
        ...sub,
        name: 'info',
        arity: -2,
        since: '2.8.13',
        summary: 'Get array of specific Redis command details, or all when no argument is given.',
        complexity: 'O(N) where N is the number of commands to look up',
        history: [['7.0.0', 'Allowed to be called with no argument to get info on all commands.']],
        tips: ['nondeterministic_output_order'],
        args: [{ name: 'command-name', type: 'string', optional: true, multiple: true }],
        handler(c, argv) {
          if (argv.length === 2) return allCommands(c.engine).map(commandInfo);
          return argv.slice(2).map((name) => {
            const cmd = commandByFullName(c.engine, name);
            return cmd ? commandInfo(cmd) : null;
          });
        },
      },
      {
        ...sub,
        name: 'docs',
        arity: -2,
        since: '7.0.0',
        summary: 'Get array of specific Redis command documentation',
        complexity: 'O(N) where N is the number of commands to look up',
        tips: ['nondeterministic_output_order'],
        args: [{ name: 'command-name', type: 'string', optional: true, multiple: true }],
        handler(c, argv) {
          const entries: Reply[] = [];
          const cmds = argv.length === 2 ? allCommands(c.engine) : argv.slice(2).map((n) => commandByFullName(c.engine, n));
          for (const cmd of cmds) if (cmd) entries.push(cmd.fullName, commandDocs(cmd));
          return new MapReply(entries);
        },
      },
      {
        ...sub,
        name: 'list',
        arity: -2,
        since: '7.0.0',
        summary: 'Get an array of Redis command names',
        complexity: 'O(N) where N is the total number of Redis commands',
        tips: ['nondeterministic_output_order'],
        args: [
          {
            name: 'filterby',
            type: 'oneof',
            token: 'FILTERBY',
            optional: true,
            args: [
              { name: 'module-name', type: 'string', token: 'MODULE' },
              { name: 'category', type: 'string', token: 'ACLCAT' },
              { name: 'pattern', type: 'pattern', token: 'PATTERN' },
            ],
          },
        ],
        handler: commandList,
      },
      {
        ...sub,
        name: 'getkeys',
        arity: -4,
        since: '2.8.13',
        summary: 'Extract keys given a full Redis command',
        complexity: 'O(N) where N is the number of arguments to the command',
        handler(c, argv) {
          const keys = getKeys(c, argv);
          if (!Array.isArray(keys)) return keys;
          return (keys as KeyRef[]).map((k) => argv[k.pos + 2]);
        },
      },
      {
        ...sub,
        name: 'getkeysandflags',
        arity: -4,
        since: '7.0.0',
        summary: 'Extract keys and access flags given a full Redis command',
        complexity: 'O(N) where N is the number of arguments to the command',
        handler(c, argv) {
          const keys = getKeys(c, argv);
          if (!Array.isArray(keys)) return keys;
          return (keys as KeyRef[]).map((k) => [argv[k.pos + 2], statusSet(KEY_FLAG_ORDER.filter((f) => k.flags.includes(f)))]);
        },
      },
      {
        ...sub,
        name: 'help',
        arity: 2,
        since: '5.0.0',
        summary: 'Show helpful text about the different subcommands',
        complexity: 'O(1)',
        handler: () => helpReply('command', COMMAND_HELP),
      },
    ],
  },
];
