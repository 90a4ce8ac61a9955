/**
 * Files and the printed table of `simulate frontier`: frontier.csv (one row per level and target,
 * columns in output/columns.ts),
 * run.json, input.yaml, and report.html / results.xlsx made from them.
 */
import { align } from "../finance/stressReport.js";
import { renderJson } from "../finance/runInfo.js";
import { formatCount, formatMoney, formatMoneyChange, formatPercent, formatProbability } from "../format/numbers.js";
import { toCsv } from "../output/csv.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { INPUT_FILE, renderInput } from "../output/planFiles.js";
import { FRONTIER_COLUMNS, type FrontierRow } from "../output/columns.js";
import { round } from "../results/numbers.js";
import type { Scenario } from "../scenario/types.js";
import { passes } from "./criterion.js";
import type { FrontierResult } from "./frontier.js";
import { requiredLevels } from "./planToConfidence.js";

export const FRONTIER_FILE = "frontier.csv";


export function frontierRows(scenario: Scenario, result: FrontierResult): FrontierRow[] {
  const rows: FrontierRow[] = [];
  for (const level of result.levels) {
    const required = requiredLevels(scenario, level.confidence);
    const c = level.calibration;
    scenario.targets.forEach((t, i) => {
      const v = level.validation?.get(t.id);
      rows.push({
        confidence: level.confidence,
        target: t.id,
        target_name: t.name,
        government_used_yuan: level.money.governmentYuan,
        total_used_yuan: level.money.totalYuan,
        planned_value: round(c.planned[i], 4),
        target_value: t.atLeast,
        p_met_calibration: round(c.met[i] / c.draws, 6),
        p_met: v ? v.p_met : null,
        p_met_se: v ? v.p_met_se : null,
        confidence_required: required[i],
        confidence_reached: passes(c.met[i], c.draws, required[i]),
        plan_of_level: result.levels[level.planOf].confidence,
      });
    });
  }
  return rows;
}

export async function renderFrontierFiles(
  rows: FrontierRow[],
  runJson: object,
  merged: unknown,
  options: { bom: boolean; xlsx?: boolean },
): Promise<Record<string, string | Uint8Array>> {
  return withOfficeFiles({
    [FRONTIER_FILE]: toCsv(rows, FRONTIER_COLUMNS, options),
    [INPUT_FILE]: renderInput(merged),
    "run.json": renderJson(runJson),
  }, { kind: "frontier", xlsx: options.xlsx });
}

/**
 * One line per level (money, targets reached), then each target's planned value and P(met) by
 * level. `draws`: the validation draws, when run (for P(met) bounds where no draw or every draw met
 * a target).
 */
export function frontierTable(scenario: Scenario, result: FrontierResult, rows: FrontierRow[], title: string, draws?: number): string {
  const lines = [title, ""];
  const plainGov = result.plain.tables.funding.filter((f) => f.source_kind === "government").reduce((s, f) => s + f.amount_yuan, 0);
  const head = ["confidence", "gov money", "vs plain plan", "all money", "targets sure", "plan of"];
  const body = result.levels.map((l) => {
    const mine = rows.filter((r) => r.confidence === l.confidence);
    return [
      formatPercent(l.confidence), formatMoney(l.money.governmentYuan), formatMoneyChange(l.money.governmentYuan - plainGov),
      formatMoney(l.money.totalYuan), `${mine.filter((r) => r.confidence_reached).length}/${mine.length}`,
      l.planOf === result.levels.indexOf(l) ? "own" : formatPercent(result.levels[l.planOf].confidence),
    ];
  });
  lines.push(`plain plan: government money ${formatMoney(plainGov)}`, ...align([head, ...body]));
  const validated = result.levels.some((l) => l.validation);
  lines.push("", `planned value by target and level (P(met) ${validated ? "on validation draws" : "on the calibration sample"}; ✗ = level not reached):`);
  const grid = [["target", ...result.levels.map((l) => formatPercent(l.confidence))]];
  for (const t of scenario.targets) {
    const whole = t.metric.startsWith("households") || scenario.programs.find((p) => p.id === t.program)?.integer === true;
    grid.push([t.id, ...result.levels.map((l) => {
      const r = rows.find((x) => x.confidence === l.confidence && x.target === t.id)!;
      const p = r.p_met !== null ? formatProbability(r.p_met, r.p_met_se ?? 0, draws) : formatPercent(r.p_met_calibration ?? 0);
      return `${formatCount(r.planned_value ?? 0, whole)} (${p})${r.confidence_reached ? "" : " ✗"}`;
    })]);
  }
  lines.push(...align(grid));
  return lines.join("\n") + "\n";
}
