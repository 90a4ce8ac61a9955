/**
 * `replan` mode: the plan is executed one year at a time (execute.ts's rules) and, after each
 * simulated year, the remaining years are re-planned from what happened — realised starts, the
 * money paid, units that failed consent or slipped, what each source carried over, remaining stock
 * and budgets (replanModel.ts) — as offices do with their annual plans. Year 0 executes the plan
 * as solved; each later year executes the latest annual plan's starts and funding mix.
 *
 * One model per worker, held warm in a solver session; a year is a set of bound and coefficient
 * changes. Every draw first undoes the previous draw's changes and restores the basis of the
 * worker's first solve, so a draw's annual plans depend only on the draw, never on which draws
 * the worker solved before: results are byte-identical for any --workers and --shard split.
 * An annual re-plan the solver cannot solve keeps the previous plan for the rest of the draw.
 */
import { MONEY_UNIT } from "../model/context.js";
import { buildPlanningModel } from "../model/build.js";
import { ANCHOR_SLOT, StagedSession } from "../plan/stagedSession.js";
import type { Scenario } from "../scenario/types.js";
import { type DrawResult, Executor } from "./execute.js";
import { type ExecutionPlan, execBudgetLookup } from "./executionPlan.js";
import { ReplanModel, type YearChanges } from "./replanModel.js";
import type { SampledCells, SampledWorld, WorldLayout } from "./types.js";

/** A unit-cost factor of 0 would delete a matrix entry (and change its storage order): keep it tiny instead. */
const MIN_FACTOR = 1e-9;

export class Replanner {
  private readonly model: ReplanModel;
  private readonly staged: StagedSession;
  private readonly executor: Executor;
  /** Exec budget index of each model budget row (−1: none). */
  private readonly execBudget = new Map<number, number>();
  private touched: YearChanges[] = [];

  constructor(
    scenario: Scenario,
    private readonly basePlan: ExecutionPlan,
    private readonly layout: WorldLayout,
    /** The cells the sampler sets (`DrawSampler.sampled`). */
    sampled: SampledCells,
    margins: ArrayLike<number> | null,
  ) {
    this.model = new ReplanModel(buildPlanningModel(scenario), margins);
    this.staged = StagedSession.open(this.model.problem, "highs");
    this.executor = new Executor(basePlan, layout.leaves.length, sampled);
    const { ctx } = this.model.pm;
    const budgetAt = execBudgetLookup(basePlan.budgets, scenario.sources.length);
    for (const b of ctx.index.budgetRows) this.execBudget.set(b.row, budgetAt(b.source, b.region, ctx.paymentYearIndex(b.year)));
  }

  /** Executes one sampled world with annual re-planning. The result is the executor's buffer. */
  async draw(world: SampledWorld): Promise<DrawResult> {
    await this.start();
    this.resetPlan();
    const { executor } = this;
    const H = this.basePlan.horizonYears;
    const Y = this.basePlan.paymentYears.length;
    executor.begin();
    executor.step(world, 0);
    let solvable = true;
    for (let h = 1; h < H; h++) {
      if (solvable) solvable = await this.replanFrom(h, world);
      if (solvable) executor.clearDeferred();
      executor.step(world, h);
    }
    for (let y = H; y < Y; y++) executor.step(world, y);
    return executor.result;
  }

  dispose(): Promise<void> {
    return this.staged.dispose();
  }

  /** First use: solve the model as it stands and keep that basis; later: undo the last draw. */
  private async start(): Promise<void> {
    if (!(await this.staged.anchor("replan"))) {
      const undo = this.model.reset(this.touched);
      this.touched = [];
      await this.apply(undo);
    }
    // Every draw, the first included, starts from the kept basis (not from the last solve's state).
    await this.staged.startFrom(ANCHOR_SLOT);
  }

  /** Re-plans years h … from what happened in the years before; false when no plan is found. */
  private async replanFrom(h: number, world: SampledWorld): Promise<boolean> {
    const { ctx } = this.model.pm;
    const L = this.layout.leaves.length;
    const H = this.basePlan.horizonYears;
    const lps = this.basePlan.leafPrograms;
    const changes = this.model.yearDone(
      h,
      this.executor.result.starts,
      (lp, t) => Math.max(MIN_FACTOR, world.unitCostFactor[(lps[lp].p * L + lps[lp].l) * H + t]),
      (row) => {
        const b = this.execBudget.get(row) ?? -1;
        return b < 0 ? null : this.executor.carriedInto(b) / MONEY_UNIT;
      },
    );
    this.touched.push(changes);
    await this.apply(changes);
    const run = await this.staged.run({ duals: false });
    if (run.status !== "optimal") return false;
    this.adopt(run.primal, h, ctx.index);
    return true;
  }

  private async apply(c: YearChanges): Promise<void> {
    if (c.coefficients.length > 0) await this.staged.setCoefficients(c.coefficients);
    if (c.rowBounds.length > 0) await this.staged.setRowBounds(c.rowBounds);
    if (c.colBounds.length > 0) await this.staged.setColBounds(c.colBounds);
  }

  /** The annual plan's starts of years h … and its funding mix of payment years h … become the plan executed. */
  private adopt(primal: Float64Array, h: number, index: ReplanModel["pm"]["ctx"]["index"]): void {
    const { S, H, Y } = index;
    for (let i = 0; i < this.basePlan.leafPrograms.length; i++) {
      for (let t = h; t < H; t++) this.executor.setPlanned(i, t, primal[index.startsCol(i, t)]);
      for (let y = h; y < Y; y++) {
        const cost = primal[index.costCol(i, y)];
        if (!(cost * MONEY_UNIT > 1)) continue; // nothing planned that year: keep the mix it had
        for (let s = 0; s < S; s++) {
          const v = index.fundsCol(i, y, s);
          this.executor.setShare(i, y, s, v < 0 ? 0 : primal[v] / cost);
        }
      }
    }
  }

  /** Back to the plan as solved. */
  private resetPlan(): void {
    const S = this.basePlan.sourceKinds.length;
    this.basePlan.leafPrograms.forEach((lp, i) => {
      lp.planned.forEach((units, t) => this.executor.setPlanned(i, t, units));
      lp.shares.forEach((share, k) => this.executor.setShare(i, Math.floor(k / S), k % S, share));
    });
  }
}
