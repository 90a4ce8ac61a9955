/**
 * Measures where `--solver auto` should switch from javascript-lp-solver to HiGHS: times both
 * adapters warm (best of repeats, median over seeds) on generated allocation LPs and MILPs of growing
 * size, plus native CBC/GLPK (whole process) on the same exported file. Prints a markdown table.
 * jslp gets JSLP_LIMIT_S per solve; after a size where it fails on every seed, larger ones are skipped.
 *
 *   npx tsx bench/solverCrossover.ts [--quick]
 */
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allocationLp, type AllocationSpec } from "./allocationLp.js";
import { solveWithCbc, solveWithGlpk, type PeerResult } from "./peers.js";
import { solverFor } from "../src/solve/auto.js";
import { JslpAdapter } from "../src/solve/jslp.js";
import { toCplexLp } from "../src/model/exportLp.js";
import type { LinearModel } from "../src/model/types.js";
import type { SolverAdapter } from "../src/solve/types.js";

const quick = process.argv.includes("--quick");
const SEEDS = quick ? [1] : [1, 2, 3];
const REPEATS = quick ? 2 : 5;
const JSLP_LIMIT_S = 10;
const PEER_LIMIT_S = 60;

interface Case {
  label: string;
  spec: AllocationSpec;
}
const lp = (regions: number, programs = 3, years = 5, sources = 4): Case => ({
  label: `LP R${regions} P${programs} Y${years} S${sources}`,
  spec: { regions, programs, years, sources },
});
const milp = (regions: number, programs = 3, years = 5, sources = 4): Case => ({
  label: `MILP R${regions} P${programs} Y${years} S${sources}`,
  spec: { regions, programs, years, sources, integer: true },
});
const cases: Case[] = [
  lp(1, 1, 2, 2), lp(1, 2, 3, 3), lp(1, 2, 5, 4), lp(1), lp(2), lp(4), lp(7), lp(14), lp(21), lp(40),
  ...(quick ? [] : [lp(122)]),
  milp(1, 1, 2, 2), milp(1, 2, 3, 3), milp(1), milp(2), milp(4), milp(7), milp(21),
];

interface Timing {
  ms: number | null; // median over seeds of the fastest repeat (shared machines add noise, never speed)
  failures: string[];
}

async function timeAdapter(adapter: SolverAdapter, models: LinearModel[]): Promise<Timing> {
  await adapter.solve(models[0], { timeLimitSeconds: JSLP_LIMIT_S }); // warm this size
  const per: number[] = [];
  const failures: string[] = [];
  for (const model of models) {
    const runs: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      const r = await adapter.solve(model, { timeLimitSeconds: JSLP_LIMIT_S });
      if (r.status !== "optimal") {
        failures.push(`${r.status}${r.message ? `: ${r.message.slice(0, 60)}` : ""}`);
        break;
      }
      runs.push(r.seconds * 1000);
    }
    if (runs.length === REPEATS) per.push(Math.min(...runs));
  }
  return { ms: per.length ? median(per) : null, failures };
}

type PeerSolve = (path: string, options: { timeLimitSeconds: number }) => Promise<PeerResult | null>;

async function timePeer(solve: PeerSolve, model: LinearModel, dir: string): Promise<string> {
  const path = join(dir, "model.lp");
  await writeFile(path, toCplexLp(model));
  let best = Infinity;
  for (let k = 0; k < REPEATS; k++) {
    const r = await solve(path, { timeLimitSeconds: PEER_LIMIT_S });
    if (!r) return "n/a";
    if (r.status !== "optimal") return r.seconds >= PEER_LIMIT_S ? `>${PEER_LIMIT_S * 1000}` : r.status;
    best = Math.min(best, r.seconds * 1000);
    if (r.seconds > 5) break; // one long run is enough
  }
  return best < 10 ? best.toFixed(1) : best.toFixed(0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function fmt(t: Timing): string {
  if (t.ms === null) return `fail (${t.failures.length})`;
  const ms = t.ms < 10 ? t.ms.toFixed(1) : t.ms.toFixed(0);
  return t.failures.length ? `${ms} (${t.failures.length} fail)` : ms;
}

async function main(): Promise<void> {
  const highs = solverFor("highs");
  const jslp = new JslpAdapter();
  await highs.solve(allocationLp({ regions: 1 })); // load WASM and start the jslp worker: warm numbers
  await jslp.solve(allocationLp({ regions: 1, programs: 1, years: 2, sources: 2 }));
  const dir = await mkdtemp(join(tmpdir(), "renewsim-bench-"));
  const lines = [
    `| model (${SEEDS.length} seeds, best of ${REPEATS}) | columns | rows | HiGHS ms | jslp ms | CBC ms (process) | GLPK ms (process) |`,
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  let jslpGaveUp = { lp: false, mip: false };
  for (const c of cases) {
    const models = SEEDS.map((seed) => allocationLp({ ...c.spec, seed }));
    const m = models[0];
    const h = await timeAdapter(highs, models);
    const key = c.spec.integer ? "mip" : "lp";
    let j: Timing = { ms: null, failures: ["skipped: smaller size already too slow"] };
    if (!jslpGaveUp[key]) {
      j = await timeAdapter(jslp, models);
      if (j.ms === null) jslpGaveUp = { ...jslpGaveUp, [key]: true };
    }
    const cbc = await timePeer(solveWithCbc, m, dir);
    const glpk = await timePeer(solveWithGlpk, m, dir);
    lines.push(`| ${c.label} | ${m.variables.length} | ${m.rows.length} | ${fmt(h)} | ${j.failures[0]?.startsWith("skipped") ? "skipped" : fmt(j)} | ${cbc} | ${glpk} |`);
    process.stdout.write(`${lines.at(-1)}\n`);
    for (const f of j.failures) if (!f.startsWith("skipped")) process.stdout.write(`    jslp: ${f}\n`);
  }
  await jslp.close();
  await rm(dir, { recursive: true, force: true });
  process.stdout.write(`\n${lines.join("\n")}\n`);
}

void main();
