/**
 * The scenario stage of the pipeline: load YAML layers (with source positions) → expand
 * `{file: x.csv}` entries → resolve `extends` and `--with` overlays → deep-merge → validate
 * (schema + cross-field checks) → normalise into the typed `Scenario`.
 * Bad input throws one ScenarioError listing every problem; nothing here prints or exits.
 */
import { resolve } from "node:path";
import type { Label } from "../format/labels.js";
import { scenarioHash } from "./hash.js";
import { modelSizeProblem } from "./checkSize.js";
import { InputFiles } from "./inputFiles.js";
import { collectLayers } from "./layers.js";
import { applyLayer } from "./merge.js";
import { normaliseScenario } from "./normalise.js";
import { formatPath, PositionTable, type PathKey, type SourcePos } from "./positions.js";
import { ProblemLog, ScenarioError } from "./problems.js";
import type { Scenario } from "./types.js";
import { type SectionChecks, validateMerged } from "./validate.js";
import { filePlace, placeLabel } from "./inputPlace.js";
import { budgetAmounts } from "./budgetAmounts.js";
import { type UnitSlipNotes, unitSlips } from "./unitSlips.js";
import { moneyNotices, overriddenPerYear } from "./moneyNotices.js";
import { paidNotices } from "./paidNotices.js";
import { targetNotices } from "./targetNotices.js";
import { implausibleBudgets, implausibleUnitCosts } from "./plausibility.js";

export { ScenarioError, formatProblem, type Problem } from "./problems.js";
export { scenarioJsonSchema } from "./jsonSchema.js";
export { validateMerged } from "./validate.js";
export { applyLayer } from "./merge.js";
export { PositionTable, formatPath, type PathKey, type SourcePos } from "./positions.js";
export { canonicalJson, scenarioHash } from "./hash.js";
export { normaliseScenario } from "./normalise.js";
export { formatPlace, inputLocator, type InputLocator } from "./inputPlace.js";
export type { Scenario } from "./types.js";

export interface LoadOptions {
  /** `--with` overlay files, applied in order after the scenario file. */
  overlays?: string[];
  /** `--allow-outside` folders: references may also point into these (see inputFiles.ts). */
  allowOutside?: string[];
  /** Sections a later stage validates, listed with the scenario's own problems when it has any. */
  laterSections?: SectionChecks;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** Absolute path of the scenario file (the layer the command named). */
  file: string;
  /** The merged raw document (CSV entries expanded, `extends` and nulls removed), before zod transforms. */
  merged: Record<string, unknown>;
  /** sha256 of the canonical (sorted-keys) JSON of `merged`. */
  hash: string;
  /** Absolute paths of the YAML layers in merge order. */
  layers: string[];
  /**
   * Notes on the inputs, in English and Chinese (run.json's `warnings` and `warnings_zh`): how files
   * were read (e.g. a CSV read as GBK), implausible amounts, money left unlimited; often none.
   */
  notices: Label[];
  /**
   * The notices on whole tables of budgets that look typed in the wrong unit (unitSlips.ts), also
   * first among `notices`: a plan built on them means nothing, so summaries and reports show them
   * apart (run.json's `unit_slips`).
   */
  unitSlips: Label[];
  /**
   * The notices on how files were decoded (a CSV read as GBK), also among `notices`: information,
   * not a problem with the figures, so `--strict` does not count them (Excel and WPS save CSV as
   * GBK). A cell's unit note (0.6亿 under 金额（万元）) is not among them: it may be a unit slip.
   */
  readNotices: Label[];
  /** Every file read (layers and CSV tables): what a results folder must never replace. */
  inputs: string[];
  /**
   * File and line of the value at `path` in `merged` (or of its deepest existing parent), so checks
   * made after loading (e.g. of `uncertainty`) can point at the layer that supplied the value.
   */
  locate(path: readonly PathKey[]): SourcePos;
}

/** Loads, merges, validates and normalises a scenario. Throws ScenarioError. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const positions = new PositionTable();
  const problems = new ProblemLog();
  const root = resolve(file);
  const files = new InputFiles(problems, options.allowOutside ?? []);
  const layers = collectLayers(root, options.overlays ?? [], positions, problems, files);
  // An unreadable layer or a YAML syntax error would make every later message misleading: stop
  // here. A bad table row, or a whole data table that cannot be read, is left out instead, and its
  // problems are listed with those the YAML's own checks find below (validate.ts).
  problems.throwIfStopping(layers.map((l) => l.file));
  let merged: Record<string, unknown> = {};
  const newRecords = new WeakMap<object, string>();
  for (const layer of layers) merged = applyLayer(merged, layer.doc, { positions, problems, newRecords, layerFile: layer.file });
  const locate = (path: readonly PathKey[]) => positions.locate(merged, path, { file: root, line: null });
  const place = placeLabel(root, locate, (path) => formatPath(positions.writtenPath(merged, path, locate(path).file)));
  // Notes on the values as written (how a file was read, a cell's unit, a unit slip) are worth
  // seeing in the same round trip as the errors.
  // A whole table in the wrong unit comes first: the plan's figures mean nothing until it is fixed.
  // Once: the written notes and the loaded scenario's `unitSlips` both read it.
  let slipNotes: UnitSlipNotes | undefined;
  const slips = () => (slipNotes ??= unitSlips(budgetAmounts(merged), locate, filePlace(root)));
  const written = () => {
    const { notes, counted } = slips();
    const headerOf = (path: readonly PathKey[]) => locate(path).unitHeader;
    return [...notes, ...files.notices, ...implausibleBudgets(merged, place, counted, headerOf), ...implausibleUnitCosts(merged, place), ...overriddenPerYear(merged, place)];
  };
  const raw = withNotes(() => validateMerged(merged, positions, root, problems, layers.map((l) => l.file), newRecords, options.laterSections), written);
  const scenario = normaliseScenario(raw);
  const writtenNotes = written();
  const tooLarge = modelSizeProblem(scenario);
  if (tooLarge) {
    problems.add("", { file: root, line: null }, tooLarge);
    problems.throwIfAny();
  }
  return {
    scenario,
    file: root,
    merged,
    hash: scenarioHash(merged),
    layers: layers.map((l) => l.file),
    notices: [...writtenNotes, ...moneyNotices(scenario, place), ...paidNotices(scenario, place), ...targetNotices(scenario, place)],
    unitSlips: slips().notes,
    readNotices: [...files.encodingNotices],
    inputs: files.filesRead,
    locate,
  };
}

/**
 * `load()`, its ScenarioError carrying the notes on the values as written. Those checks read a
 * document that failed validation; should one of them trip over it, the problems are still reported.
 */
function withNotes<T>(load: () => T, notes: () => Label[]): T {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    let found: Label[];
    try {
      found = notes();
    } catch {
      throw e;
    }
    throw new ScenarioError(e.problems, found.map((n) => n.en)); // the terminal's language
  }
}

/**
 * A ScenarioError for problems found by a later stage, with paths relative to `prefix` (e.g.
 * `["uncertainty"]` for problems the Monte Carlo module finds in that section); null if none.
 */
export function scenarioErrorAt(
  loaded: LoadedScenario,
  problems: readonly { path: readonly PathKey[]; message: string }[],
  prefix: readonly PathKey[] = [],
): ScenarioError | null {
  const log = new ProblemLog();
  for (const p of problems) {
    const path = [...prefix, ...p.path];
    log.add(path, loaded.locate(path), p.message);
  }
  return log.toError(loaded.layers);
}
