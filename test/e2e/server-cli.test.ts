// The cinnabar-server binary as an operator runs it: redis-server's command line and redis.conf,
// --version/--help, fatal config errors as Redis prints them, and a clean stop on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BIN, ensureBuilt, spawnServer, waitForPing, type CinnabarProcess } from '../support/cinnabar-server.ts';
import { freePort } from '../support/redis-server.ts';
import { RespClient } from '../support/resp-client.ts';

let dir: string;
const running = new Set<CinnabarProcess>();

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'cinnabar-cli-'));
});

afterAll(async () => {
  await Promise.all([...running].map((p) => p.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function start(args: string[], port: number): CinnabarProcess {
  const p = spawnServer([], args, port, dir);
  running.add(p);
  return p;
}

/** A process that should exit by itself: its exit status, or 'still running' after 10 s. */
async function exitOf(p: CinnabarProcess): Promise<number | string> {
  const status = await Promise.race([p.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
  await p.stop();
  return status;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion (10 s at most), stdin closed. */
function run(cmd: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('latin1')));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}

const runCinnabar = (args: string[], stdin?: string) => run(process.execPath, [SERVER_BIN, ...args], stdin);
const runRedis = (args: string[], stdin?: string) => run('redis-server', args, stdin);

/** The text of Redis-style log lines (`pid:role dd Mon yyyy hh:mm:ss.mmm <mark> text`), prefix removed. */
function logMessages(out: string): string[] {
  return out
    .split('\n')
    .map((l) => /^\d+:[CMSX] \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}\.\d{3} [.\-*#] (.*)$/.exec(l)?.[1])
    .filter((m): m is string => m !== undefined);
}

function conf(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

describe('starting', () => {
  it('starts with no config file on the given port, logging as Redis does (options alone count as configuration)', async () => {
    const port = await freePort();
    const p = start(['--port', String(port)], port);
    expect(await waitForPing(port, p)).toBe(true);
    const messages = logMessages(p.output());
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.join('\n')).toMatch(/Configuration loaded/);
    expect(messages.join('\n')).toMatch(/Ready to accept connections/);
    const c = await RespClient.connect(port);
    expect(await c.call('SET', 'k', 'v')).toEqual({ t: '+', v: 'OK' });
    c.close();
  });

  it('with no arguments at all, takes port 6379 (or fails as Redis does when it is taken)', async () => {
    const free = await portIsFree(6379);
    const p = start([], 6379);
    if (free) {
      expect(await waitForPing(6379, p)).toBe(true);
    } else {
      expect(await exitOf(p)).toBe(1);
      expect(logMessages(p.output()).join('\n')).toMatch(/Could not create server TCP listening socket .*6379/);
    }
    await p.stop();
  });

  it('reads the config from stdin with -', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER_BIN, '-'], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end(`port ${port}\ndatabases 2\n`);
    try {
      expect(await waitForPing(port)).toBe(true);
      const c = await RespClient.connect(port);
      expect(await c.call('SELECT', '1')).toEqual({ t: '+', v: 'OK' });
      expect(await c.call('SELECT', '2')).toEqual({ t: '-', v: 'ERR DB index is out of range' });
      c.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a port already in use, as Redis does', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const p = start(['--port', String(port), '--bind', '127.0.0.1'], port);
      expect(await exitOf(p)).toBe(1);
      expect(logMessages(p.output()).join('\n')).toMatch(new RegExp(`Could not create server TCP listening socket .*${port}`));
    } finally {
      blocker.close();
    }
  });
});

describe('--version and --help', () => {
  it('--version and -v print one line and exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCinnabar([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Cinnabar server v=\d+\.\d+\.\d+ redis_version=7\.0\.15 .*bits=64\n$/);
    }
  });

  it('--help and -h print the usage where Redis does, with its exit status', async () => {
    const redis = await runRedis(['--help']);
    for (const flag of ['--help', '-h']) {
      const r = await runCinnabar([flag]);
      expect(r.status).toBe(redis.status);
      const [text, other] = redis.stderr ? [r.stderr, r.stdout] : [r.stdout, r.stderr];
      expect(text).toMatch(/^Usage: \.\/cinnabar-server \[\/path\/to\/redis\.conf\] \[options\] \[-\]\n/);
      expect(text).toContain('./cinnabar-server --port 7777');
      expect(other).toBe('');
    }
  });
});

describe('redis.conf', () => {
  it('reads comments, quotes, include, and lets later lines and the command line win', async () => {
    const port = await freePort();
    const logfile = path.join(dir, 'my log.txt');
    conf('extra settings.conf', ['# included file', 'databases 4', 'save ""', 'appendonly no', ''].join('\n'));
    const main = conf(
      'redis.conf',
      [
        '# Cinnabar test config',
        '   # an indented comment',
        '',
        'port 1',
        `port ${port}`,
        'bind 127.0.0.1',
        `logfile "${logfile}"`,
        `include "${path.join(dir, 'extra settings.conf')}"`,
        'loglevel notice',
        'databases 3',
        '',
      ].join('\n'),
    );
    const p = start([main, '--databases', '6'], port);
    expect(await waitForPing(port, p)).toBe(true);
    const c = await RespClient.connect(port);
    expect(await c.call('SELECT', '5')).toEqual({ t: '+', v: 'OK' });
    expect(await c.call('SELECT', '6')).toEqual({ t: '-', v: 'ERR DB index is out of range' });
    c.close();
    // The quoted logfile path (with a space) got the log, stdout did not.
    const log = readFileSync(logfile, 'latin1');
    expect(logMessages(log).join('\n')).toMatch(/Ready to accept connections/);
    expect(logMessages(p.output()).join('\n')).not.toMatch(/Ready to accept connections/);
  });

  it('the include directive is resolved where it stands: later lines override it', async () => {
    const port = await freePort();
    conf('dbs2.conf', 'databases 2\n');
    const main = conf('order.conf', `port ${port}\ninclude ${path.join(dir, 'dbs2.conf')}\ndatabases 5\n`);
    const p = start([main], port);
    expect(await waitForPing(port, p)).toBe(true);
    const c = await RespClient.connect(port);
    expect(await c.call('SELECT', '4')).toEqual({ t: '+', v: 'OK' });
    c.close();
  });
});

describe('fatal config errors: what redis-server prints, and exit status 1', () => {
  const fileCases: [string, string][] = [
    ['an unknown directive', 'foo bar'],
    ['a non-numeric port', 'port abc'],
    ['a port out of range', 'port 99999'],
    ['a missing argument', 'port'],
    ['too many arguments', 'port 1 2'],
    ['a bad enum value', 'loglevel loud'],
    ['a bad boolean', 'appendonly maybe'],
    ['a boolean with an extra argument', 'protected-mode yes extra'],
    ['a bad memory size', 'maxmemory 1xb'],
    ['zero databases', 'databases 0'],
    ['bad save parameters', 'save "abc"'],
    ['unbalanced quotes', 'requirepass "abc'],
    ['include without a file', 'include'],
  ];
  for (const [what, line] of fileCases) {
    it(`${what}: ${line}`, async () => {
      const file = conf(`bad-${what.replace(/\W+/g, '-')}.conf`, `# line 1 is a comment\n${line}\nport 0\n`);
      const [r, c] = await Promise.all([runRedis([file]), runCinnabar([file])]);
      expect(r.status).toBe(1);
      expect({ status: c.status, stderr: c.stderr }).toEqual({ status: r.status, stderr: r.stderr });
    });
  }

  const argvCases: [string, string[]][] = [
    ['a bad option value on the command line', ['--port', 'abc']],
    ['an unknown option on the command line', ['--foo', '1']],
    ['a bad option after a config file', ['CONF', '--loglevel', 'loud']],
  ];
  for (const [what, args] of argvCases) {
    it(what, async () => {
      const file = conf('good.conf', '# fine\nport 0\n');
      const argv = args.map((a) => (a === 'CONF' ? file : a));
      const [r, c] = await Promise.all([runRedis(argv), runCinnabar(argv)]);
      expect(r.status).toBe(1);
      expect({ status: c.status, stderr: c.stderr }).toEqual({ status: r.status, stderr: r.stderr });
    });
  }

  const missing: [string, (f: string) => string[]][] = [
    ['a config file that does not exist', (f) => [f]],
    ['an include of a file that does not exist', (f) => [conf('includes-missing.conf', `include ${f}\n`)]],
  ];
  for (const [what, argv] of missing) {
    it(what, async () => {
      const args = argv(path.join(dir, 'no-such.conf'));
      const [r, c] = await Promise.all([runRedis(args), runCinnabar(args)]);
      expect(r.status).toBe(1);
      expect(c.status).toBe(1);
      expect(c.stderr).toBe(r.stderr);
      expect(logMessages(c.stdout)).toEqual(logMessages(r.stdout));
    });
  }
});

describe('stopping', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: closes clients, logs as Redis does and exits 0`, async () => {
      const port = await freePort();
      const p = start(['--port', String(port)], port);
      expect(await waitForPing(port, p)).toBe(true);
      const c = await RespClient.connect(port);
      expect(await c.call('PING')).toEqual({ t: '+', v: 'PONG' });
      const closed = new Promise<void>((resolve) => {
        const socket = (c as unknown as { socket: net.Socket }).socket;
        socket.once('close', () => resolve());
      });
      p.child.kill(signal);
      expect(await exitOf(p)).toBe(0);
      await closed;
      const messages = logMessages(p.output()).join('\n');
      expect(messages).toContain(`Received ${signal} scheduling shutdown...`);
      expect(messages).toMatch(/ready to exit, bye bye\.\.\.$/);
      expect(await portIsFree(port)).toBe(true);
    });
  }

  for (const command of [['SHUTDOWN'], ['SHUTDOWN', 'NOSAVE']]) {
    it(`${command.join(' ')}: no reply, the connection closes and the server exits 0, as Redis`, async () => {
      const [cport, rport] = [await freePort(), await freePort()];
      const p = start(['--port', String(cport), '--save', ''], cport);
      const r = spawn('redis-server', ['--port', String(rport), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { cwd: dir, stdio: 'ignore' });
      const redisExit = new Promise<number | null>((resolve) => r.once('exit', (code) => resolve(code)));
      try {
        expect(await waitForPing(cport, p)).toBe(true);
        expect(await waitForPing(rport)).toBe(true);
        const outcome = async (port: number) => {
          const c = await RespClient.connect(port);
          return c.call(...command).then(
            (reply) => ({ reply }),
            (e: Error) => ({ error: e.message }),
          );
        };
        const [fromRedis, fromCinnabar] = await Promise.all([outcome(rport), outcome(cport)]);
        expect(fromRedis).toEqual({ error: 'connection closed' });
        expect(fromCinnabar).toEqual(fromRedis);
        expect(await redisExit).toBe(0);
        expect(await exitOf(p)).toBe(0);
        expect(logMessages(p.output()).join('\n')).toMatch(/ready to exit, bye bye\.\.\.$/);
      } finally {
        r.kill('SIGKILL');
      }
    });
  }
});
