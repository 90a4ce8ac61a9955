/**
 * A sampled world as changes to the planning model held warm in a solver session, so that
 * `reoptimize` re-solves one model per worker instead of building and loading a new one per draw
 * (docs/monte-carlo.md, "Re-optimisation"):
 *   unit cost factor      → the starts coefficients of the commitments rows (units started that year)
 *   budget factor         → that budget row's bound
 *   enterprise shortfall  → the source's budget rows scaled by 1 − the mean shortfall over the cells
 *                           they cover; a source without budgets loses it from its maximum share
 *                           (the coefficient of cost in its share-max rows)
 *   consent failure       → each leaf's stock not recorded as started scaled by 1 − its mean
 *                           failure share; for whole units (`integer: true`), less a binomial
 *                           number of whole units
 *   slip                  → not applied: a planner with foresight starts early enough
 */
import type { PlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import { unitCostAt } from "../model/expressions.js";
import { fixedMoney } from "../model/recorded.js";
import type { LinearModel, Row, StagedProblem } from "../model/types.js";
import type { BoundChange, CoefficientChange } from "../solve/types.js";
import type { SampledWorld, WorldLayout } from "./types.js";
import { wholeFailures } from "./wholeUnits.js";

export interface WorldChanges {
  coefficients: CoefficientChange[];
  rowBounds: BoundChange[];
}

export class WorldModel {
  /** The planning model plus share-max rows where a 100 % maximum can shrink; two stages. */
  readonly problem: StagedProblem;
  /** Share-max row of [lp, payment year, source] in `problem` (added ones included). */
  private readonly shareMaxRow: Int32Array;
  private readonly leafOf: number[];
  private readonly programOf: number[];
  private readonly nodeOf: Map<string, number>;

  constructor(private readonly pm: PlanningModel, private readonly layout: WorldLayout) {
    const { ctx } = pm;
    const leafIndex = new Map(layout.leaves.map((l, i) => [l, i]));
    this.leafOf = ctx.leafPrograms.map((lp) => leafIndex.get(lp.leaf.region)!);
    this.programOf = ctx.leafPrograms.map((lp) => ctx.scenario.programs.indexOf(lp.program));
    this.nodeOf = new Map(layout.nodes.map((n, i) => [n, i]));
    this.shareMaxRow = Int32Array.from(ctx.index.shareMaxRow);
    const base = withoutSmoothing(pm.model);
    const rows: Row[] = [...base.rows];
    // A source without budgets whose maximum share is 100 % has no share-max row: add one
    // (redundant until a world's shortfall shrinks it) so every world is a coefficient change.
    ctx.scenario.sources.forEach((source, s) => {
      if (source.budgets.length > 0) return;
      for (const lp of ctx.leafPrograms) {
        const share = lp.program.shares[source.id];
        if (!share) continue;
        ctx.paymentYears.forEach((year, y) => {
          const k = (lp.index * ctx.index.Y + y) * ctx.index.S + s;
          if (this.shareMaxRow[k] >= 0 || fixedMoney(lp, year)) return; // recorded money has no share rows
          this.shareMaxRow[k] = rows.length;
          rows.push({
            ref: { family: "shares", region: lp.leaf.region, program: lp.program.id, year, source: source.id, bound: "max", share: share.max },
            terms: [{ v: ctx.index.fundsCol(lp.index, y, s), c: 1 }, { v: ctx.index.costCol(lp.index, y), c: -share.max }],
            lb: -Infinity,
            ub: 0,
          });
        });
      }
    });
    this.problem = { model: { ...base, rows }, stages: pm.stages.slice(0, 2), settings: pm.settings };
  }

  changes(world: SampledWorld): WorldChanges {
    return { coefficients: [...this.costChanges(world), ...this.shareChanges(world)], rowBounds: [...this.stockChanges(world), ...this.budgetChanges(world)] };
  }

  private costChanges(world: SampledWorld): CoefficientChange[] {
    const { ctx } = this.pm;
    const { H, Y } = ctx.index;
    const L = this.layout.leaves.length;
    const out: CoefficientChange[] = [];
    for (const lp of ctx.leafPrograms) {
      const profile = lp.program.spendProfile;
      for (let h = 0; h < H; h++) {
        const factor = world.unitCostFactor[(this.programOf[lp.index] * L + this.leafOf[lp.index]) * H + h];
        const unitCost = unitCostAt(ctx, lp, ctx.years[h]) * factor;
        const column = ctx.index.startsCol(lp.index, h);
        for (let k = 0; k < profile.length && h + k < Y; k++) {
          const row = ctx.index.commitRow[lp.index * Y + h + k];
          if (profile[k] === 0 || row < 0) continue; // no row: a recorded year's cost is what was paid
          out.push({ row, column, value: -profile[k] * unitCost });
        }
      }
    }
    return out;
  }

  /**
   * With foresight of the world, the units that fail consent are known. Units recorded as started
   * (actuals) cannot fail, as in execution; of the rest a divisible leaf loses its mean failure
   * share over the years not recorded whole, and a whole-unit leaf Binomial(rest, that share) whole
   * units, drawn at the consent uniform of its first such year with a failure share above 0 —
   * whole, as execution draws them (wholeUnits.ts), so a target that needs every unit is met when
   * none fails.
   */
  private stockChanges(world: SampledWorld): BoundChange[] {
    const { ctx } = this.pm;
    const H = ctx.index.H;
    const L = this.layout.leaves.length;
    return ctx.leafPrograms.map((lp) => {
      const base = (this.programOf[lp.index] * L + this.leafOf[lp.index]) * H;
      let recorded = 0;
      let failed = 0;
      let open = 0;
      let first = -1;
      for (let h = 0; h < H; h++) {
        const actual = lp.actuals.get(ctx.years[h]);
        recorded += actual?.reportedStarted ?? 0;
        if (actual?.recordedWhole) continue; // a closed year's starts happened: nothing of it fails
        open++;
        failed += world.consentFailure[base + h];
        if (first < 0 && world.consentFailure[base + h] > 0) first = base + h;
      }
      const rest = lp.leaf.stock - recorded;
      const share = open > 0 ? failed / open : 0;
      const ub = recorded + (lp.program.integer && first >= 0 ? rest - wholeFailures(rest, share, world.consentUniform[first]) : rest * (1 - share));
      return { index: ctx.index.stockRow[lp.index], lb: -Infinity, ub };
    });
  }

  private budgetChanges(world: SampledWorld): BoundChange[] {
    const { ctx } = this.pm;
    const { Y } = ctx.index;
    const N = this.layout.nodes.length;
    // Budgets of closed years are not drawn here: their money is fixed in the model, whether history
    // (as_of) or a frozen past (stress --from), so a re-plan cannot respond to them. (evaluate draws a
    // frozen past's budgets: executionPlan.ts, ctx.isHistory.)
    return ctx.index.budgetRows.filter((b) => !ctx.closed(b.year)).map((b) => {
      const source = ctx.scenario.sources[b.source];
      const amount = source.budgets.find((x) => x.region === b.region && x.year === b.year)!.amount;
      const y = b.year - ctx.scenario.horizon.start; // a payment year: tail years' budgets are drawn too
      const factor = world.budgetFactor[(b.source * N + this.nodeOf.get(b.region)!) * Y + y];
      return { index: b.row, lb: -Infinity, ub: (amount * factor * (1 - this.meanShortfall(world, b.source, b.region, b.year))) / MONEY_UNIT };
    });
  }

  /** Mean enterprise shortfall of source s over the leaves of `region` in payment year `year`. */
  private meanShortfall(world: SampledWorld, s: number, region: string, year: number): number {
    const { ctx } = this.pm;
    const y = year - ctx.scenario.horizon.start;
    const leaves = ctx.region(region).leaves;
    if (leaves.length === 0) return 0;
    const L = this.layout.leaves.length;
    const Y = ctx.index.Y;
    let sum = 0;
    for (const leaf of leaves) sum += world.enterpriseShortfall[(s * L + this.layout.leaves.indexOf(leaf)) * Y + y];
    return sum / leaves.length;
  }

  private shareChanges(world: SampledWorld): CoefficientChange[] {
    const { ctx } = this.pm;
    const { Y, S } = ctx.index;
    const L = this.layout.leaves.length;
    const out: CoefficientChange[] = [];
    ctx.scenario.sources.forEach((source, s) => {
      if (source.budgets.length > 0) return;
      let sum = 0;
      for (let i = 0; i < L * Y; i++) sum += world.enterpriseShortfall[s * L * Y + i];
      const keep = 1 - sum / (L * Y);
      for (const lp of ctx.leafPrograms) {
        const share = lp.program.shares[source.id];
        if (!share) continue;
        const max = Math.max(share.min, share.max * keep);
        for (let y = 0; y < Y; y++) {
          const row = this.shareMaxRow[(lp.index * Y + y) * S + s];
          if (row >= 0) out.push({ row, column: ctx.index.costCol(lp.index, y), value: -max });
        }
      }
    });
    return out;
  }
}

/**
 * The model without the smoothing family: a draw solves only the shortfall and cost stages, and
 * those rows and columns only cost simplex iterations there (~20 % of them on Guangdong). build.ts
 * adds them last, so cutting them off moves no other index — checked here, since the typed index
 * (rows and columns by position) would otherwise point at the wrong ones.
 */
export function withoutSmoothing(model: LinearModel): LinearModel {
  const isRow = (r: Row) => r.ref.family === "smoothing";
  const isColumn = (v: LinearModel["variables"][number]) => v.ref.role === "smooth_up" || v.ref.role === "smooth_down";
  const row = model.rows.findIndex(isRow);
  const column = model.variables.findIndex(isColumn);
  if (row < 0 && column < 0) return model;
  if (row < 0 || column < 0 || !model.rows.slice(row).every(isRow) || !model.variables.slice(column).every(isColumn)) {
    throw new Error("internal: the smoothing rows and columns must be the model's last (build.ts builds that family last)");
  }
  return { ...model, rows: model.rows.slice(0, row), variables: model.variables.slice(0, column) };
}
