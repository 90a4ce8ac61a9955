/**
 * report.html for each kind of results folder: plan (and a merged Monte Carlo run), stress,
 * frontier and compare. Sections pick the charts whose tables the folder has.
 */
import { bindingChart, utilisationHeatmap, validityChart } from "./budgetCharts.js";
import { compareCharts } from "./compareCharts.js";
import { frontierCharts } from "./frontierCharts.js";
import { keyFigures } from "./keyFigures.js";
import { moneyChart } from "./moneyChart.js";
import { type Page, renderPage, type Section } from "./page.js";
import { progressChart } from "./progressChart.js";
import { records } from "../output/resultTables.js";
import { type RunContext, scenarioTitle } from "./runContext.js";
import { startsTables } from "./startsTable.js";
import { stressCharts } from "./stressCharts.js";
import type { ChartSpec } from "./svgChart.js";
import { minBudgetChart } from "./minBudgetChart.js";
import { minBudgetTargetsTable } from "./minBudgetTargets.js";
import { minBudgetFundingTable, stressFundingTable } from "./moneyBySource.js";
import { stressStartsTables } from "./stressStartsTable.js";
import { diagnosticsTable, figureTable, frontierTable, inputDifferencesTable, stressRegionsTable, stressSummaryTable, stressTargetsTable, targetsTable, warningsTable } from "./tables.js";
import { tornadoCharts } from "./tornadoChart.js";

const KIND_TITLE = {
  plan: { zh: "规划结果报告", en: "Plan report" },
  merge: { zh: "规划结果报告（合并的蒙特卡洛分片）", en: "Plan report (merged Monte Carlo shards)" },
  stress: { zh: "预算削减压力测试报告", en: "Budget-cut stress report" },
  frontier: { zh: "资金-把握度前沿报告", en: "Money–confidence frontier report" },
  compare: { zh: "方案比较报告", en: "Comparison report" },
  "min-budget": { zh: "最低预算报告", en: "Minimum budget report" },
} as const;

export function renderReport(ctx: RunContext): string {
  const page: Page = {
    title: { zh: `${KIND_TITLE[ctx.kind].zh}：${scenarioTitle(ctx)}`, en: `${KIND_TITLE[ctx.kind].en}: ${scenarioTitle(ctx)}` },
    subtitle: subtitle(ctx),
    sections: [{ title: { zh: "要点", en: "Key figures" }, html: figureTable(keyFigures(ctx)) }, ...sectionsOf(ctx), ...warningsSection(ctx)],
  };
  return renderPage(page);
}

/**
 * The scenario's own description (an office titles its plan, "佛山市城中村改造…（测算稿）") in full —
 * its later sentences are often the caveats ("…非官方数据。") a reader must not lose — then the horizon.
 */
function subtitle(ctx: RunContext): { zh: string; en: string } {
  const description = typeof ctx.input?.description === "string" ? ctx.input.description.trim().replace(/\s*\n\s*/g, " ") : "";
  const lead = description ? `${description} · ` : "";
  if (!ctx.horizon) return { zh: description, en: description };
  return { zh: `${lead}规划期 ${ctx.horizon.start}–${ctx.horizon.end}`, en: `${lead}Horizon ${ctx.horizon.start}–${ctx.horizon.end}` };
}

/** Last: what run.json warns of (unlimited money where a budget is missing, a file read as GBK …). */
function warningsSection(ctx: RunContext): Section[] {
  const html = warningsTable(ctx);
  return html ? [{ title: { zh: "输入与求解提示", en: "Notes on the inputs and the solve" }, html }] : [];
}

function sectionsOf(ctx: RunContext): Section[] {
  switch (ctx.kind) {
    case "plan":
    case "merge":
      return planSections(ctx);
    case "stress": {
      const diagnosis = diagnosticsTable(ctx);
      return [
        { title: { zh: "压力测试", en: "Stress test" }, charts: stressCharts(ctx), html: [stressSummaryTable(ctx), stressRegionsTable(ctx), stressStartsTables(ctx), stressFundingTable(ctx), stressTargetsTable(ctx)].filter(Boolean).join("\n") },
        ...(diagnosis ? [{ title: { zh: "无可行方案的削减水平", en: "Cut levels without a plan" }, html: diagnosis }] : []),
      ];
    }
    case "frontier":
      // Without a plan there are no levels: the folder holds the plan's diagnosis instead.
      if (!ctx.tables.has("frontier.csv")) return [{ title: { zh: "诊断", en: "Diagnostics" }, html: diagnosticsTable(ctx) }];
      return [{ title: { zh: "资金与把握度", en: "Money and confidence" }, charts: frontierCharts(ctx), html: frontierTable(ctx) }];
    case "compare":
      return [{ title: { zh: "变化最大的数值", en: "Largest changes" }, charts: compareCharts(ctx) }, { title: { zh: "不同的输入与运行设置", en: "Inputs and run settings that differ" }, html: inputDifferencesTable(ctx) }];
    case "min-budget": {
      const chart = minBudgetChart(ctx);
      return [{ title: { zh: "最低预算", en: "Minimum budget" }, charts: chart ? [chart] : [], html: [minBudgetTargetsTable(ctx), minBudgetFundingTable(ctx), diagnosticsTable(ctx)].filter(Boolean).join("\n") }];
    }
  }
}

/** A section of tables only, left out where the folder has nothing for it. */
function optional(title: Section["title"], html: string): Section[] {
  return html ? [{ title, html }] : [];
}

function planSections(ctx: RunContext): Section[] {
  const targets = records(ctx.tables.get("targets.csv"));
  if (targets.length === 0) return [{ title: { zh: "诊断", en: "Diagnostics" }, html: diagnosticsTable(ctx) }];
  const limits = [utilisationHeatmap(ctx), bindingChart(ctx), validityChart(ctx)].filter((c): c is ChartSpec => c !== null);
  const sections: Section[] = [
    { title: { zh: "目标进度", en: "Progress towards targets" }, charts: targets.map((t) => progressChart(ctx, t)), html: targetsTable(ctx) },
    ...optional({ zh: "开工计划（分地区、分年度）", en: "Starts by region and year" }, startsTables(ctx)),
    { title: { zh: "资金", en: "Money" }, charts: [moneyChart(ctx)] },
    { title: { zh: "预算与约束", en: "Budgets and limits" }, charts: limits },
  ];
  const tornado = tornadoCharts(ctx);
  if (tornado.length > 0) sections.push({ title: { zh: "敏感性（蒙特卡洛）", en: "Sensitivity (Monte Carlo)" }, charts: tornado });
  return sections;
}
