// Connection commands: PING ECHO SELECT QUIT (more to come: HELLO AUTH RESET CLIENT).
import { E, OK, PONG } from '../reply.ts';
import { dbIndexArg } from './args.ts';
import type { CommandSpec } from './spec.ts';

export const connectionCommands: CommandSpec[] = [
  {
    name: 'ping',
    arity: -1,
    flags: ['fast', 'sentinel'],
    acl: ['fast', 'connection'],
    keys: [0, 0, 0],
    group: 'connection',
    since: '1.0.0',
    summary: 'Ping the server',
    complexity: 'O(1)',
    args: [{ name: 'message', type: 'string', optional: true }],
    handler(_c, argv) {
      if (argv.length > 2) return E.wrongArity('ping');
      return argv.length === 2 ? argv[1] : PONG;
    },
  },
  {
    name: 'echo',
    arity: 2,
    flags: ['fast'],
    acl: ['fast', 'connection'],
    keys: [0, 0, 0],
    group: 'connection',
    since: '1.0.0',
    summary: 'Echo the given string',
    complexity: 'O(1)',
    args: [{ name: 'message', type: 'string' }],
    handler: (_c, argv) => argv[1],
  },
  {
    name: 'select',
    arity: 2,
    flags: ['loading', 'stale', 'fast'],
    acl: ['fast', 'connection'],
    keys: [0, 0, 0],
    group: 'connection',
    since: '1.0.0',
    summary: 'Change the selected database for the current connection',
    complexity: 'O(1)',
    args: [{ name: 'index', type: 'integer' }],
    handler(c, argv) {
      const idx = dbIndexArg(argv[1], c.engine.dbs.length);
      if (typeof idx !== 'number') return idx;
      c.db = c.engine.dbs[idx];
      return OK;
    },
  },
  {
    name: 'quit',
    arity: -1,
    flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'],
    acl: ['fast', 'connection'],
    keys: [0, 0, 0],
    group: 'connection',
    since: '1.0.0',
    summary: 'Close the connection',
    complexity: 'O(1)',
    handler(c) {
      c.closeAfterReply = true;
      return OK;
    },
  },
];
