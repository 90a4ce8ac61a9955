/**
 * Family 4: bounded resources. Alias bombs, deep nesting, huge files, /dev/zero, FIFOs and folders
 * as inputs, a 100,000-row national table, absurd --draws and --workers: each refused clearly and
 * quickly with exit 2 (limits in docs/limits.md), or — for large legitimate input — handled.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/limits.js";
import { expectRefused, project, runIn, TOY } from "./helpers.js";

const lol = (levels: number, width: number, flow: boolean) => {
  let y = `l0: &l0 ${flow ? "[lol, lol]" : "{a: lol, b: lol}"}\n`;
  for (let i = 1; i <= levels; i++) {
    const refs = Array.from({ length: width }, (_, k) => (flow ? `*l${i - 1}` : `k${k}: *l${i - 1}`));
    y += `l${i}: &l${i} ${flow ? `[${refs.join(", ")}]` : `{${refs.join(", ")}}`}\n`;
  }
  return `${y}name: *l${levels}\n`;
};

describe("YAML bombs and nesting", () => {
  const cases: [string, string, RegExp][] = [
    ["billion laughs (lists)", lol(9, 10, true), /more than 10,000 aliases|expands to more than 1,000,000 values/],
    ["billion laughs (mappings)", lol(12, 4, false), /more than 10,000 aliases|expands to more than 1,000,000 values/],
    ["few aliases, huge expansion", lol(24, 2, true).replace(/\*l(\d+), \*l\d+/g, "*l$1, *l$1"), /expands to more than 1,000,000 values|more than 10,000 aliases/],
    ["deep flow lists", `name: ${"[".repeat(20000)}${"]".repeat(20000)}\n`, /nests too deeply to read|nests deeper than 64 levels/],
    ["deep flow mappings", `name: ${"{a: ".repeat(3000)}1${"}".repeat(3000)}\n`, /nests too deeply to read|nests deeper than 64 levels/],
    ["deep block mappings", Array.from({ length: 1200 }, (_, i) => `${" ".repeat(i)}k:\n`).join(""), /nests too deeply to read|nests deeper than 64 levels/],
    ["nesting just past the limit", `name: ${"[".repeat(LIMITS.yamlDepth + 1)}${"]".repeat(LIMITS.yamlDepth + 1)}\n`, /nests deeper than 64 levels/],
  ];
  it.each(cases)("%s", async (_name, yaml, message) => {
    const dir = project({ "s.yaml": yaml, "o.yaml": "extends: s.yaml\n" });
    for (const file of ["s.yaml", "o.yaml"]) expectRefused(await runIn(dir, "validate", file), 2, message);
  });
});

describe("inputs that are not ordinary files", () => {
  it("a file over the size limit, /dev/zero, a FIFO and a folder: as scenario, extends target, overlay and CSV", async () => {
    const dir = project({ "s.yaml": TOY });
    writeFileSync(join(dir, "big.yaml"), `name: x\ndescription: "${"a".repeat(LIMITS.yamlBytes)}"\n`);
    writeFileSync(join(dir, "big.csv"), `region,stock\n${"a,1\n".repeat(LIMITS.csvBytes / 4 + 1)}`);
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    symlinkSync("/dev/zero", join(dir, "zero.csv"));
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    execFileSync("mkfifo", [join(dir, "fifo.csv")]);
    mkdirSync(join(dir, "folder.yaml"));
    mkdirSync(join(dir, "folder.csv"));
    const why: Record<string, RegExp> = { big: /is \d+(\.\d+)? MB; the limit for this kind of file is \d+ MB/, zero: /is a device/, fifo: /is a named pipe \(FIFO\)/, folder: /is a folder, not a file/ };
    for (const [kind, message] of Object.entries(why)) {
      expectRefused(await runIn(dir, "validate", `${kind}.yaml`), 2, message);
      // As a reference, a link to /dev/zero is already refused as leading outside the folder.
      const referenced = kind === "zero" ? /is a link to a file outside/ : message;
      writeFileSync(join(dir, "x.yaml"), `extends: ${kind}.yaml\n`);
      expectRefused(await runIn(dir, "validate", "x.yaml"), 2, referenced);
      expectRefused(await runIn(dir, "validate", "s.yaml", "--with", `${kind}.yaml`), 2, message);
      writeFileSync(join(dir, "y.yaml"), TOY.replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", `      - {file: ${kind}.csv}`));
      expectRefused(await runIn(dir, "validate", "y.yaml"), 2, referenced);
    }
  });
});

describe("a national table of 100,000 rows", () => {
  const national = () => {
    const n = 100_000;
    const regions = ["id,name,parent", "cn,全国,"];
    const leaves = ["区域,存量"];
    for (let i = 0; i < n; i++) {
      regions.push(`c${i},社区${i},cn`);
      leaves.push(`c${i},${1 + (i % 7)}`);
    }
    const yaml = TOY.replace(/regions:\n(  - .*\n)+/, "regions:\n  - {file: regions.csv}\n")
      .replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", "      - {file: leaves.csv}")
      .replace(/budgets:\n(      - .*\n)+/, 'budgets:\n      - {region: cn, per_year: "3000亿"}\n')
      .replace(/targets:\n(  - .*\n)+/, "targets:\n  - {id: t, program: retrofit, region: cn, metric: started, by: 2021, at_least: 1000}\n")
      .replace(/uncertainty:[\s\S]*$/, "");
    return project({ "s.yaml": yaml, "regions.csv": regions.join("\n") + "\n", "leaves.csv": leaves.join("\n") + "\n" });
  };

  it("is read and checked, and planning it is refused by the model size limit before any model is built", async () => {
    const dir = national();
    const ok = await runIn(dir, "validate", "s.yaml");
    expect(ok.stderr).toMatch(/planning model would have about 300,000 columns .* the limit is 250,000/);
    expectRefused(await runIn(dir, "s.yaml", "--out", "out"), 2, /planning model would have about 300,000 columns/);
  }, 180_000); // ≈ 13 s idle

  it("a table over the row limit is refused by its row count", async () => {
    const dir = project({ "s.yaml": TOY.replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", "      - {file: leaves.csv}"), "leaves.csv": `region,stock\n${"a,1\n".repeat(LIMITS.csvRows + 1)}` });
    expectRefused(await runIn(dir, "validate", "s.yaml"), 2, /the file has 200,001 rows; the limit is 200,000 rows per CSV file/);
  });

  it("a region tree deeper than the limit is refused at the region, not by a stack overflow", async () => {
    const rows = ["id,parent", "r0,"];
    for (let i = 1; i < 50_000; i++) rows.push(`r${i},r${i - 1}`);
    const yaml = TOY.replace(/regions:\n(  - .*\n)+/, "regions:\n  - {file: regions.csv}\n  - {id: a, parent: r49999}\n  - {id: b, parent: r49999}\n");
    const dir = project({ "s.yaml": yaml, "regions.csv": rows.join("\n") + "\n" });
    expectRefused(await runIn(dir, "validate", "s.yaml"), 2, /regions\[32\]\.parent: the region tree is more than 32 levels deep here .*regions\.csv line 34/);
  });
});

describe("Monte Carlo sizes", () => {
  it("--draws beyond the maximum, non-integer or absurd, and --workers beyond the limit are refused before loading", async () => {
    const dir = project({ "s.yaml": TOY });
    for (const draws of ["1e9", "1000001", "-5", "2.5", "Infinity", "0x10000000000"]) {
      expectRefused(await runIn(dir, "s.yaml", "--draws", draws, "--out", "out"), 2, /--draws (must be a whole number from 1 to 1,000,000|expects a number)/);
    }
    for (const workers of ["1000", "0", "1.5"]) {
      expectRefused(await runIn(dir, "s.yaml", "--draws", "100", "--workers", workers, "--out", "out"), 2, /--workers must be a whole number from 1 to 256/);
    }
  });

  it("--draws at its maximum is accepted (a shard of a 1,000,000-draw run); a scenario too large for that many is told its own maximum", async () => {
    const dir = project({ "s.yaml": TOY });
    const r = await runIn(dir, "s.yaml", "--draws", String(LIMITS.draws), "--shard", "1000/1000", "--workers", "1", "--out", "shard", "--quiet");
    expect(r.code, r.stderr).toBe(0);
    const gd = await runIn(process.cwd(), "scenarios/guangdong-retrofit-2021-2025.yaml", "--draws", String(LIMITS.draws), "--out", join(dir, "gd"));
    expectRefused(gd, 2, /--draws 1,000,000 would hold [\d,]+ values in memory \(\d+ per draw for this scenario\); the limit is 100,000,000 values, so this scenario can run at most [\d,]+ draws/);
  });

  it("--workers above the cores is clamped to them and says so", async () => {
    const dir = project({ "s.yaml": TOY });
    const r = await runIn(dir, "s.yaml", "--draws", "500", "--workers", "200", "--out", "out");
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8"));
    expect(run.monte_carlo.workers).toBeLessThanOrEqual(availableParallelism());
    expect(run.warnings.join("\n")).toMatch(/--workers 200 is more than the \d+ cores here/);
    expect(run.warnings_zh.join("\n")).toMatch(/--workers 200 超过本机的\d+个处理器核心，实际使用了\d+个工作线程（结果与线程数无关）/);
    expect(r.stdout.match(/--workers 200 is more than/g), r.stdout).toHaveLength(1); // said once, not as a note and again as a warning
    expect(r.stdout).toMatch(/warning: --workers 200 is more than/);
  });
});
