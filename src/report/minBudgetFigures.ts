/**
 * min-budget's key figures: the scale found, the selected budgets today and at the minimum, and what
 * must be added; to a confidence level, the price of confidence — the government money the plan at λ
 * pays above today's plan without margins (min_budget_funding.csv) — and, as context only, λ₀ of the
 * planned world, a budget below today's, and the budgets above it (analyst s38: that difference was
 * headlined as 把握度的代价, 56.01亿 beside simulate --confidence's 10.57亿).
 */
import { PRICE_OF_CONFIDENCE } from "../format/confidenceLabels.js";
import { formatPercent } from "../format/numbers.js";
import { paidTotals } from "../finance/paidTotals.js";
import { num, records } from "../output/resultTables.js";
import { type KeyFigure, keyFigure as f, probabilityFigure } from "./keyFigure.js";
import { allTargetsMetAtScale } from "./minBudgetTargets.js";
import type { RunContext } from "./runContext.js";

export function minBudgetFigures(ctx: RunContext): KeyFigure[] {
  const rows = records(ctx.tables.get("min_budget.csv"));
  if (ctx.kind !== "min-budget" || rows.length === 0) return [];
  const { scale, totals, confidence } = ctx.runJson as { scale?: unknown; totals?: { ratio?: unknown } | null; confidence?: unknown };
  const lambda = typeof scale === "number" ? scale : totals?.ratio;
  const today = sum(rows.map((r) => num(r.budget_yuan)));
  // Each target's level is asked alone; with two or more targets and --draws, how often the plan at λ
  // meets them all in the same validation draw — below any one target's P(met).
  const all = typeof confidence === "number" ? allTargetsMetAtScale(ctx) : null;
  const joint = all ? [probabilityFigure(ctx, "λ下全部目标同时完成的概率（验证抽样）", "P(all targets met) at λ (validation draws)", all.p_met, all.p_met_se)] : [];
  const needed = sum(rows.map((r) => num(r.min_budget_yuan)));
  return [
    ...(typeof lambda === "number" ? [f("最低预算比例 λ", "Minimum budget scale λ", lambda, "share")] : []),
    f("所选预算（现有）", "Selected budgets today", today, "money"),
    f("最低所需预算", "Minimum budgets", needed, "money"),
    // One scale for every selected budget: the tightest year or region sets it, so the plan at the
    // minimum spends less than the scaled total — what it spends is what a budget office books.
    f("其中按最低预算规划实际使用", "Of which the plan at the minimum uses", sum(rows.map((r) => num(r.used_yuan))), "money"),
    // The headline a briefing states: how much to add (or what could go) against today's budgets.
    needed >= today
      ? f(`需增加的预算（最低所需 − 现有，${today > 0 ? `+${formatPercent(needed / today - 1)}` : "—"}）`, "Budgets to add (minimum − today)", needed - today, "money")
      : f(`可减少的预算（现有 − 最低所需，−${formatPercent(1 - needed / today)}）`, "Budgets that could go (today − minimum)", today - needed, "money"),
    ...(typeof confidence === "number" ? [f("把握度", "Confidence level", confidence, "share"), ...price(ctx, confidence), ...aboveLambda0(ctx, confidence, lambda, today)] : []),
    ...joint,
  ];
}

/**
 * What the plan to the level at λ pays above the plan with today's budgets, without margins: the
 * government money (the price of confidence, as simulate --confidence's) and all sources'.
 */
function price(ctx: RunContext, level: number): KeyFigure[] {
  const paid = paidTotals(records(ctx.tables.get("min_budget_funding.csv")));
  if (!paid) return [];
  // Signed in words, so a plan at λ below today's that pays less never reads "pays −x more".
  const zh = (change: number) => (change >= 0 ? "多付" : "少付");
  const en = (change: number) => (change >= 0 ? "above" : "below");
  const gov = paid.government.change;
  return [
    f(`${PRICE_OF_CONFIDENCE.zh}：比现有预算下的方案${zh(gov)}的政府资金`, `Price of confidence: government money the ${formatPercent(level)} plan at λ pays ${en(gov)} today's plan without margins`, Math.abs(gov), "money"),
    f(`全部资金来源（含居民、企业等）${zh(paid.all.change)}的资金`, `All sources: what the plan at λ pays ${en(paid.all.change)} today's plan (residents, enterprises … included)`, Math.abs(paid.all.change), "money"),
  ];
}

/**
 * Context, not the price: λ₀, the least scale meeting every target in the planned world (below
 * today's budgets in Guangdong), and how far the budgets at λ lie above it.
 */
function aboveLambda0(ctx: RunContext, level: number, lambda: unknown, today: number): KeyFigure[] {
  const lambda0 = ctx.runJson.deterministic_scale;
  if (typeof lambda !== "number" || typeof lambda0 !== "number") return [];
  return [
    f(`计划世界的最低比例 λ₀（不考虑不确定性${frozenBefore(ctx, level)}）`, "Minimum scale in the planned world λ₀", lambda0, "share"),
    f("比确定性最低预算（λ₀）多需的预算", "Budgets above the deterministic minimum (λ₀)", today * (lambda - lambda0), "money"),
  ];
}

/**
 * With --from, the years before it are kept at today's plan — here the plan to the confidence level,
 * which spent more in them than the plain plan, so λ₀ is below plain min-budget's λ for the same years.
 */
function frozenBefore(ctx: RunContext, level: number): string {
  const selection = ctx.runJson.selection as { from?: unknown; from_given?: unknown } | undefined;
  if (typeof selection?.from !== "number" || selection.from_given === false) return ""; // years before an as_of's are actuals
  return `；${selection.from}年以前保持现有 ${formatPercent(level)} 把握度的计划，故低于普通最低预算的比例`;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}
