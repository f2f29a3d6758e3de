// The in-process API shared by every host: commands without a socket.
//
//   const db = await Cinnabar.open();
//   await db.call('SET', 'k', 'v');      // 'OK'
//   await db.call('GET', 'k');           // 'v'
//
// How replies map to JS values (RESP2, the default):
//   bulk string -> string (UTF-8 decoded), or Uint8Array from callBuffer()
//   simple string -> string ('OK');  integer -> number (bigint beyond 2^53)
//   null bulk / null array -> null;  array -> array
//   error -> a thrown ReplyError (inside an EXEC result: a ReplyError in its place)
// After HELLO 3: map -> Map, set -> Set, double -> number, boolean -> boolean,
// big number -> bigint; strings as above.
import { binToBytes, binToUtf8, utf8ToBin, bytesToBin, type Bin } from './bytes.ts';
import type { Client } from './client.ts';
import { Engine, type EngineOptions } from './engine.ts';
import { BLOCKED } from './keyspace/blocking.ts';
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  MultiReply,
  NullArray,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  type Reply,
} from './reply.ts';

/** A Redis error reply, thrown by call(). `message` is Redis's text ('ERR syntax error'). */
export class ReplyError extends Error {
  override readonly name = 'ReplyError';
  /** The first word of the message: ERR, WRONGTYPE, NOSCRIPT, EXECABORT... */
  readonly prefix: string;
  constructor(message: string) {
    super(message);
    this.prefix = message.split(' ', 1)[0];
  }
}

export type Arg = string | number | bigint | Uint8Array;

export type JsReply =
  | string
  | Uint8Array
  | number
  | bigint
  | boolean
  | null
  | ReplyError
  | JsReply[]
  | Map<JsReply, JsReply>
  | Set<JsReply>;

/** An argument as the engine's binary string: text is sent as UTF-8, bytes as they are. */
export function argToBin(a: Arg): Bin {
  if (typeof a === 'string') return utf8ToBin(a);
  if (a instanceof Uint8Array) return bytesToBin(a);
  if (typeof a === 'number' || typeof a === 'bigint') return String(a);
  throw new TypeError(`unsupported argument type: ${typeof a}`);
}

/** A reply as JS values; `bytes` returns bulk strings as Uint8Array. */
export function replyToJs(r: Reply, resp: 2 | 3, bytes: boolean): JsReply {
  if (typeof r === 'string') return bytes ? binToBytes(r) : binToUtf8(r);
  if (typeof r === 'number' || typeof r === 'bigint' || r === null) return r;
  if (Array.isArray(r)) return r.map((x) => replyToJs(x, resp, bytes));
  if (r instanceof SimpleString) return r.value;
  if (r instanceof ErrorReply) return new ReplyError(r.message);
  if (r instanceof NullArray) return null;
  if (r instanceof MapReply) {
    if (resp === 2) return r.entries.map((x) => replyToJs(x, resp, bytes));
    const m = new Map<JsReply, JsReply>();
    for (let i = 0; i < r.entries.length; i += 2) m.set(replyToJs(r.entries[i], resp, bytes), replyToJs(r.entries[i + 1], resp, bytes));
    return m;
  }
  if (r instanceof SetReply) {
    const items = r.items.map((x) => replyToJs(x, resp, bytes));
    return resp === 2 ? items : new Set(items);
  }
  if (r instanceof DoubleReply) return resp === 2 ? replyToJs(r.text, resp, bytes) : r.value;
  if (r instanceof BoolReply) return resp === 2 ? (r.value ? 1 : 0) : r.value;
  if (r instanceof VerbatimReply) return replyToJs(r.text, resp, bytes);
  if (r instanceof BigNumberReply) return resp === 2 ? r.digits : BigInt(r.digits);
  if (r instanceof PushReply) return r.items.map((x) => replyToJs(x, resp, bytes));
  if (r instanceof MultiReply) return r.replies.map((x) => replyToJs(x, resp, bytes));
  throw new TypeError('not a reply');
}

export type OpenOptions = Omit<EngineOptions, 'host'> & { host?: EngineOptions['host'] };

/** The engine in this process, with one client of its own. */
export class CinnabarCore {
  protected readonly client: Client;

  constructor(readonly engine: Engine) {
    this.client = engine.createClient(null);
  }

  /** Runs a command; resolves to its reply, rejects with ReplyError on an error reply. */
  call(...args: Arg[]): Promise<JsReply> {
    return this.run(args, false);
  }

  /** As call(), with bulk strings as Uint8Array (for binary values). */
  callBuffer(...args: Arg[]): Promise<JsReply> {
    return this.run(args, true);
  }

  /** Settles when a blocking command of this client (BLPOP...) gets its reply. */
  private unblocked: Promise<unknown> | null = null;

  private run(args: Arg[], bytes: boolean): Promise<JsReply> {
    if (args.length === 0) return Promise.reject(new TypeError('call() needs a command name'));
    // While a blocking command waits, later calls wait behind it, as a connection's would.
    if (this.unblocked !== null) return this.unblocked.then(() => this.run(args, bytes));
    let reply: Reply | undefined;
    try {
      reply = this.engine.execute(this.client, args.map(argToBin));
    } catch (e) {
      return Promise.reject(e);
    } finally {
      this.engine.endBatch();
    }
    if (reply === BLOCKED) {
      const answer = new Promise<Reply>((resolve) => {
        this.client.onUnblocked = resolve;
      });
      this.unblocked = answer.then(() => {
        this.unblocked = null;
        this.client.onUnblocked = null;
      });
      return answer.then((r) => this.toJs(r, bytes));
    }
    if (reply === undefined) return Promise.resolve(null);
    return this.toJs(reply, bytes);
  }

  private toJs(reply: Reply, bytes: boolean): Promise<JsReply> {
    const js = replyToJs(reply, this.client.resp, bytes);
    return js instanceof ReplyError ? Promise.reject(js) : Promise.resolve(js);
  }

  /** Stops the engine's timers. */
  async close(): Promise<void> {
    this.engine.freeClient(this.client);
    this.engine.close();
  }
}
