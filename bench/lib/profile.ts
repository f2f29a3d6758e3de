// Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time:
// where the server spends its CPU under redis-benchmark.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatTable } from './table.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  fn: string;
  where: string;
  selfMs: number;
  /** Share of the non-idle samples. */
  share: number;
}

/** The newest .cpuprofile in dir, or null. */
export function newestProfile(dir: string): string | null {
  let best: { file: string; t: number } | null = null;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.cpuprofile')) continue;
    const file = path.join(dir, f);
    const t = statSync(file).mtimeMs;
    if (!best || t > best.t) best = { file, t };
  }
  return best?.file ?? null;
}

export function hotSpots(file: string, root: string, top = 30): { spots: HotSpot[]; table: string } {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, HotSpot>();
  let busy = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const node = byId.get(prof.samples[i]);
    if (!node) continue;
    const ms = (prof.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const where = url ? `${shorten(url, root)}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const spot = self.get(key) ?? { fn: functionName || '(anonymous)', where, selfMs: 0, share: 0 };
    spot.selfMs += ms;
    self.set(key, spot);
  }
  const spots = [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const s of spots) s.share = s.selfMs / busy;
  const table = formatTable(
    ['self ms', 'share', 'function', 'where'],
    spots.map((s) => [s.selfMs.toFixed(0), `${(s.share * 100).toFixed(1)}%`, s.fn, s.where]),
  );
  return { spots, table: `${table}\nbusy (non-idle) CPU in the profile: ${busy.toFixed(0)} ms` };
}

function shorten(url: string, root: string): string {
  const p = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  return p.startsWith(root) ? path.relative(root, p) : p;
}
