/**
 * Monte Carlo re-optimisation against native CLP on the same model and the same draws: the
 * engine's two-stage world model (src/montecarlo/worldModel.ts) and each draw's changes are written
 * to a text file, bench/native/clpReoptimize.cc replays them in CLP exactly as reoptimize.ts does in
 * HiGHS-WASM (anchor basis, shortfall stage, fix row, cost stage), and the engine replays them in its
 * own stage runner. Both draw loops are timed without set-up, and every draw's stage optima are
 * compared: a second solver on the re-optimisation path. Needs g++ and coinor-libclp-dev; skipped
 * with the reason otherwise.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildPlanningModel } from "../src/model/build.js";
import type { StagedProblem } from "../src/model/types.js";
import { createSampler } from "../src/montecarlo/sampleInputs.js";
import type { Uncertainty } from "../src/montecarlo/types.js";
import { WorldModel } from "../src/montecarlo/worldModel.js";
import { ANCHOR_SLOT, StagedSession } from "../src/plan/stagedSession.js";
import { ZERO_OPTIMUM } from "../src/plan/stageModels.js";
import type { Scenario } from "../src/scenario/types.js";
import type { CoefficientChange, BoundChange } from "../src/solve/types.js";

const CLP_HEADER = "/usr/include/coin/ClpSimplex.hpp";
const SOURCE = new URL("./native/clpReoptimize.cc", import.meta.url).pathname;

export interface NativeReoptimize {
  draws: number;
  engineRate: number;
  nativeRate: number;
  nativeIterationsPerDraw: number;
  /**
   * Per stage, the largest difference of its optimum between the engine and CLP over every draw,
   * relative to max(1, |optimum|). Both solve to 1e-9 feasibility, yet shortfall scores differ by
   * ~1e-7 and each cost stage holds its own: a score 1e-7 lower costs more (~1e-5 relative on
   * Guangdong), so the cost stage agrees less closely than the shortfall stage.
   */
  differences: number[];
  /** Draws one solver found optimal and the other did not. */
  disagreements: number;
}

/** Why the native comparison cannot run here, or null. */
export function nativeSkipReason(): string | null {
  if (spawnSync("which", ["g++"]).status !== 0) return "g++ not found (apt-get install g++)";
  if (!existsSync(CLP_HEADER)) return `${CLP_HEADER} not found (apt-get install coinor-libclp-dev)`;
  return null;
}

export async function nativeReoptimize(scenario: Scenario, uncertainty: Uncertainty, seed: number, draws: number, dir: string): Promise<NativeReoptimize> {
  const sampler = createSampler(uncertainty, scenario);
  const world = new WorldModel(buildPlanningModel(scenario), sampler.layout);
  const sampled = sampler.newWorld();
  const perDraw = Array.from({ length: draws }, (_, d) => world.changes(sampler.sampleInto(sampled, seed, d)));

  const file = join(dir, "reoptimize-problem.txt");
  writeFileSync(file, problemText(world.problem, perDraw));
  const binary = join(dir, "clpReoptimize");
  execFileSync("g++", ["-O2", "-o", binary, SOURCE, "-lClp", "-lCoinUtils"]);
  const output = execFileSync(binary, [file], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n");
  const native = output.filter((line) => line.startsWith("draw ")).map((line) => {
    const [, , status, first, second] = line.split(" ");
    return { optimal: status === "optimal", optima: [Number(first), Number(second)] };
  });
  const [, , loopSeconds, iterations] = output[output.length - 1].split(" ");

  const staged = StagedSession.open(world.problem, "highs");
  try {
    await staged.anchor("reoptimize");
    const differences = [0, 0];
    let disagreements = 0;
    const start = performance.now();
    for (let d = 0; d < draws; d++) {
      await staged.setCoefficients(perDraw[d].coefficients);
      await staged.setRowBounds(perDraw[d].rowBounds);
      const run = await staged.run({ duals: false, firstFrom: ANCHOR_SLOT });
      const optimal = run.status === "optimal";
      if (optimal !== native[d].optimal) disagreements++;
      if (!optimal || !native[d].optimal) continue;
      run.optima.forEach((o, s) => {
        differences[s] = Math.max(differences[s], Math.abs(o.value - native[d].optima[s]) / Math.max(1, Math.abs(o.value)));
      });
    }
    const engineSeconds = (performance.now() - start) / 1000;
    return {
      draws,
      engineRate: draws / engineSeconds,
      nativeRate: draws / Number(loopSeconds),
      nativeIterationsPerDraw: Number(iterations) / draws,
      differences,
      disagreements,
    };
  } finally {
    await staged.dispose();
  }
}

/** The format clpReoptimize.cc reads: sizes and tolerances; columns; rows; two stage objectives; draws. */
function problemText(problem: StagedProblem, perDraw: { coefficients: CoefficientChange[]; rowBounds: BoundChange[] }[]): string {
  const { model, stages, settings } = problem;
  if (stages.length !== 2) throw new Error(`nativeReoptimize: expected the two re-optimisation stages, got ${stages.length}`);
  const num = (x: number) => (x === Infinity ? "1e300" : x === -Infinity ? "-1e300" : String(x));
  const terms = (list: { v: number; c: number }[]) => `${list.length} ${list.map((t) => `${t.v} ${num(t.c)}`).join(" ")}`;
  const lines = [`${model.variables.length} ${model.rows.length} ${settings.relTolerance} ${settings.absTolerance} ${ZERO_OPTIMUM}`];
  for (const v of model.variables) lines.push(`${num(v.lb)} ${num(v.ub)}`);
  for (const r of model.rows) lines.push(`${num(r.lb)} ${num(r.ub)} ${terms(r.terms)}`);
  for (const s of stages) lines.push(terms(s.objective));
  lines.push(String(perDraw.length));
  for (const { coefficients, rowBounds } of perDraw) {
    lines.push(`${coefficients.length} ${coefficients.map((c) => `${c.row} ${c.column} ${num(c.value)}`).join(" ")}`);
    lines.push(`${rowBounds.length} ${rowBounds.map((b) => `${b.index} ${num(b.lb)} ${num(b.ub)}`).join(" ")}`);
  }
  return lines.join("\n") + "\n";
}
