/**
 * Payments recorded for only some sources make a whole year cost a fraction of its works (a source
 * not named paid nothing): the loader notes each such year, and what can be recorded instead.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Label } from "../../src/format/labels.js";
import { loadScenario } from "../../src/scenario/index.js";
import { patch, writeFiles } from "./helpers.js";

// BASE: unit cost 300万, spend profile 60/40 %; gz started 10 in 2021 and 10 in 2022, so 2022's
// units being paid for cost 0.6·10·300万 + 0.4·10·300万 = 3000万 at the planned unit cost.
const ACTUALS = (asOf: string) => patch(["targets:", `${asOf}actuals:\n  - {file: actuals.csv}\ntargets:`]);
const CSV = (header: string, cells: string) =>
  `区域,项目,年份,开工数${header}\ngz,retrofit,2021年,10${cells}\ngz,retrofit,2022年,10${cells}\nsz,retrofit,2021年,0${cells.replace(/\d+/g, "")}\nsz,retrofit,2022年,0${cells.replace(/\d+/g, "")}\n`;

function notes(csv: string, asOf = "as_of: 2023\n"): string[] {
  return labels(csv, asOf).map((n) => n.en);
}

function labels(csv: string, asOf = "as_of: 2023\n"): Label[] {
  const dir = writeFiles({ "s.yaml": ACTUALS(asOf), "actuals.csv": csv });
  return loadScenario(join(dir, "s.yaml")).notices;
}

describe("payments recorded far below the planned cost", () => {
  it("name the year, the sources recorded, the cost per unit recorded against the planned one, and what to do", () => {
    const found = notes(CSV(",支付.central（万元）", ",600"));
    const [y2022, ...rest] = found.filter((n) => n.includes("2022"));
    expect(rest).toEqual([]);
    const says = [
      "actuals[1] (actuals.csv:3): payments recorded for gz, retrofit in 2022 come to 600万元 from central only (1 of the 3 sources funding it)",
      "60万元 a unit started that year (10), against a planned unit cost of 300万元",
      "under half of the 3,000万元 the units being paid for then (started 2021–2022) cost at planned unit costs",
      "a source not named paid nothing (city, residents)",
      "Record every source's 2022 payment, or leave 2022's payments out and the plan estimates them within the budgets and shares",
      "as_of 2023 closes 2022, so its payments cannot be marked partial (floors)",
    ];
    for (const part of says) expect(y2022).toContain(part);
    // 2021: 600万 against 0.6·10·300万 = 1800万, also under half.
    expect(found.filter((n) => n.includes("in 2021 come to 600万元"))).toHaveLength(1);
  });

  it("say the same in Chinese for the report and the workbook (run.json's warnings_zh)", () => {
    const found = labels(CSV(",支付.central（万元）", ",600")).filter((n) => n.en.includes("in 2022 come to"));
    expect(found.map((n) => n.zh)).toEqual([
      "actuals[1]（actuals.csv:3）：gz的retrofit项目2022年登记的支付合计600万元，仅来自central（为其出资的3个来源中的1个），" +
        "按当年开工的10个单位计每单位60万元，而计划单位造价为300万元；不到当年应付款项目（2021–2022年开工）按计划单位造价计算所需3,000万元的一半。" +
        "规划按600万元计入该年：全年的成本就是已支付的金额，未列出的来源视为未出资（city、residents）。" +
        "请登记各来源2022年的全部支付，或不填2022年的支付，由规划在预算和出资比例范围内估算；as_of 2023 表明2022年已结束，其支付不能标为 partial（下限）：partial 只用于当年",
    ]);
    const open = labels(CSV(",支付.central（万元）", ",600"), "").find((n) => n.en.includes("in 2022 come to"))!;
    expect(open.zh).toMatch(/；或将该记录标为 partial: true，使其支付（及开工数）成为规划可在其上追加的下限$/);
  });

  it("without as_of, say that partial: true makes the payments floors", () => {
    const found = notes(CSV(",支付.central（万元）", ",600"), "");
    expect(found.find((n) => n.includes("in 2022"))).toContain("or mark the record partial: true to make its payments (and its starts) floors");
  });

  it("stay quiet when the payments cover at least half the planned cost", () => {
    // 2021: 1100万 of 1800万; 2022: 1600万 of 3000万.
    const csv = "region,program,year,started,paid.central,paid.city\ngz,retrofit,2021,10,800万,300万\ngz,retrofit,2022,10,1000万,600万\n";
    expect(notes(csv, "").filter((n) => n.includes("payments recorded"))).toEqual([]);
  });

  it("with every source recorded, ask for the amounts' unit instead", () => {
    const csv = "region,program,year,started,paid.central,paid.city,paid.residents\ngz,retrofit,2022,10,100万,100万,10万\n";
    const [note] = notes(csv, "").filter((n) => n.includes("payments recorded"));
    expect(note).toContain("come to 210万元 from every source funding it");
    expect(note).toContain("Check the amounts and their unit (an amount without a unit is yuan)");
  });
});
