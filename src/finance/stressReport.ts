/**
 * Files and the printed table of `simulate stress`. The engine builds strings; the CLI prints
 * them and writes the folder.
 */
import {
  extraColumns, STRESS_COLUMNS, STRESS_DIAGNOSTIC_COLUMNS, STRESS_FUNDING_COLUMNS, STRESS_MC_TARGET_COLUMNS, STRESS_STARTS_COLUMNS, STRESS_SUMMARY_COLUMNS,
} from "../output/columns.js";
import { toCsv } from "../output/csv.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { INPUT_FILE, renderInput } from "../output/planFiles.js";
import { formatCount, formatMoney, formatPercent, formatProbability, probabilityBounds, showsBound, STANDARD_ERROR_LEGEND } from "../format/numbers.js";
import { householdsLostText } from "../format/householdsLost.js";
import { FUNDING_NOT_HELD, MOVED_STARTS, printedRegionsLegend, regionsChosen } from "../format/regionMovesLegend.js";
import { noMarginNote, withoutMargin } from "../montecarlo/withoutMargin.js";
import { renderJson } from "./runInfo.js";
import { levelsReachedAt } from "./stressLevelsReached.js";
import { startsHeldNear, stressRegionsHold } from "./stressRegionsHeld.js";
import { STRESS_DIAGNOSTICS_FILE, stressDiagnosticLines, stressDiagnosticRows } from "./stressDiagnostics.js";
import { basePlan, type StressLevel } from "./stress.js";
import { sourceChangeLines, STRESS_FUNDING_FILE, type StressFundingRow, stressFundingRows } from "./stressFunding.js";
import { STRESS_STARTS_FILE, stressStartsRows } from "./stressStarts.js";
import { startsMoved } from "./stressStartsMoved.js";
import { pMetMark, SURER_MARK, surerLegend } from "./surerAfterCut.js";
import {
  regionsMovingMost, type StressSummaryRow, stressSummaryRows, type StressTargetRow, stressTargetRows, TOP_MOVING_REGIONS,
} from "./stressTables.js";

export const STRESS_FILE = "stress.csv";
export const STRESS_SUMMARY_FILE = "stress_summary.csv";

export async function renderStressFiles(
  levels: StressLevel[],
  runJson: object,
  merged: unknown,
  options: { bom: boolean; xlsx?: boolean; cutSources: readonly string[] },
): Promise<Record<string, string | Uint8Array>> {
  const targets = stressTargetRows(levels);
  const summary = stressSummaryRows(levels);
  const diagnostics = stressDiagnosticRows(levels);
  // The hooks' columns (P(met), calibration), then the judgement made of them (surer_after_cut), when made.
  const judged = STRESS_MC_TARGET_COLUMNS.filter((c) => targets.some((r) => c in r));
  const targetColumns = [...STRESS_COLUMNS, ...extraColumns(targets, [...STRESS_COLUMNS, ...judged]), ...judged] as (keyof StressTargetRow & string)[];
  const summaryColumns = [...STRESS_SUMMARY_COLUMNS, ...extraColumns(summary, STRESS_SUMMARY_COLUMNS)] as (keyof StressSummaryRow & string)[];
  return withOfficeFiles({
    [STRESS_FILE]: toCsv(targets, targetColumns, options),
    [STRESS_SUMMARY_FILE]: toCsv(summary, summaryColumns, options),
    [STRESS_FUNDING_FILE]: toCsv(stressFundingRows(levels, options.cutSources), STRESS_FUNDING_COLUMNS as (keyof StressFundingRow)[], options),
    [STRESS_STARTS_FILE]: toCsv(stressStartsRows(levels), STRESS_STARTS_COLUMNS, options),
    ...(diagnostics.length > 0 ? { [STRESS_DIAGNOSTICS_FILE]: toCsv(diagnostics, STRESS_DIAGNOSTIC_COLUMNS, options) } : {}),
    [INPUT_FILE]: renderInput(merged),
    "run.json": renderJson(runJson),
  }, { kind: "stress", xlsx: options.xlsx });
}

/**
 * The compact table printed after a stress run: one line per level, then who paid instead of the
 * cut sources (`cutSources`, when given), then attainment per target. `draws`: the Monte Carlo draws
 * per level, when run (for P(met) bounds where no draw or every draw met a target).
 */
export function stressTable(levels: StressLevel[], title: string, draws?: number, cutSources?: readonly string[]): string {
  const summary = stressSummaryRows(levels);
  const targets = stressTargetRows(levels);
  // Planned to a confidence level (--confidence): the plan meets its targets with margins to spare,
  // so "met" says little; how many targets reach their level is the news, counted as the report does.
  const reached = levels.map((l) => levelsReachedAt(targets.filter((r) => r.cut === l.cut)));
  const sure = reached.some((r) => r !== null);
  const lines = [title, ""];
  const head = ["cut", "status", "met", ...(sure ? ["at level"] : []), "shortfall obj", "gov money used", "budget cut", "hh lost", "hh lost/亿 cut", "regions losing most (→ gaining)"];
  const regions = summary.map((s, i) => (s.households_lost === null ? { text: "—", gained: false } : regionMoves(levels, i)));
  const rows = summary.map((s, i) => [
    s.cut_label,
    s.status,
    s.targets_met === null ? "—" : `${s.targets_met}/${s.targets}`,
    ...(sure ? [s.targets_met === null || reached[i] === null ? "—" : `${reached[i]!.reached}/${reached[i]!.held}`] : []),
    s.shortfall_objective === null ? "—" : s.shortfall_objective.toFixed(6),
    s.government_used_yuan === null ? "—" : formatMoney(s.government_used_yuan),
    formatMoney(s.budget_cut_yuan),
    s.households_lost === null ? "—" : householdsLostText(s.households_lost, "en"),
    // A rate of under half a household's noise reads 0, as the loss does.
    s.households_lost_per_100m_yuan === null ? "—" : fmt(Math.max(0, s.households_lost_per_100m_yuan)),
    regions[i].text,
  ]);
  lines.push(...align([head, ...rows]));
  if (sure) {
    lines.push("(met: targets the plan meets, planned ≥ target; at level: targets whose plan reaches its required confidence level on the calibration sample — stress.csv's confidence_status, the report's 达到要求把握度的目标)");
    if (summary.some((s) => s.households_lost !== null)) {
      lines.push("(hh lost: households planned for the households targets at 0% minus at this level; every level is planned with margins above its targets, so while a target stays met this is margin given up — less certainty of reaching it — not households short of it, which is stress.csv's shortfall)");
    }
  }
  // Said as the run planned its levels: near the 0 % plan, or one of many equally good plans —
  // then even a level that only names losers needs the legend.
  const hold = stressRegionsHold(levels, sure);
  const legend = regions.some((r) => r.gained) || (!hold.allHeld && regions.some((r) => r.text !== "—" && r.text !== "none"));
  if (legend) lines.push(printedRegionsLegend(hold));
  if (summary.every((s) => s.households_lost === null) && summary.some((s) => s.status === "optimal")) {
    lines.push("(the scenario counts no households — no households target, households_per_unit or households recorded in actuals — so households lost and the regions losing most are not counted)");
  }
  // Every programme's starts, households or not: towns swap between regions where none are counted.
  const starts = stressRegionsHold(levels, sure, startsHeldNear);
  const startsHeld = starts.near && starts.allHeld;
  // Once: a regions legend that said the levels were not held says it of the starts too.
  if (!startsHeld && !(legend && !hold.allHeld) && startsMoved(stressStartsRows(levels))) {
    lines.push(`(${STRESS_STARTS_FILE}, each region's starts against the 0% plan: ${regionsChosen(starts, MOVED_STARTS).en})`);
  }
  const cutYuan = new Map(levels.map((l) => [l.label, l.moneyCutYuan]));
  const bySource = cutSources ? sourceChangeLines(stressFundingRows(levels, cutSources), cutYuan) : [];
  if (bySource.length > 0) {
    const chosen = startsHeld ? "" : `; ${FUNDING_NOT_HELD.en}`;
    lines.push("", `money by source against the 0% plan (paying less → paying more; ${STRESS_FUNDING_FILE}${chosen}):`, ...bySource.map((l) => `  ${l}`));
  }
  const diagnosed = stressDiagnosticLines(levels);
  if (diagnosed.length > 0) lines.push("", "levels without a plan (what would have to give):", ...diagnosed.map((l) => `  ${l}`));
  lines.push("", "planned attainment by target (* = gained vs 0% by re-balancing):");
  const ids = basePlan(levels).scenario.targets.map((t) => t.id);
  const grid = [["target", ...levels.map((l) => l.label)]];
  for (const id of ids) {
    grid.push([id, ...levels.map((l) => cell(targets.find((r) => r.target === id && r.cut === l.cut)))]);
  }
  lines.push(...align(grid));
  if (targets.some((r) => typeof r.p_met === "number")) {
    lines.push("", `P(met) by target (Monte Carlo, common random numbers${sure ? "; each level planned to its confidence level" : ""}; * = planned above the 0% plan; ${STANDARD_ERROR_LEGEND.en}):`);
    const pGrid = [["target", ...levels.map((l) => l.label)]];
    // A P(met) of 0 or 1 is shown by its 95 % bound, the same in every such cell: once, below the table.
    const bounded = new Set<number>();
    let surer = false;
    const pCell = (p: unknown, se: unknown, mark: string) => {
      if (typeof p !== "number") return "—";
      const atBound = showsBound(p, Number(se), draws);
      if (atBound) bounded.add(p);
      return `${atBound ? `${formatPercent(p)} †` : formatProbability(p, Number(se), draws, "en", false)}${mark}`;
    };
    for (const id of ids) {
      pGrid.push([id, ...levels.map((l) => {
        const r = targets.find((x) => x.target === id && x.cut === l.cut);
        if (!r) return "—";
        const mark = pMetMark(r, targets);
        surer ||= mark === ` ${SURER_MARK}`;
        return pCell(r.p_met, r.p_met_se, mark);
      })]);
    }
    // "Does this cut still meet the targets?" is joint: every target met in the same draw, as plan prints it.
    if (ids.length > 1) pGrid.push(["all targets", ...summary.map((s) => pCell(s.p_all_targets_met, s.p_all_targets_met_se, ""))]);
    lines.push(...align(pGrid));
    if (surer) lines.push(surerLegend(sure).en);
    if (bounded.size > 0 && draws !== undefined) {
      const { upper, lower } = probabilityBounds(draws);
      const n = draws.toLocaleString("en-US");
      if (bounded.has(0)) lines.push(`† 0.0%: met in none of the ${n} draws, so at most ${upper}% at 95% confidence`);
      if (bounded.has(1)) lines.push(`† 100.0%: met in all ${n} draws, so at least ${lower}% at 95% confidence`);
    }
    // The 0 % plan executed as planned (stress draws evaluate it): why 100 % sits beside 0 %.
    const base = targets.filter((r) => r.cut === levels[0].cut && typeof r.p_met === "number")
      .map((r) => ({ id: r.target, met: r.met === true, p_met: Number(r.p_met), planned: Number(r.planned), target_value: r.target_value }));
    const exact = withoutMargin(base, "evaluate", sure);
    if (exact.length > 0) lines.push(`at 0%, ${noMarginNote(exact.map((t) => t.id))}`);
  }
  return lines.join("\n") + "\n";
}

/** "乙镇 −5075.58户", and where other regions gain, "→ 甲镇 +5075.58户": a move, not only a loss. */
function regionMoves(levels: StressLevel[], i: number): { text: string; gained: boolean } {
  const level = levels[i].planned;
  if (i === 0 || level?.solution.status !== "optimal") return { text: "—", gained: false };
  const base = basePlan(levels);
  const moved = regionsMovingMost(base.tables, level.tables, TOP_MOVING_REGIONS);
  const lost = moved.losing.map((l) => `${l.region_name} −${fmt(l.households)}户`).join(", ");
  const gained = moved.gaining.map((l) => `${l.region_name} +${fmt(l.households)}户`).join(", ");
  if (!gained) return { text: lost || "none", gained: false };
  return { text: lost ? `${lost} → ${gained}` : gained, gained: true };
}

function cell(row: StressTargetRow | undefined): string {
  if (!row || row.attainment === null) return "—";
  return `${formatPercent(row.attainment)}${row.met ? "" : " ✗"}${row.gained_vs_base ? " *" : ""}`;
}

/** Households: whole, grouped. */
function fmt(x: number): string {
  return formatCount(x, true);
}

/** Left-aligned columns separated by two spaces (CJK characters count double). */
export function align(rows: string[][]): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ""))));
  return rows.map((r) => r.map((c, j) => (j === r.length - 1 ? c : c + " ".repeat(widths[j] - width(c)))).join("  ").trimEnd());
}
