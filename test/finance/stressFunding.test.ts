import { describe, expect, it } from "vitest";
import { resolveSelection } from "../../src/finance/selection.js";
import { runStress } from "../../src/finance/stress.js";
import { sourceChangeLines, stressFundingRows } from "../../src/finance/stressFunding.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { stressSummaryRows } from "../../src/finance/stressTables.js";
import { formatMoneyChange } from "../../src/format/numbers.js";
import { loadScenario } from "../../src/scenario/index.js";

const TOWNS = "test/fixtures/finance/towns.yaml";

describe("stress_funding.csv: who pays at each cut level", () => {
  it("shows the county paying what the cut central money no longer pays, where the government total hides it", async () => {
    const { scenario: s } = loadScenario(TOWNS);
    const selection = resolveSelection(s, { selector: { kind: "government", ids: ["central"] }, from: 2022 });
    const levels = await runStress(s, selection, [0.3]);
    const [base, cut] = stressSummaryRows(levels);
    // The review's finding: one government source cut, the government total the same.
    // (To the cost stage's tolerance, 1e-7 of its optimum, which the near stage after it may use.)
    expect(Math.abs(cut.government_change_yuan!)).toBeLessThanOrEqual(1e-7 * base.government_used_yuan! + 1);
    const rows = stressFundingRows(levels, selection.sourceIds);
    expect(rows.map((r) => `${r.cut_label}:${r.source}`)).toEqual([
      "0%:central", "0%:county", "0%:enterprise", "0%:residents", "30%:central", "30%:county", "30%:enterprise", "30%:residents",
    ]);
    const at = (cutLabel: string, source: string) => rows.find((r) => r.cut_label === cutLabel && r.source === source)!;
    expect(at("0%", "central")).toMatchObject({ cut_source: true, change_yuan: 0, source_kind: "government", source_name: "中央补助" });
    expect(at("30%", "county").cut_source).toBe(false);
    expect(at("30%", "central").change_yuan!).toBeLessThan(-1e7);
    expect(at("30%", "county").change_yuan!).toBeCloseTo(-at("30%", "central").change_yuan!, -2); // within 50 yuan: the tolerance again
    // The rows of a kind add up to the summary's government money.
    for (const [level, summary] of [["0%", base], ["30%", cut]] as const) {
      const gov = rows.filter((r) => r.cut_label === level && r.source_kind === "government").reduce((t, r) => t + r.used_yuan!, 0);
      expect(gov).toBeCloseTo(summary.government_used_yuan!, 0);
    }
    const [line] = sourceChangeLines(rows, new Map(levels.map((l) => [l.label, l.moneyCutYuan])));
    expect(line).toMatch(new RegExp(`^30%: 中央补助 \\(cut\\) ${formatMoneyChange(at("30%", "central").change_yuan!)} → 县级财政 \\${formatMoneyChange(at("30%", "county").change_yuan!)} \\(`));
    const printed = stressTable(levels, "stress", undefined, selection.sourceIds);
    expect(printed).toContain("money by source against the 0% plan (paying less → paying more; stress_funding.csv):");
    expect(printed).toMatch(/30%: 中央补助 \(cut\) −3,533\.\d+万元 → 县级财政 \+3,533\.\d+万元 \(net 0元\)/);
  });

  const level = (cut: number, status: string, funding: [string, number][], names: string[]) => ({
    cut, label: `${cut * 100}%`, moneyCutYuan: 0, extras: {},
    planned: {
      scenario: { sources: names.map((name, j) => ({ id: "abcdefg"[j], name, kind: "government" })) },
      solution: { status },
      tables: { funding: funding.map(([source, amount_yuan]) => ({ source, amount_yuan })) },
    },
  }) as unknown as Parameters<typeof stressFundingRows>[0][number];

  it("lists every material change, both signs, each cut source marked, and what was left out, so the line adds up", () => {
    const WAN = 1e4;
    const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
    const before = [1000, 500, 2000, 100, 50, 10, 10];
    // a and b are cut; b and d pay more, a and c less; f and g move by less than 0.1 % of the 2,000万 cut.
    const change = [-1200, 300, -150, 1000, 40, 1.5, -0.3];
    const funding = (add: number[]): [string, number][] => before.map((x, j) => ["abcdefg"[j], (x + add[j]) * WAN]);
    const rows = stressFundingRows([
      level(0, "optimal", funding(before.map(() => 0)), names), level(0.1, "optimal", funding(change), names),
    ], ["a", "b"]);
    // By hand: −1,200 + 300 − 150 + 1,000 + 40 = −10万 listed; +1.5 − 0.3 = +1.2万 left out; net −8.8万.
    expect(sourceChangeLines(rows, new Map([["0%", 0], ["10%", 2000 * WAN]]))).toEqual([
      "10%: 甲 (cut) −1,200万元, 丙 −150万元 → 丁 +1,000万元, 乙 (cut) +300万元, 戊 +40万元 (changes under 2万元 left out: +1.2万元 in all; net −8.8万元)",
    ]);
    // Noise is no change: 己 +28.92元 beside a 9,000万 cut is not listed.
    const noise = stressFundingRows([
      level(0, "optimal", funding(before.map(() => 0)), names), level(0.15, "optimal", funding([-9000, 0, 0, 0, 0, 0.002892, 0]), names),
    ], ["a"]);
    expect(sourceChangeLines(noise, new Map([["15%", 9000 * WAN]]))).toEqual(["15%: 甲 (cut) −9,000万元 (net −9,000万元)"]);
  });

  it("leaves a level without a plan empty and says so where no source's money changed", () => {
    const names = ["甲", "乙"];
    const rows = stressFundingRows([
      level(0, "optimal", [["a", 100], ["a", 50], ["b", 10]], names), level(0.1, "optimal", [["a", 140], ["b", 9.5]], names), level(0.5, "infeasible", [], names),
    ], ["a"]);
    expect(rows.map((r) => [r.cut_label, r.source, r.used_yuan, r.change_yuan])).toEqual([
      ["0%", "a", 150, 0], ["0%", "b", 10, 0], ["10%", "a", 140, -10], ["10%", "b", 9.5, -0.5], ["50%", "a", null, null], ["50%", "b", null, null],
    ]);
    // The 50 % level has no plan: no line. Every change at 10 % is under 0.1 % of a 2万元 cut, 20元.
    expect(sourceChangeLines(rows, new Map([["10%", 2e4]]))).toEqual(["10%: no source's money changed by 20元 or more (net −10元)"]);
  });

  it("prints every source's change where none pays more (a district cut also lost 3,200万 of other money, and the printout said nothing)", async () => {
    // Two towns' pilots paid half by the street, half by enterprises: halving the street money
    // starts 6 of 10, and the enterprises pay less with it.
    const { scenario: s } = loadScenario("test/fixtures/finance/whole-towns.yaml");
    const selection = resolveSelection(s, { selector: { kind: "government", ids: null } });
    const levels = await runStress(s, selection, [0.5]);
    const rows = stressFundingRows(levels, selection.sourceIds);
    expect(rows.filter((r) => r.cut_label === "50%").map((r) => [r.source, r.change_yuan])).toEqual([["street", -625 * 1e4], ["enterprise", -625 * 1e4]]);
    const printed = stressTable(levels, "stress", undefined, selection.sourceIds);
    expect(printed).toContain("money by source against the 0% plan (paying less → paying more; stress_funding.csv; ");
    expect(printed).toContain("  50%: 镇街资金 (cut) −625万元, 企业资金 −625万元 (net −1,250万元)\n");
  });
});
