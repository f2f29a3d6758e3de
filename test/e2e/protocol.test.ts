// RESP over TCP against the cinnabar-server binary: frames split anywhere, big pipelines,
// inline commands, malformed input (compared byte for byte with the real redis-server, and the
// connection closed as Redis closes it), and a seeded fuzz of random and mutated RESP from
// several connections at once.
import net from 'node:net';
import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../compat/harness.ts';
import { rssBytes, startCinnabar, type CinnabarProcess } from '../support/cinnabar-server.ts';
import { startRedis, type RealRedis } from '../support/redis-server.ts';
import { RespClient, encodeCommand, type Arg } from '../support/resp-client.ts';

let cinnabar: CinnabarProcess;
let redis: RealRedis;
/** A connection opened first and used throughout: it must keep working whatever others send. */
let bystander: RespClient;

beforeAll(async () => {
  // A small query buffer limit (Redis's minimum) so the limit case needs only a few MB.
  const args = ['--client-query-buffer-limit', '1mb'];
  [cinnabar, redis] = await Promise.all([startCinnabar(args), startRedis(args)]);
  bystander = await RespClient.connect(cinnabar.port);
});

afterAll(async () => {
  bystander?.close();
  await Promise.all([cinnabar?.stop(), redis?.stop()]);
});

interface Exchange {
  data: Buffer;
  /** The server closed the connection. */
  closed: boolean;
}

/**
 * Opens a connection, writes each piece as its own write (a macrotask apart, so the server
 * reads them separately), and collects what comes back until the server closes the connection
 * or stays silent for idleMs.
 */
function exchange(port: number, pieces: (string | Buffer)[], idleMs = 300): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const s = net.createConnection({ port, host: '127.0.0.1' });
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ data: Buffer.concat(chunks), closed });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), idleMs);
    };
    s.setNoDelay(true);
    s.on('connect', async () => {
      for (let i = 0; i < pieces.length && !finished; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 1));
        s.write(typeof pieces[i] === 'string' ? Buffer.from(pieces[i] as string, 'latin1') : (pieces[i] as Buffer));
      }
      arm();
    });
    s.on('data', (d) => {
      chunks.push(d);
      arm();
    });
    s.on('end', () => finish(true));
    s.on('close', () => finish(true));
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? finish(true) : reject(e)));
  });
}

/** The same input to both servers; what each replied and whether it closed must be identical. */
async function sameAsRedis(pieces: (string | Buffer)[], idleMs?: number): Promise<Exchange> {
  const [r, c] = await Promise.all([exchange(redis.port, pieces, idleMs), exchange(cinnabar.port, pieces, idleMs)]);
  expect({ reply: c.data.toString('latin1'), closed: c.closed }).toEqual({ reply: r.data.toString('latin1'), closed: r.closed });
  return r;
}

async function bystanderStillWorks(): Promise<void> {
  const tag = `alive-${Math.random()}`;
  expect(await bystander.call('ECHO', tag)).toEqual({ t: '$', v: Buffer.from(tag) });
}

const mb = (...args: Arg[]) => encodeCommand(args).toString('latin1');

describe('frames split across reads', () => {
  const stream = [
    mb('SET', 'split:k', '\x00a\r\nb\xff'),
    mb('GET', 'split:k'),
    'ECHO "x y" \'z\'\r\n',
    mb('PING'),
    '\r\n',
    'PING\n',
    mb('ECHO', ''),
    mb('GET', 'split:missing'),
  ].join('');

  it('answers the same whatever byte the stream is split at', async () => {
    const whole = await exchange(redis.port, [stream]);
    expect(whole.closed).toBe(false);
    const expected = whole.data.toString('latin1');
    expect(expected.split('\r\n').length).toBeGreaterThan(8);
    const c = await RespClient.connect(cinnabar.port);
    try {
      for (let i = 1; i < stream.length; i++) {
        const got = await new Promise<string>((resolve) => {
          const parts: Buffer[] = [];
          const socket = (c as unknown as { socket: net.Socket }).socket;
          const onData = (d: Buffer) => {
            parts.push(d);
            const all = Buffer.concat(parts).toString('latin1');
            if (all.length >= expected.length) {
              socket.off('data', onData);
              resolve(all);
            }
          };
          socket.prependListener('data', onData);
          socket.write(Buffer.from(stream.slice(0, i), 'latin1'));
          setTimeout(() => socket.write(Buffer.from(stream.slice(i), 'latin1')), 1);
        });
        expect(got, `split at byte ${i}`).toBe(expected);
      }
    } finally {
      c.close();
    }
  });

  it('answers the same when every byte arrives in its own read', async () => {
    await sameAsRedis([...stream]);
  });
});

describe('pipelines', () => {
  it('answers 10,000 commands sent in one write, in order', async () => {
    const cmds: Arg[][] = [];
    for (let i = 0; i < 5000; i++) cmds.push(['SET', `pipe:${i}`, `value-${i}`], ['GET', `pipe:${i}`]);
    const payload = Buffer.concat(cmds.map(encodeCommand));
    const c = await RespClient.connect(cinnabar.port);
    const replies = await new Promise<unknown[]>((resolve, reject) => {
      const ps = cmds.map(() => c.next());
      c.writeRaw(payload);
      Promise.all(ps).then(resolve, reject);
    });
    c.close();
    for (let i = 0; i < 5000; i++) {
      expect(replies[2 * i]).toEqual({ t: '+', v: 'OK' });
      expect(replies[2 * i + 1]).toEqual({ t: '$', v: Buffer.from(`value-${i}`) });
    }
  });

  it('gives the same bytes as Redis for a pipeline mixing inline, multi-bulk and errors', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 2000; i++) {
      parts.push(mb('SET', `mix:${i}`, `v${i}`), `GET mix:${i}\r\n`, mb('GET', `mix:${i}`, 'extra'), mb('NOSUCH', `a${i}`), mb('PING', `p${i}`));
    }
    await sameAsRedis([parts.join('')], 500);
  });

  it('answers 100,000 PINGs (1.4 MB) sent at once', async () => {
    const payload = Buffer.from('*1\r\n$4\r\nPING\r\n'.repeat(100_000));
    const r = await exchange(cinnabar.port, [payload], 1000);
    expect(r.closed).toBe(false);
    expect(r.data.length).toBe('+PONG\r\n'.length * 100_000);
    expect(r.data.toString('latin1')).toBe('+PONG\r\n'.repeat(100_000));
  });
});

describe.concurrent('inline commands (as typed in telnet) match Redis', () => {
  const cases: [string, string][] = [
    ['plain words', 'SET inline:k hello\r\nGET inline:k\r\n'],
    ['double quotes with spaces', 'SET inline:k "a b  c"\r\nGET inline:k\r\n'],
    ['hex and control escapes', 'ECHO "\\x41\\x00\\xff\\n\\r\\t\\b\\a\\"\\\\"\r\n'],
    ['an invalid hex escape', 'ECHO "\\xZZ"\r\n'],
    ['single quotes with an escaped quote', "ECHO 'it\\'s \\n raw'\r\n"],
    ['empty quoted arguments', 'SET "" ""\r\nGET ""\r\n'],
    ['quotes inside a word', 'ECHO a"b c"\r\n'],
    ['tabs and repeated spaces', 'ECHO\t\t  x  \r\n'],
    ['bare LF endings', 'PING\nECHO lf\n'],
    ['empty lines are skipped', '\r\n\r\n\n  \r\nPING\r\n'],
    ['a line of only spaces then a command', '     \r\nECHO ok\r\n'],
    ['inline then multi-bulk', 'PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n'],
    ['lowercase command', 'echo lower\r\n'],
    ['wrong arity', 'GET\r\n'],
    ['unknown command with arguments', 'FOO bar "baz qux"\r\n'],
    ['a line starting with $', '$4\r\nPING\r\n'],
  ];
  for (const [what, input] of cases) it(what, () => sameAsRedis([input]));
});

describe('malformed input: Redis replies and closes the connection, other clients carry on', () => {
  const cases: [string, string | Buffer][] = [
    ['a non-numeric multibulk count', '*abc\r\n'],
    ['an empty multibulk count', '*\r\n'],
    ['a multibulk count with a leading zero', '*01\r\n$4\r\nPING\r\n'],
    ['a multibulk count with a space', '* 1\r\n$4\r\nPING\r\n'],
    ['a multibulk count over INT_MAX', '*2147483648\r\n'],
    ['a negative bulk length', '*1\r\n$-5\r\n'],
    ['a bulk length with a plus sign', '*1\r\n$+4\r\nPING\r\n'],
    ['an empty bulk length', '*1\r\n$\r\n'],
    ['a non-numeric bulk length', '*1\r\n$x\r\n'],
    ['an integer where a bulk is expected', '*3\r\n$3\r\nSET\r\n:1\r\n'],
    ['a simple string where a bulk is expected', '*1\r\n+PING\r\n'],
    ['a bulk length over proto-max-bulk-len', '*2\r\n$4\r\nECHO\r\n$600000000\r\n'],
    ['unbalanced double quotes', 'SET k "a b\r\n'],
    ['a closing quote followed by a letter', "SET k 'a'b\r\n"],
    ['an error after good commands', mb('PING') + 'ECHO ok\r\n' + '*1\r\n$-1\r\n' + mb('PING')],
    ['an inline line over 64 KB without a newline', 'A'.repeat(70_000)],
    ['a multibulk count line over 64 KB', '*' + '1'.repeat(70_000)],
    ['a bulk length line over 64 KB', '*1\r\n$' + '1'.repeat(70_000)],
    ['a query buffer over client-query-buffer-limit', '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3000000\r\n' + 'x'.repeat(1_500_000)],
  ];
  for (const [what, input] of cases) {
    it(what, async () => {
      const r = await sameAsRedis([input]);
      expect(r.closed).toBe(true);
      await bystanderStillWorks();
    });
  }

  it('the same malformed frame split byte by byte', async () => {
    const r = await sameAsRedis([...(mb('ECHO', 'x') + '*3\r\n$3\r\nSET\r\n:1\r\n')]);
    expect(r.closed).toBe(true);
  });
});

describe.concurrent('input Redis does not reject: it waits for more, or takes it as a command', () => {
  const waiting: [string, string][] = [
    ['a NUL byte inside a command name', '*1\r\n$4\r\nPI\x00G\r\n'],
    ['a NUL byte in an inline line (its newline is never seen)', 'PI\x00NG\r\n'],
    ['a huge multibulk count (Redis waits for the arguments)', '*2000000000\r\n'],
    ['*0 and *-1 (skipped)', '*0\r\n*-1\r\nPING\r\n'],
    ['bytes other than CRLF after a payload (skipped unchecked)', '*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n'],
    ['LF without CR in multi-bulk headers', '*1\n$4\nPING\n'],
    ['a CR not followed by LF', '*1\r\r\n'],
  ];
  for (const [what, input] of waiting) {
    it(what, async () => {
      const r = await sameAsRedis([input]);
      expect(r.closed).toBe(false);
      await bystanderStillWorks();
    });
  }

});

describe('fuzz: random and mutated RESP from several connections', () => {
  const WORKERS = 4;
  const BATCHES_PER_WORKER = 250;
  const TIME_LIMIT_MS = 20_000;
  const seed = Number(process.env.FUZZ_SEED ?? 0x5eed) >>> 0;

  /** A tag no other connection's traffic contains: a leak shows up as a foreign tag in a reply. */
  const tagOf = (w: number) => `{fz${w}q${(seed + w * 7919).toString(36)}}`;

  function validFrame(rng: Rng, w: number, n: number): Buffer {
    const tag = tagOf(w);
    const key = `${tag}k${rng.int(0, 20)}`;
    const value = `${tag}v${n}:${'\x00\xff\r\n'.slice(0, rng.int(0, 4))}${'x'.repeat(rng.int(0, 3) === 0 ? rng.int(0, 5000) : rng.int(0, 20))}`;
    switch (rng.int(0, 12)) {
      case 0:
        return encodeCommand(['SET', key, value]);
      case 1:
        return encodeCommand(['GET', key]);
      case 2:
        return encodeCommand(['ECHO', value]);
      case 3:
        return encodeCommand(['PING', value]);
      case 4:
        return Buffer.from(`ECHO "${tag}\\x${rng.int(0, 255).toString(16).padStart(2, '0')}" '${n}'\r\n`, 'latin1');
      case 5:
        return encodeCommand(['SELECT', String(rng.int(-1, 16))]);
      case 6:
        // RESP3 and back: the same replies in other shapes.
        return encodeCommand(['HELLO', rng.pick(['2', '3', '4'])]);
      case 7:
        return encodeCommand([rng.pick(['INCR', 'DECR', 'STRLEN', 'DEL', 'EXISTS', 'TTL', 'TYPE']), key]);
      case 8:
        return encodeCommand([rng.pick(['APPEND', 'GETSET', 'SETNX']), key, value]);
      case 9:
        return encodeCommand(['MSET', key, value, `${tag}k${rng.int(0, 20)}`, value]);
      case 10:
        return encodeCommand(['MGET', key, `${tag}k${rng.int(0, 20)}`, `${tag}k${rng.int(0, 20)}`]);
      case 11:
        return encodeCommand([rng.pick(['EXPIRE', 'PEXPIRE', 'INCRBY', 'GETRANGE']), key, String(rng.int(-5, 1000)), String(rng.int(-5, 100))].slice(0, rng.int(2, 4)));
      default:
        return encodeCommand([rng.pick(['MULTI', 'EXEC', 'GET', 'SET', 'NOSUCH']), ...Array.from({ length: rng.int(0, 3) }, () => value)]);
    }
  }

  function mutate(rng: Rng, frame: Buffer): Buffer {
    const b = Buffer.from(frame);
    switch (rng.int(0, 6)) {
      case 0: {
        // bit flips
        for (let i = rng.int(1, 4); i > 0; i--) b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
        return b;
      }
      case 1:
        return b.subarray(0, rng.int(0, b.length - 1)); // truncated
      case 2: {
        // a random length in place of a count or bulk length
        const s = b.toString('latin1');
        const lens = [...s.matchAll(/[*$](-?\d+)\r\n/g)];
        if (lens.length === 0) return b;
        const m = rng.pick(lens);
        const len = rng.pick([-2, -1, 0, 1, 65535, 1 << 20, 2147483647, 2147483648, 536870913, rng.int(0, 100)]);
        const start = m.index! + 1;
        return Buffer.from(s.slice(0, start) + String(len) + s.slice(start + m[1].length), 'latin1');
      }
      case 3: {
        // random bytes inserted
        const at = rng.int(0, b.length);
        const junk = Buffer.from(Array.from({ length: rng.int(1, 16) }, () => rng.int(0, 255)));
        return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
      }
      case 4:
        return Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.pick([0x2a, 0x24, 0x0d, 0x0a, 0x22, 0x27, 0x5c, 0x30, 0x31, 0x2d, 0x00, rng.int(0, 255)])));
      case 5:
        return Buffer.concat([b, b.subarray(0, rng.int(0, b.length))]); // a frame and a half
      default: {
        // a byte replaced by a protocol character
        b[rng.int(0, b.length - 1)] = rng.pick([0x2a, 0x24, 0x0d, 0x0a, 0x3a, 0x2b]);
        return b;
      }
    }
  }

  /** Sends one batch on a fresh connection and returns what came back. */
  function runBatch(rng: Rng, w: number, batch: number): Promise<Exchange> {
    const frames: Buffer[] = [];
    for (let i = rng.int(1, 40); i > 0; i--) {
      const f = validFrame(rng, w, batch);
      frames.push(rng.chance(0.15) ? mutate(rng, f) : f);
    }
    const all = Buffer.concat(frames);
    // Cut the batch into a few writes at random offsets.
    const pieces: Buffer[] = [];
    for (let at = 0; at < all.length; ) {
      const len = rng.chance(0.5) ? all.length - at : rng.int(1, Math.max(1, all.length - at));
      pieces.push(all.subarray(at, at + len));
      at += len;
    }
    return exchange(cinnabar.port, pieces, 60);
  }

  function socketCount(pid: number): number {
    let n = 0;
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) n++;
      } catch {
        // closed meanwhile
      }
    }
    return n;
  }

  it(`never crashes, hangs, leaks or mixes connections (seed ${seed}; rerun with FUZZ_SEED)`, async () => {
    const sentinel = await RespClient.connect(cinnabar.port);
    // A reply means the server has accepted the sentinel: its socket is in the count below.
    expect(await sentinel.call('PING')).toEqual({ t: '+', v: 'PONG' });
    const socketsBefore = socketCount(cinnabar.pid);
    const rssBefore = rssBytes(cinnabar.pid);
    let maxRss = rssBefore;
    const deadline = Date.now() + TIME_LIMIT_MS;
    let stop = false;
    let sentinelRounds = 0;

    // The sentinel: PING and a private key's value must keep coming back, promptly.
    const sentinelLoop = (async () => {
      while (!stop) {
        const v = `sentinel-${sentinelRounds}`;
        const [pong, ok, got] = await Promise.race([
          sentinel.callMany([['PING'], ['SET', 'sentinel:key', v], ['GET', 'sentinel:key']]),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`server hung: no PONG within 5 s (seed ${seed})`)), 5000)),
        ]);
        expect(pong).toEqual({ t: '+', v: 'PONG' });
        expect(ok).toEqual({ t: '+', v: 'OK' });
        expect(got).toEqual({ t: '$', v: Buffer.from(v) });
        maxRss = Math.max(maxRss, rssBytes(cinnabar.pid));
        sentinelRounds++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    let batches = 0;
    let closedByServer = 0;
    let bytesBack = 0;
    const workers = Array.from({ length: WORKERS }, async (_, w) => {
      const rng = new Rng(seed + w * 1000003);
      const foreign = Array.from({ length: WORKERS }, (_, o) => o)
        .filter((o) => o !== w)
        .map((o) => Buffer.from(tagOf(o), 'latin1'));
      foreign.push(Buffer.from('sentinel-', 'latin1'));
      for (let b = 0; b < BATCHES_PER_WORKER && Date.now() < deadline; b++) {
        const { data: back, closed } = await runBatch(rng, w, b);
        bytesBack += back.length;
        if (closed) closedByServer++;
        for (const f of foreign) {
          if (back.includes(f)) throw new Error(`connection ${w} received another connection's data (${f.toString('latin1')}) in batch ${b} (seed ${seed})`);
        }
        batches++;
      }
    });

    try {
      await Promise.all(workers);
    } finally {
      stop = true;
      await sentinelLoop;
    }
    expect(batches).toBeGreaterThan(WORKERS * 20);
    // Both kinds of batch happened: some hit a protocol error, most did not.
    expect(closedByServer).toBeGreaterThan(0);
    expect(closedByServer).toBeLessThan(batches);
    expect(bytesBack).toBeGreaterThan(0);
    expect(sentinelRounds).toBeGreaterThan(5);
    expect(cinnabar.child.exitCode).toBeNull();

    // Every fuzz connection is gone from the server once the clients have closed theirs.
    let sockets = socketCount(cinnabar.pid);
    for (let i = 0; i < 50 && sockets > socketsBefore; i++) {
      await new Promise((r) => setTimeout(r, 100));
      sockets = socketCount(cinnabar.pid);
    }
    expect(sockets).toBeLessThanOrEqual(socketsBefore);
    expect(maxRss - rssBefore, 'RSS growth during the fuzz').toBeLessThan(256 * 1024 * 1024);
    await bystanderStillWorks();
    sentinel.close();
  }, 60_000);
});
