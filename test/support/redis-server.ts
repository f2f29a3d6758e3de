// Starts a real redis-server (Debian's 7.0.15, the oracle) on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { RespClient } from './resp-client.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RealRedis {
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(extraArgs: string[] = []): Promise<RealRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning', ...extraArgs],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !exited) {
      try {
        const c = await RespClient.connect(port);
        await c.call('PING');
        c.close();
        return {
          port,
          stop: () =>
            new Promise((resolve) => {
              if (exited) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        };
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    child.kill('SIGKILL');
    if (attempt >= 3) throw new Error('redis-server did not start (is it installed? apt-get install redis-server)');
  }
}
