/**
 * The coded words of result columns — status `optimal`, kind `soft`, metric `households_started`,
 * limit `budget`, method `lp` … — in planning words, for the workbook's cells: a reader of a sheet
 * sees 最优 and 开工惠及户数, while the CSVs (and run.json) keep the codes for programs.
 */
import { type Label, l, metricLabel, SOURCE_KIND_LABELS, statusLabel, TARGET_KIND_LABELS, wordsFor } from "./labels.js";
import { diagnosticKindLabel, familyLabel } from "./runLabels.js";

const LIMITS: Record<string, Label> = { budget: l("预算", "budget"), capacity: l("施工能力", "capacity") };

const METHODS: Record<string, Label> = {
  lp: l("线性规划对偶价格（lp）", "LP duals (lp)"),
  lp_relaxation: l("整数方案的线性松弛对偶价格（lp_relaxation）", "duals of the LP relaxation (lp_relaxation)"),
};

const CONFIDENCE_STATUS: Record<string, Label> = {
  reached: l("已达到", "reached"),
  limited: l("未达到（受预算、施工能力、存量或其他目标的余量限制）", "not reached (limited)"),
  sample_too_small: l("未达到（校准样本太小）", "not reached (calibration sample too small)"),
  not_converged: l("未达到（余量搜索未收敛）", "not reached (margin search did not converge)"),
  none: l("无要求", "none"),
};

const STEPS: Record<string, Label> = { "1 slot": l("1个施工能力单位", "1 slot") };

const PER: Record<string, Label> = {
  "target unit": l("每目标单位", "per target unit"),
  slot: l("每个施工能力单位", "per slot"),
  unit: l("每个单位", "per unit"),
};

// A code without words reads as itself, which codeLabel drops.
const table = (words: Record<string, Label>) => (code: string): Label => wordsFor(words, code);

/** Per column key, its codes in words; a column not listed holds names, ids or numbers and is shown as written. */
const BY_COLUMN: Record<string, (code: string) => Label> = {
  status: statusLabel,
  // targets.csv and stress.csv: soft / hard; diagnostics.csv: the finding's kind.
  kind: (code) => TARGET_KIND_LABELS[code] ?? diagnosticKindLabel(code),
  metric: metricLabel,
  limit: table(LIMITS),
  method: table(METHODS),
  shadow_price_method: table(METHODS),
  source_kind: table(SOURCE_KIND_LABELS),
  confidence_status: table(CONFIDENCE_STATUS),
  family: familyLabel,
  step: table(STEPS),
  per: table(PER),
};

/** A coded cell in words, or null where the column holds no codes (or this code has no words). */
export function codeLabel(column: string, code: string): Label | null {
  const words = BY_COLUMN[column]?.(code) ?? null;
  return words === null || (words.zh === code && words.en === code) ? null : words;
}

