/**
 * The bundled CLI (tools/bundle.mjs, what `simulate` runs once built) writes the folder the sources
 * write, byte for byte: through its solver thread, both office threads and Monte Carlo workers.
 * A module the bundle resolves differently (a file found from `import.meta.url`, a library copy
 * that is not the one another library uses) shows up here.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";

const SCENARIO = "scenarios/guangzhou-towns-2024-2027.yaml";
const ARGS = ["--draws", "400", "--workers", "2", "--quiet"];
// Inside the checkout: the bundle finds package.json above itself (src/ownFiles.ts).
const bundle = mkdtempSync(".tmp_bundle-");
const out = mkdtempSync(join(tmpdir(), "renewsim-bundle-"));

afterAll(() => {
  rmSync(bundle, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** Every file of a folder; run.json without its timings. */
function folder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) files[f] = readFileSync(join(dir, f), "latin1");
  const run = JSON.parse(files["run.json"]) as { timings_seconds?: unknown; stages: { seconds?: number }[] };
  delete run.timings_seconds;
  for (const s of run.stages) delete s.seconds;
  files["run.json"] = JSON.stringify(run);
  return files;
}

describe("the bundled CLI", () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, ["tools/bundle.mjs", join(bundle, "dist")], { encoding: "utf8" });
    if (built.status !== 0) throw new Error(`tools/bundle.mjs failed (exit ${built.status}):\n${built.stderr}`);
    // bin/simulate.js runs dist/ of the checkout; this entry runs the test's bundle the same way.
    writeFileSync(join(bundle, "simulate.mjs"), 'import { main } from "./dist/cli/main.js";\nprocess.exitCode = await main(process.argv);\n');
  }, 120_000);

  it("writes the same results folder as the sources", async () => {
    const run = spawnSync(process.execPath, [join(bundle, "simulate.mjs"), SCENARIO, ...ARGS, "--out", join(out, "bundled")], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect((await runCli(SCENARIO, ...ARGS, "--out", join(out, "sources"))).code).toBe(0);
    const bundled = folder(join(out, "bundled"));
    expect(Object.keys(bundled)).toContain("results.xlsx");
    expect(Object.keys(bundled)).toContain("mc_summary.csv");
    const sources = folder(join(out, "sources"));
    expect(bundled).toStrictEqual(sources);
  }, 180_000);

  // iconv-lite stays outside the bundle (its tables are read only for files that are not UTF-8).
  it("reads a GBK data table", () => {
    const scenarios = join(out, "gbk");
    cpSync("scenarios", scenarios, { recursive: true });
    const regions = join(scenarios, "data", "guangzhou-towns-regions.csv");
    writeFileSync(regions, iconv.encode(readFileSync(regions, "utf8"), "gbk"));
    const validate = (dir: string) => spawnSync(process.execPath, [join(bundle, "simulate.mjs"), "validate", join(dir, "guangzhou-towns-2024-2027.yaml")], { encoding: "utf8" });
    const gbk = validate(scenarios);
    expect(gbk.status, gbk.stderr).toBe(0);
    // "ok: … (hash …)": the same scenario hash as the UTF-8 original, so the names read back intact.
    expect(gbk.stdout).toBe(validate("scenarios").stdout);
  }, 60_000);
});
