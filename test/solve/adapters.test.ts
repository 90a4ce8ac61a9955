import { afterAll, describe, expect, it } from "vitest";
import { solverFor } from "../../src/solve/auto.js";
import { JslpAdapter } from "../../src/solve/jslp.js";
import type { SolverAdapter } from "../../src/solve/types.js";
import { equalityFreeFixed, infeasible, rangedHi, rangedLo, smallMilp, unbounded, build } from "./fixtures.js";

const highs = solverFor("highs");
const jslp = new JslpAdapter({ defaultTimeLimitSeconds: 20 });
afterAll(() => jslp.close());

const adapters: SolverAdapter[] = [highs, jslp];

describe.each(adapters)("$name adapter on hand-solved models", (adapter) => {
  it("LP with the upper side of a ranged row binding", async () => {
    const r = await adapter.solve(rangedHi);
    expect(r.status).toBe("optimal");
    expect(r.solver).toBe(adapter.name);
    expect(r.objective).toBeCloseTo(8.5, 9);
    expect([...r.primal]).toEqual([expect.closeTo(2.5, 9), expect.closeTo(1.5, 9)]);
    expect(r.seconds).toBeGreaterThan(0);
  });

  it("LP with the lower side of a ranged row binding", async () => {
    const r = await adapter.solve(rangedLo);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(5, 9);
    expect([...r.primal]).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
  });

  it("equality row, free, fixed and negative-bounded columns, objective constant", async () => {
    const r = await adapter.solve(equalityFreeFixed);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(3.5, 9);
    expect([...r.primal]).toEqual([17, -7, 3, -5].map((v) => expect.closeTo(v, 9)));
  });

  it("small MILP", async () => {
    const r = await adapter.solve(smallMilp);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(-20.5, 9);
    expect([...r.primal]).toEqual([4, 0, 0.5].map((v) => expect.closeTo(v, 9)));
    expect(r.duals).toBeNull();
  });

  it("reports infeasible and unbounded models", async () => {
    expect((await adapter.solve(infeasible)).status).toBe("infeasible");
    expect((await adapter.solve(unbounded)).status).toBe("unbounded");
  });

  it("an empty row outside its bounds is infeasible; inside, it is ignored", async () => {
    const bad = build({ vars: { x: [0, 1] }, rows: [["empty", {}, 1, 2]], obj: { x: 1 } });
    expect((await adapter.solve(bad)).status).toBe("infeasible");
    const ok = build({ vars: { x: [1, 2] }, rows: [["empty", {}, -1, 2]], obj: { x: 1 } });
    const r = await adapter.solve(ok);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(1, 9);
  });

  it("a model without rows: every column at its best bound", async () => {
    const m = build({ vars: { x: [1, 3], y: [-2, 5, true] }, rows: [], obj: { x: 1, y: -2 }, constant: 1 });
    const r = await adapter.solve(m);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(1 - 10 + 1, 9);
    if (r.duals) expect(r.duals).toHaveLength(0);
  });

  it("integer column with fractional lower bound and a variable in no row", async () => {
    const m = build({
      vars: { n: [0.5, 7.9, true], idle: [0, 4], neg: [-3, 2] },
      rows: [["cap", { n: 2 }, -Infinity, 9]],
      obj: { n: -1, neg: 1 },
    });
    const r = await adapter.solve(m);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(-4 - 3, 9);
    expect(r.primal[0]).toBeCloseTo(4, 9);
    expect(r.primal[2]).toBeCloseTo(-3, 9);
  });
});

describe("status edge cases", () => {
  it("HiGHS settles 'infeasible or unbounded' from presolve with a feasibility solve", async () => {
    // Infeasible rows plus a free column that would be unbounded: presolve cannot tell which.
    const m = build({
      vars: { x: [-Infinity, Infinity], y: [0, Infinity] },
      rows: [
        ["lo", { y: 1 }, 2, Infinity],
        ["hi", { y: 1 }, -Infinity, 1],
      ],
      obj: { x: -1 },
    });
    expect((await highs.solve(m)).status).toBe("infeasible");
    expect((await jslp.solve(m)).status).toBe("infeasible");
  });

  it("HiGHS refuses coefficients beyond its 1e15 limit with a message, not a crash", async () => {
    const m = build({ vars: { x: [0, 1] }, rows: [["huge", { x: 1e21 }, -Infinity, 1]], obj: { x: 1 } });
    const r = await highs.solve(m);
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/1e15/);
    expect((await highs.solve(rangedHi)).status).toBe("optimal"); // and the runtime still works
  });

  it("a non-finite coefficient is an error result", async () => {
    const m = build({ vars: { x: [0, 1] }, rows: [["r", { x: NaN }, -Infinity, 1]], obj: { x: 1 } });
    for (const adapter of adapters) {
      const r = await adapter.solve(m);
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/finite/);
    }
  });

  it("jslp reports a time-limit stop as an error, and keeps working afterwards", async () => {
    const slow = new JslpAdapter();
    const r = await slow.solve(smallMilp, { timeLimitSeconds: 0 });
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/did not finish/);
    expect((await slow.solve(rangedHi)).status).toBe("optimal");
    await slow.close();
  });
});
