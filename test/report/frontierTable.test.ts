/**
 * The frontier report's table of each target at each level: where a target is reached on the
 * calibration sample but its validation P(met) shown reads below the level (an officer's 圩镇客厅,
 * F10: 89.8 % ± 1.0 % at 90 %, ✓ reached), the P(met) is marked † and a line under the table gives
 * the calibration P(met) the verdict rests on and why the two differ.
 */
import { describe, expect, it } from "vitest";
import { frontierTable } from "../../src/report/tables.js";
import { runContext } from "../../src/report/runContext.js";

const frontier = (pMet: number) => [
  "confidence,target,target_name,government_used_yuan,total_used_yuan,planned_value,target_value,p_met_calibration,p_met,p_met_se,confidence_required,confidence_reached,plan_of_level",
  "0.5,qgy-living-room,圩镇客厅,233680000,331200000,3,3,0.97,0.965,0.006,0.5,true,0.5",
  `0.9,qgy-living-room,圩镇客厅,233680000,331200000,3,3,0.90975,${pMet},0.0096,0.9,true,0.9`,
  "0.9,street-all,示范主街全部建成,233680000,331200000,5,5,0.905,0.91,0.009,0.9,false,0.9",
].join("\n") + "\n";

describe("the frontier report's table: reached on the calibration sample, below the level on the validation draws", () => {
  it("marks that P(met) † and says under the table that it is reached by the calibration P(met)'s lower bound, in both languages", () => {
    const html = frontierTable(runContext("frontier", { "frontier.csv": frontier(0.898) }));
    expect(html).toContain("89.8% ± 1.0% †");
    expect(html.match(/†/g)?.length).toBe(3); // the one cell (the same in zh and en) and its legend in each
    expect(html).toContain("† 达到——按校准样本上完成概率的下界判断（下界须达到要求，见 docs/confidence.md）；校准样本上的完成概率：圩镇客厅在90.0%档位为91.0%——而验证抽样上的完成概率低于要求，是抽样误差");
    expect(html).toContain("† reached — judged by the lower bound of P(met) on the calibration sample, which must reach the level (docs/confidence.md); P(met) there: 圩镇客厅 91.0% at the 90.0% level — while the validation draws read below the level: sampling error");
  });

  it("marks nothing where every validation P(met) of a target reached reads at or above its level (a target not reached keeps its ✗ alone)", () => {
    expect(frontierTable(runContext("frontier", { "frontier.csv": frontier(0.9) }))).not.toContain("†");
  });
});
