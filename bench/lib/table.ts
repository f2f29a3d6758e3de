// Plain-text tables for the bench report: columns padded, numbers right-aligned.

export type Cell = string | number;

export function formatTable(header: string[], rows: Cell[][]): string {
  const text = (c: Cell) => (typeof c === 'number' ? formatNumber(c) : c);
  const cells = [header, ...rows.map((r) => r.map(text))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // A column of numbers (or number-like text such as '0.912' and '12%') is right-aligned.
  const numeric = header.map((_, i) => rows.length > 0 && cells.slice(1).every((r) => /^(-|[-\d.,]+%?( \/ [-\d.,]+%?)?)?$/.test(r[i] ?? '')));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Integers with thousands separators; small values with 2-3 significant decimals. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
