// A raw RESP client for tests: sends byte-exact commands and returns each reply as a typed tree,
// so two servers' answers can be compared on type and bytes, not just on value.
import net from 'node:net';

export type RespValue =
  | { t: '+' | '-' | '(' | ','; v: string }
  | { t: ':'; v: bigint }
  | { t: '$'; v: Buffer | null }
  | { t: '='; v: Buffer }
  | { t: '*' | '~' | '>'; v: RespValue[] | null }
  | { t: '%'; v: [RespValue, RespValue][] }
  | { t: '_' }
  | { t: '#'; v: boolean };

export type Arg = string | Buffer | number;

export function encodeCommand(args: Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'latin1');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply from buf at pos; returns [value, next pos] or null if incomplete. */
export function parseReply(buf: Buffer, pos: number): [RespValue, number] | null {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return null;
  const t = String.fromCharCode(buf[pos]);
  const line = buf.toString('latin1', pos + 1, nl);
  let p = nl + 2;
  switch (t) {
    case '+':
    case '-':
    case '(':
    case ',':
      return [{ t, v: line }, p];
    case ':':
      return [{ t, v: BigInt(line) }, p];
    case '_':
      return [{ t }, p];
    case '#':
      return [{ t, v: line === 't' }, p];
    case '$':
    case '=': {
      const n = Number(line);
      if (n < 0) return [{ t: '$', v: null }, p];
      if (buf.length < p + n + 2) return null;
      const v = Buffer.from(buf.subarray(p, p + n));
      return [t === '$' ? { t, v } : { t, v }, p + n + 2];
    }
    case '*':
    case '~':
    case '>':
    case '%': {
      const n = Number(line);
      if (n < 0) return [{ t: '*', v: null }, p];
      const items: RespValue[] = [];
      const count = t === '%' ? n * 2 : n;
      for (let i = 0; i < count; i++) {
        const r = parseReply(buf, p);
        if (!r) return null;
        items.push(r[0]);
        p = r[1];
      }
      if (t === '%') {
        const pairs: [RespValue, RespValue][] = [];
        for (let i = 0; i < items.length; i += 2) pairs.push([items[i], items[i + 1]]);
        return [{ t, v: pairs }, p];
      }
      return [{ t, v: items }, p];
    }
    default:
      throw new Error(`bad reply type byte ${JSON.stringify(t)} in ${JSON.stringify(buf.toString('latin1', pos, pos + 80))}`);
  }
}

/** A readable rendering of a reply (for diffs in failure messages). */
export function show(r: RespValue): string {
  switch (r.t) {
    case '$':
      return r.v === null ? '(nil)' : JSON.stringify(r.v.toString('latin1'));
    case '=':
      return `=${JSON.stringify(r.v.toString('latin1'))}`;
    case '*':
    case '~':
    case '>':
      return r.v === null ? '(nil array)' : `${r.t}[${r.v.map(show).join(', ')}]`;
    case '%':
      return `{${r.v.map(([k, v]) => `${show(k)}: ${show(v)}`).join(', ')}}`;
    case '_':
      return '_';
    case ':':
      return `:${r.v}`;
    case '#':
      return r.v ? '#t' : '#f';
    default:
      return `${r.t}${r.v}`;
  }
}

export class RespClient {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RespValue) => void; reject: (e: Error) => void }[] = [];
  private closed = false;
  /** Replies nobody asked for (pushes, replies after CLIENT REPLY changes). */
  readonly unsolicited: RespValue[] = [];

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => this.onData(d));
    const fail = (e: Error) => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    socket.on('close', () => fail(new Error('connection closed')));
    socket.on('error', (e) => fail(e));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ port, host }, () => {
        s.setNoDelay(true);
        s.off('error', reject);
        resolve(new RespClient(s));
      });
      s.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    let pos = 0;
    for (;;) {
      if (pos >= this.buf.length) break;
      const r = parseReply(this.buf, pos);
      if (!r) break;
      pos = r[1];
      const w = this.waiting.shift();
      if (w) w.resolve(r[0]);
      else this.unsolicited.push(r[0]);
    }
    this.buf = this.buf.subarray(pos);
  }

  /** Sends one command and waits for its reply. */
  call(...args: Arg[]): Promise<RespValue> {
    return this.callMany([args]).then((r) => r[0]);
  }

  /** Sends several commands in one write (a pipeline) and waits for every reply. */
  callMany(cmds: Arg[][]): Promise<RespValue[]> {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    const ps = cmds.map(() => new Promise<RespValue>((resolve, reject) => this.waiting.push({ resolve, reject })));
    this.socket.write(Buffer.concat(cmds.map(encodeCommand)));
    return Promise.all(ps);
  }

  /** Writes raw bytes (protocol tests). */
  writeRaw(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  /** Waits for the next reply to arrive without sending anything. */
  next(): Promise<RespValue> {
    const u = this.unsolicited.shift();
    if (u) return Promise.resolve(u);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
