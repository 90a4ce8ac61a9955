/**
 * The frontier report's planned ÷ target chart: its axis starts at 0, so a target planned exactly at
 * its value (no margin, 100 %) has a bar, and a line marks the target.
 */
import { describe, expect, it } from "vitest";
import { frontierCharts } from "../../src/report/frontierCharts.js";
import { runContext } from "../../src/report/runContext.js";

// The county review's frontier: 典型镇 planned 4 of 2 (200 %), 示范主街 5 of 5 (100 %) at every level.
const frontier = [
  "confidence,target,target_name,government_used_yuan,total_used_yuan,planned_value,target_value,p_met_calibration,p_met,p_met_se,confidence_required,confidence_reached,plan_of_level",
  ...[0.5, 0.9].flatMap((c) => [`${c},typical-2025,2025年启动典型镇2个,233680000,331200000,4,2,0.995,0.997,0.001,${c},true,${c}`, `${c},street-all,示范主街全部建成,233680000,331200000,5,5,0.90925,0.909,0.009,${c},false,${c}`]),
].join("\n") + "\n";

describe("planned ÷ target of each target", () => {
  const chart = frontierCharts(runContext("frontier", { "frontier.csv": frontier })).find((c) => c.title.zh === "各目标的计划值 ÷ 目标值")!;
  const option = chart.option("zh") as { yAxis: { min?: unknown; scale?: unknown }; series: { data: (number | null)[]; markLine?: { data: unknown[] } }[] };

  it("starts its axis at 0, so a target planned exactly at its value has a visible bar", () => {
    expect(option.series.map((s) => s.data)).toEqual([[2, 2], [1, 1]]);
    expect(option.yAxis.min).toBe(0);
    expect(option.yAxis.scale).toBeUndefined(); // a scaled axis started at the smallest bar, 100 %, and drew it as nothing
  });

  it("marks the target, 100 %, with a line, and says so in its note", () => {
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 1 }]);
    expect(chart.note?.zh).toContain("红线为目标值（100%）");
  });
});

describe("the money chart of a frontier whose levels all get the same plan", () => {
  const money = (csv: string) => frontierCharts(runContext("frontier", { "frontier.csv": csv }))[0];

  it("says it is not the cost–confidence curve and where the min-budget runs that give it are named (the county's: 4 and 5 planned at both levels, a target ✗)", () => {
    expect(money(frontier).note?.zh).toContain("各档位的方案相同（预算等约束已用足，无法再安排更多资金），因此本图不是资金-把握度曲线；各把握度所需的最低预算，见文末提示中按档位分别运行的 simulate min-budget 命令。");
    expect(money(frontier).note?.en).toContain("so this is not the cost–confidence curve; for the budget each level takes, the notes at the end name the simulate min-budget run per level.");
  });

  it("says nothing of it where the plans differ, or every target reaches every level", () => {
    expect(money(frontier.replace("0.9,typical-2025,2025年启动典型镇2个,233680000,331200000,4,", "0.9,typical-2025,2025年启动典型镇2个,233680000,331200000,5,")).note?.zh).not.toContain("资金-把握度曲线");
    expect(money(frontier.replaceAll(",false,", ",true,")).note?.zh).not.toContain("资金-把握度曲线");
    // The same plan with other money is no flat line: the printed note's rule (samePlan.ts) says nothing then either.
    expect(money(frontier.replaceAll("0.9,typical-2025,2025年启动典型镇2个,233680000,", "0.9,typical-2025,2025年启动典型镇2个,253680000,").replaceAll("0.9,street-all,示范主街全部建成,233680000,", "0.9,street-all,示范主街全部建成,253680000,")).note?.zh).not.toContain("资金-把握度曲线");
  });
});
