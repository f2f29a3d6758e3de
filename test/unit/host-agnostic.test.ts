// src/ runs unchanged in Node, the browser and Deno: it must not reach for a host API directly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](node:|fs|net|path|os|child_process|crypto|http|url|worker_threads)['"]/, 'a Node built-in import'],
  [/require\(/, 'require()'],
  [/\bBuffer\b/, 'Buffer (use Uint8Array)'],
  [/\bprocess\./, 'process (ask the Host)'],
  [/\bDeno\./, 'Deno (ask the Host)'],
  [/\b(window|document|indexedDB)\b/, 'a browser global (ask the Host)'],
];

describe('src/ is host-agnostic', () => {
  const files = sources(path.resolve(__dirname, '../../src'));
  it('has sources to check', () => expect(files.length).toBeGreaterThan(10));
  for (const file of files) {
    it(path.relative(process.cwd(), file), () => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const [re, what] of FORBIDDEN) expect(re.test(code), `${file} uses ${what}`).toBe(false);
    });
  }
});
