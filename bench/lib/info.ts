// INFO and /proc readings: what a memory bench compares.
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
