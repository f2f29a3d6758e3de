// String commands (first slice: GET SET; the family grows here).
import { E, OK } from '../reply.ts';
import type { CommandSpec } from './spec.ts';

export const stringCommands: CommandSpec[] = [
  {
    name: 'get',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keys: [1, 1, 1],
    keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0, step: 1, limit: 0 } }],
    group: 'string',
    since: '1.0.0',
    summary: 'Get the value of a key',
    complexity: 'O(1)',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    handler(c, argv) {
      const v = c.db.lookupRead(argv[1]);
      if (v === undefined) return null;
      return typeof v === 'string' ? v : E.wrongType;
    },
  },
  {
    name: 'set',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keys: [1, 1, 1],
    group: 'string',
    since: '1.0.0',
    summary: 'Set the string value of a key',
    complexity: 'O(1)',
    handler(c, argv) {
      c.db.setKey(argv[1], argv[2]);
      c.engine.dirty++;
      return OK;
    },
  },
];
