/**
 * stress --confidence: of one cut level's targets held to a confidence level (stress.csv's
 * confidence_required above 0), how many reach it (confidence_status "reached", the calibration's verdict).
 * "met" counts the targets the plan meets, which under --confidence says little: the printed table,
 * the report and the workbook (达到要求把握度的目标) all count by this one rule.
 */
export interface LevelsReached {
  reached: number;
  held: number;
}

/** `rows`: stress.csv's rows of one cut level (any others are the caller's to leave out). Null where none is held to a level. */
export function levelsReachedAt(rows: readonly Record<string, unknown>[]): LevelsReached | null {
  // A target asking no level (confidence 0: status "none") is not counted, as plan's "1 / 4 targets
  // reach their level" leaves it out (confidenceTables.ts).
  const held = rows.filter((r) => typeof r.confidence_required === "number" && r.confidence_status !== "none");
  if (held.length === 0) return null;
  return { reached: held.filter((r) => r.confidence_status === "reached").length, held: held.length };
}
