// Many clients at once, maxclients and idle timeout, on the real TCP server.
import net from 'node:net';
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

describe('replies to a client that reads slowly', () => {
  // Replies go to the socket's native handle directly (server/resp-server.ts writeDirect); when
  // the kernel takes only part, libuv queues the rest, later replies queue behind it, and the
  // server stops reading that client until the queue drains.
  const VALUE = 64 * 1024;
  const GETS = 600; // about 38 MB of replies

  async function bigValues(d: Cinnabar): Promise<void> {
    for (let k = 0; k < 10; k++) await d.call('SET', `k${k}`, String.fromCharCode(0x61 + k).repeat(VALUE));
  }

  function pipeline(): Buffer {
    return Buffer.from(Array.from({ length: GETS }, (_, i) => `*2\r\n$3\r\nGET\r\n$2\r\nk${(i * 7) % 10}\r\n`).join(''));
  }

  it('get every reply, whole and in order, after not reading for a while', async () => {
    db = await Cinnabar.open();
    await bigValues(db);
    const { port } = await db.listen({ port: 0 });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.pause();
    socket.write(pipeline());
    await new Promise((r) => setTimeout(r, 300));
    // Meanwhile the server answers others, and reports the client's queued output.
    const other = await RespClient.connect(port);
    expect(await other.call('PING')).toEqual({ t: '+', v: 'PONG' });
    const list = String(await db.call('CLIENT', 'LIST'));
    const omem = Math.max(...[...list.matchAll(/ omem=(\d+)/g)].map((m) => Number(m[1])));
    expect(omem).toBeGreaterThan(0);
    const header = `$${VALUE}\r\n`;
    const expected = GETS * (header.length + VALUE + 2);
    const chunks: Buffer[] = [];
    let got = 0;
    await new Promise<void>((resolve) => {
      socket.on('data', (d: Buffer) => {
        chunks.push(d);
        got += d.length;
        if (got >= expected) resolve();
      });
      socket.resume();
    });
    const all = Buffer.concat(chunks);
    expect(all.length).toBe(expected);
    for (let i = 0; i < GETS; i++) {
      const at = i * (header.length + VALUE + 2);
      expect(all.toString('latin1', at, at + header.length)).toBe(header);
      const ch = String.fromCharCode(0x61 + ((i * 7) % 10));
      expect(all.toString('latin1', at + header.length, at + header.length + 1)).toBe(ch);
      expect(all.toString('latin1', at + header.length + VALUE - 1, at + header.length + VALUE + 2)).toBe(`${ch}\r\n`);
    }
    socket.destroy();
    other.close();
  });

  it('a client that goes away with replies still queued leaves the server serving others', async () => {
    db = await Cinnabar.open();
    await bigValues(db);
    const { port } = await db.listen({ port: 0 });
    for (let round = 0; round < 5; round++) {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.pause();
      socket.write(pipeline());
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    const other = await RespClient.connect(port);
    expect(await other.call('GET', 'k3')).toEqual({ t: '$', v: Buffer.from('d'.repeat(VALUE)) });
    await expect.poll(() => db!.engine.clients.size).toBe(2); // the in-process client and `other`
    other.close();
  });
});
