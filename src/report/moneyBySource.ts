/**
 * Who pays: what each source pays in the plans a finance tool compares, each after the first with
 * its change against it — stress per cut level against 0 % (stress_funding.csv), min-budget at λ
 * against today's budgets (min_budget_funding.csv). A budget scaled or cut that other sources take
 * up leaves a total unchanged; only a table by source says who paid instead.
 */
import { type Label, sentence } from "../format/labels.js";
import { FUNDING_NOT_HELD } from "../format/regionMovesLegend.js";
import { formatMoney, formatMoneyChange, formatPercent } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { sumYuan } from "../results/numbers.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import { bi, table } from "./html.js";
import type { RunContext } from "./runContext.js";
import { startsNotHeldNote } from "./startsHold.js";

/** What a source pays in one plan and, in a plan after the first, its change against it. */
interface Paid {
  used: number;
  change: number | null;
}

interface MoneyBySource {
  title: Label;
  note: Label;
  /** One column per plan, the first the one the others are compared with. */
  plans: Label[];
  /** Per source, its name and per plan what it pays (null: that plan does not exist). */
  sources: { name: string | Label; paid: (Paid | null)[] }[];
}

function moneyBySourceTable(spec: MoneyBySource): string {
  const cell = (p: Paid | null): string => {
    if (!p) return "—";
    return p.change === null || Math.abs(p.change) < REPORT_TOLERANCE.yuan ? formatMoney(p.used) : `${formatMoney(p.used)}（${formatMoneyChange(p.change)}）`;
  };
  const head = [{ zh: "资金来源", en: "Source" }, ...spec.plans];
  return [
    `<h3>${bi(spec.title)}</h3>`,
    table({ head, rows: spec.sources.map((s) => [s.name, ...s.paid.map(cell)]), numeric: head.map((_, j) => j >= 1) }),
    `<p>${bi(spec.note)}</p>`,
  ].join("\n");
}

/**
 * stress: what each source pays at each cut level and its change against 0 % (stress_funding.csv),
 * so a cut taken up by other sources — the province's money paid by cities and counties, with the
 * government total unchanged — shows who paid instead.
 */
export function stressFundingTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("stress_funding.csv"));
  if (rows.length === 0) return "";
  const levels = [...new Set(rows.map((r) => text(r.cut_label)))];
  const sources = [...new Set(rows.map((r) => text(r.source)))];
  // Starts not held near the 0 % plan (households or not): the money follows starts the solver may have picked.
  const chosen = startsNotHeldNote(ctx) ? { zh: FUNDING_NOT_HELD.zh, en: ` ${sentence(FUNDING_NOT_HELD).en}` } : { zh: "", en: "" };
  return moneyBySourceTable({
    title: { zh: "各资金来源的支出（括号内为较0%档位的变化）", en: "Money paid by each source (in brackets: change against the 0% level)" },
    note: {
      zh: `各档位方案中每个资金来源的支出合计（含规划期后的付款年份）。被削减来源少付的部分由其他来源补上时，政府资金合计可能不变。${chosen.zh}`,
      en: `What each source pays in the level's plan (payment years after the horizon included). When other sources take up what a cut source no longer pays, the government total can stay the same.${chosen.en}`,
    },
    plans: levels.map((label) => ({ zh: `削减${label}`, en: `cut ${label}` })),
    sources: sources.map((id) => {
      const own = rows.filter((r) => r.source === id);
      const name = text(own[0].source_name);
      return {
        name: own[0].cut_source === true ? { zh: `${name}（被削减）`, en: `${name} (cut)` } : name,
        paid: levels.map((label, i) => {
          const r = own.find((x) => x.cut_label === label);
          return r && typeof r.used_yuan === "number" ? { used: r.used_yuan, change: i === 0 || typeof r.change_yuan !== "number" ? null : r.change_yuan } : null;
        }),
      };
    }),
  });
}

/**
 * min-budget: what each source pays over the horizon (payment years after it included) in the
 * scenario's own plan and in the plan at λ, with the change (min_budget_funding.csv summed over
 * years, to the fen); the sources whose budgets λ scales marked. Sources that pay nothing in either
 * are left out. With --confidence the plan at λ is the plan to the level, margins included, and
 * where no scale reached every level it is the plan at the largest scale tried (fundingPlans).
 */
export function minBudgetFundingTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("min_budget_funding.csv"));
  if (rows.length === 0) return "";
  const total = (own: Record<string, Cell>[], key: string) => sumYuan(own.map((r) => num(r[key])));
  const today = rows.every((r) => typeof r.today_used_yuan === "number");
  const sources = [...new Set(rows.map((r) => text(r.source)))].flatMap((id) => {
    const own = rows.filter((r) => r.source === id);
    const paid = { today: today ? total(own, "today_used_yuan") : null, used: total(own, "used_yuan") };
    if (paid.used === 0 && !paid.today) return [];
    const name = text(own[0].source_name);
    return [{
      name: own.some((r) => r.scaled_source === true) ? { zh: `${name}（预算按λ缩放）`, en: `${name} (scaled)` } : name,
      paid: [paid.today === null ? null : { used: paid.today, change: null }, { used: paid.used, change: today ? total(own, "change_yuan") : null }],
    }];
  });
  const plans = fundingPlans(ctx);
  return moneyBySourceTable({
    title: plans.title,
    note: {
      zh: "规划期内（含规划期后的付款年份）各资金来源的支出合计；分年数据见 min_budget_funding.csv。按λ缩放的只是所选预算，其他来源（居民、企业、未选的财政资金）可能多付。" +
        plans.note.zh + (today ? "" : "现有预算下没有可行方案，无法比较。"),
      en: "What each source pays over the horizon (payment years after it included); by year in min_budget_funding.csv. λ scales only the selected budgets: the other sources (residents, enterprises, government money not selected) may pay more." +
        plans.note.en + (today ? "" : " Today's budgets give no plan to compare with."),
    },
    plans: [plans.today, plans.at],
    sources,
  });
}

/**
 * The two plans min_budget_funding.csv compares, as the table names them: today's plan is always the
 * plain one (what `simulate FILE` plans, plain min-budget's baseline); the other is the plan at λ —
 * with --confidence (run.json `confidence`) the plan to that level, its margins' cost in the change,
 * and without a scale reaching every level (run.json `status` unreachable) the plan at the largest
 * scale tried, as min_budget_confidence.csv's table is titled.
 */
function fundingPlans(ctx: RunContext): { title: Label; today: Label; at: Label; note: Label } {
  const level = ctx.runJson.confidence;
  if (typeof level !== "number") {
    return {
      title: { zh: "各资金来源的支出：现有预算下的方案与最低预算下的方案（括号内为变化）", en: "Money paid by each source: the plan with today's budgets and the plan at the minimum (in brackets: the change)" },
      today: { zh: "现有预算下的方案", en: "Plan with today's budgets" },
      at: { zh: "最低预算下的方案（λ）", en: "Plan at the minimum (λ)" },
      note: { zh: "", en: "" },
    };
  }
  const alpha = formatPercent(level);
  const today = { zh: "现有预算下的方案（不留余量）", en: "Plan with today's budgets (no margins)" };
  const margins = {
    zh: `现有预算下的方案与不带 --confidence 的 min-budget 相同，不留余量；另一方案为各目标留出余量以达到${alpha}把握度，变化中含余量的费用。`,
    en: ` The plan with today's budgets is plain min-budget's, without margins; the other plans each target's margin for ${alpha} confidence, so the change includes what the margins cost.`,
  };
  if (ctx.runJson.status === "unreachable") {
    const scale = formatPercent(num(records(ctx.tables.get("min_budget_confidence.csv"))[0]?.scale));
    return {
      title: { zh: "各资金来源的支出：现有预算下的方案与所试最大比例下的方案（未能全部达到要求把握度；括号内为变化）", en: "Money paid by each source: the plan with today's budgets and the plan at the largest scale tried (not every level reached; in brackets: the change)" },
      today,
      at: { zh: `所试最大比例 ${scale} 下的方案`, en: `Plan at the largest scale tried, ${scale}` },
      note: {
        zh: margins.zh + "没有任何比例使全部目标达到要求的把握度：所列为所试最大比例下尽量接近要求的方案，并非最低预算。",
        en: margins.en + " No scale made every target reach its level: this is the plan at the largest scale tried, as close to the levels as it gets, not a minimum budget.",
      },
    };
  }
  return {
    title: { zh: `各资金来源的支出：现有预算下的方案与${alpha}把握度的最低预算方案（括号内为变化）`, en: `Money paid by each source: the plan with today's budgets and the ${alpha} plan at the minimum (in brackets: the change)` },
    today,
    at: { zh: `最低预算下${alpha}把握度的方案（λ）`, en: `${alpha} plan at the minimum (λ)` },
    note: margins,
  };
}
