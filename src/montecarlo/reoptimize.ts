/**
 * `reoptimize` mode: in every draw, re-plan with the sampled inputs — what could be achieved with
 * foresight of that world — and record the same metrics as `evaluate`. One planning model per
 * worker is held warm in a solver session; each draw only changes its coefficients and bounds
 * (worldModel.ts) and re-solves the shortfall and cost stages, starting from the basis of the
 * planning model's own optimum, kept once: never from the previous draw's, so that a draw's plan
 * does not depend on which draws a worker or shard solved before it (byte-identical CSVs for any
 * `--workers` and `--shard`).
 */
import { buildPlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import { ANCHOR_SLOT, StagedSession } from "../plan/stagedSession.js";
import type { Scenario } from "../scenario/types.js";
import type { DrawResult } from "./execute.js";
import type { SampledWorld, WorldLayout } from "./types.js";
import { WorldModel } from "./worldModel.js";

export class Reoptimizer {
  private readonly world: WorldModel;
  private readonly staged: StagedSession;

  constructor(private readonly scenario: Scenario, layout: WorldLayout) {
    const pm = buildPlanningModel(scenario);
    this.world = new WorldModel(pm, layout);
    this.staged = StagedSession.open(this.world.problem, "highs");
    this.pm = pm;
  }

  private readonly pm: ReturnType<typeof buildPlanningModel>;

  /** Re-plans one sampled world; null when that world has no feasible plan. */
  async draw(world: SampledWorld): Promise<DrawResult | null> {
    await this.staged.anchor("reoptimize");
    const changes = this.world.changes(world);
    await this.staged.setCoefficients(changes.coefficients);
    await this.staged.setRowBounds(changes.rowBounds);
    const run = await this.staged.run({ duals: false, firstFrom: ANCHOR_SLOT });
    if (run.status !== "optimal") return null;
    return this.result(run.primal);
  }

  dispose(): Promise<void> {
    return this.staged.dispose();
  }

  /** Starts and payments in the executor's layout. */
  private result(primal: Float64Array): DrawResult {
    const { ctx } = this.pm;
    const { H, Y } = ctx.index;
    const N = ctx.leafPrograms.length;
    const starts = new Float64Array(N * H);
    for (let i = 0; i < N; i++) {
      for (let h = 0; h < H; h++) starts[i * H + h] = primal[ctx.index.startsCol(i, h)];
    }
    const S = this.scenario.sources.length;
    const paid = new Float64Array(S * Y);
    for (let s = 0; s < S; s++) {
      for (let y = 0; y < Y; y++) {
        for (let i = 0; i < N; i++) {
          const v = ctx.index.fundsCol(i, y, s);
          if (v >= 0) paid[s * Y + y] += primal[v] * MONEY_UNIT;
        }
      }
    }
    return { starts, paid, gap: new Float64Array(S * Y) };
  }
}
