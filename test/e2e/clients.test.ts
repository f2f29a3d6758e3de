// Real client libraries against the cinnabar-server binary: ioredis 5 and node-redis 5, with
// their default options. Each scenario runs against the real redis-server too, and the client
// must see exactly the same results (values, Buffers, error classes and texts) from both.
import { Redis, ReplyError } from 'ioredis';
import { createClient, ErrorReply, RESP_TYPES } from 'redis';
import { describe, expect, it } from 'vitest';
import { bothServersPerFile } from '../support/both-servers.ts';
import { RespClient, show, type RespValue } from '../support/resp-client.ts';

const servers = bothServersPerFile();

/** Runs the scenario against Redis, then against Cinnabar; both must give the same result. */
async function sameOnBoth<T>(scenario: (port: number) => Promise<T>): Promise<T> {
  const fromRedis = await scenario(servers.redis.port);
  const fromCinnabar = await scenario(servers.cinnabar.port);
  expect(fromCinnabar).toEqual(fromRedis);
  return fromCinnabar;
}

/** A rejected promise as its error's class name and message (what an application sees). */
async function outcome<T>(p: Promise<T>): Promise<T | { error: string; message: string }> {
  try {
    return await p;
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

/** Every byte value, twice, plus CRLF: what a binary-safe store must hand back untouched. */
const ALL_BYTES = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from([0, 0xff, 13, 10, 0]), Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i))]);

async function withIoredis<T>(port: number, run: (r: Redis) => Promise<T>, options: Record<string, unknown> = {}): Promise<T> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, ...options });
  await r.connect();
  try {
    return await run(r);
  } finally {
    r.disconnect();
  }
}

describe('ioredis', () => {
  it('plain commands', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => [
        await r.ping(),
        await r.ping('hello'),
        await r.echo('héllo wörld'),
        await r.set('io:plain', 'v1'),
        await r.get('io:plain'),
        await r.set('io:plain', 'v2', 'XX', 'GET'),
        await r.set('io:plain', 'v3', 'NX'),
        await r.get('io:missing'),
        await r.select(2),
        await r.get('io:plain'),
        await r.select(0),
        await r.get('io:plain'),
      ]),
    );
    expect(got).toEqual(['PONG', 'hello', 'héllo wörld', 'OK', 'v1', 'v1', null, null, 'OK', null, 'OK', 'v2']);
  });

  it('strings, counters and keys commands', async () => {
    await sameOnBoth((port) =>
      withIoredis(port, async (r) => [
        await r.incr('io:n'),
        await r.incrby('io:n', 41),
        await r.decrby('io:n', 2),
        await r.incrbyfloat('io:f', 10.5),
        await r.incrbyfloat('io:f', '5.0e3'),
        await outcome(r.incr('io:f')),
        await r.mset('io:a', '1', 'io:b', '2', 'io:c', 'three'),
        await r.mget('io:a', 'io:b', 'io:missing', 'io:c'),
        await r.msetnx('io:a', 'x', 'io:new', 'y'),
        await r.append('io:c', '-and-more'),
        await r.strlen('io:c'),
        await r.getrange('io:c', -4, -1),
        await r.setrange('io:c', 2, 'XX'),
        await r.getdel('io:c'),
        await r.exists('io:a', 'io:b', 'io:c', 'io:a'),
        await r.type('io:a'),
        await r.expire('io:a', 1000),
        await r.ttl('io:a'),
        await r.persist('io:a'),
        await r.ttl('io:a'),
        await r.rename('io:a', 'io:renamed'),
        await outcome(r.rename('io:nope', 'io:x')),
        await r.del('io:renamed', 'io:b', 'io:nope'),
        await r.call('OBJECT', 'ENCODING', 'io:n'),
        await r.getex('io:n', 'PX', 100000),
        await r.client('SETNAME', 'ioredis-e2e'),
        await r.client('GETNAME'),
        await r.config('GET', 'maxmemory-policy'),
      ]),
    );
  });

  it('SCAN through scanStream sees every key once the scan is complete', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        await r.mset(...Array.from({ length: 300 }, (_, i) => [`io:scan:${i}`, String(i)]).flat());
        const seen = new Set<string>();
        for await (const batch of r.scanStream({ match: 'io:scan:*', count: 25 })) for (const k of batch as string[]) seen.add(k);
        return [...seen].sort();
      }),
    );
    expect(got.length).toBe(300);
  });

  it('INFO reads as Redis 7.0.15', async () => {
    await withIoredis(servers.cinnabar.port, async (r) => {
      const info = await r.info('server');
      expect(info).toMatch(/^# Server\r\n/);
      expect(info).toContain('redis_version:7.0.15\r\n');
      expect(info).toContain(`tcp_port:${servers.cinnabar.port}\r\n`);
    });
  });

  it('binary keys and values round-trip as Buffers (getBuffer)', async () => {
    const key = Buffer.from([0x69, 0x6f, 0x00, 0xff, 0x0d, 0x0a]);
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        await r.set(key, ALL_BYTES);
        await r.set('io:empty', Buffer.alloc(0));
        return [await r.getBuffer(key), await r.getBuffer('io:empty'), await r.get(key)];
      }),
    );
    expect(Buffer.compare(got[0] as Buffer, ALL_BYTES)).toBe(0);
    expect((got[1] as Buffer).length).toBe(0);
  });

  it('a pipeline of 10,000 commands, answered in order', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        const p = r.pipeline();
        for (let i = 0; i < 5000; i++) p.set(`io:pipe:${i}`, `value-${i}`).get(`io:pipe:${i}`);
        return p.exec();
      }),
    );
    expect(got!.length).toBe(10_000);
    for (let i = 0; i < 5000; i++) {
      expect(got![2 * i]).toEqual([null, 'OK']);
      expect(got![2 * i + 1]).toEqual([null, `value-${i}`]);
    }
  });

  it('errors inside a pipeline come back in place', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        const res = await r.pipeline().set('io:pe', '1').call('NOSUCH', 'x').get('io:pe').call('GET').exec();
        return res!.map(([e, v]) => (e ? { error: e.constructor.name, message: e.message } : v));
      }),
    );
    expect(got).toEqual([
      'OK',
      { error: 'ReplyError', message: "ERR unknown command 'NOSUCH', with args beginning with: 'x' " },
      '1',
      { error: 'ReplyError', message: "ERR wrong number of arguments for 'get' command" },
    ]);
  });

  it('autopipelining many concurrent commands', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(
        port,
        async (r) => {
          await Promise.all(Array.from({ length: 2000 }, (_, i) => r.set(`io:auto:${i}`, String(i))));
          return Promise.all(Array.from({ length: 2000 }, (_, i) => r.get(`io:auto:${i}`)));
        },
        { enableAutoPipelining: true },
      ),
    );
    expect(got).toEqual(Array.from({ length: 2000 }, (_, i) => String(i)));
  });

  it('MULTI/EXEC', async () => {
    const got = await sameOnBoth((port) => withIoredis(port, (r) => r.multi().set('io:tx', 'a').get('io:tx').set('io:tx', 'b', 'GET').exec()));
    expect(got).toEqual([
      [null, 'OK'],
      [null, 'a'],
      [null, 'a'],
    ]);
  });

  it('a runtime error inside EXEC is returned in place and the rest still runs', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        const res = await r.multi().set('io:txe', '1').select(99).get('io:txe').exec();
        return res!.map(([e, v]) => (e ? { error: e.constructor.name, message: e.message } : v));
      }),
    );
    expect(got).toEqual(['OK', { error: 'ReplyError', message: 'ERR DB index is out of range' }, '1']);
  });

  it('a queueing error makes EXEC fail with EXECABORT', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => {
        try {
          await r.multi().set('io:abort', 'x').call('GET').exec();
          return 'no error';
        } catch (e) {
          const err = e as Error & { previousErrors?: Error[] };
          return { error: err.constructor.name, message: err.message, previous: err.previousErrors?.map((p) => p.message), after: await r.get('io:abort') };
        }
      }),
    );
    expect(got).toEqual({
      error: 'ReplyError',
      message: 'EXECABORT Transaction discarded because of previous errors.',
      previous: ["ERR wrong number of arguments for 'get' command"],
      after: null,
    });
  });

  it('WATCH: EXEC returns null when another client changed the key', async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, (a) =>
        withIoredis(port, async (b) => {
          await a.watch('io:watched');
          await b.set('io:watched', 'theirs');
          const first = await a.multi().set('io:watched', 'mine').exec();
          await a.watch('io:watched');
          const second = await a.multi().set('io:watched', 'mine').exec();
          return [first, second, await b.get('io:watched')];
        }),
      ),
    );
    expect(got).toEqual([null, [[null, 'OK']], 'mine']);
  });

  it("errors are ioredis's ReplyError with Redis's text", async () => {
    const got = await sameOnBoth((port) =>
      withIoredis(port, async (r) => [
        await outcome(r.call('NOSUCH', 'a', 'b')),
        await outcome(r.call('GET')),
        await outcome(r.call('SET', 'k', 'v', 'NX', 'XX')),
        await outcome(r.call('SELECT', 'abc')),
        await outcome(r.call('EXEC')),
        await outcome(r.call('DISCARD')),
      ]),
    );
    expect(got).toEqual([
      { error: 'ReplyError', message: "ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' " },
      { error: 'ReplyError', message: "ERR wrong number of arguments for 'get' command" },
      { error: 'ReplyError', message: 'ERR syntax error' },
      { error: 'ReplyError', message: 'ERR value is not an integer or out of range' },
      { error: 'ReplyError', message: 'ERR EXEC without MULTI' },
      { error: 'ReplyError', message: 'ERR DISCARD without MULTI' },
    ]);
    await withIoredis(servers.cinnabar.port, async (r) => {
      await expect(r.call('NOSUCH')).rejects.toBeInstanceOf(ReplyError);
    });
  });
});

type NodeRedis = ReturnType<typeof createClient>;

async function withNodeRedis<T>(port: number, run: (c: NodeRedis) => Promise<T>, options: Record<string, unknown> = {}): Promise<T> {
  const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false }, ...options }) as NodeRedis;
  c.on('error', () => {});
  await c.connect();
  try {
    return await run(c);
  } finally {
    c.destroy();
  }
}

describe('node-redis', () => {
  it('plain commands', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => [
        await c.ping(),
        await c.echo('héllo'),
        await c.set('nr:plain', 'v1'),
        await c.get('nr:plain'),
        await c.set('nr:plain', 'v2', { GET: true }),
        await c.set('nr:plain', 'v3', { condition: 'NX' }),
        await c.get('nr:missing'),
        await c.sendCommand(['ECHO', 'raw']),
      ]),
    );
    expect(got).toEqual(['PONG', 'héllo', 'OK', 'v1', 'v1', null, null, 'raw']);
  });

  it('strings, counters, keys, CONFIG and SCAN', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => {
        await c.mSet(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`nr:scan:${i}`, String(i)])));
        const scanned: string[] = [];
        for await (const keys of c.scanIterator({ MATCH: 'nr:scan:*', COUNT: 20 })) scanned.push(...keys);
        return [
          await c.incr('nr:n'),
          await c.incrBy('nr:n', 9),
          await c.incrByFloat('nr:f', 0.1),
          await c.mGet(['nr:n', 'nr:none', 'nr:f']),
          await c.append('nr:n', '0'),
          await c.expire('nr:n', 500),
          await c.ttl('nr:n'),
          await c.pTTL('nr:none'),
          await c.exists(['nr:n', 'nr:none']),
          await c.type('nr:f'),
          await c.del(['nr:n', 'nr:f']),
          await c.configGet('maxmemory*'),
          await c.dbSize(),
          await c.clientSetName('node-redis-e2e'),
          await c.clientGetName(),
          [...new Set(scanned)].sort(),
        ];
      }),
    );
    expect((got[got.length - 1] as string[]).length).toBe(120);
  });

  it('binary values with a Buffer type mapping', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => {
        await c.set(Buffer.from('nr:\x00\xff', 'latin1'), ALL_BYTES);
        return c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(Buffer.from('nr:\x00\xff', 'latin1'));
      }),
    );
    expect(Buffer.compare(got as unknown as Buffer, ALL_BYTES)).toBe(0);
  });

  it('10,000 concurrent commands (pipelined by the client)', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => {
        const sets = Array.from({ length: 5000 }, (_, i) => c.set(`nr:p:${i}`, `v${i}`));
        const gets = Array.from({ length: 5000 }, (_, i) => c.get(`nr:p:${i}`));
        return [await Promise.all(sets), await Promise.all(gets)];
      }),
    );
    expect(got[1]).toEqual(Array.from({ length: 5000 }, (_, i) => `v${i}`));
  });

  it('MULTI/EXEC and execAsPipeline', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => [await c.multi().set('nr:tx', 'a').get('nr:tx').exec(), await c.multi().get('nr:tx').set('nr:tx', 'b').get('nr:tx').execAsPipeline()]),
    );
    expect(got).toEqual([
      ['OK', 'a'],
      ['a', 'OK', 'b'],
    ]);
  });

  it("errors are node-redis's ErrorReply (SimpleError) with Redis's text", async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(port, async (c) => [
        await outcome(c.sendCommand(['NOSUCH', 'x'])),
        await outcome(c.sendCommand(['GET'])),
        await outcome(c.sendCommand(['SET', 'k', 'v', 'EX', '0'])),
        await outcome(c.multi().set('nr:e', '1').addCommand(['GET']).exec()),
      ]),
    );
    expect(got.slice(0, 3)).toEqual([
      { error: 'SimpleError', message: "ERR unknown command 'NOSUCH', with args beginning with: 'x' " },
      { error: 'SimpleError', message: "ERR wrong number of arguments for 'get' command" },
      { error: 'SimpleError', message: "ERR invalid expire time in 'set' command" },
    ]);
    // node-redis rejects the MULTI with the queueing error (EXEC's EXECABORT comes after it).
    expect(got[3]).toEqual({ error: 'SimpleError', message: "ERR wrong number of arguments for 'get' command" });
    await withNodeRedis(servers.cinnabar.port, async (c) => {
      await expect(c.sendCommand(['NOSUCH'])).rejects.toBeInstanceOf(ErrorReply);
    });
  });

  it('RESP3 (HELLO 3 sent by the RESP: 3 option)', async () => {
    const got = await sameOnBoth((port) =>
      withNodeRedis(
        port,
        async (c) => {
          await c.set('nr:r3', 'x');
          const hello = (await c.sendCommand(['HELLO', '3'])) as Record<string, unknown>;
          const { id, ...rest } = hello;
          return [
            typeof id,
            rest,
            await c.get('nr:r3'),
            await c.get('nr:r3:missing'),
            await c.multi().set('nr:r3', 'y').get('nr:r3').exec(),
            await c.configGet('maxmemory-policy'),
            await c.incrByFloat('nr:r3:f', 1.5),
            await outcome(c.sendCommand(['GET'])),
          ];
        },
        { RESP: 3 },
      ),
    );
    expect(got[0]).toBe('number');
    expect(got.slice(2, 5)).toEqual(['x', null, ['OK', 'y']]);
  });
});

describe('raw RESP3 after HELLO 3', () => {
  const commands: string[][] = [
    ['PING'],
    ['SET', 'raw3:k', 'v'],
    ['GET', 'raw3:k'],
    ['GET', 'raw3:missing'],
    ['NOSUCH'],
    ['MULTI'],
    ['GET', 'raw3:missing'],
    ['SET', 'raw3:k', 'w', 'GET'],
    ['EXEC'],
    ['HELLO', '2'],
    ['GET', 'raw3:missing'],
    ['HELLO', '3'],
    ['HELLO', '4'],
  ];

  it('replies with the same types and bytes as Redis (the HELLO map up to its id)', async () => {
    const run = async (port: number) => {
      const c = await RespClient.connect(port);
      try {
        const out: RespValue[] = [await c.call('HELLO', '3')];
        for (const cmd of commands) out.push(await c.call(...cmd));
        return out;
      } finally {
        c.close();
      }
    };
    const [r, c] = [await run(servers.redis.port), await run(servers.cinnabar.port)];
    // HELLO's map (RESP3) or flat array (RESP2) holds the connection id, which differs.
    const withoutId = (v: RespValue) => {
      if (v.t === '%') return show({ t: '%', v: v.v.filter(([k]) => show(k) !== '"id"') });
      if (v.t === '*' && v.v && v.v.length > 0 && show(v.v[0]) === '"server"') {
        const at = v.v.findIndex((x) => show(x) === '"id"');
        return show({ t: '*', v: v.v.filter((_, i) => i !== at && i !== at + 1) });
      }
      return show(v);
    };
    expect(c.map(withoutId)).toEqual(r.map(withoutId));
    expect(c[0].t).toBe('%');
    expect(c[4]).toEqual({ t: '_' });
  });
});
