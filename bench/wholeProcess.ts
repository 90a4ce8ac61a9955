/**
 * Whole processes, wall clock: `simulate FILE` (compiled, every output written) against the native
 * peers solving the engine's own export of every stage (one process per stage, summed), and against
 * the previous version of renewsim when RENEWSIM_PREVIOUS names its checkout. Median of `repeats`,
 * every side timed in each repeat (wholeProcess). CBC is timed on the run that gives the stage's
 * optimum (peers.ts `checkedCbc`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCheckedScenario } from "../src/loadChecked.js";
import { buildPlanningModel } from "../src/model/build.js";
import { toCplexLp } from "../src/model/exportLp.js";
import { StagedSession } from "../src/plan/stagedSession.js";
import { stageModel } from "../src/plan/stageModels.js";
import { checkedCbc, solveWithCbc, solveWithGlpk } from "./peers.js";

export interface WholeProcessRow {
  name: string;
  engine: number;
  previous: number | null;
  cbc: number;
  glpsol: number;
  /** Stages CBC was timed with presolve off, its default answer being wrong, or with no right answer at all (peers.ts `checkedCbc`). */
  cbcPresolveOff: string[];
}

/** Peers get this long per stage (the engine's own limit is the scenario's). */
const PEER_LIMIT_S = 120;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Seconds of one `node <bin> args` process, or throws when it fails. */
function timeProcess(bin: string, args: string[]): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  const seconds = (performance.now() - t) / 1000;
  if (run.status !== 0) throw new Error(`${bin} ${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  return seconds;
}

/**
 * Each repeat times the engine, the previous version and both peers back to back, one process at
 * a time, and each side's figure is the median over the repeats: a shared host's speed drifts over
 * minutes, so timing every side in the same window keeps the ratios fair.
 */
export async function wholeProcess(name: string, file: string, repeats: number, extra: string[] = []): Promise<WholeProcessRow> {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-whole-"));
  const args = [file, ...extra, "--out", join(dir, "out"), "--force", "--quiet"];
  const previousCheckout = process.env.RENEWSIM_PREVIOUS;
  const previousArgs = [file, ...extra.filter((a) => a !== "--allow-outside" && !a.startsWith("/")), "--out", join(dir, "prev"), "--force", "--quiet"];
  const loaded = loadCheckedScenario(file, { allowOutside: extra.includes("--allow-outside") ? [extra[extra.indexOf("--allow-outside") + 1]] : [] });
  const pm = buildPlanningModel(loaded.scenario);
  const staged = StagedSession.open(pm, "highs");
  const run = await staged.run({ duals: false }).finally(() => staged.dispose());
  const integer = pm.model.variables.some((v) => v.integer);
  const cbcPresolveOff: string[] = [];
  const exports = [];
  for (const [i, stage] of pm.stages.entries()) {
    const path = join(dir, `${name}-stage${i + 1}.lp`);
    writeFileSync(path, toCplexLp(stageModel(pm, i, run.optima)));
    const options = { mipGap: pm.settings.mipGap, mipAbsGap: integer ? stage.absGap : undefined, timeLimitSeconds: PEER_LIMIT_S };
    const cbc = await checkedCbc(path, options, run.stages[i].objective, integer);
    if (cbc.wrongDefault !== null) cbcPresolveOff.push(`${stage.name} (its default answered ${cbc.wrongDefault}, the optimum is ${run.stages[i].objective})`);
    if (cbc.neverRight) cbcPresolveOff.push(`${stage.name}: neither run gave the optimum ${run.stages[i].objective}, so its time is of a wrong answer`);
    exports.push({ path, options, cbcOptions: cbc.options });
  }
  const times = { engine: [] as number[], previous: [] as number[], cbc: [] as number[], glpsol: [] as number[] };
  for (let k = 0; k < repeats; k++) {
    times.engine.push(timeProcess("bin/simulate.js", args));
    if (previousCheckout) times.previous.push(timeProcess(join(previousCheckout, "bin/simulate.js"), previousArgs));
    let cbc = 0;
    let glpsol = 0;
    for (const { path, options, cbcOptions } of exports) {
      cbc += (await solveWithCbc(path, cbcOptions))?.seconds ?? NaN;
      glpsol += (await solveWithGlpk(path, options))?.seconds ?? NaN;
    }
    times.cbc.push(cbc);
    times.glpsol.push(glpsol);
  }
  return {
    name,
    engine: median(times.engine),
    previous: previousCheckout ? median(times.previous) : null,
    cbc: median(times.cbc),
    glpsol: median(times.glpsol),
    cbcPresolveOff,
  };
}
