// The browser host: the package's browser bundle (dist/browser/cinnabar.js, as `npm run build`
// makes it) loaded by a page in headless Debian Chromium, driven from Node with playwright-core.
// The page runs the same scenario as the Deno host; Node asserts what it returns. Chromium is
// the system one (/usr/bin/chromium, installed by CI with apt-get), never a downloaded browser,
// with a fresh profile and no network beyond the loopback server below.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTED } from './fixtures/scenario-expected.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const BUNDLE = path.join(ROOT, 'dist/browser/cinnabar.js');
const FIXTURES = path.join(ROOT, 'test/e2e/fixtures');
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The newest modification time of any file under dir. */
function newestMtime(dir: string): { file: string; mtime: number } {
  let newest = { file: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > newest.mtime) newest = { file, mtime };
  }
  return newest;
}

/** The bundle under test must exist and be built from the current sources. */
function checkBundle(): void {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} missing: run npm run build`);
  const built = statSync(BUNDLE).mtimeMs;
  for (const dir of ['src', 'bindings/browser']) {
    const newest = newestMtime(path.join(ROOT, dir));
    if (newest.mtime > built) throw new Error(`${BUNDLE} is older than ${newest.file}: run npm run build`);
  }
}

const JS = 'text/javascript; charset=utf-8';

/** Serves the fixture page, the bundle as built, and the shared scenario with its types stripped. */
async function serveFixtures(): Promise<{ origin: string; close(): Promise<void> }> {
  const scenario = await transform(readFileSync(path.join(FIXTURES, 'scenario.ts'), 'utf8'), { loader: 'ts', format: 'esm' });
  const routes: Record<string, () => [string, string | Buffer]> = {
    '/': () => ['text/html; charset=utf-8', readFileSync(path.join(FIXTURES, 'browser/index.html'))],
    '/cinnabar.js': () => [JS, readFileSync(BUNDLE)],
    '/cinnabar.js.map': () => ['application/json', readFileSync(BUNDLE + '.map')],
    '/scenario.js': () => [JS, scenario.code],
  };
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const [type, body] = route();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let site: Awaited<ReturnType<typeof serveFixtures>>;
let profile: string;
let context: BrowserContext;
let page: Page;
/** Console errors, uncaught page errors and requests that left the loopback server. */
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium (the browser test never downloads one)`);
  checkBundle();
  site = await serveFixtures();
  profile = mkdtempSync(path.join(os.tmpdir(), 'cinnabar-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.origin + '/')) return route.continue();
    problems.push(`request outside the fixture server: ${url}`);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(site.origin + '/');
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 10_000 });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

declare global {
  interface Window {
    cinnabar: {
      Cinnabar: typeof import('../../bindings/browser/index.ts').Cinnabar;
      ReplyError: typeof import('../../bindings/browser/index.ts').ReplyError;
      runScenario: typeof import('./fixtures/scenario.ts').runScenario;
    };
  }
}

describe('browser host (cinnabar/browser in headless Chromium)', () => {
  it('loads the bundle in a page', async () => {
    expect(await page.evaluate(() => typeof window.cinnabar.Cinnabar.open)).toBe('function');
    expect(problems).toEqual([]);
  });

  it('runs the same API and engine as Node: strings, binary values, transactions, errors', async () => {
    const scenario = await page.evaluate(() => window.cinnabar.runScenario(window.cinnabar.Cinnabar, window.cinnabar.ReplyError));
    expect(scenario).toEqual(SCENARIO_EXPECTED);
    expect(problems).toEqual([]);
  });

  it('throws error replies as the bundle\'s ReplyError with Redis\'s message and prefix', async () => {
    const thrown = await page.evaluate(async () => {
      const { Cinnabar, ReplyError } = window.cinnabar;
      const db = await Cinnabar.open();
      try {
        await db.call('SET', 'k');
        return { threw: false };
      } catch (e) {
        const err = e as InstanceType<typeof ReplyError>;
        return { threw: true, isReplyError: e instanceof ReplyError, isError: e instanceof Error, name: err.name, message: err.message, prefix: err.prefix };
      } finally {
        await db.close();
      }
    });
    expect(thrown).toEqual({
      threw: true, isReplyError: true, isError: true, name: 'ReplyError',
      message: "ERR wrong number of arguments for 'set' command", prefix: 'ERR',
    });
  });

  it('gives the engine the page\'s host: monotonic clock, heap from performance.memory, user agent', async () => {
    const host = await page.evaluate(async () => {
      const db = await window.cinnabar.Cinnabar.open();
      const h = db.engine.host;
      const t0 = h.monotonicUs();
      const spin = performance.now() + 5;
      while (performance.now() < spin);
      const elapsedUs = h.monotonicUs() - t0;
      const memory = h.process.memory();
      const facts = { elapsedUs, memory, runtime: h.process.runtime, userAgent: navigator.userAgent, pid: h.process.pid };
      await db.close();
      return facts;
    });
    expect(host.elapsedUs).toBeGreaterThanOrEqual(4000);
    expect(host.elapsedUs).toBeLessThan(5_000_000);
    expect(host.memory.used).toBeGreaterThan(0);
    expect(host.memory.rss).toBeGreaterThanOrEqual(host.memory.used);
    expect(host.runtime).toBe(host.userAgent);
    expect(host.pid).toBe(0);
  });
});
