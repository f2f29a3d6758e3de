// Starts the real `cinnabar-server` binary (bin/cinnabar-server.js over dist/) on a free loopback
// port, as a user would run it: for the e2e tests of the binary, the fuzz test and the bench.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-server.ts';
import { RespClient } from './resp-client.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BIN = path.join(ROOT, 'bin/cinnabar-server.js');

/** The node flags on the binary's shebang line (`#!/usr/bin/env -S node --flag...`). */
export const SERVER_NODE_FLAGS: string[] = readFileSync(SERVER_BIN, 'utf8').split('\n')[0].split(/\s+/).slice(3);

/** Builds dist/ when it is missing (`npm test` builds first; a lone vitest run may not have). */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/server/cli.js'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

export interface CinnabarProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGKILL unless it already exited. */
  stop(): Promise<void>;
}

/**
 * Spawns `node [nodeArgs] bin/cinnabar-server.js --port <free> ...extraArgs` and waits until it
 * answers PING.
 */
export async function startCinnabar(extraArgs: string[] = [], opts: { nodeArgs?: string[]; cwd?: string } = {}): Promise<CinnabarProcess> {
  ensureBuilt();
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const proc = spawnServer([...(opts.nodeArgs ?? [])], ['--port', String(port), ...extraArgs], port, opts.cwd);
    if (await waitForPing(port, proc)) return proc;
    await proc.stop();
    if (attempt >= 3) throw new Error(`cinnabar-server did not start:\n${proc.output()}`);
  }
}

/** Spawns the binary with exactly these server arguments; `port` is what the caller expects it on. */
export function spawnServer(nodeArgs: string[], serverArgs: string[], port: number, cwd = ROOT): CinnabarProcess {
  ensureBuilt();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, SERVER_BIN, ...serverArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('latin1')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('latin1')));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let done = false;
  void exited.then(() => (done = true));
  return {
    port,
    pid: child.pid!,
    child,
    output: () => out,
    exited,
    async stop() {
      if (done) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls PING until it answers (true) or the process exits or 10 s pass (false). */
export async function waitForPing(port: number, proc?: CinnabarProcess, timeoutMs = 10_000): Promise<boolean> {
  let gone = false;
  void proc?.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const c = await RespClient.connect(port);
      try {
        const r = await c.call('PING');
        if (r.t === '+' && r.v === 'PONG') return true;
      } finally {
        c.close();
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}
