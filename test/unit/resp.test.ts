// The RESP request parser and the reply writer, byte by byte. What they must do is what Redis's
// networking.c does (the e2e protocol test checks the same cases against the real server).
import { describe, expect, it } from 'vitest';
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  MapReply,
  MultiReply,
  NULL_ARRAY,
  OK,
  PushReply,
  SetReply,
  SimpleString,
  VerbatimReply,
  err,
  type Reply,
} from '../../src/reply.ts';
import { MAX_ARGUMENT_BYTES, PROTO_INLINE_MAX_SIZE, RespParser, splitArgs } from '../../src/resp/parser.ts';
import { RespWriter, encodeReply } from '../../src/resp/writer.ts';
import { seededRandom } from '../support/seeded-random.ts';

const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const text = (b: Uint8Array) => String.fromCharCode(...b);

function parser(maxBulkLen = 512 * 1024 * 1024, authRequired = false): RespParser {
  return new RespParser({ maxBulkLen, authRequired: () => authRequired });
}

/** Feeds the input in the given pieces; returns every command and the first error. */
function feedPieces(p: RespParser, pieces: string[]): { commands: string[][]; error?: string } {
  const commands: string[][] = [];
  for (const piece of pieces) {
    const r = p.feed(bytes(piece));
    commands.push(...r.commands);
    if (r.error !== undefined) return { commands, error: r.error };
  }
  return { commands };
}

const mb = (...args: string[]) => `*${args.length}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join('');

describe('RespParser: multi-bulk requests', () => {
  it('parses one command', () => {
    expect(parser().feed(bytes(mb('SET', 'k', 'v')))).toEqual({ commands: [['SET', 'k', 'v']] });
  });

  it('keeps binary bytes (NUL, CR, LF, 0xff) inside bulks exactly', () => {
    const v = '\x00\r\n\xff\xfe$*\r';
    expect(parser().feed(bytes(mb('SET', 'k\x00', v))).commands).toEqual([['SET', 'k\x00', v]]);
  });

  it('builds arguments of every length from 0 to 40 bytes exactly, whichever path builds them', () => {
    // Lengths up to 8 come from the intern cache, up to 24 from one fromCharCode call per
    // length, longer ones from the codec: every byte value at every position must survive.
    for (let n = 0; n <= 40; n++) {
      const args = Array.from({ length: 4 }, (_, k) => String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 37 + k * 101 + n) & 0xff)));
      expect(parser().feed(bytes(mb(...args))).commands).toEqual([args]);
    }
  });

  it('parses an empty bulk and an empty key', () => {
    expect(parser().feed(bytes(mb('SET', '', ''))).commands).toEqual([['SET', '', '']]);
  });

  it('answers a pipeline of thousands of commands in order from one chunk', () => {
    const input = Array.from({ length: 5000 }, (_, i) => mb('SET', `key:${i}`, `v${i}`)).join('');
    const { commands } = parser().feed(bytes(input));
    expect(commands.length).toBe(5000);
    commands.forEach((c, i) => expect(c).toEqual(['SET', `key:${i}`, `v${i}`]));
  });

  it('skips *0 and negative counts as empty commands, as Redis does', () => {
    expect(parser().feed(bytes('*0\r\n*-1\r\n' + mb('PING'))).commands).toEqual([['PING']]);
  });

  it('ignores the two bytes after a bulk payload without checking them', () => {
    expect(parser().feed(bytes('*1\r\n$4\r\nPINGxx' + mb('ECHO', 'a'))).commands).toEqual([['PING'], ['ECHO', 'a']]);
  });

  it('waits for the rest of a header, a payload or its CRLF', () => {
    const p = parser();
    for (const piece of ['*', '2\r', '\n$4', '\r\nEC', 'HO\r\n$1\r\nx\r']) expect(p.feed(bytes(piece)).commands).toEqual([]);
    expect(p.pendingBytes).toBeGreaterThan(0);
    expect(p.feed(bytes('\n')).commands).toEqual([['ECHO', 'x']]);
    expect(p.pendingBytes).toBe(0);
  });
});

describe('RespParser: the one-pass path and the stateful path agree', () => {
  // A whole command goes through parseWhole; fed a byte at a time, the same bytes go through
  // the stateful path. Odd headers (leading zeros, signs, a byte other than LF after CR, NULs,
  // huge or empty counts) must come out the same either way, commands and errors alike.
  const pieces = ['*', '$', '\r\n', '\r', '\n', '0', '1', '2', '3', '9', '-', '+', ' ', '\x00', 'x', 'AB', '16385', '100001'];
  it('over 3000 seeded random inputs built from well-formed and mangled commands', () => {
    const rand = seededRandom(2027);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
    for (let t = 0; t < 3000; t++) {
      let input = '';
      const parts = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < parts; k++) {
        if (rand() < 0.6) {
          const args = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => 'v'.repeat(Math.floor(rand() * 30)));
          let m = mb(...args);
          if (rand() < 0.5) {
            const at = Math.floor(rand() * m.length);
            m = m.slice(0, at) + pick(pieces) + m.slice(at + (rand() < 0.5 ? 1 : 0));
          }
          input += m;
        } else {
          input += Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(pieces)).join('');
        }
      }
      const whole = parser().feed(bytes(input));
      const byByte = feedPieces(parser(), input.split(''));
      expect(byByte, `input ${JSON.stringify(input)}`).toEqual(whole);
    }
  });
});

describe('RespParser: a stream split at every byte boundary', () => {
  const stream =
    mb('SET', 'key', 'a\r\nb\x00\xff') +
    'PING\r\n' +
    mb('ECHO', '') +
    'ECHO "x y" \'z\'\n' +
    '*0\r\n' +
    mb('MSET', 'a', '1', 'b', '2') +
    '\r\n' +
    mb('GET', 'x'.repeat(300));
  const expected = [['SET', 'key', 'a\r\nb\x00\xff'], ['PING'], ['ECHO', ''], ['ECHO', 'x y', 'z'], ['MSET', 'a', '1', 'b', '2'], ['GET', 'x'.repeat(300)]];

  it('gives the same commands for every split into two pieces', () => {
    for (let i = 0; i <= stream.length; i++) {
      expect(feedPieces(parser(), [stream.slice(0, i), stream.slice(i)]), `split at ${i}`).toEqual({ commands: expected });
    }
  });

  it('gives the same commands for every split into three pieces (first 120 bytes)', () => {
    for (let i = 0; i < 120; i++) {
      for (let j = i; j < 120; j++) {
        const r = feedPieces(parser(), [stream.slice(0, i), stream.slice(i, j), stream.slice(j)]);
        expect(r, `splits at ${i}, ${j}`).toEqual({ commands: expected });
      }
    }
  });

  it('gives the same commands fed one byte at a time', () => {
    expect(feedPieces(parser(), [...stream])).toEqual({ commands: expected });
  });

  it('assembles a bulk of 1 MB fed in 1000-byte chunks', () => {
    const big = 'v'.repeat(1 << 20);
    const input = mb('SET', 'big', big);
    const pieces: string[] = [];
    for (let i = 0; i < input.length; i += 1000) pieces.push(input.slice(i, i + 1000));
    const r = feedPieces(parser(), pieces);
    expect(r.commands.length).toBe(1);
    expect(r.commands[0][2] === big).toBe(true);
  });
});

describe('RespParser: the caller may reuse its read buffer', () => {
  // The server reads every socket into one shared buffer: whatever the parser keeps of a
  // partial command must be its own copy, even when the chunk is a Node Buffer.
  it('keeps a copy of a partial command, not a view of the chunk', () => {
    const p = parser();
    const input = mb('SET', 'key', 'value-one') + mb('GET', 'key');
    const shared = Buffer.alloc(64);
    for (const cut of [5, 17, 30, input.length - 3]) {
      const first = Buffer.from(input.slice(0, cut), 'latin1');
      first.copy(shared);
      const got = p.feed(shared.subarray(0, first.length)).commands;
      shared.fill(0x58); // the next read overwrites the buffer
      const rest = Buffer.from(input.slice(cut), 'latin1');
      rest.copy(shared);
      got.push(...p.feed(shared.subarray(0, rest.length)).commands);
      expect(got).toEqual([['SET', 'key', 'value-one'], ['GET', 'key']]);
    }
  });
});

describe('RespParser: the longest argument a JS string can hold', () => {
  it('refuses a bulk longer than MAX_ARGUMENT_BYTES as an invalid bulk length, accepts one that long', () => {
    expect(feedPieces(parser(), [`*2\r\n$3\r\nSET\r\n$${MAX_ARGUMENT_BYTES + 1}\r\n`]).error).toBe('Protocol error: invalid bulk length');
    expect(feedPieces(parser(), [`*2\r\n$3\r\nSET\r\n$${MAX_ARGUMENT_BYTES}\r\n`])).toEqual({ commands: [] });
  });
});

describe('RespParser: inline commands', () => {
  it('splits on spaces and tabs, with CRLF or a bare LF', () => {
    expect(parser().feed(bytes('SET  k\tv\r\nPING\n')).commands).toEqual([['SET', 'k', 'v'], ['PING']]);
  });

  it('skips empty lines', () => {
    expect(parser().feed(bytes('\r\n\n   \r\nPING\r\n')).commands).toEqual([['PING']]);
  });

  it('waits for the newline', () => {
    const p = parser();
    expect(p.feed(bytes('PIN')).commands).toEqual([]);
    expect(p.feed(bytes('G\r\n')).commands).toEqual([['PING']]);
  });

  it('does not see a newline past a NUL byte (Redis searches with strchr)', () => {
    expect(parser().feed(bytes('PI\x00NG\r\n'))).toEqual({ commands: [] });
  });

  it('rejects unbalanced quotes', () => {
    expect(parser().feed(bytes('SET "a b\r\n')).error).toBe('Protocol error: unbalanced quotes in request');
  });
});

describe('splitArgs (sdssplitargs)', () => {
  const cases: [string, string[] | null][] = [
    ['', []],
    ['   ', []],
    ['a b  c', ['a', 'b', 'c']],
    ['"a b"', ['a b']],
    ['""', ['']],
    ["''", ['']],
    ['"\\x41\\x00\\xff"', ['A\x00\xff']],
    ['"\\n\\r\\t\\b\\a\\\\\\"q"', ['\n\r\t\b\x07\\"q']],
    ['"\\xZZ"', ['xZZ']],
    ["'it\\'s'", ["it's"]],
    ["'a\\nb'", ['a\\nb']],
    ['"a"b', null],
    ["'a'b", null],
    ['"abc', null],
    ["'abc", null],
    ['a"b"c', null],
    ['a"b c" d', ['ab c', 'd']],
    ['set k "v"', ['set', 'k', 'v']],
  ];
  for (const [line, want] of cases) {
    it(`${JSON.stringify(line)} -> ${JSON.stringify(want)}`, () => expect(splitArgs(line)).toEqual(want));
  }

  it('ends the line at a NUL, as the C string does', () => {
    expect(splitArgs('a b\x00c d')).toEqual(['a', 'b']);
  });
});

describe('RespParser: protocol errors (Redis texts)', () => {
  const cases: [string, string, string][] = [
    ['non-numeric multibulk count', '*abc\r\n', 'Protocol error: invalid multibulk length'],
    ['empty multibulk count', '*\r\n', 'Protocol error: invalid multibulk length'],
    ['multibulk count with a leading zero', '*01\r\n', 'Protocol error: invalid multibulk length'],
    ['multibulk count with a space', '* 1\r\n', 'Protocol error: invalid multibulk length'],
    ['multibulk count over INT_MAX', '*2147483648\r\n', 'Protocol error: invalid multibulk length'],
    ['negative bulk length', '*1\r\n$-5\r\n', 'Protocol error: invalid bulk length'],
    ['bulk length with a plus sign', '*1\r\n$+4\r\n', 'Protocol error: invalid bulk length'],
    ['empty bulk length', '*1\r\n$\r\n', 'Protocol error: invalid bulk length'],
    ['bulk length with a leading zero', '*1\r\n$04\r\n', 'Protocol error: invalid bulk length'],
    ['integer where a bulk is expected', '*3\r\n$3\r\nSET\r\n:1\r\n', "Protocol error: expected '$', got ':'"],
  ];
  for (const [what, input, error] of cases) {
    it(what, () => expect(parser().feed(bytes(input))).toEqual({ commands: [], error }));
  }

  it('returns the commands before the error, then the error', () => {
    expect(parser().feed(bytes(mb('PING') + 'ECHO a\r\n*x\r\n' + mb('PING')))).toEqual({
      commands: [['PING'], ['ECHO', 'a']],
      error: 'Protocol error: invalid multibulk length',
    });
  });

  it('rejects a bulk longer than proto-max-bulk-len before reading it', () => {
    expect(parser(1000).feed(bytes('*1\r\n$1001\r\n')).error).toBe('Protocol error: invalid bulk length');
    expect(parser(1000).feed(bytes('*1\r\n$1000\r\n')).error).toBeUndefined();
  });

  it('gives up on a header or inline line longer than 64 KB without a newline', () => {
    const big = 'x'.repeat(PROTO_INLINE_MAX_SIZE + 1);
    expect(parser().feed(bytes(big)).error).toBe('Protocol error: too big inline request');
    expect(parser().feed(bytes('*' + '1'.repeat(PROTO_INLINE_MAX_SIZE + 1))).error).toBe('Protocol error: too big mbulk count string');
    expect(parser().feed(bytes('*1\r\n$' + '1'.repeat(PROTO_INLINE_MAX_SIZE + 1))).error).toBe('Protocol error: too big bulk count string');
  });

  it('accepts a 64 KB inline line that does end', () => {
    const arg = 'x'.repeat(PROTO_INLINE_MAX_SIZE - 10);
    expect(parser().feed(bytes(`ECHO ${arg}\r\n`)).commands).toEqual([['ECHO', arg]]);
  });

  it('caps lengths for connections that still have to authenticate', () => {
    expect(parser(512 << 20, true).feed(bytes('*11\r\n')).error).toBe('Protocol error: unauthenticated multibulk length');
    expect(parser(512 << 20, true).feed(bytes('*1\r\n$16385\r\n')).error).toBe('Protocol error: unauthenticated bulk length');
    expect(parser(512 << 20, true).feed(bytes('*10\r\n$16384\r\n')).error).toBeUndefined();
  });

  it('discards the rest of the input after an error', () => {
    const p = parser();
    p.feed(bytes('*abc\r\n' + mb('PING')));
    expect(p.pendingBytes).toBe(0);
  });
});

describe('RespWriter', () => {
  const cases: [string, Reply, string, string][] = [
    ['bulk', 'abc', '$3\r\nabc\r\n', '$3\r\nabc\r\n'],
    ['empty bulk', '', '$0\r\n\r\n', '$0\r\n\r\n'],
    ['binary bulk', '\x00\xff\r\n', '$4\r\n\x00\xff\r\n\r\n', '$4\r\n\x00\xff\r\n\r\n'],
    ['integer', 42, ':42\r\n', ':42\r\n'],
    ['negative integer', -7, ':-7\r\n', ':-7\r\n'],
    ['zero', 0, ':0\r\n', ':0\r\n'],
    ['ten', 10, ':10\r\n', ':10\r\n'],
    ['largest safe integer', 9007199254740991, ':9007199254740991\r\n', ':9007199254740991\r\n'],
    ['smallest safe integer', -9007199254740991, ':-9007199254740991\r\n', ':-9007199254740991\r\n'],
    ['int64 as bigint', -9223372036854775808n, ':-9223372036854775808\r\n', ':-9223372036854775808\r\n'],
    ['null', null, '$-1\r\n', '_\r\n'],
    ['null array', NULL_ARRAY, '*-1\r\n', '_\r\n'],
    ['status', OK, '+OK\r\n', '+OK\r\n'],
    ['status with a newline', new SimpleString('a\r\nb'), '+a  b\r\n', '+a  b\r\n'],
    ['error', err('ERR syntax error'), '-ERR syntax error\r\n', '-ERR syntax error\r\n'],
    ['error with newlines', err('ERR a\nb\rc'), '-ERR a b c\r\n', '-ERR a b c\r\n'],
    ['array', ['a', 1, null], '*3\r\n$1\r\na\r\n:1\r\n$-1\r\n', '*3\r\n$1\r\na\r\n:1\r\n_\r\n'],
    ['empty array', [], '*0\r\n', '*0\r\n'],
    ['nested array', [['x'], []], '*2\r\n*1\r\n$1\r\nx\r\n*0\r\n', '*2\r\n*1\r\n$1\r\nx\r\n*0\r\n'],
    ['map', new MapReply(['k', 1]), '*2\r\n$1\r\nk\r\n:1\r\n', '%1\r\n$1\r\nk\r\n:1\r\n'],
    ['set', new SetReply(['a', 'b']), '*2\r\n$1\r\na\r\n$1\r\nb\r\n', '~2\r\n$1\r\na\r\n$1\r\nb\r\n'],
    ['double', new DoubleReply(1.5, '1.5'), '$3\r\n1.5\r\n', ',1.5\r\n'],
    ['infinite double', new DoubleReply(Infinity, 'inf'), '$3\r\ninf\r\n', ',inf\r\n'],
    ['true', new BoolReply(true), ':1\r\n', '#t\r\n'],
    ['false', new BoolReply(false), ':0\r\n', '#f\r\n'],
    ['verbatim', new VerbatimReply('txt', 'hi'), '$2\r\nhi\r\n', '=6\r\ntxt:hi\r\n'],
    ['big number', new BigNumberReply('123456789012345678901234567890'), '$30\r\n123456789012345678901234567890\r\n', '(123456789012345678901234567890\r\n'],
    ['push', new PushReply(['message', 'ch', 'hi']), '*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n', '>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n'],
    ['several replies at once', new MultiReply([OK, 1]), '+OK\r\n:1\r\n', '+OK\r\n:1\r\n'],
  ];
  for (const [what, reply, resp2, resp3] of cases) {
    it(`${what} (RESP2 and RESP3)`, () => {
      expect(text(encodeReply(reply, 2))).toBe(resp2);
      expect(text(encodeReply(reply, 3))).toBe(resp3);
    });
  }

  it('grows past its initial size and hands the bytes over once', () => {
    const w = new RespWriter(16);
    const big = '\xff'.repeat(100_000);
    for (let i = 0; i < 3; i++) w.write(big, 2);
    w.write(1, 2);
    expect(w.length).toBe(3 * (100_000 + 11) + 4);
    const out = w.take();
    expect(out.length).toBe(3 * (100_000 + 11) + 4);
    expect(text(out.subarray(0, 12))).toBe('$100000\r\n\xff\xff\xff');
    expect(text(out.subarray(out.length - 4))).toBe(':1\r\n');
    expect(w.length).toBe(0);
    w.write(OK, 2);
    expect(text(w.take())).toBe('+OK\r\n');
  });

  it('writes a pipeline of replies back to back', () => {
    const w = new RespWriter(64);
    for (let i = 0; i < 1000; i++) w.write(i % 2 ? OK : String(i), 2);
    const out = text(w.take());
    let expected = '';
    for (let i = 0; i < 1000; i++) expected += i % 2 ? '+OK\r\n' : `$${String(i).length}\r\n${i}\r\n`;
    expect(out).toBe(expected);
  });

  it('refuses something that is not a reply', () => {
    expect(() => encodeReply({} as unknown as Reply)).toThrow(TypeError);
  });
});
