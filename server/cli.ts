// `cinnabar-server`: redis-server's command line and redis.conf, Redis-style log lines, and a
// clean stop on SIGTERM, SIGINT and SHUTDOWN.
//
//   cinnabar-server [/path/to/redis.conf] [--port 6379] [--bind 127.0.0.1 -::1] [--save ''] ...
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { nodeHost } from '../bindings/node/host.ts';
import { Config } from '../src/config.ts';
import { Engine } from '../src/engine.ts';
import { splitArgs } from '../src/resp/parser.ts';
import { RespServer } from './resp-server.ts';

export const CINNABAR_VERSION = '0.1.0';
export const REDIS_VERSION = '7.0.15';

const USAGE = `Usage: ./cinnabar-server [/path/to/redis.conf] [options] [-]
       ./cinnabar-server - (read config from stdin)
       ./cinnabar-server -v or --version
       ./cinnabar-server -h or --help

Examples:
       ./cinnabar-server (run the server with default conf)
       ./cinnabar-server /etc/redis/6379.conf
       ./cinnabar-server --port 7777
       ./cinnabar-server --port 7777 --replicaof 127.0.0.1 8888
       ./cinnabar-server /etc/myredis.conf --loglevel verbose -
       ./cinnabar-server /etc/myredis.conf --loglevel verbose
`;

export class ConfigError extends Error {}

/** One directive: a name and its arguments, as a redis.conf line holds them. */
export interface Directive {
  name: string;
  args: string[];
  /** For error messages: where it came from. */
  line: number;
  text: string;
}

/** Parses redis.conf text (comments, quotes as sdssplitargs, `include` resolved relative to cwd). */
export function parseConfigText(text: string, readInclude: (file: string) => string = (f) => fs.readFileSync(f, 'latin1')): Directive[] {
  const out: Directive[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const argv = splitArgs(raw);
    if (argv === null) throw new ConfigError(configErrorText(i + 1, raw, 'Unbalanced quotes in configuration line'));
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    if (name === 'include' && argv.length === 2) {
      out.push(...parseConfigText(readInclude(argv[1]), readInclude));
      continue;
    }
    out.push({ name, args: argv.slice(1), line: i + 1, text: raw });
  }
  return out;
}

function configErrorText(line: number, text: string, reason: string): string {
  return `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nReading the configuration file, at line ${line}\n>>> '${text}'\n${reason}`;
}

/** redis-server's argv: `--name value...` pairs after an optional config file path. */
export function parseCommandLine(argv: string[]): { configFile: string | null; stdin: boolean; directives: Directive[] } {
  let configFile: string | null = null;
  let i = 0;
  if (argv.length > 0 && !argv[0].startsWith('-')) configFile = argv[i++];
  let stdin = false;
  const directives: Directive[] = [];
  let current: Directive | null = null;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-') {
      stdin = true;
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      current = { name: a.slice(2).toLowerCase(), args: [], line: 0, text: a };
      directives.push(current);
      continue;
    }
    if (!current) throw new ConfigError(`Invalid argument '${a}'`);
    current.args.push(a);
    current.text += ` ${a}`;
  }
  return { configFile, stdin, directives };
}

/**
 * Folds directives into config values: repeated `save` lines accumulate (an empty one clears
 * them), repeated `bind` arguments are joined, anything else takes its last value.
 */
export function directivesToConfig(directives: Directive[], engineCheck: (name: string, value: string) => string | null): Record<string, string> {
  const config: Record<string, string> = {};
  let saves: string[] | null = null;
  for (const d of directives) {
    const value = d.args.join(' ');
    if (d.name === 'save') {
      if (value === '' || value === '""') saves = [];
      else (saves ??= []).push(value);
      continue;
    }
    const e = engineCheck(d.name, value);
    if (e) throw new ConfigError(configErrorText(d.line, d.text, e));
    config[d.name] = value;
  }
  if (saves) config.save = saves.join(' ');
  return config;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LEVEL_MARK = { debug: '.', verbose: '-', notice: '*', warning: '#' } as const;
const LEVEL_RANK = { debug: 0, verbose: 1, notice: 2, warning: 3 } as const;

/** A Redis-style log line: `pid:role DD Mon YYYY HH:MM:SS.mmm <mark> text`. */
export function logLine(role: string, level: keyof typeof LEVEL_MARK, text: string, when = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const ts = `${p(when.getDate())} ${MONTHS[when.getMonth()]} ${when.getFullYear()} ${p(when.getHours())}:${p(when.getMinutes())}:${p(when.getSeconds())}.${p(when.getMilliseconds(), 3)}`;
  return `${process.pid}:${role} ${ts} ${LEVEL_MARK[level]} ${text}`;
}

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('-v') || argv.includes('--version')) {
    process.stdout.write(`Cinnabar server v=${CINNABAR_VERSION} redis_version=${REDIS_VERSION} node=${process.version} bits=64\n`);
    return;
  }
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }

  let logTarget: fs.WriteStream | null = null;
  let loglevel: keyof typeof LEVEL_MARK = 'notice';
  const log = (role: string, level: keyof typeof LEVEL_MARK, text: string) => {
    if (LEVEL_RANK[level] < LEVEL_RANK[loglevel]) return;
    const line = logLine(role, level, text) + '\n';
    if (logTarget) logTarget.write(line);
    else process.stdout.write(line);
  };

  let engine: Engine;
  let configFile = '';
  try {
    const cl = parseCommandLine(argv);
    let directives: Directive[] = [];
    if (cl.configFile) {
      configFile = path.resolve(cl.configFile);
      directives = parseConfigText(fs.readFileSync(configFile, 'latin1'));
    }
    if (cl.stdin) directives.push(...parseConfigText(fs.readFileSync(0, 'latin1')));
    directives.push(...cl.directives);
    log('C', 'warning', 'oO0OoO0OoO0Oo Cinnabar is starting oO0OoO0OoO0Oo');
    log('C', 'warning', `Cinnabar version=${CINNABAR_VERSION} (Redis ${REDIS_VERSION} compatible), bits=64, pid=${process.pid}, just started`);
    if (!cl.configFile) {
      log('C', 'warning', 'Warning: no config file specified, using the default config. In order to specify a config file use cinnabar-server /path/to/redis.conf');
    } else {
      log('C', 'warning', 'Configuration loaded');
    }
    // Validate each directive against a throwaway config, so bad lines fail like redis-server's.
    const probe = new Config();
    const config = directivesToConfig(directives, (name, value) => {
      if (!probe.def(name)) return 'Bad directive or wrong number of arguments';
      return probe.set(name, value, true);
    });
    loglevel = (config.loglevel as keyof typeof LEVEL_MARK) ?? 'notice';
    if (config.logfile) logTarget = fs.createWriteStream(config.logfile, { flags: 'a' });
    const host = nodeHost({
      log: (level, line) => log('M', level, line),
      shutdown: (opts) => stop(opts.now ? 'SHUTDOWN NOW' : 'SHUTDOWN'),
    });
    host.process.configFile = configFile;
    engine = new Engine({ host, config });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }

  const server = new RespServer(engine);
  const port = engine.config.getNumber('port');
  const bind = engine.config.get('bind').split(/\s+/).filter(Boolean);
  log('M', 'notice', `Running mode=standalone, port=${port}.`);
  try {
    await server.listen({ port, bind: bind.length ? bind : ['127.0.0.1', '-::1'] });
  } catch (e) {
    log('M', 'warning', `Warning: Could not create server TCP listening socket *:${port}: ${(e as Error).message}`);
    log('M', 'warning', `Failed listening on port ${port} (tcp), aborting.`);
    process.exit(1);
  }
  log('M', 'notice', 'Server initialized');
  log('M', 'notice', 'Ready to accept connections tcp');

  let stopping = false;
  async function stop(reason: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log('M', 'warning', `${reason}: user requested shutdown...`);
    engine.close();
    await server.close();
    log('M', 'warning', 'Cinnabar is now ready to exit, bye bye...');
    logTarget?.end();
    process.exit(0);
  }
  process.on('SIGTERM', () => {
    log('M', 'warning', 'Received SIGTERM scheduling shutdown...');
    void stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    log('M', 'warning', 'Received SIGINT scheduling shutdown...');
    void stop('SIGINT');
  });
}
