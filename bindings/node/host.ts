// The Node host: real clock and timers, process stats, and Buffer's native latin1 codec for
// byte strings (much faster than a JS loop on long values).
import process from 'node:process';
import { setByteCodec, type ByteCodec } from '../../src/bytes.ts';
import { genericHost, type Host } from '../../src/host.ts';

const latin1Slice = Buffer.prototype.latin1Slice as (this: Uint8Array, start: number, end: number) => string;
const latin1Write = Buffer.prototype.latin1Write as (this: Uint8Array, s: string, offset: number) => number;

/** Buffer's native latin1 codec, installed for the whole engine when this module loads. */
export const nodeByteCodec: ByteCodec = {
  decode: (bytes, start, end) => latin1Slice.call(bytes, start, end),
  encodeInto: (s, dest, offset) => latin1Write.call(dest, s, offset),
};
setByteCodec(nodeByteCodec);

let peakRss = 0;

export function nodeHost(overrides: Partial<Host> = {}): Host {
  return genericHost({
    process: {
      pid: process.pid,
      memory() {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        // Node's `external` already includes `arrayBuffers` (ArrayBuffers, WASM memories).
        return { used: m.heapUsed + m.external, rss: m.rss, peak: peakRss };
      },
      cpu() {
        const u = process.cpuUsage();
        return { user: u.user / 1e6, sys: u.system / 1e6 };
      },
      os: `${process.platform === 'linux' ? 'Linux' : process.platform} ${process.arch}`,
      arch: process.arch,
      runtime: `node ${process.version}`,
      executable: process.argv[1] ?? process.execPath,
      configFile: '',
    },
    log: (_level, line) => process.stdout.write(line + '\n'),
    ...overrides,
  });
}
