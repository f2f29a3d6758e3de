// The engine: databases, clients, the command table and the one dispatcher every command goes
// through (Redis's processCommand + call). Hosts feed it argument vectors and write back what
// it returns; nothing here knows about sockets.
import type { Bin } from './bytes.ts';
import { Client, type Connection, type WatchedKey } from './client.ts';
import { ALL_COMMANDS } from './commands/index.ts';
import type { Command, CommandFlag, CommandSpec } from './commands/spec.ts';
import { Config } from './config.ts';
import type { Host, TimerHandle } from './host.ts';
import { Database, LRU_MASK, type KeyspaceHooks } from './keyspace/database.ts';
import type { Value } from './types/value.ts';
import { E, ErrorReply, QUEUED, err, type Reply } from './reply.ts';
import { BLOCKED, type BlockedState, type ServeBlocked } from './keyspace/blocking.ts';

export interface EngineOptions {
  host: Host;
  /** Configuration overrides, as redis.conf names and values. */
  config?: Record<string, string>;
}

/** Commands that run at once even inside MULTI (everything else is queued). */
const RUN_IN_MULTI = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

export interface ServerStats {
  startTime: number;
  totalConnections: number;
  rejectedConnections: number;
  totalCommands: number;
  expiredKeys: number;
  evictedKeys: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  totalErrorReplies: number;
  /** Error replies by prefix (ERR, WRONGTYPE...), for INFO errorstats. */
  errors: Map<string, number>;
  netInputBytes: number;
  netOutputBytes: number;
}

export class Engine implements KeyspaceHooks {
  readonly host: Host;
  readonly config: Config;
  readonly dbs: Database[];
  readonly commands = new Map<string, Command>();
  readonly clients = new Map<number, Client>();
  readonly stats: ServerStats;
  /** Writes since the last save (INFO rdb_changes_since_last_save). */
  dirty = 0;
  activeExpireEnabled = true;
  /** The TCP port a host actually listens on (listen({port: 0}) picks one), for INFO. */
  listeningPort: number | null = null;
  /** Set by SHUTDOWN / a host stop: no new commands. */
  shuttingDown = false;
  private nextClientId = 1;
  /** The time expiry is judged by while a command runs (Redis's cached command time). */
  private commandTime = 0;
  private callDepth = 0;
  /** The command whose handler is running (blockClient records it). */
  private runningCommand: Command | null = null;
  private commandLruClock = 0;
  /** wall ms - monotonic ms, resynchronized by the cron so that clock changes are followed. */
  private wallOffsetMs: number;
  private readonly watchedKeys = new Map<Database, Map<Bin, WatchedKey[]>>();
  private cron: TimerHandle | null = null;

  constructor(opts: EngineOptions) {
    this.host = opts.host;
    this.wallOffsetMs = this.host.now() - this.host.monotonicUs() / 1000;
    this.config = new Config(opts.config);
    const n = this.config.getNumber('databases');
    this.dbs = Array.from({ length: n }, (_, i) => new Database(i, this));
    for (const spec of ALL_COMMANDS) this.register(spec);
    this.stats = {
      startTime: this.host.now(),
      totalConnections: 0,
      rejectedConnections: 0,
      totalCommands: 0,
      expiredKeys: 0,
      evictedKeys: 0,
      keyspaceHits: 0,
      keyspaceMisses: 0,
      totalErrorReplies: 0,
      errors: new Map(),
      netInputBytes: 0,
      netOutputBytes: 0,
    };
    this.scheduleCron();
  }

  private register(spec: CommandSpec, parent?: Command): Command {
    const cmd: Command = {
      spec,
      fullName: parent ? `${parent.fullName}|${spec.name}` : spec.name,
      parent,
      flags: new Set<CommandFlag>(spec.flags),
      noAuth: spec.flags.includes('no_auth'),
      isProtected: spec.flags.includes('protected'),
      noMulti: spec.flags.includes('no_multi'),
      stats: { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 },
    };
    if (spec.subcommands) {
      cmd.subcommands = new Map();
      for (const sub of spec.subcommands) cmd.subcommands.set(sub.name, this.register(sub, cmd));
    }
    if (!parent) {
      if (this.commands.has(spec.name)) throw new Error(`command ${spec.name} declared twice`);
      this.commands.set(spec.name, cmd);
    }
    return cmd;
  }

  // ---- clients ----

  createClient(conn: Connection | null): Client {
    const c = new Client(this, this.nextClientId++, conn, this.dbs[0]);
    this.clients.set(c.id, c);
    this.stats.totalConnections++;
    return c;
  }

  freeClient(c: Client): void {
    if (c.blocked !== null) this.forgetBlocked(c, c.blocked);
    this.unwatchAll(c);
    c.multi = null;
    this.clients.delete(c.id);
  }

  authRequiredByDefault(): boolean {
    return this.config.get('requirepass') !== '';
  }

  // ---- the dispatcher ----

  /**
   * Runs one command for a client and returns its reply, or undefined when nothing is to be
   * sent (CLIENT REPLY OFF/SKIP). The checks every command shares are made here, in Redis's
   * order, so that handlers do only their own work.
   */
  execute(c: Client, argv: Bin[]): Reply | undefined {
    const reply = this.process(c, argv);
    if (this.readyKeys.length > 0) this.serveReadyKeys();
    if (reply === BLOCKED) return reply;
    if (c.replySkip > 0) {
      c.replySkip--;
      return undefined;
    }
    return c.replyOff ? undefined : reply;
  }

  private process(c: Client, argv: Bin[]): Reply {
    const cmd = this.lookup(argv);
    // CLIENT LIST's cmd= is the last command looked up, even one rejected or queued (NULL if unknown).
    c.lastCommand = cmd === undefined || cmd instanceof ErrorReply ? 'NULL' : cmd.fullName;
    if (cmd === undefined) return this.reject(c, null, unknownCommandError(argv));
    if (cmd instanceof ErrorReply) return this.reject(c, null, cmd);
    const arity = cmd.spec.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
      return this.reject(c, cmd, E.wrongArity(cmd.fullName));
    }
    if (c.authRequired() && !cmd.noAuth) return this.reject(c, cmd, err('NOAUTH Authentication required.'));
    if (cmd.isProtected && !this.protectedAllowed(c)) {
      return this.reject(
        c,
        cmd,
        err(
          `ERR ${cmd.spec.name.toUpperCase()} command not allowed. If the enable-${cmd.spec.name}-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.`,
        ),
      );
    }
    if (c.multi !== null && cmd.noMulti) return this.reject(c, cmd, err('ERR Command not allowed inside a transaction'));
    if (c.multi !== null && !RUN_IN_MULTI.has(cmd.spec.name)) {
      c.multi.push({ cmd, argv });
      return QUEUED;
    }
    return this.call(c, cmd, argv);
  }

  /** The command for an argv: undefined if unknown, an error for an unknown subcommand. */
  lookup(argv: Bin[]): Command | ErrorReply | undefined {
    const base = this.commandByName(argv[0]);
    if (base === undefined || base.subcommands === undefined || argv.length < 2) return base;
    const sub = base.subcommands.get(argv[1].toLowerCase());
    if (sub !== undefined) return sub;
    return err(`ERR unknown subcommand '${truncate(argv[1], 128)}'. Try ${base.spec.name.toUpperCase()} HELP.`);
  }

  /**
   * Names as clients spell them ('GET', 'get', 'Get') -> command. Clients send the same
   * spelling over and over, so this saves a toLowerCase per command; bounded against floods
   * of made-up spellings.
   */
  private readonly spellings = new Map<Bin, Command>();

  /** The last name looked up and its command: a pipeline mostly repeats one command. */
  private lastName: Bin = '';
  private lastCommandFound: Command | undefined = undefined;

  private commandByName(name: Bin): Command | undefined {
    // The parser hands out one string per short spelling, so this is mostly a pointer check.
    if (name === this.lastName) return this.lastCommandFound;
    let cmd = this.spellings.get(name);
    if (cmd !== undefined) {
      this.lastName = name;
      this.lastCommandFound = cmd;
      return cmd;
    }
    cmd = this.commands.get(name.toLowerCase());
    if (cmd !== undefined && this.spellings.size < 4096) this.spellings.set(name, cmd);
    return cmd;
  }

  /** Runs a command that passed the checks; also used by EXEC for each queued command. */
  call(c: Client, cmd: Command, argv: Bin[]): Reply {
    const t0 = this.host.monotonicUs();
    const outer = this.callDepth === 0;
    if (outer) {
      // One clock read per command: it closes the previous command's timing, starts this
      // one's, and gives the wall time (derived from the monotonic clock).
      this.closeTiming(t0);
      c.lastInteraction = this.commandTime = Math.floor(this.wallOffsetMs + t0 / 1000);
      this.commandLruClock = Math.floor(this.commandTime / 1000) & LRU_MASK;
    }
    this.callDepth++;
    let reply: Reply;
    const outerCommand = this.runningCommand;
    this.runningCommand = cmd;
    try {
      reply = cmd.spec.handler!(c, argv);
    } catch (e) {
      // A handler bug must not take the server down: answer an error, as Redis would rather crash.
      this.host.log('warning', `command ${cmd.fullName} failed: ${(e as Error)?.stack ?? e}`);
      reply = err(`ERR internal error in '${cmd.fullName}': ${(e as Error)?.message ?? e}`);
    } finally {
      this.callDepth--;
      this.runningCommand = outerCommand;
    }
    // A blocked command is counted when its client is unblocked.
    if (reply === BLOCKED) return reply;
    const stats = cmd.stats;
    stats.calls++;
    if (outer) {
      this.timedCommand = cmd;
      this.timedSince = t0;
    } else {
      stats.usec += this.host.monotonicUs() - t0;
    }
    this.stats.totalCommands++;
    c.commandsProcessed++;
    c.lastCommand = cmd.fullName;
    if (reply instanceof ErrorReply) {
      stats.failedCalls++;
      this.countError(reply);
    }
    return reply;
  }

  private reject(c: Client, cmd: Command | null, e: ErrorReply): ErrorReply {
    if (c.multi !== null) c.dirtyExec = true;
    if (cmd) cmd.stats.rejectedCalls++;
    this.countError(e);
    return e;
  }

  countError(e: ErrorReply): void {
    this.stats.totalErrorReplies++;
    const prefix = e.prefix;
    this.stats.errors.set(prefix, (this.stats.errors.get(prefix) ?? 0) + 1);
  }

  private protectedAllowed(c: Client): boolean {
    const v = this.config.get('enable-debug-command');
    if (v === 'yes') return true;
    if (v === 'local') return c.conn === null || isLocalAddress(c.conn.remoteAddress);
    return false;
  }

  // ---- time ----

  // An outer command's duration ends at the next clock read: the next command, or endBatch().
  private timedCommand: Command | null = null;
  private timedSince = 0;

  private closeTiming(now: number): void {
    const cmd = this.timedCommand;
    if (cmd === null) return;
    cmd.stats.usec += now - this.timedSince;
    this.timedCommand = null;
  }

  /** A host calls this after running a batch of commands (one socket read, one API call). */
  endBatch(): void {
    if (this.timedCommand !== null) this.closeTiming(this.host.monotonicUs());
  }

  /** The time for expiry decisions: fixed while a command (or EXEC) runs, as in Redis. */
  now(): number {
    return this.callDepth > 0 ? this.commandTime : this.host.now();
  }

  lruClock(): number {
    return this.callDepth > 0 ? this.commandLruClock : Math.floor(this.host.now() / 1000) & LRU_MASK;
  }

  // ---- keyspace hooks ----

  keyspaceHit(): void {
    this.stats.keyspaceHits++;
  }

  keyspaceMiss(): void {
    this.stats.keyspaceMisses++;
  }

  keyExpired(): void {
    this.stats.expiredKeys++;
  }

  notify(): void {
    // Keyspace notifications arrive with pub/sub.
  }

  expiresOwnKeys(): boolean {
    return true;
  }

  // ---- blocking ----

  // Clients parked by blocking commands, per database and key, in the order they blocked.
  private readonly blockedOnKeys = new Map<Database, Map<Bin, Client[]>>();
  /** Keys created while someone waits on them, to serve after the current command. */
  private readyKeys: { db: Database; key: Bin }[] = [];
  blockedClientCount = 0;

  /** See keyspace/blocking.ts. */
  blockClient(c: Client, keys: readonly Bin[], timeoutAt: number, serve: ServeBlocked, timeoutReply: Reply): Reply {
    // Inside EXEC (and scripts) nothing blocks: the command answers as if it had timed out.
    if (this.callDepth > 1 || c.multi !== null || this.runningCommand === null) return timeoutReply;
    const state: BlockedState = {
      db: c.db,
      keys: [...new Set(keys)],
      timeoutAt,
      serve,
      timeoutReply,
      timer: null,
      cmd: this.runningCommand,
      since: this.host.monotonicUs(),
    };
    let byKey = this.blockedOnKeys.get(c.db);
    if (!byKey) this.blockedOnKeys.set(c.db, (byKey = new Map()));
    for (const key of state.keys) {
      const list = byKey.get(key);
      if (list) list.push(c);
      else byKey.set(key, [c]);
    }
    if (timeoutAt > 0) {
      state.timer = this.host.setTimer(Math.max(0, timeoutAt - this.host.now()), () => {
        state.timer = null;
        if (c.blocked === state) this.unblockClient(c, state.timeoutReply);
      });
    }
    c.blocked = state;
    this.blockedClientCount++;
    return BLOCKED;
  }

  /** Database hook: a key was added. Clients waiting on it are served after this command. */
  keyAdded(db: Database, key: Bin): void {
    this.signalKeyAsReady(db, key);
  }

  /**
   * Clients blocked on `key` get a chance to be served after the current command: called for
   * new keys, and by commands that add to an existing key waiters care about (XADD; XGROUP
   * DESTROY and the like, whose waiters must learn of it), as Redis's signalKeyAsReady.
   */
  signalKeyAsReady(db: Database, key: Bin): void {
    if (this.blockedClientCount === 0) return;
    if (this.blockedOnKeys.get(db)?.has(key)) this.readyKeys.push({ db, key });
  }

  /** Database hook: see KeyspaceHooks.valueRemoved. */
  valueRemoved(db: Database, key: Bin, old: Value): void {
    if (this.blockedClientCount > 0 && typeof old === 'object' && old.type === 'stream') this.signalKeyAsReady(db, key);
  }

  /**
   * SWAPDB, FLUSHDB, FLUSHALL: every key of `db` someone waits on may have come or gone; each
   * waiter's serve() decides (a list waiter keeps waiting on a missing key, an XREADGROUP waiter
   * learns its stream is gone).
   */
  databaseReplaced(db: Database): void {
    const byKey = this.blockedOnKeys.get(db);
    if (!byKey) return;
    for (const key of byKey.keys()) this.readyKeys.push({ db, key });
  }

  /**
   * Serves clients blocked on keys that became ready, FIFO per key, until nothing more is
   * ready (serving one, BLMOVE say, may make another key ready). Redis's
   * handleClientsBlockedOnKeys, run after each command.
   */
  private serveReadyKeys(): void {
    while (this.readyKeys.length > 0) {
      const ready = this.readyKeys;
      this.readyKeys = [];
      for (const { db, key } of ready) {
        const waiting = this.blockedOnKeys.get(db)?.get(key);
        if (!waiting) continue;
        for (const c of [...waiting]) {
          const state = c.blocked;
          if (state === null || state.db !== db) continue;
          const reply = this.runAsCommand(c, () => state.serve(c, key));
          if (reply !== undefined) this.unblockClient(c, reply);
        }
      }
    }
  }

  /** Runs work for a client outside any command (serving it when unblocked) with a command's clock. */
  private runAsCommand<T>(c: Client, fn: () => T): T {
    const t0 = this.host.monotonicUs();
    this.commandTime = Math.floor(this.wallOffsetMs + t0 / 1000);
    this.commandLruClock = Math.floor(this.commandTime / 1000) & LRU_MASK;
    const savedDb = c.db;
    const state = c.blocked;
    if (state) c.db = state.db;
    this.callDepth++;
    try {
      return fn();
    } finally {
      this.callDepth--;
      c.db = savedDb;
    }
  }

  /**
   * Ends a client's wait with `reply` (served, timed out, CLIENT UNBLOCK) and hands the reply
   * to its host, which then runs the commands the client sent meanwhile.
   */
  unblockClient(c: Client, reply: Reply): void {
    const state = c.blocked;
    if (state === null) return;
    this.forgetBlocked(c, state);
    // The blocked command counts now, as Redis's updateStatsOnUnblock does.
    const cmd = state.cmd;
    cmd.stats.calls++;
    cmd.stats.usec += this.host.monotonicUs() - state.since;
    this.stats.totalCommands++;
    if (reply instanceof ErrorReply) {
      cmd.stats.failedCalls++;
      this.countError(reply);
    }
    if (c.conn !== null) c.conn.unblocked(reply);
    else c.onUnblocked?.(reply);
  }

  private forgetBlocked(c: Client, state: BlockedState): void {
    c.blocked = null;
    this.blockedClientCount--;
    state.timer?.cancel();
    const byKey = this.blockedOnKeys.get(state.db);
    if (byKey) {
      for (const key of state.keys) {
        const list = byKey.get(key);
        if (!list) continue;
        const i = list.indexOf(c);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) byKey.delete(key);
      }
      if (byKey.size === 0) this.blockedOnKeys.delete(state.db);
    }
  }

  // ---- WATCH ----

  watch(c: Client, db: Database, key: Bin): void {
    if (c.watched.some((w) => w.db === db && w.key === key)) return;
    const wk: WatchedKey = { db, key, expired: db.dict.has(key) && db.isExpired(key), client: c };
    c.watched.push(wk);
    let byKey = this.watchedKeys.get(db);
    if (!byKey) this.watchedKeys.set(db, (byKey = new Map()));
    const list = byKey.get(key);
    if (list) list.push(wk);
    else byKey.set(key, [wk]);
  }

  unwatchAll(c: Client): void {
    for (const wk of c.watched) {
      const byKey = this.watchedKeys.get(wk.db);
      const list = byKey?.get(wk.key);
      if (!byKey || !list) continue;
      const i = list.indexOf(wk);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) byKey.delete(wk.key);
    }
    c.watched = [];
    c.dirtyCas = false;
  }

  keyModified(db: Database, key: Bin): void {
    if (this.watchedKeys.size === 0) return;
    const list = this.watchedKeys.get(db)?.get(key);
    if (!list) return;
    for (const wk of list) {
      if (wk.expired && !db.dict.has(key)) {
        // It was already expired when watched and is now gone: logically nothing changed.
        wk.expired = false;
        continue;
      }
      wk.client.dirtyCas = true;
    }
  }

  /** FLUSHDB/FLUSHALL/SWAPDB: every watched key that exists in `emptied` (or `replacedWith`). */
  touchAllWatchedKeys(emptied: Database, replacedWith: Database | null): void {
    const byKey = this.watchedKeys.get(emptied);
    if (!byKey) return;
    for (const [key, list] of byKey) {
      const existsInEmptied = emptied.dict.has(key);
      const existsInReplacement = replacedWith !== null && replacedWith.dict.has(key);
      if (!existsInEmptied && !existsInReplacement) continue;
      for (const wk of list) {
        if (wk.expired) {
          if (!existsInReplacement) {
            wk.expired = false;
            continue;
          } else if (replacedWith!.isExpired(key)) {
            continue;
          }
        } else if (!existsInEmptied && replacedWith!.isExpired(key)) {
          wk.expired = true;
          continue;
        }
        wk.client.dirtyCas = true;
      }
    }
  }

  /** At EXEC: a watched key that expired since WATCH counts as modified. */
  watchedKeyExpired(c: Client): boolean {
    return c.watched.some((wk) => !wk.expired && wk.db.dict.has(wk.key) && wk.db.isExpired(wk.key));
  }

  // ---- cron: active expiry ----

  private scheduleCron(): void {
    const hz = Math.max(1, Math.min(500, this.config.getNumber('hz') || 10));
    this.cron = this.host.setTimer(1000 / hz, () => {
      this.cron = null;
      if (this.shuttingDown) return;
      this.wallOffsetMs = this.host.now() - this.host.monotonicUs() / 1000;
      if (this.activeExpireEnabled) this.activeExpireCycle(1000 / hz);
      this.scheduleCron();
    });
  }

  /**
   * Reclaims expired keys nobody reads: samples 20 keys with a TTL per database and goes on
   * while more than a tenth of a sample had expired, within a quarter of the cron period.
   */
  activeExpireCycle(periodMs: number): void {
    const deadline = this.host.monotonicUs() + periodMs * 250;
    const now = this.host.now();
    for (const db of this.dbs) {
      let expired: number;
      let sample: number;
      do {
        const n = db.expires.size;
        if (n === 0) break;
        sample = Math.min(20, n);
        expired = 0;
        for (let i = 0; i < sample && db.expires.size > 0; i++) {
          const slot = Math.floor(this.host.random() * db.expires.size);
          const key = db.expires.keyAtSlot(slot);
          if (now > db.expires.valueAtSlot(slot)) {
            db.deleteExpired(key);
            expired++;
          }
        }
        if (this.host.monotonicUs() > deadline) return;
      } while (expired > sample / 10);
    }
  }

  /** Stops timers; the engine answers nothing after this. */
  close(): void {
    this.shuttingDown = true;
    this.cron?.cancel();
    this.cron = null;
  }
}

/** As C's `%.<n>s` in Redis's error formats: at most n bytes, and nothing past a NUL. */
function truncate(s: string, n: number): string {
  const nul = s.indexOf('\0');
  if (nul >= 0 && nul < n) n = nul;
  return s.length > n ? s.slice(0, n) : s;
}

/** Redis's reply to an unknown command: the name, then the first arguments, quoted. */
function unknownCommandError(argv: Bin[]): ErrorReply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) args += `'${truncate(argv[i], 128 - args.length)}' `;
  return err(`ERR unknown command '${truncate(argv[0], 128)}', with args beginning with: ${args}`);
}

function isLocalAddress(addr: string): boolean {
  return addr.startsWith('127.') || addr.startsWith('::1') || addr.startsWith('[::1]') || addr.startsWith('::ffff:127.') || addr.startsWith('/');
}
