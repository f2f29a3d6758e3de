// MULTI / EXEC / DISCARD / WATCH / UNWATCH. Queueing itself is the dispatcher's (engine.ts):
// inside MULTI every other command is checked (existence, arity, auth) and queued; a command
// that fails those checks marks the transaction so that EXEC answers EXECABORT.
import type { Client } from '../client.ts';
import { err, NULL_ARRAY, OK, type Reply } from '../reply.ts';
import type { CommandSpec } from './spec.ts';

function discardTransaction(c: Client): void {
  c.multi = null;
  c.dirtyExec = false;
  c.engine.unwatchAll(c);
}

function exec(c: Client): Reply {
  if (c.multi === null) return err('ERR EXEC without MULTI');
  const engine = c.engine;
  if (!c.dirtyCas && engine.watchedKeyExpired(c)) c.dirtyCas = true;
  if (c.dirtyExec || c.dirtyCas) {
    const reply = c.dirtyExec ? err('EXECABORT Transaction discarded because of previous errors.') : NULL_ARRAY;
    discardTransaction(c);
    return reply;
  }
  const queued = c.multi;
  // Watches are released before running: the transaction's own writes must not dirty it.
  engine.unwatchAll(c);
  c.multi = null;
  c.dirtyExec = false;
  const replies: Reply[] = [];
  for (const { cmd, argv } of queued) replies.push(engine.call(c, cmd, argv));
  return replies;
}

const common = { group: 'transactions', since: '1.2.0' } as const;

export const transactionCommands: CommandSpec[] = [
  {
    ...common,
    name: 'multi',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
    summary: 'Mark the start of a transaction block',
    complexity: 'O(1)',
    handler(c) {
      if (c.multi !== null) return err('ERR MULTI calls can not be nested');
      c.multi = [];
      return OK;
    },
  },
  {
    ...common,
    name: 'exec',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
    acl: ['slow', 'transaction'],
    summary: 'Execute all commands issued after MULTI',
    complexity: 'Depends on commands in the transaction',
    handler: exec,
  },
  {
    ...common,
    name: 'discard',
    since: '2.0.0',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
    summary: 'Discard all commands issued after MULTI',
    complexity: 'O(N), when N is the number of queued commands',
    handler(c) {
      if (c.multi === null) return err('ERR DISCARD without MULTI');
      discardTransaction(c);
      return OK;
    },
  },
  {
    ...common,
    name: 'watch',
    since: '2.2.0',
    arity: -2,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
    keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: -1, step: 1, limit: 0 } }],
    summary: 'Watch the given keys to determine execution of the MULTI/EXEC block',
    complexity: 'O(1) for every key.',
    args: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    handler(c, argv) {
      if (c.multi !== null) return err('ERR WATCH inside MULTI is not allowed');
      for (let i = 1; i < argv.length; i++) c.engine.watch(c, c.db, argv[i]);
      return OK;
    },
  },
  {
    ...common,
    name: 'unwatch',
    since: '2.2.0',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
    summary: 'Forget about all watched keys',
    complexity: 'O(1)',
    handler(c) {
      c.engine.unwatchAll(c);
      return OK;
    },
  },
];
