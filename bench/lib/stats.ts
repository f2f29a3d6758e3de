// Small statistics for benchmark rounds: medians of runs, geometric means of ratios.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The geometric mean: the right average for ratios (a 2x and a 0.5x average to 1x). */
export function geomean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return Math.exp(xs.reduce((sum, x) => sum + Math.log(x), 0) / xs.length);
}

/** Relative spread of runs, (max - min) / median: how far one round's noise could move a ratio. */
export function spread(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return (Math.max(...xs) - Math.min(...xs)) / median(xs);
}
