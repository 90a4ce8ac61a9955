/**
 * stress's P(met)-by-level chart when a target is met in every draw: P(all targets met) then equals
 * another target's P(met) at every level, and the thick all-targets line, drawn last, hides that
 * target's line. The note says which lines lie on top of each other, the thick one included, and
 * the legend's room counts its entry.
 */
import { describe, expect, it } from "vitest";
import { runContext } from "../../src/report/runContext.js";
import { stressCharts, stressGrid } from "../../src/report/stressCharts.js";
import { stressTargetsTable } from "../../src/report/tables.js";

const LEVELS = [[0, "0%"], [0.1, "10%"], [0.2, "20%"]] as const;
/** Per target its P(met) at each level: A is met in every draw; B's met draws are met by C and D too, so P(all) = P(B). */
const P_MET: Record<string, number[]> = { A: [1, 1, 1], B: [0.6, 0.5, 0.4], C: [0.9, 0.8, 0.7], D: [0.95, 0.85, 0.75] };
const SE = (p: number) => Math.round(Math.sqrt((p * (1 - p)) / 2000) * 1e6) / 1e6;

function files(targets: string[], pAll: (i: number) => number): Record<string, string> {
  const stress = ["cut,cut_label,status,target,name,target_value,planned,attainment,met,p_met,p_met_se"];
  for (const [i, [cut, label]] of LEVELS.entries()) {
    for (const t of targets) stress.push(`${cut},${label},optimal,${t},target ${t},100,${100 - 10 * i},${1 - 0.1 * i},${i === 0},${P_MET[t][i]},${SE(P_MET[t][i])}`);
  }
  const summary = ["cut,cut_label,status,targets_met,targets,p_all_targets_met,p_all_targets_met_se"];
  for (const [i, [cut, label]] of LEVELS.entries()) summary.push(`${cut},${label},optimal,${i === 0 ? targets.length : 0},${targets.length},${pAll(i)},${SE(pAll(i))}`);
  const run = { command: "stress", monte_carlo: { mode: "evaluate", seed: 1, draws: 2000 } };
  return { "stress.csv": stress.join("\n") + "\n", "stress_summary.csv": summary.join("\n") + "\n", "run.json": JSON.stringify(run) };
}

const pMetChart = (f: Record<string, string>) => stressCharts(runContext("stress", f)).find((c) => c.title.en === "P(met) by cut level")!;
type Option = { grid: { top: number }; series: { name: string; data: unknown[]; lineStyle: { width?: number } }[] };

describe("stress's P(met)-by-level chart and its all-targets line", () => {
  const four = files(["A", "B", "C", "D"], (i) => P_MET.B[i]);

  it("says that the thick line lies on the target it hides when another target is met in every draw", () => {
    const chart = pMetChart(four);
    expect(chart.note!.en).toContain("Lines on top of each other: the thick line (all targets met) and target B (the same at every level).");
    expect(chart.note!.zh).toContain("重合的线：粗线（全部目标同时完成）与target B（各档位数值相同）。");
    // The line it hides is there, under the thick one.
    const series = (chart.option("en") as Option).series;
    expect(series.find((s) => s.name === "target B")!.data).toEqual(series.find((s) => s.name === "all targets met")!.data);
  });

  it("leaves the legend room for the all-targets entry: four targets and it are two rows", () => {
    const option = pMetChart(four).option("zh") as Option;
    expect(option.series).toHaveLength(5);
    expect(option.grid.top).toBe(40 + 22 * 2);
  });

  it("is silent when no line lies on another", () => {
    const chart = pMetChart(files(["B", "C"], (i) => [0.55, 0.45, 0.35][i]));
    expect(chart.note!.en).not.toContain("on top of each other");
    expect((chart.option("en") as Option).grid.top).toBe(40 + 22);
  });

  it("gives the table and the chart the same joint values, by level, and none for one target", () => {
    const grid = stressGrid(runContext("stress", four));
    expect(grid.allTargets).toEqual({ p: P_MET.B, se: P_MET.B.map(SE) });
    expect(stressTargetsTable(runContext("stress", four))).toContain("All targets met");
    const one = files(["B"], (i) => P_MET.B[i]);
    expect(stressGrid(runContext("stress", one)).allTargets).toBeNull();
    expect(stressTargetsTable(runContext("stress", one))).not.toContain("All targets met");
    expect((pMetChart(one).option("en") as Option).series.map((s) => s.name)).toEqual(["target B"]);
  });
});
