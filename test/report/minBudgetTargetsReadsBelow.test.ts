/**
 * min-budget --confidence's report, where a target reached at λ on the calibration sample reads
 * below its level on the validation draws (the frontier's 圩镇客厅, F10): its validation P(met) is
 * marked † as the frontier table marks it, with the same line under the table.
 */
import { describe, expect, it } from "vitest";
import { minBudgetTargetsTable } from "../../src/report/minBudgetTargets.js";
import { runContext } from "../../src/report/runContext.js";

const csv = (pMet: number) => [
  "target,name,confidence_required,target_value,scale,planned_value,p_met_calibration,confidence_reached,p_met,p_met_se,scale_below,planned_value_below,p_met_calibration_below,confidence_reached_below,p_met_below,p_met_se_below",
  `qgy-living-room,圩镇客厅,0.9,3,1.2,3,0.911,true,${pMet},0.0096,1.188,3,0.88,false,0.87,0.011`,
].join("\n") + "\n";
const runJson = JSON.stringify({ status: "optimal", calibration: { draws: 4000 }, validation: { draws: 1000 } });
const page = (pMet: number) => minBudgetTargetsTable(runContext("min-budget", { "min_budget_confidence.csv": csv(pMet), "run.json": runJson }));

describe("min-budget --confidence report: reached at λ, below the level on the validation draws", () => {
  it("marks the validation P(met) † and gives the calibration P(met) the verdict rests on in a line under the table", () => {
    const html = page(0.898);
    expect(html).toContain("89.8% ± 1.0% †");
    expect(html).toContain("† 达到——按校准样本上完成概率的下界判断（下界须达到要求，见 docs/confidence.md）；校准样本上的完成概率：圩镇客厅为91.1%——而验证抽样上的完成概率低于要求，是抽样误差");
    expect(html).toContain("† reached — judged by the lower bound of P(met) on the calibration sample, which must reach the level (docs/confidence.md); P(met) there: 圩镇客厅 91.1% — while the validation draws read below the level");
  });

  it("marks nothing where the validation P(met) reads at or above the level", () => {
    expect(page(0.905)).not.toContain("†");
  });
});
