/**
 * stress --draws: a P(met) that rises under a cut though the level does not plan the target higher
 * is marked ↑ and explained (a finance officer saw the towns' 4.0 % → 7.0 % with nothing to say why);
 * a rise within twice the standard error, or one the level plans for (*), is not. The same judgement
 * reaches stress.csv (`surer_after_cut`) and the workbook (that column, 是, and the legend in 概要),
 * whose readers saw the rise with nothing beside it (a code review).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentColumnLines } from "../../src/finance/compare/absentColumns.js";
import { compareFolders } from "../../src/finance/compare/compare.js";
import { parseCutSpec } from "../../src/finance/cutSpec.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { stressFolder, type StressOutcome } from "../../src/finance/stressRun.js";
import { SURER_MARK, surerAfterCut, surerLegend } from "../../src/finance/surerAfterCut.js";
import { COLUMN_LABELS } from "../../src/format/columnLabels.js";
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

/**
 * test/fixtures/finance/surer-after-cut.yaml: 50 units, planned in town X (P(met) 0.5: its unit cost
 * is uncertain) at 0 %; at 50 % of X's money cut, 30 there and 20 in town Y (less sure); at 100 %, all
 * 50 in town Y, whose cost is certain — the same 50 planned, met in every draw.
 */
const SURER = "test/fixtures/finance/surer-after-cut.yaml";
const DRAWS = 400;

describe("the ↑ judgement in stress.csv and the stress workbook", () => {
  let tmp: string;
  let drawn: StressOutcome;
  let plain: StressOutcome;
  const run = (out: string, draws: boolean) => stressFolder(SURER, {
    cut: parseCutSpec("government=50%,100%", "gov-x"), from: null, region: null, solver: "auto", out: join(tmp, out),
    ...(draws ? { validation: { draws: DRAWS, workers: 1 } } : { xlsx: false }),
  });
  const csv = (outcome: StressOutcome) => {
    const [head, ...lines] = readFileSync(join(outcome.outDir, "stress.csv"), "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
    const columns = head.split(",");
    const typed = (v: string) => (v === "true" ? true : v === "false" ? false : v !== "" && Number.isFinite(Number(v)) ? Number(v) : v);
    return { columns, rows: lines.map((l) => Object.fromEntries(l.split(",").map((v, j) => [columns[j], typed(v)]))) };
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "renewsim-surer-"));
    drawn = await run("drawn", true);
    plain = await run("plain", false);
  }, 60_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes surer_after_cut after P(met), by surerAfterCut, where P(met) is reported: the printout's ↑", () => {
    const { columns, rows } = csv(drawn);
    expect(columns.slice(-3)).toEqual(["p_met", "p_met_se", "surer_after_cut"]);
    expect(rows.map((r) => [r.cut, r.planned, r.surer_after_cut])).toEqual([[0, 50, false], [0.5, 50, false], [1, 50, true]]);
    // The rule itself, read back from the CSV: no second copy of it to drift.
    expect(rows.map((r) => r.surer_after_cut)).toEqual(rows.map((r) => surerAfterCut(r, rows)));
    const pLine = stressTable(drawn.levels, "stress", DRAWS).split("\n").find((l) => l.startsWith("all-50") && l.includes("±"))!;
    expect(pLine.trimEnd().endsWith(SURER_MARK)).toBe(true);
    // Without --draws there is no P(met), so no judgement: no column.
    expect(csv(plain).columns).not.toContain("surer_after_cut");
  });

  it("shows it in the workbook's stress sheet as 是 under its Chinese header, with the printout's legend in 概要", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(drawn.outDir, "results.xlsx")) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("压力测试-目标")!;
    const keys = (sheet.getRow(2).values as unknown[]).slice(1);
    const j = keys.indexOf("surer_after_cut") + 1;
    expect(j).toBeGreaterThan(0);
    expect(sheet.getRow(1).getCell(j).value).toBe(COLUMN_LABELS.surer_after_cut.zh);
    expect([3, 4, 5].map((r) => sheet.getRow(r).getCell(j).value)).toEqual(["否", "否", "是"]);
    const summary = new Map<string, string>();
    book.getWorksheet("概要")!.eachRow((row) => summary.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(summary.get("说明：削减后完成概率上升")).toBe(`削减100%时的all-50：${surerLegend(false).zh}`);
  });

  it("is a Monte Carlo column to compare: missing in a stress run without --draws, and said so", async () => {
    const compared = await compareFolders([plain.outDir, drawn.outDir]);
    expect(absentColumnLines(compared.absent, compared.folders)).toContain(
      "  stress.csv: the Monte Carlo columns p_met, p_met_se, surer_after_cut are missing in [1] (planned without --draws), so their values are not compared",
    );
  });
});
