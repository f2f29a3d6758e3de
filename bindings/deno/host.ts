// The Deno host: Deno's own process facts (pid, memory, build target), nothing that needs a
// permission, so a script using Cinnabar runs with no --allow flags beyond reading its sources.
// Clock and timers are genericHost's: performance.now() is monotonic in Deno, and Deno's
// setTimeout returns a Node-style Timeout whose unref() keeps the engine's cron from holding a
// finished script open.
import { genericHost, type Host } from '../../src/host.ts';

export function denoHost(overrides: Partial<Host> = {}): Host {
  let peakRss = 0;
  return genericHost({
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
    // stderr: the engine is a library inside someone's program, whose stdout is its own.
    log: (_level, line) => console.error(line),
    ...overrides,
  });
}
