/**
 * The few numbers a reader wants first, shared by the report's header and the workbook's summary
 * sheet: targets met, money by source kind, binding limits, P(met) per target, stress levels.
 */
import { type Label, MET_IN_PLAN, reachedLabel, SOURCE_KIND_LABELS, statusLabel, tailLabel, yearsLabel } from "../format/labels.js";
import { asOfLabel, monteCarloModeLabel } from "../format/runLabels.js";
import { formatPercent, formatScore } from "../format/numbers.js";
import { num, records, text } from "../output/resultTables.js";
import { withoutMargin } from "../montecarlo/withoutMargin.js";
import { levelsReachedAt } from "../finance/stressLevelsReached.js";
import type { OverlayCaveat } from "../finance/compare/overlayCaveat.js";
import { frontierData } from "./frontierCharts.js";
import { type FolderSummary, inputRecord, overlayFiles, type RunContext } from "./runContext.js";
import { confidenceFigure } from "./confidenceFigures.js";
import { marginCost } from "./marginCost.js";
import { minBudgetFigures } from "./minBudgetFigures.js";
import { type KeyFigure, keyFigure as f, probabilityFigure } from "./keyFigure.js";
import { regionsHoldFigure } from "./regionMoves.js";
import { startsHoldFigure } from "./startsHold.js";
import { surerFigures } from "./surerFigure.js";
import { methodsFigures } from "./methodsBlock.js";

export type { KeyFigure };

export function keyFigures(ctx: RunContext): KeyFigure[] {
  const out: KeyFigure[] = [];
  out.push(f("场景", "Scenario", ctx.scenarioName, "text"));
  const overlays = overlayFiles(ctx);
  if (overlays.length > 0) out.push(f("叠加层", "Overlays (--with)", { zh: overlays.join("、"), en: overlays.join(", ") }, "text"));
  if (ctx.horizon) out.push(f("规划期", "Horizon", `${ctx.horizon.start}–${ctx.horizon.end}`, "text"));
  // A monitoring report is read against the date its actuals run to (as_of), not only the horizon.
  // (From run.json: parsing a province's input.yaml here would cost the workbook a sixth of a second.)
  if (typeof ctx.runJson.as_of === "string") {
    const date = asOfLabel(ctx.runJson.as_of); // a date as written; a year alone in words, in each language
    out.push(f("实际进度截至", "Actuals recorded to", date.zh === date.en ? date.zh : date, "text"));
  }
  const status = ctx.runJson.status;
  // A stage stopped at its time limit keeps its best plan and the run stays "optimal": say so here.
  const stopped = Array.isArray(ctx.runJson.stages) && ctx.runJson.stages.some((st) => (st as { status?: unknown })?.status === "time_limit");
  if (typeof status === "string") {
    out.push(f("求解状态", "Status", stopped
      ? { zh: "达到时间上限（保留最好方案，未证明最优）", en: "time limit reached (best plan kept, not proven optimal)" }
      : statusLabel(status), "text"));
  }
  out.push(...unitSlipFigures(ctx));
  const targets = records(ctx.tables.get("targets.csv"));
  if (targets.length > 0) {
    out.push(f(MET_IN_PLAN.zh, MET_IN_PLAN.en, `${targets.filter((t) => t.met === true).length} / ${targets.length}`, "text"));
    for (const t of targets) {
      out.push(f(`完成率：${text(t.name)}`, `Attainment: ${text(t.name)}`, num(t.attainment), "share"));
      if (typeof t.p_met === "number") out.push(probabilityFigure(ctx, `完成概率：${text(t.name)}`, `P(met): ${text(t.name)}`, t.p_met, num(t.p_met_se)));
      const required = confidenceFigure(ctx, t);
      if (required) out.push(required);
    }
    const all = (ctx.runJson.monte_carlo as { all_targets_met?: { p_met?: unknown; p_met_se?: unknown } | null } | undefined)?.all_targets_met;
    // "Are the targets met?" asks for all of them in the same world, which no single P(met) answers.
    if (targets.length > 1 && typeof all?.p_met === "number") {
      out.push(probabilityFigure(ctx, "全部目标同时完成的概率", "P(all targets met)", all.p_met, typeof all.p_met_se === "number" ? all.p_met_se : NaN));
    }
    // How "reached" is judged is the methods block's (methodsFigures, below), said for every level.
    out.push(...marginCost(ctx, targets));
    out.push(...noMargin(ctx, targets));
  }
  const funding = records(ctx.tables.get("funding.csv"));
  if (funding.length > 0) {
    out.push(f("资金合计", "Total money", sum(funding.map((r) => num(r.amount_yuan))), "money"));
    const kinds = new Map<string, number>();
    for (const r of funding) kinds.set(text(r.source_kind), (kinds.get(text(r.source_kind)) ?? 0) + num(r.amount_yuan));
    for (const [kind, amount] of kinds) {
      const label = SOURCE_KIND_LABELS[kind] ?? { zh: kind, en: kind };
      out.push(f(`其中${label.zh}资金`, `of which ${label.en}`, amount, "money"));
    }
  }
  const budgets = records(ctx.tables.get("budgets.csv"));
  if (budgets.length > 0) out.push(f("紧约束预算", "Binding budgets", `${budgets.filter((b) => b.binding === true).length} / ${budgets.length}`, "text"));
  const mc = ctx.runJson.monte_carlo as { draws_used?: number; seed?: number; mode?: string } | undefined;
  if (mc?.draws_used) {
    out.push(f("蒙特卡洛抽样次数", "Monte Carlo draws", mc.draws_used, "count"));
    // P(met) means something else in each mode: the plan as fixed, re-planned yearly, or with foresight.
    if (mc.mode) out.push(f("蒙特卡洛方式", "Monte Carlo mode", monteCarloModeLabel(mc.mode), "text"));
    // "90 % sure of starting" while bills go unpaid is what a finance office asks next: the mean of
    // the total gap is the sum of the per-source, per-year means (mc_summary.csv), exactly.
    const gaps = records(ctx.tables.get("mc_summary.csv")).filter((r) => r.metric === "funding_gap_yuan");
    if (gaps.length > 0) out.push(f("资金缺口（抽样平均，所有来源与年份合计）", "Funding gap (mean over draws, all sources and years)", sum(gaps.map((r) => num(r.mean))), "money"));
  }
  out.push(...cutFigures(ctx));
  const stressTargets = records(ctx.tables.get("stress.csv"));
  for (const s of records(ctx.tables.get("stress_summary.csv"))) {
    // With the weighted shortfall: fewer targets met can still be closer to them (whole towns).
    out.push(f(`削减${text(s.cut_label)}：完成目标`, `Cut ${text(s.cut_label)}: targets met`, s.targets_met === null ? "—" : metWithShortfall(num(s.targets_met), num(s.targets), s.shortfall_objective), "text"));
    // Planned to a confidence level: "met" is the plan's; how many targets got their level is the news.
    const level = levelsReachedAt(stressTargets.filter((t) => t.cut === s.cut));
    if (level) {
      out.push(f(`削减${text(s.cut_label)}：达到要求把握度的目标`, `Cut ${text(s.cut_label)}: targets at their confidence level`, `${level.reached} / ${level.held}`, "text"));
    }
  }
  if (records(ctx.tables.get("stress_summary.csv")).some((s) => typeof s.shortfall_objective === "number" && s.shortfall_objective > 0)) {
    out.push(f("说明：加权缺口", "Note: weighted shortfall", { zh: "各目标缺口占目标值之比，按目标权重加总；0 表示全部完成，数值越大离目标越远", en: "each target's shortfall as a share of it, summed by the targets' weights; 0 = all met" }, "text"));
  }
  out.push(...regionsHoldFigure(ctx));
  out.push(...startsHoldFigure(ctx));
  out.push(...stressNoMargin(ctx, stressTargets));
  out.push(...frontierFigures(ctx));
  out.push(...minBudgetFigures(ctx));
  out.push(...compareFigures(ctx));
  // Last: what every P(met) and level above rests on (one block, the workbook's 概要 too).
  out.push(...methodsFigures(ctx));
  return out;
}

/**
 * "3 / 4（加权缺口 0.017）". A score under 0.001 keeps its significant digits and is called tiny, so
 * it never reads 0.000 — "every target met" by the note below — beside a target missed.
 */
function metWithShortfall(met: number, targets: number, score: unknown): string | Label {
  const shown = `${met} / ${targets}`;
  if (typeof score !== "number" || !(score > 0)) return shown;
  const value = formatScore(score);
  if (score >= 1e-3) return `${shown}（加权缺口 ${value}）`;
  return { zh: `${shown}（加权缺口 ${value}，极小但不为0）`, en: `${shown} (weighted shortfall ${value}: tiny, not 0)` };
}

/**
 * compare: each folder's targets met and money by kind of source, then how many values changed. An
 * overlay re-plans the whole horizon knowing its changes; a cut decided in a later year is stress's
 * question (README), and a reader of "every target met" must be told so — with the printout's other
 * note, on whole units started differently where no input changed (`overlay_notes`, overlayCaveat.ts).
 */
function compareFigures(ctx: RunContext): KeyFigure[] {
  if (!ctx.tables.has("compare.csv")) return [];
  const out: KeyFigure[] = [];
  const folders = (ctx.runJson.folders ?? []) as FolderSummary[];
  folders.forEach((folder, i) => {
    const n = i + 1;
    out.push(f(`方案${n}`, `Folder ${n}`, folder.title, "text"));
    if (folder.targets !== null) out.push(f(`方案${n}：完成目标数`, `Folder ${n}: targets met`, `${folder.targetsMet} / ${folder.targets}`, "text"));
    for (const [kind, yuan] of folder.moneyByKind) {
      const label = SOURCE_KIND_LABELS[kind] ?? { zh: kind, en: kind };
      out.push(f(`方案${n}：${label.zh}资金`, `Folder ${n}: money from ${label.en}`, yuan, "money"));
    }
  });
  for (const { heading, note } of (ctx.runJson.overlay_notes ?? []) as OverlayCaveat[]) out.push(f(heading.zh, heading.en, note, "text"));
  const changed = records(ctx.tables.get("compare.csv")).filter((r) => typeof r.delta_2 === "number" && r.delta_2 !== 0).length;
  out.push(f("变化的数值", "Values that changed", changed, "count"));
  return out;
}

/**
 * stress and min-budget: which budgets were cut or scaled, from when and where, and (stress) to what
 * confidence each level is planned — a provincial cut from 2024 and an all-government cut
 * otherwise read alike.
 */
function cutFigures(ctx: RunContext): KeyFigure[] {
  if (ctx.kind !== "stress" && ctx.kind !== "min-budget") return [];
  const { selection, confidence } = ctx.runJson as { selection?: { sources?: unknown; from?: unknown; from_given?: unknown; to?: unknown; region?: unknown; tail_years?: unknown }; confidence?: unknown };
  if (!selection || !Array.isArray(selection.sources)) return [];
  const named = selection.sources.map((id) => {
    const name = inputRecord(ctx, "sources", id)?.name;
    return typeof name === "string" && name !== "" ? `${name}（${String(id)}）` : String(id);
  });
  const from = typeof selection.from === "number" ? selection.from : null;
  const to = typeof selection.to === "number" ? selection.to : null;
  const tail = Array.isArray(selection.tail_years) && selection.tail_years.length === 2 ? tailLabel(selection.tail_years as [number, number])?.zh ?? "" : "";
  const years = `，${yearsLabel(from, to)?.zh ?? "全部年份"}`;
  const regionName = inputRecord(ctx, "regions", selection.region)?.name;
  const where = typeof selection.region === "string" ? `，${typeof regionName === "string" ? regionName : selection.region}及其下辖地区` : "";
  const what = `${named.join("、")}${years}${where}${tail}`;
  if (ctx.kind === "min-budget") return [f("缩放的预算", "Budgets scaled", what, "text")];
  // Every level keeps the years before --from at the 0 % plan (docs/finance.md): said, not implied.
  // A `from` the scenario's as_of gave (no --from): the years before it are actuals, not a frozen plan.
  const frozen = from === null ? "" : selection.from_given === false ? `；${from}年以前为实绩` : `；${from}年以前各档位均保持0%档位的计划`;
  const out = [f("削减的预算", "Budgets cut", `${what}${frozen}`, "text")];
  const selected = (ctx.runJson.cut as { selected_yuan?: unknown } | undefined)?.selected_yuan;
  if (typeof selected === "number") out.push(f("所选预算合计（削减比例的基数）", "Selected budgets (what the cut shares are of)", selected, "money"));
  if (typeof confidence === "number") out.push(f("各档规划把握度", "Each level planned to", confidence, "share"));
  return out;
}

/**
 * frontier: per level how many targets reach it with the money planned there — stdout's "targets
 * sure 2/4" — so a level's money is not read as buying a level that some targets miss.
 */
function frontierFigures(ctx: RunContext): KeyFigure[] {
  if (ctx.kind !== "frontier") return [];
  const data = frontierData(ctx);
  return data.levels.flatMap((c, i) => {
    const { reached, targets } = data.reach[i];
    return targets === 0 ? [] : [f(`把握度${formatPercent(c)}：达到的目标`, `Confidence ${formatPercent(c)}: targets reaching it`, reachedLabel(reached, targets), "text")];
  });
}

/** Targets planned exactly at their value and mostly missed in the draws: why 100 % sits beside ~0 %. */
function noMargin(ctx: RunContext, targets: ReturnType<typeof records>, at = ""): KeyFigure[] {
  if (!targets.some((t) => typeof t.p_met === "number")) return [];
  const outcomes = targets.map((t) => ({ name: text(t.name), met: t.met === true, p_met: num(t.p_met), planned: num(t.planned), target_value: num(t.target_value) }));
  const mode = (ctx.runJson.monte_carlo as { mode?: unknown } | undefined)?.mode;
  const exact = withoutMargin(outcomes, mode, ctx.runJson.confidence != null);
  if (exact.length === 0) return [];
  const names = exact.map((t) => t.name).join("、");
  const en = exact.map((t) => t.name).join(", ");
  return [f("说明：无余量", "Note: no margin", {
    zh: `${at}${names}：按目标值恰好规划，没有余量，抽样中任何损失都会导致未完成；按要求的把握度规划（如 90%）可得出所需的余量`,
    en: `${at ? "at 0%: " : ""}${en}: planned exactly at the target, with no margin, so any loss in a sampled world misses it; planning to a confidence level (e.g. 90%) plans the margin`,
  }, "text")];
}

/**
 * stress --draws: the 0 % plan's targets without a margin (a cut level that re-balances money
 * towards such a target gives it one, so its P(met) rises as the budget falls), which levels
 * plan a target above the 0 % plan, and which are surer without being planned higher (↑).
 */
function stressNoMargin(ctx: RunContext, rows: ReturnType<typeof records>): KeyFigure[] {
  if (ctx.kind !== "stress") return [];
  const base = rows.filter((r) => r.cut === 0);
  const out = noMargin(ctx, base, "0%档位："); // stress draws evaluate each level's plan
  const gained = rows.filter((r) => r.gained_vs_base === true);
  if (gained.length > 0) {
    const which = gained.map((r) => `削减${text(r.cut_label)}时的${text(r.name)}`).join("、");
    const whichEn = gained.map((r) => `${text(r.name)} at a ${text(r.cut_label)} cut`).join(", ");
    out.push(f("说明：再平衡", "Note: re-balanced", {
      zh: `${which}：计划值高于0%档位（削减后资金转向该目标），故其完成率或完成概率可能高于不削减时`,
      en: `${whichEn}: planned above the 0% plan (the cut moves money towards it), so its attainment or P(met) can be higher than without the cut`,
    }, "text"));
  }
  out.push(...surerFigures(ctx, rows));
  return out;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

/**
 * Budget tables that look typed in the wrong unit (run.json's `unit_slips`), before the targets met:
 * a plan built on 10,000 times the money reads as normal otherwise. One figure per table.
 */
function unitSlipFigures(ctx: RunContext): KeyFigure[] {
  const { unit_slips: en, unit_slips_zh: zh } = ctx.runJson as { unit_slips?: unknown; unit_slips_zh?: unknown };
  if (!Array.isArray(en)) return [];
  const aligned = Array.isArray(zh) && zh.length === en.length;
  return en.flatMap((n, i) => typeof n !== "string" ? [] :
    [f("注意：预算表的金额单位疑似有误", "Warning: a budget table's unit looks wrong", { zh: aligned && typeof zh[i] === "string" ? zh[i] : n, en: n }, "text")]);
}
