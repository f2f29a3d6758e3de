// A cinnabar-server and a real redis-server, started once around the calling test file (the
// e2e files that run every scenario on both and compare).
import { afterAll, beforeAll } from 'vitest';
import { startCinnabar, type CinnabarProcess } from './cinnabar-server.ts';
import { startRedis, type RealRedis } from './redis-server.ts';

export interface BothServers {
  cinnabar: CinnabarProcess;
  redis: RealRedis;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function bothServersPerFile(): BothServers {
  const servers = {} as BothServers;
  beforeAll(async () => {
    [servers.cinnabar, servers.redis] = await Promise.all([startCinnabar(), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([servers.cinnabar?.stop(), servers.redis?.stop()]);
  });
  return servers;
}
