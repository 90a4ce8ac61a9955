/**
 * compare's printout of plans made with overlays (finding 7 of a finance office's review): the
 * note compare.html gives, and where whole-unit programmes start differently in years no differing
 * input names and pay nothing in one that does, that those choices may be the solver's among equally good plans — the Guangzhou
 * towns' 2026–27 cut printed 2024's central-town pilots swapped without a word. compare.html and the
 * workbook's 概要 then gave the overlay note but not the whole-unit one (a code review): now both.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compareText } from "../../src/finance/compare/compare.js";
import { compareTable } from "../../src/finance/compare/alignTables.js";
import type { InputDifference } from "../../src/finance/compare/inputDiff.js";
import { overlayCaveatLines } from "../../src/finance/compare/overlayCaveat.js";
import type { ResultsFolder } from "../../src/finance/compare/readFolder.js";
import { OVERLAY_NOTE_HEADING, OVERLAY_REPLANS, WHOLE_UNIT_NOTE_HEADING, wholeUnitChoices } from "../../src/format/planChoiceNotes.js";
import { OUTPUT_VERSION } from "../../src/version.js";
import { runCli } from "../cli/run.js";

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

/**
 * A results folder on disk as compare reads it: run.json, input.yaml (the town planned whole, the
 * city's 2026 budget) and plan.csv's starts — the towns' 2026 cut and 2024's swapped pilots, small.
 */
function writeFolder(dir: string, overlays: string[], budget2026: string, started: [string, number][]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "run.json"), JSON.stringify({
    engine: { output_version: OUTPUT_VERSION }, horizon: { start: 2024, end: 2027 }, scenario: { name: "towns", overlays },
  }));
  writeFileSync(join(dir, "input.yaml"), [
    "programs:", "  - {id: town, integer: true, spend_profile: [1]}",
    "sources:", "  - id: city", "    budgets:", `      - {region: guangzhou, by_year: {"2026": "${budget2026}"}}`, "",
  ].join("\n"));
  writeFileSync(join(dir, "plan.csv"), ["year,region,program,units_started", ...started.map(([key, n]) => `${key},${n}`)].join("\n") + "\n");
}

describe("compare.html and the workbook's 概要 of plans made with overlays", () => {
  it("give the printout's notes, the whole-unit one included, under the same headings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-overlay-notes-"));
    try {
      writeFolder(join(dir, "base"), [], "4.5亿", [["2024,nansha,town", 1], ["2024,baiyun,town", 0], ["2026,huadu,town", 1]]);
      writeFolder(join(dir, "cut"), ["cut.yaml"], "3.825亿", [["2024,nansha,town", 0], ["2024,baiyun,town", 1], ["2026,huadu,town", 0]]);
      const run = await runCli("compare", join(dir, "base"), join(dir, "cut"), "--out", join(dir, "compare.csv"));
      expect(run.code).toBe(0);
      const whole = wholeUnitChoices(["town"], [2024]);
      // The printout, as before: both notes.
      expect(run.stdout).toContain(`note: ${OVERLAY_REPLANS.en}\nnote: ${whole.en}\n`);
      const html = readFileSync(join(dir, "compare.html"), "utf8");
      for (const text of [OVERLAY_NOTE_HEADING.zh, OVERLAY_REPLANS.zh, WHOLE_UNIT_NOTE_HEADING.zh, whole.zh]) expect(html).toContain(text);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(join(dir, "compare.xlsx")) as unknown as ExcelJS.Buffer);
      const rows = new Map<string, string>();
      book.getWorksheet("概要")!.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
      expect(rows.get(OVERLAY_NOTE_HEADING.zh)).toBe(OVERLAY_REPLANS.zh);
      expect(rows.get(WHOLE_UNIT_NOTE_HEADING.zh)).toBe(whole.zh);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
