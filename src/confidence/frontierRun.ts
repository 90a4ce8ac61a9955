/**
 * `simulate frontier` end to end, in the frame every folder command shares (folderRun.ts):
 *
 *   FolderRun.open ─▶ CheckedScenario
 *     │ runFrontier       the plain plan, then one confidence plan per level on one calibration
 *     ▼                   sample (frontier.ts); with --draws each distinct plan validated on fresh draws
 *   FrontierResult
 *     │ frontierRows, renderFrontierFiles   frontier.csv, input.yaml, run.json, report, workbook
 *     ▼
 *   FolderRun.write       (also when the plan without margins has none, or the solver failed on it:
 *                         then no level can be planned, and the folder holds its diagnosis, as plan's)
 */
import { type FolderRequest, FolderRun } from "../folderRun.js";
import { financeRunJson } from "../finance/runInfo.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { renderDiagnosticsOnly, renderInput } from "../output/planFiles.js";
import { noUncertaintyNotes, notesOf } from "../runWarnings.js";
import type { Label } from "../format/labels.js";
import type { CheckedScenario } from "../loadChecked.js";
import type { SolverChoice } from "../solve/auto.js";
import { type FrontierOptions, type FrontierResult, runFrontier } from "./frontier.js";
import { curveNote, type FrontierTable, frontierRows, renderFrontierFiles, sameMoneyNote, shortMarginsNote } from "./frontierFiles.js";
import { planMoney } from "./money.js";
import {
  checkConfidenceRequest, checkValidationDraws, type ConfidenceRequest, confidenceSeeds, type ConfidenceSeeds,
  type ValidationDraws, validationRun, validationRunInfo,
} from "./request.js";

export interface FrontierRequest extends FolderRequest {
  levels: number[];
  solver: SolverChoice;
  /** The calibration sample (its level is ignored: the levels are `levels`). */
  calibration?: Omit<ConfidenceRequest, "level">;
  validation?: ValidationDraws;
  onValidationProgress?: (done: number, total: number) => void;
  onLevel?: FrontierOptions["onLevel"];
}

export interface FrontierOutcome {
  loaded: CheckedScenario;
  result: FrontierResult;
  seeds: ConfidenceSeeds;
  /** The validation run, its seed resolved (null without --draws). */
  validation: ReturnType<typeof validationRun>;
  /**
   * frontier.csv's rows, the plain plan's money and the same-money note, computed once for run.json
   * and the printed table; null when the plain plan has no optimum (the folder holds its diagnosis).
   */
  table: FrontierTable | null;
  outDir: string;
  /** Notes on the run to print with the table (also in run.json's warnings): no uncertain inputs. */
  notes: Label[];
}

export async function frontierFolder(file: string, request: FrontierRequest): Promise<FrontierOutcome> {
  const calibration = request.calibration ?? {};
  checkConfidenceRequest(calibration); // bad flags: nothing loaded or written
  checkValidationDraws(request.validation);
  const run = FolderRun.open(file, request, "-frontier", (loaded) => confidenceSeeds(loaded, calibration, request.validation?.seed, Boolean(request.validation)));
  const { loaded, checked: seeds } = run;
  const validation = validationRun(loaded, request.validation, request.onValidationProgress);
  const result = await runFrontier(loaded.scenario, loaded.uncertainty, {
    levels: request.levels,
    calibrationSeed: seeds.calibration,
    calibrationDraws: calibration.calibrationDraws,
    solver: request.solver,
    ...(validation ? { validation } : {}),
    ...(request.onLevel ? { onLevel: request.onLevel } : {}),
    ...(calibration.onRound ? { onRound: calibration.onRound } : {}),
    locate: loaded.place,
  });
  const plain = result.plain.solution;
  const details = {
    status: plain.status,
    // P(all targets met) per level as plan's run.json has it (monte_carlo.all_targets_met); null without --draws or with one target.
    levels: result.levels.map((l) => ({ confidence: l.confidence, plan_of_level: result.levels[l.planOf].confidence, government_used_yuan: l.money.governmentYuan, all_targets_met: l.allTargetsMet })),
    calibration: { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: result.calibration.draws, rounds: result.calibration.rounds },
    validation: validationRunInfo(validation),
  };
  const planNotes = notesOf({ en: "the plan without margins", zh: "不设余量的方案" }, plain.warnings);
  const notes = noUncertaintyNotes(loaded.uncertainty.inputs.length, { confidence: true, draws: validation !== null });
  const bom = request.bom ?? true;
  if (plain.status !== "optimal") {
    // No level can be planned: the folder is plan's for an infeasible plan (diagnosis, input, run.json, report, workbook).
    const runJson = financeRunJson("frontier", run, null, request.solver, { ...details, plain_plan: null, stages: plain.stages }, planNotes);
    const files = renderDiagnosticsOnly(result.plain.tables, runJson, renderInput(loaded.merged), { bom });
    return { loaded, result, seeds, validation, table: null, outDir: run.write(await withOfficeFiles(files, { kind: "frontier", xlsx: request.xlsx })), notes: [] };
  }
  const rows = frontierRows(loaded.scenario, result);
  const table = {
    rows, plainMoney: planMoney(plain.pm, plain.primal), sameMoney: sameMoneyNote(result, rows), shortMargins: shortMarginsNote(result, rows),
    curve: curveNote(result, rows, { file, overlays: request.overlays, allowOutside: request.allowOutside, calibrationSeed: calibration.calibrationSeed, calibrationDraws: calibration.calibrationDraws }),
  };
  const runJson = financeRunJson("frontier", run, null, request.solver, {
    ...details,
    // The plan without margins, where the frontier starts (the report's first point).
    plain_plan: { government_used_yuan: table.plainMoney.governmentYuan, total_used_yuan: table.plainMoney.totalYuan },
  }, [...planNotes, ...notes, ...[table.sameMoney, table.curve, table.shortMargins].filter((n): n is Label => n !== null)]);
  const files = await renderFrontierFiles(rows, runJson, loaded.merged, { bom, xlsx: request.xlsx });
  return { loaded, result, seeds, validation, table, outDir: run.write(files), notes };
}
