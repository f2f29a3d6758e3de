// The browser host: a page (or worker) has no process, so the process facts come from what the
// page can see: Chrome's non-standard performance.memory for the heap, the user agent for the
// platform. Clock and timers are genericHost's (performance.now() is the monotonic clock).
import { genericHost, type Host } from '../../src/host.ts';

/** Chrome's performance.memory (absent in Firefox and Safari). */
interface HeapInfo {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
}

export function browserHost(overrides: Partial<Host> = {}): Host {
  const perf = globalThis.performance;
  const nav = (globalThis as { navigator?: { userAgent?: string; platform?: string } }).navigator;
  let peak = 0;
  return genericHost({
    process: {
      pid: 0,
      memory() {
        const heap = (perf as { memory?: HeapInfo }).memory;
        if (!heap) return { used: 0, rss: 0 };
        peak = Math.max(peak, heap.totalJSHeapSize);
        return { used: heap.usedJSHeapSize, rss: heap.totalJSHeapSize, peak };
      },
      cpu: () => ({ user: 0, sys: 0 }),
      os: nav?.platform || 'browser',
      arch: 'wasm',
      runtime: nav?.userAgent ?? 'browser',
      executable: '',
      configFile: '',
    },
    log(level, line) {
      if (level === 'warning') console.warn(line);
      else if (level === 'notice') console.info(line);
      else console.debug(line);
    },
    ...overrides,
  });
}
