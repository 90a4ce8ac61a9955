/** Which session solves a model, as `--solver` asks; `auto` follows the measured rule in auto.ts. */
import { UsageError } from "../errors.js";
import type { LinearModel } from "../model/types.js";
import { autoSolverName, jslpThenHighs, type SolverChoice, solverFor } from "./auto.js";
import { newHighsSession } from "./newHighsSession.js";
import { RebuildSession } from "./rebuildSession.js";
import type { SolverSession } from "./types.js";

/**
 * Most columns `--solver jslp` accepts: javascript-lp-solver often gives no answer from ~150
 * columns and gave none at 303 in the crossover sweep (docs/solvers.md), so a larger plan would run
 * for minutes and end in nothing; the request is refused at once instead.
 */
export const JSLP_MAX_REQUESTED_COLUMNS = 300;

/** A session for `model` (not loaded yet). */
export function sessionFor(model: LinearModel, requested: SolverChoice): SolverSession {
  if (requested === "jslp") {
    const columns = model.variables.length;
    if (columns > JSLP_MAX_REQUESTED_COLUMNS) {
      throw new UsageError(`--solver jslp is for small models (up to ${JSLP_MAX_REQUESTED_COLUMNS} columns; javascript-lp-solver gives no answer on larger ones, docs/solvers.md); this plan has ${columns.toLocaleString("en-US")}: use --solver highs or auto`);
    }
    return new RebuildSession(solverFor("jslp"));
  }
  if (requested === "auto" && autoSolverName(model) === "jslp") return new RebuildSession(jslpThenHighs);
  return newHighsSession();
}
