// The configuration table and store on their own (no server): value parsing as config.c does
// it, CONFIG SET's all-or-nothing semantics, CONFIG GET's matching, and the generated list of
// parameters not in effect yet (docs/config-not-in-effect.md), kept in step with the table.
// The comparison of every parameter with a real redis-server is in test/compat/server.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyspaceEventFlags, keyspaceEventsText, memtoull, PARAMS } from '../../src/config-params.ts';
import { Config } from '../../src/config.ts';

const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/config-not-in-effect.md');

/** docs/config-not-in-effect.md, from the table. */
function notInEffectDoc(): string {
  const rows = PARAMS.filter((p) => !p.inEffect && !p.hidden)
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((p) => `| \`${p.name}\`${p.aliases ? ` (${p.aliases.map((a) => `\`${a}\``).join(', ')})` : ''} | \`${p.default === '' ? '""' : p.default}\` | ${p.about} |`);
  const inEffect = PARAMS.filter((p) => p.inEffect)
    .map((p) => `\`${p.name}\``)
    .sort()
    .join(', ');
  return [
    '# Configuration parameters not in effect yet',
    '',
    '<!-- Generated from src/config-params.ts by test/unit/config.test.ts: run',
    '     `UPDATE_CONFIG_DOCS=1 npx vitest run test/unit/config.test.ts` after changing the table. -->',
    '',
    'Cinnabar accepts every parameter of Redis 7.0.15 (`CONFIG GET *` lists the same names with the',
    'same defaults, and `CONFIG SET` validates values with the same rules and error messages). The',
    'parameters below are stored and reported, but the feature behind them is not built yet, so',
    'changing them changes nothing else.',
    '',
    `In effect today: ${inEffect}.`,
    '',
    '| parameter | default | what it controls in Redis |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('docs/config-not-in-effect.md', () => {
  it('lists exactly the parameters the table marks as not in effect', () => {
    const want = notInEffectDoc();
    if (process.env.UPDATE_CONFIG_DOCS) fs.writeFileSync(DOC, want);
    expect(fs.readFileSync(DOC, 'utf8'), 'regenerate with UPDATE_CONFIG_DOCS=1').toBe(want);
  });
});

describe('the parameter table', () => {
  it('has each name and alias once, and canonical defaults', () => {
    const seen = new Set<string>();
    for (const p of PARAMS) {
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        expect(seen.has(n), n).toBe(false);
        seen.add(n);
      }
      // A default is what parsing it gives back (the text CONFIG GET shows); an empty dir or
      // replicaof is not a value one can set.
      if (p.name !== 'dir' && p.name !== 'replicaof') expect(p.parse(p.default, p.default), p.name).toBe(p.default);
    }
    expect(seen.size).toBe(197);
  });
});

describe('value parsing (config.c rules)', () => {
  const set = (name: string, value: string) => {
    const c = new Config();
    const e = c.set(name, value);
    return e ?? c.get(name);
  };

  it('memory values: units, case, wrap-around and saturation as memtoull', () => {
    expect(memtoull('1kb')).toBe(1024n);
    expect(memtoull('1K')).toBe(1000n);
    expect(memtoull('2GB')).toBe(2n * 1024n ** 3n);
    expect(memtoull('')).toBe(0n);
    expect(memtoull('kb')).toBe(0n);
    expect(memtoull('+5')).toBe(null);
    expect(memtoull('-1')).toBe(null);
    expect(memtoull('1tb')).toBe(null);
    expect(memtoull('99999999999999999999999')).toBe(2n ** 64n - 1n);
    expect(memtoull('18446744073709551615kb')).toBe(2n ** 64n - 1024n);
    expect(set('maxmemory', '1mb')).toBe('1048576');
    expect(set('proto-max-bulk-len', '1')).toBe('argument must be between 1048576 and 9223372036854775807 inclusive');
    expect(set('proto-max-bulk-len', '18446744073709551615')).toBe('argument must be between 1048576 and 9223372036854775807 inclusive');
    expect(set('maxmemory-clients', '10%')).toBe('10%');
    expect(set('maxmemory-clients', '101%')).toBe('percentage argument must be less or equal to 100');
    expect(set('maxmemory-clients', '-5')).toBe('argument must be a memory or percent value');
  });

  it('integers: string2ll, ranges, unsigned checks, clamps', () => {
    expect(set('hz', '010')).toBe("argument couldn't be parsed into an integer");
    expect(set('hz', '0')).toBe('1');
    expect(set('hz', '1000')).toBe('500');
    expect(set('maxclients', '-1')).toBe('argument must be between 1 and 4294967295 inclusive');
    expect(set('slowlog-max-len', '-1')).toBe('argument must be between 0 and 9223372036854775807 inclusive');
    expect(set('list-max-ziplist-size', '-5')).toBe('-5');
    expect(set('watchdog-period', '1')).toBe('200');
    expect(set('repl-backlog-size', '1')).toBe('16384');
  });

  it('bools and enums: case-insensitive, canonical names', () => {
    expect(set('activerehashing', 'NO')).toBe('no');
    expect(set('activerehashing', '1')).toBe("argument must be 'yes' or 'no'");
    expect(set('maxmemory-policy', 'ALLKEYS-LRU')).toBe('allkeys-lru');
    expect(set('oom-score-adj', 'relative')).toBe('yes');
    expect(set('loglevel', 'x')).toBe('argument(s) must be one of the following: debug, verbose, notice, warning');
    expect(set('shutdown-on-sigint', 'NOW force nosave')).toBe('nosave now force');
    expect(set('shutdown-on-sigint', 'save nosave')).toBe("shutdown options SAVE and NOSAVE can't be used simultaneously");
  });

  it('special parameters', () => {
    expect(set('save', '100 10 5 1')).toBe('100 10 5 1');
    expect(set('save', '0 1')).toBe('Invalid save parameters');
    expect(set('save', '10 4294967297')).toBe('10 1');
    expect(set('save', '3600 ')).toBe('3600 0');
    expect(set('save', '')).toBe('');
    expect(set('client-output-buffer-limit', 'pubsub 1mb 2mb 30')).toBe('normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 2097152 30');
    expect(set('client-output-buffer-limit', 'master 1 2 3')).toBe('Invalid client class specified in buffer limit configuration.');
    expect(set('oom-score-adj-values', '1 2')).toBe('wrong number of arguments');
    expect(set('latency-tracking-info-percentiles', '0.0078125 99.9 -0')).toBe('0.007812 99.9 -0');
    expect(set('bind', '')).toBe('');
    expect(set('proc-title-template', '{title}')).toBe('template format is invalid or contains unknown variables');
    expect(set('proc-title-template', '{{port}}')).toBe('{{port}}');
    expect(set('replicaof', 'no one')).toBe("can't set immutable config");
  });

  it('keyspace event classes round-trip as Redis prints them', () => {
    expect(keyspaceEventsText(keyspaceEventFlags('KEA'))).toBe('AKE');
    expect(keyspaceEventsText(keyspaceEventFlags('Ex'))).toBe('xE');
    expect(keyspaceEventsText(keyspaceEventFlags('An'))).toBe('A');
    expect(keyspaceEventsText(keyspaceEventFlags('Kn'))).toBe('nK');
    expect(keyspaceEventFlags('x!')).toBe(-1);
  });
});

describe('Config', () => {
  it('setMany is all or nothing, with the first problem reported', () => {
    const c = new Config();
    expect(c.setMany([['maxmemory', '1gb'], ['hz', 'x']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer");
    expect(c.get('maxmemory')).toBe('0');
    expect(c.setMany([['daemonize', 'no'], ['nosuch', '1']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config");
    expect(c.setMany([['nosuch', '1'], ['daemonize', 'no']], false)).toBe("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'");
    expect(c.setMany([['dir', '/x']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config");
    expect(c.setMany([['dir', '/x']], true)).toBe(null);
    expect(c.setMany([['hz', '5'], ['HZ', '6']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter");
    expect(c.setMany([['hash-max-ziplist-entries', '1'], ['hash-max-listpack-entries', '2']], false)).toBe(null);
    expect(c.get('hash-max-ziplist-entries')).toBe('2');
    expect(c.setMany([['slave-read-only', 'x']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'slave-read-only') - argument must be 'yes' or 'no'");
    expect(c.setMany([['tls-port', '1']], false)).toBe("ERR CONFIG SET failed (possibly related to argument 'tls-port') - Unable to update TLS configuration. Check server logs.");
  });

  it('lookup: exact names as typed (hidden too), patterns over visible names, each once', () => {
    const c = new Config();
    expect(c.lookup(['PORT', 'port'])).toEqual([['PORT', '6379']]);
    expect(c.lookup(['use-exit-on-panic'])).toEqual([['use-exit-on-panic', 'no']]);
    expect(c.lookup(['*exit-on*'])).toEqual([]);
    expect(c.lookup(['*slaveof*', 'replicaof']).map(([k]) => k)).toEqual(['slaveof', 'replicaof']);
    expect(c.lookup(['nosuch'])).toEqual([]);
    expect(c.lookup(['*']).length).toBe(192);
  });

  it('onChange fires on a change only', () => {
    const c = new Config();
    const seen: string[] = [];
    c.onChange('hz', (v) => seen.push(v));
    c.set('hz', '10');
    c.set('hz', '20');
    c.setMany([['hz', '0']], false);
    expect(seen).toEqual(['20', '1']);
  });

  it('startup may set immutable parameters; bad values throw', () => {
    expect(new Config({ databases: '4', daemonize: 'yes' }).get('databases')).toBe('4');
    expect(() => new Config({ databases: '0' })).toThrow('argument must be between 1 and 2147483647 inclusive');
  });
});
