/**
 * Loading as every command needs it: the scenario stage (YAML → merged → validated → normalised)
 * followed by the Monte Carlo section's own checks, so an error in `uncertainty:` is reported
 * with its YAML path and line exactly like any other, before anything is solved or written.
 */
import { UsageError } from "./errors.js";
import { checkUncertainty, uncertaintySectionProblems } from "./montecarlo/uncertaintySchema.js";
import type { Uncertainty } from "./montecarlo/types.js";
import { fundabilityProblems } from "./scenario/checkFundable.js";
import { inputLocator, type InputLocator } from "./scenario/inputPlace.js";
import { type LoadedScenario, type LoadOptions, loadScenario, scenarioErrorAt } from "./scenario/index.js";
import type { SectionChecks } from "./scenario/validate.js";

export interface CheckedScenario extends LoadedScenario {
  uncertainty: Uncertainty;
  /** Where an entry is written, as diagnoses print it (`scenario.yaml:37`, `data/budgets.csv:12`). */
  place: InputLocator;
}

/**
 * The `uncertainty:` section's problems that need no validated scenario (its own text, its
 * references against the ids the document declares), listed with the scenario's when it has any (one round).
 */
const uncertaintySection: SectionChecks = (merged, writtenAt, ids) =>
  uncertaintySectionProblems(merged.uncertainty, (p) => writtenAt(["uncertainty", ...p]), ids).map((p) => ({ path: ["uncertainty", ...p.path], message: p.message }));

export function loadCheckedScenario(file: string, options: LoadOptions = {}): CheckedScenario {
  const loaded = loadScenario(file, { ...options, laterSections: uncertaintySection });
  const unfundable = fundabilityProblems(loaded.scenario);
  const { value, problems } = checkUncertainty(loaded.scenario.uncertainty, loaded.scenario, (p) => loaded.locate(["uncertainty", ...p]).written);
  const all = [...unfundable, ...problems.map((p) => ({ path: ["uncertainty", ...p.path], message: p.message }))];
  if (all.length > 0 || !value) throw scenarioErrorAt(loaded, all) ?? new Error("scenario rejected");
  return { ...loaded, uncertainty: value, place: inputLocator(loaded.file, loaded.locate) };
}

/**
 * `--strict`: a scenario that loads with notes (a budget year missing, read as unlimited money; a
 * budget table that looks typed in the wrong unit …) is refused, exit 2, before anything is planned
 * or written — each note counts as a problem, except those on how a file was read (a CSV read as
 * GBK: an office's Excel saves them so). `listed`: the notes were printed already (above).
 */
export function refuseNotes(loaded: CheckedScenario, listed: boolean): void {
  // How a file was read (GBK) is information, not a problem with the figures.
  const read = new Set(loaded.readNotices.map((note) => note.en));
  const problems = loaded.notices.filter((note) => !read.has(note.en));
  const n = problems.length;
  if (n === 0) return;
  const head = `--strict: ${n} note${n === 1 ? "" : "s"} about the scenario${listed ? " (above)" : ""} count${n === 1 ? "s" : ""} as ${n === 1 ? "a problem" : "problems"}`;
  throw new UsageError(listed ? head : `${head}:\n${problems.map((note) => `  - ${note.en}`).join("\n")}`);
}
