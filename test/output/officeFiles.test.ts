/**
 * The office files of a folder: the report drawn on the report thread is the report drawn here,
 * and a failure there reaches the caller as an error (no crash, no unhandled rejection).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_FILE, WORKBOOK_FILE, withOfficeFiles } from "../../src/output/officeFiles.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { renderInput } from "../../src/output/planFiles.js";
import { parse } from "yaml";
import { runCli } from "../cli/run.js";

describe("office files", () => {
  it("the report thread draws byte for byte the report this thread draws, beside the workbook", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "renewsim-office-")), "gd");
    expect((await runCli("scenarios/guangdong-retrofit-2021-2025.yaml", "--out", out, "--quiet", "--no-xlsx")).code).toBe(0);
    const files: Record<string, string> = {};
    for (const f of readdirSync(out).filter((x) => x !== REPORT_FILE)) files[f] = readFileSync(join(out, f), "utf8");
    const office = await withOfficeFiles(files, { kind: "plan" });
    expect(office[REPORT_FILE]).toBe(renderReport(runContext("plan", files)));
    expect(office[REPORT_FILE]).toBe(readFileSync(join(out, REPORT_FILE), "utf8"));
    expect(office[WORKBOOK_FILE]).toBeInstanceOf(Uint8Array);
  }, 120_000);

  it("the input value handed to the report thread is what parsing its input.yaml gives (every shipped scenario and overlay)", () => {
    const cases: [string, string[]][] = readdirSync("scenarios").filter((f) => f.endsWith(".yaml")).map((f) => [`scenarios/${f}`, []]);
    for (const overlay of readdirSync("scenarios/overlays")) {
      const base = /^# *base: *(\S+)/m.exec(readFileSync(`scenarios/overlays/${overlay}`, "utf8"))![1];
      cases.push([base, [`scenarios/overlays/${overlay}`]]);
    }
    expect(cases.length).toBeGreaterThan(5);
    for (const [file, overlays] of cases) {
      const { merged } = loadCheckedScenario(file, { overlays });
      expect(parse(renderInput(merged)), `${file} ${overlays.join(" ")}`).toStrictEqual(structuredClone(merged));
    }
  }, 60_000);

  it("a report that cannot be drawn fails the call with the thread's reason", async () => {
    await expect(withOfficeFiles({ "run.json": "{ not json" }, { kind: "plan", xlsx: false })).rejects.toThrow(/JSON/);
  }, 60_000);
});
