/**
 * `--strict` on the commands that plan: a scenario that loads with notes is refused, exit 2, before
 * anything is planned or written — as `validate --strict` refuses it. An office whose budget table
 * was typed in the wrong unit got "a plan built on it means nothing" and exit 0 with a full folder.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";

const SLIP = "test/fixtures/unit-slip/scenario.yaml";
const tmp = mkdtempSync(join(tmpdir(), "renewsim-strict-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    return { code: await main(["node", "simulate", ...args]), stderr: written.join("") };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe("--strict", () => {
  it.each([
    ["plan", [SLIP]],
    ["stress", ["stress", SLIP, "--cut", "government=10%"]],
    ["min-budget", ["min-budget", SLIP, "--source", "government"]],
    ["frontier", ["frontier", SLIP, "--confidence", "0.8"]],
  ])("refuses a scenario with notes in %s: exit 2, no folder", async (_name, args) => {
    const out = join(tmp, `strict-${_name}`);
    const { code, stderr } = await run(...args, "--strict", "--out", out);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(stderr).toMatch(/--strict: \d+ notes? about the scenario/);
    expect(stderr).toContain("city.csv");
  });

  it("lists the notes in the error where --quiet kept them from being printed", async () => {
    const { code, stderr } = await run(SLIP, "--strict", "--quiet", "--out", join(tmp, "quiet"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/counts? as (a problem|problems):\n {2}- .*city\.csv/);
  });

  it("does not count how a file was read: a CSV saved as GBK (as Excel and WPS do) is information, not a problem", async () => {
    const copy = join(tmp, "gbk-copy");
    cpSync("test/fixtures/unit-slip", copy, { recursive: true });
    const table = join(copy, "data", "city.csv");
    writeFileSync(table, iconv.encode(readFileSync(table, "utf8"), "gbk"));
    const { code, stderr } = await run(join(copy, "scenario.yaml"), "--strict", "--quiet", "--out", join(tmp, "gbk-out"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--strict: 1 note about the scenario counts as a problem:\n {2}- .*city\.csv: 12 of its 12 budgets/);
    expect(stderr).not.toContain("was read as GBK");
  });

  it("still counts a cell's own unit under a header's (0.6亿 under 金额（万元）): that may be a unit slip, not how the file was read", async () => {
    const copy = join(tmp, "cell-unit");
    cpSync("test/fixtures/unit-slip", copy, { recursive: true });
    const table = join(copy, "data", "city.csv");
    const rows = readFileSync(table, "utf8").trim().split("\n").slice(1);
    writeFileSync(table, ["区域,年份,金额（万元）", "gz,2021,0.6亿", ...rows.slice(1)].join("\n") + "\n");
    const { code, stderr } = await run(join(copy, "scenario.yaml"), "--strict", "--quiet", "--out", join(tmp, "cell-unit-out"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--strict: .*\n {2}- .*"0\.6亿" under the header "金额（万元）"/);
  });

  it("plans the same scenario without it (the notes stay warnings)", async () => {
    const out = join(tmp, "lenient");
    expect((await run(SLIP, "--quiet", "--no-xlsx", "--out", out)).code).toBe(0);
    expect(existsSync(join(out, "plan.csv"))).toBe(true);
  });
});
