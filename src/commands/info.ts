// INFO: Redis 7.0.15's sections and field names, in its order. Fields about machinery Cinnabar
// does not have (forks, replication links, jemalloc) keep Redis's names with the values an
// idle Redis without that activity reports, so that tools parsing INFO find every field.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { Engine } from '../engine.ts';
import type { ProcessInfo } from '../host.ts';
import { VerbatimReply, type Reply } from '../reply.ts';
import { connectedClients, REDIS_VERSION } from './connection.ts';
import type { Command, CommandSpec } from './spec.ts';

const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'module_list', 'errorstats', 'cluster', 'keyspace'];

/** What INFO's arguments select: named sections, plus every section for "all"/"everything". */
function selectSections(args: Bin[]): { all: boolean; names: Set<string> } {
  const names = new Set<string>();
  let all = false;
  if (args.length === 0) args = ['default'];
  for (const a of args) {
    const s = a.toLowerCase();
    if (s === 'all' || s === 'everything') all = true;
    else if (s === 'default') for (const d of DEFAULT_SECTIONS) names.add(d);
    else names.add(s);
  }
  return { all, names };
}

// ---- per-engine facts INFO reports ----

interface InfoState {
  runId: string;
  replId: string;
  peakMemory: number;
  startupMemory: number;
  /** The previous sample, for the instantaneous_* rates. */
  sample: { at: number; commands: number; input: number; output: number };
  rates: { ops: number; inKbps: number; outKbps: number };
}

const states = new WeakMap<Engine, InfoState>();

/** The host's facts about the process INFO reports (pid, memory, CPU, runtime). */
function processInfo(engine: Engine): ProcessInfo {
  return engine.host.process;
}

function randomHex(engine: Engine, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(engine.host.random() * 16).toString(16);
  return s;
}

function infoState(engine: Engine): InfoState {
  let s = states.get(engine);
  if (!s) {
    const used = processInfo(engine).memory().used;
    s = {
      runId: randomHex(engine, 40),
      replId: randomHex(engine, 40),
      peakMemory: used,
      startupMemory: used,
      sample: { at: engine.stats.startTime, commands: 0, input: 0, output: 0 },
      rates: { ops: 0, inKbps: 0, outKbps: 0 },
    };
    states.set(engine, s);
  }
  return s;
}

/**
 * The instantaneous_* figures: rates over the time since the previous INFO (Redis samples in
 * its cron; a monitor polling INFO sees the same kind of recent average).
 */
function updateRates(engine: Engine, s: InfoState): void {
  const now = engine.host.now();
  const st = engine.stats;
  const dt = (now - s.sample.at) / 1000;
  if (dt < 0.1) return;
  s.rates = {
    ops: Math.round((st.totalCommands - s.sample.commands) / dt),
    inKbps: (st.netInputBytes - s.sample.input) / dt / 1024,
    outKbps: (st.netOutputBytes - s.sample.output) / dt / 1024,
  };
  s.sample = { at: now, commands: st.totalCommands, input: st.netInputBytes, output: st.netOutputBytes };
}

/** CONFIG RESETSTAT: every server counter, the per-command stats and the error stats. */
export function resetStats(engine: Engine): void {
  const stats = engine.stats as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(stats)) {
    if (k === 'startTime') continue;
    if (typeof v === 'number') stats[k] = 0;
    else if (v instanceof Map) v.clear();
  }
  const resetCommand = (cmd: Command) => {
    cmd.stats.calls = cmd.stats.usec = cmd.stats.rejectedCalls = cmd.stats.failedCalls = 0;
    cmd.subcommands?.forEach(resetCommand);
  };
  engine.commands.forEach(resetCommand);
  const s = states.get(engine);
  if (s) s.sample = { at: engine.host.now(), commands: 0, input: 0, output: 0 };
}

// ---- formatting ----

/** server.c bytesToHuman. */
function bytesToHuman(n: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  for (let i = 1; i < units.length; i++) {
    if (n < 1024 ** (i + 1)) return `${(n / 1024 ** i).toFixed(2)}${units[i]}`;
  }
  return `${n}B`;
}

const fixed2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '0.00');

/** getSafeInfoString: INFO's own separators may not appear in names. */
function safeName(s: string): string {
  return s.replace(/[#:\n\r]/g, '_');
}

type Field = [name: string, value: string | number];

function section(title: string, fields: Field[]): string {
  let s = `# ${title}\r\n`;
  for (const [k, v] of fields) s += `${k}:${v}\r\n`;
  return s;
}

function serverSection(engine: Engine, s: InfoState): string {
  const p = processInfo(engine);
  const now = engine.host.now();
  const uptime = Math.floor((now - engine.stats.startTime) / 1000);
  const hz = engine.config.get('hz');
  return section('Server', [
    ['redis_version', REDIS_VERSION],
    ['redis_git_sha1', '00000000'],
    ['redis_git_dirty', 0],
    ['redis_build_id', '0000000000000000'],
    ['redis_mode', 'standalone'],
    ['os', p.os],
    ['arch_bits', 64],
    ['monotonic_clock', 'POSIX clock_gettime'],
    ['multiplexing_api', 'epoll'],
    ['atomicvar_api', 'c11-builtin'],
    ['gcc_version', '0.0.0'],
    ['process_id', p.pid],
    ['process_supervised', 'no'],
    ['run_id', s.runId],
    ['tcp_port', engine.listeningPort ?? engine.config.get('port')],
    ['server_time_usec', Math.floor(now * 1000)],
    ['uptime_in_seconds', uptime],
    ['uptime_in_days', Math.floor(uptime / 86400)],
    ['hz', hz],
    ['configured_hz', hz],
    ['lru_clock', engine.lruClock()],
    ['executable', p.executable],
    ['config_file', p.configFile],
    ['io_threads_active', 0],
  ]);
}

function clientsSection(c: Client): string {
  const engine = c.engine;
  const clients = connectedClients(c);
  let maxInput = 0;
  for (const o of clients) maxInput = Math.max(maxInput, o.conn?.queryBufferBytes() ?? 0);
  return section('Clients', [
    ['connected_clients', clients.length],
    ['cluster_connections', 0],
    ['maxclients', engine.config.get('maxclients')],
    ['client_recent_max_input_buffer', maxInput],
    ['client_recent_max_output_buffer', 0],
    ['blocked_clients', clients.filter((o) => o.blocked !== null).length],
    ['tracking_clients', 0],
    ['clients_in_timeout_table', clients.filter((o) => o.blocked !== null && o.blocked.timeoutAt > 0).length],
  ]);
}

function memorySection(engine: Engine, s: InfoState): string {
  const mem = processInfo(engine).memory();
  const used = mem.used;
  s.peakMemory = Math.max(s.peakMemory, used, mem.peak ?? 0);
  const overhead = Math.min(used, s.startupMemory);
  const dataset = used - overhead;
  const maxmemory = Number(engine.config.get('maxmemory'));
  const ratio = used > 0 ? mem.rss / used : 0;
  return section('Memory', [
    ['used_memory', used],
    ['used_memory_human', bytesToHuman(used)],
    ['used_memory_rss', mem.rss],
    ['used_memory_rss_human', bytesToHuman(mem.rss)],
    ['used_memory_peak', s.peakMemory],
    ['used_memory_peak_human', bytesToHuman(s.peakMemory)],
    ['used_memory_peak_perc', `${fixed2(s.peakMemory > 0 ? (used * 100) / s.peakMemory : 0)}%`],
    ['used_memory_overhead', overhead],
    ['used_memory_startup', s.startupMemory],
    ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', `${fixed2(used > s.startupMemory ? (dataset * 100) / (used - s.startupMemory) : 0)}%`],
    ['allocator_allocated', used],
    ['allocator_active', used],
    ['allocator_resident', mem.rss],
    ['total_system_memory', 0],
    ['total_system_memory_human', '0B'],
    ['used_memory_lua', 0],
    ['used_memory_vm_eval', 0],
    ['used_memory_lua_human', '0B'],
    ['used_memory_scripts_eval', 0],
    ['number_of_cached_scripts', 0],
    ['number_of_functions', 0],
    ['number_of_libraries', 0],
    ['used_memory_vm_functions', 0],
    ['used_memory_vm_total', 0],
    ['used_memory_vm_total_human', '0B'],
    ['used_memory_functions', 0],
    ['used_memory_scripts', 0],
    ['used_memory_scripts_human', '0B'],
    ['maxmemory', maxmemory],
    ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', engine.config.get('maxmemory-policy')],
    ['allocator_frag_ratio', '1.00'],
    ['allocator_frag_bytes', 0],
    ['allocator_rss_ratio', fixed2(ratio)],
    ['allocator_rss_bytes', mem.rss - used],
    ['rss_overhead_ratio', '1.00'],
    ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', fixed2(ratio)],
    ['mem_fragmentation_bytes', mem.rss - used],
    ['mem_not_counted_for_evict', 0],
    ['mem_replication_backlog', 0],
    ['mem_total_replication_buffers', 0],
    ['mem_clients_slaves', 0],
    ['mem_clients_normal', 0],
    ['mem_cluster_links', 0],
    ['mem_aof_buffer', 0],
    ['mem_allocator', processInfo(engine).runtime],
    ['active_defrag_running', 0],
    ['lazyfree_pending_objects', 0],
    ['lazyfreed_objects', 0],
  ]);
}

function persistenceSection(engine: Engine): string {
  return section('Persistence', [
    ['loading', 0],
    ['async_loading', 0],
    ['current_cow_peak', 0],
    ['current_cow_size', 0],
    ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'],
    ['current_save_keys_processed', 0],
    ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', engine.dirty],
    ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', Math.floor(engine.stats.startTime / 1000)],
    ['rdb_last_bgsave_status', 'ok'],
    ['rdb_last_bgsave_time_sec', -1],
    ['rdb_current_bgsave_time_sec', -1],
    ['rdb_saves', 0],
    ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', 0],
    ['rdb_last_load_keys_loaded', 0],
    ['aof_enabled', 0],
    ['aof_rewrite_in_progress', 0],
    ['aof_rewrite_scheduled', 0],
    ['aof_last_rewrite_time_sec', -1],
    ['aof_current_rewrite_time_sec', -1],
    ['aof_last_bgrewrite_status', 'ok'],
    ['aof_rewrites', 0],
    ['aof_rewrites_consecutive_failures', 0],
    ['aof_last_write_status', 'ok'],
    ['aof_last_cow_size', 0],
    ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
  ]);
}

function statsSection(engine: Engine, s: InfoState): string {
  const st = engine.stats;
  return section('Stats', [
    ['total_connections_received', st.totalConnections],
    ['total_commands_processed', st.totalCommands],
    ['instantaneous_ops_per_sec', s.rates.ops],
    ['total_net_input_bytes', st.netInputBytes],
    ['total_net_output_bytes', st.netOutputBytes],
    ['total_net_repl_input_bytes', 0],
    ['total_net_repl_output_bytes', 0],
    ['instantaneous_input_kbps', fixed2(s.rates.inKbps)],
    ['instantaneous_output_kbps', fixed2(s.rates.outKbps)],
    ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'],
    ['rejected_connections', st.rejectedConnections],
    ['sync_full', 0],
    ['sync_partial_ok', 0],
    ['sync_partial_err', 0],
    ['expired_keys', st.expiredKeys],
    ['expired_stale_perc', '0.00'],
    ['expired_time_cap_reached_count', 0],
    ['expire_cycle_cpu_milliseconds', 0],
    ['evicted_keys', st.evictedKeys],
    ['evicted_clients', 0],
    ['total_eviction_exceeded_time', 0],
    ['current_eviction_exceeded_time', 0],
    ['keyspace_hits', st.keyspaceHits],
    ['keyspace_misses', st.keyspaceMisses],
    ['pubsub_channels', 0],
    ['pubsub_patterns', 0],
    ['pubsubshard_channels', 0],
    ['latest_fork_usec', 0],
    ['total_forks', 0],
    ['migrate_cached_sockets', 0],
    ['slave_expires_tracked_keys', 0],
    ['active_defrag_hits', 0],
    ['active_defrag_misses', 0],
    ['active_defrag_key_hits', 0],
    ['active_defrag_key_misses', 0],
    ['total_active_defrag_time', 0],
    ['current_active_defrag_time', 0],
    ['tracking_total_keys', 0],
    ['tracking_total_items', 0],
    ['tracking_total_prefixes', 0],
    ['unexpected_error_replies', 0],
    ['total_error_replies', st.totalErrorReplies],
    ['dump_payload_sanitizations', 0],
    ['total_reads_processed', 0],
    ['total_writes_processed', 0],
    ['io_threaded_reads_processed', 0],
    ['io_threaded_writes_processed', 0],
    ['reply_buffer_shrinks', 0],
    ['reply_buffer_expands', 0],
  ]);
}

function replicationSection(engine: Engine, s: InfoState): string {
  return section('Replication', [
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_failover_state', 'no-failover'],
    ['master_replid', s.replId],
    ['master_replid2', '0000000000000000000000000000000000000000'],
    ['master_repl_offset', 0],
    ['second_repl_offset', -1],
    ['repl_backlog_active', 0],
    ['repl_backlog_size', engine.config.get('repl-backlog-size')],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
  ]);
}

function cpuSection(engine: Engine): string {
  const cpu = processInfo(engine).cpu();
  const secs = (x: number) => x.toFixed(6);
  return section('CPU', [
    ['used_cpu_sys', secs(cpu.sys)],
    ['used_cpu_user', secs(cpu.user)],
    ['used_cpu_sys_children', '0.000000'],
    ['used_cpu_user_children', '0.000000'],
    ['used_cpu_sys_main_thread', secs(cpu.sys)],
    ['used_cpu_user_main_thread', secs(cpu.user)],
  ]);
}

/** Commands (subcommands after their container) with any call, failure or rejection. */
function commandsWithStats(engine: Engine): Command[] {
  const out: Command[] = [];
  const visit = (cmd: Command) => {
    const st = cmd.stats;
    if (st.calls || st.failedCalls || st.rejectedCalls) out.push(cmd);
    cmd.subcommands?.forEach(visit);
  };
  engine.commands.forEach(visit);
  return out;
}

function commandstatsSection(engine: Engine): string {
  engine.endBatch();
  const fields: Field[] = commandsWithStats(engine).map((cmd) => {
    const st = cmd.stats;
    const usec = Math.round(st.usec);
    return [
      `cmdstat_${safeName(cmd.fullName)}`,
      `calls=${st.calls},usec=${usec},usec_per_call=${fixed2(st.calls === 0 ? 0 : usec / st.calls)},rejected_calls=${st.rejectedCalls},failed_calls=${st.failedCalls}`,
    ];
  });
  return section('Commandstats', fields);
}

function errorstatsSection(engine: Engine): string {
  const names = [...engine.stats.errors.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return section(
    'Errorstats',
    names.map((n) => [`errorstat_${safeName(n)}`, `count=${engine.stats.errors.get(n)}`]),
  );
}

/**
 * Per-command latency percentiles. Cinnabar keeps no histograms yet, so each percentile
 * reports the command's mean latency.
 */
function latencystatsSection(engine: Engine): string {
  if (!engine.config.getBool('latency-tracking')) return section('Latencystats', []);
  const percentiles = engine.config.get('latency-tracking-info-percentiles').split(' ').filter(Boolean);
  const fields: Field[] = [];
  for (const cmd of commandsWithStats(engine)) {
    if (cmd.stats.calls === 0) continue;
    const mean = (cmd.stats.usec / cmd.stats.calls).toFixed(3);
    fields.push([`latency_percentiles_usec_${safeName(cmd.fullName)}`, percentiles.map((p) => `p${p}=${mean}`).join(',')]);
  }
  return section('Latencystats', fields);
}

function keyspaceSection(engine: Engine): string {
  const fields: Field[] = [];
  const now = engine.now();
  for (const db of engine.dbs) {
    if (db.size === 0) continue;
    const expires = db.expires;
    // Redis estimates avg_ttl from the keys its expiry cycle samples; this samples up to 1000.
    let sum = 0;
    let n = 0;
    for (let i = 0; i < expires.size && n < 1000; i++, n++) sum += Math.max(0, expires.valueAtSlot(i) - now);
    fields.push([`db${db.id}`, `keys=${db.size},expires=${expires.size},avg_ttl=${n === 0 ? 0 : Math.round(sum / n)}`]);
  }
  return section('Keyspace', fields);
}

/** The INFO text for these section arguments (also what other hosts may show in a status page). */
export function infoText(c: Client, args: Bin[]): string {
  const engine = c.engine;
  const { all, names } = selectSections(args);
  const want = (name: string) => all || names.has(name);
  const s = infoState(engine);
  updateRates(engine, s);
  const parts: string[] = [];
  if (want('server')) parts.push(serverSection(engine, s));
  if (want('clients')) parts.push(clientsSection(c));
  if (want('memory')) parts.push(memorySection(engine, s));
  if (want('persistence')) parts.push(persistenceSection(engine));
  if (want('stats')) parts.push(statsSection(engine, s));
  if (want('replication')) parts.push(replicationSection(engine, s));
  if (want('cpu')) parts.push(cpuSection(engine));
  if (want('module_list') || names.has('modules')) parts.push(section('Modules', []));
  if (want('commandstats')) parts.push(commandstatsSection(engine));
  if (want('errorstats')) parts.push(errorstatsSection(engine));
  if (want('latencystats')) parts.push(latencystatsSection(engine));
  if (want('cluster')) parts.push(section('Cluster', [['cluster_enabled', 0]]));
  if (want('keyspace')) parts.push(keyspaceSection(engine));
  return parts.join('\r\n');
}

export const infoCommands: CommandSpec[] = [
  {
    name: 'info',
    arity: -1,
    flags: ['loading', 'stale'],
    acl: ['slow', 'dangerous'],
    group: 'server',
    since: '1.0.0',
    summary: 'Get information and statistics about the server',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added support for taking multiple section arguments.']],
    tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
    args: [{ name: 'section', type: 'string', optional: true, multiple: true }],
    handler: (c, argv): Reply => new VerbatimReply('txt', infoText(c, argv.slice(1))),
  },
];
