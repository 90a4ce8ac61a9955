/**
 * `simulate export`: a later stage of a scenario without a plan, or one the solver gave up on, is
 * not bad input — it exits as every other command does there (3 infeasible, 5 solver failure), in
 * plain words, and writes no LP file.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StagedSession } from "../../src/plan/stagedSession.js";
import { runCli } from "./run.js";
import { scenarioFile, TOWN } from "./town.js";

function scenario(text: string): { file: string; lp: string } {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-export-cli-"));
  return { file: scenarioFile(dir, text), lp: join(dir, "s2.lp") };
}

afterEach(() => vi.restoreAllMocks());

describe("simulate export --stage 2", () => {
  it("writes the cost stage of a scenario with a plan", async () => {
    const { file, lp } = scenario(TOWN);
    expect((await runCli("export", file, "--stage", "2", "-o", lp)).code).toBe(0);
    expect(existsSync(lp)).toBe(true);
  });

  it("exits 3 (infeasible), not 2, when the shortfall stage has no plan, with the diagnosis the plan prints", async () => {
    const { file, lp } = scenario(TOWN.replace("at_least: 6", "at_least: 9"));
    const r = await runCli("export", file, "--stage", "2", "-o", lp);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("error: stage 1 (shortfall) is infeasible: the scenario has no plan, so later stages cannot be exported");
    expect(existsSync(lp)).toBe(false);
    // What must give and the limits against it, line for line as `simulate FILE` prints them.
    const plan = await runCli(file, "--out", join(dirname(lp), "out"));
    expect(plan.code).toBe(3);
    const diagnosis = plan.stderr.slice(plan.stderr.indexOf("plan is infeasible:\n") + "plan is infeasible:\n".length, plan.stderr.indexOf("diagnosis written to"));
    expect(diagnosis).toContain("falls short by 2.33 (s.yaml:24)\n  against these limits:\n");
    expect(r.stderr).toContain(`:\n${diagnosis}`);
    // Stage 1 itself is the model as written, solved by nobody: it still exports.
    expect((await runCli("export", file, "--stage", "1", "-o", lp)).code).toBe(0);
  });

  it("exits 5 (solver failure), not 2, and says so rather than 'is error'", async () => {
    const { file, lp } = scenario(TOWN);
    vi.spyOn(StagedSession.prototype, "run").mockResolvedValue({
      status: "error", message: "stage shortfall: error (HiGHS status: Time limit reached)",
      stages: [{ stage: "shortfall", status: "error" }],
    } as unknown as Awaited<ReturnType<StagedSession["run"]>>);
    const r = await runCli("export", file, "--stage", "2", "-o", lp);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("error: the solver failed on stage shortfall: error (HiGHS status: Time limit reached); later stages cannot be exported");
    expect(r.stderr).not.toContain("is error");
    expect(existsSync(lp)).toBe(false);
  });
});
