/**
 * `simulate stress` end to end, in the frame every folder command shares (folderRun.ts):
 *
 *   FolderRun.open ─▶ CheckedScenario ─ resolveSelection ─▶ BudgetSelection (checked before the folder)
 *     │ runStress        one plan per cut level (0 % first; none more when it has no plan); with
 *     ▼                  --confidence each level is planned to the level (stressConfidence.ts),
 *   StressLevel[]        with --draws validated on common random numbers (stressMonteCarlo.ts)
 *     │ renderStressFiles  stress.csv, stress_summary.csv, stress_funding.csv, stress_starts.csv, input.yaml, run.json, report, workbook
 *     ▼
 *   FolderRun.write
 */
import { DEFAULT_CALIBRATION_DRAWS } from "../confidence/planToConfidence.js";
import { checkConfidenceRequest, checkValidationDraws, confidenceSeeds, type ConfidenceRequest, type ValidationDraws, validationRun } from "../confidence/request.js";
import { UsageError } from "../errors.js";
import { type FolderRequest, FolderRun } from "../folderRun.js";
import type { CheckedScenario } from "../loadChecked.js";
import type { SolverChoice } from "../solve/auto.js";
import { amountsNote, cutFractions, type CutSpec, levelNamer } from "./cutSpec.js";
import { selectedBudgetTotal } from "./cuts.js";
import { financeRunJson, type FinanceRunJson } from "./runInfo.js";
import { noUncertaintyNotes, notesOfPlans } from "../runWarnings.js";
import type { Label } from "../format/labels.js";
import { type BudgetSelection, resolveSelection } from "./selection.js";
import { levelStatus, runStress, type StressLevel, type StressOptions } from "./stress.js";
import { confidenceAtEveryLevel } from "./stressConfidence.js";
import { monteCarloAtEveryLevel } from "./stressMonteCarlo.js";
import { renderStressFiles } from "./stressReport.js";
import { householdsCountedNotes } from "./stressTables.js";

export interface StressRequest extends FolderRequest {
  cut: CutSpec;
  /** `--from`: cut budgets from this year on (null: every year as_of leaves open). */
  from: number | null;
  /** `--to`: the last year cut (null: every year from `from` on). */
  to?: number | null;
  /** `--region`: cut only budgets at this node and below. */
  region: string | null;
  solver: SolverChoice;
  /** `--confidence` (its level is required) and the calibration sample. */
  confidence?: ConfidenceRequest;
  /** `--draws`: P(met) of every level's plan on common random numbers. */
  validation?: ValidationDraws;
  progress?: StressOptions["progress"];
}

export interface StressOutcome {
  loaded: CheckedScenario;
  selection: BudgetSelection;
  levels: StressLevel[];
  runJson: FinanceRunJson;
  /** How amount levels (`--cut government=5亿`) became shares, for the printed heading; "" if none. */
  cutNote: string;
  /** The folder written (absolute). */
  outDir: string;
  /** Notes on the run to print with the table (also in run.json's warnings): what counts as households, no uncertain inputs. */
  notes: Label[];
}

export async function stressFolder(file: string, request: StressRequest): Promise<StressOutcome> {
  const { confidence, validation, solver } = request;
  checkValidationDraws(validation); // bad flags: nothing loaded or written
  if (confidence) {
    if (confidence.level === undefined) throw new UsageError("the calibration options apply to stress --confidence");
    checkConfidenceRequest(confidence);
  }
  const run = FolderRun.open(file, request, "-stress", (loaded) => {
    const selection = resolveSelection(loaded.scenario, { selector: request.cut.selector, from: request.from, to: request.to, region: request.region });
    const selected = selectedBudgetTotal(loaded.scenario, selection);
    return {
      selection, selected,
      cuts: cutFractions(request.cut, selected),
      seeds: confidence ? confidenceSeeds(loaded, confidence, validation?.seed, Boolean(validation)) : null,
    };
  });
  const { loaded, checked: { selection, selected, cuts, seeds } } = run;
  const draws = validationRun(loaded, validation);
  const notes = [
    ...householdsCountedNotes(loaded.scenario),
    ...noUncertaintyNotes(loaded.uncertainty.inputs.length, { confidence: Boolean(confidence), draws: draws !== null }),
  ];
  const planning = seeds && confidence?.level !== undefined
    ? confidenceAtEveryLevel(loaded, { level: confidence.level, calibrationSeed: seeds.calibration, calibrationDraws: confidence.calibrationDraws }, solver)
    : null;
  const onLevel = draws ? monteCarloAtEveryLevel(loaded.uncertainty, draws, planning?.onLevel) : planning?.onLevel;
  const levels = await runStress(loaded.scenario, selection, cuts, {
    solver, progress: request.progress, plan: planning?.plan, onLevel, locate: loaded.place, labelOf: levelNamer(request.cut, selected),
  });
  const runJson = financeRunJson("stress", run, selection, solver, {
    cut: { selector: request.cut.selector.kind ?? "sources", levels: levels.map((l) => l.cut), selected_yuan: selected, ...(request.cut.amounts.length > 0 ? { amounts_yuan: request.cut.amounts } : {}) },
    confidence: confidence?.level ?? null,
    calibration: seeds ? { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: confidence?.calibrationDraws ?? DEFAULT_CALIBRATION_DRAWS } : null,
    monte_carlo: draws ? { mode: "evaluate", seed: draws.seed, seed_from: draws.seedFrom, draws: draws.draws, workers: draws.workers, common_random_numbers: true } : null,
    // Each level's stages as a plan's run.json records them (seconds; an integer stage's gap and proof).
    // A level not planned (the 0 % level has no plan) has no stages.
    levels: levels.map((l) => ({ cut: l.cut, status: levelStatus(l), stages: l.planned?.solution.stages ?? [] })),
  }, [...notesOfPlans(levels.flatMap((l) => (l.planned ? [{ plan: { en: `cut ${l.label}`, zh: `削减${l.label}` }, notes: l.planned.solution.warnings }] : []))), ...notes]);
  const files = await renderStressFiles(levels, runJson, loaded.merged, { bom: request.bom ?? true, xlsx: request.xlsx, cutSources: selection.sourceIds });
  return { loaded, selection, levels, runJson, cutNote: amountsNote(request.cut, selected), outDir: run.write(files), notes };
}
