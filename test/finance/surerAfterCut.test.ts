/**
 * stress --draws: a P(met) that rises under a cut though the level does not plan the target higher
 * is marked ↑ and explained (a finance officer saw the towns' 4.0 % → 7.0 % with nothing to say why);
 * a rise within twice the standard error, or one the level plans for (*), is not.
 */
import { describe, expect, it } from "vitest";
import { SURER_MARK, surerAfterCut } from "../../src/finance/surerAfterCut.js";
import { runContext } from "../../src/report/runContext.js";
import { stressTargetsTable } from "../../src/report/tables.js";

/** The towns' figures under a 15 % cut of city money (the review's stress run, 500 draws). */
const ROWS = [
  { target: "north", cut: 0, p_met: 0.04, p_met_se: 0.009, gained_vs_base: false },
  { target: "north", cut: 0.15, p_met: 0.07, p_met_se: 0.011, gained_vs_base: false },
  { target: "typical", cut: 0, p_met: 0.112, p_met_se: 0.014, gained_vs_base: false },
  { target: "typical", cut: 0.15, p_met: 0.104, p_met_se: 0.014, gained_vs_base: false },
  { target: "market", cut: 0, p_met: 0.296, p_met_se: 0.02, gained_vs_base: false },
  { target: "market", cut: 0.15, p_met: 0.31, p_met_se: 0.021, gained_vs_base: false },
  { target: "street", cut: 0, p_met: 0.5, p_met_se: 0.02, gained_vs_base: false },
  { target: "street", cut: 0.15, p_met: 0.7, p_met_se: 0.02, gained_vs_base: true },
];

describe("surerAfterCut", () => {
  it("marks a rise beyond twice the larger standard error, not a fall, a rise within it, one planned for, or the 0 % level", () => {
    expect(ROWS.map((r) => surerAfterCut(r, ROWS))).toEqual([false, true, false, false, false, false, false, false]);
  });

  it("marks nothing without both standard errors: a rise cannot be told from the draws' luck", () => {
    const rows = [{ target: "t", cut: 0, p_met: 0.04 }, { target: "t", cut: 0.1, p_met: 0.2, p_met_se: 0.01 }];
    expect(surerAfterCut(rows[1], rows)).toBe(false);
  });

  it("marks the report's P(met) cell and explains the mark under the table", () => {
    const stress = ["cut,cut_label,status,target,name,target_value,planned,attainment,met,p_met,p_met_se,gained_vs_base"];
    for (const r of ROWS) stress.push(`${r.cut},${r.cut * 100}%,optimal,${r.target},${r.target} name,10,10,1,true,${r.p_met},${r.p_met_se},${r.gained_vs_base}`);
    const run = JSON.stringify({ command: "stress", monte_carlo: { mode: "evaluate", seed: 1, draws: 500 } });
    const html = stressTargetsTable(runContext("stress", { "stress.csv": stress.join("\n") + "\n", "run.json": run }));
    const pTable = html.slice(html.indexOf("P(met) by target"));
    const cells = (name: string) => pTable.slice(pTable.indexOf(`<td>${name}</td>`), pTable.indexOf("</tr>", pTable.indexOf(`<td>${name}</td>`)));
    expect(cells("north name")).toContain(SURER_MARK);
    expect(cells("market name")).not.toContain(SURER_MARK);
    expect(cells("street name")).toContain("*");
    expect(html).toMatch(/the rise comes from the level(&#39;|')s re-planned schedule/);
    // Every level planned to a confidence level: the legend says so, and does not send the reader to --confidence.
    const planned = [stress[0] + ",confidence_required", ...stress.slice(1).map((l) => `${l},0.9`)];
    const sure = stressTargetsTable(runContext("stress", { "stress.csv": planned.join("\n") + "\n", "run.json": run }));
    expect(sure).toContain("calibrated anew to its confidence level");
    expect(sure).not.toContain("--confidence");
  });
});
