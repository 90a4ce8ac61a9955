/**
 * Whole processes, wall clock: `simulate FILE` (compiled, every output written) against the native
 * peers solving the engine's own export of every stage (one process per stage, summed), and against
 * the previous version of renewsim when RENEWSIM_PREVIOUS names its checkout. Median of `repeats`.
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
import { solveWithCbc, solveWithGlpk } from "./peers.js";

export interface WholeProcessRow {
  name: string;
  engine: number;
  previous: number | null;
  cbc: number;
  glpsol: number;
}

/** Peers get this long per stage (the engine's own limit is the scenario's). */
const PEER_LIMIT_S = 120;

async function medianOf(repeats: number, run: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let k = 0; k < repeats; k++) xs.push(await run()); // one at a time: no peer competes with another
  return median(xs);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Seconds of `node <bin> args` (median of `repeats`), or throws when it fails. */
export function timeProcess(bin: string, args: string[], repeats: number): number {
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    times.push((performance.now() - t) / 1000);
    if (run.status !== 0) throw new Error(`${bin} ${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  }
  return median(times);
}

export async function wholeProcess(name: string, file: string, repeats: number, extra: string[] = []): Promise<WholeProcessRow> {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-whole-"));
  const args = [file, ...extra, "--out", join(dir, "out"), "--force", "--quiet"];
  const engine = timeProcess("bin/simulate.js", args, repeats);
  const previousCheckout = process.env.RENEWSIM_PREVIOUS;
  const previous = previousCheckout
    ? timeProcess(join(previousCheckout, "bin/simulate.js"), [file, ...extra.filter((a) => a !== "--allow-outside" && !a.startsWith("/")), "--out", join(dir, "prev"), "--force", "--quiet"], repeats)
    : null;
  const loaded = loadCheckedScenario(file, { allowOutside: extra.includes("--allow-outside") ? [extra[extra.indexOf("--allow-outside") + 1]] : [] });
  const pm = buildPlanningModel(loaded.scenario);
  const staged = StagedSession.open(pm, "highs");
  const run = await staged.run({ duals: false }).finally(() => staged.dispose());
  let cbc = 0;
  let glpsol = 0;
  for (let i = 0; i < pm.stages.length; i++) {
    const path = join(dir, `${name}-stage${i + 1}.lp`);
    writeFileSync(path, toCplexLp(stageModel(pm, i, run.optima)));
    const integer = pm.model.variables.some((v) => v.integer);
    const options = { mipGap: pm.settings.mipGap, mipAbsGap: integer ? pm.stages[i].absGap : undefined, timeLimitSeconds: PEER_LIMIT_S };
    cbc += await medianOf(repeats, async () => (await solveWithCbc(path, options))?.seconds ?? NaN);
    glpsol += await medianOf(repeats, async () => (await solveWithGlpk(path, options))?.seconds ?? NaN);
  }
  return { name, engine, previous, cbc, glpsol };
}
