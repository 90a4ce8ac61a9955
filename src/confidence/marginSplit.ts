/**
 * What the money of a confidence plan buys when some targets cannot reach their level. The plan's
 * margins are of two kinds: those of the targets that reach their level, and those of the targets
 * that stay below it (limited, not converged, sample too small), which the margin stage still holds
 * at the plan's best. Their sum was printed as "the price of the margins planned" — on Guangdong at
 * 90 % that was +10.57亿元, read as the price of the county towns' level, which alone costs +0.02元.
 *
 * One more plan solve in the same warm session, from the same calibration: the reached targets'
 * margins as planned, the others' left out (their margin at the target itself), judged on the same
 * calibration sample. The money of that plan against the plain plan is what the levels reached
 * cost; the final plan against it is what the other margins cost, and their P(met) in the two
 * plans is what that money buys.
 */
import { extractTables } from "../results/extract.js";
import type { PlanTables } from "../results/types.js";
import { solveInSession } from "../plan/solvePlan.js";
import { type Calibration, judge } from "./calibrate.js";
import type { ConfidenceSolver } from "./confidenceSolver.js";

export interface MarginSplit {
  /** Per target (scenario order): asked for a level and does not reach it in the final plan. */
  short: boolean[];
  /** The plan with only the reached targets' margins: its tables (money by source). */
  tables: PlanTables;
  /** Met draws per target of that plan on the calibration sample (of `draws`). */
  met: number[];
  /** Whether each target passes its level in that plan (a reached target normally does). */
  reached: boolean[];
  draws: number;
}

/** Short of the level: asked for one and not reached. */
export function isShort(status: Calibration["status"][number]): boolean {
  return status !== "reached" && status !== "none";
}

/**
 * The plan with the short targets' margins left out, or null when every target asking for a level
 * reaches it (then the whole price is the price of confidence) or it cannot be solved (the split is
 * then not shown; the plan itself stands).
 */
export async function marginSplit(cs: ConfidenceSolver, c: Calibration, required: number[]): Promise<MarginSplit | null> {
  const short = c.status.map(isShort);
  if (!short.some(Boolean)) return null;
  const targets = cs.mp.pm.ctx.scenario.targets;
  const levels = Float64Array.from(c.levels, (l, i) => (short[i] ? targets[i].atLeast : l));
  await cs.setMarginLevels(levels);
  const solution = await solveInSession(cs.exactSession, cs.mp.pm, { duals: false });
  if (solution.status !== "optimal") return null;
  const judged = judge(cs.mp, cs.sample, levels, solution.primal, { required });
  return { short, tables: extractTables(solution), met: judged.met, reached: judged.status.map((s) => s === "reached"), draws: judged.draws };
}
