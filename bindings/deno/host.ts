// The Deno host: Deno's own process facts (pid, memory, build target), nothing that needs a
// permission, so a script using Cinnabar runs with no --allow flags beyond reading its sources.
import { genericHost, type Host } from '../../src/host.ts';

export function denoHost(overrides: Partial<Host> = {}): Host {
  let peakRss = 0;
  return genericHost({
    monotonicUs: () => performance.now() * 1000,
    setTimer(ms, fn) {
      const id = setTimeout(fn, ms);
      // The engine's cron must not keep a script alive after its last await.
      Deno.unrefTimer(id);
      return { cancel: () => clearTimeout(id) };
    },
    process: {
      pid: Deno.pid,
      memory() {
        const m = Deno.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        return { used: m.heapUsed + m.external, rss: m.rss, peak: peakRss };
      },
      // Deno has no API for the process's CPU time.
      cpu: () => ({ user: 0, sys: 0 }),
      os: `${Deno.build.os === 'linux' ? 'Linux' : Deno.build.os} ${Deno.build.arch}`,
      arch: Deno.build.arch,
      runtime: `deno ${Deno.version.deno}`,
      executable: Deno.execPath(),
      configFile: '',
    },
    log(level, line) {
      if (level === 'warning') console.error(line);
      else console.log(line);
    },
    ...overrides,
  });
}
