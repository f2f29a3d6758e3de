// Per-connection state: the selected database, protocol version, transaction, watches, name
// and the flags CLIENT LIST shows. A client exists for every connection and for each
// in-process handle.
import type { Bin } from './bytes.ts';
import type { Command } from './commands/spec.ts';
import type { Engine } from './engine.ts';
import type { BlockedState } from './keyspace/blocking.ts';
import type { Database } from './keyspace/database.ts';
import type { Reply } from './reply.ts';
import type { Protocol } from './resp/writer.ts';

/** The transport under a client, when there is one. */
export interface Connection {
  /** Sends replies that were not answers to a command just run (pub/sub messages). */
  push(reply: Reply): void;
  /**
   * The client's blocking command ended with `reply` (served, timed out, CLIENT UNBLOCK): send
   * it, then run the commands that arrived while it waited.
   */
  unblocked(reply: Reply): void;
  /** Closes after what was already written has been flushed. */
  close(): void;
  readonly remoteAddress: string;
  readonly localAddress: string;
  readonly fd: number;
  /** Bytes waiting in the query buffer / output buffer, for CLIENT LIST. */
  queryBufferBytes(): number;
  outputBufferBytes(): number;
}

export interface WatchedKey {
  client: Client;
  db: Database;
  key: Bin;
  /** The key was already past its TTL when watched: its expiry deletion is not a change. */
  expired: boolean;
}

export interface QueuedCommand {
  cmd: Command;
  argv: Bin[];
}

export class Client {
  name: Bin = '';
  db: Database;
  resp: Protocol = 2;
  authenticated: boolean;
  user = 'default';
  libName = '';
  libVersion = '';
  /** Queued commands while in MULTI, null outside. */
  multi: QueuedCommand[] | null = null;
  /** A command failed to queue (unknown, arity...): EXEC answers EXECABORT. */
  dirtyExec = false;
  /** A watched key changed: EXEC answers a null array. */
  dirtyCas = false;
  watched: WatchedKey[] = [];
  /** CLIENT REPLY OFF. */
  replyOff = false;
  /** Replies still to drop: CLIENT REPLY SKIP sets 2, its own and the next command's. */
  replySkip = 0;
  noEvict = false;
  /** Set by QUIT and protocol errors: close once the pending replies are written. */
  closeAfterReply = false;
  readonly createdAt: number;
  lastInteraction: number;
  lastCommand = 'NULL';
  /** Commands executed, for CLIENT LIST 'tot-cmds'-like stats and tests. */
  commandsProcessed = 0;
  /** Set while the client waits in a blocking command (BLPOP...). */
  blocked: BlockedState | null = null;
  /** For a client without a connection (in-process): where an unblocked reply goes. */
  onUnblocked: ((reply: Reply) => void) | null = null;
  killed = false;

  constructor(
    readonly engine: Engine,
    readonly id: number,
    readonly conn: Connection | null,
    db: Database,
  ) {
    this.db = db;
    this.authenticated = !engine.authRequiredByDefault();
    this.createdAt = engine.host.now();
    this.lastInteraction = this.createdAt;
  }

  get dbIndex(): number {
    return this.db.id;
  }

  /** True when this client must AUTH before anything but the no-auth commands. */
  authRequired(): boolean {
    return !this.authenticated && this.engine.authRequiredByDefault();
  }
}
