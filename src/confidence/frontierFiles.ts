/**
 * Files and the printed table of `simulate frontier`: frontier.csv (one row per level and target,
 * columns in output/columns.ts),
 * run.json, input.yaml, and report.html / results.xlsx made from them.
 */
import { align } from "../finance/stressReport.js";
import { renderJson } from "../finance/runInfo.js";
import { formatCount, formatMoney, formatMoneyChange, formatPercent, formatProbability, STANDARD_ERROR_LEGEND } from "../format/numbers.js";
import { toCsv } from "../output/csv.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { INPUT_FILE, renderInput } from "../output/planFiles.js";
import { FRONTIER_COLUMNS, type FrontierRow } from "../output/columns.js";
import { round } from "../results/numbers.js";
import { READS_BELOW_MARK, readsBelow, readsBelowLegend } from "../format/confidenceLabels.js";
import type { Label } from "../format/labels.js";
import type { Scenario } from "../scenario/types.js";
import { passes } from "./criterion.js";
import type { FrontierResult } from "./frontier.js";
import type { PlanMoney } from "./money.js";
import { requiredLevels } from "./planToConfidence.js";
import { sameMoneyAtEveryLevel, samePlanAtEveryLevel } from "./samePlan.js";

export const FRONTIER_FILE = "frontier.csv";

/** What the printed table shows beside the levels, as frontierFolder computed it for run.json. */
export interface FrontierTable {
  rows: FrontierRow[];
  /** The plan without margins, where the frontier starts. */
  plainMoney: PlanMoney;
  /** sameMoneyNote of the levels, or null. */
  sameMoney: Label | null;
  /** shortMarginsNote of the levels, or null. */
  shortMargins?: Label | null;
  /** curveNote of the levels (how to get the cost–confidence curve), or null. */
  curve?: Label | null;
}

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
        p_all_targets_met: level.allTargetsMet?.p_met ?? null,
        p_all_targets_met_se: level.allTargetsMet?.p_met_se ?? null,
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
export function frontierTable(scenario: Scenario, result: FrontierResult, table: FrontierTable, title: string, draws?: number): string {
  const { rows, sameMoney } = table;
  const lines = [title, ""];
  const plainGov = table.plainMoney.governmentYuan;
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
  if (sameMoney) lines.push(`note: ${sameMoney.en}`);
  if (table.curve) lines.push(`note: ${table.curve.en}`);
  if (table.shortMargins) lines.push(`note: ${table.shortMargins.en}`);
  const validated = result.levels.some((l) => l.validation);
  lines.push("", `planned value by target and level (P(met) ${validated ? `on validation draws, ${STANDARD_ERROR_LEGEND.en}` : "on the calibration sample"}; ✗ = level not reached):`);
  const grid = [["target", ...result.levels.map((l) => formatPercent(l.confidence))]];
  const below: string[] = [];
  for (const t of scenario.targets) {
    const whole = t.metric.startsWith("households") || scenario.programs.find((p) => p.id === t.program)?.integer === true;
    grid.push([t.id, ...result.levels.map((l) => {
      const r = rows.find((x) => x.confidence === l.confidence && x.target === t.id)!;
      const p = r.p_met !== null ? formatProbability(r.p_met, r.p_met_se ?? 0, draws, "en", false) : formatPercent(r.p_met_calibration ?? 0);
      const dagger = readsBelow(r.confidence_reached, r.p_met, r.confidence_required);
      if (dagger) below.push(`${t.id} ${formatPercent(r.p_met_calibration ?? 0)} at the ${formatPercent(l.confidence)} level`);
      return `${formatCount(r.planned_value ?? 0, whole)} (${p})${r.confidence_reached ? "" : " ✗"}${dagger ? ` ${READS_BELOW_MARK}` : ""}`;
    })]);
  }
  // "Are the targets met?" is joint: every target met in the same validation draw, as plan and stress print it.
  if (result.levels.some((l) => l.allTargetsMet)) {
    grid.push(["all targets", ...result.levels.map((l) => (l.allTargetsMet ? formatProbability(l.allTargetsMet.p_met, l.allTargetsMet.p_met_se, draws, "en", false) : "—"))]);
  }
  lines.push(...align(grid));
  if (below.length > 0) lines.push(readsBelowLegend({ zh: below.join("; "), en: below.join("; ") }).en);
  return lines.join("\n") + "\n";
}

/**
 * Every level plans the same government money while a target falls short (null where the levels'
 * money differs, or every target reaches every level); `samePlan` where every target is also planned
 * the same at every level (Guangdong's 343.16亿元 and 8,560.2 / 1,498,899 / 2,464 / 307,704 at 50–95 %).
 */
function levelsAlike(result: FrontierResult, rows: FrontierRow[]): { money: number; samePlan: boolean } | null {
  const money = result.levels.map((l) => l.money.governmentYuan);
  if (money.length < 2 || rows.every((r) => r.confidence_reached)) return null;
  if (!sameMoneyAtEveryLevel(money)) return null;
  return { money: Math.max(...money), samePlan: samePlanAtEveryLevel(rows.map((r) => ({ target: r.target, planned: r.planned_value }))) };
}

/**
 * Every level plans the same government money while a target falls short (a city's frontier read one
 * price from 50 % to 95 %, and its planner asked why). Where the levels' plans differ, a higher level
 * re-divides the money among the targets' margins instead of adding to it; where they are the same
 * plan, nothing is re-divided: the limits holding the short targets bind, and every level gets the
 * plan they allow (a review read "re-divides" beside identical planned values). Null where the
 * levels' money differs or all reach.
 */
export function sameMoneyNote(result: FrontierResult, rows: FrontierRow[]): Label | null {
  const same = levelsAlike(result, rows);
  if (!same) return null;
  const top = result.levels[result.levels.length - 1].confidence;
  const short = rows.filter((r) => r.confidence === top && !r.confidence_reached).length;
  const of = rows.filter((r) => r.confidence === top).length;
  const money = formatMoney(same.money);
  if (same.samePlan) {
    return {
      en: `every level gets the same plan (${money} of government money; every target planned the same at every level), so nothing is re-divided: the budgets (or capacity or stock) that keep targets below their level bind, no more money can be planned, and each level gets the plan they allow; at ${formatPercent(top)} ${short} of ${of} targets fall short`,
      zh: `各把握度档位的方案相同（政府资金均为${money}，各目标在各档位的计划值相同），并没有在各目标之间重新分配资金：使目标达不到把握度的预算（或施工能力、存量）已经用足，无法再安排更多资金，各档位得到的都是它们所允许的同一方案；在${formatPercent(top)}档位，${of}个目标中有${short}个未达到`,
    };
  }
  return {
    en: `every level plans the same government money (${money}, within 0.1 %): a higher level re-divides it among the targets' margins rather than adding any, and at ${formatPercent(top)} ${short} of ${of} targets fall short; simulate min-budget --confidence says what more money would reach a level`,
    zh: `各把握度档位的政府资金相同（${money}，相差不到0.1%）：更高的档位只是在各目标的余量之间重新分配这些资金，并未增加；在${formatPercent(top)}档位，${of}个目标中有${short}个未达到；增加多少资金才能达到某一把握度，请用 simulate min-budget --confidence`,
  };
}

/** How the run was asked for: the scenario file as given, its overlays and the folders it may read. */
export interface FrontierCommandLine {
  file: string;
  overlays?: string[];
  allowOutside?: string[];
  /** The calibration options the frontier was given, so each min-budget run calibrates on its sample. */
  calibrationSeed?: number;
  calibrationDraws?: number;
}

/**
 * Where every level gets the same plan (sameMoneyNote's samePlan), the frontier is not the
 * cost–confidence curve: no level can plan more money, so what each level would take is the minimum
 * budget at that level — one `min-budget --confidence` run per level, named with this run's own file
 * (a review ran it level by level after the flat frontier, and tried a list, which min-budget
 * refuses). Null otherwise.
 */
export function curveNote(result: FrontierResult, rows: FrontierRow[], run: FrontierCommandLine): Label | null {
  if (!levelsAlike(result, rows)?.samePlan) return null;
  const command = ["simulate min-budget", shellWord(run.file), ...(run.overlays ?? []).map((o) => `--with ${shellWord(o)}`), ...(run.allowOutside ?? []).map((o) => `--allow-outside ${shellWord(o)}`),
    ...(run.calibrationSeed !== undefined ? [`--calibration-seed ${run.calibrationSeed}`] : []),
    ...(run.calibrationDraws !== undefined ? [`--calibration-draws ${run.calibrationDraws}`] : []),
    "--source government --confidence α"].join(" ");
  const alphas = result.levels.map((l) => String(l.confidence));
  return {
    en: `this frontier is therefore not the cost–confidence curve: for the budget each level takes (where budgets hold it), run min-budget once per level — ${command} for α = ${alphas.join(", ")} (--source names the budgets to scale)`,
    zh: `因此本前沿不是资金-把握度曲线：各把握度所需的最低预算（受预算所限时），请对每个档位分别运行 ${command}，α 取 ${alphas.join("、")}（--source 指定要缩放的预算）`,
  };
}

/** A path as a shell reads it back: quoted where it holds a space or a character the shell would act on. */
function shellWord(text: string): string {
  return /^[\p{L}\p{N}_./:@%+=,~-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A level's money includes the margins of the targets that stay below it (✗): the margin stage
 * holds them at the plan's best, and that is bought too. Guangdong's frontier showed 343.16亿元 at
 * every level from 50 %, of which the county towns' level, reached, costs 0.02元 and the province
 * margins, never reached, the rest. A frontier does not price the parts (one more plan solve per
 * level); `simulate FILE --confidence α` does. Null where every target reaches every level.
 */
export function shortMarginsNote(result: FrontierResult, rows: FrontierRow[]): Label | null {
  // Levels grouped by the targets short at them: Guangdong's are the same two at every level.
  const groups = new Map<string, string[]>();
  for (const l of result.levels) {
    const short = rows.filter((r) => r.confidence === l.confidence && !r.confidence_reached).map((r) => r.target_name || r.target);
    if (short.length > 0) groups.set(short.join(", "), [...(groups.get(short.join(", ")) ?? []), formatPercent(l.confidence)]);
  }
  if (groups.size === 0) return null;
  const every = groups.size === 1 && [...groups.values()][0].length === result.levels.length;
  const at = (lang: "zh" | "en") => [...groups].map(([names, levels]) => lang === "en"
    ? `${names} ${every ? "at every level" : `at ${levels.join(", ")}`}`
    : `${every ? "各档位" : levels.join("、") + "档位"}：${names.replaceAll(", ", "、")}`).join(lang === "en" ? "; " : "；");
  return {
    en: `a level's government money includes the margins of the targets that stay below it (✗: ${at("en")}), which the plan still holds at its best: it is not what the levels reached cost. simulate FILE --confidence α prices the levels reached apart from those margins`,
    zh: `各档位的政府资金包含未达到该把握度的目标（✗：${at("zh")}）的余量，方案仍按其能达到的最大值保留这些余量，因此不等于已达到的把握度的代价；simulate FILE --confidence α 会把已达到的把握度的代价与这些余量分开列出`,
  };
}
