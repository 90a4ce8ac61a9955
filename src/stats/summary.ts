/**
 * Summary statistics of Monte Carlo outcomes. All functions read their input in the order given
 * (draw order) and use fixed-order arithmetic, so the same draws give byte-identical results no
 * matter how they were computed or sharded.
 */
import { mean } from "./mean.js";

/** Ranks 1..n with ties given their average rank, in input order. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Pearson correlation; NaN when either side is constant or fewer than two values. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`pearson: ${n} vs ${y.length} values`);
  if (n < 2) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export interface TornadoEntry {
  input: string;
  rho: number;
  /** 1 = most influential; null when ρ is undefined (nothing to rank it by). */
  rank: number | null;
}

/**
 * Tornado order: by |ρ| descending, ties by input id, undefined ρ (NaN: constant input or output)
 * last and unranked. Deterministic so sensitivity.csv is byte-identical across runs.
 */
export function tornado(entries: { input: string; rho: number }[]): TornadoEntry[] {
  const sorted = [...entries].sort((a, b) => {
    const na = Number.isNaN(a.rho);
    const nb = Number.isNaN(b.rho);
    if (na !== nb) return na ? 1 : -1;
    const d = na ? 0 : Math.abs(b.rho) - Math.abs(a.rho);
    return d !== 0 ? d : a.input < b.input ? -1 : a.input > b.input ? 1 : 0;
  });
  return sorted.map((e, i) => ({ input: e.input, rho: e.rho, rank: Number.isNaN(e.rho) ? null : i + 1 }));
}
