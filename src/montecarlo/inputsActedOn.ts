/**
 * Which uncertain inputs a mode's draws act on: all of them, except slips in `reoptimize` — a
 * planner with foresight starts early enough, so the re-plan does not apply them (worldModel.ts).
 * Their drawn values are still recorded in draws.csv, but sensitivity.csv leaves them out: a rank
 * correlation with an input the draws ignore only ranks noise.
 */
import type { McMode, UncertainInput } from "./types.js";

export function inputsActedOn(mode: McMode, inputs: readonly UncertainInput[]): string[] {
  return inputs.filter((i) => !(mode === "reoptimize" && i.appliesTo === "slip")).map((i) => i.id);
}
