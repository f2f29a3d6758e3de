#!/usr/bin/env -S node --max-semi-space-size=4
// cinnabar-server: runs the bundled server (built by `npm run build`).
//
// The V8 flags on the line above are part of the server. A young generation capped at 4 MB
// (V8 lets it grow to 3 x 16 MB) keeps RSS near Redis's for the same data: 1,000,000 string
// keys took 185 B/key of RSS with the default, 124 with the cap (Redis: 113). Throughput
// measured the same in alternating redis-benchmark runs. Run the file itself (`npm start`,
// `npx cinnabar-server`) so that the flags apply; test/support reads them from here too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/server/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('cinnabar-server: dist/ is missing; run `npm run build` first.\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
await main(process.argv.slice(2));
