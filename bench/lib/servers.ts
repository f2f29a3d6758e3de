// The two servers a bench compares, on free loopback ports: the cinnabar-server binary and a
// real redis-server, both without persistence (`--save '' --appendonly no`).
import { startCinnabar, type CinnabarProcess } from '../../test/support/cinnabar-server.ts';
import { startRedis, type RealRedis } from '../../test/support/redis-server.ts';
import { info } from './info.ts';

export type ServerName = 'redis' | 'cinnabar';

export interface BenchServer {
  name: ServerName;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra node flags for the Cinnabar process (e.g. --cpu-prof). */
  cinnabarNodeArgs?: string[];
}

const NO_PERSISTENCE = ['--save', '', '--appendonly', 'no'];

export async function startRedisServer(): Promise<BenchServer> {
  const real: RealRedis = await startRedis(NO_PERSISTENCE);
  const pid = Number((await info(real.port, 'server'))?.process_id);
  if (!pid) throw new Error('could not read the pid of redis-server from INFO');
  return { name: 'redis', port: real.port, pid, stop: () => real.stop() };
}

export async function startCinnabarServer(opts: StartOptions = {}): Promise<BenchServer> {
  const proc: CinnabarProcess = await startCinnabar(NO_PERSISTENCE, { nodeArgs: opts.cinnabarNodeArgs });
  return {
    name: 'cinnabar',
    port: proc.port,
    pid: proc.pid,
    // SIGTERM first: the server exits by itself, which is when node writes a --cpu-prof profile.
    async stop() {
      proc.child.kill('SIGTERM');
      const exited = await Promise.race([proc.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!exited) await proc.stop();
    },
  };
}

export async function startBoth(opts: StartOptions = {}): Promise<Record<ServerName, BenchServer>> {
  const [redis, cinnabar] = await Promise.all([startRedisServer(), startCinnabarServer(opts)]);
  return { redis, cinnabar };
}
