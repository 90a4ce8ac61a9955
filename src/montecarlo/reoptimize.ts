/**
 * `reoptimize` mode: in every draw, re-plan with the sampled inputs — what could be achieved with
 * foresight of that world — and record the same metrics as `evaluate`. How a sampled world maps
 * onto the scenario (docs/monte-carlo.md, "Re-optimisation"):
 *   unit cost factor      → unit cost of units started in that year
 *   budget factor         → that budget's amount
 *   enterprise shortfall  → the source's budgets (or, without budgets, its maximum share) scaled by
 *                           1 − the mean shortfall over the cells it covers
 *   consent failure       → each leaf's stock scaled by 1 − its mean failure share over the horizon
 *   slip                  → not applied: a planner with foresight starts early enough
 */
import { buildPlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import { solveStages, type SolvePlanOptions } from "../plan/solvePlan.js";
import type { Scenario } from "../scenario/types.js";
import type { DrawResult } from "./execute.js";
import type { SampledWorld, WorldLayout } from "./types.js";

export function applyWorld(scenario: Scenario, world: SampledWorld, layout: WorldLayout): Scenario {
  const H = layout.years.length;
  const L = layout.leaves.length;
  const leafIndex = new Map(layout.leaves.map((l, i) => [l, i]));
  const nodeIndex = new Map(layout.nodes.map((n, i) => [n, i]));
  const mean = (arr: Float64Array, base: number) => {
    let s = 0;
    for (let y = 0; y < H; y++) s += arr[base + y];
    return s / H;
  };
  const programs = scenario.programs.map((p, pi) => ({
    ...p,
    leaves: p.leaves.map((leaf) => {
      const base = (pi * L + leafIndex.get(leaf.region)!) * H;
      return {
        ...leaf,
        stock: leaf.stock * (1 - mean(world.consentFailure, base)),
        costFactorByYear: Array.from({ length: H }, (_, y) => world.unitCostFactor[base + y]),
      };
    }),
  }));
  const sources = scenario.sources.map((s, si) => {
    const shortfallAt = (region: string, year: number) => {
      const leaves = scenario.regions.find((r) => r.id === region)!.leaves;
      const y = year - scenario.horizon.start;
      if (y < 0 || y >= H || leaves.length === 0) return 0;
      return leaves.reduce((acc, l) => acc + world.enterpriseShortfall[(si * L + leafIndex.get(l)!) * H + y], 0) / leaves.length;
    };
    const budgets = s.budgets.map((b) => {
      const y = b.year - scenario.horizon.start;
      const factor = y >= 0 && y < H ? world.budgetFactor[(si * layout.nodes.length + nodeIndex.get(b.region)!) * H + y] : 1;
      return { ...b, amount: b.amount * factor * (1 - shortfallAt(b.region, b.year)) };
    });
    return { ...s, budgets };
  });
  return { ...scenario, programs: withShortfallShares(programs, scenario, world, layout), sources };
}

/** Sources without budgets lose the shortfall from their maximum share instead. */
function withShortfallShares(programs: Scenario["programs"], scenario: Scenario, world: SampledWorld, layout: WorldLayout): Scenario["programs"] {
  const H = layout.years.length;
  const L = layout.leaves.length;
  return programs.map((p) => {
    const shares = { ...p.shares };
    scenario.sources.forEach((s, si) => {
      if (!shares[s.id] || s.budgets.length > 0) return;
      let sum = 0;
      for (let i = 0; i < L * H; i++) sum += world.enterpriseShortfall[si * L * H + i];
      const keep = 1 - sum / (L * H);
      shares[s.id] = { ...shares[s.id], max: Math.max(shares[s.id].min, shares[s.id].max * keep) };
    });
    return { ...p, shares };
  });
}

/** Re-plans one sampled world and returns its starts and payments in the executor's layout. */
export async function reoptimizeDraw(scenario: Scenario, world: SampledWorld, layout: WorldLayout, solver: SolvePlanOptions): Promise<DrawResult | null> {
  const pm = buildPlanningModel(applyWorld(scenario, world, layout));
  const sol = await solveStages(pm, { ...solver, duals: false, stages: 2 });
  if (sol.status !== "optimal") return null;
  const ctx = pm.ctx;
  const H = ctx.years.length;
  const Y = ctx.paymentYears.length;
  const starts = new Float64Array(ctx.leafPrograms.length * H);
  for (let i = 0; i < ctx.leafPrograms.length; i++) {
    for (let h = 0; h < H; h++) starts[i * H + h] = sol.primal[ctx.index.startsCol(i, h)];
  }
  const paid = new Float64Array(scenario.sources.length * Y);
  scenario.sources.forEach((_, si) => {
    for (let yi = 0; yi < Y; yi++) {
      for (let i = 0; i < ctx.leafPrograms.length; i++) {
        const v = ctx.index.fundsCol(i, yi, si);
        if (v >= 0) paid[si * Y + yi] += sol.primal[v] * MONEY_UNIT;
      }
    }
  });
  return { starts, paid, gap: new Float64Array(scenario.sources.length * Y) };
}
