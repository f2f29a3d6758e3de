// INFO and /proc readings: what a memory bench compares.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { RespClient } from '../../test/support/resp-client.ts';

export { rssBytes as rss } from '../../test/support/cinnabar-server.ts';

/** INFO <section> as fields, or null when the server has no INFO (or refuses it). */
export async function info(port: number, section: string): Promise<Record<string, string> | null> {
  const c = await RespClient.connect(port);
  try {
    const r = await c.call('INFO', section);
    if (r.t !== '$' && r.t !== '=') return null;
    if (r.v === null) return null;
    const fields: Record<string, string> = {};
    for (const line of r.v.toString('latin1').split('\r\n')) {
      const at = line.indexOf(':');
      if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
    }
    return fields;
  } finally {
    c.close();
  }
}

/** INFO memory's used_memory in bytes, or null when the server does not report it. */
export async function usedMemory(port: number): Promise<number | null> {
  const fields = await info(port, 'memory');
  const v = fields?.used_memory;
  return v === undefined ? null : Number(v);
}

let ticksPerSecond = 0;

/** CPU time (user + system, all threads) a process has used so far, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  if (ticksPerSecond === 0) ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
