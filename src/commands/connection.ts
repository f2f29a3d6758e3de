// Connection commands: PING ECHO SELECT QUIT HELLO AUTH RESET and the CLIENT container
// (ID SETNAME GETNAME LIST INFO KILL NO-EVICT REPLY HELP).
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import { E, err, MapReply, OK, PONG, SimpleString, VerbatimReply, type ErrorReply, type Reply } from '../reply.ts';
import { parseInt64, parseLong } from '../util/number.ts';
import { dbIndexArg, is } from './args.ts';
import { helpReply, subcommandSyntaxError } from './help.ts';
import type { CommandSpec } from './spec.ts';

export const REDIS_VERSION = '7.0.15';

// ---- shared with other families ----

/** Whether a client talks to us from this machine (protected configs, enable-debug-command local). */
export function isLocalClient(c: Client): boolean {
  if (c.conn === null) return true;
  const ip = splitAddress(c.conn.remoteAddress).ip;
  return ip.startsWith('127.') || ip === '::1' || ip.startsWith('::ffff:127.') || c.conn.remoteAddress.startsWith('/');
}

/** The clients Redis keeps in server.clients: those with a connection (in-process handles are not listed). */
export function connectedClients(c: Client): Client[] {
  const out: Client[] = [];
  for (const other of c.engine.clients.values()) if (other.conn !== null) out.push(other);
  return out;
}

/** "ip:port" as Redis writes it: IPv6 addresses in brackets. */
function splitAddress(addr: string): { ip: string; port: string } {
  const i = addr.lastIndexOf(':');
  if (i < 0) return { ip: addr, port: '0' };
  let ip = addr.slice(0, i);
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  return { ip, port: addr.slice(i + 1) };
}

function formatAddress(addr: string | undefined): string {
  if (!addr) return '';
  if (addr.startsWith('/')) return addr;
  const { ip, port } = splitAddress(addr);
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

// ---- client names and types ----

/** CLIENT SETNAME / HELLO SETNAME: printable ASCII without spaces, or "" for no name. */
function invalidClientName(name: Bin): ErrorReply | null {
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch < 0x21 || ch > 0x7e) return err('ERR Client names cannot contain spaces, newlines or special characters.');
  }
  return null;
}

type ClientType = 'normal' | 'replica' | 'master' | 'pubsub';

function clientTypeByName(name: Bin): ClientType | null {
  const n = name.toLowerCase();
  if (n === 'normal' || n === 'master' || n === 'pubsub') return n;
  if (n === 'slave' || n === 'replica') return 'replica';
  return null;
}

function clientType(_c: Client): ClientType {
  // Replication and pub/sub are not built yet: every client is a normal one.
  return 'normal';
}

// ---- CLIENT LIST / CLIENT INFO lines ----

/** Bytes a command took on the wire ("*2\r\n$6\r\nclient\r\n$4\r\nlist\r\n" = 26), Redis's qbuf for the caller. */
function respSize(argv: Bin[]): number {
  let n = 3 + String(argv.length).length;
  for (const a of argv) n += 5 + String(a.length).length + a.length;
  return n;
}

const QUERY_BUFFER_ALLOC = 20474;
const REPLY_BUFFER_SIZE = 16384;
const CLIENT_STRUCT_BYTES = 790;

function clientFlags(c: Client): string {
  let f = '';
  if (c.multi !== null) f += 'x';
  if (c.blocked !== null) f += 'b';
  if (c.dirtyCas) f += 'd';
  if (c.closeAfterReply) f += 'c';
  if (c.noEvict) f += 'e';
  return f === '' ? 'N' : f;
}

/**
 * One CLIENT LIST line with Redis 7.0.15's fields in its order. The memory fields are
 * estimates in Redis's terms (query buffer, reply buffer, argv and MULTI queue sizes); the
 * caller's own line describes the command it is running, as Redis's does.
 */
function clientInfoLine(c: Client, self: { client: Client; command: string; argv: Bin[] }): string {
  const isSelf = c === self.client;
  const nowSec = Math.floor(c.engine.now() / 1000);
  const pending = c.conn?.queryBufferBytes() ?? 0;
  const qbuf = pending + (isSelf ? respSize(self.argv) : 0);
  const argvMem = isSelf ? self.argv.reduce((n, a) => n + a.length, 0) : 0;
  let multiMem = 0;
  for (const q of c.multi ?? []) multiMem += q.argv.reduce((n, a) => n + a.length + 8, 0);
  // Replies written but not yet taken by the kernel (Redis's reply list beyond its buffer).
  const omem = c.conn?.outputBufferBytes() ?? 0;
  const totMem = (c.conn ? QUERY_BUFFER_ALLOC : 0) + REPLY_BUFFER_SIZE + argvMem + multiMem + omem + CLIENT_STRUCT_BYTES;
  const fields: [string, string | number][] = [
    ['id', c.id],
    ['addr', formatAddress(c.conn?.remoteAddress)],
    ['laddr', formatAddress(c.conn?.localAddress)],
    ['fd', c.conn ? c.conn.fd : -1],
    ['name', c.name],
    ['age', nowSec - Math.floor(c.createdAt / 1000)],
    ['idle', isSelf ? 0 : Math.max(0, nowSec - Math.floor(c.lastInteraction / 1000))],
    ['flags', clientFlags(c)],
    ['db', c.dbIndex],
    ['sub', 0],
    ['psub', 0],
    ['ssub', 0],
    ['multi', c.multi === null ? -1 : c.multi.length],
    ['qbuf', qbuf],
    ['qbuf-free', Math.max(0, QUERY_BUFFER_ALLOC - qbuf)],
    ['argv-mem', argvMem],
    ['multi-mem', multiMem],
    ['rbs', REPLY_BUFFER_SIZE],
    ['rbp', REPLY_BUFFER_SIZE],
    ['obl', 0],
    ['oll', 0],
    ['omem', omem],
    ['tot-mem', totMem],
    ['events', c.conn ? 'r' : ''],
    ['cmd', isSelf ? self.command : c.lastCommand],
    ['user', c.user],
    ['redir', -1],
    ['resp', c.resp],
  ];
  return fields.map(([k, v]) => `${k}=${v}`).join(' ');
}

/** CLIENT LIST and INFO answer plain text: a bulk string, a verbatim "txt" string in RESP3. */
function textReply(text: string): Reply {
  return new VerbatimReply('txt', text);
}

function clientList(c: Client, argv: Bin[]): Reply {
  const self = { client: c, command: 'client|list', argv };
  let clients: Client[];
  if (argv.length === 4 && is(argv[2], 'TYPE')) {
    const type = clientTypeByName(argv[3]);
    if (type === null) return err(`ERR Unknown client type '${argv[3]}'`);
    clients = connectedClients(c).filter((o) => clientType(o) === type);
  } else if (argv.length > 3 && is(argv[2], 'ID')) {
    clients = [];
    for (let i = 3; i < argv.length; i++) {
      const id = parseInt64(argv[i]);
      if (id === null) return err('ERR Invalid client ID');
      const other = c.engine.clients.get(Number(id));
      if (other !== undefined && other.conn !== null && id <= BigInt(Number.MAX_SAFE_INTEGER)) clients.push(other);
    }
  } else if (argv.length !== 2) {
    return E.syntax;
  } else {
    clients = connectedClients(c);
  }
  let text = '';
  for (const o of clients) text += clientInfoLine(o, self) + '\n';
  return textReply(text);
}

// ---- CLIENT KILL ----

interface KillFilter {
  addr: Bin | null;
  laddr: Bin | null;
  type: ClientType | null;
  id: number;
  user: Bin | null;
  skipMe: boolean;
}

function parseKillFilter(argv: Bin[]): KillFilter | ErrorReply {
  const f: KillFilter = { addr: null, laddr: null, type: null, id: 0, user: null, skipMe: true };
  if (argv.length === 3) {
    // The old form, CLIENT KILL ip:port, may kill the caller itself.
    return { ...f, addr: argv[2], skipMe: false };
  }
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i];
    const value = argv[i + 1];
    if (value === undefined) return E.syntax;
    if (is(opt, 'ID')) {
      const id = parseLong(value);
      if (id === null || id < 1) return err('ERR client-id should be greater than 0');
      f.id = id;
    } else if (is(opt, 'TYPE')) {
      f.type = clientTypeByName(value);
      if (f.type === null) return err(`ERR Unknown client type '${value}'`);
    } else if (is(opt, 'ADDR')) {
      f.addr = value;
    } else if (is(opt, 'LADDR')) {
      f.laddr = value;
    } else if (is(opt, 'USER')) {
      // Only the default user exists until ACLs are built.
      if (value !== 'default') return err(`ERR No such user '${value}'`);
      f.user = value;
    } else if (is(opt, 'SKIPME')) {
      if (is(value, 'YES')) f.skipMe = true;
      else if (is(value, 'NO')) f.skipMe = false;
      else return E.syntax;
    } else {
      return E.syntax;
    }
  }
  return f;
}

function clientKill(c: Client, argv: Bin[]): Reply {
  const f = parseKillFilter(argv);
  if (!('skipMe' in f)) return f;
  let killed = 0;
  for (const other of connectedClients(c)) {
    if (f.addr !== null && formatAddress(other.conn?.remoteAddress) !== f.addr) continue;
    if (f.laddr !== null && formatAddress(other.conn?.localAddress) !== f.laddr) continue;
    if (f.type !== null && clientType(other) !== f.type) continue;
    if (f.id !== 0 && other.id !== f.id) continue;
    if (f.user !== null && other.user !== f.user) continue;
    if (other === c && f.skipMe) continue;
    if (other === c) {
      // Answered first, closed after the reply is written.
      c.closeAfterReply = true;
    } else {
      other.killed = true;
      other.conn?.close();
      c.engine.freeClient(other);
    }
    killed++;
  }
  if (argv.length === 3) return killed === 0 ? err('ERR No such client') : OK;
  return killed;
}

// ---- HELLO / AUTH / RESET ----

/** Checks a username and password against the default user (the only user until ACLs land). */
function authenticate(c: Client, user: Bin, pass: Bin): boolean {
  const requirepass = c.engine.config.get('requirepass');
  const ok = user === 'default' && (requirepass === '' || pass === requirepass);
  if (ok) {
    c.authenticated = true;
    c.user = user;
  }
  return ok;
}

const WRONGPASS = err('WRONGPASS invalid username-password pair or user is disabled.');

function hello(c: Client, argv: Bin[]): Reply {
  let protover = 0;
  let i = 1;
  if (argv.length >= 2) {
    const v = parseInt64(argv[i++]);
    if (v === null) return err('ERR Protocol version is not an integer or out of range');
    if (v < 2n || v > 3n) return err('NOPROTO unsupported protocol version');
    protover = Number(v);
  }
  let auth: [Bin, Bin] | null = null;
  let name: Bin | null = null;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    if (is(argv[i], 'AUTH') && more >= 2) {
      auth = [argv[i + 1], argv[i + 2]];
      i += 2;
    } else if (is(argv[i], 'SETNAME') && more >= 1) {
      name = argv[++i];
      const e = invalidClientName(name);
      if (e) return e;
    } else {
      return err(`ERR Syntax error in HELLO option '${argv[i]}'`);
    }
  }
  if (auth !== null && !authenticate(c, auth[0], auth[1])) return WRONGPASS;
  if (c.authRequired()) {
    return err(
      'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
    );
  }
  if (name !== null) c.name = name;
  if (protover !== 0) c.resp = protover as 2 | 3;
  return new MapReply(['server', 'redis', 'version', REDIS_VERSION, 'proto', c.resp, 'id', c.id, 'mode', 'standalone', 'role', 'master', 'modules', []]);
}

function auth(c: Client, argv: Bin[]): Reply {
  if (argv.length > 3) return E.syntax;
  if (argv.length === 2) {
    if (c.engine.config.get('requirepass') === '') {
      return err('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
    }
    return authenticate(c, 'default', argv[1]) ? OK : WRONGPASS;
  }
  return authenticate(c, argv[1], argv[2]) ? OK : WRONGPASS;
}

/**
 * RESET: the connection as new (db 0, RESP2, no name, no transaction or watches, default user,
 * replies on). Redis 7.0 keeps CLIENT NO-EVICT across a RESET.
 */
function reset(c: Client): Reply {
  c.db = c.engine.dbs[0];
  c.resp = 2;
  c.user = 'default';
  c.authenticated = !c.engine.authRequiredByDefault();
  c.multi = null;
  c.dirtyExec = false;
  c.engine.unwatchAll(c);
  c.name = '';
  c.replyOff = false;
  c.replySkip = 0;
  return new SimpleString('RESET');
}

const CLIENT_HELP = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

const CLIENT_CMD_FLAGS: CommandSpec['flags'] = ['noscript', 'loading', 'stale'];
const CLIENT_ADMIN_FLAGS: CommandSpec['flags'] = ['admin', 'noscript', 'loading', 'stale'];
const CLIENT_ACL = ['slow', 'connection'];
const CLIENT_ADMIN_ACL = ['admin', 'slow', 'dangerous', 'connection'];
const clientSub = { group: 'connection' };

export const connectionCommands: CommandSpec[] = [
  {
    name: 'ping',
    arity: -1,
    flags: ['fast'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '1.0.0',
    summary: 'Ping the server',
    complexity: 'O(1)',
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
    args: [{ name: 'message', type: 'string', optional: true }],
    handler(_c, argv) {
      if (argv.length > 2) return E.wrongArity('ping');
      return argv.length === 2 ? argv[1] : PONG;
    },
  },
  {
    name: 'echo',
    arity: 2,
    flags: ['loading', 'stale', 'fast'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '1.0.0',
    summary: 'Echo the given string',
    complexity: 'O(1)',
    args: [{ name: 'message', type: 'string' }],
    handler: (_c, argv) => argv[1],
  },
  {
    name: 'select',
    arity: 2,
    flags: ['loading', 'stale', 'fast'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '1.0.0',
    summary: 'Change the selected database for the current connection',
    complexity: 'O(1)',
    args: [{ name: 'index', type: 'integer' }],
    handler(c, argv) {
      const idx = dbIndexArg(argv[1], c.engine.dbs.length);
      if (typeof idx !== 'number') return idx;
      c.db = c.engine.dbs[idx];
      return OK;
    },
  },
  {
    name: 'quit',
    arity: -1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '1.0.0',
    summary: 'Close the connection',
    complexity: 'O(1)',
    handler(c) {
      c.closeAfterReply = true;
      return OK;
    },
  },
  {
    name: 'hello',
    arity: -1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '6.0.0',
    summary: 'Handshake with Redis',
    complexity: 'O(1)',
    history: [['6.2.0', "`protover` made optional; when called without arguments the command reports the current connection's context."]],
    args: [
      {
        name: 'arguments',
        type: 'block',
        optional: true,
        args: [
          { name: 'protover', type: 'integer' },
          {
            name: 'username_password',
            type: 'block',
            token: 'AUTH',
            optional: true,
            args: [
              { name: 'username', type: 'string' },
              { name: 'password', type: 'string' },
            ],
          },
          { name: 'clientname', type: 'string', token: 'SETNAME', optional: true },
        ],
      },
    ],
    handler: hello,
  },
  {
    name: 'auth',
    arity: -2,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '1.0.0',
    summary: 'Authenticate to the server',
    complexity: 'O(N) where N is the number of passwords defined for the user',
    history: [['6.0.0', 'Added ACL style (username and password).']],
    args: [
      { name: 'username', type: 'string', since: '6.0.0', optional: true },
      { name: 'password', type: 'string' },
    ],
    handler: auth,
  },
  {
    name: 'reset',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    acl: ['fast', 'connection'],
    group: 'connection',
    since: '6.2.0',
    summary: 'Reset the connection',
    complexity: 'O(1)',
    handler: reset,
  },
  {
    name: 'client',
    arity: -2,
    flags: [],
    acl: ['slow'],
    group: 'connection',
    since: '2.4.0',
    summary: 'A container for client connection commands',
    complexity: 'Depends on subcommand.',
    subcommands: [
      {
        ...clientSub,
        name: 'help',
        arity: 2,
        flags: ['loading', 'stale'],
        acl: CLIENT_ACL,
        since: '5.0.0',
        summary: 'Show helpful text about the different subcommands',
        complexity: 'O(1)',
        handler: () => helpReply('client', CLIENT_HELP),
      },
      {
        ...clientSub,
        name: 'list',
        arity: -2,
        flags: CLIENT_ADMIN_FLAGS,
        acl: CLIENT_ADMIN_ACL,
        since: '2.4.0',
        summary: 'Get the list of client connections',
        complexity: 'O(N) where N is the number of client connections',
        history: [
          ['2.8.12', 'Added unique client `id` field.'],
          ['5.0.0', 'Added optional `TYPE` filter.'],
          ['6.0.0', 'Added `user` field.'],
          ['6.2.0', 'Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter.'],
          ['7.0.0', 'Added `resp`, `multi-mem`, `rbs` and `rbp` fields.'],
          ['7.0.3', 'Added `ssub` field.'],
        ],
        tips: ['nondeterministic_output'],
        args: [
          {
            name: 'normal_master_replica_pubsub',
            type: 'oneof',
            token: 'TYPE',
            since: '5.0.0',
            optional: true,
            args: [
              { name: 'normal', type: 'pure-token', token: 'NORMAL' },
              { name: 'master', type: 'pure-token', token: 'MASTER' },
              { name: 'replica', type: 'pure-token', token: 'REPLICA' },
              { name: 'pubsub', type: 'pure-token', token: 'PUBSUB' },
            ],
          },
          { name: 'id', type: 'block', token: 'ID', since: '6.2.0', optional: true, args: [{ name: 'client-id', type: 'integer', multiple: true }] },
        ],
        handler: clientList,
      },
      {
        ...clientSub,
        name: 'no-evict',
        arity: 3,
        flags: CLIENT_ADMIN_FLAGS,
        acl: CLIENT_ADMIN_ACL,
        since: '7.0.0',
        summary: 'Set client eviction mode for the current connection',
        complexity: 'O(1)',
        args: [
          {
            name: 'enabled',
            type: 'oneof',
            args: [
              { name: 'on', type: 'pure-token', token: 'ON' },
              { name: 'off', type: 'pure-token', token: 'OFF' },
            ],
          },
        ],
        handler(c, argv) {
          if (is(argv[2], 'ON')) c.noEvict = true;
          else if (is(argv[2], 'OFF')) c.noEvict = false;
          else return E.syntax;
          return OK;
        },
      },
      {
        ...clientSub,
        name: 'unblock',
        arity: -3,
        flags: CLIENT_ADMIN_FLAGS,
        acl: CLIENT_ADMIN_ACL,
        since: '5.0.0',
        summary: 'Unblock a client blocked in a blocking command from a different connection',
        complexity: 'O(log N) where N is the number of client connections',
        args: [
          { name: 'client-id', type: 'integer' },
          {
            name: 'timeout_error',
            type: 'oneof',
            optional: true,
            args: [
              { name: 'timeout', type: 'pure-token', token: 'TIMEOUT' },
              { name: 'error', type: 'pure-token', token: 'ERROR' },
            ],
          },
        ],
        handler: clientUnblock,
      },
      {
        ...clientSub,
        name: 'id',
        arity: 2,
        flags: CLIENT_CMD_FLAGS,
        acl: CLIENT_ACL,
        since: '5.0.0',
        summary: 'Returns the client ID for the current connection',
        complexity: 'O(1)',
        handler: (c) => c.id,
      },
      {
        ...clientSub,
        name: 'info',
        arity: 2,
        flags: CLIENT_CMD_FLAGS,
        acl: CLIENT_ACL,
        since: '6.2.0',
        summary: 'Returns information about the current client connection.',
        complexity: 'O(1)',
        tips: ['nondeterministic_output'],
        handler: (c, argv) => textReply(clientInfoLine(c, { client: c, command: 'client|info', argv }) + '\n'),
      },
      {
        ...clientSub,
        name: 'setname',
        arity: 3,
        flags: CLIENT_CMD_FLAGS,
        acl: CLIENT_ACL,
        since: '2.6.9',
        summary: 'Set the current connection name',
        complexity: 'O(1)',
        args: [{ name: 'connection-name', type: 'string' }],
        handler(c, argv) {
          const e = invalidClientName(argv[2]);
          if (e) return e;
          c.name = argv[2];
          return OK;
        },
      },
      {
        ...clientSub,
        name: 'kill',
        arity: -3,
        flags: CLIENT_ADMIN_FLAGS,
        acl: CLIENT_ADMIN_ACL,
        since: '2.4.0',
        summary: 'Kill the connection of a client',
        complexity: 'O(N) where N is the number of client connections',
        history: [
          ['2.8.12', 'Added new filter format.'],
          ['2.8.12', '`ID` option.'],
          ['3.2.0', 'Added `master` type in for `TYPE` option.'],
          ['5.0.0', 'Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility.'],
          ['6.2.0', '`LADDR` option.'],
        ],
        args: [
          {
            name: 'filter',
            type: 'oneof',
            args: [
              { name: 'ip:port', type: 'string', deprecatedSince: '2.8.12' },
              {
                name: 'new-format',
                type: 'oneof',
                multiple: true,
                args: [
                  { name: 'client-id', type: 'integer', token: 'ID', since: '2.8.12', optional: true },
                  {
                    name: 'normal_master_slave_pubsub',
                    type: 'oneof',
                    token: 'TYPE',
                    since: '2.8.12',
                    optional: true,
                    args: [
                      { name: 'normal', type: 'pure-token', token: 'NORMAL' },
                      { name: 'master', type: 'pure-token', token: 'MASTER', since: '3.2.0' },
                      { name: 'slave', type: 'pure-token', token: 'SLAVE' },
                      { name: 'replica', type: 'pure-token', token: 'REPLICA', since: '5.0.0' },
                      { name: 'pubsub', type: 'pure-token', token: 'PUBSUB' },
                    ],
                  },
                  { name: 'username', type: 'string', token: 'USER', optional: true },
                  { name: 'ip:port', type: 'string', token: 'ADDR', optional: true },
                  { name: 'ip:port', type: 'string', token: 'LADDR', since: '6.2.0', optional: true },
                  { name: 'yes/no', type: 'string', token: 'SKIPME', optional: true },
                ],
              },
            ],
          },
        ],
        handler: clientKill,
      },
      {
        ...clientSub,
        name: 'getname',
        arity: 2,
        flags: CLIENT_CMD_FLAGS,
        acl: CLIENT_ACL,
        since: '2.6.9',
        summary: 'Get the current connection name',
        complexity: 'O(1)',
        handler: (c) => (c.name === '' ? null : c.name),
      },
      {
        ...clientSub,
        name: 'reply',
        arity: 3,
        flags: CLIENT_CMD_FLAGS,
        acl: CLIENT_ACL,
        since: '3.2.0',
        summary: 'Instruct the server whether to reply to commands',
        complexity: 'O(1)',
        args: [
          {
            name: 'on_off_skip',
            type: 'oneof',
            args: [
              { name: 'on', type: 'pure-token', token: 'ON' },
              { name: 'off', type: 'pure-token', token: 'OFF' },
              { name: 'skip', type: 'pure-token', token: 'SKIP' },
            ],
          },
        ],
        handler(c, argv) {
          // The engine drops replies while replyOff is set and for the next replySkip commands.
          if (is(argv[2], 'ON')) {
            c.replyOff = false;
            c.replySkip = 0;
          } else if (is(argv[2], 'OFF')) {
            c.replyOff = true;
          } else if (is(argv[2], 'SKIP')) {
            if (!c.replyOff) c.replySkip = 2;
          } else {
            return E.syntax;
          }
          return OK;
        },
      },
    ],
  },
];

const E_UNBLOCK_REASON = err('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
const E_UNBLOCKED = err('UNBLOCKED client unblocked via CLIENT UNBLOCK');

/** CLIENT UNBLOCK id [TIMEOUT|ERROR]: 1 when that client was blocked and now is not. */
function clientUnblock(c: Client, argv: Bin[]): Reply {
  if (argv.length > 4) return subcommandSyntaxError(argv);
  let asError = false;
  if (argv.length === 4) {
    if (is(argv[3], 'ERROR')) asError = true;
    else if (!is(argv[3], 'TIMEOUT')) return E_UNBLOCK_REASON;
  }
  const id = parseLong(argv[2]);
  if (id === null) return E.notInteger;
  const target = c.engine.clients.get(id);
  if (target === undefined || target.blocked === null) return 0;
  c.engine.unblockClient(target, asError ? E_UNBLOCKED : target.blocked.timeoutReply);
  return 1;
}
