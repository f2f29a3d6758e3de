// RESP2/RESP3 serialization into one growing byte buffer, so a whole pipeline's replies leave in
// a single socket write.
import { encodeBinInto, type Bin } from '../bytes.ts';
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
} from '../reply.ts';

export type Protocol = 2 | 3;

const CRLF0 = 13;
const CRLF1 = 10;

export class RespWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(
    private readonly initialSize = 16 * 1024,
    private readonly alloc: (n: number) => Uint8Array = (n) => new Uint8Array(n),
  ) {
    this.buf = alloc(initialSize);
  }

  get length(): number {
    return this.pos;
  }

  /** The bytes written so far; the writer starts over on a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = this.alloc(Math.max(this.initialSize, Math.min(this.buf.length, 1 << 20)));
    this.pos = 0;
    return out;
  }

  /** The bytes written so far, still in the writer's buffer (valid until the next write). */
  peek(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** Starts over on the same buffer: the caller is done with what peek() returned. */
  reset(): void {
    this.pos = 0;
    if (this.buf.length > 1 << 20) this.buf = this.alloc(this.initialSize);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = this.alloc(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** ASCII text (headers, numbers, simple strings). */
  private ascii(s: string): void {
    this.ensure(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  private line(prefix: string, s: string): void {
    this.ensure(s.length + 3);
    const b = this.buf;
    let p = this.pos;
    b[p++] = prefix.charCodeAt(0);
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    b[p++] = CRLF0;
    b[p++] = CRLF1;
    this.pos = p;
  }

  /**
   * A header or integer line (`:42`, `$5`, `*3`) written digit by digit: replies are mostly
   * small integers and lengths, and formatting each through String() allocates a string.
   */
  private intLine(prefix: number, n: number): void {
    this.ensure(24);
    const b = this.buf;
    let p = this.pos;
    b[p++] = prefix;
    if (n < 0) {
      b[p++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    const end = p + digits;
    for (let i = end - 1; i >= p; i--) {
      b[i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
    b[end] = CRLF0;
    b[end + 1] = CRLF1;
    this.pos = end + 2;
  }

  bulk(s: Bin): void {
    const n = s.length;
    this.intLine(0x24, n);
    this.ensure(n + 2);
    this.pos += n <= 32 ? this.smallCopy(s) : encodeBinInto(s, this.buf, this.pos);
    this.buf[this.pos++] = CRLF0;
    this.buf[this.pos++] = CRLF1;
  }

  private smallCopy(s: Bin): number {
    const b = this.buf;
    const p = this.pos;
    for (let i = 0; i < s.length; i++) b[p + i] = s.charCodeAt(i);
    return s.length;
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  write(r: Reply, proto: Protocol): void {
    if (typeof r === 'string') return this.bulk(r);
    if (typeof r === 'number') return Number.isSafeInteger(r) ? this.intLine(0x3a, r) : this.line(':', String(r));
    if (typeof r === 'bigint') return this.line(':', String(r));
    if (r === null) return this.ascii(proto === 3 ? '_\r\n' : '$-1\r\n');
    if (Array.isArray(r)) {
      this.intLine(0x2a, r.length);
      for (let i = 0; i < r.length; i++) this.write(r[i], proto);
      return;
    }
    if (r instanceof SimpleString) return this.simple(r);
    if (r instanceof ErrorReply) return this.line('-', oneLine(r.message));
    if (r instanceof NullArray) return this.ascii(proto === 3 ? '_\r\n' : '*-1\r\n');
    if (r instanceof MapReply) {
      this.line(proto === 3 ? '%' : '*', String(proto === 3 ? r.entries.length / 2 : r.entries.length));
      for (const e of r.entries) this.write(e, proto);
      return;
    }
    if (r instanceof SetReply) {
      this.line(proto === 3 ? '~' : '*', String(r.items.length));
      for (const e of r.items) this.write(e, proto);
      return;
    }
    if (r instanceof DoubleReply) return proto === 3 ? this.line(',', r.text) : this.bulk(r.text);
    if (r instanceof BoolReply) return proto === 3 ? this.line('#', r.value ? 't' : 'f') : this.line(':', r.value ? '1' : '0');
    if (r instanceof VerbatimReply) return proto === 3 ? this.verbatim(r) : this.bulk(r.text);
    if (r instanceof BigNumberReply) return proto === 3 ? this.line('(', r.digits) : this.bulk(r.digits);
    if (r instanceof PushReply) {
      this.line(proto === 3 ? '>' : '*', String(r.items.length));
      for (const e of r.items) this.write(e, proto);
      return;
    }
    if (r instanceof MultiReply) {
      for (const e of r.replies) this.write(e, proto);
      return;
    }
    throw new TypeError(`not a reply: ${String(r)}`);
  }

  private simple(r: SimpleString): void {
    let bytes = r.encoded;
    if (bytes === null) {
      const text = oneLine(r.value);
      if (text.length > 64) return this.line('+', text);
      bytes = r.encoded = new Uint8Array(text.length + 3);
      bytes[0] = 0x2b;
      for (let i = 0; i < text.length; i++) bytes[i + 1] = text.charCodeAt(i);
      bytes[text.length + 1] = CRLF0;
      bytes[text.length + 2] = CRLF1;
    }
    this.ensure(bytes.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) b[p++] = bytes[i];
    this.pos = p;
  }

  private verbatim(r: VerbatimReply): void {
    const body = r.format + ':' + r.text;
    this.line('=', String(body.length));
    this.ensure(body.length + 2);
    this.pos += encodeBinInto(body, this.buf, this.pos);
    this.buf[this.pos++] = CRLF0;
    this.buf[this.pos++] = CRLF1;
  }
}

/** Status and error lines cannot hold CR or LF: Redis replaces them with spaces. */
function oneLine(s: string): string {
  return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace(/[\r\n]/g, ' ');
}

/** One reply as bytes (tests, MONITOR, the in-process listener). */
export function encodeReply(r: Reply, proto: Protocol = 2): Uint8Array {
  const w = new RespWriter(256);
  w.write(r, proto);
  return w.take();
}
