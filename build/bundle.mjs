// Bundles the TypeScript sources with esbuild: the Node package entry, the server CLI and the
// browser ESM bundle (WASM embedded), plus .d.ts files for the package's types.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, format: 'esm', sourcemap: true, target: 'es2022', logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({ ...common, platform: 'node', entryPoints: ['bindings/node/index.ts'], outfile: 'dist/node/index.js' }),
  build({ ...common, platform: 'node', entryPoints: ['server/cli.ts'], outfile: 'dist/server/cli.js' }),
  build({ ...common, platform: 'browser', entryPoints: ['bindings/browser/index.ts'], outfile: 'dist/browser/cinnabar.js' }),
]);

// Declarations for the package's public entries (the bundles carry no types of their own).
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { cwd: root, stdio: 'inherit' });
