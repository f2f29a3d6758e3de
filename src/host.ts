// What the engine needs from the host it runs in. Each binding (Node, browser, Deno) supplies
// one; src/ itself never touches a host API directly.

export interface TimerHandle {
  cancel(): void;
}

export interface ProcessInfo {
  pid: number;
  /** Bytes: the JS heap in use (INFO used_memory) and the process's resident set. */
  memory(): { used: number; rss: number; peak?: number };
  /** Seconds of CPU: user and system, for this process. */
  cpu(): { user: number; sys: number };
  os: string;
  arch: string;
  runtime: string;
  executable: string;
  configFile: string;
}

export interface Host {
  /** Wall clock, unix ms (may be fractional). */
  now(): number;
  /** A monotonic clock in microseconds, for durations. */
  monotonicUs(): number;
  /** Runs fn after ms milliseconds (repeating timers are built on it). */
  setTimer(ms: number, fn: () => void): TimerHandle;
  /** [0, 1). */
  random(): number;
  process: ProcessInfo;
  /** Asked to stop the whole server (SHUTDOWN); absent where there is nothing to stop. */
  shutdown?(opts: { save: boolean | null; now: boolean; force: boolean }): Promise<void> | void;
  /** Where log lines go (startup, warnings, DEBUG LOG). */
  log(level: 'debug' | 'verbose' | 'notice' | 'warning', line: string): void;
}

/** A host built only on what every JS runtime has. */
export function genericHost(overrides: Partial<Host> = {}): Host {
  const start = Date.now();
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return {
    now: () => Date.now(),
    monotonicUs: () => (perf ? perf.now() * 1000 : (Date.now() - start) * 1000),
    setTimer(ms, fn) {
      const t = setTimeout(fn, ms);
      (t as unknown as { unref?: () => void }).unref?.();
      return { cancel: () => clearTimeout(t) };
    },
    random: Math.random,
    process: {
      pid: 0,
      memory: () => ({ used: 0, rss: 0 }),
      cpu: () => ({ user: 0, sys: 0 }),
      os: 'js',
      arch: 'wasm',
      runtime: 'js',
      executable: '',
      configFile: '',
    },
    log: () => {},
    ...overrides,
  };
}
