/**
 * Random-but-structured allocation LPs shaped like the planning model (DESIGN §3), for solver
 * benchmarks and cross-solver tests: starts[r,p,y] (integer in the MILP variant), funds[r,p,y,s],
 * shortfall[p]; rows for funding balance (=), share floors/caps, ranged source budgets per year,
 * capacity, stock and soft targets. Always feasible (shortfall absorbs the targets) and bounded.
 * Columns ≈ 15·R + 60·R + 3 for P = 3 programmes, Y = 5 years, S = 4 sources.
 */
import type { LinearModel, Row, Variable } from "../src/model/types.js";

export interface AllocationSpec {
  regions: number;
  programs?: number;
  years?: number;
  sources?: number;
  integer?: boolean;
  seed?: number;
}

/** Small deterministic PRNG (mulberry32) so a spec always yields the same model. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function allocationLp(spec: AllocationSpec): LinearModel {
  const R = spec.regions;
  const P = spec.programs ?? 3;
  const Y = spec.years ?? 5;
  const S = spec.sources ?? 4;
  const rnd = prng(spec.seed ?? 1);
  const round = (x: number, step: number) => Math.round(x / step) * step;
  const variables: Variable[] = [];
  const rows: Row[] = [];
  const objective: LinearModel["objective"] = [];
  const addVar = (name: string, ub = Infinity, integer = false) =>
    variables.push({ lb: 0, ub, integer, ref: { role: "other", name } }) - 1;

  const profile = [0.6, 0.4];
  const starts: number[][][] = [];
  const funds: number[][][][] = [];
  const stock: number[][] = [];
  for (let r = 0; r < R; r++) {
    starts.push([]);
    funds.push([]);
    stock.push([]);
    for (let p = 0; p < P; p++) {
      stock[r].push(round(20 + rnd() * 80, 1));
      starts[r].push([]);
      funds[r].push([]);
      for (let y = 0; y < Y; y++) {
        starts[r][p].push(addVar(`starts[r${r},p${p},${2021 + y}]`, stock[r][p], spec.integer ?? false));
        funds[r][p].push([]);
        for (let s = 0; s < S; s++) funds[r][p][y].push(addVar(`funds[r${r},p${p},${2021 + y},s${s}]`));
      }
    }
  }
  const shortfall = Array.from({ length: P }, (_, p) => addVar(`shortfall[p${p}]`));
  const minShare = Array.from({ length: S }, (_, s) => (s === 0 ? 0.2 : 0.02 * s));
  const maxShare = Array.from({ length: S }, (_, s) => (s === 0 ? 0.7 : 0.3 + 0.1 * s));
  const sourceWeight = Array.from({ length: S }, (_, s) => (s < 2 ? 1 + 0.1 * s : 0.01));

  for (let r = 0; r < R; r++) {
    for (let p = 0; p < P; p++) {
      const unitCost = round(300 + rnd() * 500, 0.01); // 万元 per unit
      for (let y = 0; y < Y; y++) {
        const due = profile.flatMap((f, k) => (y - k >= 0 ? [{ v: starts[r][p][y - k], c: -f * unitCost }] : []));
        const paid = funds[r][p][y].map((v) => ({ v, c: 1 }));
        rows.push({ ref: { family: "other", name: `balance[r${r},p${p},${2021 + y}]` }, terms: [...paid, ...due], lb: 0, ub: 0 });
        for (let s = 0; s < S; s++) {
          const others = (share: number) => paid.map((t) => ({ v: t.v, c: (t.v === funds[r][p][y][s] ? 1 : 0) - share }));
          rows.push({ ref: { family: "other", name: `share_min[r${r},p${p},${2021 + y},s${s}]` }, terms: others(minShare[s]), lb: 0, ub: Infinity });
          rows.push({ ref: { family: "other", name: `share_max[r${r},p${p},${2021 + y},s${s}]` }, terms: others(maxShare[s]), lb: -Infinity, ub: 0 });
          objective.push({ v: funds[r][p][y][s], c: sourceWeight[s] * 1e-4 });
        }
      }
      rows.push({ ref: { family: "other", name: `stock[r${r},p${p}]` }, terms: starts[r][p].map((v) => ({ v, c: 1 })), lb: -Infinity, ub: stock[r][p] });
    }
    for (let y = 0; y < Y; y++) {
      const terms = [];
      for (let p = 0; p < P; p++) for (let k = 0; k < 2 && y - k >= 0; k++) terms.push({ v: starts[r][p][y - k], c: 1 + p });
      rows.push({ ref: { family: "other", name: `capacity[r${r},${2021 + y}]` }, terms, lb: -Infinity, ub: round(40 + rnd() * 60, 1) });
    }
  }
  for (let s = 0; s < S; s++) {
    for (let y = 0; y < Y; y++) {
      const terms = [];
      for (let r = 0; r < R; r++) for (let p = 0; p < P; p++) terms.push({ v: funds[r][p][y][s], c: 1 });
      const budget = round(R * (2000 + rnd() * 6000), 1);
      // Ranged: a source must spend at least a tenth of its yearly budget, at most all of it.
      rows.push({ ref: { family: "other", name: `budget[s${s},${2021 + y}]` }, terms, lb: s === 0 ? 0.1 * budget : -Infinity, ub: budget });
    }
  }
  for (let p = 0; p < P; p++) {
    const terms = [{ v: shortfall[p], c: 1 }];
    for (let r = 0; r < R; r++) for (let y = 0; y < Y; y++) terms.push({ v: starts[r][p][y], c: 1 });
    const target = round(R * 40 * (0.5 + rnd()), 1);
    rows.push({ ref: { family: "other", name: `target[p${p}]` }, terms, lb: target, ub: Infinity });
    objective.push({ v: shortfall[p], c: 1000 / target });
  }
  return { variables, rows, objective, objectiveConstant: 0 };
}
