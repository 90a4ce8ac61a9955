/**
 * The planning pipeline, one named type per stage:
 *
 *   scenario.yaml (+ --with overlays)
 *     │ loadCheckedScenario     load YAML → expand CSV → merge layers → validate → normalise;
 *     ▼                         the uncertainty section checked too (loadChecked.ts); called by
 *                               FolderRun.open (folderRun.ts), the frame stress, min-budget and
 *                               frontier run their own stages in too
 *   CheckedScenario { scenario: Scenario, uncertainty, hash, layers, place }
 *     │ buildPlanningModel      one builder per constraint family, solver-neutral
 *     ▼
 *   PlanningModel { ctx.model: LinearModel, stages }
 *     │ solveStages             shortfall → cost → (smoothing), each optimum fixed; duals;
 *     ▼                         elastic diagnosis when infeasible
 *                               (--confidence / objective.confidence: planToConfidence adds a
 *                               margin stage calibrated on a calibration sample, docs/confidence.md)
 *   PlanSolution
 *     │ extractTables           yuan, units, households, shadow prices in planning units
 *     ▼
 *   PlanTables
 *     │ renderPlanFiles         CSV (BOM) + run.json + input.yaml; withOfficeFiles: report.html, results.xlsx
 *     ▼
 *   files ── FolderRun.write ──▶ results/<name>/ (all or nothing)
 *     ▲
 *     │ Monte Carlo, with --draws / --precision and an optimal plan:
 *     │
 *   PlanSolution + Uncertainty (seed: --seed › uncertainty.seed › seed › DEFAULT_SEED)
 *     │ runMonteCarlo           execute (or re-plan) the plan in each sampled world, on worker
 *     ▼                         threads; --precision: batches of 1000 until every P(met) SE ≤ it, P(all met)'s too
 *   OutcomeShard                every draw's metrics, in draw order
 *     │ monteCarloTables        whole run: targets.csv (+ p_met …), mc_summary, sensitivity, draws
 *     │ renderShardFile         --shard k/n: shard.json instead (combined by `simulate merge`)
 *     └────────────────────────▶ added to the files above
 *
 * The engine never prints or exits; the CLI decides what to show and which exit code to use.
 */
import type { Label } from "./format/labels.js";
import { performance } from "node:perf_hooks";
import { UsageError } from "./errors.js";
import { FolderRun, type FolderRequest } from "./folderRun.js";
import { renderInputAhead, withOfficeFiles } from "./output/officeFiles.js";
import { renderDiagnosticsOnly, renderPlanFiles } from "./output/planFiles.js";
import { type PlannedScenario, planScenario } from "./plan/planScenario.js";
import { confidenceRunInfo, withConfidence } from "./confidence/confidenceTables.js";
import { type ConfidenceOutcome, planToConfidence, wantsConfidence } from "./confidence/planToConfidence.js";
import { checkConfidenceRequest, type ConfidenceRequest, confidenceSeeds } from "./confidence/request.js";
import type { PlanSolution } from "./plan/solvePlan.js";
import type { PlanTables } from "./results/types.js";
import type { CheckedScenario } from "./loadChecked.js";
import type { SolverChoice } from "./solve/auto.js";
import { ENGINE_VERSION, OUTPUT_VERSION } from "./version.js";
import { addRunWarning, fewerWorkers, NO_UNCERTAINTY_FOR_CONFIDENCE, precisionNotReached, NO_UNCERTAINTY_FOR_DRAWS, runWarningFields, unitSlipFields } from "./runWarnings.js";
import { type McRunInfo, type McTables, monteCarloTables, QUANTILE_METHOD, renderMonteCarloFiles } from "./montecarlo/mcFiles.js";
import {
  checkDrawMemory, checkMonteCarloRequest, effectiveWorkers, type MonteCarloRequest, type MonteCarloRun, resolveSeed, runMonteCarlo, shardRange,
} from "./montecarlo/monteCarlo.js";
import { replanWholeUnitsWarnings } from "./montecarlo/replanWholeUnits.js";
import { unbudgetedMoneyNotes } from "./results/unbudgetedMoney.js";
import { freeMoneyNotes } from "./results/freeMoney.js";
import { renderShardFile, SHARD_FILE } from "./montecarlo/shardFiles.js";

export interface SimulateOptions extends FolderRequest {
  solver?: SolverChoice;
  /** Monte Carlo after planning (skipped when the plan is not optimal). */
  monteCarlo?: MonteCarloRequest;
  /** Confidence planning (also when the scenario asks for it): --confidence, --calibration-*. */
  confidence?: ConfidenceRequest;
}

export interface MonteCarloOutcome {
  run: MonteCarloRun;
  /** Null for a shard: its statistics only exist once all shards are merged. */
  tables: McTables | null;
  info: McRunInfo;
}

export interface SimulationOutcome {
  loaded: CheckedScenario;
  solution: PlanSolution;
  tables: PlanTables;
  outDir: string | null;
  runJson: RunJson;
  monteCarlo: MonteCarloOutcome | null;
  /** The confidence plan's calibration and the plain plan it started from (null: plain planning). */
  confidence: ConfidenceOutcome | null;
  /** Notes on the plan itself (money with no cost weight taken at its maximum share), in run.json's warnings too. */
  planNotes: Label[];
}

export interface RunJson {
  engine: { name: "renewsim"; version: string; output_version: number };
  scenario: { name: string; file: string; layers: string[]; overlays: string[]; hash: string };
  horizon: { start: number; end: number };
  /** The scenario's `as_of` as written ("2024-09-30"), or null: the date its actuals run to. */
  as_of: string | null;
  solver: { requested: SolverChoice };
  status: PlanSolution["status"];
  stages: PlanSolution["stages"];
  objective: Record<string, number>;
  shadow_prices: string;
  timings_seconds: Record<string, number>;
  /** English, as printed; `warnings_zh` (RunWarnings) holds the same notes in Chinese. */
  warnings: string[];
  warnings_zh: string[];
  /** Notes on budget tables that look typed in the wrong unit (also among `warnings`); absent when none. */
  unit_slips?: string[];
  unit_slips_zh?: string[];
  confidence?: ReturnType<typeof confidenceRunInfo>;
  monte_carlo?: McRunInfo;
}

/** Plans a scenario end to end and writes its results folder (unless dryRun). */
export async function simulate(file: string, options: SimulateOptions = {}): Promise<SimulationOutcome> {
  if (options.monteCarlo) checkMonteCarloRequest(options.monteCarlo); // bad flags: nothing loaded or written
  if (options.confidence) checkConfidenceRequest(options.confidence);
  const run = FolderRun.open(file, options, "", (loaded) => {
    const wants = wantsConfidence(loaded.scenario, options.confidence?.level);
    if (!wants && options.confidence) throw new UsageError("--calibration-draws and --calibration-seed apply to confidence planning: add --confidence or set objective.confidence");
    return wants ? confidenceSeeds(loaded, options.confidence, options.monteCarlo?.seed, Boolean(options.monteCarlo)) : null;
  });
  const { loaded, outDir, checked: seeds } = run;
  const t1 = performance.now();
  const loadSeconds = run.seconds().load;
  const input = outDir ? renderInputAhead(loaded.merged) : null; // while the solver works
  input?.catch(() => undefined); // awaited when the files are rendered; planning may fail first
  let confidence: ConfidenceOutcome | null = null;
  let planned: PlannedScenario;
  if (seeds) {
    confidence = await planToConfidence(loaded.scenario, loaded.uncertainty, {
      confidence: options.confidence?.level,
      calibrationSeed: seeds.calibration,
      calibrationDraws: options.confidence?.calibrationDraws,
      solver: options.solver ?? "auto",
      onRound: options.confidence?.onRound,
      locate: loaded.place,
      splitPrice: true,
    });
    planned = confidence.planned;
    if (confidence.targets.length > 0) planned.tables.targets = withConfidence(planned.tables.targets, confidence.targets);
  } else {
    planned = await planScenario(loaded.scenario, options.solver ?? "auto", loaded.place);
  }
  const { solution, tables, seconds } = planned;
  if (options.monteCarlo && solution.status === "optimal") checkDrawMemory(options.monteCarlo, solution.pm.ctx, loaded.uncertainty); // before any draw
  const t3 = performance.now();
  const mc = options.monteCarlo && solution.status === "optimal"
    ? await monteCarloStep(loaded, solution, tables, options.monteCarlo, options.bom ?? true, confidence?.targets.map((t) => t.level) ?? null)
    : null;
  const t4 = performance.now();
  const runJson = makeRunJson(file, options, loaded, solution, {
    load: loadSeconds * 1000, build: seconds.build * 1000, solve: confidence ? t3 - t1 : seconds.solve * 1000, ...(mc ? { monte_carlo: t4 - t3 } : {}),
  });
  const planNotes = solution.status === "optimal" ? [...unbudgetedMoneyNotes(loaded.scenario, tables.funding), ...freeMoneyNotes(loaded.scenario, tables)] : [];
  for (const note of planNotes) addRunWarning(runJson, note);
  if (seeds && confidence && confidence.targets.length > 0) {
    runJson.confidence = confidenceRunInfo(confidence, { calibrationFrom: seeds.calibrationFrom, validation: mc ? mc.info.seed : null }, options.confidence?.level ?? loaded.scenario.objective.confidence ?? null);
    if (loaded.uncertainty.inputs.length === 0) addRunWarning(runJson, NO_UNCERTAINTY_FOR_CONFIDENCE);
  }
  if (mc) {
    runJson.monte_carlo = mc.info;
    if (loaded.uncertainty.inputs.length === 0) addRunWarning(runJson, NO_UNCERTAINTY_FOR_DRAWS);
    if (mc.info.mode === "replan") for (const note of replanWholeUnitsWarnings(loaded.scenario)) addRunWarning(runJson, note);

    if (mc.info.precision_short) addRunWarning(runJson, precisionNotReached(mc.info.draws_used, mc.info.precision!, mc.info.precision_short, mc.info.draws_requested !== null));
    const asked = options.monteCarlo!.workers;
    if (mc.info.workers !== asked) addRunWarning(runJson, fewerWorkers(asked, mc.info.workers));
  }
  let written: string | null = null;
  if (outDir) {
    const bom = { bom: options.bom ?? true };
    const files = solution.status === "optimal"
      ? renderPlanFiles(tables, runJson, await input!, bom)
      : renderDiagnosticsOnly(tables, runJson, await input!, bom);
    if (mc?.tables) Object.assign(files, renderMonteCarloFiles(mc.tables, bom));
    if (mc?.shardFile) files[SHARD_FILE] = mc.shardFile;
    written = run.write(await withOfficeFiles(files, { kind: "plan", xlsx: options.xlsx }));
  }
  return { loaded, solution, tables, outDir: written, runJson, monteCarlo: mc && { run: mc.run, tables: mc.tables, info: mc.info }, confidence, planNotes };
}

/** Runs the draws (all, or one shard's) and prepares their tables or shard file. */
async function monteCarloStep(
  loaded: CheckedScenario,
  solution: PlanSolution,
  tables: PlanTables,
  request: MonteCarloRequest,
  bom: boolean,
  /** The confidence plan's margins: annual re-plans (--mode replan) keep them. */
  margins: number[] | null,
): Promise<MonteCarloOutcome & { shardFile: string | null }> {
  const { seed, from } = resolveSeed(request.seed, loaded.uncertainty.seed, loaded.scenario.seed);
  const range = request.shard ? shardRange(request.shard.k, request.shard.n, request.draws!) : undefined;
  const run = await runMonteCarlo(solution, loaded.uncertainty, {
    mode: request.mode, draws: request.draws, precision: request.precision, seed, workers: request.workers, range,
    onProgress: request.onProgress, signal: request.signal, margins,
  });
  const rootRegion = loaded.scenario.rootRegions.join("+");
  const info: McRunInfo = {
    mode: request.mode,
    seed,
    seed_from: from,
    draws_requested: request.draws ?? null,
    draws_used: run.drawsUsed,
    precision: request.precision ?? null,
    ...(request.precision !== undefined && !request.shard
      ? { precision_reached: run.precisionShort === null, ...(run.precisionShort ? { precision_short: run.precisionShort } : {}) }
      : {}),
    workers: effectiveWorkers(request.workers),
    shard: request.shard ? `${request.shard.k}/${request.shard.n}` : null,
    draw_range: range ?? null,
    inputs: loaded.uncertainty.inputs.length,
    quantiles: QUANTILE_METHOD,
  };
  if (request.shard) {
    const shardFile = renderShardFile({
      scenario: { name: loaded.scenario.name, hash: loaded.hash },
      seed,
      mode: request.mode,
      draws_total: request.draws!,
      shard: request.shard,
      range: range!,
      csv_bom: bom,
      save_draws: request.saveDraws ?? false,
      root_region: rootRegion,
      planned_targets: tables.targets,
      layout: run.layout,
    }, run.shard);
    return { run, tables: null, info, shardFile };
  }
  const mcTables = monteCarloTables(run.layout, run.shard, tables.targets, { rootRegion, saveDraws: request.saveDraws ?? false });
  return { run, tables: mcTables, info: { ...info, all_targets_met: mcTables.allTargetsMet }, shardFile: null };
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
    as_of: loaded.scenario.asOf?.text ?? null,
    solver: { requested: options.solver ?? "auto" },
    status: solution.status,
    stages: solution.stages,
    objective,
    shadow_prices: solution.dualMethod,
    timings_seconds: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Number((v / 1000).toFixed(3))])),
    ...runWarningFields([...loaded.notices, ...solution.warnings]),
    ...unitSlipFields(loaded.unitSlips),
  };
}
