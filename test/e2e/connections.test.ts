// Many clients at once, maxclients and idle timeout, on the real TCP server.
import { afterEach, describe, expect, it } from 'vitest';
import { Cinnabar } from '../../bindings/node/index.ts';
import { RespClient } from '../support/resp-client.ts';

let db: Cinnabar | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe('connections', () => {
  it('serves 3000 idle clients at once, each still answering', async () => {
    db = await Cinnabar.open();
    const { port } = await db.listen({ port: 0 });
    const clients: RespClient[] = [];
    for (let i = 0; i < 3000; i += 100) {
      clients.push(...(await Promise.all(Array.from({ length: 100 }, () => RespClient.connect(port)))));
    }
    const replies = await Promise.all(clients.map((c, i) => c.call('ECHO', `c${i}`)));
    replies.forEach((r, i) => expect(r).toEqual({ t: '$', v: Buffer.from(`c${i}`) }));
    expect(db.engine.clients.size).toBe(3001); // plus the in-process client
    for (const c of clients) c.close();
  });

  it('INFO tcp_port is the port listen({port: 0}) picked', async () => {
    db = await Cinnabar.open();
    const { port } = await db.listen({ port: 0 });
    const info = String(await db.call('INFO', 'server'));
    expect(info).toContain(`tcp_port:${port}\r\n`);
  });

  it('refuses clients past maxclients with Redis error text', async () => {
    db = await Cinnabar.open({ config: { maxclients: '5' } });
    const { port } = await db.listen({ port: 0 });
    const ok = await Promise.all(Array.from({ length: 5 }, () => RespClient.connect(port)));
    for (const c of ok) expect(await c.call('PING')).toEqual({ t: '+', v: 'PONG' });
    const extra = await RespClient.connect(port);
    expect(await extra.next()).toEqual({ t: '-', v: 'ERR max number of clients reached' });
    for (const c of ok) c.close();
  });

  it('closes clients idle longer than timeout', async () => {
    db = await Cinnabar.open({ config: { timeout: '1' } });
    const { port } = await db.listen({ port: 0 });
    const idle = await RespClient.connect(port);
    const busy = await RespClient.connect(port);
    await idle.call('PING');
    const until = Date.now() + 2600;
    while (Date.now() < until) {
      await busy.call('PING');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(idle.isClosed).toBe(true);
    expect(busy.isClosed).toBe(false);
    busy.close();
  });
});
