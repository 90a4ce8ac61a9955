/**
 * Confidence planning and annual re-planning on the Guangdong scenario (issue 9):
 *  - `simulate FILE --confidence 0.9` against the plain `simulate FILE`, whole process (wall clock,
 *    a fresh `node bin/simulate.js` each, writing its results folder): goal ≤ 20× the plain plan;
 *  - `--mode replan` draws per second in one thread (workers = 1), after the worker's first solve.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCheckedScenario } from "../src/loadChecked.js";
import { runMonteCarlo } from "../src/montecarlo/monteCarlo.js";
import { planScenario } from "../src/plan/planScenario.js";

const GUANGDONG = "scenarios/guangdong-retrofit-2021-2025.yaml";
const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "—");

/** Wall-clock seconds of one CLI process. */
function wholeProcess(args: string[], out: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["bin/simulate.js", ...args, "--out", out, "--force", "--quiet", "--no-xlsx"], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`simulate ${args.join(" ")} exited ${r.status}`);
  return (performance.now() - t) / 1000;
}

export async function benchConfidence(quick: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-bench-confidence-"));
  try {
    console.log("\n## Confidence planning on the Guangdong scenario (whole process, wall clock)");
    const plain = wholeProcess([GUANGDONG], join(dir, "plain"));
    const sure = wholeProcess([GUANGDONG, "--confidence", "0.9"], join(dir, "sure"));
    console.log(`plain plan: ${fmt(plain)} s; --confidence 0.9: ${fmt(sure)} s; ratio ${fmt(sure / plain, 1)}× (goal ≤ 20×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loaded = loadCheckedScenario(GUANGDONG);
  const planned = await planScenario(loaded.scenario);
  const rate = async (draws: number) => {
    const t = performance.now();
    await runMonteCarlo(planned.solution, loaded.uncertainty, { mode: "replan", draws, seed: 1, workers: 1 });
    return (performance.now() - t) / 1000;
  };
  const draws = quick ? 4 : 20;
  const setup = await rate(1); // the worker's first solve and one draw
  const total = await rate(draws + 1);
  console.log(`replan: ${fmt(draws / (total - setup))} draws/s per core (${draws} draws after the first solve, ${loaded.scenario.years.length - 1} annual re-plans each; first solve + 1 draw ${fmt(setup, 1)} s)`);
}
