/**
 * compare's printout of plans made with overlays (finding 7 of a finance office's review): the
 * note compare.html gives, and where whole-unit programmes start differently in years no differing
 * input names and pay nothing in one that does, that those choices may be the solver's among equally good plans — the Guangzhou
 * towns' 2026–27 cut printed 2024's central-town pilots swapped without a word.
 */
import { describe, expect, it } from "vitest";
import { compareText } from "../../src/finance/compare/compare.js";
import { compareTable } from "../../src/finance/compare/alignTables.js";
import type { InputDifference } from "../../src/finance/compare/inputDiff.js";
import { overlayCaveatLines } from "../../src/finance/compare/overlayCaveat.js";
import type { ResultsFolder } from "../../src/finance/compare/readFolder.js";
import { OVERLAY_REPLANS } from "../../src/format/planChoiceNotes.js";

/** A plan folder of two programmes, `town` planned in whole units (written 是), and its overlays. */
const folder = (overlays: string[], townProfile: number[] = [1]): ResultsFolder => ({
  dir: overlays.length ? "cut" : "base",
  runJson: { scenario: { name: "towns", overlays } },
  input: { programs: [{ id: "town", integer: "是", spend_profile: townProfile }, { id: "retrofit", integer: false }] },
  tables: new Map(),
});

/** plan.csv's units_started rows aligned: `year,region,program` → started in folder 1 and 2. */
function planRows(started: [string, number, number][]) {
  const table = (i: 1 | 2) => ({
    columns: ["year", "region", "program", "units_started"],
    rows: started.map(([key, a, b]) => {
      const [year, region, program] = key.split(",");
      return { year, region, program, units_started: String(i === 1 ? a : b) };
    }),
  });
  return compareTable("plan.csv", [table(1), table(2)]);
}

const CUT_2026: InputDifference[] = [{ path: "sources[city].budgets[guangzhou].by_year.2026", values: ["4.5亿", "3.825亿"] }];
/** The towns' pilots swapped in 2024 (no input of 2024 differs), the cut year's too, and a continuous programme's 2024 starts. */
const SWAPPED = planRows([
  ["2024,nansha,town", 1, 0], ["2024,baiyun,town", 0, 1], ["2026,huadu,town", 1, 0],
  ["2024,panyu,retrofit", 3, 5], ["2025,panyu,town", 1, 1],
]);

describe("compare's printout of plans made with overlays", () => {
  it("gives compare.html's overlay note, and names the whole-unit programmes starting differently in years no input changed", () => {
    const lines = overlayCaveatLines([folder([]), folder(["cut.yaml"])], CUT_2026, SWAPPED);
    expect(lines).toEqual([
      `note: ${OVERLAY_REPLANS.en}`,
      "note: whole-unit programmes (town) start differently in 2024, years whose inputs do not differ and whose starts pay nothing in a year that does: that may be the solver's choice among equally good plans",
    ]);
    const text = compareText({ folders: [folder([]), folder(["cut.yaml"])], rows: SWAPPED, inputs: CUT_2026, runs: [], sources: [], warnings: [], absent: [] }, 5, null);
    expect(text).toContain(`overlays: cut.yaml\n${lines.join("\n")}\n`);
  });

  it("says nothing of a start that pays in a changed year: the towns' 2024 pilots pay 20 % in 2026 (a code review)", () => {
    const paying = [folder([], [0.2, 0.3, 0.3, 0.2]), folder(["cut.yaml"], [0.2, 0.3, 0.3, 0.2])];
    expect(overlayCaveatLines(paying, CUT_2026, SWAPPED)).toEqual([`note: ${OVERLAY_REPLANS.en}`]);
    // Paid over two years, 2024's starts end in 2025: the swap is still named.
    expect(overlayCaveatLines([folder([], [0.5, 0.5]), folder(["cut.yaml"], [0.5, 0.5])], CUT_2026, SWAPPED)).toHaveLength(2);
  });

  it("says it of years the overlays do not change where a differing input names no year (a per_year budget)", () => {
    const perYear = [...CUT_2026, { path: "sources[city].budgets[guangzhou].per_year", values: ["1亿", "0.8亿"] }];
    expect(overlayCaveatLines([folder([]), folder(["cut.yaml"])], perYear, SWAPPED)[1]).toBe(
      "note: where whole-unit programmes (town) start differently in years the overlays do not change, that may be the solver's choice among equally good plans",
    );
  });

  it("gives the overlay note alone where whole units start alike outside the changed years, and nothing without overlays", () => {
    const cutYearOnly = planRows([["2026,huadu,town", 1, 0], ["2024,panyu,retrofit", 3, 5]]);
    expect(overlayCaveatLines([folder([]), folder(["cut.yaml"])], CUT_2026, cutYearOnly)).toEqual([`note: ${OVERLAY_REPLANS.en}`]);
    expect(overlayCaveatLines([folder([]), folder([])], CUT_2026, SWAPPED)).toEqual([]);
  });
});
