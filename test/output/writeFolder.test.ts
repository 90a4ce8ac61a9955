/**
 * writeFolder.ts / writeFile.ts / outputTarget.ts on the real file system: what --force may
 * replace, stale temporaries of a killed run, a full disk, and two runs writing the same --out.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLineStartsWith, MANIFEST } from "../../src/output/outputTarget.js";
import { writeFileAtomically } from "../../src/output/writeFile.js";
import { assertWritable, writeFolderAtomically } from "../../src/output/writeFolder.js";

const tmp = () => mkdtempSync(join(tmpdir(), "renewsim-write-"));
const kindOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { kind?: string }).kind;
  }
  return undefined;
};

describe("writeFolderAtomically", () => {
  it("writes the files and a manifest listing them; replaces the folder only with force", () => {
    const out = join(tmp(), "out");
    writeFolderAtomically(out, { "a.csv": "1\n", "run.json": "{}\n" }, false);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "a.csv", "run.json"]);
    expect(JSON.parse(readFileSync(join(out, MANIFEST), "utf8")).files).toEqual(["a.csv", "run.json"]);
    expect(kindOf(() => writeFolderAtomically(out, { "b.csv": "2\n" }, false))).toBe("output_exists");
    writeFolderAtomically(out, { "b.csv": "2\n" }, true);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "b.csv"]);
  });

  it("replaces an empty folder made for the results, with or without force, keeping its permissions: nothing there to lose", () => {
    for (const force of [false, true]) {
      const out = join(tmp(), "mine");
      mkdirSync(out);
      chmodSync(out, 0o750);
      writeFolderAtomically(out, { "a.csv": "1\n" }, force);
      expect(readdirSync(out).sort()).toEqual([MANIFEST, "a.csv"]);
      expect(statSync(out).mode & 0o7777).toBe(0o750);
    }
  });

  it("refuses, even with force, a folder renewsim did not write or holding a file it did not write", () => {
    const dir = tmp();
    const mine = join(dir, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "thesis.docx"), "years of work");
    expect(kindOf(() => writeFolderAtomically(mine, { "a.csv": "" }, true))).toBe("output");
    const out = join(dir, "out");
    writeFolderAtomically(out, { "a.csv": "" }, false);
    writeFileSync(join(out, "notes.txt"), "mine");
    expect(kindOf(() => writeFolderAtomically(out, { "a.csv": "" }, true))).toBe("output");
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(mine, "thesis.docx"), "utf8")).toBe("years of work");
  });

  it("never replaces a file, a link, /, home, the working folder, its parents, or a folder holding an input", () => {
    const dir = tmp();
    const file = join(dir, "report.docx");
    writeFileSync(file, "keep");
    const link = join(dir, "link");
    symlinkSync(dir, link);
    const scenario = join(dir, "proj", "s.yaml");
    mkdirSync(join(dir, "proj"));
    writeFileSync(scenario, "name: x\n");
    for (const target of [file, link, "/", process.env.HOME ?? "/root", ".", "..", join(dir, "proj")]) {
      expect(kindOf(() => assertWritable(target, true, [scenario])), target).toBe("output");
    }
    expect(readFileSync(file, "utf8")).toBe("keep");
    expect(existsSync(scenario)).toBe(true);
  });

  it("removes temporaries left by a process that no longer runs, and keeps those of running ones", () => {
    const dir = tmp();
    const pidMax = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8"));
    const dead = join(dir, `.out.renewsim-${pidMax + 1}-0123abcd.tmp`);
    const deadOld = join(dir, `.out.renewsim-${pidMax + 1}-0123abcd.old`);
    const alive = join(dir, `.out.renewsim-1-89abcdef.tmp`); // pid 1 always runs
    const other = join(dir, `.other.renewsim-${pidMax + 1}-0123abcd.tmp`); // another --out: not ours to clean
    for (const d of [dead, deadOld, alive, other]) {
      mkdirSync(d);
      writeFileSync(join(d, "plan.csv"), "half a fi");
    }
    writeFolderAtomically(join(dir, "out"), { "a.csv": "" }, false);
    expect(readdirSync(dir).sort()).toEqual([alive, other, join(dir, "out")].map((p) => p.slice(dir.length + 1)).sort());
  });
});

describe("writeFileAtomically", () => {
  const rules = { force: false, isOurs: firstLineStartsWith("file,key,column,value_1,"), what: "compare file" };

  it("creates a file only where none is; with force replaces only a file carrying the signature", () => {
    const dir = tmp();
    const out = join(dir, "compare.csv");
    writeFileAtomically(out, "\ufefffile,key,column,value_1,value_2\n", rules);
    expect(kindOf(() => writeFileAtomically(out, "x", rules))).toBe("output_exists");
    writeFileAtomically(out, "\ufefffile,key,column,value_1,value_3\n", { ...rules, force: true });
    const theirs = join(dir, "budget.xlsx");
    writeFileSync(theirs, "PK\u0003\u0004 a workbook");
    expect(kindOf(() => writeFileAtomically(theirs, "file,key,column,value_1,\n", { ...rules, force: true }))).toBe("output");
    expect(readFileSync(theirs, "utf8")).toBe("PK\u0003\u0004 a workbook");
    expect(readdirSync(dir).sort()).toEqual(["budget.xlsx", "compare.csv"]);
  });
});

/** Runs the CLI in a child process (a real process, so limits and races are real). */
function cli(args: string[], shell?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const command = shell ? ["sh", ["-c", `${shell}; exec node bin/simulate.js "$@"`, "sh", ...args]] as const : ["node", ["bin/simulate.js", ...args]] as const;
    const child = spawn(command[0], [...command[1]], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("previous results that cannot be deleted", () => {
  // Root deletes whatever the mode bits say, so this needs an ordinary user (a developer's machine).
  it.skipIf(process.getuid?.() === 0)("are left in the hidden .old folder while the new results count as written", () => {
    const parent = tmp();
    const out = join(parent, "out");
    writeFolderAtomically(out, { "a.csv": "1\n" }, false);
    chmodSync(out, 0o555); // its files cannot be unlinked
    try {
      expect(() => writeFolderAtomically(out, { "b.csv": "2\n" }, true)).not.toThrow();
      expect(readFileSync(join(out, "b.csv"), "utf8")).toBe("2\n");
    } finally {
      for (const entry of readdirSync(parent)) chmodSync(join(parent, entry), 0o755);
    }
  });
});

describe("a full disk and concurrent runs (child processes)", () => {
  it("a full disk (file size limit) ends with exit 4, a clear message, no folder and no temporaries", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    // ulimit -f makes writes fail with EFBIG, as a full disk fails them with ENOSPC (same handling).
    const r = await cli(["test/fixtures/mc/toy.yaml", "--draws", "20000", "--workers", "1", "--save-draws", "--out", out, "--quiet"], "trap '' XFSZ; ulimit -f 100");
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("the disk is full (or over quota); nothing was written");
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);

  it("two runs to the same --out at once: one complete folder, never a mix; the loser says so", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const scenario = (name: string, budget: string) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, readFileSync("test/fixtures/mc/toy.yaml", "utf8").replace("name: mc-toy", `name: ${name}`).replace('per_year: "6000万"', `per_year: "${budget}"`));
      return file;
    };
    const a = scenario("run-a", "5000万");
    const b = scenario("run-b", "4000万");
    const results = await Promise.all([cli([a, "--out", out, "--quiet"]), cli([b, "--out", out, "--quiet"])]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 4]);
    expect(results.find((r) => r.code === 4)!.stderr).toMatch(/already exists/);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8"));
    expect(readdirSync(out).sort()).toEqual([MANIFEST, ...manifest.files].sort());
    // Every file comes from the same run: compare with that scenario planned alone.
    const winner = JSON.parse(readFileSync(join(out, "run.json"), "utf8")).scenario.name as string;
    const alone = join(dir, "alone");
    expect((await cli([winner === "run-a" ? a : b, "--out", alone, "--quiet"])).code).toBe(0);
    for (const f of manifest.files.filter((x: string) => x.endsWith(".csv") || x === "input.yaml")) {
      expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(alone, f), "utf8"));
    }
    expect(readdirSync(dir).filter((f) => f.includes(".renewsim-"))).toEqual([]);
  }, 180_000);
});
