import { afterAll, describe, expect, it } from "vitest";
import type { Highs } from "highs";
import { HighsRuntime } from "../../src/solve/highsRuntime.js";
import { HighsAdapter } from "../../src/solve/highs.js";
import { autoSolverName, chooseSolver, JSLP_MAX_COLUMNS, solverFor } from "../../src/solve/auto.js";
import { JslpAdapter } from "../../src/solve/jslp.js";
import { allocationLp } from "../../bench/allocationLp.js";
import { infeasible, rangedHi, smallMilp, unbounded } from "./fixtures.js";

describe("HighsRuntime recycling", () => {
  it("re-creates the WASM instance every `recycleAfter` solves", async () => {
    const runtime = new HighsRuntime({ recycleAfter: 3 });
    const adapter = new HighsAdapter(runtime);
    for (let k = 0; k < 7; k++) expect((await adapter.solve(rangedHi)).status).toBe("optimal");
    expect(runtime.loads).toBe(3);
  });

  it("recycles after an exception and retries once on a fresh instance", async () => {
    const runtime = new HighsRuntime();
    const seen: Highs[] = [];
    const out = await runtime.run((h) => {
      seen.push(h);
      if (seen.length === 1) throw new Error("RuntimeError: memory access out of bounds");
      return "ok";
    });
    expect(out).toBe("ok");
    expect(runtime.loads).toBe(2);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it("gives up after the retry and reports an error result, then recovers", async () => {
    const runtime = new HighsRuntime();
    await expect(runtime.run(() => {
      throw new Error("Aborted()");
    })).rejects.toThrow(/Aborted/);
    const adapter = new HighsAdapter(runtime);
    expect((await adapter.solve(rangedHi)).status).toBe("optimal");
  });

  it("recycles when linear memory passes the cap", async () => {
    const runtime = new HighsRuntime({ maxMemoryBytes: 1 }); // any instance is "too big"
    const adapter = new HighsAdapter(runtime);
    await adapter.solve(rangedHi);
    await adapter.solve(rangedHi);
    expect(runtime.loads).toBe(2);
  });

  it("many solves on one adapter stay correct", async () => {
    const adapter = new HighsAdapter({ recycleAfter: 50 });
    for (let k = 0; k < 150; k++) {
      const r = await adapter.solve(k % 3 === 0 ? smallMilp : k % 3 === 1 ? rangedHi : infeasible);
      expect(r.status).toBe(k % 3 === 2 ? "infeasible" : "optimal");
    }
  });
});

describe("HiGHS 'infeasible or unbounded' is settled by a feasibility solve", () => {
  /** A runtime whose first answer is the ambiguous presolve status. */
  class AmbiguousOnce extends HighsRuntime {
    private first = true;
    override async run<T>(fn: (h: Highs) => T): Promise<T> {
      if (this.first) {
        this.first = false;
        return { Status: "Primal infeasible or unbounded", ObjectiveValue: 0, Columns: {}, Rows: [] } as T;
      }
      return super.run(fn);
    }
  }

  it.each([
    ["unbounded", unbounded],
    ["infeasible", infeasible],
  ] as const)("%s", async (expected, model) => {
    const r = await new HighsAdapter(new AmbiguousOnce()).solve(model);
    expect(r.status).toBe(expected);
  });
});

describe("solver choice", () => {
  it("explicit requests are honoured and adapters are shared", () => {
    expect(chooseSolver(rangedHi, "highs").name).toBe("highs");
    expect(chooseSolver(rangedHi, "jslp").name).toBe("jslp");
    expect(solverFor("highs")).toBe(solverFor("highs"));
  });

  it("auto: integer models and large models go to HiGHS", () => {
    expect(autoSolverName(smallMilp)).toBe("highs");
    expect(autoSolverName(allocationLp({ regions: 40 }))).toBe("highs");
    expect(chooseSolver(allocationLp({ regions: 40 }), "auto").name).toBe("highs");
  });

  it("auto: small continuous models try jslp first", async () => {
    expect(rangedHi.variables.length).toBeLessThanOrEqual(JSLP_MAX_COLUMNS);
    expect(autoSolverName(rangedHi)).toBe("jslp");
    const r = await chooseSolver(rangedHi, "auto").solve(rangedHi);
    expect(r.status).toBe("optimal");
    expect(r.solver).toBe("jslp");
    expect(r.objective).toBeCloseTo(8.5, 9);
  });

  it("auto: whatever jslp does not prove optimal is settled by HiGHS", async () => {
    const r = await chooseSolver(infeasible, "auto").solve(infeasible);
    expect(r.status).toBe("infeasible");
    expect(r.solver).toBe("highs");
    expect(r.message).toMatch(/jslp infeasible.*re-solved with HiGHS/);
  });

  afterAll(() => (solverFor("jslp") as JslpAdapter).close());
});
