#!/usr/bin/env node
// Runs a TypeScript entry point on Node 20 (which cannot strip types itself):
//   node build/run-ts.mjs path/to/entry.ts [args...]
// esbuild bundles the entry and its relative .ts imports into one ESM file under
// node_modules/.cache/run-ts/ (so bare imports still resolve from this project's node_modules,
// which stay external), then node runs it with source maps, the given args, stdio and exit code.
// import.meta.url / dirname / filename keep pointing at each original .ts file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  console.error('usage: node build/run-ts.mjs path/to/entry.ts [args...]');
  process.exit(2);
}
const entry = resolve(entryArg);
const outDir = join(ROOT, 'node_modules/.cache/run-ts');
const tag = createHash('sha1').update(entry).digest('hex').slice(0, 8);
const outFile = join(outDir, `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}-${tag}.mjs`);

/** Replaces import.meta.{url,dirname,filename} in each .ts file by its own values. */
const keepImportMeta = {
  name: 'keep-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      if (contents.includes('import.meta.')) {
        contents = contents
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(path).href))
          .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(path)))
          .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(path));
      }
      return { contents, loader: 'ts' };
    });
  },
};

await mkdir(outDir, { recursive: true });
try {
  await esbuild.build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [keepImportMeta],
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}

const child = spawn(process.execPath, ['--enable-source-maps', outFile, ...args], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
