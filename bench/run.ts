/**
 * `npm run bench`: performance as ratios against native solvers on the engine's own exported
 * models (DESIGN §7), never as timed unit tests.
 *
 *  1. Plans: the shipped scenarios and a generated county-scale scenario (LP and integer). For
 *     every stage, the engine's HiGHS-WASM solve (warm) against `cbc` and `glpsol` solving the
 *     very LP file `simulate export` writes for that stage (whole process, wall clock). Objectives
 *     are compared too.
 *  2. Monte Carlo: evaluate and reoptimize draws/s per core on the Guangdong scenario.
 *  3. Memory: RSS after 1,000 and 10,000 HiGHS re-solves (the adapter recycles its WASM instance).
 *  4. Confidence: `--confidence 0.9` against the plain plan (whole process, goal ≤ 20×) and
 *     `--mode replan` draws/s per core on the Guangdong scenario (bench/confidence.ts).
 *
 * Options: `--quick` (fewer draws and re-solves), `--only plans|mc|rss|confidence`.
 * Peers that are not installed are skipped with the reason printed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCheckedScenario } from "../src/loadChecked.js";
import { buildPlanningModel } from "../src/model/build.js";
import { toCplexLp } from "../src/model/exportLp.js";
import { runMonteCarlo } from "../src/montecarlo/monteCarlo.js";
import { solveStages } from "../src/plan/solvePlan.js";
import { StagedSession } from "../src/plan/stagedSession.js";
import { stageModel } from "../src/plan/stageModels.js";
import type { Scenario } from "../src/scenario/types.js";
import { solverFor } from "../src/solve/auto.js";
import { benchConfidence } from "./confidence.js";
import { countyScenario } from "./countyScenario.js";
import { type PeerName, type PeerResult, peerSkipReason, solveWithCbc, solveWithGlpk } from "./peers.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const dir = mkdtempSync(join(tmpdir(), "renewsim-bench-"));

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : "—");

interface StageRow {
  case: string;
  stage: string;
  size: string;
  engine: number;
  objective: number;
  peers: Partial<Record<PeerName, PeerResult | null>>;
}

/** Solves the stages in the engine's stage runner (timed per stage) and exports each stage's exact model. */
async function benchPlan(name: string, scenario: Scenario): Promise<StageRow[]> {
  const pm = buildPlanningModel(scenario);
  const integerModel = pm.model.variables.some((v) => v.integer);
  // Warm-up (WASM compile, JIT) on LPs; an integer re-solve would only double a long run.
  if (!integerModel) await solveStages(pm, "auto", { duals: false });
  const staged = StagedSession.open(pm, "auto");
  const run = await staged.run({ duals: false }).finally(() => staged.dispose());
  if (run.status !== "optimal") throw new Error(`${name}: ${run.status} ${run.message ?? ""}`);
  const { mipGap, timeLimitSeconds } = scenario.objective;
  const rows: StageRow[] = [];
  for (let i = 0; i < pm.stages.length; i++) {
    const model = stageModel(pm, i, run.optima);
    const file = join(dir, `${name}-stage${i + 1}.lp`);
    writeFileSync(file, toCplexLp(model));
    const peerOptions = { mipGap, timeLimitSeconds };
    const stage = run.stages[i];
    rows.push({
      case: name,
      stage: stage.stage,
      size: `${model.variables.length}×${model.rows.length}${integerModel ? " MIP" : ""}${stage.status === "time_limit" ? " (engine hit time limit)" : ""}`,
      engine: stage.seconds,
      objective: stage.objective,
      peers: { cbc: await solveWithCbc(file, peerOptions), glpsol: await solveWithGlpk(file, peerOptions) },
    });
  }
  return rows;
}

function printPlanRows(rows: StageRow[]): void {
  console.log("\n## Plans: engine (HiGHS-WASM, warm) vs native peers on the exported stage model");
  for (const p of ["cbc", "glpsol"] as PeerName[]) {
    const why = peerSkipReason(p);
    if (why) console.log(`(${p} skipped: ${why})`);
  }
  console.log("case | stage | columns×rows | engine s | cbc s | glpsol s | engine/cbc | engine/glpsol | obj rel. diff vs cbc");
  const totals = new Map<string, { engine: number; cbc: number; glpsol: number }>();
  for (const r of rows) {
    const cbc = r.peers.cbc;
    const glp = r.peers.glpsol;
    const diff = cbc && cbc.status === "optimal" ? Math.abs(cbc.objective - r.objective) / Math.max(1, Math.abs(r.objective)) : NaN;
    console.log(`${r.case} | ${r.stage} | ${r.size} | ${fmt(r.engine)} | ${fmt(cbc?.seconds ?? NaN)} | ${fmt(glp?.seconds ?? NaN)} | ${fmt(r.engine / (cbc?.seconds ?? NaN), 2)} | ${fmt(r.engine / (glp?.seconds ?? NaN), 2)} | ${diff.toExponential(1)}`);
    const t = totals.get(r.case) ?? { engine: 0, cbc: 0, glpsol: 0 };
    t.engine += r.engine;
    t.cbc += cbc?.seconds ?? NaN;
    t.glpsol += glp?.seconds ?? NaN;
    totals.set(r.case, t);
  }
  console.log("\ncase | engine s (all stages) | cbc s | glpsol s | ratio engine/cbc | ratio engine/glpsol");
  for (const [name, t] of totals) {
    console.log(`${name} | ${fmt(t.engine)} | ${fmt(t.cbc)} | ${fmt(t.glpsol)} | ${fmt(t.engine / t.cbc, 2)} | ${fmt(t.engine / t.glpsol, 2)}`);
  }
}

async function benchMonteCarlo(): Promise<void> {
  const loaded = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
  const solution = await solveStages(buildPlanningModel(loaded.scenario), "auto");
  console.log("\n## Monte Carlo on the Guangdong scenario (one core: workers = 1)");
  const draws = quick ? 5_000 : 50_000;
  await runMonteCarlo(solution, loaded.uncertainty, { mode: "evaluate", draws: 500, seed: 1, workers: 1 }); // warm-up
  let t = performance.now();
  await runMonteCarlo(solution, loaded.uncertainty, { mode: "evaluate", draws, seed: 1, workers: 1 });
  const evalRate = draws / ((performance.now() - t) / 1000);
  console.log(`evaluate: ${fmt(evalRate, 0)} draws/s per core (${draws} draws; goal ≥ 20,000)`);
  const reDraws = quick ? 3 : 10;
  t = performance.now();
  await runMonteCarlo(solution, loaded.uncertainty, { mode: "reoptimize", draws: reDraws, seed: 1, workers: 1 });
  const reRate = reDraws / ((performance.now() - t) / 1000);
  console.log(`reoptimize: ${fmt(reRate, 2)} draws/s per core (${reDraws} draws, 2 stages each; goal ≥ 15)`);
}

/**
 * Re-solves one small plan model (3 counties, the size of a re-optimisation draw's sub-problem)
 * many times with the same adapter and records RSS: a leak per solve would show as growth.
 */
async function benchRss(): Promise<void> {
  const pm = buildPlanningModel(countyScenario({ counties: 3, cities: 1, integer: false }));
  const model = stageModel(pm, 0, []);
  const highs = solverFor("highs");
  const checkpoints = quick ? [100, 1000] : [1000, 10_000];
  console.log(`\n## Memory: RSS over repeated HiGHS re-solves (${model.variables.length}×${model.rows.length} LP)`);
  const start = process.memoryUsage().rss;
  console.log(`start: ${fmt(start / 2 ** 20, 1)} MiB`);
  const t = performance.now();
  for (let n = 1; n <= checkpoints[checkpoints.length - 1]; n++) {
    const r = await highs.solve(model);
    if (r.status !== "optimal") throw new Error(`re-solve ${n}: ${r.status}`);
    if (checkpoints.includes(n)) {
      console.log(`after ${n} re-solves: ${fmt(process.memoryUsage().rss / 2 ** 20, 1)} MiB (${fmt((performance.now() - t) / n, 1)} ms/solve)`);
    }
  }
}

async function main(): Promise<void> {
  console.log(`renewsim benchmark (${quick ? "quick" : "full"}); exported models in ${dir}`);
  if (!only || only === "plans") {
    const rows: StageRow[] = [];
    for (const file of ["guangdong-retrofit-2021-2025", "guangzhou-towns-2024-2027"]) {
      rows.push(...(await benchPlan(file, loadCheckedScenario(`scenarios/${file}.yaml`).scenario)));
    }
    rows.push(...(await benchPlan("county-122-lp", countyScenario({ integer: false }))));
    // Integer county plans are hard MILPs: engine and peers get the same 120 s per stage.
    const integer = countyScenario({ integer: true });
    integer.objective.timeLimitSeconds = 120;
    rows.push(...(await benchPlan("county-122-integer", integer)));
    printPlanRows(rows);
  }
  if (!only || only === "mc") await benchMonteCarlo();
  if (!only || only === "rss") await benchRss();
  if (!only || only === "confidence") await benchConfidence(quick);
}

await main();
