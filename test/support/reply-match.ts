// Comparisons for replies that are only partly deterministic (HELLO's id, CLIENT LIST's
// addresses, INFO's counters, CONFIG GET's dict order), used by the server and connection
// compat tests. Each one compares everything Redis defines and masks only what it does not.
import type { Comparison } from '../compat/harness.ts';
import { show, type RespValue } from './resp-client.ts';

/** The text of a bulk or verbatim string (without the "txt:" prefix). */
export function text(r: RespValue): string {
  if (r.t === '$' && r.v !== null) return r.v.toString('latin1');
  if (r.t === '=') return r.v.toString('latin1').slice(4);
  if (r.t === '+') return r.v;
  throw new Error(`not a string: ${show(r)}`);
}

function bulk(s: string): RespValue {
  return { t: '$', v: Buffer.from(s, 'latin1') };
}

/** Compares after mapping both replies (which must keep their types) through `fn`. */
export function after(fn: (r: RespValue) => RespValue): Comparison {
  return (redis, cinnabar) => {
    const a = show(fn(redis));
    const b = show(fn(cinnabar));
    return a === b ? null : `redis:    ${a}\ncinnabar: ${b}`;
  };
}

/** A map (RESP2 flat array or RESP3 map) with the values of `keys` replaced by a placeholder. */
export function maskMapValues(...keys: string[]): Comparison {
  return after((r) => {
    if (r.t === '%') return { t: '%', v: r.v.map(([k, v]) => [k, keys.includes(text(k)) ? bulk('*') : v]) };
    if (r.t === '*' && r.v) return { t: '*', v: r.v.map((v, i) => (i % 2 === 1 && keys.includes(text(r.v![i - 1])) ? bulk('*') : v)) };
    return r;
  });
}

/** A map whose pair order Redis leaves to its hash table (CONFIG GET): compared as a set of pairs. */
export const unorderedMap: Comparison = after((r) => {
  const pairs: [RespValue, RespValue][] = [];
  if (r.t === '%') pairs.push(...r.v);
  else if (r.t === '*' && r.v) for (let i = 0; i < r.v.length; i += 2) pairs.push([r.v[i], r.v[i + 1]]);
  else return r;
  pairs.sort((a, b) => (show(a[0]) < show(b[0]) ? -1 : 1));
  return r.t === '%' ? { t: '%', v: pairs } : { t: '*', v: pairs.flat() };
});

/** CLIENT LIST / CLIENT INFO line fields whose values depend on sockets, memory or timing. */
const VOLATILE_CLIENT_FIELDS = new Set(['id', 'addr', 'laddr', 'fd', 'age', 'idle', 'qbuf', 'qbuf-free', 'argv-mem', 'multi-mem', 'rbs', 'rbp', 'obl', 'oll', 'omem', 'tot-mem']);

export function maskClientLine(line: string): string {
  return line
    .split(' ')
    .map((f) => {
      const eq = f.indexOf('=');
      const k = f.slice(0, eq);
      return VOLATILE_CLIENT_FIELDS.has(k) ? `${k}=*` : f;
    })
    .join(' ');
}

/**
 * CLIENT LIST/INFO: the same lines with the volatile values masked; same reply type. Redis's
 * client cron rotates its client list, so the lines are compared in sorted order.
 */
export const clientLines: Comparison = after((r) => {
  const masked = text(r)
    .split('\n')
    .filter((l) => l !== '')
    .map(maskClientLine)
    .sort()
    .map((l) => l + '\n')
    .join('');
  return r.t === '=' ? { t: '=', v: Buffer.from('txt:' + masked, 'latin1') } : bulk(masked);
});

/** INFO text as sections of [field, value]. */
export function infoSections(s: string): [section: string, fields: [string, string][]][] {
  const out: [string, [string, string][]][] = [];
  for (const line of s.split('\r\n')) {
    if (line.startsWith('# ')) out.push([line.slice(2), []]);
    else if (line !== '') {
      const i = line.indexOf(':');
      out[out.length - 1][1].push([line.slice(0, i), line.slice(i + 1)]);
    }
  }
  return out;
}

/**
 * INFO: same reply type, same sections, same field names in the same order; the values of
 * `exact` fields must be equal too (the rest are counters, clocks and memory figures).
 * Commandstats, errorstats, latencystats and keyspace lines are compared as sets of names.
 */
export function infoShape(exact: string[] = []): Comparison {
  return (redis, cinnabar) => {
    if (redis.t !== cinnabar.t) return `type ${redis.t} vs ${cinnabar.t}`;
    const describe = (r: RespValue) =>
      infoSections(text(r)).map(([name, fields]) => {
        const dynamic = ['Commandstats', 'Errorstats', 'Latencystats', 'Keyspace'].includes(name);
        const list = fields.map(([k, v]) => (exact.includes(k) ? `${k}:${v}` : k));
        return `# ${name}\n${(dynamic ? list.sort() : list).join('\n')}`;
      });
    const a = describe(redis).join('\n');
    const b = describe(cinnabar).join('\n');
    if (a === b) return null;
    const al = a.split('\n');
    const bl = b.split('\n');
    const i = al.findIndex((l, j) => l !== bl[j]);
    return `first difference at line ${i}: redis ${JSON.stringify(al[i])} vs cinnabar ${JSON.stringify(bl[i])}`;
  };
}
