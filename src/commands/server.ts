// Server commands (first slice: FLUSHDB FLUSHALL; the family grows here).
import type { Client } from '../client.ts';
import type { Database } from '../keyspace/database.ts';
import { E, OK, type Reply } from '../reply.ts';
import { is } from './args.ts';
import type { CommandSpec } from './spec.ts';

/** Empties a database, invalidating WATCHes on keys it held first. */
export function emptyDatabase(c: Client, db: Database): void {
  c.engine.touchAllWatchedKeys(db, null);
  c.engine.dirty += db.size;
  db.clear();
}

function flushMode(argv: string[]): Reply | null {
  if (argv.length > 2) return E.syntax;
  if (argv.length === 2 && !is(argv[1], 'ASYNC') && !is(argv[1], 'SYNC')) return E.syntax;
  return null;
}

export const serverCommands: CommandSpec[] = [
  {
    name: 'flushdb',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    keys: [0, 0, 0],
    group: 'server',
    since: '1.0.0',
    summary: 'Remove all keys from the current database',
    complexity: 'O(N) where N is the number of keys in the selected database',
    handler(c, argv) {
      const e = flushMode(argv);
      if (e) return e;
      emptyDatabase(c, c.db);
      return OK;
    },
  },
  {
    name: 'flushall',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    keys: [0, 0, 0],
    group: 'server',
    since: '1.0.0',
    summary: 'Remove all keys from all databases',
    complexity: 'O(N) where N is the total number of keys in all databases',
    handler(c, argv) {
      const e = flushMode(argv);
      if (e) return e;
      for (const db of c.engine.dbs) emptyDatabase(c, db);
      return OK;
    },
  },
];
