/**
 * Validation of the merged document: the zod schema, then the cross-field checks, every problem
 * located at the file and line of the layer that supplied the value.
 */
import { crossCheck } from "./crossChecks.js";
import { describeIssue } from "./issueMessages.js";
import { isRecord, type PathKey, type PositionTable, type SourcePos, valueAt } from "./positions.js";
import { ProblemLog } from "./problems.js";
import { ScenarioSchema, type RawScenario } from "./schema.js";

/**
 * Validates a merged scenario document and returns the schema's output (amounts in yuan, shares as
 * fractions). Throws ScenarioError with every problem (including any already in `problems`).
 * `file` names the scenario for problems that no single value is responsible for; `layerFiles`
 * orders the problems by layer.
 */
export function validateMerged(
  merged: unknown,
  positions: PositionTable,
  file: string,
  problems: ProblemLog = new ProblemLog(),
  layerFiles: readonly string[] = [file],
  newRecords?: WeakMap<object, string>,
): RawScenario {
  const fallback: SourcePos = { file, line: null };
  const report = (path: PathKey[], message: string) =>
    problems.add(path, positions.locate(merged, path, fallback), withNewRecordHint(merged, path, message, newRecords));
  const parsed = ScenarioSchema.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const r of describeIssue(issue, merged)) report(r.path, r.message);
    }
  }
  if (isRecord(merged)) crossCheck(merged, report);
  problems.throwIfAny(layerFiles);
  return parsed.data!;
}

/** The message, plus the hint of a misspelt id when the problem lies in a record a later layer added (merge.ts). */
function withNewRecordHint(merged: unknown, path: PathKey[], message: string, newRecords?: WeakMap<object, string>): string {
  if (!newRecords) return message;
  for (let n = 1; n < path.length; n++) {
    const value = valueAt(merged, path.slice(0, n));
    const hint = isRecord(value) ? newRecords.get(value) : undefined;
    if (hint) return `${message}; ${hint}`;
  }
  return message;
}
