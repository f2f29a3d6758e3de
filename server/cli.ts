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

/** Stands for a failed redis.conf read: Redis logs it as a log line, not as a fatal block. */
export class ConfigFileError extends Error {}

function readConfigFile(file: string): string {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message;
    throw new ConfigFileError(`Fatal error, can't open config file '${file}': ${reason}`);
  }
}

function configErrorText(line: number, text: string, reason: string): string {
  return `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nReading the configuration file, at line ${line}\n>>> '${text}'\n${reason}`;
}

/** sdscatrepr: how redis-server quotes a command-line value into config text. */
function quoteRepr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + '"';
}

/**
 * redis-server's argv: an optional config file, then `--name value...` options, which become
 * config text appended after the file (`--port 6380` -> `port "6380"`), so that errors name
 * the same line numbers Redis does.
 */
export function parseCommandLine(argv: string[]): { configFile: string | null; stdin: boolean; options: string } {
  let configFile: string | null = null;
  let i = 0;
  if (argv.length > 0 && !argv[0].startsWith('-')) configFile = argv[i++];
  let stdin = false;
  let options = '';
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-') {
      stdin = true;
    } else if (a.startsWith('--')) {
      if (options.length) options += '\n';
      options += a.slice(2) + ' ';
    } else {
      options += quoteRepr(a) + ' ';
    }
  }
  return { configFile, stdin, options };
}

/**
 * Applies redis.conf text to `config` line by line as loadServerConfigFromString does:
 * comments and blank lines skipped, quotes as sdssplitargs, `include` read where it stands,
 * repeated `save` lines accumulated (`save ""` clears), one argument for single-value
 * parameters. Throws ConfigError with Redis's fatal-error text.
 */
export function applyConfigText(config: Config, text: string, state = { saves: null as string[] | null }): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const argv = splitArgs(line);
    if (argv === null) throw new ConfigError(configErrorText(i + 1, line, 'Unbalanced quotes in configuration line'));
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    const args = argv.slice(1);
    const fail = (reason: string) => new ConfigError(configErrorText(i + 1, line, reason));
    if (name === 'include') {
      if (args.length !== 1) throw fail('Bad directive or wrong number of arguments');
      applyConfigText(config, readConfigFile(args[0]), state);
      continue;
    }
    const def = config.def(name);
    if (!def) throw fail('Bad directive or wrong number of arguments');
    if (!def.multiArg && args.length !== 1) throw fail('wrong number of arguments');
    let value = args.join(' ');
    if (def.name === 'save') {
      if (args.length === 1 && args[0] === '') state.saves = [];
      else {
        const e = config.set('save', value, true);
        if (e) throw fail(e);
        (state.saves ??= []).push(value);
      }
      value = state.saves.join(' ');
    }
    const e = config.set(name, value, true);
    if (e) throw fail(e);
  }
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
    process.stderr.write(USAGE);
    process.exit(1);
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
    let text = '';
    if (cl.configFile) {
      configFile = path.resolve(cl.configFile);
      text = readConfigFile(cl.configFile);
    }
    if (cl.stdin) text += fs.readFileSync(0, 'latin1');
    if (cl.options) text += '\n' + cl.options;
    // Parsed into a Config of its own first: the values the engine starts with are the
    // canonical texts it produced, and a bad line stops us before anything starts.
    const loaded = new Config();
    applyConfigText(loaded, text);
    log('C', 'warning', 'oO0OoO0OoO0Oo Cinnabar is starting oO0OoO0OoO0Oo');
    log('C', 'warning', `Cinnabar version=${CINNABAR_VERSION} (Redis ${REDIS_VERSION} compatible), bits=64, pid=${process.pid}, just started`);
    if (argv.length === 0) {
      log('C', 'warning', 'Warning: no config file specified, using the default config. In order to specify a config file use cinnabar-server /path/to/redis.conf');
    } else {
      log('C', 'warning', 'Configuration loaded');
    }
    const config: Record<string, string> = {};
    for (const def of loaded.allDefs()) if (loaded.get(def.name) !== def.default) config[def.name] = loaded.get(def.name);
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
    if (e instanceof ConfigFileError) {
      log('C', 'warning', e.message);
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
