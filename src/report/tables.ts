/** The report's tables: key figures and per-kind summaries, numbers as people read them. */
import { formatCount, formatMoney, formatPercent, formatTargetRange, STANDARD_ERROR_NOTE } from "../format/numbers.js";
import { householdsLostText } from "../format/householdsLost.js";
import { type Label, metricLabel, reachedLabel, sentence, statusLabel } from "../format/labels.js";
import { diagnosticKindLabel } from "../format/runLabels.js";
import { lowerBoundRule, READS_BELOW_MARK, readsBelow, readsBelowLegend } from "../format/confidenceLabels.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { bi, table } from "./html.js";
import { frontierData } from "./frontierCharts.js";
import { type RegionMove, regionMoves, regionsHoldOf } from "./regionMoves.js";
import { reportRegionsNote } from "../format/regionMovesLegend.js";
import { stressGrid } from "./stressCharts.js";
import type { KeyFigure } from "./keyFigure.js";
import { probability, P_MET_HEAD } from "./probabilityCell.js";
import { folderLabel, inputRecord, runWarnings, type RunContext, targetCountsWholeUnits, targetUnit } from "./runContext.js";
import { pMetMark, SURER_MARK } from "../finance/surerAfterCut.js";
import { stressSurerLegend } from "./surerFigure.js";

export function figureTable(figures: KeyFigure[]): string {
  const shown = (f: KeyFigure): string | Label => {
    if (typeof f.value !== "number") return f.value;
    const number = f.kind === "money" ? formatMoney(f.value) : f.kind === "share" ? formatPercent(f.value) : formatCount(f.value, true);
    return f.suffix ? { zh: number + f.suffix.zh, en: number + f.suffix.en } : number;
  };
  return table({ head: [{ zh: "项目", en: "Item" }, { zh: "数值", en: "Value" }], rows: figures.map((f) => [f.label, shown(f)]), className: "figures" });
}

/** run.json's warnings, one row each, in the page's language (`warnings_zh` or `warnings`). */
export function warningsTable(ctx: RunContext): string {
  const warnings = runWarnings(ctx);
  if (warnings.length === 0) return "";
  return table({ head: [{ zh: "提示（见 run.json）", en: "Note (as in run.json)" }], rows: warnings.map((w) => [w]) });
}

/** Households are whole; units are whole when the plan made them whole (integer programmes). */
export function count(metric: string, x: Cell): string {
  const v = num(x);
  return formatCount(v, metric.startsWith("households") || Number.isInteger(v));
}

export function targetsTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("targets.csv"));
  if (rows.length === 0) return "";
  const mc = rows.some((r) => typeof r.p_met === "number");
  const head = [
    { zh: "目标", en: "Target" }, { zh: "指标", en: "Metric" }, { zh: "单位", en: "Unit" }, { zh: "地区", en: "Region" }, { zh: "完成年份", en: "By" },
    { zh: "目标值", en: "Target value" }, { zh: "计划值", en: "Planned" }, { zh: "完成率", en: "Attainment" },
    ...(mc ? [P_MET_HEAD, { zh: "P10–P90", en: "P10–P90" }] : []),
  ];
  const body = rows.map((r) => {
    const metric = text(r.metric);
    // Whole units where input.yaml plans the programme whole, as the printed summary has it.
    const whole = targetCountsWholeUnits(ctx, r);
    return [
      text(r.name), metricLabel(metric), targetUnit(ctx, r) ?? "", text(r.region_name), String(num(r.by)), count(metric, r.target_value), count(metric, r.planned),
      formatPercent(num(r.attainment)),
      ...(mc ? [probability(ctx, num(r.p_met), num(r.p_met_se)), formatTargetRange(num(r.p10), num(r.p90), whole)] : []),
    ];
  });
  return table({ head, rows: body, numeric: head.map((_, j) => j >= 5) });
}

export function stressSummaryTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("stress_summary.csv"));
  if (rows.length === 0) return "";
  const opt = (v: Cell, f: (x: number) => string) => (typeof v === "number" ? f(v) : "—");
  const lost = (v: Cell) => (typeof v === "number" ? { zh: householdsLostText(v, "zh"), en: householdsLostText(v, "en") } : "—");
  return table({
    head: [
      { zh: "削减", en: "Cut" }, { zh: "求解状态", en: "Status" }, { zh: "完成目标", en: "Targets met" },
      { zh: "预算削减", en: "Budget cut" }, { zh: "政府资金使用", en: "Government used" }, { zh: "减少惠及户数", en: "Households lost" },
    ],
    rows: rows.map((r) => [
      text(r.cut_label), statusLabel(text(r.status)), r.targets_met === null ? "—" : `${num(r.targets_met)} / ${num(r.targets)}`,
      opt(r.budget_cut_yuan, formatMoney), opt(r.government_used_yuan, formatMoney), lost(r.households_lost),
    ]),
    numeric: [false, false, true, true, true, true],
  });
}

/**
 * stress: per cut level the regions that lose most households started against the 0 % plan and
 * those that gain most (stress_summary.csv), by name, and what they mean as the run planned its
 * levels (regionMovesLegend.ts); a folder whose scenario counts no households (no such columns
 * filled) has no table.
 */
export function stressRegionsTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("stress_summary.csv")).filter((r) => r.cut !== 0);
  const moves = rows.map((r) => ({ label: text(r.cut_label), losing: regionMoves(ctx, r.regions_losing_most), gaining: regionMoves(ctx, r.regions_gaining_most) }));
  if (!moves.some((m) => m.losing.length > 0 || m.gaining.length > 0)) return "";
  // One row per rank: the level's label on its first, each region beside its households.
  const pair = (m: RegionMove | undefined) => (m ? [m.name, formatCount(m.households, true)] : ["", ""]);
  const body = moves.flatMap((m) => Array.from({ length: Math.max(1, m.losing.length, m.gaining.length) }, (_, i) => [
    i === 0 ? m.label : "", ...(i === 0 && m.losing.length === 0 ? ["—", ""] : pair(m.losing[i])), ...(i === 0 && m.gaining.length === 0 ? ["—", ""] : pair(m.gaining[i])),
  ]));
  return [
    `<h3>${bi({ zh: "开工户数变化最多的地区（较0%档位）", en: "Regions whose households started change most (against the 0% level)" })}</h3>`,
    table({
      head: [
        { zh: "削减", en: "Cut" }, { zh: "减少最多的地区", en: "Regions losing most" }, { zh: "减少户数", en: "Households lost" },
        { zh: "增加最多的地区", en: "Regions gaining most" }, { zh: "增加户数", en: "Households gained" },
      ],
      rows: body,
      numeric: [false, false, true, false, true],
    }),
    `<p>${bi(reportRegionsNote(regionsHoldOf(ctx, rows)))}</p>`,
  ].join("\n");
}

/**
 * stress: each target at each cut level — planned attainment (✗ missed), and with --draws its P(met)
 * — as a grid a briefing can quote; * marks a level that plans the target above the 0 % plan.
 */
export function stressTargetsTable(ctx: RunContext): string {
  const grid = stressGrid(ctx);
  if (grid.targets.length === 0) return "";
  const everyRow = grid.targets.flatMap((t) => t.rows.filter((r): r is Record<string, Cell> => Boolean(r)));
  let surer = false;
  const body = (cell: (r: Record<string, Cell>) => string | Label, marksSurer = false) => grid.targets.map((t) => {
    const first = t.rows[0];
    return [t.name, count(text(first?.metric), first?.target_value ?? null), ...t.rows.map((r) => {
      if (!r) return "—";
      const shown = cell(r);
      const mark = marksSurer ? pMetMark(r, everyRow) : r.gained_vs_base === true ? " *" : "";
      surer ||= mark === ` ${SURER_MARK}`;
      return typeof shown === "string" ? `${shown}${mark}` : { zh: `${shown.zh}${mark}`, en: `${shown.en}${mark}` };
    })];
  });
  const head = [{ zh: "目标", en: "Target" }, { zh: "目标值", en: "Target value" }, ...grid.levels.map((label) => ({ zh: `削减${label}`, en: `cut ${label}` }))];
  const numeric = head.map((_, j) => j >= 1);
  const attainment = table({ head, rows: body((r) => (typeof r.attainment === "number" ? `${formatPercent(r.attainment)}${r.met === true ? "" : " ✗"}` : "—")), numeric });
  const mc = grid.targets.some((t) => t.rows.some((r) => typeof r?.p_met === "number"));
  const pRows = body((r) => (typeof r.p_met === "number" ? probability(ctx, r.p_met, num(r.p_met_se)) : "—"), true);
  // "Does this cut still meet the targets?" is joint: every target met in the same draw (stressGrid's allTargets).
  const all = grid.allTargets;
  if (all) {
    pRows.push([{ zh: "全部目标同时完成", en: "All targets met" }, "", ...all.p.map((p, i) => (p === null ? "—" : probability(ctx, p, all.se[i] ?? Number.NaN)))]);
  }
  const pMet = mc ? table({ head, rows: pRows, numeric }) : "";
  return [
    `<h3>${bi({ zh: "各目标计划完成率", en: "Planned attainment by target" })}</h3>`, attainment,
    ...(mc ? [`<h3>${bi({ zh: `各目标完成概率（蒙特卡洛，各档位使用相同的抽样；± ${STANDARD_ERROR_NOTE.zh}）`, en: `P(met) by target (Monte Carlo, the same draws at every level; ± ${STANDARD_ERROR_NOTE.en})` })}</h3>`, pMet] : []),
    `<p>${bi({ zh: "✗ 未完成；* 该档位计划值高于0%档位（削减后资金转向该目标）。", en: "✗ missed; * planned above the 0% plan at this level (money moved towards it)." })}</p>`,
    ...(surer ? [`<p>${bi(sentence(stressSurerLegend(ctx)))}</p>`] : []),
  ].join("\n");
}

/** A target's metric from the folder's input.yaml (frontier.csv, min_budget_confidence.csv name the target only); "" if unknown. */
export function inputMetric(ctx: RunContext, target: string): string {
  const metric = inputRecord(ctx, "targets", target)?.metric;
  return typeof metric === "string" ? metric : "";
}

/**
 * frontier: per level the money planned and how many targets reach the level with it (✗ where not
 * all do: that money does not buy the level), then each target at each level, reached or not.
 */
export function frontierTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("frontier.csv"));
  if (rows.length === 0) return "";
  const opt = (v: Cell, f: (x: number) => string) => (typeof v === "number" ? f(v) : "—");
  const f = frontierData(ctx);
  // Each level is asked per target; "are the targets met?" is joint: every target met in the same validation draw.
  const all = f.allTargets;
  const levels = table({
    head: [
      { zh: "把握度", en: "Confidence" }, { zh: "政府资金", en: "Government money" }, { zh: "全部资金", en: "All money" }, { zh: "达到该把握度的目标", en: "Targets reaching the level" },
      ...(all ? [{ zh: `全部目标同时完成的概率（验证抽样，± ${STANDARD_ERROR_NOTE.zh}）`, en: `P(all targets met) (validation draws, ± ${STANDARD_ERROR_NOTE.en})` }] : []),
    ],
    rows: f.levels.map((c, i) => [
      formatPercent(c), opt(f.money.government[i], formatMoney), opt(f.money.total[i], formatMoney),
      f.reach[i].targets === 0 ? "—" : reachedLabel(f.reach[i].reached, f.reach[i].targets),
      ...(all ? [all.p[i] === null ? "—" : probability(ctx, all.p[i]!, all.se[i] ?? Number.NaN)] : []),
    ]),
    numeric: [true, true, true, false, ...(all ? [true] : [])],
  });
  // A verdict reached on the calibration sample beside a validation P(met) below the level: † and the calibration P(met).
  const below = rows.filter((r) => readsBelow(r.confidence_reached === true, typeof r.p_met === "number" ? r.p_met : null, num(r.confidence_required)));
  const reached = (v: Cell): string | Label => (typeof v !== "boolean" ? "—" : v ? { zh: "✓ 达到", en: "✓ reached" } : { zh: "✗ 未达到", en: "✗ not reached" });
  const byTarget = table({
    head: [
      { zh: "把握度", en: "Confidence" }, { zh: "目标", en: "Target" }, { zh: "政府资金", en: "Government money" },
      { zh: "全部资金", en: "All money" }, { zh: "计划值", en: "Planned" }, { zh: "目标值", en: "Target value" }, P_MET_HEAD,
      { zh: "是否达到把握度", en: "Level reached" },
    ],
    rows: rows.map((r) => [
      formatPercent(num(r.confidence)), text(r.target_name), opt(r.government_used_yuan, formatMoney), opt(r.total_used_yuan, formatMoney),
      opt(r.planned_value, (x) => count(inputMetric(ctx, text(r.target)), x)), formatCount(num(r.target_value), true),
      typeof r.p_met === "number" ? markedBelow(probability(ctx, r.p_met, num(r.p_met_se)), below.includes(r)) : "—", reached(r.confidence_reached),
    ]),
    numeric: [true, false, true, true, true, true, true, false],
  });
  const rule = lowerBoundRule({ zh: "、frontier.csv 的 confidence_reached ", en: ", and frontier.csv's confidence_reached" });
  return [
    `<h3>${bi({ zh: "各把握度的资金与达到的目标", en: "Money and targets reaching each level" })}</h3>`, levels,
    `<h3>${bi({ zh: "各目标在各把握度", en: "Each target at each level" })}</h3>`, byTarget,
    `<p>${bi({ zh: `是否达到：${rule.zh}`, en: `Reached: ${rule.en}` })}</p>`,
    ...(below.length > 0 ? [`<p>${bi(sentence(readsBelowLegend(calibrationCases(below))))}</p>`] : []),
  ].join("\n");
}

/** A P(met) cell followed by READS_BELOW_MARK where `marked` (frontier and min-budget --confidence tables). */
export function markedBelow(shown: Label, marked: boolean): Label {
  return marked ? { zh: `${shown.zh} ${READS_BELOW_MARK}`, en: `${shown.en} ${READS_BELOW_MARK}` } : shown;
}

/** Each marked row's calibration P(met) at its level, for readsBelowLegend. */
function calibrationCases(rows: Record<string, Cell>[]): Label {
  const each = rows.map((r) => {
    const [name, cal, level] = [text(r.target_name) || text(r.target), formatPercent(num(r.p_met_calibration)), formatPercent(num(r.confidence))];
    return { zh: `${name}在${level}档位为${cal}`, en: `${name} ${cal} at the ${level} level` };
  });
  return { zh: each.map((e) => e.zh).join("；"), en: each.map((e) => e.en).join("; ") };
}

export function inputDifferencesTable(ctx: RunContext): string {
  // How each folder was run (run.json: a confidence level, Monte Carlo) first, then input.yaml's paths.
  const rows = records(ctx.tables.get("compare.csv")).filter((r) => r.file === "run.json" || r.file === "input.yaml");
  if (rows.length === 0) return "";
  const n = ctx.tables.get("compare.csv")!.columns.filter((c) => /^value_\d+$/.test(c)).length;
  return table({
    head: [{ zh: "输入路径", en: "Input path" }, ...Array.from({ length: n }, (_, i) => capitalised(folderLabel(ctx, i + 1)))],
    rows: rows.slice(0, 60).map((r) => [r.file === "run.json" ? { zh: `运行设置 ${text(r.key)}`, en: `run setting ${text(r.key)}` } : text(r.key), ...Array.from({ length: n }, (_, i) => text(r[`value_${i + 1}`]))]),
  });
}

function capitalised(label: Label): Label {
  return { zh: label.zh, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) };
}

/**
 * Why a plan is infeasible (or what failed): diagnostics.csv as it stands; a stress folder's names
 * the cut level. The message in the page's language: message_zh in the Chinese view, message in the
 * English; a folder written before message_zh (or a row without one) shows message in both.
 */
export function diagnosticsTable(ctx: RunContext): string {
  const diagnostics = ctx.tables.get("diagnostics.csv");
  const rows = records(diagnostics);
  if (rows.length === 0) return "";
  const byCut = diagnostics!.columns.includes("cut_label");
  return table({
    head: [
      ...(byCut ? [{ zh: "削减", en: "Cut" }] : []),
      { zh: "类型", en: "Kind" }, { zh: "位置", en: "Where" }, { zh: "说明", en: "Message" }, { zh: "场景文件位置", en: "Scenario file and line" },
    ],
    rows: rows.slice(0, 200).map((r) => [...(byCut ? [text(r.cut_label)] : []), diagnosticKindLabel(text(r.kind)), text(r.where), messageOf(r), text(r.input_line)]),
  });
}

function messageOf(r: Record<string, Cell>): Label {
  const en = text(r.message);
  return { zh: text(r.message_zh) || en, en };
}

