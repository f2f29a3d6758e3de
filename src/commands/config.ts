// CONFIG GET / SET / RESETSTAT / HELP. The parameters, their validation and Redis's error texts
// live in src/config.ts and src/config-params.ts; this file is the command surface.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, err, MapReply, OK, type Reply } from '../reply.ts';
import { isLocalClient } from './connection.ts';
import { helpReply } from './help.ts';
import { resetStats } from './info.ts';
import type { CommandSpec } from './spec.ts';

/** enable-protected-configs: yes, or local for a client on this machine. */
function protectedConfigsAllowed(c: Client): boolean {
  const v = c.engine.config.get('enable-protected-configs');
  return v === 'yes' || (v === 'local' && isLocalClient(c));
}

function configGet(c: Client, argv: Bin[]): Reply {
  const pairs = c.engine.config.lookup(argv.slice(2));
  return new MapReply(pairs.flat());
}

function configSet(c: Client, argv: Bin[]): Reply {
  if (argv.length % 2 === 1) return E.syntax;
  const pairs: [string, string][] = [];
  for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i], argv[i + 1]]);
  const e = c.engine.config.setMany(pairs, protectedConfigsAllowed(c));
  return e === null ? OK : err(e);
}

const CONFIG_HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

const ADMIN: CommandSpec['flags'] = ['admin', 'noscript', 'loading', 'stale'];
const ADMIN_ACL = ['admin', 'slow', 'dangerous'];
const sub = { group: 'server' };

export const configCommands: CommandSpec[] = [
  {
    name: 'config',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'server',
    since: '2.0.0',
    summary: 'A container for server configuration commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        ...sub,
        name: 'get',
        arity: -3,
        flags: ADMIN,
        acl: ADMIN_ACL,
        since: '2.0.0',
        summary: 'Get the values of configuration parameters',
        complexity: 'O(N) when N is the number of configuration parameters provided',
        history: [['7.0.0', 'Added the ability to pass multiple pattern parameters in one call']],
        args: [{ name: 'parameter', type: 'block', multiple: true, args: [{ name: 'parameter', type: 'string' }] }],
        handler: configGet,
      },
      {
        ...sub,
        name: 'set',
        arity: -4,
        flags: ADMIN,
        acl: ADMIN_ACL,
        since: '2.0.0',
        summary: 'Set configuration parameters to the given values',
        complexity: 'O(N) when N is the number of configuration parameters provided',
        history: [['7.0.0', 'Added the ability to set multiple parameters in one call.']],
        tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
        args: [
          {
            name: 'parameter_value',
            type: 'block',
            multiple: true,
            args: [
              { name: 'parameter', type: 'string' },
              { name: 'value', type: 'string' },
            ],
          },
        ],
        handler: configSet,
      },
      {
        ...sub,
        name: 'resetstat',
        arity: 2,
        flags: ADMIN,
        acl: ADMIN_ACL,
        since: '2.0.0',
        summary: 'Reset the stats returned by INFO',
        complexity: 'O(1)',
        handler(c) {
          resetStats(c.engine);
          return OK;
        },
      },
      {
        ...sub,
        name: 'help',
        arity: 2,
        flags: ['loading', 'stale'],
        acl: ['slow'],
        since: '5.0.0',
        summary: 'Show helpful text about the different subcommands',
        complexity: 'O(1)',
        handler: () => helpReply('config', CONFIG_HELP),
      },
    ],
  },
];
