// Debian's redis-cli (7.0) against the cinnabar-server binary: commands as arguments, commands
// read from stdin (a here-doc), -x, --pipe mass insertion, RESP3 mode, formatted and raw output.
// Each invocation runs against the real redis-server too: stdout, stderr and exit status must match.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bothServersPerFile } from '../support/both-servers.ts';
import { RespClient, encodeCommand } from '../support/resp-client.ts';

const servers = bothServersPerFile();

interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

function cli(port: number, args: string[], stdin?: string | Buffer): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => errOut.push(d));
    child.on('error', reject);
    // redis-cli may exit before reading its stdin (a connection error): that is not ours to report.
    child.stdin.on('error', () => {});
    child.on('close', (status) => resolve({ stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(errOut).toString('latin1'), status }));
    child.stdin.end(stdin ?? '');
  });
}

/** The same redis-cli invocation against both servers: identical output and status. */
async function sameOnBoth(args: string[], stdin?: string | Buffer): Promise<CliResult> {
  const r = await cli(servers.redis.port, args, stdin);
  const c = await cli(servers.cinnabar.port, args, stdin);
  expect(c).toEqual(r);
  return c;
}

describe('redis-cli with the command as arguments', () => {
  it('formatted replies (--no-raw): status, bulk, nil, error, array', async () => {
    expect((await sameOnBoth(['--no-raw', 'SET', 'cli:k', 'hello world'])).stdout).toBe('OK\n');
    expect((await sameOnBoth(['--no-raw', 'GET', 'cli:k'])).stdout).toBe('"hello world"\n');
    expect((await sameOnBoth(['--no-raw', 'GET', 'cli:missing'])).stdout).toBe('(nil)\n');
    expect((await sameOnBoth(['--no-raw', 'PING'])).stdout).toBe('PONG\n');
    await sameOnBoth(['--no-raw', 'NOSUCH', 'a']);
    await sameOnBoth(['--no-raw', 'GET']);
    await sameOnBoth(['--no-raw', 'ECHO', 'tab\there "quoted" \\ back']);
  });

  it('raw output (the default when stdout is not a terminal)', async () => {
    expect((await sameOnBoth(['ECHO', 'plain text'])).stdout).toBe('plain text\n');
    await sameOnBoth(['GET', 'cli:missing']);
    await sameOnBoth(['NOSUCH']);
  });

  it('-n selects a database, -r repeats', async () => {
    await sameOnBoth(['-n', '3', 'SET', 'cli:db3', 'three']);
    expect((await sameOnBoth(['-n', '3', 'GET', 'cli:db3'])).stdout).toBe('three\n');
    expect((await sameOnBoth(['GET', 'cli:db3'])).stdout).toBe('\n');
    expect((await sameOnBoth(['-r', '3', 'PING'])).stdout).toBe('PONG\nPONG\nPONG\n');
    await sameOnBoth(['-n', '99', 'PING']);
  });

  it('-e exits non-zero on an error reply', async () => {
    const r = await sameOnBoth(['-e', 'NOSUCH']);
    expect(r.status).not.toBe(0);
  });
});

describe('redis-cli over the families of commands', () => {
  it('counters, floats, TTLs, CONFIG GET and an array reply, formatted', async () => {
    const script = [
      'INCR cli:n',
      'INCRBY cli:n -50',
      'INCRBYFLOAT cli:f 3.0e2',
      'INCRBYFLOAT cli:f 0.1',
      'INCR cli:f',
      'MSET cli:m1 a cli:m2 b',
      'MGET cli:m1 cli:nope cli:m2',
      'EXPIRE cli:m1 300',
      'TTL cli:m1',
      'PTTL cli:nope',
      'TYPE cli:m1',
      'OBJECT ENCODING cli:n',
      'CONFIG GET maxmemory-policy',
      'DEL cli:m1 cli:m2 cli:nope',
      '',
    ].join('\n');
    await sameOnBoth(['--no-raw'], script);
    await sameOnBoth(['-3', '--no-raw'], script);
  });

  it('--scan --pattern lists the same keys', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `cli:scan:${i}`);
    const sorted = (r: CliResult) => r.stdout.split('\n').filter(Boolean).sort();
    const setup = `MSET ${keys.map((k) => `${k} v`).join(' ')}\n`;
    await sameOnBoth([], setup);
    const [r, c] = [await cli(servers.redis.port, ['--scan', '--pattern', 'cli:scan:*']), await cli(servers.cinnabar.port, ['--scan', '--pattern', 'cli:scan:*'])];
    expect(c.status).toBe(0);
    expect(sorted(c)).toEqual(sorted(r));
    expect(sorted(c)).toEqual([...keys].sort());
  });
});

describe('redis-cli reading commands from stdin (a here-doc)', () => {
  const script = [
    'SET cli:a "hello world"',
    'GET cli:a',
    'ECHO "\\x00\\xff\\n"',
    "ECHO 'single \\' quote'",
    'GET cli:missing',
    'NOSUCH x y',
    'GET',
    'MULTI',
    'SET cli:b 1',
    'GET cli:b',
    'EXEC',
    'SELECT 1',
    'GET cli:a',
    'SELECT 0',
    'GET cli:a',
    '',
  ].join('\n');

  it('formatted output', async () => {
    const r = await sameOnBoth(['--no-raw'], script);
    expect(r.stdout).toContain('"hello world"');
    expect(r.stdout).toContain('"\\x00\\xff\\n"');
  });

  it('raw output', () => sameOnBoth([], script));
});

describe('redis-cli -x (last argument from stdin)', () => {
  it('stores stdin byte for byte', async () => {
    const value = Buffer.from('line1\nline2\r\n\x00\xff end', 'latin1');
    await sameOnBoth(['-x', 'SET', 'cli:x'], value);
    await sameOnBoth(['--no-raw', 'GET', 'cli:x']);
    const c = await RespClient.connect(servers.cinnabar.port);
    expect(await c.call('GET', 'cli:x')).toEqual({ t: '$', v: value });
    c.close();
  });
});

describe('redis-cli --pipe', () => {
  it('mass-inserts 100,000 SETs', async () => {
    const n = 100_000;
    const parts: Buffer[] = [];
    for (let i = 0; i < n; i++) parts.push(encodeCommand(['SET', `mass:${i}`, `value:${i}`]));
    const protocol = Buffer.concat(parts);
    const r = await sameOnBoth(['--pipe'], protocol);
    expect(r.stdout).toContain(`errors: 0, replies: ${n}`);
    const c = await RespClient.connect(servers.cinnabar.port);
    const replies = await c.callMany([['GET', 'mass:0'], ['GET', `mass:${n - 1}`], ['GET', `mass:${n >> 1}`]]);
    expect(replies.map((x) => (x.t === '$' ? x.v?.toString() : x))).toEqual(['value:0', `value:${n - 1}`, `value:${n >> 1}`]);
    c.close();
  }, 60_000);

  it('counts error replies, with inline commands mixed in', async () => {
    const protocol = Buffer.concat([encodeCommand(['SET', 'pipe:a', '1']), Buffer.from('GET pipe:a\r\nNOSUCH\r\n'), encodeCommand(['GET']), encodeCommand(['ECHO', 'x'])]);
    const r = await sameOnBoth(['--pipe'], protocol);
    expect(r.stdout).toContain('errors: 2, replies: 5');
  });
});

describe('redis-cli -3 (RESP3)', () => {
  it('formats RESP3 replies the same', async () => {
    await sameOnBoth(['-3', '--no-raw', 'SET', 'cli:r3', 'v']);
    await sameOnBoth(['-3', '--no-raw', 'GET', 'cli:r3']);
    await sameOnBoth(['-3', '--no-raw', 'GET', 'cli:missing']);
    await sameOnBoth(['-3', '--no-raw'], 'MULTI\nGET cli:missing\nGET cli:r3\nEXEC\nNOSUCH\n');
  });
});
