/**
 * Targets planned to be met exactly at their value, and missed in most sampled worlds: "完成率 100%"
 * beside "P(met) 0%" reads as a contradiction unless it is said why (the plan summary, the report's
 * key figures and the workbook's summary sheet say it). Only for a plan executed as planned
 * (evaluate) that was not planned to a confidence level: reoptimize and replan plan again in every
 * draw, and a confidence plan's summary already says what holds a target back.
 */
export interface TargetOutcome {
  met: boolean;
  p_met: number;
  planned: number;
  target_value: number;
}

export function withoutMargin<T extends TargetOutcome>(targets: readonly T[], mode: unknown, confidencePlan: boolean): T[] {
  if (mode !== "evaluate" || confidencePlan) return [];
  return targets.filter((t) => t.met && t.p_met < 0.5 && Math.abs(t.planned - t.target_value) <= NO_MARGIN * Math.max(1, Math.abs(t.target_value)));
}

/** The printed note (plan summary, stress table) naming such targets by id. */
export function noMarginNote(ids: readonly string[]): string {
  return `${ids.join(", ")}: planned to meet the target exactly, with no margin, so any loss in a sampled world misses it; \`--confidence 0.9\` plans the margin that makes each target 90% sure (docs/confidence.md)`;
}

/**
 * "Exactly" within 0.1 %: a plan meets a cheap target a hair above its value when the LP fills a
 * budget (Guangdong's county towns: 2,050.03 for 2,050), which is no margin against a sampled
 * world's losses of several percent.
 */
const NO_MARGIN = 1e-3;
