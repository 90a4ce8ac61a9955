/**
 * Family 1 (data loss with --force) for every command that writes: plan, stress, min-budget,
 * compare, merge, export -o. Whatever --out points at, nothing renewsim did not write is replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, project, runIn, TOY } from "./helpers.js";

/** Every file under `dir`, with its content, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) out[p] = "(link)";
      else out[p] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

const COMMANDS: [string, (out: string) => string[]][] = [
  ["plan", (out) => ["s.yaml", "--out", out, "--force", "--quiet"]],
  ["stress", (out) => ["stress", "s.yaml", "--cut", "government=10%", "--out", out, "--force", "--quiet"]],
  ["min-budget", (out) => ["min-budget", "s.yaml", "--source", "government", "--out", out, "--force", "--quiet"]],
  ["compare", (out) => ["compare", "results/base", "results/base", "--out", out, "--force"]],
  ["merge", (out) => ["merge", "results/shard-1", "results/shard-2", "--out", out, "--force", "--quiet"]],
  ["export -o", (out) => ["export", "s.yaml", "-o", out, "--force"]],
];

describe("--out with --force never replaces what renewsim did not write", () => {
  it.each(COMMANDS)("%s", async (_name, args) => {
    const dir = project({ "s.yaml": TOY, "data/keep.csv": "id\nx\n", "thesis.docx": "years of work", "notes/todo.txt": "mine" });
    expect((await runIn(dir, "s.yaml", "--out", "results/base", "--quiet")).code).toBe(0);
    for (const k of [1, 2]) expect((await runIn(dir, "s.yaml", "--draws", "400", "--shard", `${k}/2`, "--workers", "1", "--out", `results/shard-${k}`, "--quiet")).code).toBe(0);
    symlinkSync(join(dir, "notes"), join(dir, "link-to-notes"));
    const before = snapshot(dirname(dir));
    const targets = [".", "..", "../..", "thesis.docx", "notes", "link-to-notes", "data", dir, "results/base/..", "/", process.env.HOME ?? "/root"];
    for (const out of targets) {
      const r = await runIn(dir, ...args(out));
      expectRefused(r, 4, /will not write|already exists/);
    }
    expect(snapshot(dirname(dir))).toEqual(before);
  });
});

describe("an output that exists already", () => {
  it("is named with the option every writing command has, --out (export's -o is its short form)", async () => {
    const dir = project({ "s.yaml": TOY });
    expect((await runIn(dir, "export", "s.yaml", "--out", "stage1.lp")).code).toBe(0);
    const again = await runIn(dir, "export", "s.yaml", "-o", "stage1.lp");
    expectRefused(again, 4, /already exists; use --force to replace it or --out to choose another/);
    expect((await runIn(dir, "export", "s.yaml", "--out", "other.lp")).code).toBe(0);
    expect(readFileSync(join(dir, "other.lp"), "utf8")).toBe(readFileSync(join(dir, "stage1.lp"), "utf8"));
  });
});

describe("default results folders from hostile scenario names", () => {
  it.each(["..", ".", "../..", "/", "../../outside", "a/../../b", "CON", "\u202e..", "results/../.."])("name %j stays one folder under results/", async (name) => {
    const dir = project({ "s.yaml": TOY.replace("name: mc-toy", `name: ${JSON.stringify(name)}`), "keep.txt": "mine" });
    const before = snapshot(dirname(dir));
    for (const args of [["s.yaml"], ["stress", "s.yaml", "--cut", "government=10%"], ["min-budget", "s.yaml", "--source", "government"]]) {
      const first = await runIn(dir, ...args, "--force", "--quiet");
      expect(first.code, first.stderr).toBe(0);
      expect((await runIn(dir, ...args, "--force", "--quiet")).code).toBe(0); // replacing its own folder is fine
    }
    const after = snapshot(dirname(dir));
    for (const [file, content] of Object.entries(before)) expect(after[file], file).toBe(content);
    const made = Object.keys(after).filter((f) => !(f in before)).map((f) => f.slice(dir.length + 1));
    expect(made.every((f) => /^results\/[^/]+\/[^/]+$/.test(f)), made.join("\n")).toBe(true);
    expect(readdirSync(join(dir, "results")).length).toBe(3);
  });
});

describe("an existing results folder", () => {
  it("is replaced with --force only while it holds nothing but renewsim's files", async () => {
    const dir = project({ "s.yaml": TOY });
    expect((await runIn(dir, "s.yaml", "--out", "out", "--quiet")).code).toBe(0);
    expectRefused(await runIn(dir, "s.yaml", "--out", "out", "--quiet"), 4, /already exists; use --force/);
    expect((await runIn(dir, "s.yaml", "--out", "out", "--force", "--quiet")).code).toBe(0);
    writeFileSync(join(dir, "out", "my-analysis.xlsx"), "mine");
    expectRefused(await runIn(dir, "s.yaml", "--out", "out", "--force", "--quiet"), 4, /holds files renewsim did not write there \(my-analysis\.xlsx/);
    mkdirSync(join(dir, "legacy"));
    writeFileSync(join(dir, "legacy", "run.json"), '{"engine":{"name":"renewsim"}}');
    expectRefused(await runIn(dir, "s.yaml", "--out", "legacy", "--force", "--quiet"), 4, /has no \.renewsim-results\.json/);
    expect(existsSync(join(dir, "out", "my-analysis.xlsx"))).toBe(true);
  });
});

describe("an output inside a folder the command reads", () => {
  it("is refused before anything is written: compare into a compared folder, merge into a shard", async () => {
    const dir = project({ "s.yaml": TOY });
    expect((await runIn(dir, "s.yaml", "--out", "results/base", "--quiet")).code).toBe(0);
    expect((await runIn(dir, "s.yaml", "--out", "results/other", "--quiet")).code).toBe(0);
    for (const k of [1, 2]) expect((await runIn(dir, "s.yaml", "--draws", "400", "--shard", `${k}/2`, "--workers", "1", "--out", `results/shard-${k}`, "--quiet")).code).toBe(0);
    const before = snapshot(dir);
    // A compare file in results/base made it a folder renewsim no longer replaces (re-planning into it exited 4).
    for (const out of ["results/base/cmp.csv", "results/other/deeper/cmp.csv"]) {
      expectRefused(await runIn(dir, "compare", "results/base", "results/other", "--out", out), 4, /lies inside results\/(base|other), an input of this command/);
    }
    expectRefused(await runIn(dir, "merge", "results/shard-1", "results/shard-2", "--out", "results/shard-1/merged", "--quiet"), 4, /lies inside results\/shard-1, an input of this command/);
    expect(snapshot(dir)).toEqual(before);
    expect((await runIn(dir, "s.yaml", "--out", "results/base", "--force", "--quiet")).code).toBe(0);
  });
});
