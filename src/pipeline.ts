/**
 * The planning pipeline, one named type per stage:
 *
 *   scenario.yaml (+ --with overlays)
 *     │ loadScenario            load YAML → expand CSV → merge layers → validate → normalise
 *     ▼
 *   LoadedScenario { scenario: Scenario, hash, layers }
 *     │ buildPlanningModel      one builder per constraint family, solver-neutral
 *     ▼
 *   PlanningModel { ctx.model: LinearModel, stages }
 *     │ solveStages             shortfall → cost → (smoothing), each optimum fixed; duals;
 *     ▼                         elastic diagnosis when infeasible
 *   PlanSolution
 *     │ extractTables           yuan, units, households, shadow prices in planning units
 *     ▼
 *   PlanTables
 *     │ renderPlanFiles         CSV (BOM) + run.json
 *     ▼
 *   files ── writeFolderAtomically ──▶ results/<name>/
 *
 * The engine never prints or exits; the CLI decides what to show and which exit code to use.
 */
import { performance } from "node:perf_hooks";
import { buildPlanningModel } from "./model/build.js";
import { renderDiagnosticsOnly, renderPlanFiles } from "./output/planFiles.js";
import { assertWritable, writeFolderAtomically } from "./output/writeFolder.js";
import { type PlanSolution, solveStages } from "./plan/solvePlan.js";
import { extractTables } from "./results/extract.js";
import type { DiagnosticRow, PlanTables } from "./results/types.js";
import { type CheckedScenario, loadCheckedScenario } from "./loadChecked.js";
import { solverPicker, type SolverChoice } from "./plan/solverChoice.js";
import { ENGINE_VERSION, OUTPUT_VERSION } from "./version.js";

export interface SimulateOptions {
  overlays?: string[];
  solver?: SolverChoice;
  out?: string;
  force?: boolean;
  bom?: boolean;
  /** Write nothing (used by tests and by commands that only need the tables). */
  dryRun?: boolean;
}

export interface SimulationOutcome {
  loaded: CheckedScenario;
  solution: PlanSolution;
  tables: PlanTables;
  outDir: string | null;
  runJson: RunJson;
}

export interface RunJson {
  engine: { name: "renewsim"; version: string; output_version: number };
  scenario: { name: string; file: string; layers: string[]; overlays: string[]; hash: string };
  horizon: { start: number; end: number };
  solver: { requested: SolverChoice };
  status: PlanSolution["status"];
  stages: PlanSolution["stages"];
  objective: Record<string, number>;
  shadow_prices: string;
  timings_seconds: Record<string, number>;
  warnings: string[];
}

export function defaultOutDir(scenarioName: string): string {
  return `results/${scenarioName.replace(/[^\p{L}\p{N}_.-]+/gu, "-")}`;
}

/** Plans a scenario end to end and writes its results folder (unless dryRun). */
export async function simulate(file: string, options: SimulateOptions = {}): Promise<SimulationOutcome> {
  const t0 = performance.now();
  const loaded = loadCheckedScenario(file, { overlays: options.overlays ?? [] });
  const outDir = options.dryRun ? null : (options.out ?? defaultOutDir(loaded.scenario.name));
  if (outDir) assertWritable(outDir, options.force ?? false); // fail before solving, not after
  const t1 = performance.now();
  const pm = buildPlanningModel(loaded.scenario);
  const t2 = performance.now();
  const solution = await solveStages(pm, solverPicker(options.solver ?? "auto"));
  const t3 = performance.now();
  const tables = solution.status === "optimal" ? extractTables(solution) : emptyTables();
  tables.diagnostics = diagnosticsOf(solution, tables);
  const runJson = makeRunJson(file, options, loaded, solution, {
    load: t1 - t0, build: t2 - t1, solve: t3 - t2,
  });
  let written: string | null = null;
  if (outDir) {
    const bom = { bom: options.bom ?? true };
    const files = solution.status === "optimal"
      ? await renderPlanFiles(tables, runJson, loaded.merged, bom)
      : await renderDiagnosticsOnly(tables, runJson, loaded.merged, bom);
    written = writeFolderAtomically(outDir, files, options.force ?? false);
  }
  return { loaded, solution, tables, outDir: written, runJson };
}

function emptyTables(): PlanTables {
  return { plan: [], funding: [], budgets: [], capacity: [], targets: [], diagnostics: [] };
}

/** Conflicts when infeasible; otherwise a warning per missed target and per binding budget. */
export function diagnosticsOf(solution: PlanSolution, tables: PlanTables): DiagnosticRow[] {
  if (solution.status === "infeasible") {
    return solution.conflicts.map((c) => ({ kind: `conflict:${c.kind}`, where: c.where, message: c.message }));
  }
  if (solution.status === "error") return [{ kind: "error", where: "solver", message: solution.message ?? "solver error" }];
  const rows: DiagnosticRow[] = [];
  for (const t of tables.targets) {
    if (!t.met) rows.push({ kind: "target_missed", where: `target[${t.target}]`, message: `${t.kind} target ${t.target} (${t.metric} by ${t.by} in ${t.region_name}) reaches ${t.planned} of ${t.target_value}: short by ${t.shortfall}` });
  }
  for (const b of tables.budgets) {
    if (b.binding) rows.push({ kind: "budget_binding", where: `budget[${b.source},${b.region},${b.year}]`, message: `budget of ${b.source_name} for ${b.region_name} in ${b.year} is fully used` });
  }
  for (const c of tables.capacity) {
    if (c.binding) rows.push({ kind: "capacity_binding", where: `capacity[${c.capacity},${c.year}]`, message: `capacity ${c.capacity} (${c.region_name}) in ${c.year} is fully used` });
  }
  return rows;
}

function makeRunJson(
  file: string,
  options: SimulateOptions,
  loaded: CheckedScenario,
  solution: PlanSolution,
  ms: Record<string, number>,
): RunJson {
  const objective: Record<string, number> = {};
  for (const s of solution.stages) objective[s.stage] = s.objective;
  return {
    engine: { name: "renewsim", version: ENGINE_VERSION, output_version: OUTPUT_VERSION },
    scenario: { name: loaded.scenario.name, file, layers: loaded.layers, overlays: options.overlays ?? [], hash: loaded.hash },
    horizon: loaded.scenario.horizon,
    solver: { requested: options.solver ?? "auto" },
    status: solution.status,
    stages: solution.stages,
    objective,
    shadow_prices: solution.dualMethod,
    timings_seconds: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Number((v / 1000).toFixed(3))])),
    warnings: [],
  };
}
