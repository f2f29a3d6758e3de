#!/usr/bin/env node
// cinnabar-server: runs the bundled server (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/server/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('cinnabar-server: dist/ is missing; run `npm run build` first.\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
await main(process.argv.slice(2));
