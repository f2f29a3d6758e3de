// Loads many entries into a server fast: commands written as one raw pipeline (with the
// socket's backpressure), every reply checked to be the expected one (+OK for SET, :1 for a
// new hash field or sorted-set member).
import net from 'node:net';

const OK = Buffer.from('+OK\r\n');
const BATCH = 10_000;

/** The value stored under key:i: `size` bytes, not an integer (so Redis keeps it a string). */
export function valueFor(i: number, size: number): string {
  return ('v' + String(i).padStart(size - 1, '0')).slice(0, size);
}

/** SETs key:0 .. key:(n-1) -> valueFor(i); resolves with the seconds it took. */
export function loadKeys(port: number, n: number, valueSize: number): Promise<number> {
  return loadCommands(port, n, (i) => ['SET', `key:${i}`, valueFor(i, valueSize)], OK);
}

/** Sends command(0) .. command(n-1), each of which must answer `reply`; resolves with the seconds it took. */
export function loadCommands(port: number, n: number, command: (i: number) => string[], reply: Buffer): Promise<number> {
  const OK = reply;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const socket = net.createConnection({ port, host: '127.0.0.1' });
    const expectedBytes = n * OK.length;
    let received = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      socket.destroy();
      reject(e);
    };
    socket.on('error', fail);
    socket.on('data', (d: Buffer) => {
      for (let i = 0; i < d.length; i++) {
        if (d[i] !== OK[(received + i) % OK.length]) {
          const line = d.toString('latin1', i, Math.min(d.length, i + 200)).split('\r\n')[0];
          fail(new Error(`loading keys: unexpected reply after ${Math.floor((received + i) / OK.length)} good ones: ${line}`));
          return;
        }
      }
      received += d.length;
      if (received === expectedBytes) {
        socket.end();
        resolve(Number(process.hrtime.bigint() - t0) / 1e9);
      }
    });
    socket.on('connect', async () => {
      socket.setNoDelay(true);
      for (let start = 0; start < n && !failed; start += BATCH) {
        let chunk = '';
        for (let i = start; i < Math.min(n, start + BATCH); i++) {
          const args = command(i);
          chunk += `*${args.length}\r\n`;
          for (const a of args) chunk += `$${a.length}\r\n${a}\r\n`;
        }
        if (!socket.write(Buffer.from(chunk, 'latin1'))) await new Promise((r) => socket.once('drain', r));
      }
    });
  });
}
