// The RESP server: TCP connections in, engine.execute per command, replies out. Each read is
// parsed whole and answered with one write, so a pipeline of thousands of commands costs one
// syscall each way.
import net from 'node:net';
import type { Bin } from '../src/bytes.ts';
import type { Client, Connection } from '../src/client.ts';
import type { Engine } from '../src/engine.ts';
import { err, type Reply } from '../src/reply.ts';
import { RespParser } from '../src/resp/parser.ts';
import { RespWriter } from '../src/resp/writer.ts';
import { BLOCKED } from '../src/keyspace/blocking.ts';

export interface ListenOptions {
  port: number;
  /** Addresses to bind; '*' is every IPv4 address, '::*' every IPv6 one. A leading '-' marks an optional one. */
  bind?: string[];
}

const allocBuffer = (n: number) => Buffer.allocUnsafe(n);

/**
 * Reads straight into one buffer shared by every connection, through Node's `onread` socket
 * option (documented for client sockets; for accepted ones its two internal slots are set by
 * hand): no Buffer allocated and no stream machinery per read. Safe to share because each read
 * is parsed synchronously in its callback and the parser copies any partial command it keeps.
 * Where this Node lacks the slots, connections use plain 'data' events.
 */
const READ_BUFFER_SIZE = 64 * 1024;
const userBufferReads = (() => {
  try {
    const probe = new net.Socket({ onread: { buffer: Buffer.alloc(1), callback: () => true } } as net.SocketConstructorOpts);
    const symbols = Object.getOwnPropertySymbols(probe);
    probe.destroy();
    const buffer = symbols.find((s) => s.description === 'kBuffer');
    const callback = symbols.find((s) => s.description === 'kBufferCb');
    return buffer && callback ? { buffer, callback, shared: Buffer.allocUnsafe(READ_BUFFER_SIZE) } : null;
  } catch {
    return null;
  }
})();

type UserBufferHandle = { useUserBuffer?: (buf: Uint8Array) => void };

function readIntoSharedBuffer(socket: net.Socket, onData: (chunk: Buffer, length: number) => void): boolean {
  const handle = (socket as unknown as { _handle?: UserBufferHandle })._handle;
  if (!userBufferReads || typeof handle?.useUserBuffer !== 'function') return false;
  const { buffer, callback, shared } = userBufferReads;
  const slots = socket as unknown as Record<symbol, unknown>;
  slots[buffer] = shared;
  slots[callback] = (nread: number, buf: Buffer) => {
    onData(buf, nread);
    return true;
  };
  handle.useUserBuffer(shared);
  return true;
}

/**
 * The native write request class (WriteWrap) that net.Socket's own write path creates for each
 * handle.writeBuffer call. It is internal to Node, so it is taken from the first write made the
 * ordinary way (socket.write); undefined until then, null if that write did not reveal it.
 */
type WriteRequest = { oncomplete: (status: number) => void; buffer?: Uint8Array };
type NativeHandle = {
  writeBuffer(req: WriteRequest, data: Uint8Array): number;
  readonly writeQueueSize: number;
};
let WriteRequestClass: (new () => WriteRequest) | null | undefined;

/** Wraps one handle's writeBuffer for the next write, to learn the request class it gets. */
function learnWriteRequestClass(handle: NativeHandle): void {
  const own = Object.getOwnPropertyDescriptor(handle, 'writeBuffer');
  if (own !== undefined || typeof handle.writeBuffer !== 'function') {
    WriteRequestClass = null;
    return;
  }
  const native = handle.writeBuffer;
  handle.writeBuffer = function (req, data) {
    delete (handle as Partial<NativeHandle>).writeBuffer;
    const found = (req as object).constructor as new () => WriteRequest;
    WriteRequestClass = typeof found === 'function' && (found as unknown) !== Object ? found : null;
    return native.call(this, req, data);
  };
}

/** Bytes a connection may leave queued in the kernel's stead before it stops reading. */
const WRITE_HIGH_WATER = 16 * 1024;

class SocketConnection implements Connection {
  readonly parser: RespParser;
  readonly writer = new RespWriter(16 * 1024, allocBuffer);
  client!: Client;
  closing = false;

  constructor(
    readonly server: RespServer,
    readonly socket: net.Socket,
  ) {
    const config = server.engine.config;
    this.parser = new RespParser({
      get maxBulkLen() {
        return config.getNumber('proto-max-bulk-len');
      },
      authRequired: () => this.client.authRequired(),
    });
  }

  get remoteAddress(): string {
    return `${this.socket.remoteAddress}:${this.socket.remotePort}`;
  }

  get localAddress(): string {
    return `${this.socket.localAddress}:${this.socket.localPort}`;
  }

  get fd(): number {
    return (this.socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
  }

  queryBufferBytes(): number {
    return this.parser.pendingBytes;
  }

  outputBufferBytes(): number {
    return this.socket.writableLength + this.nativeQueueBytes();
  }

  /** The socket's native stream handle (null once closed). */
  private get nativeHandle(): NativeHandle | null {
    return (this.socket as unknown as { _handle?: NativeHandle | null })._handle ?? null;
  }

  private nativeQueueBytes(): number {
    return this.nativeHandle?.writeQueueSize ?? 0;
  }

  push(reply: Reply): void {
    if (this.closing) return;
    this.writer.write(reply, this.client.resp);
    this.flush();
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.flush();
    this.socket.end();
  }

  /** chunk[0, length) was read (the shared read buffer is passed whole, not a view per read). */
  onData(chunk: Buffer, length: number): void {
    try {
      this.handle(chunk, length);
    } catch (e) {
      // Whatever went wrong stays with this connection: the server and the others carry on.
      this.server.engine.host.log('warning', `Closing client after an internal error: ${(e as Error)?.stack ?? e}`);
      this.writer.write(err(`ERR internal error: ${(e as Error)?.message ?? e}`), this.client.resp);
      this.close();
    }
  }

  private handle(chunk: Buffer, length: number): void {
    const engine = this.server.engine;
    engine.stats.netInputBytes += length;
    const { commands, error } = this.parser.feed(chunk, length);
    if (this.waiting !== null) {
      // Blocked: the commands wait their turn (Redis leaves them in the query buffer).
      for (const cmd of commands) this.waiting.push(cmd);
    } else {
      this.runCommands(commands, 0);
    }
    if (this.closing) return;
    const c = this.client;
    if (error !== undefined) {
      // Commands before the bad frame run first; a blocked client answers the error only once
      // they have (when it is unblocked).
      if (this.waiting !== null) {
        this.protocolError = error;
        return;
      }
      this.failProtocol(error);
      return;
    }
    if (this.parser.pendingBytes > engine.config.getNumber('client-query-buffer-limit')) {
      engine.host.log('warning', `Closing client that reached max query buffer length: id=${c.id} addr=${this.remoteAddress}`);
      this.writer.take();
      this.close();
      return;
    }
    this.server.flushLater(this);
  }

  /** Commands parsed but not yet run because the client is blocked; null while it is not. */
  private waiting: Bin[][] | null = null;
  /** A protocol error met while blocked: answered after the waiting commands. */
  private protocolError: string | null = null;

  /** Runs commands[from...] until one blocks the client; the rest wait for unblocked(). */
  private runCommands(commands: Bin[][], from: number): void {
    const engine = this.server.engine;
    const c = this.client;
    for (let i = from; i < commands.length && !this.closing; i++) {
      const reply = engine.execute(c, commands[i]);
      if (reply === BLOCKED) {
        this.waiting = commands.slice(i + 1);
        break;
      }
      if (reply !== undefined) this.writer.write(reply, c.resp);
      if (c.closeAfterReply || c.killed) {
        engine.endBatch();
        this.close();
        return;
      }
    }
    engine.endBatch();
  }

  private failProtocol(error: string): void {
    const engine = this.server.engine;
    this.writer.write(err(`ERR ${error}`), this.client.resp);
    engine.countError(err('ERR'));
    this.close();
  }

  unblocked(reply: Reply): void {
    if (this.closing) return;
    const c = this.client;
    if (c.replySkip > 0) c.replySkip--;
    else if (!c.replyOff) this.writer.write(reply, c.resp);
    this.flush();
    // What the client sent meanwhile runs on a later turn, as Redis handles unblocked clients
    // in beforeSleep: the command that woke it (and its pipeline) finishes first.
    setImmediate(() => this.resume());
  }

  private resume(): void {
    if (this.closing || this.client.blocked !== null) return;
    const waiting = this.waiting ?? [];
    this.waiting = null;
    try {
      this.runCommands(waiting, 0);
      if (!this.closing && this.waiting === null && this.protocolError !== null) this.failProtocol(this.protocolError);
    } catch (e) {
      this.server.engine.host.log('warning', `Closing client after an internal error: ${(e as Error)?.stack ?? e}`);
      this.close();
      return;
    }
    this.flush();
  }

  /** Set while the connection waits in the server's end-of-turn flush list. */
  flushQueued = false;

  flush(): void {
    if (this.writer.length === 0) return;
    if (this.writeDirect()) return;
    // Most writes reach the kernel at once; then the buffer is free again and is reused.
    // When some of it stays queued in the socket, the socket keeps it and we take a new one.
    const socket = this.socket;
    const pending = socket.writableLength > 0;
    const out = pending ? this.writer.take() : this.writer.peek();
    this.server.engine.stats.netOutputBytes += out.length;
    const ok = socket.write(out);
    if (!pending) {
      if (socket.writableLength === 0) this.writer.reset();
      else this.writer.take();
    }
    if (!ok) {
      // The client reads slower than we answer: stop reading until the kernel drains.
      this.socket.pause();
      this.socket.once('drain', () => this.socket.resume());
    }
  }

  /** Set while reading is paused because direct writes wait in libuv's queue. */
  private pausedForWrites = false;

  /**
   * Writes the replies straight to the native handle, as net.Socket's write ends up doing, but
   * without the Writable stream's bookkeeping (state, callbacks, a tick after each write):
   * at -P 1 that cost about 0.6 us of CPU per request, a sixth of a PING's user time. False
   * when the ordinary path must write: the request class is not known yet, or the stream
   * itself still holds data (writing past it would reorder replies).
   */
  private writeDirect(): boolean {
    const socket = this.socket;
    const handle = this.nativeHandle;
    if (handle === null || socket.destroyed) return false;
    if (WriteRequestClass === undefined) learnWriteRequestClass(handle);
    if (WriteRequestClass == null || socket.writableLength > 0) return false;
    const out = this.writer.peek();
    this.server.engine.stats.netOutputBytes += out.length;
    const req = new WriteRequestClass();
    req.oncomplete = this.directWriteDone;
    if (handle.writeBuffer(req, out) !== 0) {
      // EPIPE, ECONNRESET: the peer is gone (Redis frees a client whose write fails).
      socket.destroy();
      return true;
    }
    if (handle.writeQueueSize === 0) {
      this.writer.reset();
      return true;
    }
    // Only part went out: libuv keeps the rest of this buffer until it is written, so later
    // replies take a new one; and past the high-water mark we stop reading until it drains.
    req.buffer = out;
    this.writer.take();
    if (handle.writeQueueSize > WRITE_HIGH_WATER && !this.pausedForWrites) {
      this.pausedForWrites = true;
      socket.pause();
    }
    return true;
  }

  /** A direct write libuv had to queue has finished (or failed): one function per connection. */
  private readonly directWriteDone = (status: number): void => {
    if (status < 0) this.socket.destroy();
    else if (this.pausedForWrites && this.nativeQueueBytes() <= WRITE_HIGH_WATER) {
      this.pausedForWrites = false;
      if (!this.closing) this.socket.resume();
    }
  };
}

export class RespServer {
  private readonly servers: net.Server[] = [];
  private readonly connections = new Set<SocketConnection>();
  private idleTimer: ReturnType<typeof setInterval> | null = null;
  /** Connections with replies to write once this event-loop turn has read every socket. */
  private pendingFlush: SocketConnection[] = [];
  private readonly flushPending = () => {
    const list = this.pendingFlush;
    this.pendingFlush = [];
    for (const conn of list) {
      conn.flushQueued = false;
      if (!conn.closing) conn.flush();
    }
  };

  constructor(readonly engine: Engine) {}

  /**
   * Writes a connection's replies at the end of this event-loop turn rather than now, as
   * Redis's beforeSleep writes every client's replies after the reads of one epoll round: the
   * replies of all the connections that were readable go out together, which costs measurably
   * less CPU per request than a write per read (redis-benchmark: +7 to 14% requests/s).
   */
  flushLater(conn: SocketConnection): void {
    if (conn.flushQueued) return;
    conn.flushQueued = true;
    if (this.pendingFlush.push(conn) === 1) setImmediate(this.flushPending);
  }

  /** Starts listening; resolves with the port actually bound (useful with port 0). */
  async listen(opts: ListenOptions): Promise<{ port: number }> {
    const binds = opts.bind && opts.bind.length > 0 ? opts.bind : ['127.0.0.1', '-::1'];
    let port = opts.port;
    let bound = 0;
    for (const spec of binds) {
      const optional = spec.startsWith('-');
      const addr = optional ? spec.slice(1) : spec;
      const host = addr === '*' ? '0.0.0.0' : addr === '::*' ? '::' : addr;
      try {
        port = await this.listenOne(host, port);
        bound++;
      } catch (e) {
        if (!optional) throw e;
      }
    }
    if (bound === 0) throw new Error('could not bind any address');
    this.engine.listeningPort ??= port;
    this.idleTimer = setInterval(() => this.closeIdleClients(), 1000);
    this.idleTimer.unref();
    return { port };
  }

  private listenOne(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const srv = net.createServer({ noDelay: true, pauseOnConnect: true }, (socket) => this.accept(socket));
      srv.once('error', reject);
      srv.listen({ host, port, ipv6Only: host.includes(':'), backlog: 511 }, () => {
        srv.off('error', reject);
        srv.on('error', (e) => this.engine.host.log('warning', `server error: ${e.message}`));
        this.servers.push(srv);
        resolve((srv.address() as net.AddressInfo).port);
      });
    });
  }

  private accept(socket: net.Socket): void {
    const engine = this.engine;
    if (engine.shuttingDown) {
      socket.destroy();
      return;
    }
    if (this.connections.size >= engine.config.getNumber('maxclients')) {
      engine.stats.rejectedConnections++;
      socket.resume(); // (paused on connect) reads on, so that the peer's FIN completes the close
      socket.end('-ERR max number of clients reached\r\n');
      return;
    }
    if (this.protectedModeRefuses(socket)) {
      engine.stats.rejectedConnections++;
      socket.resume();
      socket.end(`-${PROTECTED_MODE_ERROR}\r\n`);
      return;
    }
    socket.setNoDelay(true);
    const conn = new SocketConnection(this, socket);
    conn.client = engine.createClient(conn);
    this.connections.add(conn);
    const onData = (chunk: Buffer, length: number) => conn.onData(chunk, length);
    if (!readIntoSharedBuffer(socket, onData)) socket.on('data', (chunk: Buffer) => onData(chunk, chunk.length));
    socket.resume();
    const gone = () => {
      if (!this.connections.delete(conn)) return;
      conn.closing = true;
      engine.freeClient(conn.client);
    };
    socket.on('close', gone);
    socket.on('error', () => socket.destroy());
  }

  /** Redis's protected mode: no password and default bind => only loopback may connect. */
  private protectedModeRefuses(socket: net.Socket): boolean {
    const cfg = this.engine.config;
    if (!cfg.getBool('protected-mode') || cfg.get('requirepass') !== '') return false;
    const addr = socket.remoteAddress ?? '';
    return !(addr.startsWith('127.') || addr === '::1' || addr.startsWith('::ffff:127.'));
  }

  /** `timeout`: close clients idle longer than that many seconds (0 = never). */
  private closeIdleClients(): void {
    const timeout = this.engine.config.getNumber('timeout');
    if (timeout <= 0) return;
    const now = this.engine.host.now();
    for (const conn of this.connections) {
      const c = conn.client;
      if (c.blocked === null && c.multi === null && now - c.lastInteraction > timeout * 1000) conn.socket.destroy();
    }
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    for (const conn of this.connections) conn.socket.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    this.servers.length = 0;
  }
}

export const PROTECTED_MODE_ERROR =
  "DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a bind address or an authentication password. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.";
