/**
 * `simulate … | head -1`: the reader closes the pipe early and the CLI's later writes fail with
 * EPIPE. That must not turn into exit 1 ("internal error"): the command ends with its own status,
 * unless what was cut off is its product (an LP model, a scenario's YAML, the schema): exit 4.
 * The CLI runs as a child process whose stdout or stderr pipe this side closes before the child
 * has written anything (it takes far longer to start than the close).
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SIMULATE = resolve("bin/simulate.js");
const TOWNS = "test/fixtures/finance/towns.yaml";

/** Runs the CLI with `closed` ("stdout" or "stderr") closed at once; the exit code and what the other stream got. */
function runWithClosed(closed: "stdout" | "stderr", ...args: string[]): Promise<{ code: number | null; other: string }> {
  const child = spawn(process.execPath, [SIMULATE, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  child[closed].destroy();
  let other = "";
  child[closed === "stdout" ? "stderr" : "stdout"].on("data", (d) => (other += String(d)));
  return new Promise((done) => child.on("close", (code) => done({ code, other })));
}

describe("a pipe closed by its reader", () => {
  const BUSY = 120_000; // child processes start slowly on a busy machine

  it("stdout closed: validate's verdict line is a printout, so it ends with its own exit code 0, quietly", async () => {
    const { code, other } = await runWithClosed("stdout", "validate", TOWNS);
    expect(other).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(0);
  }, BUSY);

  // Their product is the text on stdout: cut off, it must not pass for whole (exit 4, output not written).
  it.each([
    ["export (the LP model)", ["export", TOWNS]],
    ["validate --print (the merged YAML)", ["validate", TOWNS, "--print"]],
    ["schema (the JSON Schema)", ["schema"]],
    ["explain (its list of limits, nothing else is written)", ["explain", TOWNS]],
  ])("stdout closed: %s exits 4, quietly", async (_what, args) => {
    const { code, other } = await runWithClosed("stdout", ...args);
    expect(other).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(4);
  }, BUSY);

  it("stderr closed: a bad scenario still exits 2, not 1", async () => {
    const { code, other } = await runWithClosed("stderr", "validate", "test/fixtures/finance/no-such-file.yaml");
    expect(other).toBe("");
    expect(code).toBe(2);
  }, BUSY);
});
