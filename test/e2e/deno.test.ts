// The Deno host: bindings/deno/mod.ts, loaded from the TypeScript sources by the real deno binary
// of the `deno` npm package, runs the shared scenario. Deno gets a private DENO_DIR, no network,
// no config discovery and no permission beyond reading the repository.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTED } from './fixtures/scenario-expected.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixtures/deno/scenario.js');
const EMBEDDED_WASM = path.join(ROOT, 'src/wasm/generated/cinnabar.wasm.ts');

/** The binary the `deno` package installs beside its bin.cjs (which would download it if absent). */
function denoBinary(): string {
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('deno/package.json'));
  const exe = path.join(pkgDir, process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (!existsSync(exe)) throw new Error(`deno binary missing at ${exe}: run npm ci (the deno package's install script puts it there)`);
  return exe;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const DENO_TIMEOUT_MS = 30_000;
let denoDir: string;

function deno(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(denoBinary(), args, {
      cwd: ROOT,
      // Only what deno needs: nothing from the developer's environment leaks in.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: denoDir,
        DENO_DIR: path.join(denoDir, 'cache'),
        DENO_NO_UPDATE_CHECK: '1',
        DENO_NO_PACKAGE_JSON: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // A script that never exits (a timer keeping it alive) fails here rather than at vitest's timeout.
    const killer = setTimeout(() => child.kill('SIGKILL'), DENO_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

const ISOLATION = ['--no-config', '--no-lock', '--no-remote', '--no-npm'];

beforeAll(() => {
  if (!existsSync(EMBEDDED_WASM)) throw new Error(`${EMBEDDED_WASM} missing: run node build/wasm.mjs (npm run build)`);
  denoBinary();
  denoDir = mkdtempSync(path.join(os.tmpdir(), 'cinnabar-deno-'));
});

afterAll(() => {
  if (denoDir) rmSync(denoDir, { recursive: true, force: true });
});

describe('Deno host (bindings/deno/mod.ts)', () => {
  it('type-checks with deno check (Deno\'s lib and TypeScript)', async () => {
    const r = await deno(['check', ...ISOLATION, 'bindings/deno/mod.ts']);
    expect(r.stderr + r.stdout).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  });

  it('runs the same API and engine as Node: strings, binary values, transactions, errors; exits with an engine left open', async () => {
    const r = await deno(['run', '--no-prompt', ...ISOLATION, `--allow-read=${ROOT}`, FIXTURE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { scenario, host } = JSON.parse(r.stdout.trim());
    expect(scenario).toEqual(SCENARIO_EXPECTED);

    expect(host.pidIsDenoPid).toBe(true);
    expect(host.rss).toBeGreaterThan(1 << 20);
    expect(host.used).toBeGreaterThan(0);
    expect(host.os).toBe(process.platform === 'linux' ? `Linux ${host.arch}` : expect.any(String));
    expect(host.arch).toBe(process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : host.arch);
    expect(host.runtime).toMatch(/^deno \d+\.\d+\.\d+/);
    expect(host.monotonicAdvances).toBe(true);
  });

  it('fetched nothing: the private DENO_DIR caches no remote or npm module', () => {
    const fetched = ['remote', 'npm'].flatMap((dir) => {
      const where = path.join(denoDir, 'cache', dir);
      return existsSync(where) ? readdirSync(where, { recursive: true }).map((f) => path.join(dir, String(f))) : [];
    });
    expect(fetched).toEqual([]);
  });
});
