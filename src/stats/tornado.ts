/**
 * sensitivity.csv's order: by |ρ| descending, ties in |ρ| (ρ and −ρ included) by input id in
 * code-unit order (`<`, not the locale's: "B" before "a"), undefined ρ (NaN: a constant input or
 * output) last, by id, with rank null. Ranks are positions 1, 2, …: tied |ρ| get distinct ranks
 * in id order, not a shared rank (montecarlo/tables.ts rounds ρ to 6 decimals first, so ρ equal
 * to 6 decimals tie). The order does not depend on the entries' order, so sensitivity.csv is
 * byte-identical across runs; the entries are not changed.
 */
export interface TornadoEntry {
  input: string;
  rho: number;
  /** 1 = most influential; null when ρ is undefined (nothing to rank it by). */
  rank: number | null;
}

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
