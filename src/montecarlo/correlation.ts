/**
 * Rank correlation between uncertain inputs, induced with a Gaussian copula evaluated per draw.
 *
 * Why not block-wise Iman–Conover: IC reorders a whole batch of draws, so a draw's numbers would
 * depend on the other draws in its block, on the block size, and on where a shard or a
 * precision-stopped run ends. The Gaussian copula is IC's continuous analogue (IC itself ranks by
 * normal scores) and needs nothing but the draw's own uniforms, so every draw stays a pure
 * function of (seed, draw, ids). The target Spearman ρ is converted to the normal-scores Pearson
 * correlation r = 2·sin(π·ρ/6), which the copula reproduces exactly in expectation.
 *
 * Construction (for one connected group of correlated inputs, ordered coarse to fine):
 *   E_j(c) = Φ⁻¹(uniform(seed, draw, id_j, c)) — each input's own independent normal stream,
 *   Z_m(c) = Σ_{j ≤ m} L[m][j] · E_j(proj_j c) with L the Cholesky factor of the group's matrix,
 *   u_m(c) = Φ(Z_m(c)), value = quantile_m(u_m(c)).
 * proj_j c drops the cell dimensions input j is not drawn by; for that to give matching cells the
 * group's granularities must nest (draw ⊂ year ⊂ region_year, draw ⊂ region ⊂ region_year), and
 * inputs drawn per region must all be per leaf or all per budget node. Then each cell of a finer
 * input has correlation ρ with the coarser input's value in the cell containing it.
 */
import { didYouMean } from "../scenario/suggest.js";
import type { Correlation, Per, UncertainInput, UncertaintyProblem } from "./types.js";

export interface CopulaGroup {
  /** Input indices (into `Uncertainty.inputs`), coarse to fine, ties by id. */
  members: number[];
  /** Lower-triangular Cholesky factor, row-major k × k, of the normal-scores correlation matrix. */
  chol: Float64Array;
}

export interface Copula {
  groups: CopulaGroup[];
  /** For each input: [group index, position in group], or null when uncorrelated. */
  membership: ([number, number] | null)[];
}

/** Pearson correlation of normal scores that yields Spearman ρ under a Gaussian copula. */
export function spearmanToPearson(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

export const DIMS: Record<Per, { region: boolean; year: boolean }> = {
  draw: { region: false, year: false },
  region: { region: true, year: false },
  year: { region: false, year: true },
  region_year: { region: true, year: true },
};

const dimCount = (p: Per) => Number(DIMS[p].region) + Number(DIMS[p].year);
const nests = (coarse: Per, fine: Per) =>
  (!DIMS[coarse].region || DIMS[fine].region) && (!DIMS[coarse].year || DIMS[fine].year);

/**
 * Cholesky factor of a symmetric matrix, tolerating positive semi-definite matrices (ρ = ±1 is a
 * legitimate perfect rank correlation). Returns the row at which the matrix proved not PSD.
 */
export function cholesky(matrix: Float64Array, k: number): { chol: Float64Array; failedAt: number | null } {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * k + j];
      for (let m = 0; m < j; m++) s -= L[i * k + m] * L[j * k + m];
      if (i === j) {
        if (s < -1e-10) return { chol: L, failedAt: i };
        L[i * k + i] = s > 1e-12 ? Math.sqrt(s) : 0;
      } else if (L[j * k + j] > 0) {
        L[i * k + j] = s / L[j * k + j];
      } else if (Math.abs(s) > 1e-8) {
        return { chol: L, failedAt: i };
      }
    }
  }
  return { chol: L, failedAt: null };
}

/**
 * Checks the `correlations` list against the inputs and builds the copula. Problems name paths
 * under `correlations`; the copula is only meaningful when there are none. `pending`: ids of inputs
 * the section declares whose own values are wrong — known ids, but a correlation naming one is
 * checked further (granularities, consistency) only once it is right.
 */
export function buildCopula(
  inputs: UncertainInput[],
  correlations: Correlation[],
  pending: ReadonlySet<string> = new Set(),
): { copula: Copula; problems: UncertaintyProblem[] } {
  const problems: UncertaintyProblem[] = [];
  const indexOf = new Map(inputs.map((inp, i) => [inp.id, i]));
  const pairs = new Map<string, { rho: number; at: number }>();
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  correlations.forEach((c, at) => {
    const ends = c.between.map((id, k) => {
      const i = indexOf.get(id);
      if (i === undefined && !pending.has(id)) {
        problems.push({ path: ["correlations", at, "between", k], message: `unknown input id "${id}"${didYouMean(id, [...indexOf.keys(), ...pending])}` });
      }
      return i;
    });
    const [a, b] = ends;
    if (a === undefined || b === undefined) return;
    if (a === b) {
      problems.push({ path: ["correlations", at, "between"], message: `an input cannot be correlated with itself ("${c.between[0]}")` });
      return;
    }
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    const earlier = pairs.get(key);
    if (earlier) {
      problems.push({ path: ["correlations", at], message: `${c.between.join(" and ")} are already correlated in correlations[${earlier.at}]` });
      return;
    }
    pairs.set(key, { rho: c.rho, at });
    parent[find(a)] = find(b);
  });

  const byRoot = new Map<number, number[]>();
  for (const key of pairs.keys()) {
    for (const i of key.split(",").map(Number)) {
      const list = byRoot.get(find(i)) ?? [];
      if (!list.includes(i)) list.push(i);
      byRoot.set(find(i), list);
    }
  }
  const copula: Copula = { groups: [], membership: inputs.map(() => null) };
  const firstPairOf = (members: number[]) =>
    Math.min(...[...pairs.entries()].filter(([k]) => members.includes(Number(k.split(",")[0]))).map(([, v]) => v.at));

  for (const unsorted of byRoot.values()) {
    const members = [...unsorted].sort((x, y) => {
      const d = dimCount(inputs[x].per) - dimCount(inputs[y].per);
      return d !== 0 ? d : inputs[x].id < inputs[y].id ? -1 : inputs[x].id > inputs[y].id ? 1 : 0;
    });
    const at = firstPairOf(members);
    const label = members.map((i) => `${inputs[i].id} (per ${inputs[i].per})`).join(", ");
    const clash = members.findIndex((m, pos) => pos > 0 && !nests(inputs[members[pos - 1]].per, inputs[m].per));
    if (clash > 0) {
      const [x, y] = [inputs[members[clash - 1]], inputs[members[clash]]];
      problems.push({
        path: ["correlations", at],
        message: `correlated inputs ${label} mix granularities that do not nest (${x.id} per ${x.per}, ${y.id} per ${y.per}); correlated inputs must follow draw ⊂ year ⊂ region_year or draw ⊂ region ⊂ region_year`,
      });
      continue;
    }
    const regional = members.filter((i) => DIMS[inputs[i].per].region);
    const kinds = new Set(regional.map((i) => (inputs[i].appliesTo === "budget" ? "budget node" : "leaf")));
    if (kinds.size > 1) {
      problems.push({
        path: ["correlations", at],
        message: `correlated inputs ${label} are drawn per region, but budget inputs vary by budget node and the others by leaf region, so their regions do not match; draw one of them per draw or per year`,
      });
      continue;
    }
    const k = members.length;
    const matrix = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      matrix[i * k + i] = 1;
      for (let j = 0; j < i; j++) {
        const [a, b] = [members[i], members[j]];
        const pair = pairs.get(a < b ? `${a},${b}` : `${b},${a}`);
        matrix[i * k + j] = matrix[j * k + i] = pair ? spearmanToPearson(pair.rho) : 0;
      }
    }
    const { chol, failedAt } = cholesky(matrix, k);
    if (failedAt !== null) {
      problems.push({
        path: ["correlations", at],
        message: `the rank correlations among ${members.map((i) => inputs[i].id).join(", ")} are inconsistent (the matrix is not positive semi-definite; it fails at ${inputs[members[failedAt]].id}). Pairs not listed count as 0 — list them or weaken some rho`,
      });
      continue;
    }
    const g = copula.groups.length;
    copula.groups.push({ members, chol });
    members.forEach((m, pos) => (copula.membership[m] = [g, pos]));
  }
  return { copula, problems };
}
