/**
 * `simulate min-budget` end to end, in the frame every folder command shares (folderRun.ts):
 *
 *   FolderRun.open ─▶ CheckedScenario ─ resolveSelection ─▶ BudgetSelection (checked before the folder)
 *     │ solveMinBudget          one LP/MILP: the smallest uniform or per-year scale (minBudgetSolve.ts)
 *     │ minBudgetToConfidence   with --confidence: the smallest uniform scale at which every target
 *     ▼                         reaches the level, validated on fresh draws with --draws
 *   MinBudgetResult | MinBudgetConfidenceResult
 *     │ render…Files            min_budget*.csv, input.yaml, run.json, report, workbook
 *     ▼
 *   FolderRun.write             (also when no budget is large enough: the folder holds the diagnosis)
 */
import { minBudgetToConfidence, type MinBudgetConfidenceOptions, type MinBudgetConfidenceResult } from "../confidence/minBudgetConfidence.js";
import { renderMinBudgetConfidenceFiles } from "../confidence/minBudgetConfidenceFiles.js";
import {
  checkConfidenceRequest, checkValidationDraws, type ConfidenceRequest, confidenceSeeds, type ConfidenceSeeds, type ValidationDraws, validationRun, validationRunInfo,
} from "../confidence/request.js";
import { UsageError } from "../errors.js";
import { type FolderRequest, FolderRun } from "../folderRun.js";
import type { CheckedScenario } from "../loadChecked.js";
import { round } from "../results/numbers.js";
import type { SolverChoice } from "../solve/auto.js";
import type { SourceSelector } from "./cutSpec.js";
import { minBudgetTotals, renderMinBudgetFiles } from "./minBudgetReport.js";
import { type MinBudgetResult, solveMinBudget } from "./minBudgetSolve.js";
import { paidTotals } from "./paidTotals.js";
import type { Label } from "../format/labels.js";
import { noUncertaintyNotes } from "../runWarnings.js";
import { financeRunJson } from "./runInfo.js";
import { type BudgetSelection, resolveSelection } from "./selection.js";

export interface MinBudgetRequest extends FolderRequest {
  selector: SourceSelector;
  /** `--from`: scale only budgets from this year on (null: every year as_of leaves open). */
  from: number | null;
  /** `--to`: the last year scaled (null: every year from `from` on). */
  to?: number | null;
  /** `--region`: scale only budgets at this node and below. */
  region: string | null;
  solver: SolverChoice;
  /** `--per-year`: one scale per year (not with `confidence`). */
  perYear?: boolean;
  /** `--confidence` (its level is required) and the calibration sample. */
  confidence?: ConfidenceRequest;
  /** `--draws` (with `confidence` only): the plans at the scale found and 1 % below, on fresh draws. */
  validation?: ValidationDraws;
  onValidationProgress?: (done: number, total: number) => void;
  /** With `confidence`: each scale tried, whether it reached the level, and which plan judged it. */
  onTrial?: MinBudgetConfidenceOptions["onTrial"];
}

export type MinBudgetOutcome = {
  loaded: CheckedScenario;
  selection: BudgetSelection;
  outDir: string;
  /** Notes on the run to print with the answer (also in run.json's warnings): no uncertain inputs. */
  notes: Label[];
} & (
  | { kind: "scale"; result: MinBudgetResult }
  | { kind: "confidence"; result: MinBudgetConfidenceResult }
);

export async function minBudgetFolder(file: string, request: MinBudgetRequest): Promise<MinBudgetOutcome> {
  checkRequest(request); // bad flags: nothing loaded or written
  const run = FolderRun.open(file, request, "-min-budget", (loaded) => ({
    selection: resolveSelection(loaded.scenario, { selector: request.selector, from: request.from, to: request.to, region: request.region }),
    seeds: request.confidence ? confidenceSeeds(loaded, request.confidence, request.validation?.seed, Boolean(request.validation)) : null,
  }));
  const { loaded, checked: { selection, seeds } } = run;
  const options = { bom: request.bom ?? true, xlsx: request.xlsx, locate: loaded.place };
  if (request.confidence) {
    const result = await toConfidence(run, selection, request, request.confidence, seeds!);
    const notes = noUncertaintyNotes(loaded.uncertainty.inputs.length, { confidence: true, draws: Boolean(request.validation) });
    const runJson = financeRunJson("min-budget", run, selection, request.solver, result.details, [...result.result.deterministic.notices, ...notes]);
    const files = await renderMinBudgetConfidenceFiles(loaded.scenario, result.result, runJson, loaded.merged, options);
    return { kind: "confidence", loaded, selection, result: result.result, outDir: run.write(files), notes };
  }
  const result = await solveMinBudget(loaded.scenario, selection, { solver: request.solver, perYear: request.perYear ?? false });
  const runJson = financeRunJson("min-budget", run, selection, request.solver, {
    per_year: result.perYear,
    status: result.status,
    scales: result.scales,
    totals: result.status === "optimal" ? minBudgetTotals(result) : null,
    shadow_prices: result.dualMethod,
    stages: result.stages,
  }, result.notices);
  const files = await renderMinBudgetFiles(result, runJson, loaded.merged, options);
  return { kind: "scale", loaded, selection, result, outDir: run.write(files), notes: [] };
}

function checkRequest(request: MinBudgetRequest): void {
  if (!request.confidence) {
    if (request.validation) throw new UsageError("--draws and the calibration options apply to min-budget --confidence");
    return;
  }
  if (request.confidence.level === undefined) throw new UsageError("--draws and the calibration options apply to min-budget --confidence");
  if (request.perYear) throw new UsageError("--per-year cannot be combined with --confidence: the confidence search scales the budgets uniformly");
  checkConfidenceRequest(request.confidence);
  checkValidationDraws(request.validation);
}

/** The confidence search and what run.json says of it. */
async function toConfidence(run: FolderRun, selection: BudgetSelection, request: MinBudgetRequest, confidence: ConfidenceRequest, seeds: ConfidenceSeeds) {
  const { loaded } = run;
  const validation = validationRun(loaded, request.validation, request.onValidationProgress);
  const result = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, {
    confidence: confidence.level!,
    calibrationSeed: seeds.calibration,
    calibrationDraws: confidence.calibrationDraws,
    solver: request.solver,
    ...(validation ? { validation } : {}),
    ...(request.onTrial ? { onTrial: request.onTrial } : {}),
    ...(confidence.onRound ? { onRound: confidence.onRound } : {}),
  });
  const paid = paidTotals(result.funding);
  const details = {
    confidence: confidence.level,
    status: result.status,
    scale: result.at && result.status === "optimal" ? round(result.at.scale, 9) : null,
    scale_below: result.below ? round(result.below.scale, 9) : result.belowNoPlan ? round(result.belowNoPlan.scale, 9) : null,
    // 1 % less has no plan at all (below λ₀): what must give there, as `simulate` would say it.
    ...(result.belowNoPlan ? { below_no_plan: result.belowNoPlan.conflicts.map((c) => ({ kind: c.kind, where: c.where, message: c.message })) } : {}),
    deterministic_scale: result.deterministic.status === "optimal" ? result.deterministic.scales[0].scale : null,
    // The headline's price (PRICE_OF_CONFIDENCE): only an answer's plan reaches every level.
    ...(paid && result.status === "optimal" ? { price_of_confidence_yuan: paid.government.change, price_of_confidence_all_sources_yuan: paid.all.change } : {}),
    search: result.trials.map((t) => ({ scale: round(t.scale, 9), reached: t.reached, status: t.noPlan ? "infeasible" : "optimal" })),
    calibration: { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: result.calibration.draws, rounds: result.calibration.rounds },
    validation: validation && {
      ...validationRunInfo(validation),
      // With two or more targets: every target met in the same validation draw, at λ and 1 % less
      // (plan's monte_carlo.all_targets_met: p_met, p_met_se, met_draws, draws).
      ...(result.at?.allTargetsMet ? { all_targets_met: result.at.allTargetsMet } : {}),
      ...(result.below?.allTargetsMet ? { all_targets_met_below: result.below.allTargetsMet } : {}),
    },
  };
  return { result, details };
}
