import { describe, expect, it } from "vitest";
import { EXIT, exitCodeFor, exitCodeForStatus, reportError } from "../../src/cli/errors.js";
import { InfeasiblePlan, Interrupted, SolverFailure, UsageError } from "../../src/errors.js";
import { OutputExistsError } from "../../src/output/writeFolder.js";

describe("the CLI's one map from outcomes to exit codes", () => {
  it("maps each engine error kind to its documented code", () => {
    expect(exitCodeFor(new UsageError("bad --cut"))).toBe(EXIT.badInput);
    expect(exitCodeFor(new SolverFailure("HiGHS stopped"))).toBe(EXIT.solver);
    expect(exitCodeFor(new InfeasiblePlan("no plan"))).toBe(EXIT.infeasible);
    expect(exitCodeFor(new Interrupted())).toBe(EXIT.interrupted);
    expect(exitCodeFor(new OutputExistsError("/tmp/x"))).toBe(EXIT.output);
    expect(exitCodeFor(Object.assign(new Error("disk full"), { code: "ENOSPC" }))).toBe(EXIT.output);
    expect(exitCodeFor(new TypeError("a bug"))).toBe(EXIT.internal);
  });

  it("maps a plan's status: no plan is a result (3), not a failure, unless the solver failed (5)", () => {
    expect(exitCodeForStatus("optimal")).toBe(0);
    expect(exitCodeForStatus("infeasible")).toBe(3);
    expect(exitCodeForStatus("unreachable")).toBe(3);
    expect(exitCodeForStatus("error")).toBe(5);
  });

  it("prints one line without terminal control characters, and the stack only with --debug", () => {
    const out: string[] = [];
    const code = reportError(new UsageError("unknown source \u001b[31mgov\u001b[0m"), false, (s) => out.push(s));
    expect(code).toBe(EXIT.badInput);
    expect(out).toEqual(["error: unknown source \\u001b[31mgov\\u001b[0m\n"]);
    const internal: string[] = [];
    reportError(new TypeError("x is undefined"), false, (s) => internal.push(s));
    expect(internal).toEqual(["internal error: x is undefined\n", "(run with --debug for the stack trace)\n"]);
    const debug: string[] = [];
    reportError(new TypeError("x is undefined"), true, (s) => debug.push(s));
    expect(debug[1]).toContain("TypeError: x is undefined\n    at ");
  });
});
