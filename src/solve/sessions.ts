/** Which session solves a model, as `--solver` asks; `auto` follows the measured rule in auto.ts. */
import type { LinearModel } from "../model/types.js";
import { autoSolverName, jslpThenHighs, type SolverChoice, solverFor } from "./auto.js";
import { newHighsSession } from "./newHighsSession.js";
import { RebuildSession } from "./rebuildSession.js";
import type { SolverSession } from "./types.js";

/** A session for `model` (not loaded yet). */
export function sessionFor(model: LinearModel, requested: SolverChoice): SolverSession {
  if (requested === "jslp") return new RebuildSession(solverFor("jslp"));
  if (requested === "auto" && autoSolverName(model) === "jslp") return new RebuildSession(jslpThenHighs);
  return newHighsSession();
}
