import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFolders, compareText, folderSummaries, folderTitles, mostChanged, renderCompareCsv } from "../../src/finance/compare/compare.js";
import { type CompareRow, compareTable } from "../../src/finance/compare/alignTables.js";
import { diffInputs } from "../../src/finance/compare/inputDiff.js";
import { summariseFolder } from "../../src/finance/compare/folderSummary.js";
import { overlayCaveats } from "../../src/finance/compare/overlayCaveat.js";
import { OVERLAY_REPLANS } from "../../src/format/planChoiceNotes.js";
import { keyFigures } from "../../src/report/keyFigures.js";
import { runContext } from "../../src/report/runContext.js";
import { simulate } from "../../src/pipeline.js";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

const TOWNS = "test/fixtures/finance/towns.yaml";
const CUT = "test/fixtures/finance/cut-20.yaml";
const CENTRAL_CUT = "test/fixtures/finance/central-cut.yaml";
let dir: string;
let base: string;
let cut: string;
let centralCut: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "renewsim-compare-"));
  base = join(dir, "base");
  cut = join(dir, "cut-20");
  await simulate(TOWNS, { out: base });
  await simulate(TOWNS, { overlays: [CUT], out: cut });
  centralCut = join(dir, "central-cut");
  await simulate(TOWNS, { overlays: [CENTRAL_CUT], out: centralCut });
});

/** A plain split (targets.csv of the fixture has no quoted fields), independent of the reader. */
function readPlainCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").replace(/^\ufeff/, "").trimEnd().split("\n");
  const columns = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
}

/** A targets.csv row of compare, aligned from one value of `column` in each of two folders. */
function targetRow(key: string, column: string, a: number, b: number): CompareRow {
  const table = (v: number) => ({ columns: ["target", column], rows: [{ target: key, [column]: String(v) }] });
  return compareTable("targets.csv", [table(a), table(b)])[0];
}

/** The lines the printout lists under targets.csv for these rows (top 5). */
function printedTargets(rows: CompareRow[]): string[] {
  const lines = compareText({ folders: [], rows, inputs: [], runs: [], sources: [], warnings: [], absent: [] }, 5, null).split("\n");
  const start = lines.indexOf("  targets.csv:");
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("    "));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe("compare", () => {
  it("shows all-zero deltas for a folder compared with itself", async () => {
    const result = await compareFolders([base, base]);
    expect(result.rows.length).toBeGreaterThan(50);
    expect(result.rows.every((r) => r.deltas[0] === 0 && r.relDeltas[0] === 0 && r.missingIn.length === 0)).toBe(true);
    expect(result.inputs).toEqual([]);
    expect(compareText(result, 10, null)).toContain("none: every value is the same");
  });

  it("shows exactly the differences of the two targets.csv files (hand-computed join)", async () => {
    const result = await compareFolders([base, cut]);
    const a = readPlainCsv(join(base, "targets.csv"));
    const b = new Map(readPlainCsv(join(cut, "targets.csv")).map((r) => [r.target, r]));
    const num = (v: string) => (v === "true" ? 1 : v === "false" ? 0 : Number(v));
    const expected: string[] = [];
    for (const row of a) {
      for (const column of Object.keys(row)) {
        const before = row[column];
        const after = b.get(row.target)![column];
        if (column === "target" || before === after || before === "" || after === "" || Number.isNaN(num(before))) continue;
        expected.push(`target=${row.target}|${column}|${before}|${after}|${(num(after) - num(before)).toPrecision(9)}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const got = result.rows
      .filter((r) => r.file === "targets.csv" && r.deltas[0] !== 0 && r.deltas[0] !== null)
      .map((r) => `${r.key}|${r.column}|${r.values[0]}|${r.values[1]}|${r.deltas[0]!.toPrecision(9)}`);
    expect(got.sort()).toEqual(expected.sort());
  });

  it("lists the differing inputs by record id and region, and each folder's overlays", async () => {
    const result = await compareFolders([base, cut]);
    const paths = result.inputs.map((d) => `${d.path}: ${d.values.join(" → ")}`);
    expect(paths).toContain("sources[central].budgets[county].per_year: 6000万 → 4800万");
    expect(paths).toContain("sources[county].budgets[town-b].by_year.2024: 1500万 → 1200万");
    expect(paths).toHaveLength(6);
    const text = compareText(result, 5, null);
    expect(text).toContain(`[2] ${cut} — finance-towns; overlays: ${CUT}`);
    // Money as money, and a flag as its two values: "−100.0%" read as everything lost.
    const yuan = text.split("\n").filter((l) => / \w+_yuan: /.test(l) && !/_per_(100m_)?yuan: /.test(l));
    expect(yuan.length).toBeGreaterThan(0);
    for (const l of yuan) expect(l).toMatch(/_yuan: -?[\d,.]+(亿|万)?元 → -?[\d,.]+(亿|万)?元 \([+−][\d,.]+(亿|万)?元/);
    // A rate per amount of money (households per 1亿元) is not an amount: shown as stored.
    const rates = text.split("\n").filter((l) => /_per_100m_yuan: /.test(l));
    expect(rates.length).toBeGreaterThan(0);
    for (const l of rates) expect(l).not.toMatch(/元/);
    for (const l of text.split("\n").filter((x) => / (met|binding): /.test(x))) expect(l).toMatch(/: (true|false) → (true|false)$/);
    expect(text).toContain("[1] " + base + " — finance-towns; overlays: none");
  });

  it("writes a long CSV with values, deltas and relative deltas per folder, inputs as text rows", async () => {
    const csv = renderCompareCsv(await compareFolders([base, cut, base]), { bom: false });
    const [head, ...lines] = csv.trimEnd().split("\n");
    expect(head).toBe("file,key,column,value_1,value_2,value_3,delta_2,delta_3,rel_delta_2,rel_delta_3,missing_in");
    expect(lines.some((l) => l.startsWith("targets.csv,target=hh,planned,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("input.yaml,sources[central].budgets[county].per_year,value,6000万,4800万,6000万"))).toBe(true);
  });

  it("says how the folders were run where that differs: the same inputs planned plainly and to a confidence level", async () => {
    // A plan to 90 % confidence of the same input.yaml (its run.json as `--confidence 0.9 --draws` writes it).
    const confident = join(dir, "confident");
    cpSync(base, confident, { recursive: true });
    const run = JSON.parse(readFileSync(join(confident, "run.json"), "utf8"));
    writeFileSync(join(confident, "run.json"), JSON.stringify({ ...run, confidence: { default_level: 0.9 }, monte_carlo: { mode: "evaluate", draws_used: 2000, seed: 7 } }));
    const result = await compareFolders([base, confident]);
    expect(result.inputs).toEqual([]);
    expect(result.runs.map((d) => [d.path, ...d.values])).toEqual([
      ["confidence.default_level", "none (plain plan)", "0.9"],
      ["monte_carlo.mode", "none", "evaluate"],
      ["monte_carlo.draws_used", "none", "2000"],
      ["monte_carlo.seed", "none", "7"],
    ]);
    const text = compareText(result, 5, null);
    expect(text).toContain("run settings that differ (4; run.json):\n  confidence.default_level: none (plain plan) → 0.9\n");
    expect(renderCompareCsv(result, { bom: false })).toContain("\nrun.json,confidence.default_level,value,none (plain plan),0.9,");
    expect((await compareFolders([base, base])).runs).toEqual([]);
    expect(compareText(await compareFolders([base, cut]), 5, null)).not.toContain("run settings");
  });

  it("says which budgets two stress or min-budget runs cut, from when, at which levels and confidence (run.json's own shapes)", async () => {
    const asRun = (name: string, extra: Record<string, unknown>) => {
      const folder = join(dir, name);
      cpSync(base, folder, { recursive: true });
      const run = JSON.parse(readFileSync(join(folder, "run.json"), "utf8"));
      writeFileSync(join(folder, "run.json"), JSON.stringify({ ...run, ...extra }));
      return folder;
    };
    const selection = (sources: string[], from: number | null) => ({ sources, from, from_given: from !== null, to: null, region: null });
    const provincial = asRun("stress-provincial", { command: "stress", selection: selection(["provincial"], 2024), cut: { levels: [0, 0.1] }, confidence: null });
    const city = asRun("stress-city", { command: "stress", selection: selection(["city"], null), cut: { levels: [0, 0.1, 0.2] }, confidence: 0.9, calibration: { draws: 2000, seed: 8 } });
    const result = await compareFolders([provincial, city]);
    expect(result.runs.map((d) => [d.path, ...d.values])).toEqual([
      ["confidence", "none (plain plan)", "0.9"],
      ["calibration.draws", "none", "2000"],
      ["calibration.seed", "none", "8"],
      ["selection.sources", '["provincial"]', '["city"]'],
      ["selection.from", "2024", "none"],
      ["cut.levels", "[0,0.1]", "[0,0.1,0.2]"],
    ]);
    expect(compareText(result, 5, null)).toContain("run settings that differ (6; run.json):\n  confidence: none (plain plan) → 0.9\n");
    const perYear = asRun("min-budget-per-year", { command: "min-budget", selection: selection(["provincial"], 2024), per_year: true });
    const whole = asRun("min-budget-whole", { command: "min-budget", selection: selection(["provincial"], 2024), per_year: false });
    expect((await compareFolders([whole, perYear])).runs.map((d) => [d.path, ...d.values])).toEqual([["per_year", "false", "true"]]);
  });

  it("refuses folders with different output versions or horizons unless forced", async () => {
    const other = join(dir, "other");
    cpSync(base, other, { recursive: true });
    const runFile = join(other, "run.json");
    const run = JSON.parse(readFileSync(runFile, "utf8"));
    writeFileSync(runFile, JSON.stringify({ ...run, engine: { ...run.engine, output_version: 99 } }));
    await expect(compareFolders([base, other])).rejects.toMatchObject({ kind: "usage", message: expect.stringMatching(/output version 99/) });
    writeFileSync(runFile, JSON.stringify({ ...run, horizon: { start: 2021, end: 2025 } }));
    await expect(compareFolders([base, other])).rejects.toThrow(/plans 2021–2025, .* plans 2021–2023/);
    const forced = await compareFolders([base, other], { force: true });
    expect(forced.warnings).toHaveLength(1);
    await expect(compareFolders([base, join(dir, "nope")])).rejects.toThrow(/is not a folder/);
    await expect(compareFolders([base])).rejects.toThrow(/at least two/);
  });
});

describe("input diff", () => {
  /** A stress-shaped folder: base's input.yaml, run.json saying stress, a summary with the given cut rows. */
  function stressFolder(name: string, rows: string[], diagnostics?: string[]): string {
    const folder = join(dir, name);
    cpSync(base, folder, { recursive: true, filter: (src) => !src.endsWith(".csv") || src === base });
    const run = JSON.parse(readFileSync(join(base, "run.json"), "utf8"));
    writeFileSync(join(folder, "run.json"), JSON.stringify({ ...run, command: "stress" }));
    writeFileSync(join(folder, "stress_summary.csv"), ["cut,cut_label,status,targets_met,government_used_yuan", ...rows].join("\n") + "\n");
    if (diagnostics) writeFileSync(join(folder, "diagnostics.csv"), ["cut,cut_label,kind,where,message,input_line", ...diagnostics].join("\n") + "\n");
    return folder;
  }

  it("refuses folders of different commands, even when both hold a diagnostics.csv (nothing would line up)", async () => {
    const stress = stressFolder("stress-a", ["0,0%,optimal,2,100", "0.6,60%,infeasible,,"], ["0.6,60%,conflict:budgets,b,exceeded by 1,"]);
    await expect(compareFolders([base, stress])).rejects.toThrow(/different commands.*\[1\] .*: plan; \[2\] .*stress-a: stress/);
  });

  it("compares two stress runs level by level, and says how many values only some folders hold", async () => {
    const a = stressFolder("stress-b", ["0,0%,optimal,2,100", "0.1,10%,optimal,1,90"]);
    const b = stressFolder("stress-c", ["0,0%,optimal,2,100", "0.1,10%,optimal,1,85", "0.2,20%,optimal,0,70"]);
    const result = await compareFolders([a, b]);
    const used = result.rows.find((r) => r.file === "stress_summary.csv" && r.key === "cut=0.1" && r.column === "government_used_yuan")!;
    expect(used.deltas).toEqual([-5]);
    expect(result.rows.filter((r) => r.missingIn.join() === "1").map((r) => r.column)).toEqual(["targets_met", "government_used_yuan"]);
    const text = compareText(result, 5, null);
    expect(text).toContain("stress_summary.csv:");
    expect(text).toContain("2 values are in some folders only");
  });

  it("explains stress --draws's P(all targets met) missing from a stress run without --draws, as stress.csv's P(met)", async () => {
    const plain = stressFolder("stress-plain", ["0,0%,optimal,2,100", "0.1,10%,optimal,1,90"]);
    writeFileSync(join(plain, "stress.csv"), "cut,cut_label,status,target,met\n0,0%,optimal,t1,true\n0.1,10%,optimal,t1,false\n");
    const drawn = stressFolder("stress-drawn", []);
    const run = JSON.parse(readFileSync(join(drawn, "run.json"), "utf8"));
    writeFileSync(join(drawn, "run.json"), JSON.stringify({ ...run, monte_carlo: { mode: "evaluate", seed: 1, draws: 500, workers: 1, common_random_numbers: true } }));
    writeFileSync(join(drawn, "stress_summary.csv"), [
      "cut,cut_label,status,targets_met,government_used_yuan,p_all_targets_met,p_all_targets_met_se",
      "0,0%,optimal,2,100,0.8,0.017889", "0.1,10%,optimal,1,90,0.6,0.021909",
    ].join("\n") + "\n");
    writeFileSync(join(drawn, "stress.csv"), "cut,cut_label,status,target,met,p_met,p_met_se\n0,0%,optimal,t1,true,0.9,0.013416\n0.1,10%,optimal,t1,false,0.7,0.020494\n");
    const text = compareText(await compareFolders([plain, drawn]), 5, null);
    expect(text).toContain("  stress_summary.csv: the Monte Carlo columns p_all_targets_met, p_all_targets_met_se are missing in [1] (planned without --draws), so their values are not compared");
    expect(text).toContain("  stress.csv: the Monte Carlo columns p_met, p_met_se are missing in [1] (planned without --draws), so their values are not compared");
  });

  it("leads with each folder's targets met and money by kind of source (summed by hand from funding.csv), then the targets' rows", async () => {
    const result = await compareFolders([base, cut]);
    const byKind = (folder: string) => {
      const sums = new Map<string, number>();
      for (const r of readPlainCsv(join(folder, "funding.csv"))) sums.set(r.source_kind, (sums.get(r.source_kind) ?? 0) + Number(r.amount_yuan));
      return [...sums].map(([k, v]) => [k, Math.round(v * 100) / 100]);
    };
    const met = (folder: string) => readPlainCsv(join(folder, "targets.csv")).filter((r) => r.met === "true").length;
    const summaries = folderSummaries(result.folders);
    expect(summaries.map((s) => s.moneyByKind)).toEqual([byKind(base), byKind(cut)]);
    expect(summaries.map((s) => s.targetsMet)).toEqual([met(base), met(cut)]);
    expect(compareText(result, 5, null)).toMatch(new RegExp(`\\[2\\] .*\\n {6}targets met ${met(cut)}/\\d+; government `));
    expect(result.rows[0].file).toBe("targets.csv"); // the outcome before the detail that made it
    // The command hands the report and 概要 the printout's notes (overlayCaveats).
    const notes = overlayCaveats(result.folders, result.inputs, result.rows);
    const figures = keyFigures(runContext("compare", { "compare.csv": renderCompareCsv(result, { bom: false }) }, { scenario: { name: "x" }, folders: summaries, overlay_notes: notes }));
    expect(figures.find((f) => f.label.en === "Folder 2: targets met")?.value).toBe(`${met(cut)} / ${summaries[1].targets}`);
    expect(figures.find((f) => f.label.en === "Folder 2: money from government")?.value).toBe(byKind(cut).find(([k]) => k === "government")?.[1]);
    expect(figures.find((f) => f.label.en === "Note: overlays")?.value).toEqual(OVERLAY_REPLANS);
    // The printout says the same, in the same words (finding 7 of a finance office's review: only compare.html did).
    expect(compareText(result, 5, null)).toContain(`\nnote: ${OVERLAY_REPLANS.en}\n`);
  });

  it("titles each folder by its scenario, the overlays that made it differ and the folder, so one scenario run twice reads apart", async () => {
    const { folders } = await compareFolders([base, cut]);
    const name = folders[0].runJson.scenario!.name!;
    expect(folderTitles(folders)).toEqual([`${name} (base)`, `${name} + cut-20.yaml (cut-20)`]);
    // The review's mc and conf90: the same scenario, planned plainly and to 90 % — titled "x ↔ x" before.
    const conf90 = join(dir, "conf90");
    cpSync(base, conf90, { recursive: true });
    const same = await compareFolders([base, conf90]);
    const summaries = folderSummaries(same.folders);
    expect(summaries.map((s) => [s.title, s.folder])).toEqual([[`${name} (base)`, "base"], [`${name} (conf90)`, "conf90"]]);
    const figures = keyFigures(runContext("compare", { "compare.csv": renderCompareCsv(same, { bom: false }) }, { scenario: { name: "x" }, folders: summaries }));
    expect(figures.filter((f) => /^Folder \d$/.test(f.label.en)).map((f) => f.value)).toEqual([`${name} (base)`, `${name} (conf90)`]);
    // Two folders of one name are told apart by their paths as given.
    const other = join(dir, "other", "base");
    cpSync(base, other, { recursive: true });
    expect(folderTitles((await compareFolders([base, other])).folders)).toEqual([`${name} (${base})`, `${name} (${other})`]);
  });

  it("prints a target's outcome changes before its price changes, however large the price's", () => {
    const row = (column: string, values: string[]): CompareRow => {
      const [a, b] = values.map((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))); // flags count 1/0, as aligned
      return { file: "targets.csv", key: "target=typical-all", column, values, deltas: [b - a], relDeltas: [a === 0 ? null : (b - a) / Math.abs(a)], missingIn: [] };
    };
    const rows = [row("marginal_cost_yuan_per_unit", ["351000000", "0"]), row("planned", ["27", "26"]), row("met", ["true", "false"])];
    expect(mostChanged(rows, 2).get("targets.csv")!.map((r) => r.column)).toEqual(["met", "planned"]);
  });

  it("prints the money by source, where a cut of one government source that another takes up leaves the money by kind as it was", async () => {
    const result = await compareFolders([base, centralCut]);
    const [before, after] = result.folders.map((f) => summariseFolder(f, "", ""));
    const government = (s: typeof before) => s.moneyByKind.find(([k]) => k === "government")![1];
    expect(Math.abs(government(after) - government(before))).toBeLessThan(1);
    const bySource = (folder: string, source: string) =>
      readPlainCsv(join(folder, "funding.csv")).filter((r) => r.source === source).reduce((t, r) => t + Number(r.amount_yuan), 0);
    const central = result.sources.find((r) => r.key === "source=central")!;
    expect(central.column).toBe("amount_yuan");
    expect(central.values.map(Number)).toEqual([bySource(base, "central"), bySource(centralCut, "central")].map((x) => Math.round(x * 100) / 100));
    const text = compareText(result, 5, null);
    const lines = text.split("\n");
    const head = lines.indexOf("  money by source (funding.csv summed over years, regions and programmes):");
    expect(head).toBeGreaterThan(lines.findIndex((l) => l.startsWith("values that changed most")));
    expect(lines[head + 1]).toMatch(/^ {4}(central 中央补助: 1\.93亿元 → 1\.4亿元 \(−5,333\.33万元|county 县级财政: 1\.52亿元 → 2\.05亿元 \(\+5,333\.33万元)/);
    expect(lines.slice(head + 1, head + 3).map((l) => l.trim().split(" ")[0]).sort()).toEqual(["central", "county"]);
    // Residents and the enterprise pay the same (to under a yuan): not listed.
    expect(lines[head + 3]).not.toMatch(/^ {4}\w+ /);
  });

  it("leaves the ranges of prices and near-zero bases out of the printout, by the report's rule", () => {
    const row = (file: string, key: string, column: string, values: string[]): CompareRow => {
      const [a, b] = values.map(Number);
      return { file, key, column, values, deltas: [b - a], relDeltas: [a === 0 ? null : (b - a) / Math.abs(a)], missingIn: [] };
    };
    const rows = [
      row("targets.csv", "target=gd", "marginal_cost_valid_to", ["1420024.3338", "1420007.688"]),
      row("targets.csv", "target=gd", "marginal_cost_valid_from", ["1419996.6053", "1419974.2427"]),
      row("plan.csv", "year=2024;region=a", "households_started", ["0.0004", "0"]), // −100 %, of nothing
      row("plan.csv", "year=2024;region=b", "households_started", ["5000", "4900"]),
      row("budgets.csv", "year=2024;region=c", "shadow_price_valid_from_yuan", ["8514600", "2105000"]),
    ];
    const changed = mostChanged(rows, 5);
    expect([...changed.keys()]).toEqual(["plan.csv"]);
    expect(changed.get("plan.csv")!.map((r) => r.key)).toEqual(["year=2024;region=b"]);
  });

  it("writes money that changed with the digits that tell before from after", () => {
    const row: CompareRow = { file: "budgets.csv", key: "year=2025;region=c;source=county", column: "used_yuan", values: ["128000000", "128200000"], deltas: [200000], relDeltas: [200000 / 128000000], missingIn: [] };
    const lines = compareText({ folders: [], rows: [row], inputs: [], runs: [], sources: [], warnings: [], absent: [] }, 5, null).split("\n");
    expect(lines).toContain("    year=2025;region=c;source=county used_yuan: 1.280亿元 → 1.282亿元 (+20万元 +0.2%)");
  });

  it("prints no relative change from a near-zero base: a change from −0.0001 households is not +6159005100.0%", () => {
    const row = (key: string, a: number, b: number): CompareRow =>
      ({ file: "stress_summary.csv", key, column: "households_started_lost", values: [String(a), String(b)], deltas: [Number((b - a).toPrecision(12))], relDeltas: [a === 0 ? (b === a ? 0 : null) : (b - a) / Math.abs(a)], missingIn: [] });
    // Two stress runs' stress_summary.csv as the review compared them.
    const rows = [row("cut=0", 0, 0), row("cut=0.1", -0.0001, 6159.005), row("cut=0.2", 40.8634, 12317.848), row("cut=0.3", 6199.7065, 18476.691)];
    const result = { folders: [], rows, inputs: [], runs: [], sources: [], warnings: [], absent: [] };
    const lines = compareText(result, 5, null).split("\n");
    expect(lines).toContain("    cut=0.1 households_started_lost: -0.0001 → 6159.005 (+6159.0051)");
    expect(lines).toContain("    cut=0.3 households_started_lost: 6199.7065 → 18476.691 (+12276.9845 +198.0%)");
  });

  it("prints shares and probabilities as per cent changing by percentage points, ranked by the points", () => {
    // The review's mc against conf90: P(met) 0 → 57 % has no relative change, 0.7 % → 92.6 % a meaningless +13,128.6 %.
    const rows = [targetRow("lj-communities", "p_met", 0.007, 0.926), targetRow("lj-households", "p_met", 0, 0.572), targetRow("czc-villages", "p_met", 0.1, 0.83725), targetRow("lj-county", "attainment", 1, 1.266667)];
    expect(printedTargets(rows)).toEqual([
      "    target=lj-communities p_met: 0.7% → 92.6% (+91.9 pp)",
      "    target=czc-villages p_met: 10.0% → 83.7% (+73.7 pp)",
      "    target=lj-households p_met: 0.0% → 57.2% (+57.2 pp)",
      "    target=lj-county attainment: 100.0% → 126.7% (+26.7 pp)",
    ]);
  });

  it("prints a file's changes of shares in points beside its relative changes, neither crowding out the other", () => {
    // The county review's mc against more-teams: P10 3 → 2 (−33.3 %) ranked above P(met) 94.9 % → 80.2 % (−14.7 pp), which fell out.
    const rows = [
      targetRow("typical-2025", "attainment", 2, 1.5), targetRow("village-hh", "p_met", 0.216, 0.6675), targetRow("typical-all", "p_met", 0.949, 0.802),
      targetRow("street-all", "p_met", 0.9125, 0.7805), targetRow("typical-2025", "p_met", 0.9965, 0.9635), targetRow("typical-all", "p_met_se", 0.004919, 0.008911),
      targetRow("village-hh", "p10", 430, 680), targetRow("typical-2025", "p10", 3, 2), targetRow("village-hh", "p50", 750, 1000), targetRow("typical-all", "p10", 6, 5),
      targetRow("street-all", "p10", 5, 4), targetRow("village-hh", "marginal_cost_yuan_per_unit", 69121.62, 39200),
    ];
    expect(printedTargets(rows)).toEqual([
      "    target=typical-2025 attainment: 200.0% → 150.0% (−50 pp)",
      "    target=village-hh p_met: 21.6% → 66.8% (+45.2 pp)",
      "    target=typical-all p_met: 94.9% → 80.2% (−14.7 pp)",
      "    target=street-all p_met: 91.3% → 78.1% (−13.2 pp)",
      "    target=typical-2025 p_met: 99.7% → 96.4% (−3.3 pp)",
      "    target=village-hh p10: 430 → 680 (+250 +58.1%)",
      "    target=typical-2025 p10: 3 → 2 (-1 -33.3%)",
      "    target=village-hh p50: 750 → 1000 (+250 +33.3%)",
      "    target=street-all p10: 5 → 4 (-1 -20.0%)",
      "    target=typical-all p10: 6 → 5 (-1 -16.7%)",
    ]);
    // compare.csv is as it was: a share's rel_delta stays empty.
    const result = { folders: [{}, {}] as never, rows, inputs: [], runs: [], sources: [], warnings: [], absent: [] };
    expect(renderCompareCsv(result, { bom: false })).toContain("targets.csv,target=typical-all,p_met,0.949,0.802,-0.147,,");
  });

  it("reads a flag written 是 / 否 as the scenario does: integer: 是 against integer: true is no change", () => {
    const a = { programs: [{ id: "towns", integer: "是" }, { id: "streets", integer: "否" }], sources: [{ id: "c", carryover: "是" }] };
    const b = { programs: [{ id: "towns", integer: true }, { id: "streets", integer: false }], sources: [{ id: "c", carryover: false }] };
    expect(diffInputs([a, b])).toEqual([{ path: "sources[c].carryover", values: ["是", "false"] }]);
  });

  it("reads a flag a folder left out as its default: absent against false is no change, absent against true is", async () => {
    /** base's folder with input.yaml's `central` source and objective patched. */
    const withFlags = (name: string, central: Record<string, unknown>, objective: Record<string, unknown>) => {
      const folder = join(dir, name);
      cpSync(base, folder, { recursive: true });
      const input = parseYaml(readFileSync(join(folder, "input.yaml"), "utf8"));
      input.sources[0] = { ...input.sources[0], ...central };
      writeFileSync(join(folder, "input.yaml"), stringifyYaml({ ...input, objective }));
      return folder;
    };
    const written = withFlags("flags-false", { carryover: false }, { smoothing: "否" });
    expect((await compareFolders([base, written])).inputs).toEqual([]);
    const result = await compareFolders([base, withFlags("flags-true", { carryover: true }, { smoothing: false })]);
    expect(result.inputs).toEqual([{ path: "sources[central].carryover", values: ["(absent: false)", "true"] }]);
    expect(compareText(result, 5, null)).toContain("inputs that differ (1):\n  sources[central].carryover: (absent: false) → true\n");
  });

  it("keys lists of records by id, or by region/program/year, and other lists as values", () => {
    const a = { sources: [{ id: "c", budgets: [{ region: "gz", year: 2021, amount: 1 }] }], objective: { stages: [1, 2] } };
    const b = { sources: [{ id: "c", budgets: [{ region: "gz", year: 2021, amount: 2 }] }, { id: "d" }], objective: { stages: [1] } };
    expect(diffInputs([a, b])).toEqual([
      { path: "sources[c].budgets[gz/2021].amount", values: ["1", "2"] },
      { path: "objective.stages", values: ["[1,2]", "[1]"] },
      { path: "sources[d]", values: [null, "id: d"] },
    ]);
  });

  it("gives a record only one folder holds as one row, its fields in one value (an office's 277 actuals rows read as 1,110)", () => {
    const record = (region: string, started: number) => ({ region, program: "retrofit", year: 2024, started });
    const a = { actuals: [record("gz", 1)] };
    const b = { actuals: [record("gz", 1), record("sz", 0), record("fs", 2)], sources: [{ id: "c", budgets: [{ region: "gz", year: 2021, amount: 1 }] }] };
    expect(diffInputs([a, b])).toEqual([
      { path: "actuals[sz/retrofit/2024]", values: [null, "region: sz, program: retrofit, year: 2024, started: 0"] },
      { path: "actuals[fs/retrofit/2024]", values: [null, "region: fs, program: retrofit, year: 2024, started: 2"] },
      { path: "sources[c]", values: [null, "id: c, budgets[gz/2021].region: gz, budgets[gz/2021].year: 2021, budgets[gz/2021].amount: 1"] },
    ]);
    // A record two of three folders hold with different values still differs field by field (collapsed,
    // and cut at 200 characters, the two would have read alike).
    const c = { actuals: [record("gz", 1)] };
    const d = { actuals: [record("gz", 1), record("sz", 4)] };
    expect(diffInputs([b, d, c])).toEqual([
      { path: "actuals[sz/retrofit/2024].region", values: ["sz", "sz", null] },
      { path: "actuals[sz/retrofit/2024].program", values: ["retrofit", "retrofit", null] },
      { path: "actuals[sz/retrofit/2024].year", values: ["2024", "2024", null] },
      { path: "actuals[sz/retrofit/2024].started", values: ["0", "4", null] },
      { path: "actuals[fs/retrofit/2024]", values: ["region: fs, program: retrofit, year: 2024, started: 2", null, null] },
      { path: "sources[c]", values: ["id: c, budgets[gz/2021].region: gz, budgets[gz/2021].year: 2021, budgets[gz/2021].amount: 1", null, null] },
    ]);
    // A record both hold still differs field by field.
    expect(diffInputs([b, { ...b, actuals: [record("gz", 3), record("sz", 0), record("fs", 2)] }])).toEqual([
      { path: "actuals[gz/retrofit/2024].started", values: ["1", "3"] },
    ]);
  });
});
