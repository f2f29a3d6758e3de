// Scripting: FUNCTION FLUSH and SCRIPT FLUSH so far. Until Lua scripting and functions are
// built there is nothing to flush, so both only validate their arguments and answer as Redis
// does; the other FUNCTION/SCRIPT subcommands get Redis's unknown-subcommand error.
import type { Bin } from '../bytes.ts';
import { err, OK, type Reply } from '../reply.ts';
import { is } from './args.ts';
import { subcommandSyntaxError } from './help.ts';
import type { CommandSpec } from './spec.ts';

/** [ASYNC|SYNC] after FLUSH: true when valid. */
function validFlushMode(argv: Bin[]): boolean {
  return argv.length === 2 || (argv.length === 3 && (is(argv[2], 'ASYNC') || is(argv[2], 'SYNC')));
}

const flushModeArg = (since?: string) => ({
  name: 'async',
  type: 'oneof' as const,
  ...(since ? { since } : {}),
  optional: true,
  args: [
    { name: 'async', type: 'pure-token' as const, token: 'ASYNC' },
    { name: 'sync', type: 'pure-token' as const, token: 'SYNC' },
  ],
});

export const scriptingCommands: CommandSpec[] = [
  {
    name: 'function',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'scripting',
    since: '7.0.0',
    summary: 'A container for function commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'flush',
        arity: -2,
        flags: ['write', 'noscript'],
        acl: ['write', 'slow', 'scripting'],
        group: 'scripting',
        since: '7.0.0',
        summary: 'Deleting all functions',
        complexity: 'O(N) where N is the number of functions deleted',
        tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
        args: [flushModeArg()],
        handler(c, argv): Reply {
          if (argv.length > 3) return subcommandSyntaxError(argv);
          if (!validFlushMode(argv)) return err('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
          // Redis counts it as a change to the data set (it replicates and persists).
          c.engine.dirty++;
          return OK;
        },
      },
    ],
  },
  {
    name: 'script',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'scripting',
    since: '2.6.0',
    summary: 'A container for Lua scripts management commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'flush',
        arity: -2,
        flags: ['noscript'],
        acl: ['slow', 'scripting'],
        group: 'scripting',
        since: '2.6.0',
        summary: 'Remove all the scripts from the script cache.',
        complexity: 'O(N) with N being the number of scripts in cache',
        history: [['6.2.0', 'Added the `ASYNC` and `SYNC` flushing mode modifiers.']],
        tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
        args: [flushModeArg('6.2.0')],
        handler: (_c, argv) => (validFlushMode(argv) ? OK : err('ERR SCRIPT FLUSH only support SYNC|ASYNC option')),
      },
    ],
  },
];
