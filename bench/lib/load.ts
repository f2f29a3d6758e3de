// Loads many keys into a server fast: SET commands written as one raw pipeline (with the
// socket's backpressure), every reply checked to be +OK.
import net from 'node:net';

const OK = Buffer.from('+OK\r\n');
const BATCH = 10_000;

/** The value stored under key:i: `size` bytes, not an integer (so Redis keeps it a string). */
export function valueFor(i: number, size: number): string {
  return ('v' + String(i).padStart(size - 1, '0')).slice(0, size);
}

/** SETs key:0 .. key:(n-1) -> valueFor(i); resolves with the seconds it took. */
export function loadKeys(port: number, n: number, valueSize: number): Promise<number> {
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
          fail(new Error(`loading keys: unexpected reply after ${Math.floor((received + i) / OK.length)} OKs: ${line}`));
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
          const key = `key:${i}`;
          const value = valueFor(i, valueSize);
          chunk += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;
        }
        if (!socket.write(Buffer.from(chunk, 'latin1'))) await new Promise((r) => socket.once('drain', r));
      }
    });
  });
}
