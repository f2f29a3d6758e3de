// The connection commands against real Redis: PING ECHO SELECT QUIT HELLO AUTH RESET and CLIENT
// (ID SETNAME GETNAME LIST INFO KILL NO-EVICT REPLY HELP), the doc edge cases, then seeded
// random sequences mixing them with errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCommand, show, type RespClient, type RespValue } from '../support/resp-client.ts';
import { clientLines, maskClientLine, maskMapValues, text } from '../support/reply-match.ts';
import { Compat, Rng, type Pair, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const helloReply = maskMapValues('id');

async function closed(c: RespClient): Promise<boolean> {
  for (let i = 0; i < 100 && !c.isClosed; i++) await new Promise((r) => setTimeout(r, 10));
  return c.isClosed;
}

/** A field of a CLIENT INFO line. */
function clientField(r: RespValue, name: string): string {
  const f = text(r)
    .trim()
    .split(' ')
    .find((x) => x.startsWith(`${name}=`));
  if (f === undefined) throw new Error(`no ${name} in ${show(r)}`);
  return f.slice(name.length + 1);
}

/** Sends commands without waiting for replies (CLIENT REPLY OFF/SKIP swallow some), then reads `expect` replies. */
async function rawExchange(p: Pair, cmds: string[][], replies: number): Promise<[RespValue[], RespValue[]]> {
  const bytes = Buffer.concat(cmds.map(encodeCommand));
  p.redis.writeRaw(bytes);
  p.cinnabar.writeRaw(bytes);
  const read = async (c: RespClient) => {
    const out: RespValue[] = [];
    for (let i = 0; i < replies; i++) out.push(await c.next());
    return out;
  };
  return Promise.all([read(p.redis), read(p.cinnabar)]);
}

describe('PING and ECHO', () => {
  it('answer PONG, echo their argument byte for byte, check arity', async () => {
    await h.check(['PING']);
    await h.check(['PING', 'hello']);
    await h.check(['PING', '']);
    await h.check(['PING', '\x00\xff\r\n']);
    await h.check(['PING', 'a', 'b']);
    await h.check(['ECHO', 'x\x00y\xff']);
    await h.check(['ECHO', '']);
    await h.check(['ECHO']);
    await h.check(['ECHO', 'a', 'b']);
    await h.check(['ping']);
    await h.check(['pInG', 'MiXeD']);
  });
});

describe('SELECT', () => {
  it('switches databases and rejects bad indexes with Redis errors', async () => {
    const p = await h.pair();
    for (const idx of ['0', '15', '16', '-1', 'x', '', '1.5', '01', '99999999999', '-99999999999', '2147483647', '2147483648', '-2147483649', '9223372036854775808']) {
      await h.check(['SELECT', idx], 'exact', p);
    }
    await h.check(['SELECT', '3'], 'exact', p);
    await h.check(['SET', 'k', 'in3'], 'exact', p);
    await h.check(['SELECT', '0'], 'exact', p);
    await h.check(['GET', 'k'], 'exact', p);
    await h.check(['SELECT'], 'exact', p);
    await h.check(['SELECT', '1', '2'], 'exact', p);
    await h.check(['CLIENT', 'INFO'], clientLines, p);
  });
});

describe('HELLO', () => {
  it('reports the connection context in RESP2 and RESP3', async () => {
    const p = await h.pair();
    await h.check(['HELLO'], helloReply, p);
    await h.check(['HELLO', '2'], helloReply, p);
    await h.check(['HELLO', '3'], helloReply, p);
    await h.check(['HELLO'], helloReply, p);
    await h.check(['CLIENT', 'INFO'], clientLines, p);
    await h.check(['HELLO', '2'], helloReply, p);
    await h.check(['CLIENT', 'INFO'], clientLines, p);
  });

  it('refuses unknown protocols and bad options', async () => {
    const p = await h.pair();
    for (const v of ['1', '4', '0', '-1', 'abc', '', '3.0', '99999999999999999999']) await h.check(['HELLO', v], 'exact', p);
    await h.check(['HELLO', '3', 'bogus'], 'exact', p);
    await h.check(['HELLO', '3', 'SETNAME'], 'exact', p);
    await h.check(['HELLO', '3', 'AUTH', 'default'], 'exact', p);
    await h.check(['HELLO', '2', 'SETNAME', 'a b'], 'exact', p);
    await h.check(['HELLO', '2', 'SETNAME', 'a\nb'], 'exact', p);
    // A failed HELLO changes nothing.
    await h.check(['CLIENT', 'INFO'], clientLines, p);
  });

  it('sets the name (the last SETNAME wins) and authenticates the default user', async () => {
    const p = await h.pair();
    await h.check(['HELLO', '3', 'SETNAME', 'first', 'SETNAME', 'second'], helloReply, p);
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    await h.check(['HELLO', '2', 'AUTH', 'default', 'anything'], helloReply, p);
    await h.check(['HELLO', '2', 'AUTH', 'bob', 'x'], 'exact', p);
    await h.check(['HELLO', '3', 'AUTH', 'default', 'x', 'SETNAME', 'nm'], helloReply, p);
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    await h.check(['HELLO', '3', 'setname', ''], helloReply, p);
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
  });

  it('switches every reply shape to RESP3', async () => {
    const p = await h.pair();
    await h.check(['HELLO', '3'], helloReply, p);
    await h.check(['SET', 'k', 'v'], 'exact', p);
    await h.check(['GET', 'k'], 'exact', p);
    await h.check(['GET', 'missing'], 'exact', p);
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    await h.check(['TIME'], 'type', p);
    await h.check(['CONFIG', 'GET', 'maxmemory'], 'exact', p);
    await h.check(['COMMAND', 'INFO', 'get'], 'exact', p);
    await h.check(['INFO', 'bogus-section'], 'exact', p);
    await h.check(['HELLO', '2'], helloReply, p);
    await h.check(['CONFIG', 'GET', 'maxmemory'], 'exact', p);
  });
});

describe('AUTH without a password', () => {
  it('gives Redis 7 errors', async () => {
    await h.check(['AUTH', 'x']);
    await h.check(['AUTH', 'default', 'x']);
    await h.check(['AUTH', 'bob', 'x']);
    await h.check(['AUTH', 'a', 'b', 'c']);
    await h.check(['AUTH']);
  });
});

describe('with requirepass', () => {
  let hp: Compat;
  beforeAll(async () => {
    hp = await Compat.start({ config: { requirepass: 'secret' } });
  });
  afterAll(async () => {
    await hp?.stop();
  });

  it('refuses commands until AUTH, and AUTH checks the password', async () => {
    const p = await hp.pair();
    await hp.check(['PING'], 'exact', p);
    await hp.check(['GET', 'x'], 'exact', p);
    await hp.check(['CLIENT', 'ID'], 'exact', p);
    await hp.check(['HELLO'], 'exact', p);
    await hp.check(['HELLO', '3'], 'exact', p);
    await hp.check(['HELLO', '3', 'SETNAME', 'a b'], 'exact', p);
    await hp.check(['AUTH', 'wrong'], 'exact', p);
    await hp.check(['AUTH', 'default', 'wrong'], 'exact', p);
    await hp.check(['AUTH', 'nobody', 'secret'], 'exact', p);
    await hp.check(['HELLO', '2', 'AUTH', 'default', 'wrong'], 'exact', p);
    await hp.check(['AUTH', 'secret'], 'exact', p);
    await hp.check(['PING'], 'exact', p);
    await hp.check(['AUTH', 'default', 'secret'], 'exact', p);
    await hp.check(['AUTH', 'wrong'], 'exact', p);
    // A failed AUTH does not log the connection out.
    await hp.check(['PING'], 'exact', p);
  });

  it('HELLO AUTH authenticates, RESET logs out', async () => {
    const p = await hp.pair();
    await hp.check(['HELLO', '3', 'AUTH', 'default', 'secret', 'SETNAME', 'abc'], helloReply, p);
    await hp.check(['CLIENT', 'GETNAME'], 'exact', p);
    await hp.check(['RESET'], 'exact', p);
    await hp.check(['PING'], 'exact', p);
    await hp.check(['CLIENT', 'GETNAME'], 'exact', p);
    await hp.check(['AUTH', 'secret'], 'exact', p);
    await hp.check(['CLIENT', 'GETNAME'], 'exact', p);
  });

  it('counts NOAUTH and WRONGPASS in errorstats', async () => {
    const p = await hp.pair();
    await hp.check(['AUTH', 'secret'], 'exact', p);
    await hp.check(['CONFIG', 'RESETSTAT'], 'exact', p);
    const q = await hp.pair();
    await hp.check(['GET', 'a'], 'exact', q);
    await hp.check(['AUTH', 'bad'], 'exact', q);
    await hp.check(['HELLO', '3'], 'exact', q);
    await hp.check(['INFO', 'errorstats'], 'exact', p);
  });

  it('a password set at runtime applies to new connections only', async () => {
    const p = await h.pair();
    await h.check(['CONFIG', 'SET', 'requirepass', 'pw'], 'exact', p);
    await h.check(['PING'], 'exact', p);
    const q = await h.pair();
    await h.check(['PING'], 'exact', q);
    await h.check(['AUTH', 'pw'], 'exact', q);
    await h.check(['CONFIG', 'SET', 'requirepass', ''], 'exact', p);
    const r = await h.pair();
    await h.check(['PING'], 'exact', r);
    await h.check(['AUTH', 'pw'], 'exact', r);
  });
});

describe('RESET', () => {
  it('puts the connection back to its initial state', async () => {
    const p = await h.pair();
    const q = await h.pair();
    await h.check(['SELECT', '5'], 'exact', p);
    await h.check(['CLIENT', 'SETNAME', 'named'], 'exact', p);
    await h.check(['CLIENT', 'NO-EVICT', 'on'], 'exact', p);
    await h.check(['HELLO', '3'], helloReply, p);
    await h.check(['WATCH', 'w'], 'exact', p);
    await h.check(['MULTI'], 'exact', p);
    await h.check(['SET', 'w', '1'], 'exact', p);
    await h.check(['CLIENT', 'INFO'], clientLines, q);
    await h.check(['RESET'], 'exact', p);
    await h.check(['CLIENT', 'INFO'], clientLines, p);
    await h.check(['GET', 'w'], 'exact', p);
    await h.check(['EXEC'], 'exact', p);
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    // The WATCH is gone: a write by another client does not fail this transaction.
    await h.check(['WATCH', 'w'], 'exact', p);
    await h.check(['RESET'], 'exact', p);
    await h.check(['SET', 'w', '2'], 'exact', q);
    await h.check(['MULTI'], 'exact', p);
    await h.check(['GET', 'w'], 'exact', p);
    await h.check(['EXEC'], 'exact', p);
    await h.check(['RESET', 'x'], 'exact', p);
  });

  it('turns CLIENT REPLY back on and answers +RESET', async () => {
    const p = await h.pair();
    const [r, c] = await rawExchange(p, [['CLIENT', 'REPLY', 'OFF'], ['PING'], ['RESET'], ['PING']], 2);
    expect(c.map(show)).toEqual(r.map(show));
  });
});

describe('CLIENT', () => {
  it('SETNAME / GETNAME', async () => {
    const p = await h.pair();
    await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    for (const name of ['ok-name', 'a b', 'a\nb', 'tab\t', '\x00', '\xff', '~!@#$%^&*()', '']) {
      await h.check(['CLIENT', 'SETNAME', name], 'exact', p);
      await h.check(['CLIENT', 'GETNAME'], 'exact', p);
    }
    await h.check(['CLIENT', 'SETNAME'], 'exact', p);
    await h.check(['CLIENT', 'SETNAME', 'a', 'b'], 'exact', p);
    await h.check(['CLIENT', 'GETNAME', 'x'], 'exact', p);
  });

  it('ID is a number, unique per connection', async () => {
    const p = await h.pair();
    await h.check(['CLIENT', 'ID', 'x'], 'exact', p);
    const a = await h.check(['CLIENT', 'ID'], 'type', p);
    const q = await h.pair();
    const b = await h.check(['CLIENT', 'ID'], 'type', q);
    expect(a.t === ':' && b.t === ':' && b.v > a.v).toBe(true);
    const [ra, ca] = await Promise.all([p.redis.call('CLIENT', 'ID'), p.cinnabar.call('CLIENT', 'ID')]);
    const [ri, ci] = await Promise.all([p.redis.call('CLIENT', 'INFO'), p.cinnabar.call('CLIENT', 'INFO')]);
    expect(clientField(ri, 'id')).toBe(String(ra.t === ':' ? ra.v : ''));
    expect(clientField(ci, 'id')).toBe(String(ca.t === ':' ? ca.v : ''));
  });

  it('INFO and LIST describe the connections with Redis 7.0 fields', async () => {
    const p = await h.pair();
    await h.check(['CLIENT', 'INFO'], clientLines, p);
    await h.check(['CLIENT', 'SETNAME', 'lister'], 'exact', p);
    await h.check(['SELECT', '2'], 'exact', p);
    await h.check(['CLIENT', 'INFO'], clientLines, p);
    await h.check(['MULTI'], 'exact', p);
    await h.check(['CLIENT', 'INFO'], 'exact', p);
    await h.check(['DISCARD'], 'exact', p);
    await h.check(['CLIENT', 'LIST'], clientLines, p);
    await h.check(['CLIENT', 'LIST', 'TYPE', 'normal'], clientLines, p);
    for (const t of ['master', 'replica', 'slave', 'pubsub', 'NORMAL']) await h.check(['CLIENT', 'LIST', 'TYPE', t], clientLines, p);
    await h.check(['CLIENT', 'LIST', 'TYPE', 'bogus'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'TYPE'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'ID'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'ID', 'abc'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'ID', '-1', '0', '99999999'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'ID', '1', 'x'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'foo'], 'exact', p);
    await h.check(['CLIENT', 'LIST', 'TYPE', 'normal', 'extra'], 'exact', p);
    await h.check(['CLIENT', 'INFO', 'x'], 'exact', p);
    // CLIENT LIST ID with this connection's own id, asked per server.
    const [ri, ci] = await Promise.all([p.redis.call('CLIENT', 'ID'), p.cinnabar.call('CLIENT', 'ID')]);
    const [rl, cl] = await Promise.all([p.redis.call('CLIENT', 'LIST', 'ID', String(ri.t === ':' ? ri.v : 0)), p.cinnabar.call('CLIENT', 'LIST', 'ID', String(ci.t === ':' ? ci.v : 0))]);
    expect(maskClientLine(text(cl))).toBe(maskClientLine(text(rl)));
  });

  it('LIST shows other clients: name, db, MULTI state, last command', async () => {
    const p = await h.pair();
    const q = await h.pair();
    await h.check(['CLIENT', 'SETNAME', 'other'], 'exact', q);
    await h.check(['SELECT', '7'], 'exact', q);
    const [rid, cid] = await Promise.all([q.redis.call('CLIENT', 'INFO'), q.cinnabar.call('CLIENT', 'INFO')]);
    await h.check(['MULTI'], 'exact', q);
    await h.check(['SET', 'a', 'b'], 'exact', q);
    await h.check(['GET', 'a'], 'exact', q);
    const [rl, cl] = await Promise.all([
      p.redis.call('CLIENT', 'LIST', 'ID', clientField(rid, 'id')),
      p.cinnabar.call('CLIENT', 'LIST', 'ID', clientField(cid, 'id')),
    ]);
    expect(maskClientLine(text(cl).trim())).toBe(maskClientLine(text(rl).trim()));
    await h.check(['NOSUCHCOMMAND'], 'exact', q);
    await h.check(['GET'], 'exact', q);
    await h.check(['DISCARD'], 'exact', q);
    await h.check(['GET'], 'exact', q);
    const [rl2, cl2] = await Promise.all([
      p.redis.call('CLIENT', 'LIST', 'ID', clientField(rid, 'id')),
      p.cinnabar.call('CLIENT', 'LIST', 'ID', clientField(cid, 'id')),
    ]);
    expect(maskClientLine(text(cl2).trim())).toBe(maskClientLine(text(rl2).trim()));
  });

  it('KILL: errors and filters that match nobody', async () => {
    const p = await h.pair();
    const cases = [
      ['1.2.3.4:5'],
      ['ID', 'abc'],
      ['ID', '0'],
      ['ID', '-5'],
      ['ID', '999999'],
      ['TYPE', 'bogus'],
      ['TYPE', 'master'],
      ['TYPE', 'pubsub'],
      ['TYPE', 'slave'],
      ['TYPE', 'replica'],
      ['TYPE', 'normal', 'SKIPME', 'yes', 'ID', '999999'],
      ['foo', 'bar'],
      ['SKIPME', 'maybe'],
      ['ADDR'],
      ['ADDR', '1.2.3.4:5'],
      ['LADDR', '1.2.3.4:5'],
      ['ID', '1', 'ID'],
      ['USER', 'nobody'],
      ['USER', 'default', 'ID', '999999'],
      ['addr', '1.2.3.4:5', 'skipme', 'NO'],
    ];
    for (const args of cases) await h.check(['CLIENT', 'KILL', ...args], 'exact', p);
    await h.check(['CLIENT', 'KILL'], 'exact', p);
  });

  it('KILL by ADDR, LADDR and ID closes that connection', async () => {
    for (const by of ['ADDR', 'ID', 'old', 'LADDR+ID']) {
      const p = await h.pair();
      const victim = await h.pair();
      const [ri, ci] = await Promise.all([victim.redis.call('CLIENT', 'INFO'), victim.cinnabar.call('CLIENT', 'INFO')]);
      const args = (info: RespValue) => {
        if (by === 'ADDR') return ['CLIENT', 'KILL', 'ADDR', clientField(info, 'addr')];
        if (by === 'ID') return ['CLIENT', 'KILL', 'ID', clientField(info, 'id')];
        if (by === 'old') return ['CLIENT', 'KILL', clientField(info, 'addr')];
        return ['CLIENT', 'KILL', 'LADDR', clientField(info, 'laddr'), 'ID', clientField(info, 'id')];
      };
      const [r, c] = await Promise.all([p.redis.call(...args(ri)), p.cinnabar.call(...args(ci))]);
      expect(show(c), by).toBe(show(r));
      expect(await closed(victim.redis)).toBe(true);
      expect(await closed(victim.cinnabar)).toBe(true);
      // Killed clients are gone from the list at once.
      const [rl, cl] = await Promise.all([p.redis.call('CLIENT', 'LIST', 'ID', clientField(ri, 'id')), p.cinnabar.call('CLIENT', 'LIST', 'ID', clientField(ci, 'id'))]);
      expect(show(cl)).toBe(show(rl));
    }
  });

  it('KILL of the caller itself replies, then closes', async () => {
    const p = await h.pair();
    const [ri, ci] = await Promise.all([p.redis.call('CLIENT', 'INFO'), p.cinnabar.call('CLIENT', 'INFO')]);
    const [r, c] = await Promise.all([
      p.redis.call('CLIENT', 'KILL', 'ID', clientField(ri, 'id'), 'SKIPME', 'no'),
      p.cinnabar.call('CLIENT', 'KILL', 'ID', clientField(ci, 'id'), 'SKIPME', 'no'),
    ]);
    expect(show(c)).toBe(show(r));
    expect(await closed(p.redis)).toBe(true);
    expect(await closed(p.cinnabar)).toBe(true);
    const q = await h.pair();
    const [rq, cq] = await Promise.all([q.redis.call('CLIENT', 'INFO'), q.cinnabar.call('CLIENT', 'INFO')]);
    await h.check(['CLIENT', 'KILL', 'ID', '999999', 'SKIPME', 'no'], 'exact', q);
    const [r2, c2] = await Promise.all([q.redis.call('CLIENT', 'KILL', clientField(rq, 'addr')), q.cinnabar.call('CLIENT', 'KILL', clientField(cq, 'addr'))]);
    expect(show(c2)).toBe(show(r2));
    expect(await closed(q.redis)).toBe(true);
    expect(await closed(q.cinnabar)).toBe(true);
  });

  it('NO-EVICT sets the e flag', async () => {
    const p = await h.pair();
    for (const v of ['on', 'OFF', 'yes', '', 'On']) {
      await h.check(['CLIENT', 'NO-EVICT', v], 'exact', p);
      await h.check(['CLIENT', 'INFO'], clientLines, p);
    }
    await h.check(['CLIENT', 'NO-EVICT'], 'exact', p);
  });

  it('REPLY OFF, ON and SKIP', async () => {
    const p = await h.pair();
    const [r1, c1] = await rawExchange(p, [['CLIENT', 'REPLY', 'OFF'], ['PING'], ['SET', 'x', '1'], ['CLIENT', 'REPLY', 'ON'], ['GET', 'x']], 2);
    expect(c1.map(show)).toEqual(r1.map(show));
    const [r2, c2] = await rawExchange(p, [['CLIENT', 'REPLY', 'SKIP'], ['PING', 'skipped'], ['PING', 'shown']], 1);
    expect(c2.map(show)).toEqual(r2.map(show));
    const [r3, c3] = await rawExchange(p, [['CLIENT', 'REPLY', 'OFF'], ['CLIENT', 'REPLY', 'SKIP'], ['PING', 'a'], ['CLIENT', 'REPLY', 'ON'], ['PING', 'b']], 2);
    expect(c3.map(show)).toEqual(r3.map(show));
    const [r4, c4] = await rawExchange(p, [['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'SKIP'], ['PING', 'c'], ['PING', 'd']], 1);
    expect(c4.map(show)).toEqual(r4.map(show));
    await h.check(['CLIENT', 'REPLY', 'maybe'], 'exact', p);
    await h.check(['CLIENT', 'REPLY'], 'exact', p);
    await h.check(['CLIENT', 'REPLY', 'on', 'x'], 'exact', p);
  });

  it('HELP and unknown subcommands', async () => {
    await h.check(['CLIENT', 'HELP']);
    await h.check(['client', 'help']);
    await h.check(['CLIENT', 'HELP', 'x']);
    await h.check(['CLIENT', 'BOGUS']);
    await h.check(['CLIENT', 'bogus', 'x', 'y']);
    await h.check(['CLIENT']);
  });
});

describe('QUIT', () => {
  it('answers OK and closes', async () => {
    const p = await h.pair();
    await h.check(['QUIT'], 'exact', p);
    expect(await closed(p.redis)).toBe(true);
    expect(await closed(p.cinnabar)).toBe(true);
    const q = await h.pair();
    await h.check(['QUIT', 'extra', 'args'], 'exact', q);
    expect(await closed(q.cinnabar)).toBe(true);
  });
});

// ---- random sequences ----

const NAMES = ['n1', 'client-2', 'x', '', 'a b', 'bad\n', '\x00', 'Ünï', 'ok_name', '~'];
const PAYLOADS = ['', 'hello', '\x00\xff', 'a'.repeat(100), '-1', '\r\n', 'PONG'];

function connectionStep(rng: Rng, resp3: { on: boolean }): Step {
  const pick = rng.int(0, 27);
  switch (pick) {
    case 0:
      return { args: ['PING'] };
    case 1:
      return { args: ['PING', rng.pick(PAYLOADS)] };
    case 2:
      return { args: ['PING', 'a', 'b'] };
    case 3:
      return { args: ['ECHO', rng.pick(PAYLOADS)] };
    case 4:
      return { args: rng.chance(0.5) ? ['ECHO'] : ['ECHO', 'a', 'b'] };
    case 5:
      return { args: ['SELECT', rng.pick(['0', '1', '15', '16', '-1', 'x', '9999999999'])] };
    case 6: {
      const v = rng.pick(['2', '3', '3', '1', '4', 'x']);
      if (v === '3') resp3.on = true;
      if (v === '2') resp3.on = false;
      return { args: ['HELLO', v], compare: helloReply };
    }
    case 7:
      return { args: ['HELLO'], compare: helloReply };
    case 8: {
      const v = rng.pick(['2', '3']);
      const name = rng.pick(NAMES);
      const valid = !/[^\x21-\x7e]/.test(name);
      if (valid) resp3.on = v === '3';
      return { args: ['HELLO', v, 'SETNAME', name], compare: helloReply };
    }
    case 9:
      return { args: ['HELLO', rng.pick(['2', '3']), 'AUTH', rng.pick(['default', 'bob']), 'pw'], compare: helloReply };
    case 10:
      return { args: ['CLIENT', 'SETNAME', rng.pick(NAMES)] };
    case 11:
      return { args: ['CLIENT', 'GETNAME'] };
    case 12:
      return { args: ['CLIENT', 'ID'], compare: 'type' };
    case 13:
      return { args: ['CLIENT', 'INFO'], compare: clientLines };
    case 14:
      return { args: ['CLIENT', 'NO-EVICT', rng.pick(['on', 'off', 'x'])] };
    case 15:
      return { args: ['CLIENT', 'LIST', 'TYPE', rng.pick(['master', 'pubsub', 'replica', 'bogus'])] };
    case 16:
      return { args: ['CLIENT', 'LIST', 'ID', rng.pick(['0', '-3', 'x', '99999999'])] };
    case 17:
      return { args: ['CLIENT', 'KILL', ...rng.pick([['9.9.9.9:1'], ['ID', '99999999'], ['ID', '0'], ['TYPE', 'master'], ['USER', 'nobody'], ['SKIPME', 'x'], ['ADDR', '1.1.1.1:1', 'SKIPME', 'no']])] };
    case 18:
      return { args: ['CLIENT', 'REPLY', rng.pick(['maybe', 'ONN', ''])] };
    case 19:
      return { args: ['CLIENT', rng.pick(['bogus', 'HELP', 'caching-bogus'])] };
    case 20:
      return { args: ['AUTH', ...rng.pick([['x'], ['default', 'x'], ['bob', 'y'], ['a', 'b', 'c']])] };
    case 21:
      resp3.on = false;
      return { args: ['RESET'] };
    case 22:
      return { args: ['SET', rng.pick(['k1', 'k2', '\x00']), rng.pick(PAYLOADS)] };
    case 23:
      return { args: ['GET', rng.pick(['k1', 'k2', '\x00', 'nokey'])] };
    case 24:
      return { args: ['MULTI'] };
    case 25:
      return { args: [rng.pick(['EXEC', 'DISCARD'])] };
    case 26:
      return { args: ['DBSIZE'] };
    default:
      return { args: rng.chance(0.5) ? ['CLIENT', rng.pick(['SETNAME', 'NO-EVICT', 'KILL', 'REPLY'])] : ['CLIENT', rng.pick(['GETNAME', 'ID', 'INFO']), 'extra'] };
  }
}

/** Commands whose reply holds the connection id: inside MULTI it would surface in EXEC's array. */
const CARRIES_ID = (args: Step['args']) => args[0] === 'HELLO' || (args[0] === 'CLIENT' && (args[1] === 'ID' || args[1] === 'INFO') && args.length === 2);

function genConnection(rng: Rng): Step[] {
  const steps: Step[] = [];
  const resp3 = { on: false };
  let inMulti = false;
  const n = rng.int(5, 30);
  for (let i = 0; i < n; i++) {
    let step = connectionStep(rng, resp3);
    if (inMulti && CARRIES_ID(step.args)) step = { args: ['PING', 'in-multi'] };
    if (step.args[0] === 'MULTI') inMulti = true;
    if (step.args[0] === 'EXEC' || step.args[0] === 'DISCARD' || step.args[0] === 'RESET') inMulti = false;
    steps.push(step);
  }
  steps.push({ args: ['CLIENT', 'INFO'], compare: clientLines });
  return steps;
}

describe('random sequences', () => {
  it('connection family: 250 seeded sequences, zero mismatches', async () => {
    await h.sequences('connection', 250, genConnection);
  }, 120_000);
});
