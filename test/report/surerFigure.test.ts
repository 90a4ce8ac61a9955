/**
 * stress --draws: the key figure of report.html and 概要 naming the P(met)s a cut makes surer though
 * it does not plan their targets higher (the ↑), with the printout's legend — in the words of a run
 * planned to a confidence level where it was.
 */
import { describe, expect, it } from "vitest";
import { surerLegend } from "../../src/finance/surerAfterCut.js";
import { keyFigures } from "../../src/report/keyFigures.js";
import { runContext } from "../../src/report/runContext.js";

const HEAD = "cut,cut_label,status,target,name,target_value,planned,attainment,met,gained_vs_base,p_met,p_met_se";
/** North rises 4.0 % → 7.0 % (beyond twice 1.1 %), typical falls, street rises but is planned higher (*). */
const ROWS = [
  "0,0%,optimal,north,北部镇,10,10,1,true,false,0.04,0.009", "0.15,15%,optimal,north,北部镇,10,10,1,true,false,0.07,0.011",
  "0,0%,optimal,typical,典型镇,10,10,1,true,false,0.112,0.014", "0.15,15%,optimal,typical,典型镇,10,10,1,true,false,0.104,0.014",
  "0,0%,optimal,street,街道,10,10,1,true,false,0.5,0.02", "0.15,15%,optimal,street,街道,10,11,1.1,true,true,0.7,0.02",
];
const figureOf = (head: string, rows: string[]) =>
  keyFigures(runContext("stress", { "stress.csv": [head, ...rows].join("\n") + "\n" })).find((f) => f.label.en === "Note: surer after the cut");

describe("the key figure of P(met)s surer after a cut", () => {
  it("names the targets and levels marked ↑, with the printout's legend", () => {
    expect(figureOf(HEAD, ROWS)?.value).toEqual({ zh: `削减15%时的北部镇：${surerLegend(false).zh}`, en: `北部镇 at a 15% cut: ${surerLegend(false).en}` });
    expect(figureOf(HEAD, ROWS.filter((r) => !r.includes("north")))).toBeUndefined();
  });

  it("gives the confidence run's legend where every level was planned to a level", () => {
    const figure = figureOf(`${HEAD},confidence_required`, ROWS.map((r) => `${r},0.9`));
    expect(figure?.value).toEqual({ zh: `削减15%时的北部镇：${surerLegend(true).zh}`, en: `北部镇 at a 15% cut: ${surerLegend(true).en}` });
  });
});
